using System.Globalization;
using System.Text;

namespace Assistant.Features.Corpus;

/// <summary>
/// Deterministic synthetic reports for benchmarks and index tests: the seed decides region, year,
/// fund, indicators, shortfalls, reasons and measures, so a corpus of any size is reproducible — the
/// same text in every process and on every machine (<see cref="Seed"/> is a fixed mix, not
/// <see cref="HashCode"/>, which is randomised per process; <see cref="Random(int)"/> with a seed is
/// a fixed sequence). About 19 passages a report. The fixed sentences real reports repeat (funds
/// management, the results' use, the budget line whose numbers the built-in embedding folds into one
/// token) are varied by region, fund and a few phrasings, so no single vector repeats once a report:
/// near ties like real reports', not thousands of identical vectors.
/// </summary>
public static class SyntheticCorpus
{
    private static readonly string[] Regions = ["甘肃省定西市安定区", "四川省南充市顺庆区", "河南省周口市川汇区", "湖南省岳阳市岳阳楼区", "广东省梅州市梅江区", "江西省九江市濂溪区", "云南省曲靖市麒麟区", "吉林省四平市铁西区", "安徽省阜阳市颍州区", "山西省晋中市榆次区", "浙江省丽水市莲都区", "黑龙江省绥化市北林区"];
    private static readonly string[] Funds = ["就业补助资金", "职业技能提升行动资金", "创业担保贷款贴息资金", "公益性岗位补贴资金", "就业见习补贴资金", "公共就业服务能力提升示范项目"];
    private static readonly (string Name, string Unit)[] Indicators =
    [
        ("享受职业培训补贴人数", "人"), ("享受社会保险补贴人数", "人"), ("享受就业见习补贴人数", "人"), ("公益性岗位安置人数", "人"),
        ("城镇新增就业人数", "人"), ("失业人员再就业人数", "人"), ("就业困难人员就业人数", "人"), ("新发放创业担保贷款笔数", "笔"),
        ("零工市场服务人次", "人次"), ("新认定见习基地数量", "个"), ("职业技能等级证书取得人数", "人"), ("创业补贴发放户数", "户"),
    ];

    private static readonly string[] Reasons =
    [
        "本地企业用工需求减少，见习岗位供给不足", "部分资金下达时间较晚，项目未能在年内支付", "培训机构师资不足，开班计划推迟",
        "创业者投资趋于保守，贷款需求下降", "岗位清理规范后新岗位审批周期较长", "农忙季节农村劳动力参训意愿不高",
        "政策宣传覆盖面不够，符合条件人员申领不积极", "合作银行审批条件收紧，放贷进度放缓", "年初目标参照上年数据测算，设置偏高",
    ];

    private static readonly string[] Measures =
    [
        "加强与上级财政沟通对接，提前做好项目储备", "加大政策宣传力度，推行免申即享", "倒排任务时间表，按月通报进度",
        "科学合理设置绩效目标，动态调整指标值", "拓展见习基地范围，优化岗位结构", "推行订单式培训，错开农忙季节开班",
        "扩大合作银行范围，缩短审批时限", "建立岗位动态补充机制，缩短空缺时间",
    ];

    private static readonly string[] Subjects = ["街道社区", "乡镇劳动保障所", "定点培训机构", "人力资源服务机构", "重点企业", "创业孵化基地", "零工驿站", "高校就业指导中心", "经办银行", "见习基地", "村级服务站", "园区服务站"];
    private static readonly string[] Actions = ["上门走访", "集中宣讲", "线上直播", "入户核查", "联合审核", "专场招聘", "结对帮扶", "跟踪回访", "数据比对", "按月调度", "现场督导", "政策解读"];
    private static readonly string[] Objects = ["离校未就业毕业生", "脱贫劳动力", "退役军人", "大龄失业人员", "残疾人", "返乡创业人员", "灵活就业人员", "农民工", "零就业家庭成员", "困难失业青年", "个体工商户", "小微企业主"];

    private static readonly string[] Towns = ["城区", "城关镇", "开发区", "高新区", "东部片区", "西部山区", "南部乡镇", "北部园区", "中心城区", "工业园区"];
    private static readonly string[] Pace = ["支出进度符合序时要求", "上半年支出偏慢、四季度集中支付", "结余资金按规定收回统筹", "部分项目资金跨年结转", "资金拨付及时到位"];
    private static readonly string[] Management = ["资金按规定程序审核拨付", "资金实行国库集中支付", "资金分配严格执行因素法", "资金拨付实行县级报账制", "资金使用实行公示制度"];
    private static readonly string[] Oversight = ["实行专款专用，未发现违规使用问题", "财政部门开展了专项检查", "审计发现个别台账不完整并已整改", "建立了资金监管台账", "纪检部门全程参与监督"];
    private static readonly string[] Uses = ["将自评结果作为下年度预算安排的依据", "将自评结果与资金分配挂钩", "将自评发现的问题纳入整改清单", "将自评结果报同级人大备案", "把自评结果作为项目调整的参考"];
    private static readonly string[] Publication = ["并按规定在政府门户网站公开", "随部门决算一并公开", "在单位公示栏公开", "按要求报送上级主管部门", "接受社会监督"];

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    /// <summary>
    /// The random sequence's seed for report <paramref name="index"/>: a fixed integer mix (the
    /// finaliser of MurmurHash3) of the corpus seed and the index, the same in every process.
    /// </summary>
    public static int Seed(int seed, int index)
    {
        unchecked
        {
            uint h = ((uint)seed * 0x9E3779B1u) ^ (uint)index;
            h ^= h >> 16;
            h *= 0x85EBCA6Bu;
            h ^= h >> 13;
            h *= 0xC2B2AE35u;
            h ^= h >> 16;
            return (int)(h & 0x7FFFFFFF);
        }
    }

    private static string Detail(Random random) =>
        $"{Subjects[random.Next(Subjects.Length)]}通过{Actions[random.Next(Actions.Length)]}服务{Objects[random.Next(Objects.Length)]}，" +
        $"并由{Subjects[random.Next(Subjects.Length)]}开展{Actions[random.Next(Actions.Length)]}";

    /// <summary>Report number <paramref name="index"/> of the corpus made from <paramref name="seed"/>.</summary>
    public static (string FileName, string Text) Report(int index, int seed = 20261121)
    {
        var random = new Random(Seed(seed, index));
        var region = Regions[random.Next(Regions.Length)];
        var fund = Funds[random.Next(Funds.Length)];
        int year = 2021 + random.Next(5);
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"{region}{fund}\n{year}年度绩效自评报告（样本{index}）\n\n");
        sb.Append("一、绩效目标分解下达情况\n");
        decimal budget = random.Next(200, 9000) + random.Next(100) / 100m;
        decimal spent = Math.Round(budget * random.Next(35, 101) / 100m, 2);
        sb.Append(c, $"{year}年度{region}{fund}全年预算总额{budget:0.00}万元，按因素法分解下达，同步下达绩效目标，{Detail(random)}。\n\n");
        sb.Append("二、绩效情况分析\n（一）资金投入情况分析。\n");
        sb.Append(c, $"{Pick(random, Towns)}{fund}全年预算数{budget:0.00}万元，全年执行数{spent:0.00}万元，预算执行率{(spent / budget * 100):0.00}%，{Pick(random, Pace)}，{Detail(random)}。\n");
        sb.Append(c, $"（二）资金管理情况分析。\n{fund}{Pick(random, Management)}，{Pick(random, Oversight)}，{Detail(random)}。\n");
        sb.Append("（三）绩效指标完成情况分析。\n");
        var shortfalls = new List<string>();
        int count = 8 + random.Next(6);
        for (int i = 0; i < count; i++)
        {
            var (name, unit) = Indicators[(index + i) % Indicators.Length];
            int target = random.Next(50, 5000);
            int actual = random.Next(3) == 0 ? target * random.Next(40, 99) / 100 : target * random.Next(100, 140) / 100;
            sb.Append(c, $"（{i + 1}）{name}年度目标指标值为{target}{unit}，{year}年实际完成{actual}{unit}，完成年度预期目标的{(decimal)actual / target * 100:0.00}%");
            sb.Append(c, $"，{Pick(random, Towns)}{Detail(random)}");
            if (actual < target)
            {
                var reason = Reasons[random.Next(Reasons.Length)];
                sb.Append(c, $"，因{reason}");
                shortfalls.Add($"{name}未完成目标，主要原因是{reason}，{Detail(random)}");
            }

            sb.Append("。\n");
        }

        sb.Append("\n三、偏离绩效目标的原因和下一步改进措施\n（一）偏离绩效目标的原因\n");
        sb.Append(shortfalls.Count == 0 ? $"{fund}全部指标均完成年度目标，{Detail(random)}。\n" : string.Join("。", shortfalls) + "。\n");
        sb.Append("（二）下一步改进措施\n");
        for (int i = 0; i < 3; i++)
        {
            sb.Append(c, $"{i + 1}.{Measures[random.Next(Measures.Length)]}，组织{Detail(random)}，确保资金及早发挥效益。\n");
        }

        sb.Append(c, $"\n四、绩效自评结果拟应用和公开情况\n{region}{Pick(random, Uses)}，{Pick(random, Publication)}，{Detail(random)}。\n");
        return ($"synthetic-{index:D6}.txt", sb.ToString());
    }
}
