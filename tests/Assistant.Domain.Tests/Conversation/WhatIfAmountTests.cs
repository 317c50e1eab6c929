using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 33's chat tester: 「如果省级资金120万全部花完了」 was scored as 120万 spent on top of the 78万 already spent
/// (执行率107.50 %, 省级165 %); 「执行到100%呢」 and 「执行率达到95%总分多少」 were not answered. An amount equal to the line's
/// budget with 全部花完 means executed = budget; 再支出X adds X; 执行到X sets X; 执行率达到N% sets the rate; an amount over a
/// budget is refused with the budget named. The expected figures were worked out by hand from each table.
/// </summary>
public class WhatIfAmountTests
{
    private static FactSheet Table(string name) => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", name + ".json"))));

    private static string Answer(string table, string message, string? previous = null)
    {
        FactSheet sheet = Table(table);
        Intent intent = IntentRouter.Route(message, sheet, previous);
        Assert.Equal(Topics.WhatIf, intent.Topic);
        OfflineAnswer answer = OfflineAnswers.FromTable(intent, sheet)!;
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        var sentences = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        Assert.All(sentences, s => Assert.True(s.Clean, s.Text + " | " + string.Join("; ", s.Held.Select(h => h.Reason))));
        return gate.Released;
    }

    [Theory]
    // 元 table: 省级 1,200,000 budget, 780,000 executed; total 4,820,000 + 420,000 = 5,240,000 ÷ 5,600,000.
    [InlineData("probe33-health", "如果省级资金120万全部花完了，执行率和总分分别是多少？", "执行率93.57%", "省级资金执行率100.00%")]
    [InlineData("probe33-health", "假如省级资金1200000元都用完了，总分多少", "执行率93.57%", "省级资金执行率100.00%")]
    // 万元 tables: 省级 240 / 150 → total 688 + 90 = 778 ÷ 860; 省级配套 450 / 227.5 → 2437.5 + 222.5 = 2660 ÷ 3250.
    [InlineData("probe30-A-yinshui", "如果省级资金240万全部用完，执行率多少？", "执行率90.47%", "省级资金执行率100.00%")]
    [InlineData("probe29-B-shuiku", "要是省级配套资金450万元都花完了，执行率能到多少", "执行率81.85%", "省级配套资金执行率100.00%")]
    // 元 table, 县级配套 1,600,000 / 1,224,000: 3,024,000 + 376,000 = 3,400,000 ÷ 3,600,000.
    [InlineData("probe32-health", "如果县级配套资金160万全部执行完，执行率多少", "执行率94.44%", "县级配套资金执行率100.00%")]
    public void ALinesOwnBudget_WithAllSpent_SetsExecutedToTheBudget(string table, string message, string total, string part)
    {
        string text = Answer(table, message);
        Assert.Contains(total, text, StringComparison.Ordinal);
        Assert.Contains(part, text, StringComparison.Ordinal);
        Assert.DoesNotContain("超过", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTesterCase_GivesTheScoreAndTotal_ByHand()
    {
        // 资金得分 10 × 5,240,000 / 5,600,000 = 9.36; 总分 95.4905 − 8.6071 + 9.3571 = 96.24.
        string text = Answer("probe33-health", "如果省级资金120万全部花完了，执行率和总分分别是多少？");
        Assert.Contains("资金得分9.36分", text, StringComparison.Ordinal);
        Assert.Contains("总分96.24分", text, StringComparison.Ordinal);
        Assert.DoesNotContain("107.50", text, StringComparison.Ordinal);
        Assert.DoesNotContain("165.00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWholeBudget_WithAllSpent_OnTheTotalLine_Is100Percent()
    {
        // 文化 table: total 420 budget, 331.8 executed; 「420万全部花完」 is the total line's own budget.
        string text = Answer("probe30-C-wenhua", "如果420万全部花完，执行率和总分多少");
        Assert.Contains("执行率100.00%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("超过", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe33-health", "如果省级资金再多支出42万元，执行率多少", "执行率93.57%")]
    [InlineData("probe30-A-yinshui", "如果中央财政资金再执行40万，执行率多少", "执行率84.65%")] // 728 ÷ 860
    [InlineData("probe30-B-yanglao", "假如县级资金再拨付60万元，执行率多少", "执行率97.00%")] // 1455 ÷ 1500
    public void AnAmountMore_IsAdded(string table, string message, string total)
    {
        Assert.Contains(total, Answer(table, message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe33-health", "如果省级资金执行了100万元，执行率多少", "执行率90.00%", "省级资金执行率83.33%")] // 5,040,000 ÷ 5,600,000
    [InlineData("probe30-A-yinshui", "假如省级资金执行到200万，执行率多少", "执行率85.81%", "省级资金执行率83.33%")] // 738 ÷ 860
    [InlineData("probe29-B-shuiku", "如果县级自筹资金累计支出100万元，执行率多少", "执行率78.08%", "县级自筹资金执行率50.00%")] // 2537.5 ÷ 3250
    public void AnAmountExecuted_SetsTheLine(string table, string message, string total, string part)
    {
        string text = Answer(table, message);
        Assert.Contains(total, text, StringComparison.Ordinal);
        Assert.Contains(part, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe33-health", "如果执行率达到95%，总分多少？", "执行率95.00%", "资金得分9.50分")]
    [InlineData("probe33-health", "假如省级资金执行到100%呢", "执行率93.57%", "省级资金执行率100.00%")]
    [InlineData("probe30-C-wenhua", "如果县级资金执行率达到90%，执行率多少", "执行率86.62%", "县级资金执行率90.00%")] // 331.8 + 32 = 363.8 ÷ 420
    [InlineData("probe30-D-fanghuo", "要是执行率提高到92%的话，总分多少", "执行率92.00%", "资金得分")]
    public void ARateAsked_SetsTheLinesRate(string table, string message, string total, string other)
    {
        string text = Answer(table, message);
        Assert.Contains(total, text, StringComparison.Ordinal);
        Assert.Contains(other, text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRateAsked_OnTheTesterTable_GivesTheTotalByHand()
    {
        // 95 % of 10 = 9.50; 95.4905 − 8.6071 + 9.50 = 96.38.
        Assert.Contains("总分96.38分", Answer("probe33-health", "如果执行率达到95%，总分多少？"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe33-health", "如果省级资金再支出60万，执行率多少", "120.00万元")] // 780,000 + 600,000 > 1,200,000
    [InlineData("probe30-A-yinshui", "如果省级资金300万全部花完，执行率多少", "240")]
    [InlineData("probe32-health", "如果县级配套资金执行到180万元，总分多少", "160.00万元")]
    [InlineData("probe30-C-wenhua", "如果再支出100万，执行率多少", "420.00万元")] // 331.8 + 100 > 420
    [InlineData("probe33-health", "如果执行率达到105%，总分多少", "560.00万元")]
    public void AnAmountOverTheBudget_IsRefused_WithTheBudgetNamed(string table, string message, string budget)
    {
        string text = Answer(table, message);
        Assert.Contains("未测算", text, StringComparison.Ordinal);
        Assert.Contains(budget, text, StringComparison.Ordinal);
        Assert.DoesNotContain("总分", text, StringComparison.Ordinal);
        Assert.DoesNotContain("资金得分", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("省级资金执行率多少？", "执行到100%呢")]
    [InlineData("省级资金为什么执行率低", "要是省级资金都用完了呢")]
    public void AFollowUp_KeepsThePreviousLine(string previous, string message)
    {
        string text = Answer("probe33-health", message, previous);
        Assert.Contains("执行率93.57%", text, StringComparison.Ordinal);
        Assert.Contains("省级资金执行率100.00%", text, StringComparison.Ordinal);
    }
}
