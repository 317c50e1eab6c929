using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Features.Conversations;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 35's testers (chat #4b, #6; files #7), for session 36: the user's own number in a what-if is a fact of the turn, also
/// when it equals the target (如果做到20); 扣分最多的三项 is a ranking by points lost with the money in it and nothing before it;
/// two rows named in one question are both answered, and the why after them is about them; 县级那200万一分没花，报告里咋写 is how
/// to write it, not a what-if; 执形率是不是７３．２％ is a yes or a no with the exact figure; 为啥没算分 on a row the calculator
/// cannot score says the printed score was used, and why.
/// </summary>
public partial class Session36ChatTests
{
    private static FactSheet Table(string name) => ChatTables.Table(name);

    private static int Row(FactSheet sheet, string name) => ChatTables.Row(sheet, name);

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
    // 孕产妇死亡率 ≤20 at 24: the value asked is the target itself (10 × full = 10.00; 91.10 + 2 = 93.10).
    [InlineData("probe35-health-jiaxian", "孕产妇死亡率那项如果做到20，总分多少", "完成值为20/10万", "总分93.10分")]
    [InlineData("probe35-health-jiaxian", "孕产妇死亡率如果降到20，总分多少", "完成值为20/10万", "总分93.10分")]
    [InlineData("probe35-health-jiaxian", "孕产妇死亡率要是能控制在20以内，总分能到多少", "完成值为20/10万", "总分93.10分")]
    // 高血压 ≥60% at 48%: 60% is the target (8.00 → 10.00).
    [InlineData("probe35-health-jiaxian", "高血压患者规范管理率要是达到60%，总分能到多少", "完成值为60%", "总分93.10分")]
    // 老年人 ≥12000 at 10800: 12000 is the target (13.50 → 15.00).
    [InlineData("probe35-health-jiaxian", "老年人健康管理人数如果做到12000，总分多少", "完成值为12000人", "总分92.60分")]
    public void AWhatIfAtTheTargetItself_KeepsTheUsersNumber(string table, string message, string value, string total)
    {
        InOrder(AnswerAll(Table(table), message), value, total);
    }

    [Theory]
    // 甲县: 孕产妇 2.00, 高血压 2.00, 预算执行 10 − 8.10 = 1.90, then 老年人 and 健康素养 1.50 each.
    [InlineData("probe35-health-jiaxian", "扣分最多的三项是哪几项？各扣多少", 3, "1. “孕产妇死亡率”：扣2.00分", "2. “高血压患者规范管理率”：扣2.00分", "3. 预算执行")]
    [InlineData("probe35-health-jiaxian", "扣分最多的两项各扣了多少分", 2, "1. “孕产妇死亡率”：扣2.00分", "2. “高血压患者规范管理率”：扣2.00分")]
    [InlineData("probe35-health-jiaxian", "扣分最多的两项是什么", 2, "1. “孕产妇死亡率”：扣2.00分", "2. “高血压患者规范管理率”：扣2.00分")]
    // 见习: 8.05, 4.20, then the money 5 − 0.97 = 4.03 before the 2.80 row.
    [InlineData("zhongwei-2024-internship-subsidy", "扣分最多的三项是哪几项？各扣多少", 3, "扣8.05分", "扣4.20分", "3. 预算执行", "扣4.03分")]
    [InlineData("zhongwei-2024-internship-subsidy", "失分最多的前两项", 2, "1. “实习及见习人员生活补助及意外伤害险”：扣8.05分", "2. “机关事业单位实习生数量”：扣4.20分")]
    // 普洱: 完工时间 4.00 (2026年1月完工 against 2025年11月底前: late, the printed 6 stands), 产业路 1.40, 预算执行 0.73.
    [InlineData("probe35-yn-xianjie", "扣分最多的三项是哪几项？各扣多少", 3, "1. “项目完工时间”：扣4.00分", "2. “新建改建产业路”：扣1.40分", "3. 预算执行", "扣0.73分")]
    // 黔南: 因病致贫返贫发生率 2.00, 参保人次 1.05, 预算执行 0.20.
    [InlineData("probe35-gz-jiuzhu", "扣得最多的是哪几项", 3, "1. “因病致贫返贫发生率”：扣2.00分", "2. “资助困难群众参保人次”：扣1.05分", "3. 预算执行", "扣0.20分")]
    public void TheMostPointsLost_AreRanked_WithTheMoney_AndNothingBefore(string table, string message, int asked, params string[] ranked)
    {
        FactSheet sheet = Table(table);
        Intent intent = Assert.Single(IntentRouter.RouteAll(message, sheet));
        Assert.Equal(Topics.MostLost, intent.Topic);
        string text = AnswerAll(sheet, message);
        Assert.StartsWith("按扣分从多到少", text, StringComparison.Ordinal);
        Assert.DoesNotContain("总分", text, StringComparison.Ordinal);
        InOrder(text, ranked);
        Assert.DoesNotContain($"{asked + 1}. ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe35-health-jiaxian", "哪项扣分最多", "扣分最多的是“孕产妇死亡率”：扣2.00分", "并列的还有“高血压患者规范管理率”")]
    [InlineData("zhongwei-2024-internship-subsidy", "哪个扣得最多", "扣分最多的是“实习及见习人员生活补助及意外伤害险”：扣8.05分")]
    public void TheOneMostPointsLost_IsNamed(string table, string message, params string[] fragments)
    {
        InOrder(AnswerAll(Table(table), message), fragments);
    }

    [Theory]
    [InlineData("probe35-health-jiaxian", "老年人健康管理和高血压规范管理这两项各扣了多少分？为什么没完成？", "65岁以上老年人健康管理人数", "高血压患者规范管理率")]
    [InlineData("probe35-health-jiaxian", "孕产妇死亡率和高血压规范管理这两项各扣了多少分？为什么没完成？", "孕产妇死亡率", "高血压患者规范管理率")]
    [InlineData("probe35-health-jiaxian", "高血压规范管理和老年人健康管理各扣几分？原因呢", "高血压患者规范管理率", "65岁以上老年人健康管理人数")]
    [InlineData("probe35-health-jiaxian", "居民健康素养与孕产妇死亡率各扣了多少分？为啥没完成", "居民健康素养水平", "孕产妇死亡率")]
    [InlineData("probe35-gz-jiuzhu", "参保人次和因病致贫返贫发生率各扣了几分？为什么", "资助困难群众参保人次", "因病致贫返贫发生率")]
    public void TwoRowsNamedInOneQuestion_AreBothAnswered_AndTheWhyIsAboutThem(string table, string message, string first, string second)
    {
        FactSheet sheet = Table(table);
        var intents = IntentRouter.RouteAll(message, sheet);
        int a = Row(sheet, first), b = Row(sheet, second);
        Assert.All(intents, i => Assert.Equal(new[] { a, b }.Order(), i.Indicators.Order()));
        string text = AnswerAll(sheet, message);
        Assert.DoesNotContain("没有指明", text, StringComparison.Ordinal);
        Assert.Contains($"“{first}”", text, StringComparison.Ordinal);
        Assert.Contains($"“{second}”", text, StringComparison.Ordinal);
        // No row that was not asked about.
        foreach (IndicatorResult other in sheet.Report.Indicators.Where(r => r.Index != a && r.Index != b))
        {
            Assert.DoesNotContain($"“{other.Name.Trim()}”", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AJoiningWordInsideARowsName_JoinsNothing()
    {
        FactSheet sheet = Table("zhongwei-2024-internship-subsidy");
        int row = Row(sheet, "实习及见习人员生活补助及意外伤害险");
        Assert.Equal(new[] { row }, IntentRouter.Route("实习及见习人员生活补助及意外伤害险扣了多少分", sheet).Indicators);
    }

    [Theory]
    [InlineData("probe35-yn-xianjie", "县级那200万一分没花，报告里咋写", "县级衔接资金")]
    [InlineData("probe35-yn-xianjie", "县级资金200万全没执行，第三部分怎么写", "县级衔接资金")]
    [InlineData("probe35-yn-xianjie", "州市级那112.5万没花出去，报告咋写", "州市级衔接资金")]
    [InlineData("probe35-gz-jiuzhu", "市县资金还有49万没花，报告里怎么说明", "市县资金")]
    [InlineData("probe35-health-jiaxian", "县级资金执行率只有72%，报告里怎么写", "县级资金")]
    public void HowToWriteAboutUnspentMoney_IsAnsweredWithItsFiguresAndAFrame_NotAWhatIf(string table, string message, string line)
    {
        FactSheet sheet = Table(table);
        Intent intent = Assert.Single(IntentRouter.RouteAll(message, sheet));
        Assert.NotEqual(Topics.WhatIf, intent.Topic);
        string text = AnswerAll(sheet, message);
        Assert.DoesNotContain("按假设", text, StringComparison.Ordinal);
        Assert.DoesNotContain("测算", text, StringComparison.Ordinal);
        InOrder(text, line, "写法：", $"“{line}全年预算", "主要原因是……", "下一步将……");
    }

    [Theory]
    // 308.00 ÷ 420.50 = 73.246…% → 73.25%, 73.2% at one decimal (half up).
    [InlineData("probe35-yn-xianjie", "州市级资金执形率是不是７３．２％", "是的。“州市级衔接资金”的执行率为73.25%", "保留一位小数是73.2%")]
    [InlineData("probe35-yn-xianjie", "州市级资金执行率是不是73.2%", "是的。“州市级衔接资金”的执行率为73.25%", "308.00万元 ÷ 全年预算数420.50万元")]
    [InlineData("probe35-yn-xianjie", "州市级资金执行率是不是73.3%", "不是。“州市级衔接资金”的执行率为73.25%", "不是问题中的73.3%")]
    // 1100.30 ÷ 1200.00 = 91.69%.
    [InlineData("probe35-yn-xianjie", "省级资金的执行率是91.69%吗", "是的。“省级衔接资金”的执行率为91.69%")]
    // 91.69% is 92% as a whole number (half up): yes, with the exact figure; 93% is not.
    [InlineData("probe35-yn-xianjie", "省级资金执行率是不是92%", "是的。“省级衔接资金”的执行率为91.69%", "保留整数是92%")]
    [InlineData("probe35-yn-xianjie", "省级资金执行率是不是93%", "不是。“省级衔接资金”的执行率为91.69%", "不是问题中的93%")]
    // 301 ÷ 350 = 86.00%.
    [InlineData("probe35-gz-jiuzhu", "市县资金执形率是不是８６％？", "是的。“市县资金”的执行率为86.00%")]
    // 864000 ÷ 1200000 = 72.00% (元).
    [InlineData("probe35-health-jiaxian", "县级资金的执行率是不是７２．５％", "不是。“县级资金”的执行率为72.00%", "不是问题中的72.5%")]
    // 完成率: 10800 ÷ 12000 = 90.00%; 48% ÷ 60% = 80.00%.
    [InlineData("probe35-health-jiaxian", "65岁以上老年人健康管理人数完成率是不是90%", "是的。“65岁以上老年人健康管理人数”的完成率为90.00%")]
    [InlineData("probe35-health-jiaxian", "高血压患者规范管理率的完成率是85%吗", "不是。“高血压患者规范管理率”的完成率为80.00%", "不是问题中的85%")]
    public void AYesNoQuestionOnAFigure_IsAnsweredYesOrNo_WithTheExactFigure(string table, string message, params string[] fragments)
    {
        FactSheet sheet = Table(table);
        Assert.Equal(Topics.Confirm, Assert.Single(IntentRouter.RouteAll(message, sheet)).Topic);
        string text = AnswerAll(sheet, message);
        Assert.StartsWith(fragments[0][..3], text, StringComparison.Ordinal);
        InOrder(text, fragments);
    }

    public static TheoryData<string, string, string, string, string> Unscorable => new()
    {
        // The tester's 黔南 row (≤12/10万 against 11.8/10万) is scored since i36-units read rates inside cells;
        // a per-100,000 or ‰ target against an actual in % is still not comparable (never converted).
        { "probe35-gz-jiuzhu", "孕产妇死亡率", "≤12/10万", "0.012%", "孕产妇死亡率那个为啥没算分" },
        { "probe35-gz-jiuzhu", "孕产妇死亡率", "≤3‰", "3.6%", "孕产妇死亡率为什么没有计算得分" },
        // 甲县 with the rate written inside the target cell and a % actual, and a range for a target.
        { "probe35-health-jiaxian", "孕产妇死亡率", "≤20/10万", "24%", "孕产妇死亡率咋没算分" },
        { "probe35-health-jiaxian", "健康教育讲座次数", "12-15次", "20次", "健康教育讲座次数为啥没算分" },
    };

    [Theory]
    [MemberData(nameof(Unscorable))]
    public void WhyARowWasNotScored_SaysThePrintedScoreWasUsed_AndWhy(string table, string row, string target, string actual, string message)
    {
        FactSheet sheet = Table(table);
        int i = Row(sheet, row);
        if (target.Length > 0)
        {
            var rows = sheet.Evaluation.Indicators.ToArray();
            rows[i] = rows[i] with { Target = target, Actual = actual };
            sheet = FactSheet.Build(sheet.Evaluation with { Indicators = rows }, ScoringPolicy.Default);
        }

        Assert.Equal(IndicatorRule.Unscorable, sheet.Report.Indicators[i].Rule);
        Assert.Equal(new[] { i }, IntentRouter.Route(message, sheet).Indicators);
        string text = AnswerAll(sheet, message);
        string printed = Assistant.Domain.Numbers.PrintedNumber.Format(sheet.Report.Indicators[i].ScoreForTotal!.Value, 2);
        InOrder(text, $"“{row}”", "没有按规则算分", "总分里用的是表中打印的得分" + printed.TrimEnd('0').TrimEnd('.'));
        Assert.DoesNotContain("没有需要说明的偏差", text, StringComparison.Ordinal);
    }
}
