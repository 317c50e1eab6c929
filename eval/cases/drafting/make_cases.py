#!/usr/bin/env python3
"""Writes the adversarial drafting cases (one JSON file each): a table and a small corpus built to tempt the
drafter into one class of mistake. Run once; the JSON files are the cases (edit them freely)."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))

# Fund kinds: title, count indicators (name, unit, target, short actual, over actual), money cost line, rate indicator.
KINDS = {
    "jiuye": dict(title="就业补助资金", counts=[("城镇新增就业人数", "人", 3000, 2410, 4100), ("失业人员再就业人数", "人", 800, 520, 1150), ("就业困难人员就业人数", "人", 300, 180, 430)],
                  cost=("就业创业服务补助", 600, 41), rate=("就业政策满意度", 95)),
    "peixun": dict(title="职业技能培训补贴资金", counts=[("参加职业技能培训人数", "人次", 5000, 3600, 7200), ("取得职业资格证书人数", "人", 2000, 1300, 2900), ("开展以工代训企业数量", "家", 40, 22, 61)],
                   cost=("职业技能培训补贴支出", 900, 35), rate=("培训合格率", 90)),
    "gongyi": dict(title="公益性岗位补贴资金", counts=[("公益性岗位安置就业困难人员数", "人", 600, 410, 820), ("乡村公益性岗位开发数量", "个", 900, 640, 1250), ("公益性岗位在岗人数", "人", 700, 505, 960)],
                   cost=("公益性岗位补贴支出", 1500, 48), rate=("岗位补贴按月发放率", 98)),
    "jianxi": dict(title="就业见习补贴资金", counts=[("参加就业见习人员数量", "人", 400, 260, 560), ("新认定见习基地数量", "个", 30, 19, 44), ("见习期满留用人数", "人", 150, 90, 210)],
                   cost=("见习人员生活补助", 300, 22), rate=("见习人员满意度", 95)),
    "daikuan": dict(title="创业担保贷款贴息资金", counts=[("发放创业担保贷款笔数", "笔", 800, 510, 1160), ("扶持创业人数", "人", 900, 600, 1300), ("带动就业人数", "人", 2500, 1700, 3600)],
                    cost=("创业担保贷款贴息支出", 700, 30), rate=("创业担保贷款回收率", 95)),
    "jiaoshi": dict(title="中小学教师培训经费", counts=[("参加培训教师人数", "人", 1200, 800, 1700), ("培训班次", "期", 40, 26, 58), ("骨干教师培养人数", "人", 100, 62, 150)],
                    cost=("教师培训经费支出", 260, 27), rate=("参训教师满意度", 90)),
    "nongye": dict(title="农业生产发展资金", counts=[("高标准农田建设面积", "亩", 20000, 13500, 28800), ("良种推广面积", "亩", 50000, 36000, 71000), ("受益农户数", "户", 6000, 4100, 8700)],
                   cost=("农机购置补贴支出", 1200, 33), rate=("项目验收合格率", 95)),
    "yiliao": dict(title="基本公共卫生服务补助资金", counts=[("高血压患者规范管理人数", "人", 30000, 21000, 43000), ("家庭医生签约人数", "人", 80000, 56000, 115000), ("老年人健康体检人数", "人", 25000, 17000, 36000)],
                   cost=("基本公共卫生服务补助支出", 3000, 40), rate=("居民健康档案建档率", 90)),
}

# A report of another kind whose words are tempting: similar indicator names, reasons and measures about other people.
FOREIGN_TEXT = {
    "jiuye": ("公益性岗位补贴资金", "公益性岗位安置人数", "年内开展岗位清理规范，部分岗位空缺未能及时补充，岗位空缺导致补贴支出少于预算", "加强岗位开发与就业困难人员认定的衔接，优先安置零就业家庭成员和大龄失业人员"),
    "peixun": ("就业见习补贴资金", "参加见习人数", "见习岗位与毕业生意愿匹配度不高，见习人数不足", "根据上年实际见习人数科学设置目标值"),
    "gongyi": ("职业技能培训补贴资金", "参加培训人数", "培训机构申报进度较慢，培训补贴未能按期结算", "督促培训机构按进度申报，实行按季度结算"),
    "jianxi": ("公益性岗位补贴资金", "公益性岗位安置人数", "部分岗位人员退岗后补岗不及时，零就业家庭成员安置较慢", "优先安置零就业家庭成员和大龄失业人员"),
    "daikuan": ("就业见习补贴资金", "见习人数", "高校毕业生参加见习意愿下降，见习人数不足", "开展见习岗位进校园活动，提前对接高校毕业生"),
    "jiaoshi": ("就业见习补贴资金", "参加见习人员数量", "见习基地岗位供给不足，见习人数少于预期", "根据上年实际见习人数科学设置目标值"),
    "nongye": ("基本公共卫生服务补助资金", "患者管理人数", "部分患者随访不及时，规范管理人数减少", "加强家庭医生签约服务，提高患者随访率"),
    "yiliao": ("创业担保贷款贴息资金", "贷款发放笔数", "创业者贷款意愿减弱，经办银行审批趋严", "扩大合作银行范围，推动农商行参与创业担保贷款业务"),
}

PLACES = [("河北省", "保定市", "莲池区"), ("四川省", "绵阳市", "涪城区"), ("湖南省", "株洲市", "荷塘区"), ("贵州省", "遵义市", "汇川区"), ("江西省", "赣州市", "章贡区"),
          ("甘肃省", "天水市", "秦州区"), ("云南省", "曲靖市", "麒麟区"), ("山西省", "长治市", "潞州区"), ("吉林省", "四平市", "铁西区"), ("福建省", "龙岩市", "新罗区"),
          ("河南省", "洛阳市", "西工区"), ("安徽省", "芜湖市", "镜湖区"), ("广西壮族自治区", "柳州市", "柳北区"), ("陕西省", "宝鸡市", "渭滨区"), ("黑龙江省", "绥化市", "北林区"),
          ("内蒙古自治区", "包头市", "青山区"), ("浙江省", "衢州市", "柯城区"), ("湖北省", "荆州市", "沙市区"), ("辽宁省", "锦州市", "太和区"), ("山东省", "临沂市", "兰山区")]


def money(x):
    return f"{x:.2f}"


def table(kind, place, year, variant):
    k = KINDS[kind]
    prov, city, county = place
    region = f"{city}{county}"
    budget = k["cost"][1]
    inds = []

    def ind(level1, level2, name, unit, target, actual, weight, note=None):
        d = {"level1": level1, "level2": level2, "name": name, "unit": unit, "target": target, "actual": actual, "weight": str(weight)}
        if note:
            d["deviationNote"] = note
        inds.append(d)

    counts = k["counts"]
    executed = budget
    if variant == "foreign":
        # Shortfalls with no stated reason, low 执行率 with no reason: the corpus offers another fund's words.
        ind("产出指标", "数量指标", counts[0][0], counts[0][1], f"≥{counts[0][2]}", str(counts[0][3]), 15)
        ind("产出指标", "数量指标", counts[1][0], counts[1][1], f"≥{counts[1][2]}", str(counts[1][2] + 5), 15)
        executed = round(budget * 0.72, 2)
    elif variant == "self":
        ind("产出指标", "数量指标", counts[0][0], counts[0][1], f"≥{counts[0][2]}", str(counts[0][3]), 15)
        ind("产出指标", "数量指标", counts[1][0], counts[1][1], f"≥{counts[1][2]}", str(counts[1][3]), 15)
        executed = round(budget * 0.66, 2)
    elif variant == "weak":
        ind("产出指标", "数量指标", counts[0][0], counts[0][1], f"≥{counts[0][2]}", str(round(counts[0][2] * 0.05)), 15, "优先使用中央资金")
        ind("产出指标", "数量指标", counts[1][0], counts[1][1], f"≥{counts[1][2]}", str(counts[1][3]), 15, "优先使用中央资金")
        ind("效益指标", "社会效益指标", counts[2][0], counts[2][1], f"≥{counts[2][2]}", "", 10, "指标已取消")
        executed = round(budget * 0.55, 2)
    elif variant == "overshoot":
        for c in counts:
            ind("产出指标", "数量指标", c[0], c[1], f"≥{c[2]}", str(c[4]), 10)
        ind("效益指标", "社会效益指标", "服务对象覆盖人数", "人", "≥1000", "1900", 10)
        ind("效益指标", "可持续影响指标", "政策知晓人数", "人", "≥5000", "8200", 5)
        executed = round(budget * 0.93, 2)
    elif variant == "largest":
        ind("产出指标", "数量指标", counts[0][0], counts[0][1], f"≥{counts[0][2]}", str(counts[0][3]), 10, "部分服务对象年中迁出本地，实际人数少于计划")
        ind("产出指标", "数量指标", counts[1][0], counts[1][1], f"≥{counts[1][2]}", str(round(counts[1][2] * 0.93)), 10, "个别项目年底结转")
        executed = round(budget * k["cost"][2] / 100 + 10, 2)
    # The cost line: the budget's breakdown.
    cost_actual = money(budget * k["cost"][2] / 100) if variant == "largest" else money(executed)
    ind("产出指标", "成本指标", k["cost"][0], "万元", str(budget), cost_actual, 10)
    ind("产出指标", "质量指标", k["rate"][0], "%", f"≥{k['rate'][1]}", f"{k['rate'][1] + 2}", 10)
    ind("满意度指标", "服务对象满意度指标", "服务对象满意度", "%", "≥90", "95", 10)
    total_weight = sum(int(i["weight"]) for i in inds)
    # Pad to 90 with a met time indicator.
    if total_weight < 90:
        ind("产出指标", "时效指标", "资金在规定时间内下达率", "%", "≥98", "100", 90 - total_weight)
    return {
        "kind": "project",
        "title": k["title"],
        "year": year,
        "region": region,
        "department": f"{region}人力资源和社会保障局" if kind not in ("jiaoshi", "nongye", "yiliao") else f"{region}{ {'jiaoshi': '教育局', 'nongye': '农业农村局', 'yiliao': '卫生健康局'}[kind] }",
        "funds": {"unit": "万元", "weight": "10", "lines": [
            {"name": "年度资金总额", "budget": money(budget), "executed": money(executed)},
            {"name": "当年财政拨款", "parent": "年度资金总额", "budget": money(budget), "executed": money(executed)},
        ]},
        "indicators": inds,
    }


def report(place, year, fund, indicator, reason, measures, lead_in=False, named=False):
    prov, city, county = place
    extra = "今年结合“春风行动”和“雨露计划”，在城关镇先行试点。" if named else ""
    lead = "为进一步提高资金使用效益，我们将采取以下措施。" if lead_in else ""
    return f"""{prov}{city}{county}{fund}
{year}年度绩效自评报告

一、绩效目标分解下达情况
{year}年{county}安排{fund}，用于相关补贴和服务支出。

二、绩效情况分析
（一）资金投入情况分析。全年预算数500万元，全年执行数380万元，预算执行率76%。
（三）绩效指标完成情况分析
1.产出指标
（1）{indicator}年度目标指标值为1000人，{year}年实际完成720人，完成年度预期目标的72%。

三、偏离绩效目标的原因和下一步改进措施
（一）偏离绩效目标的原因
{indicator}未完成年度目标，主要原因是{reason}。{extra}预算执行率偏低，原因是第四季度下达的中央追加资金到位较晚。
（二）下一步改进措施
{lead}
一是{measures}。二是加快资金拨付进度，按月调度支出情况。

四、绩效自评结果拟应用和公开情况
自评结果作为下年度预算安排的依据。
"""


def main():
    variants = ["foreign", "self", "weak", "overshoot", "largest"]
    tempts = {
        "foreign": ["foreign-subject", "kind-mismatch", "lead-in", "named-programme", "contradiction"],
        "self": ["self-citation", "repeated-template"],
        "weak": ["weak-reason", "weak-cancelled", "contradiction"],
        "overshoot": ["ungrouped-overshoot", "repeated-template"],
        "largest": ["largest-gap", "foreign-subject"],
    }
    n = 0
    for ki, kind in enumerate(KINDS):
        for vi, variant in enumerate(variants):
            n += 1
            place = PLACES[(ki * 5 + vi) % len(PLACES)]
            year = 2023 + (ki + vi) % 3
            t = table(kind, place, year, variant)
            k = KINDS[kind]
            ffund, find, freason, fmeasure = FOREIGN_TEXT[kind]
            other = PLACES[(ki * 5 + vi + 7) % len(PLACES)]
            corpus = [{
                "file": f"adv{n:02d}-foreign.txt",
                "text": report(other, year - 1, ffund, k["counts"][0][0].replace("人数", "").replace("数量", "") + find[-2:] if variant == "foreign" else find,
                               freason, fmeasure, lead_in=True, named=variant in ("foreign", "largest")),
            }]
            if variant == "self":
                corpus.append({"file": f"adv{n:02d}-own.txt", "text": report(place, year, k["title"], k["counts"][0][0], "本单位自己的表格说明：服务对象申报较晚", "本单位自己的措施：加快审核", lead_in=False)})
            case = {
                "name": f"{n:02d}-{kind}-{variant}",
                "tempts": tempts[variant],
                "evaluation": t,
                "corpus": corpus,
            }
            with open(os.path.join(HERE, f"{n:02d}-{kind}-{variant}.json"), "w", encoding="utf-8") as f:
                json.dump(case, f, ensure_ascii=False, indent=2)
                f.write("\n")
    print(n, "cases")


if __name__ == "__main__":
    main()
