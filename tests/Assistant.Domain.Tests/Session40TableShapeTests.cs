using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 40 (outside tester): a project table with a money 分值 and no fund lines, spending over the budget, and a weighted
/// row without its 一级指标 were scored without any finding. Each now gets one, naming the field; the scores do not change.
/// </summary>
public class Session40TableShapeTests
{
    private static Evaluation Table(string kind = "project", JsonArray? lines = null, string? level1 = "产出指标", string? rowWeight = "90", string? fundsWeight = "10")
    {
        var funds = new JsonObject { ["unit"] = "万元", ["lines"] = lines ?? Lines(("年度资金总额", null, "648.30", "600.00")) };
        if (fundsWeight is not null)
        {
            funds["weight"] = fundsWeight;
        }

        var row = new JsonObject { ["level2"] = "数量指标", ["name"] = "改造老旧小区数量", ["unit"] = "个", ["target"] = "≥12", ["actual"] = "12" };
        if (level1 is not null)
        {
            row["level1"] = level1;
        }

        if (rowWeight is not null)
        {
            row["weight"] = rowWeight;
        }

        var e = new JsonObject
        {
            ["kind"] = kind, ["title"] = "2024年乳源县城镇老旧小区改造补助资金", ["year"] = 2024,
            ["funds"] = funds, ["indicators"] = new JsonArray(row),
        };
        if (kind == "project")
        {
            e["levelWeights"] = new JsonObject { ["产出指标"] = "90" };
        }

        return EvaluationJson.Parse(e.ToJsonString());
    }

    private static JsonArray Lines(params (string Name, string? Parent, string? Budget, string? Executed)[] lines)
    {
        var a = new JsonArray();
        foreach (var (name, parent, budget, executed) in lines)
        {
            var o = new JsonObject { ["name"] = name };
            if (parent is not null)
            {
                o["parent"] = parent;
            }

            if (budget is not null)
            {
                o["budget"] = budget;
            }

            if (executed is not null)
            {
                o["executed"] = executed;
            }

            a.Add(o);
        }

        return a;
    }

    private static List<Finding> Of(ScoreReport r, string code) => r.Findings.Where(f => f.Code == code).ToList();

    [Fact]
    public void AProjectTableWithAMoneyWeightAndNoLines_IsAnErrorNamingFundsLines()
    {
        ScoreReport r = Calculator.Score(Table(lines: []));
        Finding f = Assert.Single(Of(r, FindingCodes.FundsLinesMissing));
        Assert.Equal((Severity.Error, "funds.lines"), (f.Severity, f.Path));
        Assert.Contains("资金得分按0分计", f.Message, StringComparison.Ordinal);
        Assert.Equal(90m, r.Total);
    }

    [Theory]
    [InlineData("648.30", null, "funds.lines[0].executed", "全年执行数")]
    [InlineData(null, null, "funds.lines[0].budget", "全年预算数和全年执行数")]
    public void ATotalLineWithoutItsFigures_IsAnErrorNamingTheColumn(string? budget, string? executed, string path, string missing)
    {
        ScoreReport r = Calculator.Score(Table(lines: Lines(("年度资金总额", null, budget, executed))));
        Finding f = Assert.Single(Of(r, FindingCodes.FundsLinesMissing));
        Assert.Equal(path, f.Path);
        Assert.Contains("没有填写" + missing, f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpendingWithoutABudget_IsRefusedAtTheDoor_NamingTheField()
    {
        var e = Assert.Throws<InputException>(() => Table(lines: Lines(("年度资金总额", null, null, "600.00"))));
        Assert.Equal("funds.lines[0].budget", e.Errors[0].Field);
    }

    [Fact]
    public void NoMoneyWeight_OrATransfer_NeedsNoLines()
    {
        Assert.Empty(Of(Calculator.Score(Table(lines: [], fundsWeight: null)), FindingCodes.FundsLinesMissing));
        Assert.Empty(Of(Calculator.Score(Table(kind: "transfer", lines: [], rowWeight: null, fundsWeight: null)), FindingCodes.FundsLinesMissing));
        Assert.Empty(Of(Calculator.Score(Table()), FindingCodes.FundsLinesMissing));
    }

    [Theory]
    [InlineData("648.30", "700.00", "107.97%")]
    [InlineData("100", "100.01", "100.01%")]
    [InlineData("1280.5", "1500", "117.14%")]
    public void SpendingOverTheBudget_IsAWarningOnTheLine_AndTheScoreStaysCapped(string budget, string executed, string rate)
    {
        ScoreReport r = Calculator.Score(Table(lines: Lines(("年度资金总额", null, budget, executed))));
        Finding f = Assert.Single(Of(r, FindingCodes.FundsOverspent));
        Assert.Equal((Severity.Warning, "funds.lines[0].executed"), (f.Severity, f.Path));
        Assert.Contains("执行率" + rate, f.Message, StringComparison.Ordinal);
        Assert.Equal(10m, r.Funds[0].Score);
    }

    [Fact]
    public void APartOverItsBudget_IsNamed_AndExactlySpentIsNot()
    {
        ScoreReport r = Calculator.Score(Table(lines: Lines(("年度资金总额", null, "1000", "950"), ("中央资金", "年度资金总额", "600", "600"), ("县级资金", "年度资金总额", "400", "350"), ("上年结转", "年度资金总额", "0", "0"))));
        Assert.Empty(Of(r, FindingCodes.FundsOverspent));
        r = Calculator.Score(Table(kind: "transfer", rowWeight: null, fundsWeight: null, lines: Lines(("年度资金总额", null, "1000", "1000"), ("中央资金", "年度资金总额", "600", "650"), ("县级资金", "年度资金总额", "400", "350"))));
        Finding f = Assert.Single(Of(r, FindingCodes.FundsOverspent));
        Assert.Equal("funds.lines[1].executed", f.Path);
        Assert.StartsWith("中央资金全年执行数650万元超过全年预算数600万元（执行率108.33%）", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AWeightedRowWithoutItsLevel1_IsAnErrorNamingIt(string? level1)
    {
        ScoreReport r = Calculator.Score(Table(level1: level1));
        Finding f = Assert.Single(Of(r, FindingCodes.IndicatorLevelMissing));
        Assert.Equal((Severity.Error, "indicators[0].level1"), (f.Severity, f.Path));
        Assert.Contains("第1行指标“改造老旧小区数量”没有填写一级指标", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnweightedRowWithoutLevel1_OrAFilledOne_IsNotFlagged()
    {
        Assert.Empty(Of(Calculator.Score(Table(kind: "transfer", level1: null, rowWeight: null, fundsWeight: null)), FindingCodes.IndicatorLevelMissing));
        Assert.Empty(Of(Calculator.Score(Table()), FindingCodes.IndicatorLevelMissing));
        var bare = EvaluationJson.Parse("""{"kind":"project","title":"t","funds":{"weight":"5","lines":[{"name":"年度资金总额","budget":"2700","executed":"2181.57"}]},"indicators":[{"name":"a","target":"≥1500","actual":"1464","weight":"95"}]}""");
        Assert.Empty(Of(Calculator.Score(bare), FindingCodes.IndicatorLevelMissing));
    }
}

/// <summary>Session 40 (outside tester, 乳源 长效管理机制建立): 部分建立 against 建立 was full marks with an info; 部分X states the middle grade.</summary>
public class Session40PartialWordsTests
{
    private static Assistant.Domain.Scoring.IndicatorResult Row(string target, string actual, string? printed) =>
        Calculator.ScoreIndicator(new Indicator { Level1 = "效益指标", Name = "长效管理机制建立", Target = target, Actual = actual, Weight = Assistant.Domain.Numbers.PrintedNumber.Parse("15"), PrintedScore = printed is null ? null : Assistant.Domain.Numbers.PrintedNumber.Parse(printed) }, 0, ScoringPolicy.Default, scored: true, year: 2024);

    [Theory]
    [InlineData("建立", "部分建立")]
    [InlineData("建成", "部分建成")]
    [InlineData("健全完善", "部分完善")]
    [InlineData("全面覆盖", "部分覆盖")]
    [InlineData("建立", "部分完成")]
    public void APartWorded_IsShortOfItsTarget_AndNotFullMarks(string target, string actual)
    {
        var r = Row(target, actual, "15");
        Assert.Equal(IndicatorStatus.Short, r.Status);
        Assert.True(r.Score < 15m, $"{actual}: {r.Score}");
    }

    [Theory]
    [InlineData("建立", "已建立")]
    [InlineData("建成", "全面建成")]
    public void TheTargetReached_IsStillMet(string target, string actual) => Assert.Equal(IndicatorStatus.Met, Row(target, actual, "15").Status);
}
