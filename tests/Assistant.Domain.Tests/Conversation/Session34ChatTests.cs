using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Review;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 33's testers, for session 34: a reason typed into the chat read as a question across units (全县 in it) with its
/// figures masked; a fund reason on the total line naming a part not seen for that part, and classed 其他原因; the part's
/// 执行率 that brings the whole to 90 %, 执行率 for full marks and the money still missing, a ceiling row's value for full
/// marks and 哪些是套话 unanswered; a what-if dividing 元 by 万元.
/// </summary>
public class Session34ChatTests
{
    private static FactSheet Table(string name) => ChatTables.Table(name);

    private static string Answer(FactSheet sheet, Intent intent) => ChatTables.Answer(sheet, intent);

    private static int Row(FactSheet sheet, string name) => ChatTables.Row(sheet, name);

    [Theory]
    [InlineData("probe33-health", "孕产妇死亡率超标的原因是：全县年活产数少（约9500人），2例死亡就让比率波动到21/10万，其中1例为外地转入的危重孕妇。请把这个原因加进去，重写第三部分。", "孕产妇死亡率", "全县年活产数少（约9500人），2例死亡就让比率波动到21/10万，其中1例为外地转入的危重孕妇。")]
    [InlineData("probe30-A-yinshui", "受益农村人口没完成的原因是：全县外出务工人员增多，常住人口减少约3.9万人，请按这个原因重写第三部分", "受益农村人口", "全县外出务工人员增多，常住人口减少约3.9万人。")]
    [InlineData("probe30-D-fanghuo", "林区群众满意度没达到的原因是：全县林区群众对防火禁令有抵触。麻烦把它写进第三部分", "林区群众满意度", "全县林区群众对防火禁令有抵触。")]
    [InlineData("session33-caoyuan", "草畜平衡面积的原因改一下：全旗3个苏木核定载畜量工作因疫病防控推迟到次年", "草畜平衡面积", "全旗3个苏木核定载畜量工作因疫病防控推迟到次年。")]
    [InlineData("probe33-health", "重写第三部分，孕产妇死亡率那项的原因写：全县活产数少，个别病例导致比率波动较大。", "孕产妇死亡率", "全县活产数少，个别病例导致比率波动较大。")]
    public void AReasonTyped_IsTheRowsReason_WithoutTheRequestAfterIt_AndRedraftsPartThree(string table, string message, string row, string reason)
    {
        FactSheet sheet = Table(table);
        int index = Row(sheet, row);
        var given = UserStatements.Reasons([message], sheet);
        Assert.Equal(reason, given[index]);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(IntentKind.Draft, intent.Kind);
        Assert.Equal("三", intent.Part);
        Assert.Equal([index], intent.Indicators);
        Assert.Null(intent.Across);
    }

    [Theory]
    [InlineData("probe33-health", "孕产妇死亡率没达标的原因：全县活产数少，个别病例就会让比率大幅波动，另有外地转入的危重孕妇。", "孕产妇死亡率", "全县活产数少")]
    [InlineData("probe33-health", "补充一下孕产妇死亡率的原因：全县年活产数约9500人，2例死亡就让比率达到21/10万。", "孕产妇死亡率", "全县年活产数约9500人，2例死亡就让比率达到21/10万")]
    [InlineData("probe29-B-shuiku", "受益人口没完成的原因：全县3座水库下游村庄整体搬迁，受益人口减少1.3万人。", "受益人口", "全县3座水库下游村庄整体搬迁，受益人口减少1.3万人")]
    [InlineData("probe32-health", "孕产妇死亡率没达标的原因是全县孕产妇中高龄高危比例上升到23%，其中2例为外县转入", "孕产妇死亡率", "高龄高危比例上升到23%，其中2例为外县转入")]
    public void AReasonStated_IsAcknowledgedInOneSentence_WithTheStaffsOwnFigures(string table, string message, string row, string quoted)
    {
        FactSheet sheet = Table(table);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(IntentKind.Define, intent.Kind);
        Assert.Equal(Topics.GivenReason, intent.Topic);
        Assert.Equal([Row(sheet, row)], intent.Indicators);
        string text = Answer(sheet, intent);
        Assert.StartsWith($"已记下您给出的“{row}”的原因：", text, StringComparison.Ordinal);
        Assert.Contains(quoted, text, StringComparison.Ordinal);
        Assert.DoesNotContain("待核实", text, StringComparison.Ordinal);
        Assert.DoesNotContain("没有找到", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReasonsGivenInChat_AreNamedAsStillMissingFromTheTable()
    {
        FactSheet sheet = Table("probe33-health");
        var given = UserStatements.Reasons(["孕产妇死亡率没达标的原因：全县活产数少，个别病例就会让比率大幅波动。", "总分多少"], sheet);
        OfflineAnswer answer = TableAnswers.GivenInChat(sheet, given)!;
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        Assert.All(gate.Push(answer.Text).Concat(gate.Flush()), s => Assert.Empty(s.Held));
        Assert.Contains("自评表的偏差原因栏里还没有", gate.Released, StringComparison.Ordinal);
        Assert.Contains("“孕产妇死亡率”：您给出的原因是“全县活产数少", gate.Released, StringComparison.Ordinal);
        Assert.Null(TableAnswers.GivenInChat(sheet, new Dictionary<int, string>()));
    }

    [Theory]
    [InlineData("省级资金12月下旬才下达，部分未能支出")]
    [InlineData("省级资金2025年11月才下达，部分维修项目未完成结算")]
    [InlineData("中央资金于11月底才拨付到县，项目支出未完成")]
    [InlineData("补助资金到账较晚，年底前未能全部兑付")]
    [InlineData("上级资金拨付不及时")]
    [InlineData("第四季度才下拨自治区资金，部分未支出")]
    [InlineData("县级配套资金未能按时到位，设备采购延至次年")]
    public void LateMoney_HoweverWorded_IsClassedAsLate(string reason) => Assert.Equal("资金下达或拨付滞后", ReasonKinds.Classify(reason));

    [Theory]
    [InlineData("probe33-health", "省级资金为什么执行率这么低", "省级资金一栏没有单独填写原因，资金总额一栏的说明写到了它：“省级资金12月下旬才下达，部分未能支出”")]
    [InlineData("probe30-A-yinshui", "省级资金为啥执行率偏低", "省级资金一栏没有单独填写原因，资金总额一栏的说明写到了它：“省级资金2025年11月才下达")]
    [InlineData("probe32-health", "县级配套资金执行率为什么低", "县级配套资金一栏没有单独填写原因，资金总额一栏的说明写到了它：“县级配套资金到位较晚")]
    public void TheTotalLinesNoteNamingAPart_IsThatPartsReason(string table, string message, string expected)
    {
        FactSheet sheet = Table(table);
        string text = Answer(sheet, IntentRouter.Route(message, sheet));
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("没有填写" + expected[..4], text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe33-health", "省级资金执行率要到多少，整个项目执行率才能到90%？", 90)]
    [InlineData("probe30-A-yinshui", "省级资金执行率要到多少，整个项目执行率才能到90%", 90)]
    [InlineData("probe30-D-fanghuo", "县级资金执行率要到多少，整个项目执行率才能到90%", 90)]
    [InlineData("session33-caoyuan", "旗级配套资金执行率要到多少，整体执行率才能到95%", 95)]
    [InlineData("probe32-health", "县级配套资金执行率要到多少，整个项目执行率才能到90%", 90)]
    public void ThePartsRateForAWholeRate_IsTheLeastAmount_CheckedByTheCalculator(string table, string message, int asked)
    {
        FactSheet sheet = Table(table);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(Topics.PartForTotal, intent.Topic);
        Assert.Single(intent.Funds);
        string text = Answer(sheet, intent);
        Match m = Regex.Match(text, @"整个项目执行率(\d+\.\d+)%。");
        Assert.True(m.Success, text);
        decimal whole = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(whole >= asked, text);

        // The amount named, one cent (0.01 of the unit) less, leaves the whole below the rate asked.
        Evaluation e = sheet.Evaluation;
        FundLine root = e.Funds.Lines[0];
        decimal need = Math.Ceiling(root.Budget!.Value.Value * asked / 100m * 100m) / 100m;
        Assert.True((need - 0.01m) / root.Budget!.Value.Value * 100m < asked);
        Assert.DoesNotMatch(@"\d元", text); // every amount in 万元, as the table's own figures are written
    }

    [Fact]
    public void APartThatCannotCarryTheWholeAlone_IsSaidSo()
    {
        FactSheet sheet = Table("probe29-B-shuiku");
        string text = Answer(sheet, IntentRouter.Route("省级配套资金执行率要到多少，整个项目执行率才能到85%", sheet));
        Assert.Contains("只靠省级配套资金到不了", text, StringComparison.Ordinal);
        Assert.Contains("325.00万元", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe33-health", "执行率要到多少才能拿满分？现在还差多少钱", "78.00万元")]
    [InlineData("probe30-D-fanghuo", "执行率要到多少才能拿满分？现在还差多少钱", "102.00万元")]
    [InlineData("probe29-B-shuiku", "资金执行率要到多少才能得满分，差多少钱", "812.50万元")]
    [InlineData("probe32-health", "执行率要到多少才能拿满分", "57.60万元")]
    public void FullMarksForTheMoney_Are100Percent_AndTheUnspentAmount(string table, string message, string missing)
    {
        FactSheet sheet = Table(table);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(Topics.FundFull, intent.Topic);
        string text = Answer(sheet, intent);
        Assert.Contains("执行率要到100%才能拿满分", text, StringComparison.Ordinal);
        Assert.Contains("还差" + missing, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe33-health", "孕产妇死亡率要降到多少才能拿满分", "孕产妇死亡率", "超过18/10万就开始扣分")]
    [InlineData("probe30-D-fanghuo", "森林火灾受害率要降到多少才能拿满分", "森林火灾受害率", "超过0.9‰就开始扣分")]
    [InlineData("session33-caoyuan", "超载过牧户数比例要控制到多少才能拿满分", "超载过牧户数比例", "超过5%就开始扣分")]
    public void ACeilingRowsValueForFullMarks_IsItsLimit(string table, string message, string row, string expected)
    {
        FactSheet sheet = Table(table);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal([Row(sheet, row)], intent.Indicators);
        Assert.Contains(expected, Answer(sheet, intent), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe33-health", "哪些是套话？")]
    [InlineData("probe30-A-yinshui", "这些原因里有没有套话")]
    [InlineData("probe30-D-fanghuo", "哪几条是套话")]
    public void WhichAreBoilerplate_InATableConversation_ChecksThisTablesReasons(string table, string message)
    {
        FactSheet sheet = Table(table);
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(IntentKind.Assess, intent.Kind);
        Assert.Contains("审核看三点", Answer(sheet, intent), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe33-health", "如果省级资金再多支出42万元，执行率多少", "全年执行数524.00万元 ÷ 全年预算数560.00万元")]
    [InlineData("probe32-health", "如果县级配套资金再支出10万元，执行率多少", "全年执行数312.40万元 ÷ 全年预算数360.00万元")]
    public void AWhatIfOnATableInYuan_WritesOneUnit(string table, string message, string expected)
    {
        FactSheet sheet = Table(table);
        string text = Answer(sheet, IntentRouter.Route(message, sheet));
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d元", text.Replace("万元", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("哪个项目的森林火灾受害率超标了？超了多少", "森林火灾受害率")]
    [InlineData("哪个项目的孕产妇死亡率超标了", "孕产妇死亡率")]
    [InlineData("单处工程平均维修成本超出上限的是哪个项目", "单处工程平均维修成本")]
    public void WhichProjectsRowIsOverItsCap_InAUnitsConversation_IsTheIndicatorAcrossUnits(string message, string name)
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize(message, 2025, implied: true)!;
        Assert.Equal(CrossUnitQuestions.Indicator, q.Kind);
        Assert.Equal(name, q.Indicator);
    }
}
