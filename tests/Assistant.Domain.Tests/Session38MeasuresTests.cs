using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Drafting;
using Xunit.Abstractions;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 38: improvement measures answer their own item — the row's kind (a safety accident, a loan overdue, money paid late,
/// satisfaction), the stated cause's kind, and the fund's people — and a row with no stated cause gets only measures that hold
/// whatever the cause. The rubric (<see cref="DraftQuality.MismatchedMeasures"/>) counts the outside tester's measures of session
/// 37 and passes the ones that answer; every table the project has, and new tables of other sectors, draft with none counted.
/// </summary>
public class Session38MeasuresTests(ITestOutputHelper output)
{
    private static Evaluation Table(string title, string region, (string Name, string Budget, string Executed, string? Note)[] funds, params Indicator[] rows) => new()
    {
        Kind = EvaluationKind.Project,
        Title = title,
        Year = 2025,
        Region = region,
        Funds = new FundSection
        {
            Unit = "万元",
            Lines = funds.Select(f => new FundLine { Name = f.Name, Budget = PrintedNumber.Parse(f.Budget), Executed = PrintedNumber.Parse(f.Executed), DeviationNote = f.Note }).ToList(),
        },
        Indicators = rows,
    };

    private static Indicator Row(string name, string target, string actual, string? unit, string? note = null, string level1 = "产出指标", string level2 = "数量指标") => new()
    {
        Level1 = level1,
        Level2 = level2,
        Name = name,
        Target = target,
        Actual = actual,
        Unit = unit,
        DeviationNote = note,
    };

    private static readonly (string, string, string, string?)[] Spent = [("年度资金总额", "1000", "990", null)];

    /// <summary>The offline draft of section 三 (no precedents), its paragraphs with the items each names or cites, as the service finds them.</summary>
    private static (string Text, IReadOnlyList<DeviationItem> Items, IReadOnlyList<ReviewedParagraph> Paragraphs) Draft(Evaluation e)
    {
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [])).ToList(), []);
        RenderedDraft rendered = DraftText.Render(OfflineDrafter.Compose(brief), sheet, 0);
        var paragraphs = rendered.Paragraphs.Select(p => new ReviewedParagraph(p.Text,
            items.Where(i => TextNormalizer.Normalize(p.Text).Contains(TextNormalizer.Normalize(i.Name), StringComparison.Ordinal)
                             || p.FactIds.Any(f => f.StartsWith(i.Path + ".", StringComparison.Ordinal))).Select(i => i.Id).ToList(), p.Sources)).ToList();
        return (rendered.Text, items, paragraphs);
    }

    /// <summary>A measures section with one paragraph for one item of a table (<paramref name="item"/> empty: the whole budget's line).</summary>
    private static IReadOnlyList<string> Judge(Evaluation e, string item, string measure)
    {
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        DeviationItem it = item.Length == 0 ? items.First(i => i.Kind == DeviationKind.LowExecution && i.IndicatorIndex is null) : items.First(i => i.Name == item);
        ReviewedParagraph[] paragraphs =
        [
            new("（二）下一步改进措施", [], []),
            new($"1. 针对{(item.Length == 0 ? "预算执行率" : $"“{item}”")}偏低的问题，{measure}。", [it.Id], []),
        ];
        return DraftQuality.MismatchedMeasures(e, items, paragraphs);
    }

    private const string T1 = "fixture/p37-t1-wusheng-skills.json";
    private const string T2 = "fixture/p37-t2-dancheng-gongyigang.json";
    private const string T3 = "fixture/p37-t3-dingxi-transfer.json";
    private const string T5 = "fixture/p37-t5-xingguo-chuangye.xlsx#0";
    private const string T6 = "fixture/p37-t6-longhui-fuwu.docx#0";
    private const string T10 = "fixture/p37-t10-wuhua-lowexec.json";

    /// <summary>The session-37 tester's measures (REPORT §3), each for the item it was written under.</summary>
    [Theory]
    [InlineData(T2, "公益性岗位人员重大安全责任事故", "建立岗位动态补充机制，退岗与补岗同步办理，缩短岗位空缺时间")]
    [InlineData(T2, "开发农村公益性岗位数量", "以实际常住人口为基数测算服务对象和指标值，对外出人员做好信息登记和流动管理，变化较大的按程序调整指标值")]
    [InlineData(T5, "贷款逾期率", "跟踪市场行情和实施主体的生产经营状况，对暂停生产的主体逐一了解复产安排，复产后及时组织实施，确实无法实施的按程序调整任务和资金")]
    [InlineData(T5, "贴息及奖补资金支出", "优化经办流程，精简申报材料，压实审核责任，缩短资金兑付周期；加强与上级财政沟通对接，提前做好项目前期工作和采购准备，资金下达后立即启动实施")]
    [InlineData(T5, "新发放创业担保贷款", "加强政策宣传和服务对接，及时了解服务对象需求；按岗位实际需求编制预算，提高预算编制的准确性")]
    [InlineData(T1, "培训补贴资金发放时限", "围绕本地产业和劳动者需求设置培训项目，督促培训机构按计划开班")]
    [InlineData(T1, "取得职业资格证书或技能等级证书人数", "加强政策宣传和对象摸排，拓宽申报渠道")]
    [InlineData(T3, "", "加强与上级财政部门的沟通对接，资金到位后及时分解下达；按岗位实际需求编制预算，提高预算编制的准确性")]
    [InlineData(T6, "", "据实编制本级资金预算；按岗位实际需求编制预算，提高预算编制的准确性")]
    [InlineData(T10, "", "按实际需求编制预算，加强支出进度监控；加强与省级财政沟通对接，争取资金提前下达")]
    [InlineData(T2, "市级资金", "提前摸清临近退出年龄和有意离岗的人员，退出与补聘同步启动，补聘到位前统筹调配现有人员顶岗")]
    public void TheTestersMeasures_AreCounted(string table, string item, string measure)
    {
        var found = Judge(SelfCheckTables.Get(table), item, measure);
        output.WriteLine(string.Join("\n", found));
        Assert.NotEmpty(found);
    }

    /// <summary>Measures that answer the same items: the rubric is not a ban on words, it asks for the cause or row they presuppose.</summary>
    [Theory]
    [InlineData(T3, "", "加强与上级财政部门的沟通对接，资金到位后及时分解下达，按月调度拨付进度，年底前完成清算")]
    [InlineData(T2, "开发农村公益性岗位数量", "提前摸清有意外出务工的在岗人员，退岗与补岗同步办理，补岗到位前统筹调配现有人员顶岗")]
    [InlineData(T2, "公益性岗位人员重大安全责任事故", "逐起查明事故经过和原因，落实整改和责任追究，加强岗前安全教育和在岗安全培训，配齐劳动保护用品")]
    [InlineData(T5, "贷款逾期率", "严格贷前审查，加强贷后跟踪管理，对逾期贷款逐笔建立台账、落实催收责任，用好担保基金和风险补偿机制")]
    [InlineData(T5, "贴息及奖补资金支出", "优化经办流程，精简申报材料，压实审核责任，缩短资金兑付周期")]
    [InlineData(T1, "培训补贴资金发放时限", "梳理资金发放各环节，明确审核、拨付的办理时限和责任人，建立发放台账按月跟踪")]
    [InlineData(T10, "", "按实际需求编制预算，加强支出进度监控；对当年结余资金按规定及时收回或结转统筹使用")]
    [InlineData(T2, "市级资金", "据实编制市级资金预算，按月调度支出进度，对执行缓慢的资金逐项查明原因")]
    public void MeasuresThatAnswer_AreNotCounted(string table, string item, string measure)
    {
        var found = Judge(SelfCheckTables.Get(table), item, measure);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>Every table the project has (reference tables, seeds, the tester's tables): the offline draft's measures all answer their items.</summary>
    [Theory]
    [MemberData(nameof(SelfCheckTables.Names), MemberType = typeof(SelfCheckTables))]
    public void EveryTable_OfflineMeasures_AnswerTheirItems(string table)
    {
        var (text, items, paragraphs) = Draft(SelfCheckTables.Get(table));
        var found = DraftQuality.MismatchedMeasures(SelfCheckTables.Get(table), items, paragraphs);
        output.WriteLine(text);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    public static TheoryData<string, string, string, string, string, string, string, string, string> Sectors => new()
    {
        // title, region, row, level2, target, actual, unit, the stated cause, a word the answer must hold
        { "义务教育家庭经济困难学生生活补助资金", "贵州省毕节市威宁彝族回族苗族自治县", "家庭经济困难学生生活补助人数", "数量指标", "≥5200", "4870", "人", "部分学生随父母外出就读，转出本县", "学籍" },
        { "基本公共卫生服务补助资金", "云南省昭通市镇雄县", "高血压患者规范管理率", "质量指标", "≥62", "55", "%", "村医年龄老化，随访力量不足", "村医" },
        { "高标准农田建设资金", "河南省周口市太康县", "新建高标准农田面积", "数量指标", "≥2", "1.6", "万亩", "受持续降雨影响，部分地块无法进场施工", "施工" },
        { "农村饮水安全巩固提升资金", "湖南省怀化市沅陵县", "农村供水工程水质达标率", "质量指标", "≥95", "88", "%", "汛期原水浑浊度升高，部分水厂净化设施处理能力不足", "水质" },
        { "居家和社区养老服务补助资金", "四川省南充市仪陇县", "居家养老上门服务人次", "数量指标", "≥12000", "9800", "人次", "部分服务机构护理员离职，补充不及时", "空缺" },
        { "特困人员供养服务设施运转资金", "江西省吉安市永丰县", "供养服务机构安全责任事故", "质量指标", "=0", "1", "起", "一名护理员违规使用大功率电器引发火情", "安全" },
        { "创业担保贷款贴息及奖补资金", "湖北省黄冈市麻城市", "创业担保贷款逾期率", "质量指标", "≤2", "3.1", "%", "部分借款人经营困难，未能按期还款", "催收" },
        { "耕地地力保护补贴资金", "黑龙江省绥化市海伦市", "补贴资金发放及时率", "时效指标", "=100", "92", "%", "部分农户银行账户信息有误，退回后重新核对", "按期" },
        { "农村公路养护补助资金", "重庆市酉阳土家族苗族自治县", "农村公路养护里程", "数量指标", "≥300", "280", "公里", "养护招标流标两次，开工推迟", "招标" },
        { "公共文化服务体系建设补助资金", "甘肃省定西市安定区", "送戏下乡场次", "数量指标", "≥60", "48", "场", "部分演出团体人员变动，演出排期推迟", "人员" },
        { "基层医疗卫生机构能力提升资金", "广东省韶关市乳源瑶族自治县", "就诊群众满意度", "满意度指标", "≥90", "85", "%", "高峰时段候诊时间较长", "候诊" },
    };

    /// <summary>New tables of other sectors with a stated cause: the measure answers that cause and the row's kind, none is counted.</summary>
    [Theory]
    [MemberData(nameof(Sectors))]
    public void OtherSectors_MeasuresAnswerTheStatedCause(string title, string region, string row, string level2, string target, string actual, string unit, string cause, string answer)
    {
        var e = Table(title, region, Spent, Row(row, target, actual, unit, cause, level1: level2 == "满意度指标" ? "满意度指标" : "产出指标", level2: level2),
            Row("服务对象满意度", "≥90", "93", "%", level1: "满意度指标", level2: "服务对象满意度指标"));
        var (text, items, paragraphs) = Draft(e);
        output.WriteLine(text);
        string measures = text[text.IndexOf("（二）", StringComparison.Ordinal)..];
        Assert.Contains(answer, measures, StringComparison.Ordinal);
        var found = DraftQuality.MismatchedMeasures(e, items, paragraphs);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    public static TheoryData<string, string, string, string, string, string, string, string> NoCause => new()
    {
        // title, region, row, level2, target, actual, unit, a word the answer must hold — no reason stated
        { "农村公益性岗位补贴资金", "河南省周口市郸城县", "公益性岗位人员安全责任事故", "质量指标", "=0", "2", "起", "安全" },
        { "创业担保贷款贴息资金", "江西省赣州市兴国县", "贷款逾期率", "质量指标", "≤2", "2.8", "%", "贷后" },
        { "困难群众救助补助资金", "广西壮族自治区河池市都安瑶族自治县", "救助资金发放及时率", "时效指标", "=100", "90", "%", "时限" },
        { "基本公共卫生服务补助资金", "云南省昭通市镇雄县", "居民健康档案建档率", "质量指标", "≥90", "84", "%", "查明原因" },
        { "农机购置补贴资金", "山东省临沂市沂水县", "补贴机具数量", "数量指标", "≥1500", "1280", "台", "核实" },
        { "养老服务补贴资金", "四川省南充市仪陇县", "服务对象满意度", "满意度指标", "≥90", "84", "%", "回访" },
    };

    /// <summary>No stated cause: measures that hold whatever the cause, and the row's own kind answered — never a presupposed cause.</summary>
    [Theory]
    [MemberData(nameof(NoCause))]
    public void WithoutAStatedCause_MeasuresPresupposeNone(string title, string region, string row, string level2, string target, string actual, string unit, string answer)
    {
        var e = Table(title, region, Spent, Row(row, target, actual, unit, null, level1: level2 == "满意度指标" ? "满意度指标" : "产出指标", level2: level2));
        var (text, items, paragraphs) = Draft(e);
        output.WriteLine(text);
        Assert.Contains(answer, text[text.IndexOf("（二）", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var found = DraftQuality.MismatchedMeasures(e, items, paragraphs);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void MoneyLeftWithoutAReason_GetsNoMeasureForLateUpperMoney()
    {
        var e = Table("退役军人就业创业扶持资金", "广东省梅州市五华县", [("财政拨款", "320", "208", null)],
            Row("退役军人技能培训人数", "≥200", "210", "人"));
        var (text, items, paragraphs) = Draft(e);
        output.WriteLine(text);
        Assert.DoesNotContain("提前下达", text, StringComparison.Ordinal);
        Assert.DoesNotContain("沟通对接", text, StringComparison.Ordinal);
        var found = DraftQuality.MismatchedMeasures(e, items, paragraphs);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
