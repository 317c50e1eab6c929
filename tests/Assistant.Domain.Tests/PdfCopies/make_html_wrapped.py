#!/usr/bin/env python3
"""Makes the session-41 copies of plain HTML 自评表 (a table with border="1" and no widths, as an outside tester wrote
the 广东 乳源 table): LibreOffice fits the columns to the page, so names, targets, actuals and the headers
(实际完 / 成值 around 分值) wrap over two or three lines, and 分值 sits a gap beside 得分. Each table is printed to PDF by
LibreOffice (`-lo`) and by chromium (`-web`), and copied with `pdftotext -layout` (.layout.txt) and without (.raw.txt);
its clean tab-separated copy is written too (.clean.txt). Every copy must be read exactly as the clean copy is, or
refused with what to do — never read with a glued or split cell (ImportingHtmlWrappedPdfTests).
Run: python3 make_html_wrapped.py [work folder] (needs soffice, chromium and pdftotext); the PDFs are not kept."""
import os, subprocess, sys, tempfile
from html import escape

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]

# title, year, department, implementer, fund unit, fund lines (name, initial, budget, executed, weight, rate, score),
# goal (expected, achieved), rows (一级 with its weight, 二级, 三级, target, actual, 分值, 得分, reason), (weight total, total).
TABLES = {
    "sc-nongtian": dict(
        title="2025年高标准农田建设项目", year="2025", dept="四川省绵阳市三台县农业农村局", impl="三台县农田建设服务中心", unit="万元",
        funds=[("年度资金总额", "3600.00", "3780.00", "3402.00", "10", "90.00%", "9.00"),
               ("其中：中央资金", "2400.00", "2400.00", "2280.00", "—", "95.00%", "—"),
               ("其中：省级资金", "800.00", "900.00", "792.00", "—", "88.00%", "—"),
               ("其中：县级资金", "400.00", "480.00", "330.00", "—", "68.75%", "—")],
        goal=("预期目标：新建高标准农田2.4万亩", "实际完成情况：新建高标准农田2.28万亩"),
        rows=[("产出指标（50分）", "数量指标", "新建高标准农田面积（万亩）", "≥2.4", "2.28", "15", "14.25", "3个村土地流转未谈妥延后实施"),
              ("产出指标（50分）", "质量指标", "工程验收合格率", "100%", "100%", "10", "10", ""),
              ("产出指标（50分）", "时效指标", "项目完工时间", "2025年10月底前", "2025年12月", "10", "6.67", "雨季延长工期两个月"),
              ("产出指标（50分）", "成本指标", "亩均建设成本（元/亩）", "≤3000", "2960", "15", "15", ""),
              ("效益指标（30分）", "经济效益指标", "项目区粮食亩产增幅", "较上年提升", "提升6.2%", "15", "15", ""),
              ("效益指标（30分）", "可持续影响指标", "建后管护机制落实情况", "落实到村", "基本落实", "15", "12.50", "部分村管护经费未到位"),
              ("满意度指标（10分）", "服务对象满意度指标", "项目区农户满意度", "≥90%", "93.5%", "10", "10", "")],
        total=("100", "92.42")),
    "hn-xingfuyuan": dict(
        title="2025年农村幸福院运营补助", year="2025", dept="湖南省衡阳市民政局", impl="衡南县养老服务指导中心", unit="万元",
        funds=[("年度资金总额", "860.00", "860.00", "774.00", "10", "90.00%", "9.00"),
               ("其中：省级资金", "500.00", "500.00", "500.00", "—", "100.00%", "—"),
               ("其中：县级资金", "360.00", "360.00", "274.00", "—", "76.11%", "—")],
        goal=("预期目标：保障农村幸福院正常运营", "实际完成情况：基本完成"),
        rows=[("产出指标（50分）", "数量指标", "正常运营的农村幸福院数量（个）", "≥120", "116", "20", "19.33", "4个院点设施改造暂停运营"),
              ("产出指标（50分）", "质量指标", "幸福院消防安全检查合格率", "≥95%", "97.5%", "10", "10", ""),
              ("产出指标（50分）", "时效指标", "运营补助拨付时间", "2025年6月底前", "2025年6月底前", "10", "10", ""),
              ("产出指标（50分）", "成本指标", "院均运营补助（万元/个）", "≤2.5", "2.38", "10", "10", ""),
              ("效益指标（30分）", "社会效益指标", "农村留守老人日间照料人次", "较上年提升", "明显提升", "15", "15", ""),
              ("效益指标（30分）", "可持续影响指标", "幸福院长效运营机制", "建立", "部分建立", "15", "11.25", "部分院点依赖补助，自我造血不足"),
              ("满意度指标（10分）", "服务对象满意度指标", "入院老人满意度", "≥90%", "95%", "10", "10", "")],
        total=("100", "94.58")),
    "sn-gongshui": dict(
        title="2024年农村供水保障工程维修养护", year="2024", dept="陕西省渭南市水务局", impl="蒲城县农村供水管理站", unit="万元",
        funds=[("年度资金总额", "1250.00", "1320.00", "1188.00", "10", "90.00%", "9.00"),
               ("其中：中央资金", "900.00", "900.00", "864.00", "—", "96.00%", "—"),
               ("其中：市县资金", "350.00", "420.00", "324.00", "—", "77.14%", "—")],
        goal=("预期目标：维修养护农村供水工程150处", "实际完成情况：完成142处"),
        rows=[("产出指标（50分）", "数量指标", "维修养护供水工程数量（处）", "≥150", "142", "20", "18.93", "8处工程水源地变更需重新选址"),
              ("产出指标（50分）", "质量指标", "农村集中供水水质达标率", "≥90%", "92.4%", "10", "10", ""),
              ("产出指标（50分）", "时效指标", "维修养护完成时间", "2024年11月底前", "2024年11月底前", "10", "10", ""),
              ("产出指标（50分）", "成本指标", "处均维修费用（万元/处）", "≤9.5", "8.37", "10", "10", ""),
              ("效益指标（30分）", "社会效益指标", "农村自来水普及率", "较上年提升", "提升1.8个百分点", "15", "15", ""),
              ("效益指标（30分）", "可持续影响指标", "工程管护责任落实率", "100%", "96%", "15", "14.40", "个别村管水员空缺"),
              ("满意度指标（10分）", "服务对象满意度指标", "受益群众满意度", "≥90%", "91%", "10", "10", "")],
        total=("100", "97.33")),
    "jx-shaoniangong": dict(
        title="2025年乡村学校少年宫运行补助", year="2025", dept="江西省赣州市教育局", impl="于都县教育体育局", unit="万元",
        funds=[("年度资金总额", "420.00", "420.00", "399.00", "15", "95.00%", "14.25"),
               ("其中：中央资金", "300.00", "300.00", "300.00", "—", "100.00%", "—"),
               ("其中：县级资金", "120.00", "120.00", "99.00", "—", "82.50%", "—")],
        goal=("预期目标：保障乡村学校少年宫常态化开放", "实际完成情况：完成"),
        rows=[("产出指标（45分）", "数量指标", "常态化开放的乡村学校少年宫数量（所）", "≥42", "42", "15", "15", ""),
              ("产出指标（45分）", "质量指标", "少年宫每周开放时长达标率", "≥95%", "93%", "10", "9.79", "部分学校辅导教师兼课较多"),
              ("产出指标（45分）", "时效指标", "运行经费拨付时间", "2025年6月底前", "2025年7月中旬", "10", "8", "县级配套资金到位较晚"),
              ("产出指标（45分）", "成本指标", "校均运行补助（万元/所）", "≤10", "9.5", "10", "10", ""),
              ("效益指标（30分）", "社会效益指标", "参与少年宫活动学生人次", "较上年提升", "提升12%", "15", "15", ""),
              ("效益指标（30分）", "可持续影响指标", "少年宫辅导员队伍建设", "稳定", "基本稳定", "15", "13.50", ""),
              ("满意度指标（10分）", "服务对象满意度指标", "学生及家长满意度", "≥90%", "96.2%", "10", "10", "")],
        total=("100", "95.54")),
    "he-xiaofang": dict(
        title="2024年乡镇消防站能力提升补助", year="2024", dept="河北省保定市消防救援支队", impl="涞源县消防救援大队", unit="万元",
        funds=[("年度资金总额", "680.00", "700.00", "651.00", "10", "93.00%", "9.30"),
               ("其中：省级资金", "500.00", "500.00", "500.00", "—", "100.00%", "—"),
               ("其中：县级资金", "180.00", "200.00", "151.00", "—", "75.50%", "—")],
        goal=("预期目标：完成12个乡镇消防站装备配备", "实际完成情况：完成11个"),
        rows=[("产出指标（50分）", "数量指标", "完成装备配备的乡镇消防站数量（个）", "≥12", "11", "20", "18.33", "1个站点营房改造未完工"),
              ("产出指标（50分）", "质量指标", "装备验收合格率", "100%", "100%", "10", "10", ""),
              ("产出指标（50分）", "时效指标", "装备配发完成时间", "2024年9月底前", "2024年9月底前", "10", "10", ""),
              ("产出指标（50分）", "成本指标", "站均装备购置费用（万元/站）", "≤58", "56.8", "10", "10", ""),
              ("效益指标（30分）", "社会效益指标", "乡镇火灾扑救平均到场时间", "较上年缩短", "缩短3.5分钟", "15", "15", ""),
              ("效益指标（30分）", "可持续影响指标", "专职消防队员在岗率", "≥95%", "92%", "15", "14.53", "2名队员离职正在补招"),
              ("满意度指标（10分）", "服务对象满意度指标", "辖区群众满意度", "≥90%", "94%", "10", "10", "")],
        total=("100", "96.16")),
}


def html(t):
    r = [f"<html><head><meta charset=\"utf-8\"></head><body>\n<p><b>{t['year']}年度项目支出绩效自评表</b></p>\n<table border=\"1\">"]
    td = lambda s, span=1: f"<td colspan=\"{span}\">{escape(s)}</td>" if span > 1 else f"<td>{escape(s)}</td>"
    r.append("<tr>" + td("项目名称") + td(t["title"], 7) + "</tr>")
    r.append("<tr>" + td("主管部门") + td(t["dept"], 3) + td("实施单位") + td(t["impl"], 3) + "</tr>")
    r.append("<tr>" + "".join(td(h) for h in [f"项目资金（{t['unit']}）", "资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]) + "</tr>")
    for f in t["funds"]:
        r.append("<tr>" + td("") + "".join(td(c) for c in f) + "</tr>")
    r.append("<tr>" + td("年度总体目标") + td(t["goal"][0], 4) + td(t["goal"][1], 3) + "</tr>")
    r.append("<tr>" + td("绩效指标") + "".join(td(h) for h in HEADER) + "</tr>")
    for row in t["rows"]:
        r.append("<tr>" + td("") + "".join(td(c) for c in row) + "</tr>")
    r.append("<tr>" + td("总分") + td("", 5) + td(t["total"][0]) + td(t["total"][1]) + "</tr>")
    r.append("</table>\n</body></html>\n")
    return "\n".join(r)


def clean(t):
    lines = [f"{t['year']}年度项目支出绩效自评表", f"项目名称\t{t['title']}", f"主管部门\t{t['dept']}\t实施单位\t{t['impl']}",
             f"项目资金（{t['unit']}）\t资金来源\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分"]
    lines += ["\t" + "\t".join(f) for f in t["funds"]]
    lines.append(f"年度总体目标\t{t['goal'][0]}\t{t['goal'][1]}")
    lines.append("绩效指标\t" + "\t".join(HEADER))
    lines += ["\t" + "\t".join(row) for row in t["rows"]]
    lines.append(f"总分\t{t['total'][0]}\t{t['total'][1]}")
    return "\n".join(lines) + "\n"


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
    for name, t in TABLES.items():
        src = os.path.join(work, name + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html(t))
        with open(os.path.join(HERE, name + ".clean.txt"), "w", encoding="utf-8") as f:
            f.write(clean(t))
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", work, src], check=True, capture_output=True)
        os.replace(os.path.join(work, name + ".pdf"), os.path.join(work, name + "-lo.pdf"))
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={os.path.join(work, name + '-web.pdf')}", "file://" + src], check=True, capture_output=True)
        for printer in ("lo", "web"):
            pdf = os.path.join(work, f"{name}-{printer}.pdf")
            subprocess.run(["pdftotext", "-layout", pdf, os.path.join(HERE, f"{name}-{printer}.layout.txt")], check=True)
            subprocess.run(["pdftotext", pdf, os.path.join(HERE, f"{name}-{printer}.raw.txt")], check=True)


if __name__ == "__main__":
    main()
