using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 37's outside tester (#10): 总分是不是95.88？ began with the total's sum instead of a yes or a no. A yes/no question on
/// points (the table's 总分, or one row's 得分) is answered 是的/不是 first, with the computed figure (a figure asked with fewer
/// decimals is right when the computed one rounds half up to it); when the figure asked is the one the table printed and the
/// calculation differs, the answer says the printed figure is not what the rules give.
/// </summary>
public class Session37ChatTests
{
    private static string AnswerAll(FactSheet sheet, string message) => ChatTables.AnswerAll(sheet, message);

    private static void InOrder(string text, params string[] fragments) => ChatTables.InOrder(text, fragments);

    [Theory]
    // 宁夏中卫 internship subsidy: computed and printed 总分 85.92; 参加就业见习人员数量 10分 × 72 ÷ 100 = 7.20分.
    [InlineData("zhongwei-2024-internship-subsidy", "总分是不是85.92？", "是的。本表总分为85.92分。")]
    [InlineData("zhongwei-2024-internship-subsidy", "总分是85.92分吗", "是的。本表总分为85.92分。")]
    [InlineData("zhongwei-2024-internship-subsidy", "这张表总得分是否为86", "是的。本表总分为85.92分", "保留整数是86分")]
    [InlineData("zhongwei-2024-internship-subsidy", "自评总分是不是90分", "不是。本表总分为85.92分", "不是问题中的90分")]
    [InlineData("zhongwei-2024-internship-subsidy", "总分对不对，是85.9吗", "是的。本表总分为85.92分", "保留一位小数是85.9分")]
    [InlineData("zhongwei-2024-internship-subsidy", "参加就业见习人员数量得分是不是7.2分", "是的。“参加就业见习人员数量”的得分为7.20分。")]
    [InlineData("zhongwei-2024-internship-subsidy", "参加就业见习人员数量那项得分是8分吗", "不是。“参加就业见习人员数量”的得分为7.20分", "不是问题中的8分")]
    [InlineData("zhongwei-2024-employment-service-demo", "总分是不是91.97", "是的。本表总分为91.97分。")]
    // Probe 38 #10: the figure before the check word (总分87.76对不对), with no 是 before it.
    [InlineData("zhongwei-2024-internship-subsidy", "总分85.92对不对", "是的。本表总分为85.92分。")]
    [InlineData("zhongwei-2024-internship-subsidy", "总分90对不对？", "不是。本表总分为85.92分", "不是问题中的90分")]
    [InlineData("zhongwei-2024-internship-subsidy", "自评总分85.9，对吗", "是的。本表总分为85.92分", "保留一位小数是85.9分")]
    [InlineData("zhongwei-2024-internship-subsidy", "参加就业见习人员数量得分7.2对吗", "是的。“参加就业见习人员数量”的得分为7.20分。")]
    // The tester's 四川武胜 table prints 95.88, which the rules do not give: the answer says so.
    [InlineData("probe37-wusheng", "总分是不是95.88？", "不是。本表总分为", "不是问题中的95.88分", "表中填报的是95.88分，与按评分规则计算的结果不一致")]
    public void AYesNoQuestionOnPoints_IsAnsweredYesOrNo_WithTheComputedFigure(string table, string message, params string[] fragments)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.Equal(Topics.Confirm, Assert.Single(IntentRouter.RouteAll(message, sheet, null)).Topic);
        string text = AnswerAll(sheet, message);
        Assert.StartsWith(fragments[0][..3], text, StringComparison.Ordinal);
        InOrder(text, fragments);
    }

    [Theory]
    // Not yes/no questions on points: the total's breakdown, a ranking, a rate's yes/no, a what-if.
    [InlineData("总分是多少", Topics.Confirm)]
    [InlineData("总分怎么算的", Topics.Confirm)]
    [InlineData("如果见习人数做到100，总分是不是能到90分", Topics.Confirm)]
    [InlineData("第3项对不对", Topics.Confirm)]
    public void OtherQuestionsOnPoints_AreNotConfirmations(string message, string notTopic)
    {
        FactSheet sheet = ChatTables.Table("zhongwei-2024-internship-subsidy");
        Assert.DoesNotContain(IntentRouter.RouteAll(message, sheet, null), i => i.Topic == notTopic);
    }
}
