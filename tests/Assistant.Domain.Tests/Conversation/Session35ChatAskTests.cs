using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Features.Conversations;
using Assistant.Features.Review;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 34's chat tester, for session 35: questions answered whole. A reviewer's threshold by level (执行率低于九成的县 with a
/// county registered as 甲县卫生健康局); the money still missing for a rate and for full marks asked in one message; a what-if on a
/// row named by one word and its unit; two rows asked about in one sentence; the over-achieved rows and whether they need a
/// reason; a trailing clause (差了几个千分点) on a question across units; a count of rows the question gets wrong.
/// </summary>
public class Session35ChatAskTests
{
    private static FactSheet Table(string name) => ChatTables.Table(name);

    private static int Row(FactSheet sheet, string name) => ChatTables.Row(sheet, name);

    /// <summary>Every question of the message routed, answered in order and released through the gate with nothing held.</summary>
    private static string AnswerAll(FactSheet sheet, string message, string? previous = null)
    {
        var intents = IntentRouter.RouteAll(message, sheet, previous);
        OfflineAnswer answer = OfflineAnswers.Combine(intents.Select(i => OfflineAnswers.FromTable(i, sheet)))!;
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        var sentences = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        Assert.All(sentences, s => Assert.Empty(s.Held));
        return gate.Released;
    }

    private static void InOrder(string text, params string[] fragments)
    {
        int at = 0;
        foreach (string f in fragments)
        {
            int found = text.IndexOf(f, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"“{f}” missing (or out of order) in:\n{text}");
            at = found + f.Length;
        }
    }

    [Theory]
    // 90 % of 360.00 is 324.00 − 302.40 = 21.60; full marks: 360.00 − 302.40 = 57.60 (万元, the table in 元).
    [InlineData("probe34-health", "执行率要到90%还差多少钱？要拿满分呢", "21.60万元", "57.60万元")]
    // 95 %: 342.00 − 302.40 = 39.60.
    [InlineData("probe34-health", "执行率到95%还差多少钱？那拿满分呢", "39.60万元", "57.60万元")]
    // 就业见习: 90 % of 200.00 = 180.00 − 38.99 = 141.01; full marks 161.01 — asked the other way round.
    [InlineData("zhongwei-2024-internship-subsidy", "资金得分要拿满分还差多少钱？到90%呢", "161.01万元", "141.01万元")]
    [InlineData("zhongwei-2024-internship-subsidy", "执行率要到90%还差多少钱？满分呢？", "141.01万元", "161.01万元")]
    // 森林防火: 85 % of 500.00 = 425.00 − 300.00 = 125.00; full marks 200.00.
    [InlineData("probe34-forest", "资金要拿满分还差多少钱？到85%呢", "200.00万元", "125.00万元")]
    [InlineData("probe34-forest", "执行率要到90%还差多少钱？要拿满分呢", "150.00万元", "200.00万元")]
    public void TheMoneyForARate_AndForFullMarks_AskedInOneMessage_AreBothGiven(string table, string message, string first, string second)
    {
        FactSheet sheet = Table(table);
        var intents = IntentRouter.RouteAll(message, sheet);
        Assert.Equal(2, intents.Count);
        Assert.All(intents, i => Assert.Empty(i.Indicators));
        Assert.All(intents, i => Assert.Contains(i.Topic, new[] { Topics.TotalForRate, Topics.FundFull }));
        InOrder(AnswerAll(sheet, message), "还差" + first, "还差" + second);
    }

    [Theory]
    [InlineData("probe34-health", "执行率要到90%还差多少钱", "要拿满分呢", "57.60万元")]
    [InlineData("zhongwei-2024-internship-subsidy", "资金得分要拿满分还差多少钱", "到90%呢", "141.01万元")]
    [InlineData("probe34-forest", "执行率要到多少才能拿满分", "那到90%呢", "150.00万元")]
    public void AMoneyFollowUp_IsTheSameQuestionAtTheNewAim(string table, string previous, string message, string expected)
    {
        FactSheet sheet = Table(table);
        Intent intent = IntentRouter.Route(message, sheet, previous);
        Assert.Empty(intent.Indicators);
        Assert.Contains("还差" + expected, AnswerAll(sheet, message, previous), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe34-health", "执行率要到多少才能拿满分？现在还差多少钱", "57.60万元")]
    [InlineData("probe34-forest", "资金执行率要到多少才能得满分，差多少钱", "200.00万元")]
    public void FullMarksAndTheMoneyStillMissing_AreOneAnswer(string table, string message, string missing)
    {
        FactSheet sheet = Table(table);
        var intents = IntentRouter.RouteAll(message, sheet);
        Assert.Equal(Topics.FundFull, Assert.Single(intents).Topic);
        Assert.Contains("还差" + missing, AnswerAll(sheet, message), StringComparison.Ordinal);
    }

    [Theory]
    // 参加就业见习人员数量 at 100 of ≥100 scores 10.00 instead of 7.20: 85.9195 + 2.80 = 88.7195 → 88.72.
    [InlineData("zhongwei-2024-internship-subsidy", "见习那项如果做到100人，总分多少", "参加就业见习人员数量", "88.72")]
    // 城乡居民满意度 at 90 % scores 10.00 instead of 9.5556: 91.9107 + 0.4444 = 92.36.
    [InlineData("probe34-health", "满意度如果做到90%，总分多少", "城乡居民满意度", "92.36")]
    public void AWhatIfOnARowNamedByOneWord_TakesTheRowTheUnitFits(string table, string message, string row, string total)
    {
        FactSheet sheet = Table(table);
        Intent intent = Assert.Single(IntentRouter.RouteAll(message, sheet));
        Assert.Equal(Topics.WhatIfRow, intent.Topic);
        Assert.Equal([Row(sheet, row)], intent.Indicators);
        Assert.Contains(total, AnswerAll(sheet, message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe34-health", "满意度要到多少才能拿满分，人均经费那项又该控制在多少", "城乡居民满意度", "人均基本公共卫生服务经费")]
    [InlineData("probe34-health", "婴儿死亡率扣了几分，老年人健康管理那项差多少人", "婴儿死亡率", "65岁及以上老年人健康管理人数")]
    [InlineData("probe34-forest", "隔离带为什么没完成，火灾受害率又超了多少", "新建防火隔离带长度", "森林火灾受害率")]
    [InlineData("zhongwei-2024-internship-subsidy", "机关事业单位实习生数量扣了多少分，就业见习人员数量又扣了多少", "机关事业单位实习生数量", "参加就业见习人员数量")]
    public void TwoRowsAskedInOneSentence_AreBothAnswered_InOrder(string table, string message, string first, string second)
    {
        FactSheet sheet = Table(table);
        var intents = IntentRouter.RouteAll(message, sheet);
        Assert.Equal(2, intents.Count);
        Assert.Equal([Row(sheet, first)], intents[0].Indicators);
        Assert.Equal([Row(sheet, second)], intents[1].Indicators);
        InOrder(AnswerAll(sheet, message), $"“{first}”", $"“{second}”");
    }

    [Fact]
    public void FullMarksForTwoRows_GiveTheFloorOfOneAndTheCeilingOfTheOther()
    {
        FactSheet sheet = Table("probe34-health");
        string text = AnswerAll(sheet, "满意度要到多少才能拿满分，人均经费那项又该控制在多少");
        InOrder(text, "“城乡居民满意度”", "达到指标值的得满分", "“人均基本公共卫生服务经费”", "不超过上限的得满分", "89元/人");
        text = AnswerAll(Table("probe34-forest"), "满意度要到多少才能拿满分，受害率那项又该控制在多少");
        InOrder(text, "“周边群众满意度”", "达到指标值的得满分", "“森林火灾受害率”", "不超过上限的得满分");

        // 哪些没完成，要不要写原因 stays one list: each row short says itself whether its reason is written.
        Assert.Single(IntentRouter.RouteAll("哪几项没完成，要不要写原因", sheet));
    }

    [Fact]
    public void OneRowAndItsReason_IsOneQuestion()
    {
        FactSheet sheet = Table("probe34-health");
        Assert.Single(IntentRouter.RouteAll("婴儿死亡率超标了，为什么", sheet));
        Assert.Single(IntentRouter.RouteAll("满意度没完成，扣了几分", sheet));

        // A word of another row's name after the comma (规定 in 补贴资金在规定时间内支付到位率) is no second question without 又/那项.
        FactSheet internship = Table("zhongwei-2024-internship-subsidy");
        Assert.Single(IntentRouter.RouteAll("实习生数量为什么扣分，扣分是按哪条规定", internship));
    }

    [Theory]
    [InlineData("probe34-forest", "哪些超额比较多，要不要写原因", "护林员培训人次", "150.00%")]
    [InlineData("probe34-forest", "哪些指标超得多？需要说明原因吗", "护林员培训人次", "150.00%")]
    [InlineData("probe30-D-fanghuo", "超额较多的有哪些，要不要写原因", null, null)]
    public void TheOverAchievedRows_AreNamed_WithWhetherEachNeedsAReason(string table, string message, string? row, string? completion)
    {
        FactSheet sheet = Table(table);
        var intents = IntentRouter.RouteAll(message, sheet);
        Assert.Equal(2, intents.Count);
        Assert.Equal(Topics.Overshoot, intents[0].Topic);
        Assert.Equal(Topics.ReasonNeeded, intents[1].Topic);
        string text = AnswerAll(sheet, message);
        Assert.Contains("需要写偏差原因的", text, StringComparison.Ordinal);
        if (row is not null)
        {
            Assert.Equal([Row(sheet, row)], intents[1].Indicators);
            InOrder(text, row, completion!, $"“{row}”需要说明原因");
        }
    }

    [Theory]
    [InlineData("probe34-forest", "8项指标里几项没完成", 7, 8)]
    [InlineData("probe34-health", "这十个指标中哪些没完成", 8, 10)]
    [InlineData("zhongwei-2024-internship-subsidy", "表里共8项指标，哪几项扣分了", 9, 8)]
    [InlineData("probe30-D-fanghuo", "12个指标里面有几个没达标", 9, 12)]
    public void ACountOfRowsTheQuestionGetsWrong_IsCorrectedFirst(string table, string message, int rows, int said)
    {
        FactSheet sheet = Table(table);
        var intents = IntentRouter.RouteAll(message, sheet);
        Assert.Equal(Topics.CountPremise, intents[0].Topic);
        Assert.Equal(2, intents.Count);
        Assert.Contains(intents[1].Kind, new[] { IntentKind.List, IntentKind.Compute });
        string text = ChatTables.Answer(sheet, intents[0]);
        Assert.StartsWith($"这张表的绩效指标共{rows}项，不是{said}项", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe34-forest", "7项指标里几项没完成")]
    [InlineData("probe34-health", "产出指标5项中几项没完成")]
    [InlineData("probe34-health", "前3项指标扣了多少分")]
    public void ARightCount_OrACountOfSomeRows_IsNotCorrected(string table, string message)
    {
        FactSheet sheet = Table(table);
        Assert.DoesNotContain(IntentRouter.RouteAll(message, sheet), i => i.Topic == Topics.CountPremise);
    }

    [Theory]
    [InlineData("哪些单位婴儿死亡率没完成？为什么？差了几个千分点", "婴儿死亡率")]
    [InlineData("哪些县满意度没达标，低了几个百分点", "满意度")]
    [InlineData("各单位参加就业见习人员数量没完成的，差了多少人", "参加就业见习人员数量")]
    [InlineData("哪些单位森林火灾受害率超标了，超了几个千分点？原因是什么", "森林火灾受害率")]
    public void ATrailingGapClause_DoesNotBecomePartOfTheIndicatorsName(string message, string name)
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize(message, 2024, implied: true)!;
        Assert.Equal(CrossUnitQuestions.Indicator, q.Kind);
        Assert.Equal(name, q.Indicator);
    }

    [Theory]
    [InlineData("执行率低于九成的县有哪些", 90, "县")]
    [InlineData("执行率不到八成五的区有哪些", 85, "县")]
    [InlineData("哪些县执行率没达到90%", 90, "县")]
    [InlineData("执行率低于百分之九十的县区", 90, "县")]
    [InlineData("哪些市执行率低于80%", 80, "市")]
    [InlineData("执行率没达到九成的市有哪些", 90, "市")]
    [InlineData("各省执行率不到85%的有哪些", 85, "省")]
    [InlineData("执行率低于90%的部门", 90, "部门")]
    public void AThresholdByLevel_ReadsTheBoundAndTheLevel(string message, int bound, string level)
    {
        CrossUnitQuestion q = CrossUnitQuestions.Recognize(message, 2024, implied: true)!;
        Assert.Equal(CrossUnitQuestions.Execution, q.Kind);
        Assert.Equal(bound, q.Threshold);
        Assert.False(q.Above);
        Assert.Equal(level, q.Level);
    }

    [Fact]
    public void AUnitsLevel_IsItsPlaceInTheHierarchy_NotTheEndOfItsName()
    {
        UnitExecutionRow Row(string unit, string name, string? tier, string rate) =>
            new(unit, name, Guid.Empty, 1, "pending", "基本公共卫生服务项目", "100", rate, rate, "万元", null, null, null) { Tier = tier, Program = "基本公共卫生服务" };
        var rows = new[]
        {
            Row("a", "甲县卫生健康局", "county", "84"), Row("b", "乙县卫生健康局", "county", "95"), Row("c", "某市卫生健康委员会", "city", "80"),
            Row("d", "某省卫生健康委员会", "province", "70"), Row("e", "丙县", null, "60"), Row("f", "丁县卫生健康局", null, "50"),
        };
        Assert.Equal(["a", "b", "e"], CrossUnitCounts.AtLevel(rows, "县").Select(r => r.Unit));
        Assert.Equal(["c"], CrossUnitCounts.AtLevel(rows, "市").Select(r => r.Unit));
        Assert.Equal(["d"], CrossUnitCounts.AtLevel(rows, "省").Select(r => r.Unit));
        Assert.Equal(6, CrossUnitCounts.AtLevel(rows, null).Count);
        Assert.Equal(["a"], CrossUnitCounts.Beyond(CrossUnitCounts.AtLevel(rows, "县"), 90m, above: false).Where(r => r.Unit != "e").Select(r => r.Unit));

        // The programs' totals over one level are that level's: 甲县 and 乙县 and 丙县 (100 each, 84 + 95 + 60 spent).
        ExecutionGroup g = Assert.Single(ReviewInsights.Groups(CrossUnitCounts.AtLevel(rows, "县")));
        Assert.Equal(("300", "239", "79.67"), (g.Budget, g.Executed, g.Rate));
        Assert.Equal(["甲县卫生健康局", "乙县卫生健康局", "丙县"], g.Units);
    }
}
