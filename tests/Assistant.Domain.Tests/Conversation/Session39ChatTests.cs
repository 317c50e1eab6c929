using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 38's outside tester (#9, #10), each a class, on the tester's 云南陆良 (元), 山东沂南 and 陕西洋县 tables: a yes/no on a figure the
/// table prints wrongly says the figure asked is the table's own (rates, 总分, and the yes when the table printed another); an amount
/// asked in a unit (多少万元) is answered in it with the table's figure beside it, and amounts asked as 是不是 are confirmed; a question
/// of two parts joined by a comma gets both; a missed deadline whose printed score lies in a band is said to keep that score.
/// </summary>
public class Session39ChatTests
{
    private const string Luliang = "probe38-luliang";
    private const string Yinan = "probe38-yinan";
    private const string Yangxian = "probe38-yangxian";

    [Theory]
    // The figure asked is the table's printed (wrong) one: 不是, the computed figure, and that the table's cell is wrong.
    [InlineData(Yinan, "执行率是多少？是不是77.12%", "不是。", "77.11%", "表中填报的是77.12%", "问题中的数正是表中填错的这一格")]
    [InlineData(Yinan, "项目执行率是77.12%吗", "不是。", "77.11%", "表中填报的是77.12%", "问题中的数正是表中填错的这一格")]
    [InlineData(Yangxian, "省级资金执行率是不是92.29%", "不是。", "92.30%", "表中填报的是92.29%", "请按计算结果更正")]
    [InlineData(Yinan, "总分是不是91.57", "不是。", "92.57分", "表中填报的是91.57分", "问题中的数正是表中填错的这一格")]
    [InlineData(Yangxian, "总分是不是87.76", "不是。", "96.76分", "表中填报的是87.76分", "问题中的数正是表中填错的这一格")]
    // The computed figure asked, and the table printed another: 是的, and the printed figure to correct.
    [InlineData(Yinan, "执行率是77.11%吗", "是的。", "77.11%", "另外，表中填报的是77.12%", "请按计算结果更正")]
    [InlineData(Yangxian, "省级资金的执行率是92.3%吗", "是的。", "92.30%", "另外，表中填报的是92.29%")]
    [InlineData(Yangxian, "总分96.76对吗", "是的。", "96.76分", "另外，表中填报的是87.76分")]
    public void AYesNoOnAFigureTheTablePrintsWrongly_SaysTheTablePrintsIt(string table, string message, params string[] fragments)
    {
        FactSheet sheet = ChatTables.Table(table);
        string text = ChatTables.AnswerAll(sheet, message);
        ChatTables.InOrder(text, fragments);
        Assert.StartsWith(fragments[0], text, StringComparison.Ordinal);
    }

    [Theory]
    // Printed right: no note.
    [InlineData(Luliang, "县级配套资金执行率是不是48.08%", "是的。")]
    [InlineData(Yinan, "县级资金执行率是不是43.3%", "是的。")]
    [InlineData(Luliang, "总分是不是96.37", "是的。")]
    [InlineData(Yangxian, "县级资金执行率是不是85.4%", "是的。")]
    [InlineData(Yangxian, "县级资金执行率是85.5%吗", "不是。")]
    public void AYesNoOnAFigureTheTablePrintsRightly_HasNoNote(string table, string message, string first)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message);
        Assert.StartsWith(first, text, StringComparison.Ordinal);
        Assert.DoesNotContain("表中填报的", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Luliang, "县级配套资金结余是不是240.82万元", "是的。", "“县级配套资金”的结余约为240.82万元（表中为2408209元；全年预算数4638288元 − 全年执行数2230079元）。")]
    [InlineData(Luliang, "县级配套资金结余是240万吗", "不是。", "约为240.82万元（表中为2408209元；全年预算数4638288元 − 全年执行数2230079元），不是问题中的240万元")]
    [InlineData(Yinan, "县级资金结余是不是340万", "是的。", "“县级资金”的结余为340.00万元", "全年预算数600.00万元 − 全年执行数260.00万元")]
    [InlineData(Yangxian, "县级资金结余是不是196万", "不是。", "169.50万元", "不是问题中的196万元")]
    [InlineData(Yinan, "省级资金执行数是620.43万元吗", "是的。", "“省级资金”的全年执行数为620.43万元")]
    public void AYesNoOnAnAmount_IsAnsweredInTheUnitAsked(string table, string message, params string[] fragments)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message);
        Assert.StartsWith(fragments[0], text, StringComparison.Ordinal);
        ChatTables.InOrder(text, fragments);
        Assert.DoesNotContain("）（", text, StringComparison.Ordinal); // one bracket, not two in a row
    }

    [Theory]
    [InlineData(Luliang, "县级配套资金结余多少万元", "县级配套资金结余约240.82万元（表中为2408209元）")]
    [InlineData(Luliang, "省级补助资金结余多少万", "省级补助资金结余约112.73万元（表中为1127319.48元）")]
    [InlineData(Luliang, "资金还剩多少万元没花", "年度资金总额结余约353.55万元（表中为3535528.48元）")]
    [InlineData(Yinan, "县级资金结余多少元", "县级资金结余3400000元（表中为340.00万元）")]
    [InlineData(Luliang, "县级配套资金执行率多少，执行了多少万元", "按万元计：全年执行数约223.01万元（表中为2230079元），全年预算数约463.83万元（表中为4638288元）")]
    public void AnAmountAskedInAUnit_IsAnsweredInIt_WithTheTablesFigure(string table, string message, string fragment)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message);
        Assert.Contains(fragment, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Luliang, "县级配套资金结余多少元")]
    [InlineData(Yinan, "县级资金结余多少万元")]
    public void AnAmountAskedInTheTablesUnit_IsTheTablesFigure(string table, string message)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message);
        Assert.DoesNotContain("表中为", text, StringComparison.Ordinal);
        Assert.Contains("结余", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Luliang, "满意度83%要写原因吗，哪些指标没写原因", "“城乡居民满意度”需要说明原因", "高血压患者规范管理率", "县级配套资金")]
    [InlineData(Yangxian, "小额信贷那项要写原因吗，哪些指标没写原因", "“脱贫人口小额信贷贷款额”需要说明，表中已填", "小型公益性基础设施项目平均投资", "县级资金执行率85.41%，低于90%")]
    [InlineData(Yinan, "执行率多少，要不要写原因", "执行率77.11%", "低于90%，需要说明原因，表中已填：“部分项目因汛期推迟开工")]
    [InlineData(Luliang, "县级配套资金执行率多少，需不需要写原因", "执行率48.08%", "县级配套资金执行率48.08%，低于90%，需要说明原因，表中还没有填写")]
    [InlineData(Yinan, "县级资金结余多少，怎么写", "执行率43.33%", "写法：写在第三部分", "结余340.00万元")]
    public void AQuestionOfTwoParts_GetsBoth(string table, string message, params string[] fragments)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.True(IntentRouter.RouteAll(message, sheet, null).Count >= 2 || message.Contains("怎么写", StringComparison.Ordinal));
        ChatTables.InOrder(ChatTables.AnswerAll(sheet, message), fragments);
    }

    [Theory]
    [InlineData("完工时间那个扣了几分，为什么")]
    [InlineData("项目完工时间为什么扣分")]
    [InlineData("完工时间那项得分怎么算的")]
    public void AMissedDeadlineWithAPrintedScoreInItsBand_IsSaidToKeepIt(string message)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(Yinan), message);
        ChatTables.InOrder(text, "未按期完成", "“部分达成”档", "保留表中评分");
        Assert.DoesNotContain("部分达成按分值的", text, StringComparison.Ordinal);
        Assert.DoesNotContain("逾期的规定", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissedDeadlineWithNoScoreInABand_IsSaidToFollowTheLateRule()
    {
        FactSheet yinan = ChatTables.Table(Yinan);
        int row = ChatTables.Row(yinan, "项目完工时间");
        var rows = yinan.Evaluation.Indicators.ToList();
        rows[row] = rows[row] with { PrintedScore = null };
        FactSheet sheet = FactSheet.Build(yinan.Evaluation with { Indicators = rows });
        Assert.True(sheet.Report.Indicators[row].LateRule);
        string text = ChatTables.AnswerAll(sheet, "完工时间那个扣了几分，为什么");
        ChatTables.InOrder(text, "未按期完成", "按评分规则中时效指标逾期的规定");
        Assert.DoesNotContain("保留表中评分", text, StringComparison.Ordinal);
        Assert.False(ChatTables.Table(Yinan).Report.Indicators[row].LateRule);
    }
    [Fact]
    public void PartFive_SaysWhatWasDoneWithAMissedDeadline()
    {
        FactSheet kept = ChatTables.Table(Yinan);
        int row = ChatTables.Row(kept, "项目完工时间");
        string five = Part5(kept);
        Assert.Contains("“项目完工时间”指标值为", five, StringComparison.Ordinal);
        Assert.Contains("未按期完成，自评表评定的得分在“部分达成”档内，按表中评分计分", five, StringComparison.Ordinal);
        Assert.DoesNotContain("按时效指标逾期的评分规则计分", five, StringComparison.Ordinal);
        Assert.Contains("保留表中评分", IndicatorExplainer.RuleText(kept.Report.Indicators[row]), StringComparison.Ordinal);

        var rows = kept.Evaluation.Indicators.ToList();
        rows[row] = rows[row] with { PrintedScore = null };
        FactSheet late = FactSheet.Build(kept.Evaluation with { Indicators = rows });
        string lateFive = Part5(late);
        Assert.Contains("未按期完成，按时效指标逾期的评分规则计分", lateFive, StringComparison.Ordinal);
        Assert.Contains("逾期的评分规则", IndicatorExplainer.RuleText(late.Report.Indicators[row]), StringComparison.Ordinal);
        Assert.Contains("时效指标未按期完成计入", late.Report.Indicators[row].Trace, StringComparison.Ordinal);
        Assert.Contains("表中评定6分，在“部分达成”档", kept.Report.Indicators[row].Trace, StringComparison.Ordinal);
    }

    private static string Part5(FactSheet sheet) =>
        Drafting.DraftText.Render(Reporting.ReportComposer.Compose(Reporting.ReportParts.Other, sheet, []).Draft, sheet, 0).Text;
}
