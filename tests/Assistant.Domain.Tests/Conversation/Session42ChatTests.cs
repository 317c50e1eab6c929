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

    // ---- Classes the held-out questions found (session 42 part A) ----

    [Theory]
    [InlineData("session40-meitan", "带动茶农增收扣了1.38分吗", "是的。“带动茶农增收”得8.63分（分值10分），扣1.37分。")]
    [InlineData("session40-meitan", "带动茶农增收扣了1分吗", "是的。“带动茶农增收”得8.63分（分值10分），扣1.37分。")]
    [InlineData("probe40-wulong", "森林抚育面积是不是扣了3分", "不是。“森林抚育面积（亩）”得7.75分（分值10分），扣2.25分，不是问题中的3分。")]
    [InlineData("session40-tongwei", "示范村创建数量得满分对吧", "是的。“示范村创建数量”得15.00分，即该项分值15分，没有扣分，得满分。")]
    [InlineData("probe40-wulong", "森林抚育面积拿满分了吗", "不是。“森林抚育面积（亩）”得7.75分（分值10分），扣2.25分，没有得满分。")]
    [InlineData("session40-tongwei", "示范村创建数量扣了1分吗", "不是。“示范村创建数量”得15.00分，即该项分值15分，没有扣分，不是问题中的1分。")]
    public void AYesNoOnARowsPointsLostOrFullMarks_OpensWithYesOrNo(string table, string message, string first)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.Equal(Topics.Confirm, IntentRouter.Route(message, sheet).Topic);
        string text = ChatTables.AnswerAll(sheet, message);
        Assert.Equal(first, text.Split('\n')[0]);
    }

    [Theory]
    [InlineData("session40-meitan", "县级资金和省级资金哪个执行率低", "比较：县级资金执行率64.00%，低于省级资金的96.00%，相差32.00个百分点。")]
    [InlineData("probe40-wulong", "区级资金和市级资金哪个执行率高", "比较：区级资金执行率60.00%，低于市级资金的73.64%，相差13.64个百分点。")]
    [InlineData("probe40-fengfeng", "区级资金和省级资金执行率差多少", "比较：区级资金执行率63.58%，低于省级资金的83.78%，相差20.20个百分点。")]
    [InlineData("probe40-qichun", "中央资金和县级资金哪个执行率低", "比较：县级资金执行率49.76%，低于中央资金的100.00%，相差50.24个百分点。")]
    public void TwoFundLinesCompared_SayWhichIsLowerAndByHowMuch(string table, string message, string comparison)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message);
        Assert.Contains(comparison, text.Split('\n'));
    }

    [Fact]
    public void OneFundLineAsked_IsNoComparison()
    {
        string text = ChatTables.AnswerAll(ChatTables.Table("session40-meitan"), "县级资金执行率多少");
        Assert.DoesNotContain("比较：", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe40-fengfeng", "区级资金执行率多少", "那它的原因呢", "区级配套资金到位较晚")]
    [InlineData("probe40-fengfeng", "年度资金总额执行率是多少", "它的原因是什么", "区级配套资金到位较晚")]
    [InlineData("probe40-qichun", "县级资金执行率多少", "它为什么这么低", "表中没有填写县级资金执行率偏低的原因")]
    [InlineData("session40-tongwei", "县级资金执行率多少", "那它的原因写的是什么", "县级资金优先保障其他民生项目")]
    public void AFollowUpOnAFundLine_IsThatLine_NeverTheFirstShortRow(string table, string previous, string message, string reason)
    {
        FactSheet sheet = ChatTables.Table(table);
        Intent i = IntentRouter.Route(message, sheet, previous);
        Assert.Empty(i.Indicators);
        Assert.Single(i.Funds);
        Assert.Contains(reason, ChatTables.Answer(sheet, i), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe40-ruyuan", "结余多少万元", "结余1212.25万元")]
    [InlineData("probe40-ruyuan", "资金还剩多少万元没花", "结余1212.25万元")]
    [InlineData("probe40-wulong", "结余多少万元", "结余364.16万元")]
    public void AnAmountAskedInWan_NeverTakesARowWhoseNameCarriesWan(string table, string message, string balance)
    {
        FactSheet sheet = ChatTables.Table(table);
        Intent i = IntentRouter.Route(message, sheet);
        Assert.Empty(i.Indicators);
        Assert.Contains(balance, ChatTables.AnswerAll(sheet, message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("session40-tongwei", "县级资金执行率40%要写原因吗", "县级资金执行率40.00%，低于90%，需要说明原因")]
    [InlineData("probe40-fengfeng", "区级资金执行率63.58%要写原因吗", "区级资金执行率63.58%，低于90%，需要说明原因")]
    [InlineData("probe40-qichun", "县级资金执行率49.76%，要写原因吗", "县级资金执行率49.76%，低于90%，需要说明原因")]
    public void ReasonAskedOfANamedFundLine_IsThatLine_NotTheRuleAlone(string table, string message, string line)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message);
        Assert.Contains(line, text, StringComparison.Ordinal);
        Assert.DoesNotContain("需要写偏差原因的：", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe40-fengfeng", "区级资金执行率多少，结余多少万", "执行率63.58%", "区级资金：全年预算数240.00万元 − 全年执行数152.60万元 = 结余87.40万元")]
    [InlineData("session40-meitan", "县级资金执形率多少，结余多少", "执行率64.00%", "县级资金：全年预算数150.00万元 − 全年执行数96.00万元 = 结余54.00万元")]
    public void ARateAndABalanceJoinedByAComma_AreBothOfTheLineAsked(string table, string message, string rate, string balance)
    {
        FactSheet sheet = ChatTables.Table(table);
        var intents = IntentRouter.RouteAll(message, sheet);
        Assert.Equal([Topics.Rate, Topics.Balance], intents.Select(i => i.Topic));
        Assert.All(intents, i => Assert.Single(i.Funds));
        string text = ChatTables.AnswerAll(sheet, message);
        ChatTables.InOrder(text, rate, balance);
    }

    [Theory]
    [InlineData("session40-tongwei", "示范村创建数量完成了多少", "上面那条得了几分", 0)]
    [InlineData("probe40-wulong", "森林抚育面积完成率多少", "刚才那个为什么没完成", 1)]
    [InlineData("probe40-wulong", "森林抚育面积完成率多少", "上面那条为什么没完成", 1)]
    public void AFollowUpReferringBack_IsTheRowAskedBefore(string table, string previous, string message, int row)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.Equal([row], IntentRouter.Route(message, sheet, previous).Indicators);
    }
}

