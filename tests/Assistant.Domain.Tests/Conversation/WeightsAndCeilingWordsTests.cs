using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 32's chat tester: "分值合计是多少？对不对" got the total score and never said the weights add to 105, not 100;
/// a broken ceiling (≤20 against 24) was listed as "完成值是指标值的120.00%", which reads as over-achievement.
/// </summary>
public class WeightsAndCeilingWordsTests
{
    private static string Answer(FactSheet sheet, string message)
    {
        Intent intent = IntentRouter.Route(message, sheet);
        OfflineAnswer answer = OfflineAnswers.FromTable(intent, sheet)!;
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        var sentences = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        Assert.All(sentences, s => Assert.Empty(s.Held));
        return gate.Released;
    }

    [Theory]
    [InlineData("分值合计是多少？对不对")]
    [InlineData("各项分值加起来是多少")]
    [InlineData("总分值对吗")]
    [InlineData("权重合计多少")]
    [InlineData("分值的总和是不是100")]
    public void TheSumOfTheWeights_IsAnsweredWithItsError(string message)
    {
        FactSheet sheet = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-internship-subsidy"));
        Assert.Equal(Topics.Weights, IntentRouter.Route(message, sheet).Topic);
        string text = Answer(sheet, message);
        Assert.Contains("分值合计105分", text, StringComparison.Ordinal);
        Assert.Contains("不等于总分值100", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("总分多少")]
    [InlineData("总分是怎么算的")]
    public void TheTotalScore_IsStillTheTotal(string message)
    {
        FactSheet sheet = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-internship-subsidy"));
        Assert.NotEqual(Topics.Weights, IntentRouter.Route(message, sheet).Topic);
    }

    [Fact]
    public void ABrokenCeiling_IsOverItsLimit_NotAShareOfIt()
    {
        FactSheet sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", "probe32-health.json"))));
        string text = Answer(sheet, "哪几项没写原因？");
        Assert.Contains("“孕产妇死亡率”：完成值24/10万，超出上限20/10万", text, StringComparison.Ordinal);
        Assert.DoesNotContain("完成值是指标值的120", text, StringComparison.Ordinal);
        Assert.Contains("“儿童健康管理覆盖人次”：完成值是指标值的140.00%", text, StringComparison.Ordinal);
    }
}
