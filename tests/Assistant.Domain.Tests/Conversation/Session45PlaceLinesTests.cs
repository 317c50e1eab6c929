using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 45: a transfer table whose fund lines are places (赣州: 市本级、章贡区、南康区、瑞金市、于都县、兴国县). Their figures were held
/// by the sentence gate as "another place's" (全年执行数【待核实】), and 哪个县执行率最低 was sent to the other units' tables. The
/// places the table names are its own, and an execution question about its places is one about its lines.
/// </summary>
public sealed class Session45PlaceLinesTests
{
    private static readonly FactSheet Ganzhou = ChatTables.Table("session45-ganzhou");

    [Theory]
    [InlineData("各项资金执行率分别是多少", "瑞金市", "93.00%", "兴国县", "62.80%")]
    [InlineData("兴国县的资金执行率是多少", "兴国县", "502.40万元", "62.80%")]
    [InlineData("哪项资金执行率最低", "兴国县", "62.80%")]
    [InlineData("执行率低于85%的资金有哪些", "于都县", "80.50%", "兴国县", "62.80%")]
    public void ThePlacesLines_AreAnsweredWithTheirFigures_NothingHeld(string question, params string[] fragments) =>
        ChatTables.InOrder(ChatTables.AnswerAll(Ganzhou, question), fragments);

    [Theory]
    [InlineData("下面哪个县执行率最低", "哪项资金执行率最低")]
    [InlineData("哪个区县的执行率最低？", "哪项资金执行率最低")]
    [InlineData("执行率最高的是哪个县", "哪项资金执行率最高")]
    [InlineData("各县区资金执行率分别是多少", "各项资金执行率分别是多少")]
    [InlineData("执行率不到85%的县有哪些", "执行率低于85%的资金有哪些")]
    [InlineData("哪些县执行率低于９０％", "执行率低于90%的资金有哪些")]
    public void AnExecutionQuestionAboutItsPlaces_IsTheSameQuestionAboutItsLines(string question, string same)
    {
        Intent asked = IntentRouter.Route(question, Ganzhou);
        Intent lines = IntentRouter.Route(same, Ganzhou);
        Assert.NotEqual(IntentKind.CrossUnit, asked.Kind);
        Assert.Equal((lines.Kind, lines.Topic), (asked.Kind, asked.Topic));
        Assert.Equal(ChatTables.AnswerAll(Ganzhou, same), ChatTables.AnswerAll(Ganzhou, question));
    }

    [Theory]
    [InlineData("session45-ganzhou", "各单位执行率哪个最低")]
    [InlineData("session45-ganzhou", "2023年各县执行率哪个最低")]
    [InlineData("session45-ganzhou", "各部门执行率低于80%的有哪些")]
    [InlineData("probe40-fengfeng", "下面哪个县执行率最低")]
    [InlineData("probe38-luliang", "执行率不到85%的县有哪些")]
    public void UnitsOtherYearsOrATableWithoutPlaceLines_StayQuestionsAcrossUnits(string table, string question) =>
        Assert.Equal(IntentKind.CrossUnit, IntentRouter.Route(question, ChatTables.Table(table)).Kind);

    [Fact]
    public void ATableOfLevels_IsNotOfPlaces()
    {
        Assert.True(PlaceLines.Of(Ganzhou));
        Assert.False(PlaceLines.Of(ChatTables.Table("probe40-fengfeng"))); // 中央资金、省级资金、区级资金
        Assert.False(PlaceLines.Of(ChatTables.Table("probe38-luliang")));  // 中央补助资金、省级补助资金、县级配套资金
    }

    [Theory]
    [InlineData("兴国县全年执行502.40万元，执行率62.80%。", Verdict.Verified)]
    [InlineData("瑞金市执行率93.00%，于都县执行率80.50%。", Verdict.Verified)]
    [InlineData("兴国县执行率72.80%。", Verdict.Contradicted)]
    [InlineData("吉安市执行率62.80%。", Verdict.OutOfScope)]
    public void TheVerifier_ReadsThePlacesTheTableNamesAsItsOwn(string text, Verdict expected)
    {
        VerificationReport r = Verifier.Verify(Ganzhou, text);
        var figures = r.Mentions.Where(m => m.Verdict != Verdict.Identifier).ToList();
        Assert.True(figures.Count >= 1, text);
        Assert.All(figures, m => Assert.Equal(expected, m.Verdict));
    }
}
