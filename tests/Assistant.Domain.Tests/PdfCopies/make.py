#!/usr/bin/env python3
"""Makes the PDF copies ImportingPdfCopyTests reads: each table below is written as HTML, printed by
`chromium --headless --print-to-pdf` (with and without the browser's page header and footer), and
copied with `pdftotext -layout` and without it; the -layout copy is also left-trimmed and double-spaced
(a blank line after every line, as some viewers paste it). A clean tab-separated copy of each table is
written too: the importer must read every copy exactly as it reads the clean one, or refuse it.
Run: python3 make.py (needs chromium and pdftotext); the PDFs themselves are not kept."""
import os, subprocess, tempfile

TABLES = {
    # 元, narrow columns: 一级/二级 cells and the 偏差原因 wrap, 三级 names wrap. Hand total: 9.50 + 19.00 + 10 + 10 + 10 + 15 + 15 + 10 = 98.50.
    "sc-zhongliang": dict(
        title="2025年耕地地力保护补贴", dept="四川省南充市农业农村局", impl="南部县农业技术推广中心", unit="元",
        funds=[("年度资金总额", "1,000,000.00", "1,000,000.00", "950,000.00", "10", "95.00%", "9.50"),
               ("其中：中央资金", "800,000.00", "800,000.00", "780,000.00", "—", "—", "—"),
               ("县级资金", "200,000.00", "200,000.00", "170,000.00", "—", "—", "—")],
        rows=[("产出指标", "数量指标", "补贴发放农户数", "≥2000户", "1900户", "20", "19.00", "部分农户外出务工未及时申报，下一步延长申报期并上门核对"),
              ("产出指标", "数量指标", "补贴耕地面积", "≥30000亩", "30500亩", "10", "10", ""),
              ("产出指标", "质量指标", "补贴面积核实准确率", "≥98%", "99%", "10", "10", ""),
              ("产出指标", "时效指标", "补贴资金兑付时间", "2025年10月底前", "2025年9月", "10", "10", ""),
              ("效益指标", "经济效益指标", "亩均补贴到户金额", "≥30元/亩", "31元/亩", "15", "15", ""),
              ("效益指标", "可持续影响指标", "耕地地力保护长效机制", "持续发挥", "持续发挥", "15", "15", ""),
              ("满意度指标", "服务对象满意度指标", "种粮农户满意度", "≥90%", "95%", "10", "10", "")],
        total=("100", "98.50"), css="table{width:600px}", thead=False),
    # 万元, wide columns (nothing wraps but the 偏差原因), a long indicator table broken across pages with its
    # header repeated. Hand total: 10 (100%) + 10 × 2 + 8.00 (4000/5000 of 10) + 10 + 10 + 20 + 20 = 98.00.
    "gd-yanglao": dict(
        title="2024年广州市番禺区居家养老服务补助", dept="广州市番禺区民政局", impl="番禺区养老服务指导中心", unit="万元",
        funds=[("年度资金总额", "500.00", "520.00", "520.00", "10", "100.00%", "10.00"),
               ("其中：市级资金", "300.00", "300.00", "300.00", "—", "—", "—"),
               ("区级资金", "200.00", "220.00", "220.00", "—", "—", "—")],
        rows=[("产出指标", "数量指标", f"第{k}片区服务老人人数", f"≥{k}00人", f"{k}20人", "2", "2", "") for k in range(1, 11)]
             + [("产出指标", "数量指标", "上门服务次数", "≥5000次", "4000次", "10", "8.00", "护理员流失，部分上门服务延后；已与两家机构签约补充人员，下年度一季度补齐")]
             + [("产出指标", "质量指标", "服务投诉办结率", "100%", "100%", "10", "10", ""),
                ("产出指标", "时效指标", "补助发放及时率", "≥95%", "98%", "10", "10", ""),
                ("效益指标", "社会效益指标", "居家养老服务覆盖率", "≥60%", "65%", "20", "20", ""),
                ("满意度指标", "服务对象满意度指标", "服务老人满意度", "≥90%", "93%", "20", "20", "")],
        total=("100", "98.00"), css="table{width:900px} td{padding:10px 2px}", thead=True),
    # 万元, wrapped headers (年度指标值 / 实际完成值 in narrow columns) and long 三级 names. Hand total:
    # 8.00 (80%) + 20 + 10 + 9.00 (450/500 of 10) + 10 + 30 + 10 = 97.00.
    "hn-shuili": dict(
        title="2025年小型农田水利设施维修养护", dept="河南省周口市水利局", impl="郸城县水利工程管理站", unit="万元",
        funds=[("年度资金总额", "250.00", "250.00", "200.00", "10", "80.00%", "8.00"),
               ("其中：省级资金", "150.00", "150.00", "130.00", "—", "—", "—"),
               ("县级资金", "100.00", "100.00", "70.00", "—", "—", "—")],
        rows=[("产出指标", "数量指标", "维修养护小型灌排泵站及配套渠系建筑物数量", "≥40座", "42座", "20", "20", ""),
              ("产出指标", "质量指标", "维修养护工程验收合格率", "≥95%", "96%", "10", "10", ""),
              ("产出指标", "成本指标", "养护资金拨付进度", "≥500万元", "450万元", "10", "9.00", "县级配套资金到位较晚，已纳入下年度预算优先保障"),
              ("产出指标", "时效指标", "汛前维修任务完成时间", "2025年5月底前", "2025年5月", "10", "10", ""),
              ("效益指标", "社会效益指标", "改善灌溉面积", "≥2万亩", "2.1万亩", "30", "30", ""),
              ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "92%", "10", "10", "")],
        total=("100", "97.00"), css="table{width:560px} td{font-size:12px}", thead=False),
    # 万元, landscape and nothing wrapped (white-space: nowrap): the copy keeps one line a row, the margins printed.
    # Hand total: 9.60 (96%) + 30 + 20 × 0.9 = 18.00 + 20 + 20 = 97.60.
    "zj-wenhua": dict(
        title="2025年农村文化礼堂运行补助", dept="浙江省湖州市文化广电旅游局", impl="长兴县文化馆", unit="万元",
        funds=[("年度资金总额", "300.00", "300.00", "288.00", "10", "96.00%", "9.60"),
               ("其中：市级资金", "200.00", "200.00", "200.00", "—", "—", "—"),
               ("县级资金", "100.00", "100.00", "88.00", "—", "—", "—")],
        rows=[("产出指标", "数量指标", "开展文化活动场次", "≥600场", "640场", "30", "30", ""),
              ("产出指标", "质量指标", "礼堂正常开放率", "≥90%", "81%", "20", "18.00", "部分礼堂管理员空缺"),
              ("效益指标", "社会效益指标", "群众参与人次", "≥5万人次", "5.6万人次", "20", "20", ""),
              ("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "95%", "20", "20", "")],
        total=("100", "97.60"), css="@page{size:A4 landscape} td{white-space:nowrap;padding:2px 8px}", thead=False),
}


def html(t):
    th = "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>"
    out = ["<html><head><meta charset='utf-8'><style>body{font-family:'Noto Serif CJK SC';font-size:11px} "
           "table{border-collapse:collapse} td{border:1px solid #000;padding:2px} " + t["css"] + "</style></head><body>",
           f"<h3 style='text-align:center'>{t['title'][:4]}年度项目支出绩效自评表</h3><table>"]
    out.append(f"<tr><td colspan=2>项目名称</td><td colspan=6>{t['title']}</td></tr>")
    out.append(f"<tr><td colspan=2>主管部门</td><td colspan=2>{t['dept']}</td><td colspan=2>实施单位</td><td colspan=2>{t['impl']}</td></tr>")
    out.append(f"<tr><td rowspan={len(t['funds']) + 1}>项目资金（{t['unit']}）</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td><td>分值</td><td>执行率</td><td>得分</td></tr>")
    for f in t["funds"]:
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in f) + "</tr>")
    out.append("</table><table>" + ("<thead>" + th + "</thead><tbody>" if t["thead"] else th))
    rows = t["rows"]
    for k, r in enumerate(rows):
        cells = []
        for col in (0, 1):
            if k > 0 and rows[k - 1][:col + 1] == r[:col + 1]:
                continue
            span = 1
            while k + span < len(rows) and rows[k + span][:col + 1] == r[:col + 1]:
                span += 1
            cells.append(f"<td rowspan={span}>{r[col]}</td>")
        cells += [f"<td>{c}</td>" for c in r[2:]]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append(f"<tr><td colspan=5>总分</td><td>{t['total'][0]}</td><td>{t['total'][1]}</td><td></td></tr>")
    out.append(("</tbody>" if t["thead"] else "") + "</table></body></html>")
    return "\n".join(out)


def clean(t):
    lines = [f"{t['title'][:4]}年度项目支出绩效自评表", f"项目名称\t{t['title']}", f"主管部门\t{t['dept']}\t实施单位\t{t['impl']}",
             f"项目资金（{t['unit']}）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分"]
    lines += ["\t".join(f) for f in t["funds"]]
    lines.append("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施")
    lines += ["\t".join(r).rstrip("\t") for r in t["rows"]]
    lines.append(f"总分\t{t['total'][0]}\t{t['total'][1]}")
    return "\n".join(lines) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        for name, t in TABLES.items():
            src = os.path.join(tmp, name + ".html")
            open(src, "w", encoding="utf-8").write(html(t))
            open(os.path.join(here, name + ".clean.txt"), "w", encoding="utf-8").write(clean(t))
            for margins in ("page", "bare"):
                pdf = os.path.join(tmp, f"{name}-{margins}.pdf")
                extra = [] if margins == "page" else ["--no-pdf-header-footer"]
                subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", *extra, f"--print-to-pdf={pdf}", "file://" + src],
                               check=True, capture_output=True)
                for mode, args in (("layout", ["-layout"]), ("raw", [])):
                    text = subprocess.run(["pdftotext", *args, pdf, "-"], check=True, capture_output=True).stdout.decode("utf-8")
                    text = text.replace(tmp, "/home/clerk/Downloads")
                    open(os.path.join(here, f"{name}-{margins}.{mode}.txt"), "w", encoding="utf-8").write(text)
                    if mode == "layout":
                        trimmed = "\n".join(l.lstrip(" ") for l in text.split("\n"))
                        open(os.path.join(here, f"{name}-{margins}.trimmed.txt"), "w", encoding="utf-8").write(trimmed)
                        spaced = "\n\n".join(text.split("\n"))
                        open(os.path.join(here, f"{name}-{margins}.spaced.txt"), "w", encoding="utf-8").write(spaced)


main()
