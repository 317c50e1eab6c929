using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 34's tester, second round: a reason typed for a fund part (县级资金执行率低的原因是…) attached to an indicator whose
/// name shares 资金 and replacing that row's reason; 执行数要到多少才能到90%，还差多少钱 on the whole project unanswered.
/// </summary>
public class Session34cChatTests
{
    private static FactSheet Table(string name) => ChatTables.Table(name);

    private static int Row(FactSheet sheet, string name) => ChatTables.Row(sheet, name);

    private static int Fund(FactSheet sheet, string name) => sheet.Evaluation.Funds.Lines.ToList().FindIndex(l => l.Name.Trim() == name);

    private static string Answer(FactSheet sheet, Intent intent) => ChatTables.Answer(sheet, intent);

    [Theory]
    [InlineData("probe34-B-zizhu", "资金发放及时率", "资金发放及时率没达到的原因是：省级资金下达较晚，导致部分资金未能按时发放", "县级资金为什么执行率低？原因是：县级财政收支矛盾突出，配套资金未及时到位", "县级资金", "县级财政收支矛盾突出，配套资金未及时到位。")]
    [InlineData("probe34-B-zizhu", "资金发放及时率", "资金发放及时率没达到的原因是：省级资金下达较晚，导致部分资金未能按时发放", "县级资金执行率低的原因是：县级财政收支矛盾突出，配套资金未及时到位", "县级资金", "县级财政收支矛盾突出，配套资金未及时到位。")]
    [InlineData("probe30-B-yanglao", "补贴按季度发放及时率", "补贴按季度发放及时率没完成的原因是：第四季度补贴名单审核推迟", "县级资金执行率偏低的原因是：县财政困难，配套资金直到12月才拨付", "县级资金", "县财政困难，配套资金直到12月才拨付。")]
    [InlineData("probe29-B-shuiku", "受益人口", "受益人口没完成的原因是：下游村庄整体搬迁，受益人口减少", "省级配套资金执行率低，原因是：省级资金11月才下达，工程款未能结算", "省级配套资金", "省级资金11月才下达，工程款未能结算。")]
    public void AFundPartsReason_GoesToThatFundLine_AndLeavesTheRowsEarlierReason(string table, string row, string first, string second, string fund, string reason)
    {
        FactSheet sheet = Table(table);
        int index = Row(sheet, row);
        Assert.True(index >= 0);
        var rows = UserStatements.Reasons([first, second], sheet);
        Assert.Equal([index], rows.Keys);
        Assert.DoesNotContain("配套资金", rows[index], StringComparison.Ordinal);
        var funds = UserStatements.FundReasons([first, second], sheet);
        Assert.Equal([Fund(sheet, fund)], funds.Keys);
        Assert.Equal(reason, funds[Fund(sheet, fund)]);
        var applied = UserStatements.ApplyFunds(sheet.Evaluation, funds);
        Assert.Equal(reason, applied.Funds.Lines[Fund(sheet, fund)].DeviationNote);
        Assert.Empty(UserStatements.Reasons([second], sheet));
    }

    [Theory]
    [InlineData("probe34-B-zizhu", "执行数要到多少才能到90%，还差多少钱？", "149.40万元", "8.30万元")]
    [InlineData("probe34-B-zizhu", "执行率要达到90%，全年执行数至少要多少万元？还差多少？", "149.40万元", "8.30万元")]
    [InlineData("probe30-B-yanglao", "执行率想到95%，还差多少钱", "1425.00万元", "30.00万元")]
    [InlineData("probe30-B-yanglao", "要让执行率达到98%，支出要到多少？", "1470.00万元", "75.00万元")]
    [InlineData("probe29-B-shuiku", "资金总额执行率要到90%，还差多少万元", "2925.00万元", "487.50万元")]
    public void TheWholeProjectsAmountForARate_IsBudgetTimesRate_AndTheGap(string table, string message, string need, string gap)
    {
        FactSheet sheet = Table(table);
        Intent intent = IntentRouter.RouteAll(message, sheet).Single();
        Assert.Equal(IntentKind.Compute, intent.Kind);
        Assert.Equal(Topics.TotalForRate, intent.Topic);
        string text = Answer(sheet, intent);
        Assert.Contains("全年执行数须达到", text, StringComparison.Ordinal);
        Assert.Contains(need, text, StringComparison.Ordinal);
        Assert.Contains("还差" + gap, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe34-B-zizhu", "要拿满分还差多少钱？", "24.90万元")]
    [InlineData("probe30-B-yanglao", "想拿满分，还差多少万元", "105.00万元")]
    [InlineData("probe29-B-shuiku", "资金要拿满分还要花多少钱", "812.50万元")]
    public void FullMarksAndMoneyShort_IsTheUnspentBalance(string table, string message, string balance)
    {
        FactSheet sheet = Table(table);
        Intent intent = IntentRouter.RouteAll(message, sheet).Single();
        Assert.Equal(Topics.FundFull, intent.Topic);
        string text = Answer(sheet, intent);
        Assert.Contains("还差" + balance, text, StringComparison.Ordinal);
    }
}
