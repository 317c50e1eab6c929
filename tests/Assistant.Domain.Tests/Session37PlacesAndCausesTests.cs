using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Features.Drafting;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 37: an implementer's name that starts with a county-level city, a district, a 自治县 or 旗, or a named 新区/开发区 names
/// that place (利川市民政局 is 利川市, not a word 市民); and the offline draft never gives a cause the facts do not give — for an
/// over-achieved row, a row short of target, a late item or money left unspent without the unit's reason it states the figures and
/// says the reason is the unit's to supply; the quality rubric counts a guessed cause in any draft.
/// </summary>
public class Session37PlacesAndCausesTests
{
    private static Evaluation Table(string title, string region, (string Name, string Budget, string Executed, string? Parent)[] funds, params Indicator[] rows) => new()
    {
        Kind = EvaluationKind.Project,
        Title = title,
        Year = 2025,
        Region = region,
        Funds = new FundSection
        {
            Unit = "万元",
            Lines = funds.Select(f => new FundLine { Name = f.Name, Budget = PrintedNumber.Parse(f.Budget), Executed = PrintedNumber.Parse(f.Executed), Parent = f.Parent }).ToList(),
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

    public static TheoryData<string, string, string, string?> Places => new()
    {
        // region, department, implementer, the implementer's own place (null: none below the region and the department)
        { "湖北省恩施州", "恩施州民政局", "利川市民政局", "利川市" },
        { "湖北省恩施州", "恩施州市场监督管理局", "恩施市市场监督管理局", "恩施市" },
        { "四川省成都市", "成都市民政局", "武侯区民政局", "武侯区" },
        { "湖北省宜昌市", "宜昌市民族宗教事务委员会", "长阳土家族自治县民族宗教事务局", "长阳土家族自治县" },
        { "内蒙古自治区鄂尔多斯市", "鄂尔多斯市民政局", "鄂托克前旗民政局", "鄂托克前旗" },
        { "重庆市", "重庆市人力资源和社会保障局", "两江新区社会保障局", "两江新区" },
        { "吉林省长春市", "长春市财政局", "长春经济技术开发区财政局", "长春经济技术开发区" },
        { "贵州省", "贵州省自然资源厅", "贵安新区土地储备中心", "贵安新区" },
        { "江苏省苏州市", "苏州市商务局", "经济技术开发区管理委员会", null },
        { "广西壮族自治区", "广西壮族自治区人力资源和社会保障厅", "市县人力资源和社会保障局", null },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void AnImplementerStartingWithACountyLevelPlace_NamesThatPlace(string region, string department, string implementer, string? place)
    {
        var e = Table("城乡低保资金", region, Spent, Row("保障人数", "≥3000", "3100", "人")) with { Department = department, Implementer = implementer };
        Assert.Equal(place, ReportPhrases.ImplementerPlace(e));
    }

    private static string Draft(Evaluation e)
    {
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet, ScoringPolicy.Default, lowParts: true);
        var brief = new DraftBrief(DraftSection.Deviation, sheet, items.Select(i => new BriefItem(i, [], [])).ToList(), []);
        return DraftText.Render(OfflineDrafter.Compose(brief), sheet, brief.Sources.Count).Text;
    }

    public static TheoryData<string, string, string, string, string, string> Overshoots => new()
    {
        // title, region, row, target, actual, unit — an over-achievement the unit gave no reason for
        { "高素质农民培育项目", "山东省临沂市沂水县", "培育高素质农民人数", "≥400", "620", "人" },
        { "农村公路养护补助", "重庆市酉阳土家族苗族自治县", "养护农村公路里程", "≥300", "450", "公里" },
        { "家庭医生签约服务补助", "广东省韶关市乳源瑶族自治县", "家庭医生签约服务人数", "≥8000", "12600", "人" },
        { "文化惠民演出补助", "甘肃省定西市安定区", "送戏下乡场次", "≥60", "96", "场" },
    };

    [Theory]
    [MemberData(nameof(Overshoots))]
    public void AnOverAchievementWithoutAReason_GetsNoGuessedCause(string title, string region, string row, string target, string actual, string unit)
    {
        var e = Table(title, region, Spent, Row(row, target, actual, unit), Row("服务对象满意度", "≥90%", "95%", "%", level1: "满意度指标", level2: "服务对象满意度指标"));
        string text = Draft(e);
        Assert.Contains(row, text, StringComparison.Ordinal);
        Assert.Contains(OfflineDrafter.NoCauseLead, text, StringComparison.Ordinal);
        Assert.DoesNotContain("偏于保守", text, StringComparison.Ordinal);
        Assert.DoesNotContain("原因可能是", text, StringComparison.Ordinal);
        FactSheet sheet = FactSheet.Build(e, ScoringPolicy.Default);
        Assert.DoesNotContain(text.Split('。'), s => DraftQuality.IsGuessedCause(s + "。", sheet));
    }

    [Fact]
    public void SeveralOverAchievementsWithoutAReason_AreSaidToLackOne_Together()
    {
        var e = Table("高素质农民培育项目", "山东省临沂市沂水县", Spent, Row("培育高素质农民人数", "≥400", "620", "人"), Row("带动周边农户数", "≥1200", "2100", "户"),
            Row("学员满意度", "≥90%", "95%", "%", level1: "满意度指标", level2: "服务对象满意度指标"));
        string text = Draft(e);
        Assert.Contains("自评表未说明上述指标偏差的原因", text, StringComparison.Ordinal);
        Assert.DoesNotContain("偏于保守", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MoneyUnspentWhileRowsAreMet_IsStated_NotExplained()
    {
        var e = Table("基层医疗卫生机构能力提升项目", "广东省韶关市乳源瑶族自治县", [("年度资金总额", "500", "310", null)],
            Row("购置医疗设备台数", "≥20", "20", "台"), Row("基层就诊人次", "≥50000", "52000", "人次"),
            Row("就诊群众满意度", "≥90%", "94%", "%", level1: "满意度指标", level2: "服务对象满意度指标"));
        string text = Draft(e);
        Assert.DoesNotContain("反映出", text, StringComparison.Ordinal);
        Assert.DoesNotContain("测算与实际任务需求存在差距", text, StringComparison.Ordinal);
    }

    private static readonly FactSheet Nongji = FactSheet.Build(Table("高素质农民培育项目", "山东省临沂市沂水县", Spent,
        Row("培育高素质农民人数", "≥400", "620", "人"), Row("田间实训课时", "≥32", "20", "学时")), ScoringPolicy.Default);

    /// <summary>The rubric: a cause the draft gives of its own is counted; the unit's words, a cited source, the table's rows and “no reason given” are not.</summary>
    [Theory]
    [InlineData("经初步分析，超额完成的原因可能是年初设定指标值时测算偏于保守，具体原因以单位核实情况为准。", true)]
    [InlineData("超额完成主要是由于群众参与热情高涨。", true)]
    [InlineData("受汛期强降雨影响，部分实训推迟。", true)]
    [InlineData("资金支出进度与任务完成情况不匹配，反映出年初预算测算与实际任务需求存在差距。", true)]
    [InlineData("经初步分析，原因可能是部分培训机构师资不足[S2]，具体原因以单位核实情况为准。", false)]
    [InlineData("单位说明的原因是部分学员外出务工。", false)]
    [InlineData("自评表未说明该项偏差的原因，草稿不作推测，具体原因及相关数据需单位补充。", false)]
    [InlineData("经初步分析，原因可能是产出指标“田间实训课时”未完成年度任务，相应的服务效果未能全部显现，具体原因以单位核实情况为准。", false)]
    [InlineData("年度指标值为400人，实际完成620人。", false)]
    public void AGuessedCause_IsCountedByTheRubric(string sentence, bool guessed) =>
        Assert.Equal(guessed, DraftQuality.IsGuessedCause(sentence, Nongji));
}
