using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Questions that narrow what is asked (the session 30 chat probe and new phrasings written for each class):
/// across units, one source of the money (县级配套资金执行率低于70%), one named county's row, the units by
/// total score, a kind of indicator; on one table, a what-if on one indicator (the one figure, scored again),
/// a count the table does not hold, a fund line asked as a follow-up, and verdict and drafting wordings.
/// </summary>
public sealed class NarrowQuestionsTests
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
        Assert.All(released, s => Assert.Empty(s.Held)); // every number is the table's or this turn's
        return gate.Released;
    }

    [Theory]
    [InlineData("县级配套资金执行率低于70%的有哪些", "县级", 70)]
    [InlineData("省级资金执行率不到九成的单位", "省级", 90)]
    [InlineData("各县中央财政资金执行率低于95%的有哪些", "中央", 95)]
    [InlineData("市级配套那块执行率最低的县", "市级", null)]
    [InlineData("哪些单位有分项资金执行率低于70%", "分项", 70)]
    public void ASourceOfTheMoney_IsTheLineAsked(string message, string line, int? threshold)
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize(message, 2025, implied: true)!;
        Assert.Equal(CrossUnitQuestions.Execution, q.Kind);
        Assert.Equal(line, q.Line);
        Assert.Equal(threshold, (int?)q.Threshold);
    }

    [Fact]
    public void TheLevelOfTheUnits_IsNotReadFromTheSourceOfTheMoney()
    {
        Assert.Null(CrossUnitQuestions.Recognize("县级配套资金执行率低于70%的有哪些", 2025, implied: true)!.Level);
        Assert.Equal("县", CrossUnitQuestions.Recognize("哪些县执行率不到80%", 2025, implied: true)!.Level);
        Assert.Null(CrossUnitQuestions.Recognize("哪些县执行率不到80%", 2025, implied: true)!.Line);
    }

    [Theory]
    [InlineData("绥宁县森林火灾受害率超标了多少", "绥宁县", "森林火灾受害率")]
    [InlineData("隆回县为什么差错金额扣那么多", "隆回县", "差错金额")]
    [InlineData("请问北塔区城镇新增就业人数差了多少", "问北塔区", "城镇新增就业人数")]
    [InlineData("洞口县群众满意度完成得怎么样", "洞口县", "群众满意度")]
    [InlineData("瑞金市监测设备成本超了多少", "瑞金市", "监测设备成本")]
    public void ACountyAndAnIndicator_AreThatCountysRow(string message, string place, string name)
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize(message, 2025, implied: true)!;
        Assert.Equal((CrossUnitQuestions.Indicator, place, name), (q.Kind, q.Place, q.Indicator));
    }

    [Theory]
    [InlineData("各县森林防火区域覆盖率没完成的原因")]
    [InlineData("四个县合计执行率")]
    [InlineData("哪个县执行率最低")]
    public void WordsForUnits_OrAPlaceInsideAName_AreNotAPlace(string message) =>
        Assert.Null(CrossUnitQuestions.Recognize(message, 2025, implied: true)?.Place);

    [Theory]
    [InlineData("哪个单位总分最高？执行率和总分匹配吗", 1)]
    [InlineData("各县总分排名", 0)]
    [InlineData("得分最低的是哪个县", -1)]
    [InlineData("哪个单位总分最高，哪个最低", 0)]
    [InlineData("四个单位总分都是多少", 0)]
    public void TheUnitsByTotalScore(string message, int extreme)
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize(message, 2025, implied: true)!;
        Assert.Equal((CrossUnitQuestions.Scores, extreme), (q.Kind, q.Extreme));
    }

    [Theory]
    [InlineData("满意度没达标的有哪几个单位，为什么", "满意度")]
    [InlineData("覆盖率没完成的是哪些县", "覆盖率")]
    public void TheIndicatorsName_LeavesTheQuestionsWordsOut(string message, string name) =>
        Assert.Equal(name, CrossUnitQuestions.Recognize(message, 2025, implied: true)!.Indicator);

    [Theory]
    [InlineData("覆盖率那条原因和别的县是不是一样的")]
    [InlineData("这个原因跟其他单位写的差不多吧")]
    [InlineData("受益群众人数那条原因是不是和别的县一样")]
    public void AReasonComparedWithOtherUnits_IsTheCopiedFinding(string message) =>
        Assert.Equal(CrossUnitQuestions.Boilerplate, CrossUnitQuestions.Recognize(message, 2025)!.Kind);

    [Theory]
    [InlineData("probe30-B-yanglao", "如果差错金额控制在2万以内，总分能到多少", "91.97分", "10.00分")]
    [InlineData("probe30-C-wenhua", "如果群众满意度达到90%，总分变多少", "86.27分", "5.00分")]
    [InlineData("probe30-A-yinshui", "要是受益人口达到28.5万人，总分多少", "89.58分", "10.00分")]
    [InlineData("probe29-A-yingyang", "假如学校食堂改造项目数量完成了目标，总分多少", null, null)]
    public void AWhatIfOnOneIndicator_AnswersTheOneFigure(string table, string message, string? total, string? row)
    {
        FactSheet sheet = Own(table);
        Intent intent = IntentRouter.Route(message, sheet);
        if (total is null)
        {
            Assert.NotEqual(Topics.WhatIfRow, intent.Topic); // no value given: not scored again
            return;
        }

        Assert.Equal(Topics.WhatIfRow, intent.Topic);
        string text = Answer(message, sheet);
        Assert.Contains(total, text, StringComparison.Ordinal);
        Assert.Contains(row!, text, StringComparison.Ordinal);
        Assert.Contains("只是测算", text, StringComparison.Ordinal);
        Assert.True(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 3, text); // the one figure, not the table
    }

    [Theory]
    [InlineData("probe30-B-yanglao", "养老机构床位数多少", "表中没有单列这个数")]
    [InlineData("probe30-B-yanglao", "有多少老人没领到补贴？", "表中没有单列这个数")]
    [InlineData("probe30-C-wenhua", "文化站有几个没开放", "25个")]
    [InlineData("probe29-C-gongwei", "服务区域常住人口多少", "表中回答不了")]
    public void ACountTheTableDoesNotHold_IsSaid(string table, string message, string expected) =>
        Assert.Contains(expected, Answer(message, Own(table)), StringComparison.Ordinal);

    [Theory]
    [InlineData("那县级那块呢", "执行率咋才80%", "65.00%")]
    [InlineData("那省级的呢", "执行率咋才80%", "62.50%")]
    public void AFundLineAsAFollowUp_IsThatLinesRate(string message, string previous, string expected) =>
        Assert.Contains(expected, Answer(message, Own("probe30-A-yinshui"), previous), StringComparison.Ordinal);

    [Theory]
    [InlineData("cost那个指标是超额还是没完成", "10.5")]
    [InlineData("成本那个指标是超了还是没完成", "10.5")]
    public void OverOrShortOnANamedRow_GivesItsFigures(string message, string expected) =>
        Assert.Contains(expected, Answer(message, Own("probe30-C-wenhua")), StringComparison.Ordinal);

    [Theory]
    [InlineData("第一部分帮我起个草", "一")]
    [InlineData("第二部分起个草稿", "二")]
    [InlineData("帮我把第四部分打个草稿", "四")]
    public void DraftingInOtherWords_IsADraft(string message, string part)
    {
        Intent intent = IntentRouter.Route(message, Own("probe30-A-yinshui"));
        Assert.Equal((IntentKind.Draft, part), (intent.Kind, intent.Part));
    }

    [Theory]
    [InlineData("这个原因能站住吗")]
    [InlineData("这个理由立得住吗")]
    public void AVerdictAsked_IsAnAssessment(string message) =>
        Assert.Equal(IntentKind.Assess, IntentRouter.Route(message, Own("probe30-A-yinshui"), "维修养护处数为啥没完成").Kind);
}
