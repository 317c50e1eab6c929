using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 42, each a class: a reason holding a figure, quoted by one part of a compound answer, is not quoted again by the next
/// (（见上）); a second sentence that only asks whether the row was met (完成率是82%吗？完成了吗) is answered, not dropped as a repeat;
/// a reviewer's place question and its money (结余) are read as such.
/// </summary>
public class Session42ChatTests
{
    [Theory]
    [InlineData("probe30-C-wenhua", "执行率和没完成的指标", "尾款未支付")]
    [InlineData("probe30-C-wenhua", "执行率多少？哪些没写原因", "尾款未支付")]
    [InlineData("probe29-A-yingyang", "执行率多少，哪些指标没完成", "结转下年使用")]
    [InlineData("probe30-A-yinshui", "执行率多少？哪些没写原因", "未完成结算")]
    [InlineData("probe33-health", "资金执行率多少？哪些指标没完成", "部分未能支出")]
    [InlineData("probe40-ruyuan", "执行率多少？哪些没写原因", "暂缓施工")]
    public void AReasonWithAFigure_IsQuotedOnce(string table, string message, string reasonWords)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.True(IntentRouter.RouteAll(message, sheet).Count >= 2);
        string text = ChatTables.AnswerAll(sheet, message);
        int times = text.Split(reasonWords).Length - 1;
        Assert.True(times == 1, text);
        Assert.Empty(AnswerRepeats.Find(text));
    }

    [Fact]
    public void AQuoteOfACell_IsNoReason_AndAReasonWithFigures_IsMatchedOnItsValues()
    {
        // Two parts numbering the same figure differently: the second's quote is the first's.
        var first = new OfflineAnswer("表中对年度资金总额填报的原因：“设备采购于{{fact:turn.a}}完成招标，尾款未支付”。\n", [new Fact("turn.a", "月份", 12m, "月", 0, FactKind.Input)]);
        var second = new OfflineAnswer("年度资金总额执行率偏低，填报的原因：“设备采购于{{fact:turn.b}}完成招标，尾款未支付”。\n", [new Fact("turn.b", "月份", 12m, "月", 0, FactKind.Input)]);
        string combined = OfflineAnswers.Combine([first, second])!.Text;
        Assert.Contains("（见上）", combined, StringComparison.Ordinal);
        Assert.Single(combined.Split("完成招标").Skip(1));

        // Another month is another reason: quoted again.
        var other = new OfflineAnswer("年度资金总额执行率偏低，填报的原因：“设备采购于{{fact:turn.c}}完成招标，尾款未支付”。\n", [new Fact("turn.c", "月份", 11m, "月", 0, FactKind.Input)]);
        Assert.DoesNotContain("（见上）", OfflineAnswers.Combine([first, other])!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("session40-meitan", "带动茶农增收完成率是86.25%吗？完成了吗", "是的。", "没有完成：“带动茶农增收”没有达到指标值")]
    [InlineData("session40-meitan", "带动茶农增收完成率是86%吗？那算完成了吗", "是的。", "没有完成：“带动茶农增收”")]
    [InlineData("session40-tongwei", "示范村创建数量完成率是100%吗？达标了吗", "是的。", "完成了：“示范村创建数量”已达到指标值")]
    [InlineData("probe40-wulong", "森林抚育面积完成率是77.5%吗？是不是没完成", "是的。", "是的，没有完成：“森林抚育面积")]
    [InlineData("probe40-wulong", "森林抚育面积完成率是80%吗？完成了没", "不是。", "没有完成：“森林抚育面积")]
    public void ASecondSentenceAskingStatus_IsAnswered(string table, string message, string opens, string status)
    {
        FactSheet sheet = ChatTables.Table(table);
        var intents = IntentRouter.RouteAll(message, sheet);
        Assert.Single(intents);
        Assert.Equal(Topics.Confirm, intents[0].Topic);
        string text = ChatTables.AnswerAll(sheet, message);
        Assert.StartsWith(opens, text, StringComparison.Ordinal);
        Assert.Contains(status, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("带动茶农增收完成率是86.25%吗？为什么没完成")]
    [InlineData("带动茶农增收完成率是86.25%吗？扣了几分")]
    public void ASecondSentenceAskingMore_StaysAPartOfItsOwn(string message)
    {
        FactSheet sheet = ChatTables.Table("session40-meitan");
        Assert.Equal(2, IntentRouter.RouteAll(message, sheet).Count);
    }

    [Theory]
    [InlineData("蕲春县的结余有多少", "蕲春县", true)]
    [InlineData("乳源县还剩多少钱没花", "乳源县", true)]
    [InlineData("乳源瑶族自治县的执行率是多少", "乳源瑶族自治县", false)]
    [InlineData("两江新区的执行数是多少", "两江新区", false)]
    public void AReviewersPlaceMoneyQuestion_IsExecution_WithItsPlace_AndWhetherTheBalanceIsAsked(string message, string place, bool balance)
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize(message, 2024, implied: true)!;
        Assert.Equal(CrossUnitQuestions.Execution, q.Kind);
        Assert.Equal(place, q.Place);
        Assert.Equal(balance, q.Balance);
    }

    [Fact]
    public void AFundLineOfOnePlace_KeepsBothTheLineAndThePlace()
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize("蕲春县的县级资金执行率", 2024, implied: true)!;
        Assert.Equal("县级", q.Line);
        Assert.Equal("蕲春县", q.Place);
    }
}
