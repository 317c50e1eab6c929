using System.Text.Json.Nodes;
using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Features.Evaluations;

namespace Assistant.Eval;

/// <summary>One labelled chat message: what the offline router should do with it.</summary>
internal sealed record ChatCaseResult(string Table, string Message, string Expected, string Got, bool Correct);

/// <summary>Explanations of every row that lost points: each has the stated reason or says none was given.</summary>
internal sealed record ExplanationRow(string Table, int Rows, int WithReasonOrFinding, int TraceMatchesCalculator);

/// <summary>
/// The offline intent router on <c>eval/cases/chat/*.json</c> (message → intent, section, indicators;
/// adding a case is adding a line), and the reviewer's explanation on every reference table.
/// </summary>
internal static class ChatEval
{
    public static IReadOnlyList<ChatCaseResult> Intents(string repo, string shared)
    {
        var results = new List<ChatCaseResult>();
        foreach (string file in Directory.GetFiles(Path.Combine(repo, "eval", "cases", "chat"), "*.json").Order(StringComparer.Ordinal))
        {
            JsonNode doc = JsonNode.Parse(File.ReadAllText(file))!;
            string table = (string)doc["table"]!;
            Evaluation e = EvaluationJson.Parse(File.ReadAllText(Path.Combine(shared, "reference", table + ".json")));
            foreach (JsonNode c in doc["cases"]!.AsArray().Select(n => n!))
            {
                string message = (string)c["message"]!;
                string expected = Describe((string)c["intent"]!, (string?)c["section"], c["indicators"]?.AsArray().Select(n => (int)n!).ToList());
                Intent got = IntentRouter.Route(message, e);
                bool checkIndicators = c["indicators"] is not null;
                string gotText = Describe(got.Kind.ToString().ToLowerInvariant(), got.Section, checkIndicators ? got.Indicators.ToList() : null);
                results.Add(new ChatCaseResult(table, message, expected, gotText, expected == gotText));
            }
        }

        return results;
    }

    public static IReadOnlyList<ExplanationRow> Explanations(string shared)
    {
        var rows = new List<ExplanationRow>();
        foreach (string file in Directory.GetFiles(Path.Combine(shared, "reference"), "*.json").Order(StringComparer.Ordinal))
        {
            FactSheet sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(file)));
            IReadOnlyList<int> shortRows = IndicatorExplainer.ShortRows(sheet);
            int withReason = 0, matches = 0;
            foreach (int i in shortRows)
            {
                IndicatorExplanation x = IndicatorExplainer.Explain(sheet, i);
                withReason += x.StatedReason is not null || x.ReasonFinding is not null ? 1 : 0;
                var r = sheet.Report.Indicators[i];
                matches += x.Trace.Score == r.Score && x.Trace.Completion == r.Completion && x.Trace.Computation == r.Trace ? 1 : 0;
            }

            rows.Add(new ExplanationRow(Path.GetFileNameWithoutExtension(file), shortRows.Count, withReason, matches));
        }

        return rows;
    }

    private static string Describe(string intent, string? section, List<int>? indicators) =>
        intent + (section is null ? string.Empty : ":" + section) + (indicators is null ? string.Empty : "[" + string.Join(',', indicators) + "]");
}
