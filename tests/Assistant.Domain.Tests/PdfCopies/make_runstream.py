#!/usr/bin/env python3
"""Makes the session-45 copies of four new 自评表, written after the browser-copy reader (RunStream) was done and not
tuned on: other provinces (甘肃, 黑龙江, 青海, 内蒙古), funds in 万元 and in 元 (1,280,000.00), text 指标值 (持续发挥,
2025年10月底前, 逐步改善), long 偏差原因, a 一级 whose weight has no 分 (产出指标（40）), rows with no 偏差原因, a 计量单位
column, and 成本指标 as a 一级. Each is written as a plain HTML table (border 1, no widths), printed to PDF by LibreOffice
(`-lo`) and by chromium (`-web`, --print-to-pdf), and copied with `pdftotext -raw` (.browser.txt: the text in the order
the PDF draws it, as a browser's PDF viewer copies it) and `pdftotext` in reading order (.raw.txt); its clean
tab-separated copy is written too (.clean.txt). Every copy must be read exactly as the clean copy is, or refused with
what to do (ImportingRunStreamTests, and the eval's import.printedCopies).
Run: python3 make_runstream.py [work folder] (needs soffice, chromium and pdftotext); the PDFs are not kept."""
import os, sys, tempfile
from html import escape

HERE = os.path.dirname(os.path.abspath(__file__))
FUND = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
PLAIN = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
UNIT = ["一级指标", "二级指标", "三级指标", "计量单位", "分值", "年度目标值", "实际完成情况", "得分", "偏差原因分析及改进措施"]

# label (绩效指标 and 资金来源 columns or none), fund unit, fund lines, goal, indicator header, rows, (weight total, total).
TABLES = {
    "gs-caoyuan": dict(
        label=True, year="2025", title="2025年草原生态保护补助奖励", dept="甘肃省张掖市林业和草原局", impl="肃南裕固族自治县草原工作站", unit="万元",
        funds=[("年度资金总额", "2460.00", "2460.00", "2337.00", "10", "95.00%", "9.50"),
               ("其中：中央资金", "2100.00", "2100.00", "2037.00", "—", "97.00%", "—"),
               ("其中：县级资金", "360.00", "360.00", "300.00", "—", "83.33%", "—")],
        goal=("预期目标：落实禁牧和草畜平衡面积", "实际完成情况：基本完成"),
        header=PLAIN,
        rows=[("产出指标（40）", "数量指标", "禁牧面积（万亩）", "≥185", "185", "10", "10", ""),
              ("产出指标（40）", "数量指标", "草畜平衡面积（万亩）", "≥420", "406", "10", "9.67", "部分乡镇牧户承包草场面积复核后调减，下年度按复核面积重新核定补助"),
              ("产出指标（40）", "质量指标", "补奖资金兑付准确率", "100%", "100%", "10", "10", ""),
              ("产出指标（40）", "时效指标", "补奖资金兑付时间", "2025年10月底前", "2025年11月中旬", "10", "8", "县级配套资金到位较晚，已协调财政提前预拨"),
              ("效益指标（30）", "生态效益指标", "草原综合植被盖度", "持续发挥", "持续发挥", "15", "15", ""),
              ("效益指标（30）", "社会效益指标", "牧户政策性收入", "稳步增加", "户均增加1260元", "15", "15", ""),
              ("满意度指标（20）", "服务对象满意度指标", "受补助牧户满意度", "≥90%", "93.6%", "20", "20", "")],
        total=("100", "97.17")),
    "hlj-bingxue": dict(
        label=False, year="2024", title="2024年冰雪运动进校园补助", dept="黑龙江省牡丹江市教育局", impl="海林市教育体育局", unit="元",
        funds=[("年度资金总额", "1,280,000.00", "1,350,000.00", "1,296,000.00", "10", "96.00%", "9.60"),
               ("其中：省级资金", "800,000.00", "800,000.00", "800,000.00", "—", "100.00%", "—"),
               ("市县资金", "480,000.00", "550,000.00", "496,000.00", "—", "90.18%", "—")],
        goal=None,
        header=PLAIN,
        rows=[("产出指标", "数量指标", "开展冰雪运动的中小学校数量", "≥36所", "38所", "15", "15", ""),
              ("产出指标", "数量指标", "参加冰雪运动课程的学生人次", "≥12000人次", "11250人次", "10", "9.38", "两所学校冰场浇筑延后，冬季课程推迟至次年一月开课"),
              ("产出指标", "质量指标", "冰雪场地安全检查合格率", "100%", "100%", "10", "10", ""),
              ("产出指标", "时效指标", "冰场浇筑完成时间", "2024年12月20日前", "2024年12月28日", "10", "7", "气温偏高影响浇冰进度，下年度提前备足制冰设备"),
              ("产出指标", "成本指标", "校均冰场维护费用", "≤3.5万元", "3.4万元", "5", "5", ""),
              ("效益指标", "社会效益指标", "学生体质健康达标率", "逐步改善", "较上年提高2.1个百分点", "20", "20", ""),
              ("效益指标", "可持续影响指标", "冰雪运动特色学校长效机制", "持续发挥", "基本建立", "10", "8", "部分学校专职教练不足，下一步联合体育部门开展教练员培训"),
              ("满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥90%", "95.2%", "10", "10", "")],
        total=("100", "93.98")),
    "qh-muchang": dict(
        label=False, year="2025", title="2025年牧区防灾减灾饲草料储备", dept="青海省海北藏族自治州农牧局", impl="祁连县畜牧兽医站", unit="万元",
        funds=[("年度资金总额", "520.00", "560.00", "532.00", "10", "95.00%", "9.50"),
               ("其中：省级资金", "400.00", "400.00", "400.00", "—", "—", "—"),
               ("县级资金", "120.00", "160.00", "132.00", "—", "—", "—")],
        goal=None,
        header=UNIT,
        rows=[("产出指标", "数量指标", "储备饲草料数量", "吨", "20", "≥6000", "6120", "20", ""),
              ("产出指标", "质量指标", "饲草料质量抽检合格率", "%", "15", "≥95", "91", "14.37", "个别批次青贮含水量偏高，已要求供应商更换并加强入库抽检"),
              ("产出指标", "时效指标", "储备入库完成时间", "—", "15", "2025年10月底前", "2025年10月底前", "15", ""),
              ("效益指标", "社会效益指标", "灾害期间牲畜死亡率", "%", "20", "≤1", "0.6", "20", ""),
              ("效益指标", "可持续影响指标", "饲草料储备调运机制", "—", "10", "持续发挥", "持续发挥", "10", ""),
              ("满意度指标", "服务对象满意度指标", "受益牧户满意度", "%", "10", "≥90", "96", "10", "")],
        total=("100", "98.87")),
    "nm-shadi": dict(
        label=True, year="2024", title="2024年京津风沙源治理工程", dept="内蒙古自治区锡林郭勒盟林业和草原局", impl="正蓝旗林业和草原工作站", unit="元",
        funds=[("年度资金总额", "3,600,000.00", "3,600,000.00", "3,240,000.00", "10", "90.00%", "9.00"),
               ("其中：中央资金", "3,000,000.00", "3,000,000.00", "2,880,000.00", "—", "96.00%", "—"),
               ("其中：旗级资金", "600,000.00", "600,000.00", "360,000.00", "—", "60.00%", "—")],
        goal=("预期目标：完成沙化土地治理2.2万亩", "实际完成情况：完成2.05万亩"),
        header=PLAIN,
        rows=[("产出指标（35分）", "数量指标", "沙化土地治理面积", "≥2.2万亩", "2.05万亩", "15", "13.98", "春季持续干旱，部分地块造林推迟至雨季，已调整施工计划并落实补植"),
              ("产出指标（35分）", "质量指标", "造林成活率", "≥85%", "87%", "10", "10", ""),
              ("产出指标（35分）", "时效指标", "工程完工时间", "2024年10月底前", "2024年11月底", "10", "8.33", "秋季补植延后一个月"),
              ("成本指标（15分）", "经济成本指标", "亩均治理成本", "≤1600元", "1580元", "15", "15", ""),
              ("效益指标（30分）", "生态效益指标", "项目区植被覆盖度", "逐步改善", "较上年提高3个百分点", "15", "15", ""),
              ("效益指标（30分）", "可持续影响指标", "管护责任落实情况", "持续发挥", "持续发挥", "15", "15", ""),
              ("满意度指标（10分）", "服务对象满意度指标", "项目区农牧民满意度", "≥90%", "92%", "10", "10", "")],
        total=("100", "94.31")),
}


def html(t):
    lead = 1 if t["label"] else 0
    width = lead + len(t["header"])
    td = lambda s, span=1: f"<td colspan=\"{span}\">{escape(s)}</td>" if span > 1 else f"<td>{escape(s)}</td>"
    r = [f"<html><head><meta charset=\"utf-8\"></head><body>\n<p><b>{t['year']}年度项目支出绩效自评表</b></p>\n<table border=\"1\">"]
    r.append("<tr>" + td("项目名称") + td(t["title"], width - 1) + "</tr>")
    half = (width - 2) // 2
    r.append("<tr>" + td("主管部门") + td(t["dept"], half) + td("实施单位") + td(t["impl"], width - 2 - half) + "</tr>")
    fund = [f"项目资金（{t['unit']}）"] + (["资金来源"] if t["label"] else []) + FUND
    r.append("<tr>" + "".join(td(h) for h in fund[:-1]) + td(fund[-1], width - len(fund) + 1) + "</tr>")
    for f in t["funds"]:
        cells = ([""] if t["label"] else []) + list(f)
        r.append("<tr>" + "".join(td(c) for c in cells[:-1]) + td(cells[-1], width - len(cells) + 1) + "</tr>")
    if t["goal"]:
        r.append("<tr>" + td("年度总体目标") + td(t["goal"][0], half) + td(t["goal"][1], width - 1 - half) + "</tr>")
    r.append("<tr>" + "".join(td(h) for h in (["绩效指标"] if t["label"] else []) + t["header"]) + "</tr>")
    for row in t["rows"]:
        r.append("<tr>" + "".join(td(c) for c in ([""] if t["label"] else []) + list(row)) + "</tr>")
    r.append("<tr>" + td("总分") + td(t["total"][0]) + td(t["total"][1], width - 2) + "</tr>")
    r.append("</table>\n</body></html>\n")
    return "\n".join(r)


def clean(t):
    lead = "\t" if t["label"] else ""
    lines = [f"{t['year']}年度项目支出绩效自评表", f"项目名称\t{t['title']}", f"主管部门\t{t['dept']}\t实施单位\t{t['impl']}",
             "\t".join([f"项目资金（{t['unit']}）"] + (["资金来源"] if t["label"] else []) + FUND)]
    lines += [lead + "\t".join(f) for f in t["funds"]]
    if t["goal"]:
        lines.append(f"年度总体目标\t{t['goal'][0]}\t{t['goal'][1]}")
    lines.append(("绩效指标\t" if t["label"] else "") + "\t".join(t["header"]))
    lines += [lead + "\t".join(row) for row in t["rows"]]
    lines.append(f"总分\t{t['total'][0]}\t{t['total'][1]}")
    return "\n".join(lines) + "\n"


def main():
    sys.path.insert(0, HERE)
    import make_html_prints as prints
    work = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
    for name, t in TABLES.items():
        src = os.path.join(work, name + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html(t))
        with open(os.path.join(HERE, name + ".clean.txt"), "w", encoding="utf-8") as f:
            f.write(clean(t))
        prints.print_both(src, work, name, "lo", "web")
        for printer in ("lo", "web"):
            prints.copies(os.path.join(work, f"{name}-{printer}.pdf"), f"{name}-{printer}", ("browser", "raw"))


if __name__ == "__main__":
    main()
