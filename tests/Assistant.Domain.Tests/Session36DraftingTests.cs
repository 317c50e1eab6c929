using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Reporting;
using Assistant.Domain.Review;
using Assistant.Domain.Scoring;
using Assistant.Features.Drafting;
using Assistant.Features.Reporting;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 36 (probe 35 files #8, #10, chat #7; session 35's leftovers): part 三's measures fit the row's own sector (a
/// 医疗救助 row is never answered from the school register), over six sectors' tables; money left without a reason is said to
/// be unexplained, never guessed (上级资金下达较晚); 市级 money in a county's table is upper-level money; the implementer's
/// place leads the report where it sits below the department's; reason flags name the table.
/// </summary>
public partial class Session36DraftingTests
{
    private static string Draft(Evaluation e)
    {
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [])).ToList(), []);
        return DraftText.Render(OfflineDrafter.Compose(brief), sheet, brief.Sources.Count).Text;
    }

    /// <summary>The measures half, without the quoted row names (a row's own name is not a measure's words).</summary>
    private static string MeasureWords(string text) => Quoted().Replace(text[text.IndexOf("（二）", StringComparison.Ordinal)..], "“”");

    private static Evaluation Table(string title, string region, (string Name, string Budget, string Executed, string? Parent, string? Note)[] funds, params Indicator[] rows) => new()
    {
        Kind = EvaluationKind.Project,
        Title = title,
        Year = 2025,
        Region = region,
        Funds = new FundSection
        {
            Unit = "万元",
            Lines = funds.Select(f => new FundLine { Name = f.Name, Budget = PrintedNumber.Parse(f.Budget), Executed = PrintedNumber.Parse(f.Executed), Parent = f.Parent, DeviationNote = f.Note }).ToList(),
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

    private static readonly (string Name, string Budget, string Executed, string? Parent, string? Note)[] Spent = [("年度资金总额", "1000", "960", null, null)];

    /// <summary>Words only one sector's measures use.</summary>
    private static readonly Dictionary<string, string[]> Markers = new(StringComparer.Ordinal)
    {
        ["教育"] = ["学籍", "学生", "学校", "逐校", "控辍"],
        ["卫生"] = ["家庭医生", "随访", "慢病", "公共卫生服务"],
        ["就业"] = ["见习", "实习", "培训机构", "吸纳就业", "岗位补贴"],
        ["水利"] = ["饮水", "供水", "管网", "度汛", "水源"],
        ["农业"] = ["农时", "耕地", "地力", "农田"],
        ["医疗救助"] = ["参保状态", "应资尽资", "一站式"],
        ["养老"] = ["居家养老", "老年人"],
        ["林业"] = ["防火", "巡山", "护林"],
    };

    public static TheoryData<string, string, string, string, string, string, string?> Sectors => new()
    {
        // sector, title, region, row, target, actual (人/人次/处/亩…, in the row's unit), the unit's reason (null: none)
        { "医疗救助", "城乡医疗救助补助资金", "贵州省黔南州独山县", "资助困难群众参保人次", "≥52000", "48360", null },
        { "医疗救助", "医疗救助资金", "云南省红河州弥勒市", "资助参保人数", "≥8000", "7400", "部分对象外出务工，身份信息变动" },
        { "教育", "农村义务教育学生营养改善计划", "甘肃省临夏州广河县", "受益学生人数", "≥12000", "11200", null },
        { "教育", "学前教育幼儿资助资金", "湖南省邵阳市新邵县", "资助幼儿人数", "≥3000", "2700", null },
        { "卫生", "基本公共卫生服务项目", "四川省凉山州喜德县", "65岁及以上老年人健康管理人数", "≥5000", "4600", null },
        { "就业", "就业补助资金", "宁夏中卫市沙坡头区", "职业技能培训人次", "≥2000", "1800", null },
        { "就业", "公益性岗位补贴资金", "黑龙江省绥化市兰西县", "公益性岗位安置人数", "≥300", "270", null },
        { "水利", "农村饮水安全工程维修养护资金", "湖南省邵阳市新邵县", "维修养护工程处数", "≥40", "35", null },
        { "农业", "高标准农田建设补助资金", "江西省吉安市泰和县", "新建高标准农田面积", "≥20000", "18000", null },
        { "养老", "困难老年人居家养老服务补贴", "河北省保定市阜平县", "享受居家养老服务人数", "≥1500", "1300", null },
        { "林业", "森林防火专项资金", "云南省普洱市景东县", "防火隔离带建设长度", "≥50", "42", null },
    };

    [Theory]
    [MemberData(nameof(Sectors))]
    public void EverySectorsShortRow_IsAnsweredInItsOwnSectorsWords_NeverAnothers(string sector, string title, string region, string row, string target, string actual, string? reason)
    {
        string text = Draft(Table(title, region, Spent, Row(row, target, actual, "人", reason), Row("服务对象满意度", "≥90%", "95%", "%", level1: "满意度指标", level2: "服务对象满意度指标")));
        string measures = MeasureWords(text);
        Assert.DoesNotContain("的问题，。", text, StringComparison.Ordinal);
        foreach (var (other, words) in Markers.Where(m => m.Key != sector))
        {
            foreach (string w in words.Where(w => !(title + row).Contains(w, StringComparison.Ordinal)))
            {
                Assert.False(measures.Contains(w, StringComparison.Ordinal), $"{sector}：{row} got a {other} measure ({w}):\n{text}");
            }
        }
    }

    [Fact]
    public void AMedicalAidEnrolmentRow_IsAnsweredByCheckingWhoIsEnrolled_NotByTheSchoolRegister()
    {
        string text = Draft(Table("城乡医疗救助补助资金", "贵州省黔南州", Spent, Row("资助困难群众参保人次", "≥52000", "48360", "人次"), Row("门诊住院救助人次", "≥30000", "31000", "人次")));
        string measures = MeasureWords(text);
        Assert.DoesNotContain("学籍", measures, StringComparison.Ordinal);
        Assert.Contains("参保状态", measures, StringComparison.Ordinal);
        // Still no cause invented for it: the reason is said to be missing.
        Assert.Contains("自评表未说明该项偏差的原因", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string?> UnexplainedMoney => new()
    {
        // the low line, its parent (null: the total), the region
        { "中央资金", "年度资金总额", "贵州省黔南州独山县" },
        { "省级资金", "年度资金总额", "广西壮族自治区河池市都安县" },
        { "自治区资金", "年度资金总额", "内蒙古自治区锡林郭勒盟正蓝旗" },
        { "市县资金", "年度资金总额", "贵州省黔南州独山县" },
        { "上级补助资金", "年度资金总额", "四川省凉山州喜德县" },
        { "年度资金总额", null, "湖北省恩施州利川市" },
    };

    [Theory]
    [MemberData(nameof(UnexplainedMoney))]
    public void MoneyLeftWithoutAReason_IsSaidToBeUnexplained_NeverGuessed(string line, string? parent, string? region)
    {
        var funds = parent is null
            ? new[] { ("年度资金总额", "1000", "700", (string?)null, (string?)null) }
            : new[] { ("年度资金总额", "1000", "930", (string?)null, (string?)null), ("其他来源资金", "600", "600", "年度资金总额", null), (line, "400", "330", parent, null) };
        string text = Draft(Table("城乡医疗救助补助资金", region ?? string.Empty, funds, Row("门诊住院救助人次", "≥30000", "31000", "人次")));
        string reasons = text[..text.IndexOf("（二）", StringComparison.Ordinal)];
        Assert.DoesNotContain("经初步分析", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("下达时间较晚", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("可能是", reasons, StringComparison.Ordinal);
        Assert.Contains(OfflineDrafter.NoCauseLead, reasons, StringComparison.Ordinal);
        Assert.Contains("结余的原因", reasons, StringComparison.Ordinal);
        // The measures still answer the money.
        Assert.Contains("执行", MeasureWords(text), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, bool> CityMoney => new()
    {
        // the unit's reason, the table's region, whether 市级 is upper-level money there
        { "市级资金到位较晚，部分设备采购延至次年", "贵州省黔南州独山县", true },
        { "市级配套资金到位滞后，项目推迟实施", "湖南省邵阳市新邵县", true },
        { "市级资金未及时到位", "内蒙古自治区锡林郭勒盟正蓝旗", true },
        { "市级补助资金到位较晚", "广西壮族自治区河池市都安瑶族自治县", true },
        { "市级配套资金到位较晚", "湖南省邵阳市", false },
        { "县级和市级配套资金到位较晚", "湖南省邵阳市新邵县", false },
    };

    [Theory]
    [MemberData(nameof(CityMoney))]
    public void CityMoneyInACountysTable_IsUpperLevelMoney(string cause, string region, bool upper)
    {
        var answers = DraftPhrases.AnswersFor(cause, region: region);
        Assert.Equal(upper, answers.Any(a => a.Contains("上级财政部门", StringComparison.Ordinal)));
        Assert.Equal(!upper, answers.Any(a => a.Contains("本级配套资金", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("市级资金", "贵州省黔南州独山县", true)]
    [InlineData("市级财政资金", "江西省吉安市泰和县", true)]
    [InlineData("市级资金", "江西省吉安市", false)]
    [InlineData("县级资金", "江西省吉安市泰和县", false)]
    public void ACityFundLinesMeasure_InACountysTable_IsAboutUpperLevelMoney(string line, string region, bool upper)
    {
        (_, string measure) = DraftPhrases.FundCause(line, region);
        Assert.Equal(upper, measure.Contains("上级财政部门", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string, string?, string> Places => new()
    {
        // region, department, implementer, the place expected to lead (null: the region alone), the report's first title line
        { "黔南州", "黔南州医疗保障局", "独山县医疗保障局", "独山县", "黔南州独山县城乡医疗救助补助资金" },
        { "甘肃省临夏州", "临夏州教育局", "广河县教育局", "广河县", "甘肃省临夏州广河县" },
        { "湖北省恩施州", "恩施州卫生健康委员会", "利川市卫生健康局", "利川市", "湖北省恩施州利川市" },
        { "广西壮族自治区", "广西壮族自治区人力资源和社会保障厅", "市县人力资源和社会保障局", null, "广西壮族自治区城乡医疗救助补助资金" },
        { "湖南省邵阳市新邵县", "新邵县水利局", "新邵县水利局", null, "湖南省邵阳市新邵县" },
        { "黔南州", "黔南州医疗保障局", "黔南州医疗保障局", null, "黔南州城乡医疗救助补助资金" },
        { "四川省凉山州喜德县", "凉山州卫生健康委员会", "喜德县卫生健康局", null, "四川省凉山州喜德县" },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void TheImplementersPlace_LeadsTheReport_WhereItIsBelowTheDepartments(string region, string department, string implementer, string? place, string firstLine)
    {
        var e = Table("城乡医疗救助补助资金", region, Spent, Row("门诊住院救助人次", "≥30000", "31000", "人次")) with { Department = department, Implementer = implementer };
        Assert.Equal(place, ReportPhrases.ImplementerPlace(e));
        Assert.StartsWith(firstLine, ReportDocx.TitleLines(e)[0], StringComparison.Ordinal);
        string targets = ReportComposer.Targets(new ReportPhrases(ReportFacts.Extend(FactSheet.Build(e, ScoringPolicy.Default)), ScoringPolicy.Default)).Draft;
        if (place is null)
        {
            Assert.Contains(department, targets, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"2025年度{implementer}", targets, StringComparison.Ordinal);
            Assert.Contains($"项目主管部门为{department}", targets, StringComparison.Ordinal);
            Assert.DoesNotContain($"2025年度{department}", targets, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OneUnitsTwoTables_WithTheSameReason_AreToldApart_InEveryKindOfFlag()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        const string Epidemic = "受疫情影响，部分孕产妇未能按时产检";
        const string Measures = "加强项目管理，严格资金监管，确保项目顺利实施";
        const string General = "受多种因素影响，工作推进不够到位";
        ReasonUse[] uses =
        [
            new("u", "某州卫生健康局", 2, "孕产妇死亡率", Epidemic, 2024, "2024年甲县基本公共卫生服务项目", a),
            new("u", "某州卫生健康局", 2, "孕产妇死亡率", Epidemic, 2024, "2024年乙县基本公共卫生服务项目", b),
            new("u", "某州卫生健康局", 3, "高血压患者规范管理率", Measures, 2024, "2024年甲县基本公共卫生服务项目", a),
            new("u", "某州卫生健康局", 3, "高血压患者规范管理率", Measures, 2024, "2024年乙县基本公共卫生服务项目", b),
            new("u", "某州卫生健康局", 4, "老年人健康管理率", General, 2024, "2024年甲县基本公共卫生服务项目", a),
            new("u", "某州卫生健康局", 4, "老年人健康管理率", General, 2024, "2024年乙县基本公共卫生服务项目", b),
        ];
        var flags = ReasonQuality.Find(uses);
        foreach (string code in new[] { ReasonQuality.OutOfPeriod, ReasonQuality.MeasureOnly, ReasonQuality.Vague })
        {
            var two = flags.Where(f => f.Code == code).ToList();
            Assert.Equal(2, two.Count);
            Assert.NotEqual(two[0].Message, two[1].Message);
            Assert.Contains("《2024年甲县基本公共卫生服务项目》", string.Concat(two.Select(f => f.Message)), StringComparison.Ordinal);
            Assert.Contains("《2024年乙县基本公共卫生服务项目》", string.Concat(two.Select(f => f.Message)), StringComparison.Ordinal);
            Assert.Equal(new[] { a, b }.Order(), two.Select(f => Assert.Single(f.Uses).Submission!.Value).Order());
        }

        // No copy flag within one unit, and no repeated flag for rows of two tables.
        Assert.DoesNotContain(flags, f => f.Code is ReasonQuality.Copied or ReasonQuality.Repeated);
    }

    [Fact]
    public void OneSentenceOnFourRows_IsRepeatedOnlyWithinOneTable()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        const string Same = "因项目前期手续办理时间较长，整体进度滞后";
        string[] rows = ["新建面积", "节水面积", "受益农户", "新增产能"];
        var split = rows.Select((r, i) => new ReasonUse("u", "泰和县农业农村局", i, r, Same, 2024, i < 2 ? "高标准农田建设" : "农田水利设施建设", i < 2 ? a : b)).ToList();
        Assert.DoesNotContain(ReasonQuality.Find(split), f => f.Code == ReasonQuality.Repeated);

        var one = rows.Select((r, i) => new ReasonUse("u", "泰和县农业农村局", i, r, Same, 2024, "高标准农田建设", a)).ToList();
        ReasonFlag f = Assert.Single(ReasonQuality.Find(one), x => x.Code == ReasonQuality.Repeated);
        Assert.StartsWith("泰和县农业农村局《高标准农田建设》在4项上", f.Message, StringComparison.Ordinal);

        // Without a title (a unit's own findings) the message is as before.
        var untitled = rows.Select((r, i) => new ReasonUse("u", "泰和县农业农村局", i, r, Same)).ToList();
        Assert.StartsWith("泰和县农业农村局在4项上", Assert.Single(ReasonQuality.Find(untitled), x => x.Code == ReasonQuality.Repeated).Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex Quoted();
}
