using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 43: in a reviewer's answer across units, the threshold 90% beside a place asked of (乳源县 for 乳源瑶族自治县…) and a county's
/// 结余 are checked against facts — the policy's threshold, the 结余 the tool learned (全年预算数 − 执行数) — and released; a wrong threshold
/// or a wrong 结余 beside the same words is still held.
/// </summary>
public class Session43AcrossUnitsGateTests
{
    private static readonly string[] Units = ["乳源瑶族自治县住房和城乡建设管理局", "重庆市武隆区林业局", "蕲春县医疗保障局"];

    private static IReadOnlyList<GatedSentence> Released(string text, IEnumerable<string> units, params Fact[] learned)
    {
        FactSheet own = ChatTables.Table("probe40-fengfeng");
        var gate = new SentenceGate(own);
        gate.Rebase(SentenceGate.AcrossUnitsSheet(own.Evaluation, units, ScoringPolicy.Default));
        gate.AddFacts(learned);
        return [.. gate.Push(text), .. gate.Flush()];
    }

    private static Fact Threshold => new("tool.units.n1.rate", "须说明原因的界限执行率", 90m, "%", 0, FactKind.Derived) { FundLineIndex = -1 };

    private static Fact Count(int n, int id) => new($"tool.units.n{id}", "跨单位计数", n, string.Empty, 0, FactKind.Derived);

    [Theory]
    [InlineData("执行率低于90%（须说明原因）的乳源县有1个：乳源瑶族自治县住房和城乡建设管理局，都说明了原因。")]
    [InlineData("执行率低于90%（须说明原因）的武隆县有1个：重庆市武隆区林业局，其中1个没有说明原因。")]
    [InlineData("执行率低于90%（须说明原因）的乳源瑶族自治县有1个：乳源瑶族自治县住房和城乡建设管理局，都说明了原因。")]
    public void ThePolicysThreshold_BesideAPlaceAskedOf_IsReleased(string line)
    {
        var sentences = Released(line, Units, Threshold, Count(1, 2));
        Assert.All(sentences, s => Assert.Empty(s.Held));
        Assert.Contains("90%", string.Concat(sentences.Select(s => s.Text)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("执行率低于85%（须说明原因）的乳源县有1个：乳源瑶族自治县住房和城乡建设管理局，都说明了原因。")]
    [InlineData("执行率低于95%（须说明原因）的武隆县有1个：重庆市武隆区林业局，其中1个没有说明原因。")]
    [InlineData("执行率低于80%（须说明原因）的乳源瑶族自治县有1个：乳源瑶族自治县住房和城乡建设管理局，都说明了原因。")]
    public void AWrongThreshold_BesideAPlaceAskedOf_IsStillHeld(string line)
    {
        var sentences = Released(line, Units, Threshold, Count(1, 2));
        Assert.Equal(1, sentences.Sum(s => s.Held.Count));
    }

    [Fact]
    public void WithoutTheUnitsViewed_ThePlacesThresholdWasHeld()
    {
        // The cause, kept as a test: the table-less sheet with no units read 乳源县 as another table's subject.
        var sentences = Released("执行率低于90%（须说明原因）的乳源县有1个：乳源瑶族自治县住房和城乡建设管理局，都说明了原因。", [], Threshold, Count(1, 2));
        Assert.Equal(1, sentences.Sum(s => s.Held.Count));
    }

    [Theory]
    [InlineData("18652300.00", "17106482.35", "元", "执行率91.71%，全年预算数1865.23万元，执行数1710.65万元，结余154.58万元。", 0)]
    [InlineData("18652300.00", "17106482.35", "元", "执行率91.71%，全年预算数1865.23万元，执行数1710.65万元，结余155.58万元。", 1)]
    [InlineData("18652300.00", "17106482.35", "元", "执行率91.71%，全年预算数1865.23万元，执行数1710.65万元，结余1545817.65元。", 0)]
    [InlineData("2380.00", "2015.84", "万元", "执行率84.70%，全年预算数2380.00万元，执行数2015.84万元，结余364.16万元。", 0)]
    [InlineData("2380.00", "2015.84", "万元", "执行率84.70%，全年预算数2380.00万元，执行数2015.84万元，结余346.16万元。", 1)]
    [InlineData("2380.00", "2015.84", "万元", "执行率84.70%，全年预算数2380.00万元，执行数2015.84万元，结余2380.00万元。", 1)]
    public void ACountysBalance_IsCheckedAgainstTheBalanceLearned(string budget, string executed, string unit, string line, int held)
    {
        decimal b = decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture), x = decimal.Parse(executed, System.Globalization.CultureInfo.InvariantCulture);
        decimal rate = Math.Round(x / b * 100m, 2, MidpointRounding.AwayFromZero);
        var sentences = Released(line, Units,
            new Fact("tool.units.n1", "全年预算数", b, unit, 2, FactKind.Derived),
            new Fact("tool.units.n2", "执行数", x, unit, 2, FactKind.Derived),
            new Fact("tool.units.n3.rate", "执行率", rate, "%", 2, FactKind.Derived) { FundLineIndex = -1 },
            new Fact("tool.units.n4.balance", "结余（全年预算数 − 执行数）", b - x, unit, 2, FactKind.Derived));
        Assert.Equal(held, sentences.Sum(s => s.Held.Count));
    }

    [Fact]
    public void WithoutTheBalanceLearned_TheBalanceWasHeld()
    {
        var sentences = Released("执行率84.70%，全年预算数2380.00万元，执行数2015.84万元，结余364.16万元。", Units,
            new Fact("tool.units.n1", "全年预算数", 2380.00m, "万元", 2, FactKind.Derived),
            new Fact("tool.units.n2", "执行数", 2015.84m, "万元", 2, FactKind.Derived),
            new Fact("tool.units.n3.rate", "执行率", 84.70m, "%", 2, FactKind.Derived) { FundLineIndex = -1 });
        Assert.Equal(1, sentences.Sum(s => s.Held.Count));
    }
}
