using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

public class ReconciliationTests
{
    private static PrintedNumber N(string s) => PrintedNumber.Parse(s);

    [Theory]
    [InlineData("80.80", "2181.57", "2700.00", Agreement.Exact)]
    [InlineData("19.50", "38.99", "200.00", Agreement.Exact)]
    [InlineData("89.12", "29849", "33495", Agreement.ConsistentThroughRounding)]
    [InlineData("89.11", "29849", "33495", Agreement.Exact)]
    [InlineData("89.20", "29849", "33495", Agreement.Inconsistent)]
    [InlineData("85.58", "317808", "371358", Agreement.Exact)]
    [InlineData("69.14", "47707", "69004", Agreement.Exact)]
    [InlineData("80.81", "2181.57", "2700.00", Agreement.Inconsistent)]
    public void Compare_PrintedRate(string printed, string executed, string budget, Agreement expected)
    {
        PrintedNumber e = N(executed), b = N(budget);
        Interval interval = e.Interval.DivideBy(b.Interval).Scale(100m);
        Assert.Equal(expected, Reconciliation.Compare(N(printed), e.Value / b.Value * 100m, interval));
    }

    private static Evaluation Table(string total, string budget, string executed, params (string Name, string Budget, string Executed)[] parts)
    {
        var lines = new List<FundLine> { new() { Name = total, Budget = N(budget), Executed = N(executed) } };
        lines.AddRange(parts.Select(p => new FundLine { Name = p.Name, Parent = total, Budget = N(p.Budget), Executed = N(p.Executed) }));
        return new Evaluation { Kind = EvaluationKind.Transfer, Title = "t", Funds = new FundSection { Lines = lines }, Indicators = [] };
    }

    [Fact]
    public void FundParts_Zhalantun_AddUp()
    {
        Evaluation e = Table("资金总额", "3914.95", "2356.87",
            ("中央", "1338.57", "1000"), ("自治区", "306.59", "300"), ("盟市", "231.81", "200"), ("旗县", "290.11", "200"), ("上年结余", "1747.87", "656.87"));
        Assert.DoesNotContain(Calculator.Score(e).Findings, f => f.Code == FindingCodes.FundsPartsSum);
    }

    [Fact]
    public void FundParts_ThatDoNotAddUp_AreAnErrorPerColumn()
    {
        Evaluation e = Table("资金总额", "1000", "900", ("中央", "600", "500"), ("地方", "300", "400"));
        Finding f = Assert.Single(Calculator.Score(e).Findings, f => f.Code == FindingCodes.FundsPartsSum);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("funds.lines[0].budget", f.Path);
        Assert.Equal("900", f.Expected);
        Assert.Contains("相差100", f.Message, StringComparison.Ordinal);
    }

    // A 部门整体 table lists the total by source and again by use: each set adds up on its own.
    public static TheoryData<string[], string[], string[]> TwoSets => new()
    {
        { ["按收入性质分：财政拨款", "其他资金", "按支出性质分：基本支出", "项目支出"], ["4600", "200", "3000", "1800"], ["4500", "180", "2900", "1780"] },
        { ["财政拨款", "其他资金", "基本支出", "项目支出"], ["4600", "200", "3000", "1800"], ["4500", "180", "2900", "1780"] },
        { ["一般公共预算", "政府性基金", "人员经费", "公用经费", "专项业务费"], ["4000", "800", "2000", "1000", "1800"], ["3900", "780", "1900", "980", "1800"] },
        { ["其中：按资金来源分：中央资金", "省级资金", "其中：按用途分：补贴发放", "工作经费"], ["4000", "800", "4500", "300"], ["4000", "680", "4400", "280"] },
    };

    [Theory]
    [MemberData(nameof(TwoSets))]
    public void FundParts_TwoSetsThatEachAddUp_AreNoFinding(string[] names, string[] budgets, string[] executed)
    {
        Evaluation e = Table("年度资金总额", "4800", "4680", [.. names.Select((n, i) => (n, budgets[i], executed[i]))]);
        Assert.DoesNotContain(Calculator.Score(e).Findings, f => f.Code == FindingCodes.FundsPartsSum);
    }

    [Fact]
    public void FundParts_TwoSets_OneWrong_IsAnErrorNamingOnlyThatSet()
    {
        Evaluation e = Table("年度资金总额", "4800", "4680",
            ("按收入性质分：财政拨款", "4600", "4500"), ("其他资金", "200", "180"), ("按支出性质分：基本支出", "3000", "2900"), ("项目支出", "1700", "1780"));
        Finding f = Assert.Single(Calculator.Score(e).Findings, f => f.Code == FindingCodes.FundsPartsSum);
        Assert.Equal("funds.lines[0].budget", f.Path);
        Assert.Contains("基本支出", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("其他资金", f.Message, StringComparison.Ordinal);
        Assert.Contains("相差100", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FundParts_OneSetTwiceTheTotal_IsStillAnError()
    {
        // Sources only, adding to twice the total: not two sets, a wrong table.
        Evaluation e = Table("资金总额", "1000", "1000", ("中央", "1000", "1000"), ("地方", "1000", "1000"));
        Assert.Contains(Calculator.Score(e).Findings, f => f.Code == FindingCodes.FundsPartsSum && f.Severity == Severity.Error);
    }

    [Fact]
    public void PrintedTotal_SumOfAMisScoredRow_NamesTheRowNotRounding()
    {
        Indicator Named(Indicator r, string name) => r with { Name = name };
        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "t",
            Funds = new FundSection(),
            Indicators =
            [
                Named(RuleTests.Row("≥100", "95", "50", printed: "50"), "见习人员就业率"),
                Named(RuleTests.Row("≥100", "100", "50", printed: "50"), "见习人数"),
            ],
            PrintedTotal = N("100"),
        };
        Finding f = Assert.Single(Calculator.Score(e).Findings, f => f.Code == FindingCodes.TotalPrinted);
        Assert.Contains("“见习人员就业率”的打印得分与评分规则不符", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("四舍五入", f.Message, StringComparison.Ordinal);
        Assert.Equal("97.50", f.Expected);
    }

    [Fact]
    public void PrintedTotal_SumOfRoundedScores_BlamesNoRow()
    {
        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "t",
            Funds = new FundSection(),
            Indicators = [RuleTests.Row("≥3", "1", "50", printed: "16.67"), RuleTests.Row("≥3", "1", "50", printed: "16.67")],
            PrintedTotal = N("33.34"),
        };
        Finding f = Assert.Single(Calculator.Score(e).Findings, f => f.Code == FindingCodes.TotalPrinted);
        Assert.Contains("四舍五入", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("与评分规则不符", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FundParts_OffOnlyByRounding_AreInfo()
    {
        Evaluation e = Table("资金总额", "10.0", "9.0", ("中央", "3.33", "3"), ("地方", "6.66", "6"));
        Finding f = Assert.Single(Calculator.Score(e).Findings, f => f.Code == FindingCodes.FundsPartsSum);
        Assert.Equal(Severity.Info, f.Severity);
    }

    [Fact]
    public void FundScore_Printed_Wrong_IsAnError()
    {
        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "t",
            Funds = new FundSection { Weight = N("10"), Lines = [new FundLine { Name = "年度资金总额", Budget = N("100"), Executed = N("95"), PrintedRate = N("95.00"), PrintedScore = N("10.00") }] },
            Indicators = [RuleTests.Row("≥1", "1", "90", printed: "90")],
            PrintedTotal = N("99.5"),
        };
        ScoreReport report = Calculator.Score(e);
        Finding f = Assert.Single(report.Findings, f => f.Code == FindingCodes.FundsScorePrinted);
        Assert.Equal("9.50", f.Expected);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.FundsRatePrinted);
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.TotalPrinted);
    }

    [Fact]
    public void LowExecution_WithExplanation_IsNotReported()
    {
        var line = new FundLine { Name = "年度资金总额", Budget = N("100"), Executed = N("50"), DeviationNote = "资金下达时间较晚" };
        var e = new Evaluation { Kind = EvaluationKind.Transfer, Title = "t", Funds = new FundSection { Lines = [line] }, Indicators = [] };
        Assert.DoesNotContain(Calculator.Score(e).Findings, f => f.Code == FindingCodes.FundsLowExecution);
        Assert.Contains(Calculator.Score(e with { Funds = new FundSection { Lines = [line with { DeviationNote = null }] } }).Findings,
            f => f.Code == FindingCodes.FundsLowExecution);
    }

    private static Evaluation Scored(string printedTotal, params Indicator[] rows) => new()
    {
        Kind = EvaluationKind.Project,
        Title = "t",
        Funds = new FundSection(),
        Indicators = rows,
        PrintedTotal = N(printedTotal),
    };

    [Fact]
    public void Total_SummedFromRoundedCells_IsReportedAsSuch()
    {
        // 3 × (10 × 1/3 = 3.333…) + 90 → 100.00 unrounded; rounded cells 3.33 × 3 + 90 = 99.99.
        Evaluation e = Scored("99.99",
            RuleTests.Row("≥3", "1", "5", printed: "1.67"), RuleTests.Row("≥3", "1", "5", printed: "1.67"),
            RuleTests.Row("≥1", "1", "90", printed: "90"));
        ScoreReport report = Calculator.Score(e);
        Assert.Equal(93.33m, report.TotalRounded);
        Finding f = Assert.Single(report.Findings, f => f.Code == FindingCodes.TotalPrinted);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("93.33", f.Expected);
    }

    [Fact]
    public void Total_ConsistentThroughRoundingOfActuals_IsInfo()
    {
        // 1.5 of ≥3 on weight 10 → 5, but 1.5 is [1.45, 1.55) → score [4.83, 5.17): 5.1 is consistent.
        Evaluation e = Scored("95.1", RuleTests.Row("≥3", "1.5", "10"), RuleTests.Row("≥1", "1", "90"));
        Finding f = Assert.Single(Calculator.Score(e).Findings, f => f.Code == FindingCodes.TotalPrinted);
        Assert.Equal(Severity.Info, f.Severity);
    }

    [Fact]
    public void ScoreAboveWeight_IsAnError()
    {
        Evaluation e = Scored("100", RuleTests.Row("≥1", "1", "10", printed: "12"), RuleTests.Row("≥1", "1", "90", printed: "90"));
        ScoreReport report = Calculator.Score(e);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.IndicatorScoreOverWeight && f.Severity == Severity.Error);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.IndicatorScorePrinted && f.Expected == "10.00");
    }

    [Fact]
    public void OvershootWithNote_IsNotReported_AndShortfallWithNote_IsNotReported()
    {
        Evaluation e = Scored("100", RuleTests.Row("≥100", "200", "10", note: "政策调整带来需求增加"), RuleTests.Row("≥1", "0.5", "90", note: "资金下达较晚"));
        ScoreReport report = Calculator.Score(e);
        Assert.DoesNotContain(report.Findings, f => f.Code is FindingCodes.IndicatorOvershootUnexplained or FindingCodes.IndicatorShortfallUnexplained);
    }
}
