using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Review;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>
/// A 偏差原因 cell holding only a placeholder (无, /, —, 暂无, 不适用, 无偏差, 见说明, spaces) is no reason, the same
/// for the calculator's findings, the missing-reason list (queue, /review/reasons, chat), the stated reasons and the drafter.
/// </summary>
public class PlaceholderReasonTests
{
    private static PrintedNumber N(string s) => PrintedNumber.Parse(s);

    public static TheoryData<string> Placeholders => new()
    {
        "无", "无。", "/", "／", "-", "—", "——", "－", "暂无", "不适用", "无偏差", "无偏差。", "“见说明”", "见说明", "详见说明",
        " ", "　　", " 无 ", "\u3000无\u3000", "（无）", "N/A", "不涉及", "无；",
    };

    [Theory]
    [MemberData(nameof(Placeholders))]
    public void Placeholder_IsNoReason(string note)
    {
        Assert.True(ReasonText.IsPlaceholder(note));
        Assert.False(ReasonText.IsGiven(note));
        Assert.Null(ReasonText.Given(note));
    }

    [Theory]
    [InlineData("无法按期开工，雨季推迟")]
    [InlineData("资金下达时间较晚")]
    [InlineData("见说明：部分乡镇项目未完工")]
    [InlineData("暂无资金到位，项目延期")]
    [InlineData("因疫情无法开展线下培训")]
    [InlineData("不适用原标准，按新标准执行")]
    public void RealReason_StartingLikeAPlaceholder_IsAReason(string note)
    {
        Assert.True(ReasonText.IsGiven(note));
        Assert.Equal(note, ReasonText.Given("  " + note + " "));
    }

    // Fund lines of several sectors: the total line below 85 % with a placeholder asks for a reason, as with an empty cell.
    [Theory]
    [InlineData("农村饮水安全工程资金", "无")]
    [InlineData("义务教育薄弱环节改善资金", "／")]
    [InlineData("基层医疗卫生机构补助资金", "暂无")]
    [InlineData("困难群众救助补助资金", "不适用")]
    [InlineData("高标准农田建设资金", "见说明")]
    [InlineData("城市管网改造资金", "　")]
    public void FundLine_WithPlaceholder_IsLowExecutionUnexplained(string name, string note)
    {
        var line = new FundLine { Name = name, Budget = N("1200.00"), Executed = N("720.00"), DeviationNote = note };
        var e = new Evaluation { Kind = EvaluationKind.Transfer, Title = name + "绩效自评表", Funds = new FundSection { Lines = [line] }, Indicators = [] };
        FactSheet sheet = FactSheet.Build(e);
        Assert.Contains(sheet.Report.Findings, f => f.Code == FindingCodes.FundsLowExecution && f.Path == "funds.lines[0]");
        Assert.Contains(CrossUnit.Missing(sheet), m => m.Status == "funds" && m.Subject == name);
        Assert.DoesNotContain(CrossUnit.Reasons(sheet), r => r.Subject == name);
        Assert.Null(CrossUnit.Execution(sheet).Reason);
        DeviationItem item = Assert.Single(DeviationItems.Find(sheet), i => i.Kind == DeviationKind.LowExecution);
        Assert.Null(item.StatedReason);
        Assert.Contains(ReviewerFindings.Find(sheet), f => f.Code == ReviewerFindingCodes.RateWithoutReason);
    }

    [Fact]
    public void PartLine_WithPlaceholder_UnderASilentTotal_IsUnexplained()
    {
        var lines = new List<FundLine>
        {
            new() { Name = "资金总额", Budget = N("1000"), Executed = N("900"), DeviationNote = "—" },
            new() { Name = "中央资金", Parent = "资金总额", Budget = N("600"), Executed = N("590"), DeviationNote = "无" },
            new() { Name = "县级资金", Parent = "资金总额", Budget = N("400"), Executed = N("310"), DeviationNote = "无偏差" },
        };
        var e = new Evaluation { Kind = EvaluationKind.Transfer, Title = "t", Funds = new FundSection { Lines = lines }, Indicators = [] };
        FactSheet sheet = FactSheet.Build(e);
        Assert.Contains(sheet.Report.Findings, f => f.Code == FindingCodes.FundsLowExecution && f.Path.StartsWith("funds.lines[2]", StringComparison.Ordinal));
        Assert.Contains(CrossUnit.Missing(sheet), m => m.Subject == "县级资金");
        Assert.Empty(CrossUnit.Reasons(sheet));
    }

    [Fact]
    public void PartLine_WithRealReason_UnderAPlaceholderTotal_IsExplained()
    {
        var lines = new List<FundLine>
        {
            new() { Name = "资金总额", Budget = N("1000"), Executed = N("900"), DeviationNote = "/" },
            new() { Name = "省级资金", Parent = "资金总额", Budget = N("600"), Executed = N("590") },
            new() { Name = "市级资金", Parent = "资金总额", Budget = N("400"), Executed = N("310"), DeviationNote = "市级配套资金12月才下达" },
        };
        var e = new Evaluation { Kind = EvaluationKind.Transfer, Title = "t", Funds = new FundSection { Lines = lines }, Indicators = [] };
        FactSheet sheet = FactSheet.Build(e);
        Assert.DoesNotContain(sheet.Report.Findings, f => f.Code == FindingCodes.FundsLowExecution);
        Assert.DoesNotContain(CrossUnit.Missing(sheet), m => m.Subject == "市级资金");
    }

    private static Evaluation Scored(params Indicator[] rows) => new() { Kind = EvaluationKind.Project, Title = "t", Funds = new FundSection(), Indicators = rows };

    // Indicators short of or far beyond their targets: a placeholder leaves them unexplained, for the calculator, the
    // missing list, the stated reasons and the drafter (which never quotes 无 as the unit's reason).
    [Theory]
    [InlineData("无")]
    [InlineData("无。")]
    [InlineData("-")]
    [InlineData("暂无")]
    [InlineData("无偏差")]
    [InlineData("“见说明”")]
    public void ShortIndicator_WithPlaceholder_IsUnexplained(string note)
    {
        Indicator row = RuleTests.Row("≥100", "60", "10", unit: "人", note: note) with { Name = "培训基层医务人员人数" };
        FactSheet sheet = FactSheet.Build(Scored(row, RuleTests.Row("≥1", "1", "90")));
        Assert.Contains(sheet.Report.Findings, f => f.Code == FindingCodes.IndicatorShortfallUnexplained && f.Path.StartsWith("indicators[0]", StringComparison.Ordinal));
        Unexplained m = Assert.Single(CrossUnit.Missing(sheet));
        Assert.Equal(0, m.Indicator);
        Assert.Null(CrossUnit.Standing(sheet, 0).Reason);
        Assert.Empty(CrossUnit.Reasons(sheet));
        DeviationItem item = Assert.Single(DeviationItems.Find(sheet), i => i.IndicatorIndex == 0);
        Assert.Null(item.StatedReason);
    }

    [Theory]
    [InlineData("不适用")]
    [InlineData("／")]
    [InlineData("　")]
    public void OvershotIndicator_WithPlaceholder_IsUnexplained(string note)
    {
        Indicator row = RuleTests.Row("≥50", "160", "10", unit: "户", note: note) with { Name = "改造农村危房户数" };
        ScoreReport report = Calculator.Score(Scored(row, RuleTests.Row("≥1", "1", "90")));
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.IndicatorOvershootUnexplained);
    }

    [Fact]
    public void ShortIndicator_WithRealReason_IsExplained_AndQuoted()
    {
        Indicator row = RuleTests.Row("≥100", "60", "10", unit: "人", note: "无法集中培训，改为线上") with { Name = "培训基层医务人员人数" };
        FactSheet sheet = FactSheet.Build(Scored(row, RuleTests.Row("≥1", "1", "90")));
        Assert.DoesNotContain(sheet.Report.Findings, f => f.Code == FindingCodes.IndicatorShortfallUnexplained);
        Assert.Empty(CrossUnit.Missing(sheet));
        Assert.Equal("无法集中培训，改为线上", Assert.Single(DeviationItems.Find(sheet), i => i.IndicatorIndex == 0).StatedReason);
    }
    // Chat (哪些指标没写原因): rows whose cell is a placeholder are listed as lacking a reason, and 无 is never quoted.
    [Theory]
    [InlineData("无", "乡镇卫生院远程会诊覆盖率")]
    [InlineData("暂无", "新增节水灌溉面积")]
    [InlineData("—", "学生营养餐覆盖人数")]
    public void Chat_ListsPlaceholderRows_AsWithoutReason(string note, string name)
    {
        Indicator row = RuleTests.Row("≥100", "70", "10", unit: "个", note: note) with { Name = name };
        Indicator other = RuleTests.Row("≥10", "6", "10", unit: "个", note: "项目审批延迟，开工较晚") with { Name = "其他已说明指标" };
        FactSheet sheet = FactSheet.Build(Scored(row, other, RuleTests.Row("≥1", "1", "80")));
        string text = TableAnswers.List(Topics.Unexplained, sheet).Text;
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.DoesNotContain("其他已说明指标", text, StringComparison.Ordinal);
        Assert.DoesNotContain("“" + note + "”", text, StringComparison.Ordinal);
    }
}
