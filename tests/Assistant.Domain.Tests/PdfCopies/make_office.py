#!/usr/bin/env python3
"""Makes the wrapped PDF copies ImportingWrappedPdfTests reads (session 37): each table below — the five
reference tables in ../shared/reference and invented tables in other provinces' layouts (other column orders,
other wordings of 年度指标值 / 实际完成值, a 计量单位 column, merged or repeated 一级/二级 cells) — is written as a
Word table (.docx) and as an Excel sheet (.xlsx) with narrow columns, so that long names and reasons wrap onto
two or three lines inside their cells; LibreOffice prints each to PDF, and the PDF is copied with
`pdftotext -layout` and without it. A clean tab-separated copy of each table is written too: every copy must be
read exactly as the clean one is (every cell, every score), or refused with what to do.
Run: python3 make_office.py [/path/to/shared] (needs soffice and pdftotext); the PDFs are not kept."""
import json, os, subprocess, sys, tempfile, zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "shared")

STANDARD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def reference(file, short):
    d = json.load(open(os.path.join(SHARED, "reference", file), encoding="utf-8"))
    f = d["funds"]
    scored = d["kind"] == "project"
    funds = []
    for k, l in enumerate(f["lines"]):
        name = ("其中：" if k == 1 else "") + l["name"]
        if scored:
            funds.append((name, l.get("initialBudget", ""), l.get("budget", ""), l.get("executed", ""),
                          f.get("weight", "") if k == 0 else "—", l.get("printedRate", ""), l.get("printedScore", "")))
        else:
            funds.append((name, l.get("budget", ""), l.get("executed", ""), l.get("printedRate", "")))
    rows = []
    for i in d["indicators"]:
        name = i["name"]
        if scored:
            rows.append((i["level1"], i["level2"], name, i.get("target", ""), i.get("actual", ""), i.get("weight", ""),
                         i.get("printedScore", ""), i.get("deviationNote", "")))
        else:
            rows.append((i["level1"], i["level2"], name, i.get("target", ""), i.get("actual", ""), i.get("deviationNote", "")))
    return dict(title=d["title"], year=str(d["year"]), dept=d["department"], impl=d["implementer"], unit=f["unit"],
                funds=funds, rows=rows, scored=scored, total=(d.get("printedWeightTotal"), d.get("printedTotal")),
                header=STANDARD if scored else ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施"],
                order=None, merge=True)


def invented():
    # 江苏: 计量单位 column after the name, 年度目标值 / 实际完成情况 wording, 分值 before the values, 一级/二级 repeated on every row.
    js = dict(title="2025年农村生活污水治理设施运维补助", year="2025", dept="江苏省盐城市生态环境局", impl="射阳县农村环境整治服务中心", unit="万元",
              funds=[("年度资金总额", "420.00", "420.00", "399.00", "10", "95.00%", "9.50"),
                     ("其中：省级资金", "300.00", "300.00", "300.00", "—", "—", "—"),
                     ("县级资金", "120.00", "120.00", "99.00", "—", "—", "—")],
              rows=[("产出指标", "数量指标", "纳入运维管理的农村生活污水处理设施数量", "座", "20", "≥180", "186", "20", ""),
                    ("产出指标", "质量指标", "运维设施出水水质达标率", "%", "20", "≥90", "84", "18.67", "部分设施进水浓度偏低，生化段运行不稳定；下一步分批加装调节池并加密巡检频次"),
                    ("产出指标", "时效指标", "运维资金按季度拨付到位情况", "—", "10", "按季度拨付", "按季度拨付", "10", ""),
                    ("效益指标", "生态效益指标", "农村生活污水治理率", "%", "20", "≥45", "47", "20", ""),
                    ("效益指标", "可持续影响指标", "设施长效运维管护机制建立情况", "—", "10", "建立并运行", "建立并运行", "10", ""),
                    ("满意度指标", "服务对象满意度指标", "受益村民对设施运行情况的满意度", "%", "10", "≥90", "93", "10", "")],
              scored=True, total=("100", "98.17"),
              header=["一级指标", "二级指标", "三级指标", "计量单位", "分值", "年度目标值", "实际完成情况", "得分", "偏差原因分析及改进措施"],
              order=None, merge=False)
    # 山西: 指标值 / 完成值 wording, no 偏差 column at the end but before 分值, long reasons in a narrow column, merged cells.
    sx = dict(title="2025年城乡居民基本医疗保险参保补助", year="2025", dept="山西省长治市医疗保障局", impl="长治市医疗保险服务中心", unit="万元",
              funds=[("年度资金总额", "1,800.00", "1,860.00", "1,748.40", "10", "94.00%", "9.40"),
                     ("其中：中央资金", "1,200.00", "1,200.00", "1,200.00", "—", "—", "—"),
                     ("市级资金", "600.00", "660.00", "548.40", "—", "—", "—")],
              rows=[("产出指标", "数量指标", "资助困难群众参加城乡居民基本医疗保险人数", "≥12000人", "11400人", "偏差原因：部分人员外出务工已在务工地参保；改进措施：与人社部门比对数据，避免重复资助", "20", "19.00"),
                    ("产出指标", "质量指标", "参保资助对象身份信息核实准确率", "100%", "100%", "", "15", "15"),
                    ("产出指标", "时效指标", "资助资金拨付时间", "2025年6月底前", "2025年6月", "", "15", "15"),
                    ("效益指标", "社会效益指标", "困难群众参保率", "≥99%", "99.3%", "", "20", "20"),
                    ("效益指标", "可持续影响指标", "医疗救助与基本医保衔接机制", "持续完善", "持续完善", "", "10", "10"),
                    ("满意度指标", "服务对象满意度指标", "资助对象满意度", "≥90%", "94%", "", "10", "10")],
              scored=True, total=("100", "98.40"),
              header=["一级指标", "二级指标", "三级指标", "指标值", "完成值", "偏差原因分析及改进措施", "分值", "得分"],
              order=None, merge=True)
    # 福建: 年初目标值 / 全年实际值, 一级/二级 merged, long names and reasons both wrapping.
    fj = dict(title="2025年海洋渔业资源养护补助", year="2025", dept="福建省宁德市海洋与渔业局", impl="霞浦县海洋与渔业执法大队", unit="万元",
              funds=[("年度资金总额", "360.00", "360.00", "324.00", "10", "90.00%", "9.00"),
                     ("其中：省级资金", "240.00", "240.00", "240.00", "—", "—", "—"),
                     ("县级资金", "120.00", "120.00", "84.00", "—", "—", "—")],
              rows=[("产出指标", "数量指标", "增殖放流大黄鱼、黑鲷等经济鱼类苗种数量", "≥800万尾", "820万尾", "20", "20", ""),
                    ("产出指标", "数量指标", "海上巡查执法航次", "≥120航次", "108航次", "10", "9.00", "受台风影响部分航次取消，已调整下年度巡查计划，汛期前集中开展"),
                    ("产出指标", "质量指标", "放流苗种检验检疫合格率", "100%", "100%", "10", "10", ""),
                    ("产出指标", "时效指标", "伏季休渔期间补助资金发放完成时间", "2025年9月底前", "2025年9月", "10", "10", ""),
                    ("效益指标", "生态效益指标", "近岸海域主要经济鱼类资源量变化情况", "稳中有升", "稳中有升", "20", "20", ""),
                    ("效益指标", "社会效益指标", "渔民转产转业人数", "≥200人", "230人", "10", "10", ""),
                    ("满意度指标", "服务对象满意度指标", "渔民群众满意度", "≥90%", "91%", "10", "10", "")],
              scored=True, total=("100", "98.00"),
              header=["一级指标", "二级指标", "三级指标", "年初目标值", "全年实际值", "分值", "得分", "偏差原因分析及改进措施"],
              order=None, merge=True)
    # Session 38. 湖北: a 年度 column before the values, 指标值 / 实际完成值 / 偏差原因 / 分值 / 得分 in that order, every cell
    # centred vertically (as many real 自评表 are): a wrapped cell's lines sit above and below its row's middle line.
    hb = dict(title="2025年农机购置与应用补贴", year="2025", dept="湖北省襄阳市农业农村局", impl="枣阳市农业机械化技术推广站", unit="万元",
              funds=[("年度资金总额", "640.00", "640.00", "576.00", "10", "90.00%", "9.00"),
                     ("其中：中央资金", "520.00", "520.00", "500.00", "—", "—", "—"),
                     ("县级资金", "120.00", "120.00", "76.00", "—", "—", "—")],
              rows=[("产出指标", "数量指标", "补贴购置各类农业机械台套数量", "2025", "≥1600台套", "1520台套", "部分农户购机意愿推迟，下年度提前宣传并简化申领流程", "20", "19.00"),
                    ("产出指标", "质量指标", "补贴机具核验合格率", "2025", "100%", "100%", "", "10", "10"),
                    ("产出指标", "时效指标", "补贴资金兑付完成时间", "2025", "2025年11月底前", "2025年11月", "", "10", "10"),
                    ("效益指标", "经济效益指标", "主要农作物耕种收综合机械化率", "2025", "≥88%", "88.6%", "", "20", "20"),
                    ("效益指标", "可持续影响指标", "农机社会化服务组织带动小农户能力", "2025", "持续增强", "持续增强", "", "20", "20"),
                    ("满意度指标", "服务对象满意度指标", "购机农户满意度", "2025", "≥90%", "95%", "", "10", "10")],
              scored=True, total=("100", "98.00"),
              header=["一级指标", "二级指标", "三级指标", "年度", "指标值", "实际完成值", "偏差原因", "分值", "得分"],
              order=None, merge=True, valign="center")
    # 安徽: a 计量单位 column, 分值 right after the name, 目标值 / 完成值 / 得分 / 偏差原因分析, merged cells, text at the top.
    ah = dict(title="2025年小型水库除险加固维修养护", year="2025", dept="安徽省六安市水利局", impl="金寨县水库管理服务中心", unit="万元",
              funds=[("年度资金总额", "980.00", "1,020.00", "969.00", "10", "95.00%", "9.50"),
                     ("其中：省级资金", "700.00", "700.00", "700.00", "—", "—", "—"),
                     ("县级资金", "280.00", "320.00", "269.00", "—", "—", "—")],
              rows=[("产出指标", "数量指标", "完成除险加固及维修养护的小型水库座数", "座", "20", "≥24", "24", "20", ""),
                    ("产出指标", "质量指标", "维修养护工程竣工验收一次合格率", "%", "15", "100", "96", "14.40", "两座水库放水设施返工，已整改并复验合格；下一步加强隐蔽工程旁站监理"),
                    ("产出指标", "时效指标", "汛前主体工程完工率", "%", "15", "100", "100", "15", ""),
                    ("效益指标", "社会效益指标", "水库下游受保护人口", "万人", "20", "≥12", "12.6", "20", ""),
                    ("效益指标", "可持续影响指标", "小型水库管护责任落实情况", "—", "10", "全面落实", "全面落实", "10", ""),
                    ("满意度指标", "服务对象满意度指标", "库区及下游群众满意度", "%", "10", "≥90", "92", "10", "")],
              scored=True, total=("100", "98.90"),
              header=["一级指标", "二级指标", "三级指标", "计量单位", "分值", "目标值", "完成值", "得分", "偏差原因分析"],
              order=None, merge=True)
    # Session 39. 浙江: the standard column order, every cell centred vertically, long names wrapping to three lines.
    zj = dict(title="2025年义务教育阶段家庭经济困难学生生活补助", year="2025", dept="浙江省温州市教育局", impl="瑞安市学生资助管理中心", unit="万元",
              funds=[("年度资金总额", "860.00", "860.00", "817.00", "10", "95.00%", "9.50"),
                     ("其中：省级资金", "500.00", "500.00", "500.00", "—", "—", "—"),
                     ("县级资金", "360.00", "360.00", "317.00", "—", "—", "—")],
              rows=[("产出指标", "数量指标", "享受生活补助的义务教育阶段家庭经济困难寄宿生人数", "≥5200人", "4940人", "20", "19.00", "部分学生转学或家庭经济状况好转退出资助，下学期按动态认定结果及时补录"),
                    ("产出指标", "质量指标", "资助对象认定程序规范率", "100%", "100%", "10", "10", ""),
                    ("产出指标", "时效指标", "补助资金发放到学生账户的完成时间", "2025年12月底前", "2025年12月", "10", "10", ""),
                    ("效益指标", "社会效益指标", "义务教育阶段家庭经济困难学生因贫失学辍学人数", "0人", "0人", "20", "20", ""),
                    ("效益指标", "可持续影响指标", "学生资助长效机制", "持续完善", "持续完善", "10", "10", ""),
                    ("满意度指标", "服务对象满意度指标", "受助学生及家长满意度", "≥90%", "96%", "20", "20", "")],
              scored=True, total=("100", "98.50"), header=STANDARD, order=None, merge=True, valign="center")
    # 山东: 分值 before the values (as 江苏), 一级/二级 repeated on every row, every cell centred.
    sd = dict(title="2025年农村公路养护工程补助", year="2025", dept="山东省临沂市交通运输局", impl="沂南县公路事业发展中心", unit="万元",
              funds=[("年度资金总额", "750.00", "780.00", "741.00", "10", "95.00%", "9.50"),
                     ("其中：省级资金", "450.00", "450.00", "450.00", "—", "—", "—"),
                     ("县级资金", "300.00", "330.00", "291.00", "—", "—", "—")],
              rows=[("产出指标", "数量指标", "完成养护的农村公路里程", "公里", "20", "≥320", "326", "20", ""),
                    ("产出指标", "质量指标", "养护路段优良中等路率", "%", "20", "≥85", "80", "18.82", "部分路段受重车碾压病害反复，已列入下年度大中修计划并加强治超"),
                    ("产出指标", "时效指标", "养护工程完工时间", "—", "10", "2025年11月底前", "2025年11月", "10", ""),
                    ("效益指标", "社会效益指标", "农村客车通达率", "%", "20", "100", "100", "20", ""),
                    ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "%", "20", "≥90", "93", "20", "")],
              scored=True, total=("100", "98.32"),
              header=["一级指标", "二级指标", "三级指标", "计量单位", "分值", "年度目标值", "实际完成情况", "得分", "偏差原因分析及改进措施"],
              order=None, merge=False, valign="center")
    # 河南: the standard order, every cell at the bottom of its row (a wrapped cell's first lines above the row's last line).
    hn = dict(zj, title="2025年基层医疗卫生机构基本药物制度补助", dept="河南省南阳市卫生健康委员会", impl="邓州市基层卫生服务中心",
              rows=[("产出指标", "数量指标", "实施基本药物制度的政府办基层医疗卫生机构数量", "≥420个", "420个", "20", "20", ""),
                    ("产出指标", "质量指标", "基本药物网上集中采购率", "100%", "96%", "20", "19.20", "个别机构短缺药品线下应急采购，已纳入平台备案管理"),
                    ("效益指标", "社会效益指标", "基层医疗卫生机构门急诊人次", "≥380万人次", "392万人次", "20", "20", ""),
                    ("满意度指标", "服务对象满意度指标", "就诊群众满意度", "≥90%", "92%", "30", "30", "")],
              total=("100", "98.70"), valign="bottom")
    # 黑龙江: 元, budgets of eleven and twelve characters in narrow columns, so that a figure breaks at a comma or a decimal point.
    hlj = dict(title="2025年寒地黑土保护利用补助", year="2025", dept="黑龙江省绥化市农业农村局", impl="海伦市黑土地保护服务站", unit="元",
               funds=[("年度资金总额", "12,680,000.00", "12,680,000.00", "12,046,000.00", "10", "95.00%", "9.50"),
                      ("其中：中央资金", "10,000,000.00", "10,000,000.00", "10,000,000.00", "—", "—", "—"),
                      ("县级资金", "2,680,000.00", "2,680,000.00", "2,046,000.00", "—", "—", "—")],
               rows=[("产出指标", "数量指标", "黑土地保护性耕作面积", "≥120万亩", "123万亩", "30", "30", ""),
                     ("产出指标", "质量指标", "作业质量抽查合格率", "≥95%", "97%", "20", "20", ""),
                     ("效益指标", "生态效益指标", "耕地有机质含量", "稳中有升", "稳中有升", "20", "20", ""),
                     ("满意度指标", "服务对象满意度指标", "作业农户满意度", "≥90%", "94%", "20", "20", "")],
               scored=True, total=("100", "99.50"), header=STANDARD, order=None, merge=True)
    # Session 40. 云南: no 分值 / 得分 (as 广西), targets and actuals written out as words that wrap over several lines
    # (a row's wrapped lines carry a target and an actual as its first line does), top-aligned, merged cells.
    yn = dict(title="2025年边境地区公共就业服务补助", year="2025", dept="云南省德宏州人力资源和社会保障局", impl="瑞丽市公共就业和人才服务中心", unit="万元",
              funds=[("年度资金总额", "2460", "2218", "90.16%"),
                     ("其中：中央资金", "1800", "1702", "94.56%"),
                     ("州级资金", "660", "516", "78.18%")],
              rows=[("产出指标", "数量指标", "边境村寨就业服务站点建设数量", "≥60个", "64个", ""),
                    ("产出指标", "数量指标", "组织边民参加职业技能培训人次", "≥4000人次", "4530人次", ""),
                    ("产出指标", "质量指标", "就业服务站点服务标准", "按省级标准配备场地人员和信息系统并对外公示服务事项", "按省级标准配备场地人员和信息系统并对外公示服务事项", ""),
                    ("产出指标", "成本指标", "培训补贴标准", "初级工不超过每人一千二百元中级工不超过每人一千六百元", "按标准执行未超支", "培训机构按实际开班人数申领，未发现超标准列支"),
                    ("效益指标", "社会效益指标", "边民转移就业人数", "≥1.2万人", "1.35万人", ""),
                    ("效益指标", "可持续影响指标", "边境公共就业服务体系", "逐步健全覆盖到村", "已覆盖全部行政村", ""),
                    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95.6%", "")],
              scored=False, total=(None, None),
              header=["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施"],
              order=None, merge=True)
    # 贵州: as 安徽 (计量单位, 分值 after it, 目标值 / 完成值 / 得分 / 偏差原因分析), budgets of four digits and more in a
    # narrow column (1,360.00 broken at a comma or a point), the rate broken from its sign (95.00 / %).
    gz = dict(title="2025年中小河流治理工程维护", year="2025", dept="贵州省遵义市水务局", impl="湄潭县河道管理所", unit="万元",
              funds=[("年度资金总额", "1,280.00", "1,360.00", "1,292.00", "10", "95.00%", "9.50"),
                     ("其中：省级资金", "900.00", "900.00", "900.00", "—", "—", "—"),
                     ("县级资金", "380.00", "460.00", "392.00", "—", "—", "—")],
              rows=[("产出指标", "数量指标", "完成维护的中小河流堤防长度", "公里", "20", "≥36", "38.5", "20", ""),
                    ("产出指标", "质量指标", "堤防维护工程验收合格率", "%", "20", "100", "95", "19.00", "一处护岸基础冲刷返工，已加固并复验合格；下一步汛前加密巡查"),
                    ("产出指标", "时效指标", "汛前维护任务完成率", "%", "10", "100", "100", "10", ""),
                    ("效益指标", "社会效益指标", "沿河受保护农田面积", "万亩", "20", "≥3.2", "3.4", "20", ""),
                    ("满意度指标", "服务对象满意度指标", "沿河群众满意度", "%", "20", "≥90", "94", "20", "")],
              scored=True, total=("100", "98.50"),
              header=["一级指标", "二级指标", "三级指标", "计量单位", "分值", "目标值", "完成值", "得分", "偏差原因分析"],
              order=None, merge=True)
    return {"js-wushui": js, "sx-yibao": sx, "fj-yuye": fj, "hb-nongji": hb, "ah-shuiku": ah,
            "zj-zizhu": zj, "sd-gonglu": sd, "hn-yaowu": hn, "hl-heitu": hlj, "yn-jiuye": yn, "gz-heliu": gz}


def tables():
    t = {"zw-jianxi": reference("zhongwei-2024-internship-subsidy.json", "jianxi"),
         "zw-jingfei": reference("zhongwei-2024-employment-operating-funds.json", "jingfei"),
         "zw-shifan": reference("zhongwei-2024-employment-service-demo.json", "shifan"),
         "zw-chuangye": reference("zhongwei-2024-entrepreneurship-fund.json", "chuangye"),
         "gx-jiuye": reference("guangxi-2024-employment-transfer.json", "jiuye"),
         # Session 39: a reference table with every cell centred vertically.
         "zw-jianxi-mid": dict(reference("zhongwei-2024-internship-subsidy.json", "jianxi"), valign="center")}
    t.update(invented())
    return t


def cells_of(t, r):
    """A row's cells in the table's column order (order: the header's position of each source field)."""
    if t["order"] is None:
        return list(r)
    out = [""] * len(t["header"])
    for src, dst in enumerate(t["order"]):
        out[dst] = r[src]
    return out


def grid(t):
    """The table as rows of (text, colspan, rowspan-or-None) cells over the indicator header's columns."""
    n = len(t["header"])
    scored = t["scored"]
    fh = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"] if scored else ["全年预算数", "全年执行数", "执行率"]
    rows = [[(t["title"][:0] + "项目名称", 2, 1), (t["title"], n - 2, 1)],
            [("主管部门", 2, 1), (t["dept"], (n - 2) // 2, 1), ("实施单位", 1, 1), (t["impl"], n - 2 - (n - 2) // 2 - 1, 1)]]
    # Fund block: label (rowspan), fund name, then the fund columns spread over the rest.
    rest = n - 2
    spans = [1] * len(fh)
    k = 0
    while sum(spans) < rest:
        spans[k % len(spans)] += 1
        k += 1
    while sum(spans) > rest:
        spans[-1 - (k % len(spans))] = max(1, spans[-1 - (k % len(spans))] - 1)
        k += 1
    head = [(f"项目资金（{t['unit']}）", 1, len(t["funds"]) + 1), ("", 1, 1)] + [(h, s, 1) for h, s in zip(fh, spans)]
    rows.append(head)
    for f in t["funds"]:
        rows.append([None, (f[0], 1, 1)] + [(c, s, 1) for c, s in zip(f[1:], spans)])
    rows.append([(h, 1, 1) for h in t["header"]])
    data = [cells_of(t, r) for r in t["rows"]]
    for k, r in enumerate(data):
        row = []
        for col, c in enumerate(r):
            if t["merge"] and col in (0, 1):
                if k > 0 and data[k - 1][:col + 1] == r[:col + 1]:
                    row.append(None)
                    continue
                span = 1
                while k + span < len(data) and data[k + span][:col + 1] == r[:col + 1]:
                    span += 1
                row.append((c, 1, span))
            else:
                row.append((c, 1, 1))
        rows.append(row)
    if scored:
        w = t["header"].index("分值")
        s = t["header"].index("得分")
        total = [("总分", min(w, s), 1)]
        for col in range(min(w, s), n):
            total.append((t["total"][0] if col == w else t["total"][1] if col == s else "", 1, 1))
        rows.append(total)
    return rows


def widths(t):
    """Narrow columns (in characters): the name and reason columns too narrow for long cells, so they wrap."""
    w = []
    for h in t["header"]:
        w.append({"一级指标": 5, "二级指标": 6, "三级指标": 11, "计量单位": 4, "年度": 4, "分值": 4, "得分": 5}.get(h, 14 if "原因" in h else 8))
    return w


def docx(t, path):
    # Twips per character at 9 pt (180), the table scaled to the page's 9,900 twips between the margins.
    w = widths(t)
    cw = [c * min(180, 9800 // sum(w)) for c in w]
    def tc(cell, col, vcont=False):
        text, span, rs = cell if cell else ("", 1, 1)
        width = sum(cw[col:col + span])
        pr = f"<w:tcW w:w='{width}' w:type='dxa'/>" + (f"<w:gridSpan w:val='{span}'/>" if span > 1 else "")
        if vcont:
            pr += "<w:vMerge/>"
        elif rs and rs > 1:
            pr += "<w:vMerge w:val='restart'/>"
        if t.get("valign", "top") != "top":
            pr += f"<w:vAlign w:val='{t['valign']}'/>"
        run = f"<w:r><w:rPr><w:rFonts w:ascii='宋体' w:hAnsi='宋体' w:eastAsia='宋体'/><w:sz w:val='18'/></w:rPr><w:t xml:space='preserve'>{escape(text)}</w:t></w:r>" if text else ""
        return f"<w:tc><w:tcPr>{pr}</w:tcPr><w:p><w:pPr><w:spacing w:before='0' w:after='0'/></w:pPr>{run}</w:p></w:tc>"
    rows = grid(t)
    body = []
    for r in rows:
        cols, col = [], 0
        for cell in r:
            if cell is None:
                # A merged cell continued: its span is one column (一级/二级 or the fund label).
                cols.append(tc(None, col, vcont=True))
                col += 1
            else:
                cols.append(tc(cell, col))
                col += cell[1]
        body.append("<w:tr>" + "".join(cols) + "</w:tr>")
    border = "".join(f"<w:{b} w:val='single' w:sz='4' w:space='0' w:color='000000'/>" for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tbl = (f"<w:tbl><w:tblPr><w:tblW w:w='{sum(cw)}' w:type='dxa'/><w:tblLayout w:type='fixed'/><w:tblBorders>{border}</w:tblBorders></w:tblPr>"
           "<w:tblGrid>" + "".join(f"<w:gridCol w:w='{c}'/>" for c in cw) + "</w:tblGrid>" + "".join(body) + "</w:tbl>")
    title = (f"<w:p><w:pPr><w:jc w:val='center'/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia='黑体'/><w:sz w:val='28'/></w:rPr>"
             f"<w:t>{escape(t['year'])}年度项目支出绩效自评表</w:t></w:r></w:p>")
    doc = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?><w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
           + title + tbl + "<w:p/><w:sectPr><w:pgSz w:w='11906' w:h='16838'/><w:pgMar w:top='1440' w:right='1000' w:bottom='1440' w:left='1000' w:header='720' w:footer='720' w:gutter='0'/></w:sectPr></w:body></w:document>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<?xml version='1.0' encoding='UTF-8'?><Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
                   "<Default Extension='rels' ContentType='application/vnd.openxmlformats-package.relationships+xml'/><Default Extension='xml' ContentType='application/xml'/>"
                   "<Override PartName='/word/document.xml' ContentType='application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'/></Types>")
        z.writestr("_rels/.rels", "<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
                   "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='word/document.xml'/></Relationships>")
        z.writestr("word/document.xml", doc)


def col_name(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(t, path):
    n = len(t["header"])
    rows = grid(t)
    merges, sheet = [], []
    title = f"{t['year']}年度项目支出绩效自评表"
    sheet.append(f"<row r='1'><c r='A1' t='inlineStr' s='2'><is><t>{escape(title)}</t></is></c></row>")
    merges.append(f"A1:{col_name(n - 1)}1")
    for k, r in enumerate(rows):
        rn = k + 2
        cells, col = [], 0
        for cell in r:
            if cell is None:
                cells.append(f"<c r='{col_name(col)}{rn}' s='1'/>")
                col += 1
                continue
            text, span, rs = cell
            ref = f"{col_name(col)}{rn}"
            cells.append(f"<c r='{ref}' t='inlineStr' s='1'><is><t>{escape(text)}</t></is></c>" if text else f"<c r='{ref}' s='1'/>")
            for extra in range(1, span):
                cells.append(f"<c r='{col_name(col + extra)}{rn}' s='1'/>")
            if span > 1 or (rs or 1) > 1:
                merges.append(f"{ref}:{col_name(col + span - 1)}{rn + (rs or 1) - 1}")
            col += span
        # Excel keeps the row heights the author fitted to the wrapped text (LibreOffice does not fit them on opening).
        lines, col = 1, 0
        for cell in r:
            if cell is not None and cell[0]:
                room = sum(widths(t)[col:col + cell[1]]) * 0.8
                lines = max(lines, -(-len(cell[0]) // max(1, int(room))) if (cell[2] or 1) == 1 else 1)
            col += 1 if cell is None else cell[1]
        sheet.append(f"<row r='{rn}' ht='{lines * 14 + 4}' customHeight='1'>" + "".join(cells) + "</row>")
    cols = "".join(f"<col min='{j + 1}' max='{j + 1}' width='{w * 1.9:.1f}' customWidth='1'/>" for j, w in enumerate(widths(t)))
    xml = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?><worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
           "<sheetPr><pageSetUpPr fitToPage='1'/></sheetPr>"
           f"<cols>{cols}</cols><sheetData>{''.join(sheet)}</sheetData>"
           f"<mergeCells count='{len(merges)}'>" + "".join(f"<mergeCell ref='{m}'/>" for m in merges) + "</mergeCells>"
           "<pageMargins left='0.5' right='0.5' top='0.75' bottom='0.75' header='0.3' footer='0.3'/><pageSetup paperSize='9' orientation='portrait' fitToWidth='1' fitToHeight='0'/></worksheet>")
    styles = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?><styleSheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
              "<fonts count='2'><font><sz val='9'/><name val='宋体'/></font><font><b/><sz val='14'/><name val='黑体'/></font></fonts>"
              "<fills count='2'><fill><patternFill patternType='none'/></fill><fill><patternFill patternType='gray125'/></fill></fills>"
              "<borders count='2'><border/><border><left style='thin'/><right style='thin'/><top style='thin'/><bottom style='thin'/></border></borders>"
              "<cellStyleXfs count='1'><xf/></cellStyleXfs><cellXfs count='3'><xf/>"
              f"<xf fontId='0' borderId='1' applyBorder='1' applyAlignment='1'><alignment wrapText='1' vertical='{t.get('valign', 'top')}'/></xf>"
              "<xf fontId='1' applyAlignment='1'><alignment horizontal='center'/></xf></cellXfs></styleSheet>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<?xml version='1.0' encoding='UTF-8'?><Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>"
                   "<Default Extension='rels' ContentType='application/vnd.openxmlformats-package.relationships+xml'/><Default Extension='xml' ContentType='application/xml'/>"
                   "<Override PartName='/xl/workbook.xml' ContentType='application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'/>"
                   "<Override PartName='/xl/worksheets/sheet1.xml' ContentType='application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'/>"
                   "<Override PartName='/xl/styles.xml' ContentType='application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'/></Types>")
        z.writestr("_rels/.rels", "<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
                   "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' Target='xl/workbook.xml'/></Relationships>")
        z.writestr("xl/workbook.xml", "<?xml version='1.0' encoding='UTF-8'?><workbook xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main' "
                   "xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'><sheets><sheet name='自评表' sheetId='1' r:id='rId1'/></sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", "<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
                   "<Relationship Id='rId1' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet' Target='worksheets/sheet1.xml'/>"
                   "<Relationship Id='rId2' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles' Target='styles.xml'/></Relationships>")
        z.writestr("xl/worksheets/sheet1.xml", xml)
        z.writestr("xl/styles.xml", styles)


def clean(t):
    scored = t["scored"]
    fh = "年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分" if scored else "全年预算数\t全年执行数\t执行率"
    lines = [f"{t['year']}年度项目支出绩效自评表", f"项目名称\t{t['title']}", f"主管部门\t{t['dept']}\t实施单位\t{t['impl']}",
             f"项目资金（{t['unit']}）\t{fh}"]
    lines += ["\t".join(f) for f in t["funds"]]
    lines.append("\t".join(t["header"]))
    lines += ["\t".join(cells_of(t, r)).rstrip("\t") for r in t["rows"]]
    if scored:
        lines.append(f"总分\t{t['total'][0]}\t{t['total'][1]}")
    return "\n".join(lines) + "\n"


def main():
    only = set(sys.argv[2:])
    with tempfile.TemporaryDirectory() as tmp:
        profile = "file://" + os.path.join(tmp, "lo-profile")
        for name, t in tables().items():
            if only and name not in only:
                continue
            open(os.path.join(HERE, name + ".clean.txt"), "w", encoding="utf-8").write(clean(t))
            srcs = []
            for kind, write in (("docx", docx), ("xlsx", xlsx)):
                srcs.append(os.path.join(tmp, f"{name}-{kind}.{kind}"))
                write(t, srcs[-1])
            subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp, *srcs],
                           check=True, capture_output=True, timeout=600)
            for kind in ("docx", "xlsx"):
                pdf = os.path.join(tmp, f"{name}-{kind}.pdf")
                for mode, args in (("layout", ["-layout"]), ("raw", [])):
                    text = subprocess.run(["pdftotext", *args, pdf, "-"], check=True, capture_output=True).stdout.decode("utf-8")
                    open(os.path.join(HERE, f"{name}-{kind}.{mode}.txt"), "w", encoding="utf-8").write(text)


main()
