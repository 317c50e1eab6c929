using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Questions that single something out or look past today's table: worst/best rows and lines, a named fund
/// line, a figure quoted back, a what-if on the money (scored again by the calculator), another year, names
/// the table does not hold, and follow-ups read with the question before them.
/// </summary>
public class ChatScenarioTests
{
    private static FactSheet Own(string name) =>
        FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", name + ".json"))));

    private static string Answer(string message, FactSheet sheet, string? previous = null)
    {
        Intent intent = IntentRouter.Route(message, sheet, previous);
        OfflineAnswer answer = OfflineAnswers.FromTable(intent, sheet)!;
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        var released = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        Assert.All(released, s => Assert.Empty(s.Held)); // every number of these answers is the table's or this turn's
        return gate.Released;
    }

    [Theory]
    [InlineData("如果年底再支出200万，执行率多少")]
    [InlineData("假如再花2000000元，执行率是多少")]
    [InlineData("要是再支出200万元的话能得几分")]
    public void WhatIf_IsScoredAgain_ByTheCalculator(string message)
    {
        FactSheet sheet = Own("probe29-A-yingyang");
        Evaluation e = sheet.Evaluation;
        FundLine root = e.Funds.Lines[0];
        decimal executed = root.Executed!.Value.Value + 200m;
        ScoreReport again = Calculator.Score(e with { Funds = e.Funds with { Lines = [root with { Executed = new(executed, 2) }, .. e.Funds.Lines.Skip(1)] } });

        string text = Answer(message, sheet);
        Assert.Contains($"{executed:0.00}万元", text, StringComparison.Ordinal);
        Assert.Contains($"{again.Funds[0].Rate!.Value * 100m:0.00}%", text, StringComparison.Ordinal); // 92.70%
        Assert.Contains($"{again.TotalRounded:0.00}分", text, StringComparison.Ordinal);
        Assert.Contains("只是测算", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_ANamedLineSpentInFull_AddsItsBalance()
    {
        string text = Answer("如果县级配套全部花完 总分多少", Own("probe29-B-shuiku")); // 县级自筹资金: 200.00 budget, 0.00 spent
        Assert.Contains("县级自筹资金全部执行（再支出200.00万元）", text, StringComparison.Ordinal);
        Assert.Contains("2637.50万元", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("完成率最低的是哪个", "完成率最低的是“学校食堂改造项目数量”")]
    [InlineData("哪个指标完成得最差", "完成率最低的是“学校食堂改造项目数量”")]
    [InlineData("哪个资金执行率最低", "执行率最低的是县级资金")]
    [InlineData("哪笔钱执行得最好", "执行率最高的是")]
    public void Superlatives_NameTheRowOrLine(string message, string expected) =>
        Assert.Contains(expected, Answer(message, Own("probe29-A-yingyang")), StringComparison.Ordinal);

    [Fact]
    public void ARankingOfRows_LeavesOutCapRows_AndNamesShortRowsWithoutARate()
    {
        string text = Answer("完成率最低的是哪个", Own("probe29-B-shuiku"));
        Assert.DoesNotContain("单座水库除险加固平均投资”：指标值130万元，完成值141.6万元，超出上限11.6万元，完成率", text, StringComparison.Ordinal);
        Assert.Contains("没有完成率可比", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("县级资金为啥执行这么低", "县级资金", "省级资金：")]
    [InlineData("县级配套的钱还剩多少", "县级资金", "中央财政资金：")]
    public void ANamedFundLine_IsAnsweredAlone_WithTheTotal(string message, string line, string notShown)
    {
        string text = Answer(message, Own("probe29-A-yingyang"));
        Assert.Contains(line, text, StringComparison.Ordinal);
        Assert.Contains("年度资金总额", text, StringComparison.Ordinal);
        Assert.DoesNotContain(notShown, text, StringComparison.Ordinal);
    }

    [Fact]
    public void AQuotedFigure_IsWorkedOut()
    {
        string text = Answer("50.07%是怎么来的", Own("probe29-C-gongwei"));
        Assert.Contains("150.20万元 ÷ 全年预算数300.00万元 = 执行率50.07%", text, StringComparison.Ordinal);
        Assert.Contains("表中没有算出等于", Answer("12.34%怎么算的", Own("probe29-C-gongwei")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("去年执行率多少", "没有上年")]
    [InlineData("跟去年比怎么样", "没有上年")]
    [InlineData("施工单位是谁", "表中回答不了")]
    [InlineData("哪几座水库没完工", "表中回答不了")]
    public void WhatTheTableDoesNotHold_IsSaid(string message, string expected) =>
        Assert.Contains(expected, Answer(message, Own("probe29-B-shuiku")), StringComparison.Ordinal);

    [Fact]
    public void CarriedOverMoney_IsNotLastYear() =>
        Assert.NotEqual(Topics.PriorYear, IntentRouter.Route("上年的钱用完没", Own("probe29-B-shuiku")).Topic);

    [Fact]
    public void FollowUps_ReadTheQuestionBefore()
    {
        FactSheet sheet = Own("probe29-A-yingyang");
        // 扣分最多: 食堂改造项目完工时间 (row 5) first, then 学生营养健康状况 (row 7); not the table's row 2.
        Assert.Equal([7], IntentRouter.Route("那第二个呢", sheet, "扣分最多的是哪项").Indicators);
        Assert.Equal([1], IntentRouter.Route("那第二个呢", sheet).Indicators);
        Intent improve = IntentRouter.Route("這個怎麼改", sheet, "学校食堂改造项目数量为什么没完成");
        Assert.Equal((IntentKind.Explain, Topics.Improve), (improve.Kind, improve.Topic));
        Assert.Equal([2], improve.Indicators);
        Assert.Contains("下一步", Answer("這個怎麼改", sheet, "学校食堂改造项目数量为什么没完成"), StringComparison.Ordinal);
    }

    [Fact]
    public void AReasonWhoseCountsAddUpToTheGap_IsSaidToAccountForIt()
    {
        string text = Answer("这个原因有说服力吗", Own("probe29-B-shuiku"), "完成除险加固小型水库数量为什么没完成");
        Assert.Contains("5座水库受汛期", text, StringComparison.Ordinal); // quoted with its numbers, not “…座”
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);
    }
}
