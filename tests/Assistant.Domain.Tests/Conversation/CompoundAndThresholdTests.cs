using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Review;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Compound questions (every part answered), lists by a 完成率 bound the staff member sets (reverse rows apart),
/// what 【待核实】 means, and the fund part lines a reviewer must see without a reason.
/// </summary>
public class CompoundAndThresholdTests
{
    private static FactSheet Table(string name) =>
        FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", name + ".json"))));

    private static string Released(FactSheet sheet, OfflineAnswer answer)
    {
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        var sentences = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        Assert.All(sentences, s => Assert.Empty(s.Held));
        return gate.Released;
    }

    [Theory]
    [InlineData("超额130%以上的有哪些", 1.30, true, true)]
    [InlineData("超额30%以上的指标", 1.30, true, true)]
    [InlineData("超出目标50%以上的是哪些", 1.50, true, true)]
    [InlineData("完成率高于120%的有几项", 1.20, true, false)]
    [InlineData("完成率低于80%的", 0.80, false, false)]
    [InlineData("完成率不到90%的有哪些", 0.90, false, false)]
    [InlineData("完成率90%以下的", 0.90, false, true)]
    [InlineData("超过目标值一倍的", 2.00, true, false)]
    [InlineData("超过指标值两倍的指标", 3.00, true, false)]
    [InlineData("完成值是目标值两倍以上的有哪些", 2.00, true, true)]
    public void ABound_IsReadAsAShareOfTheTarget(string message, double share, bool above, bool inclusive)
    {
        CompletionThreshold? t = CompletionThreshold.Parse(IntentRouter.Canonical(message));
        Assert.NotNull(t);
        Assert.Equal((decimal)share, t.Share);
        Assert.Equal(above, t.Above);
        Assert.Equal(inclusive, t.Inclusive);
    }

    [Theory]
    [InlineData("执行率低于80%的有哪些")]
    [InlineData("资金执行率不到90%的")]
    [InlineData("哪些指标没完成")]
    public void MoneyOrNoBound_IsNoCompletionThreshold(string message) =>
        Assert.Null(CompletionThreshold.Parse(IntentRouter.Canonical(message)));

    [Fact]
    public void BelowABound_ListsRowsByCompletion_AndACeilingRowByItsCap()
    {
        FactSheet sheet = Table("probe29-B-shuiku");
        Intent intent = IntentRouter.Route("完成率低于80%的指标", sheet);
        Assert.Equal(IntentKind.List, intent.Kind);
        Assert.Equal(Topics.Threshold, intent.Topic);
        string text = Released(sheet, OfflineAnswers.FromTable(intent, sheet)!);
        Assert.Contains("完成除险加固小型水库数量", text, StringComparison.Ordinal);
        Assert.Contains("主体工程汛前完工率", text, StringComparison.Ordinal);
        Assert.DoesNotContain("“受益人口”", text, StringComparison.Ordinal); // 84.71%: above the bound
        Assert.Contains("“单座水库除险加固平均投资”超出上限", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OverOneTimes_IsStrictlyAboveTwoHundredPercent()
    {
        FactSheet sheet = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-employment-service-demo"));
        string over = Released(sheet, OfflineAnswers.FromTable(IntentRouter.Route("超过目标值一倍的", sheet), sheet)!);
        string atLeast = Released(sheet, OfflineAnswers.FromTable(IntentRouter.Route("完成值是目标值两倍以上的有哪些", sheet), sheet)!);
        Assert.DoesNotContain("打造零工市场数量", over, StringComparison.Ordinal); // 2 of 1: exactly 200%
        Assert.Contains("打造零工市场数量", atLeast, StringComparison.Ordinal);
        Assert.Contains("创建技能大师工作室数量", over, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe30-B-yanglao", "执行率多少？哪些指标没完成？", new[] { IntentKind.Compute, IntentKind.List })]
    [InlineData("probe29-B-shuiku", "总分多少？完成率低于80%的有哪些？", new[] { IntentKind.Compute, IntentKind.List })]
    [InlineData("probe30-C-wenhua", "执行率和没完成的指标", new[] { IntentKind.Compute, IntentKind.List })]
    [InlineData("probe30-B-yanglao", "等级是什么？另外完成率最低的是哪个", new[] { IntentKind.Define, IntentKind.Compute })]
    public void ACompoundQuestion_IsAnsweredInEveryPart(string table, string message, IntentKind[] kinds)
    {
        FactSheet sheet = Table(table);
        var intents = IntentRouter.RouteAll(message, sheet);
        Assert.Equal(kinds, intents.Select(i => i.Kind).ToArray());
        OfflineAnswer combined = OfflineAnswers.Combine(intents.Select(i => OfflineAnswers.FromTable(i, sheet)))!;
        Assert.Equal(combined.TurnFacts.Count, combined.TurnFacts.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.NotEmpty(Released(sheet, combined));
    }

    [Theory]
    [InlineData("执行率和完成率有什么区别")]
    [InlineData("哪些指标没有完成？为什么？")]
    [InlineData("下一步改进措施写哪些？针对活动场次和设备采购")]
    [InlineData("总分是怎么算出来的？各项扣了多少")]
    public void OneQuestion_IsNotSplit(string message) =>
        Assert.Single(IntentRouter.RouteAll(message, Table("probe30-C-wenhua")));

    [Theory]
    [InlineData("【待核实】是什么意思")]
    [InlineData("草稿里为什么有待核实")]
    [InlineData("标了待核实的数字要改吗")]
    public void ThePendingMarker_IsExplained(string message)
    {
        FactSheet sheet = Table("probe30-A-yinshui");
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.Equal(Topics.Pending, intent.Topic);
        Assert.Contains("核对不上", OfflineAnswers.FromTable(intent, sheet)!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe30-B-yanglao", "县级资金")]
    [InlineData("probe29-A-yingyang", null)]
    public void APartFundLineBelowTheRate_WithoutAnyReason_IsMissing(string table, string? low)
    {
        // Every fund line's reason removed: a part line below the 执行率 that must be explained is missing its reason
        // even when the total line is above it (the calculator flags only the total line).
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", table + ".json")))!;
        foreach (var line in doc["funds"]!["lines"]!.AsArray())
        {
            line!["deviationNote"] = null;
        }

        FactSheet bare = FactSheet.Build(EvaluationJson.Parse(doc.ToJsonString()));
        var lows = bare.Report.Funds.Where(f => !f.IsRoot && f.Rate < 0.90m).Select(f => bare.Evaluation.Funds.Lines[f.Index].Name.Trim()).ToList();
        var missing = CrossUnit.Missing(bare).Where(m => m.Indicator is null).Select(m => m.Subject).ToList();
        Assert.All(lows, name => Assert.Contains(name, missing));
        if (low is not null)
        {
            Assert.Contains(missing, m => m.Contains(low, StringComparison.Ordinal));
        }

        // The unit's reason on the total line covers its parts.
        doc["funds"]!["lines"]![0]!["deviationNote"] = "资金下达较晚，部分补贴延至次年发放";
        FactSheet explained = FactSheet.Build(EvaluationJson.Parse(doc.ToJsonString()));
        Assert.DoesNotContain(CrossUnit.Missing(explained), m => m.Indicator is null && lows.Contains(m.Subject));
    }
}
