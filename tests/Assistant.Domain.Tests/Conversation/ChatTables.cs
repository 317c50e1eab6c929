using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Features.Conversations;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>Shared by the chat testers' regression tests: the eval's chat tables (else a reference table), and an
/// answer composed from the table and released through the sentence gate, with nothing held.</summary>
internal static class ChatTables
{
    public static FactSheet Table(string name) => FactSheet.Build(File.Exists(Own(name))
        ? EvaluationJson.Parse(File.ReadAllText(Own(name)))
        : SharedData.LoadReference(name));

    private static string Own(string name) => Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", name + ".json");

    public static string Answer(FactSheet sheet, Intent intent)
    {
        OfflineAnswer answer = OfflineAnswers.FromTable(intent, sheet)!;
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        var sentences = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        Assert.All(sentences, s => Assert.Empty(s.Held));
        return gate.Released;
    }

    /// <summary>Every intent the message routes to, answered and combined, released through the sentence gate with nothing held.</summary>
    public static string AnswerAll(FactSheet sheet, string message, string? previous = null)
    {
        var intents = IntentRouter.RouteAll(message, sheet, previous);
        OfflineAnswer answer = OfflineAnswers.Combine(intents.Select(i => OfflineAnswers.FromTable(i, sheet)))!;
        var gate = new SentenceGate(sheet);
        gate.AddFacts(answer.TurnFacts);
        var sentences = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
        Assert.All(sentences, s => Assert.Empty(s.Held));
        return gate.Released;
    }

    /// <summary>Each fragment found in <paramref name="text"/>, in order.</summary>
    public static void InOrder(string text, params string[] fragments)
    {
        int at = 0;
        foreach (string f in fragments)
        {
            int found = text.IndexOf(f, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"“{f}” missing (or out of order) in:\n{text}");
            at = found + f.Length;
        }
    }

    public static int Row(FactSheet sheet, string name) => sheet.Evaluation.Indicators.ToList().FindIndex(i => i.Name.Trim() == name);
}
