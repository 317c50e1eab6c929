using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Counts in an answer about other units (3个单位存在缺口, 共3项, 在6项上, 其中1个没有说明原因) are counts of the
/// cross-unit view: once the gate is rebased to the units, a count that is one of the turn's facts is released
/// even where the table-less sheet has a count of its own (count.short) or the sentence names indicators it does
/// not hold; a count that is no fact of the turn is still held, and a table's answer is checked as before.
/// </summary>
public sealed class CrossUnitCountGateTests
{
    private static FactSheet Units() => FactSheet.Build(new Evaluation
    {
        Kind = EvaluationKind.Project, Title = "各单位", Year = 2025, Funds = new FundSection { Unit = "万元" }, Indicators = [],
    });

    private static readonly Fact[] Counts =
    [
        new("turn.n1", "单位填写的原文中的数字", 6, "", 0, FactKind.Derived),
        new("turn.n2", "没写原因的项", 3, "项", 0, FactKind.Derived),
        new("turn.n3", "没写原因的单位", 2, "个", 0, FactKind.Derived),
        new("turn.n4", "未完成的单位", 3, "个", 0, FactKind.Derived),
        new("turn.n5", "含此指标的表", 8, "张", 0, FactKind.Derived),
        new("turn.n6", "没写原因的单位", 1, "个", 0, FactKind.Derived),
        new("tool.units.n7", "跨单位计数", 4, "", 0, FactKind.Derived),
    ];

    private static (string Text, int Held) Gate(string text, bool across)
    {
        var gate = new SentenceGate(Units());
        if (across)
        {
            gate.Rebase(Units());
        }

        gate.AddFacts(Counts);
        var released = gate.Push(text).Concat(gate.Flush()).ToList();
        return (string.Concat(released.Select(s => s.Text + (s.ParagraphEnd ? "\n" : string.Empty))), released.Sum(s => s.Held.Count));
    }

    [Theory]
    [InlineData("- 永新县在{{fact:turn.n1}}项上填写了同一句原因“受上级资金下达时间较晚影响”（“新建高标准农田面积（万亩）”、“高效节水灌溉面积（万亩）”）。\n", "永新县在6项上填写了同一句原因")]
    [InlineData("未完成（或执行率偏低）却没有填写偏差原因的共{{fact:turn.n2}}，涉及{{fact:turn.n3}}单位：\n", "没有填写偏差原因的共3项，涉及2个单位")]
    [InlineData("- “新建高标准农田面积（万亩）”：有此指标的表共{{fact:turn.n5}}，{{fact:turn.n4}}单位存在缺口（吉水县、永新县、万安县），其中{{fact:turn.n6}}没有填报原因。\n", "3个单位存在缺口（吉水县、永新县、万安县），其中1个没有填报原因")]
    [InlineData("各单位中须说明原因的单位有4个，都没有说明原因。\n", "须说明原因的单位有4个")]
    public void ACountOfTheView_IsReleased(string answer, string expected)
    {
        var (text, held) = Gate(answer, across: true);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Equal(0, held);
    }

    [Theory]
    [InlineData("没有填写偏差原因的共5项，涉及2个单位。\n", "共【待核实】，涉及2个单位")]
    [InlineData("“新建高标准农田面积（万亩）”有7个单位存在缺口。\n", "【待核实】单位存在缺口")]
    [InlineData("永新县在9项上填写了同一句原因。\n", "永新县在【待核实】上")]
    public void ACountThatIsNoFactOfTheView_IsStillHeld(string answer, string expected)
    {
        var (text, held) = Gate(answer, across: true);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Equal(1, held);
    }

    [Fact]
    public void InATablesAnswer_ACountIsCheckedAgainstTheTable_AsBefore()
    {
        var (text, held) = Gate("未完成却没有填写偏差原因的共{{fact:turn.n2}}。\n", across: false);
        Assert.Contains("共【待核实】", text, StringComparison.Ordinal);
        Assert.Equal(1, held);
    }
}
