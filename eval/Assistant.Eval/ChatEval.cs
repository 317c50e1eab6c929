using System.Text.Json.Nodes;
using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Reporting;
using Assistant.Domain.Verification;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Features.Evaluations;

namespace Assistant.Eval;

/// <summary>One labelled chat message: what the offline assistant did with it and whether its answer holds what it must.</summary>
internal sealed record ChatCaseResult(string Set, string Table, string Message, string Expected, string Got, bool IntentRight, bool? IndicatorsRight,
    bool? FragmentsRight, IReadOnlyList<string> Missing, int Held, string? Answer)
{
    /// <summary>What a later part of a compound answer says again of an earlier part: a sentence, or a quoted reason (<see cref="AnswerRepeats.Across"/>).</summary>
    public IReadOnlyList<string> Repeats { get; init; } = [];

    /// <summary>Counted lists whose items are not as many as the count (有4项： then 3 items: <see cref="AnswerCounts.Mismatches"/>).</summary>
    public IReadOnlyList<string> CountMismatches { get; init; } = [];

    public bool Correct => IntentRight && IndicatorsRight != false;
}

/// <summary>Explanations of every row that lost points: each has the stated reason or says none was given.</summary>
internal sealed record ExplanationRow(string Table, int Rows, int WithReasonOrFinding, int TraceMatchesCalculator);

/// <summary>
/// The offline assistant on <c>eval/cases/chat/*.json</c> (development) and <c>eval/cases/chat-heldout/*.json</c>
/// (written before the router, never tuned on): intent (and part, section, format), indicators, and the
/// fragments the answer must contain, the answer composed from the table and released through the
/// sentence gate (held numbers are counted). Parts 一/二/四/五 are composed as the report service does offline
/// and answered as stored; export answers carry a stored evaluation's links. Answers that need the corpus or
/// storage (drafting part 三 or the whole report, similar cases) are checked for intent and indicators only.
/// </summary>
internal static class ChatEval
{
    public static IReadOnlyList<ChatCaseResult> Intents(string repo, string shared, string set)
    {
        var results = new List<ChatCaseResult>();
        string dir = Path.Combine(repo, "eval", "cases", set);
        if (!Directory.Exists(dir))
        {
            return results;
        }

        foreach (string file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            JsonNode doc = JsonNode.Parse(File.ReadAllText(file))!;
            string table = (string)doc["table"]!;
            string own = Path.Combine(dir, "tables", table + ".json"); // tables written for the eval (other provinces and sectors)
            Evaluation e = EvaluationJson.Parse(File.ReadAllText(File.Exists(own) ? own : Path.Combine(shared, "reference", table + ".json")));
            FactSheet sheet = FactSheet.Build(e);
            foreach (JsonNode c in doc["cases"]!.AsArray().Select(n => n!))
            {
                results.Add(Run(set, table, sheet, c));
            }
        }

        return results;
    }

    private static ChatCaseResult Run(string set, string table, FactSheet sheet, JsonNode c)
    {
        string message = (string)c["message"]!;
        var intents = c["intent"] is JsonArray a ? a.Select(n => (string)n!).ToList() : [(string)c["intent"]!];
        string? part = (string?)c["part"], section = (string?)c["section"], format = (string?)c["format"];
        var indicators = c["indicators"]?.AsArray().Select(n => (int)n!).Order().ToList();
        var fragments = c["fragments"]?.AsArray().Select(n => (string)n!).ToList() ?? [];

        Intent got = IntentRouter.Route(message, sheet, (string?)c["previous"]);
        // A compound question (执行率多少？哪些指标没完成？): every part routed and answered; "parts" lists the intents expected, in order.
        var all = IntentRouter.RouteAll(message, sheet, (string?)c["previous"]);
        var parts = c["parts"]?.AsArray().Select(n => (string)n!).ToList();
        if (all.Count > 1)
        {
            got = all[0];
        }

        string kind = got.Kind.ToString().ToLowerInvariant();
        bool intentRight = intents.Contains(kind)
            && (part is null || got.Part == part)
            && (section is null || got.Section == section)
            && (format is null || got.Format == format);
        bool? indicatorsRight = indicators is null ? null : got.Indicators.Order().SequenceEqual(indicators);

        // A question across units: which one (missing, boilerplate, shortfalls, execution…) and the reviewer's threshold.
        string? across = (string?)c["across"];
        decimal? threshold = c["threshold"] is JsonNode t ? (decimal)t : null;
        intentRight = intentRight && (across is null || got.Across?.Kind == across) && (threshold is null || got.Across?.Threshold == threshold);

        // A single question keeps its intent check as before; a compound one is right when its parts are those expected.
        if (parts is not null)
        {
            intentRight = all.Select(i => i.Kind.ToString().ToLowerInvariant()).SequenceEqual(parts);
        }
        else if (all.Count > 1)
        {
            intentRight = false; // a question read as two: the case says which ("parts") when that is right
        }

        OfflineAnswer? answer = OfflineAnswers.Combine(all.Select(i => Answer(i, sheet)).ToList());
        string? text = null;
        int held = 0;
        if (answer is not null)
        {
            var gate = new SentenceGate(sheet);
            gate.AddFacts(answer.TurnFacts);
            var released = gate.Push(answer.Text).Concat(gate.Flush()).ToList();
            held = released.Sum(s => s.Held.Count);
            text = gate.Released;
        }

        var missing = text is null ? fragments : fragments.Where(f => !Fold(text).Contains(Fold(f), StringComparison.Ordinal)).ToList();
        bool? fragmentsRight = fragments.Count == 0 || text is null ? null : missing.Count == 0;
        string expected = (parts is null ? "" : "[" + string.Join("+", parts) + "] ") + string.Join('|', intents) + (across is null ? "" : "(" + across + (threshold is null ? "" : " " + threshold) + ")") + (part is null ? "" : ":" + part) + (section is null ? "" : "/" + section) + (indicators is null ? "" : "[" + string.Join(',', indicators) + "]");
        string gotText = (all.Count > 1 ? "[" + string.Join("+", all.Select(i => i.Kind.ToString().ToLowerInvariant() + (i.Topic is null ? "" : "/" + i.Topic))) + "] " : "") + kind + (got.Across is { } gotAcross ? "(" + gotAcross.Kind + (gotAcross.Threshold is null ? "" : " " + gotAcross.Threshold) + ")" : "") + (got.Part is null ? "" : ":" + got.Part) + (got.Section is null ? "" : "/" + got.Section) + "[" + string.Join(',', got.Indicators) + "]";
        var partAnswers = all.Select(i => Answer(i, sheet)).ToList();
        var names = sheet.Evaluation.Indicators.Select(x => x.Name.Trim()).Concat(sheet.Evaluation.Funds.Lines.Select(l => l.Name.Trim()));
        IReadOnlyList<string> repeats = all.Count > 1 && answer is not null ? AnswerRepeats.Across(PartTexts(sheet, partAnswers), names) : [];
        IReadOnlyList<string> counts = text is null ? [] : AnswerCounts.Mismatches(text, sheet.Evaluation.Funds.Lines.Select(l => l.Name.Trim()));
        return new ChatCaseResult(set, table, message, expected, gotText, intentRight, indicatorsRight, fragmentsRight, missing, held, text) { Repeats = repeats, CountMismatches = counts };
    }

    /// <summary>Each part's text as the combined answer releases it (a line an earlier part said is cut from a later one by the combination).</summary>
    private static List<string> PartTexts(FactSheet sheet, IReadOnlyList<OfflineAnswer?> answers)
    {
        var texts = new List<string>();
        string before = string.Empty;
        for (int k = 1; k <= answers.Count; k++)
        {
            if (OfflineAnswers.Combine(answers.Take(k)) is not { } combined)
            {
                continue;
            }

            var gate = new SentenceGate(sheet);
            gate.AddFacts(combined.TurnFacts);
            _ = gate.Push(combined.Text).Concat(gate.Flush()).ToList();
            string released = gate.Released;
            texts.Add(released.StartsWith(before, StringComparison.Ordinal) ? released[before.Length..] : released);
            before = released;
        }

        return texts;
    }

    private static OfflineAnswer? Answer(Intent got, FactSheet sheet) => got.Kind switch
    {
        IntentKind.Draft when got.Part is "一" or "二" or "四" or "五" => PartAnswer(got.Part, sheet),
        IntentKind.Export => ReportAnswers.Export(sheet, got.Format, new ExportLinks($"{SampleRoot}/report.docx", $"{SampleRoot}/table.xlsx")),
        _ => OfflineAnswers.FromTable(got, sheet),
    };

    /// <summary>A stored evaluation's address, for the export answers.</summary>
    private const string SampleRoot = "/api/v1/evaluations/01937a3c-5b2e-7d40-9f1a-2c3d4e5f6a7b";

    /// <summary>
    /// A part drafted as the report service drafts it offline without precedents (composed from the facts,
    /// rendered, notes moved out, verified against the report's facts), answered as stored as version 1.
    /// </summary>
    private static OfflineAnswer PartAnswer(string numeral, FactSheet sheet)
    {
        ReportPartInfo info = ReportParts.Find(numeral)!;
        FactSheet report = ReportFacts.Extend(sheet);
        ComposedPart composed = ReportComposer.Compose(info.Key, report, [], TableAnswers.PolicyOf(sheet));
        string rendered = DraftText.Render(composed.Draft, report, 0).Text;
        (string clean, var moved) = ReportText.Clean(rendered, info.Numeral);
        if (!clean.StartsWith(info.Heading, StringComparison.Ordinal))
        {
            clean = info.Heading + "\n" + clean;
        }

        bool verified = Verifier.Verify(report, clean).IsClean;
        return ReportAnswers.Drafted(sheet, new DraftedPart(numeral, info.Heading, clean, verified, composed.Notes.Count + moved.Count, 1, null));
    }

    private static string Fold(string s) => Assistant.Domain.Numbers.TextNormalizer.Normalize(s).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

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
}
