using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 37's outside tester (#10, #16), each a class: the row of the kind a question asks (人数 → a count row, 率 → a rate, 没完成 →
/// a short row) and which row was taken; a reason given without naming a row kept for the row talked about, and said where; partly
/// spent money answered with its figures and a frame to fill in; an answer of several parts never saying a sentence twice; a target's
/// upper bound (≤) kept. On the tester's 四川武胜 (probe37-wusheng) and 河南郸城 (probe37-dancheng) tables.
/// </summary>
public class Session38ChatTests
{
    private const string Wusheng = "probe37-wusheng";
    private const string Dancheng = "probe37-dancheng";
    private const string CountRow = "取得职业资格证书或技能等级证书人数";
    private const string RateRow = "培训后取证率";

    [Theory]
    [InlineData("取证人数那项为什么没完成", CountRow, RateRow)]
    [InlineData("取证人数咋没达标", CountRow, RateRow)]
    [InlineData("取证人数为什么没有完成", CountRow, RateRow)]
    [InlineData("取证人数那一项扣了多少分", CountRow, RateRow)]
    [InlineData("取证人数是怎么回事，没完成吧", CountRow, RateRow)]
    public void ACountAsked_TakesTheCountRow_AndSaysWhichRowItTook(string message, string row, string aside)
    {
        FactSheet sheet = ChatTables.Table(Wusheng);
        var intents = IntentRouter.RouteAll(message, sheet, null);
        Assert.Contains(intents, i => i.Indicators.SequenceEqual([ChatTables.Row(sheet, row)]));
        Assert.DoesNotContain(intents, i => i.Indicators.Contains(ChatTables.Row(sheet, aside)));
        string text = ChatTables.AnswerAll(sheet, message);
        ChatTables.InOrder(text, $"这里回答的是“{row}”", $"名称相近的“{aside}”（比率，已完成）不是所问的那一项", $"“{row}”");
        Assert.DoesNotContain("这一项没有需要说明的偏差", text, StringComparison.Ordinal);
    }

    [Theory]
    // The rate asked by its own word stays the rate; a row named in full is never set aside.
    [InlineData("取证率是多少", RateRow)]
    [InlineData("取证率那项完成了吗", RateRow)]
    [InlineData("培训后取证率为什么没完成", RateRow)]
    [InlineData("取得职业资格证书或技能等级证书人数为什么没完成", CountRow)]
    public void ARowOfTheKindAsked_IsKept_WithNoNote(string message, string row)
    {
        FactSheet sheet = ChatTables.Table(Wusheng);
        Assert.Contains(IntentRouter.RouteAll(message, sheet, null), i => i.Indicators.SequenceEqual([ChatTables.Row(sheet, row)]));
        Assert.DoesNotContain("这里回答的是", ChatTables.AnswerAll(sheet, message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("取证人数那项为什么没完成", "原因是培训机构资质到期后复审周期长达3个月", CountRow, "培训机构资质到期后复审周期长达3个月")]
    [InlineData("培训后就业率为什么没达标", "原因是部分学员毕业后选择继续升学", "培训后就业率", "部分学员毕业后选择继续升学")]
    [InlineData("人均培训补贴标准为啥扣分", "原因在于高级工和技师培训的比例比上年提高了", "人均培训补贴标准", "高级工和技师培训的比例比上年提高了")]
    [InlineData("补贴性职业技能培训人次那项差了多少", "实际原因是下半年两家机构停业整顿，暂停开班2个月", "补贴性职业技能培训人次", "下半年两家机构停业整顿，暂停开班2个月")]
    public void AReasonNamingNoRow_IsKeptForTheRowTalkedAbout_AndSaysWhere(string previous, string message, string row, string reason)
    {
        FactSheet sheet = ChatTables.Table(Wusheng);
        Intent intent = Assert.Single(IntentRouter.RouteAll(message, sheet, previous));
        Assert.Equal(Topics.GivenReason, intent.Topic);
        Assert.Equal([ChatTables.Row(sheet, row)], intent.Indicators);
        string text = ChatTables.AnswerAll(sheet, message, previous);
        Assert.StartsWith($"您没有说是哪一项的原因，已把“{row}”（本次对话正在说的这项指标）的偏差原因记为“{reason}”", text, StringComparison.Ordinal);
        // What the conversation's drafts read: the same row.
        Assert.Equal(reason + "。", UserStatements.Reasons([previous, message], sheet)[ChatTables.Row(sheet, row)]);
    }

    [Theory]
    [InlineData("原因是培训机构资质到期后复审周期长达3个月")]
    [InlineData("原因为下半年财政资金拨付滞后")]
    [InlineData("真实原因是部分乡镇学员报名不足")]
    [InlineData("原因：培训场地改造，停了一个多月")]
    public void AReasonNamingNoRow_WithNoRowTalkedAbout_AndSeveralShort_AsksWhichRow_AndKeepsNothing(string message)
    {
        FactSheet sheet = ChatTables.Table(Wusheng);
        Intent intent = Assert.Single(IntentRouter.RouteAll(message, sheet, null));
        Assert.Equal(Topics.GivenReason, intent.Topic);
        Assert.Empty(intent.Indicators);
        string text = ChatTables.AnswerAll(sheet, message);
        ChatTables.InOrder(text, "没有说是哪一项的，还没有记下", "表中未完成的有", "“补贴性职业技能培训人次”", CountRow, "请说明是哪一项");
        Assert.DoesNotContain("培训机构监督检查次数", text, StringComparison.Ordinal);
        Assert.Empty(UserStatements.Reasons([message], sheet));
    }

    [Theory]
    [InlineData("县级资金120万只花了70万，报告里咋写")]
    [InlineData("县级资金才用了70万，第三部分怎么写")]
    [InlineData("县级那120万仅执行了70万，报告里如何表述")]
    [InlineData("县级资金花了不到六成，自评报告里怎么说明")]
    public void PartlySpentMoney_HowToWrite_GivesTheFiguresAndAFrame(string message)
    {
        FactSheet sheet = ChatTables.Table(Wusheng);
        string text = ChatTables.AnswerAll(sheet, message);
        ChatTables.InOrder(text, "县级资金：全年执行数70.00万元 ÷ 全年预算数120.00万元 = 执行率58.33%", "写法：写在第三部分",
            "“县级资金全年预算120.00万元，执行70.00万元，执行率58.33%，结余50.00万元。主要原因是……", "下一步将……");
    }

    [Theory]
    [InlineData(Dancheng, "安全事故那项扣了多少分？为什么", "公益性岗位人员重大安全责任事故")]
    [InlineData(Dancheng, "安全责任事故扣了几分？为什么", "公益性岗位人员重大安全责任事故")]
    [InlineData(Dancheng, "公益性岗位数量扣了多少分？为什么没完成", "开发农村公益性岗位数量")]
    [InlineData(Wusheng, "培训后就业率扣了多少分？为什么", "培训后就业率")]
    [InlineData(Wusheng, "人均培训补贴标准扣了多少分？为什么", "人均培训补贴标准")]
    public void AnAnswerOfSeveralParts_NeverSaysTheTraceTwice(string table, string message, string row)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.True(IntentRouter.RouteAll(message, sheet, null).Count >= 2, "the question has two parts");
        string text = ChatTables.AnswerAll(sheet, message);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.StartsWith("计分：", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith($"“{row}”", StringComparison.Ordinal));
        Assert.Equal(lines.Length, lines.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("扣", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Dancheng, "公益岗补贴标准那个为啥没算分", "指标值≤1000元/人·月")]
    [InlineData(Dancheng, "公益性岗位补贴标准怎么没算分", "指标值≤1000元/人·月")]
    [InlineData(Wusheng, "人均培训补贴标准为什么扣分", "指标值≤1800元/人，完成值1950元/人，超出上限150元/人")]
    [InlineData(Wusheng, "人均补贴标准那项怎么回事", "指标值≤1800元/人")]
    public void AnUpperBound_IsStatedWithItsSign(string table, string message, string fragment)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.Contains(fragment, ChatTables.AnswerAll(sheet, message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("≤1000", "≤")]
    [InlineData("不高于1800", "≤")]
    [InlineData("不超过3次", "≤")]
    [InlineData("<5%", "<")]
    [InlineData("≥1500", "")]
    [InlineData("1500", "")]
    [InlineData("效果显著", "")]
    public void UpperBoundSigns(string target, string sign) => Assert.Equal(sign, TableAnswers.UpperBound(target));
}
