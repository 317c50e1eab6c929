using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Testing;

// The quality table: calculator exactness on every case in eval/cases/calculator/, retrieval on eval/cases/retrieval/.
// Usage: dotnet run --project eval/Assistant.Eval [-- --shared DIR --out FILE]
string repo = RepoPaths.Repo;
string shared = ArgValue("--shared") ?? RepoPaths.Shared;
string output = ArgValue("--out") ?? Path.Combine(repo, "artifacts", "eval.json");
if (args.Contains("--generate-verifier-cases"))
{
    Assistant.Eval.VerifierEval.Generate(repo, shared);
    return 0;
}

if (args.Contains("--retrieval-only"))
{
    foreach (var r in await Assistant.Eval.RetrievalEval.RunAsync(repo, shared))
    {
        Console.WriteLine($"retrieval.{r.Mode}: recall@3 {r.RecallAt3}, MRR {r.Mrr}");
    }

    return 0;
}

if (args.Contains("--quality-only"))
{
    // The drafting-quality rubric alone (while working on the drafter).
    var only = await Assistant.Eval.DraftQualityEval.RunAsync(repo, shared);
    return only.Sum(q => q.Defects.Total) + only.Count(q => !q.Deterministic) == 0 ? 0 : 1;
}

if (args.Contains("--import-only"))
{
    foreach (var r in Assistant.Eval.ImportEval.Run(repo, shared))
    {
        Console.WriteLine($"| {r.Case} | {r.Format} | {r.Table} | {r.Cells} | {r.Exact} | {r.Unsure} | {r.Wrong} | {(r.ScoreMatches ? "yes" : "NO")} | {string.Join("; ", r.Differences.Take(8))}");
    }

    var printed = Assistant.Eval.ImportEval.Copies(repo);
    foreach (var c in printed)
    {
        Console.WriteLine($"| copies {c.Kind} | {c.Copies} | read {c.Read} | refused {c.Refused} | wrong {c.Wrong} {string.Join(", ", c.WrongCopies)}");
    }

    return printed.Sum(c => c.Wrong) == 0 ? 0 : 1;
}

if (args.Contains("--verifier-only"))
{
    // The verifier's rows alone (adversarial texts, whole reports, labelled reports) while working on the verifier.
    var texts = Assistant.Eval.VerifierEval.Run(repo, shared);
    _ = Assistant.Eval.ReportEval.Run(repo, shared);
    var hand = Assistant.Eval.LabelledEval.Run(repo, shared);
    Console.WriteLine($"verifier.texts {texts.Sum(v => v.Cases)}, judged right {texts.Sum(v => v.Correct)}; labelled contradicted precision {Assistant.Eval.LabelledEval.Precision(hand, "contradicted")}, recall {Assistant.Eval.LabelledEval.Recall(hand, "contradicted")}");
    return texts.Sum(v => v.Cases - v.Correct) == 0 ? 0 : 1;
}

if (args.Contains("--chat-only"))
{
    // Development loop for the chat: the chat rows only; --answers prints every answer as released.
    foreach (string set in new[] { "chat", "chat-heldout" })
    {
        var cases = Assistant.Eval.ChatEval.Intents(repo, shared, set);
        // Held-out cases are never looked at one by one while tuning: only their totals are printed here.
        // --heldout-misses lists the held-out misses once, for diagnosis in a report (never to tune the router on).
        bool show = set == "chat" || args.Contains("--heldout-misses");
        foreach (var c in cases.Where(c => show && (args.Contains("--answers") && set == "chat" || !c.Correct || c.FragmentsRight == false || c.Held > 0 || c.Repeats.Count > 0 || c.CountMismatches.Count > 0)))
        {
            Console.WriteLine($"[{set}] {(c.Correct ? "ok" : "MISS")} “{c.Message.Replace('\n', ' ')}” expected {c.Expected}, got {c.Got}{(c.Missing.Count > 0 && c.Answer is not null ? "; lacks " + string.Join("、", c.Missing) : "")}{(c.Held > 0 ? $"; {c.Held} held" : "")}{(c.Repeats.Count > 0 ? "; says twice " + string.Join(" | ", c.Repeats) : "")}{(c.CountMismatches.Count > 0 ? "; count ≠ list " + string.Join(" | ", c.CountMismatches) : "")}");
            if (args.Contains("--answers") && c.Answer is not null)
            {
                Console.WriteLine("    " + c.Answer.Replace("\n", "\n    ", StringComparison.Ordinal));
            }
        }

        Console.WriteLine($"{set}: {cases.Count} cases, intent {cases.Count(c => c.IntentRight)}, indicators {cases.Count(c => c.IndicatorsRight == true)}/{cases.Count(c => c.IndicatorsRight is not null)}, fragments {cases.Count(c => c.FragmentsRight == true)}/{cases.Count(c => c.FragmentsRight is not null)}, held {cases.Sum(c => c.Held)}, said twice {cases.Sum(c => c.Repeats.Count)}, count ≠ list {cases.Sum(c => c.CountMismatches.Count)}");
    }

    return 0;
}

var rows = new List<Row>();
foreach (string casePath in Directory.GetFiles(Path.Combine(repo, "eval", "cases", "calculator"), "*.json").Order(StringComparer.Ordinal))
{
    JsonNode c = JsonNode.Parse(File.ReadAllText(casePath))!;
    string table = (string)c["table"]!;
    Evaluation e = EvaluationJson.Parse(File.ReadAllText(Path.Combine(shared, "reference", table + ".json")));
    ScoreReport report = Calculator.Score(e);

    // Every printed 执行率, 资金得分 and 得分 against the computed value at its printed precision.
    int printed = 0, reproduced = 0;
    for (int i = 0; i < e.Funds.Lines.Count; i++)
    {
        if (e.Funds.Lines[i].PrintedRate is { } pr && report.Funds[i].Rate is { } rate)
        {
            printed++;
            reproduced += PrintedNumber.RoundHalfUp(rate * 100m, pr.Decimals) == pr.Value ? 1 : 0;
        }

        if (e.Funds.Lines[i].PrintedScore is { } ps && report.Funds[i].Score is { } fs)
        {
            printed++;
            reproduced += PrintedNumber.RoundHalfUp(fs, ps.Decimals) == ps.Value ? 1 : 0;
        }
    }

    for (int i = 0; i < e.Indicators.Count; i++)
    {
        if (e.Indicators[i].PrintedScore is { } ps && report.Indicators[i].Score is { } s)
        {
            printed++;
            reproduced += PrintedNumber.RoundHalfUp(s, ps.Decimals) == ps.Value ? 1 : 0;
        }
    }

    // Printed values that are known wrong are expected as findings, so they count as reproduced when reported.
    var expected = c["findings"]!.AsArray().Select(n => (string)n!).ToHashSet(StringComparer.Ordinal);
    var found = report.Findings.Select(f => $"{f.Severity.ToContract()} {f.Code} {f.Path}").ToHashSet(StringComparer.Ordinal);
    int knownWrongReported = report.Findings.Count(f => f.Code is FindingCodes.FundsRatePrinted or FindingCodes.FundsScorePrinted or FindingCodes.IndicatorScorePrinted
        && expected.Contains($"{f.Severity.ToContract()} {f.Code} {f.Path}"));
    string? expectedTotal = (string?)c["total"];
    string? total = report.TotalRounded is { } t ? PrintedNumber.Format(t, 2) : null;
    rows.Add(new Row(
        table, printed, reproduced + knownWrongReported,
        expectedTotal == total,
        expected.Count, expected.Count(found.Contains),
        found.Where(f => f.StartsWith("error ", StringComparison.Ordinal) && !expected.Contains(f)).ToList(),
        expected.Where(x => !found.Contains(x)).ToList()));
}

decimal printedShare = Ratio(rows.Sum(r => r.Reproduced), rows.Sum(r => r.Printed));
decimal totals = Ratio(rows.Count(r => r.TotalOk), rows.Count);
decimal recall = Ratio(rows.Sum(r => r.FindingsFound), rows.Sum(r => r.FindingsExpected));
int unexpectedErrors = rows.Sum(r => r.UnexpectedErrors.Count);

Console.WriteLine("| table | printed numbers reproduced | total | expected findings found | unexpected errors |");
Console.WriteLine("|---|---|---|---|---|");
foreach (Row r in rows)
{
    Console.WriteLine($"| {r.Table} | {r.Reproduced}/{r.Printed} | {(r.TotalOk ? "ok" : "WRONG")} | {r.FindingsFound}/{r.FindingsExpected} | {r.UnexpectedErrors.Count} |");
    foreach (string missing in r.Missing)
    {
        Console.WriteLine($"|   missing: {missing} | | | | |");
    }

    foreach (string extra in r.UnexpectedErrors)
    {
        Console.WriteLine($"|   unexpected: {extra} | | | | |");
    }
}

var metrics = new SortedDictionary<string, decimal>(StringComparer.Ordinal)
{
    ["calculator.printedReproduced"] = printedShare,
    ["calculator.totalsReproduced"] = totals,
    ["calculator.findingRecall"] = recall,
    ["calculator.unexpectedErrors"] = unexpectedErrors,
};

var verifier = Assistant.Eval.VerifierEval.Run(repo, shared);
var injected = verifier.Where(v => v.Kind != "clean").ToList();
metrics["verifier.injectedRecall"] = Ratio(injected.Sum(v => v.Correct), injected.Sum(v => v.Cases));
metrics["verifier.unexpectedFalseAlarms"] = verifier.Where(v => v.Kind == "clean").Sum(v => v.Cases - v.Correct);
metrics["verifier.texts"] = verifier.Sum(v => v.Cases);
var reports = Assistant.Eval.ReportEval.Run(repo, shared);
metrics["verifier.reportContradictionRecall"] = Ratio(reports.Sum(r => r.FoundClaims), reports.Sum(r => r.ExpectedClaims));
metrics["verifier.reportUnexplainedRecall"] = Ratio(reports.Sum(r => r.FoundUnexplained), reports.Sum(r => r.ExpectedUnexplained));

var labelled = Assistant.Eval.LabelledEval.Run(repo, shared);
metrics["verifier.labelled.numbers"] = labelled.Sum(r => r.Numbers);
metrics["verifier.labelled.unexpectedUnlabelled"] = labelled.Sum(r => r.Unlabelled);
metrics["verifier.labelled.contradictedPrecision"] = Assistant.Eval.LabelledEval.Precision(labelled, "contradicted");
metrics["verifier.labelled.contradictedRecall"] = Assistant.Eval.LabelledEval.Recall(labelled, "contradicted");
metrics["verifier.labelled.unverifiedPrecision"] = Assistant.Eval.LabelledEval.Precision(labelled, "unverified");
metrics["verifier.labelled.unverifiedRecall"] = Assistant.Eval.LabelledEval.Recall(labelled, "unverified");
metrics["verifier.labelled.outOfScopePrecision"] = Assistant.Eval.LabelledEval.Precision(labelled, "out-of-scope");
metrics["verifier.labelled.outOfScopeRecall"] = Assistant.Eval.LabelledEval.Recall(labelled, "out-of-scope");

var retrieval = await Assistant.Eval.RetrievalEval.RunAsync(repo, shared);
foreach (var r in retrieval)
{
    metrics[$"retrieval.{r.Mode}.recallAt3"] = r.RecallAt3;
    metrics[$"retrieval.{r.Mode}.mrr"] = r.Mrr;
}
var drafting = await Assistant.Eval.DraftingEval.RunAsync(repo, shared);
foreach (var group in drafting.GroupBy(d => d.Provider))
{
    metrics[$"drafting.{group.Key}.coverage"] = Ratio(group.Sum(d => d.Covered), group.Sum(d => d.Items));
    metrics[$"drafting.{group.Key}.citedShare"] = Ratio(group.Sum(d => d.Cited), group.Sum(d => d.ItemParagraphs));
    metrics[$"drafting.{group.Key}.unexpectedUnverified"] = group.Sum(d => d.Unverified);
    metrics[$"drafting.{group.Key}.unexpectedMasked"] = group.Sum(d => d.Masked);
    metrics[$"drafting.{group.Key}.unexpectedRepeatedReasons"] = group.Sum(d => d.RepeatedReasons);
    metrics[$"drafting.{group.Key}.verifiedDrafts"] = Ratio(group.Count(d => d.Status == "verified"), group.Count());
}

var wholeReport = await Assistant.Eval.WholeReportEval.RunAsync(repo, shared);
foreach (var group in wholeReport.GroupBy(d => d.Provider))
{
    foreach (var part in group.GroupBy(d => d.Part))
    {
        metrics[$"report.{group.Key}.{part.Key}.itemsNamed"] = Ratio(part.Sum(d => d.Covered), part.Sum(d => d.Items));
        metrics[$"report.{group.Key}.{part.Key}.numbersVerified"] = Ratio(part.Sum(d => d.Verified), part.Sum(d => d.Numbers));
    }

    metrics[$"report.{group.Key}.unexpectedUnverified"] = group.Sum(d => d.Unverified);
    metrics[$"report.{group.Key}.unexpectedMasked"] = group.Sum(d => d.Masked);
    metrics[$"report.{group.Key}.unexpectedUnsubmittable"] = group.Count(d => !d.Submittable);
    metrics[$"report.{group.Key}.unexpectedRepeatedSentences"] = group.Sum(d => d.RepeatedSentences);
    metrics[$"report.{group.Key}.citedParts"] = group.Count(d => d.Cited > 0);
    metrics[$"report.{group.Key}.verifiedParts"] = Ratio(group.Count(d => d.Status == "verified"), group.Count());
}

var quality = await Assistant.Eval.DraftQualityEval.RunAsync(repo, shared);
metrics["quality.adversarialCases"] = quality.Count(q => q.Provider == "offline" && !q.Case.StartsWith("reference/", StringComparison.Ordinal));
foreach (var group in quality.GroupBy(q => q.Provider))
{
    string p = group.Key;
    metrics[$"quality.{p}.drafts"] = group.Count();
    metrics[$"quality.{p}.unexpectedKindMismatch"] = group.Sum(q => q.Defects.KindMismatch);
    metrics[$"quality.{p}.unexpectedForeignSubjects"] = group.Sum(q => q.Defects.ForeignSubjects);
    metrics[$"quality.{p}.unexpectedDanglingLeadIns"] = group.Sum(q => q.Defects.DanglingLeadIns);
    metrics[$"quality.{p}.unexpectedNotesInText"] = group.Sum(q => q.Defects.NotesInText);
    metrics[$"quality.{p}.unexpectedRepeatedSentences"] = group.Sum(q => q.Defects.RepeatedSentences);
    metrics[$"quality.{p}.unexpectedSelfCitations"] = group.Sum(q => q.Defects.SelfCitations);
    metrics[$"quality.{p}.unexpectedLargestGapUncovered"] = group.Sum(q => q.Defects.LargestGapUncovered);
    metrics[$"quality.{p}.unexpectedWeakReasonsUnflagged"] = group.Sum(q => q.Defects.WeakReasonsUnflagged);
    metrics[$"quality.{p}.unexpectedGuessedCauses"] = group.Sum(q => q.Defects.GuessedCauses);
    metrics[$"quality.{p}.unexpectedMismatchedMeasures"] = group.Sum(q => q.Defects.MismatchedMeasures);
    metrics[$"quality.{p}.unexpectedNondeterministic"] = group.Count(q => !q.Deterministic);
    metrics[$"quality.{p}.verifiedDrafts"] = Ratio(group.Count(q => q.Status == "verified"), group.Count());
}

var chat = new List<Assistant.Eval.ChatCaseResult>();
foreach (string set in new[] { "chat", "chat-heldout" })
{
    var cases = Assistant.Eval.ChatEval.Intents(repo, shared, set);
    chat.AddRange(cases);
    string key = set == "chat" ? "dev" : "heldout";
    Console.WriteLine();
    Console.WriteLine($"| chat cases ({set}) | n | intent right | indicators right | answers with every fragment |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var g in cases.GroupBy(c => c.Expected.Split(':', '[', '/')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"| {g.Key} | {g.Count()} | {g.Count(c => c.IntentRight)} | {g.Count(c => c.IndicatorsRight == true)}/{g.Count(c => c.IndicatorsRight is not null)} | {g.Count(c => c.FragmentsRight == true)}/{g.Count(c => c.FragmentsRight is not null)} |");
    }

    foreach (var miss in cases.Where(c => !c.Correct || c.FragmentsRight == false || c.Held > 0 || c.Repeats.Count > 0))
    {
        Console.WriteLine($"  missed: “{miss.Message.Replace('\n', ' ')}” expected {miss.Expected}, got {miss.Got}{(miss.Missing.Count > 0 && miss.Answer is not null ? "; answer lacks " + string.Join("、", miss.Missing) : "")}{(miss.Held > 0 ? $"; {miss.Held} held" : "")}{(miss.Repeats.Count > 0 ? "; says twice " + string.Join(" | ", miss.Repeats) : "")}{(miss.CountMismatches.Count > 0 ? "; count ≠ list " + string.Join(" | ", miss.CountMismatches) : "")}");
    }

    metrics[$"chat.{key}.cases"] = cases.Count;
    metrics[$"chat.{key}.intentAccuracy"] = Ratio(cases.Count(c => c.IntentRight), cases.Count);
    metrics[$"chat.{key}.indicatorAccuracy"] = Ratio(cases.Count(c => c.IndicatorsRight == true), cases.Count(c => c.IndicatorsRight is not null));
    metrics[$"chat.{key}.fragmentAccuracy"] = Ratio(cases.Count(c => c.FragmentsRight == true), cases.Count(c => c.FragmentsRight is not null));
    metrics[$"chat.{key}.unexpectedHeld"] = cases.Sum(c => c.Held);
    metrics[$"chat.{key}.unexpectedRepeats"] = cases.Sum(c => c.Repeats.Count); // session 40: a sentence or a quoted reason said twice
    metrics[$"chat.{key}.unexpectedCountMismatches"] = cases.Sum(c => c.CountMismatches.Count); // session 41: 有N项 followed by another number of items
}

var explanations = Assistant.Eval.ChatEval.Explanations(shared);
metrics["explanation.rows"] = explanations.Sum(x => x.Rows);
metrics["explanation.reasonOrFinding"] = Ratio(explanations.Sum(x => x.WithReasonOrFinding), explanations.Sum(x => x.Rows));
metrics["explanation.traceMatchesCalculator"] = Ratio(explanations.Sum(x => x.TraceMatchesCalculator), explanations.Sum(x => x.Rows));

var imports = Assistant.Eval.ImportEval.Run(repo, shared);
Console.WriteLine();
Console.WriteLine("| import case | format | table | cells | read exactly | unsure | wrong | score as expected |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var r in imports)
{
    Console.WriteLine($"| {r.Case} | {r.Format} | {r.Table} | {r.Cells} | {r.Exact} | {r.Unsure} | {r.Wrong} | {(r.ScoreMatches ? "yes" : "NO")} |");
    foreach (string d in r.Differences.Take(5))
    {
        Console.WriteLine($"|  | | | {d} | | | | |");
    }
}

metrics["import.cells"] = imports.Sum(r => r.Cells);
metrics["import.exactShare"] = Ratio(imports.Sum(r => r.Exact), imports.Sum(r => r.Cells));
metrics["import.unexpectedUnsureShare"] = Ratio(imports.Sum(r => r.Unsure), imports.Sum(r => r.Cells));
metrics["import.unexpectedWrongCells"] = imports.Sum(r => r.Wrong);
metrics["import.scoresAsExpected"] = Ratio(imports.Count(r => r.ScoreMatches), imports.Count);

var copies = Assistant.Eval.ImportEval.Copies(repo);
Console.WriteLine();
Console.WriteLine("| printed copies, kind | copies | read cell for cell | refused with what to do | read wrong |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var c in copies)
{
    Console.WriteLine($"| {c.Kind} | {c.Copies} | {c.Read} | {c.Refused} | {c.Wrong}{(c.Wrong > 0 ? " (" + string.Join(", ", c.WrongCopies.Take(5)) + ")" : string.Empty)} |");
}

metrics["import.printedCopies"] = copies.Sum(c => c.Copies);
metrics["import.printedCopies.read"] = copies.Sum(c => c.Read);
metrics["import.printedCopies.unexpectedWrong"] = copies.Sum(c => c.Wrong);

Console.WriteLine();
Console.WriteLine("| metric | value | floor |");
Console.WriteLine("|---|---|---|");
JsonNode floors = JsonNode.Parse(File.ReadAllText(Path.Combine(repo, "eval", "floors.json")))!;
var failures = new List<string>();
foreach ((string name, decimal value) in metrics)
{
    decimal? floor = floors[name] is { } f ? f.GetValue<decimal>() : null;
    // "unexpected…" metrics are ceilings; the rest are floors.
    bool lowerIsBetter = name.Contains("unexpected", StringComparison.Ordinal) || name.Contains("FalseAlarm", StringComparison.Ordinal);
    if (floor is { } fl && (lowerIsBetter ? value > fl : value < fl))
    {
        failures.Add($"{name} = {value.ToString(CultureInfo.InvariantCulture)} (floor {fl.ToString(CultureInfo.InvariantCulture)})");
    }

    Console.WriteLine($"| {name} | {value.ToString("0.####", CultureInfo.InvariantCulture)} | {floor?.ToString(CultureInfo.InvariantCulture) ?? "—"} |");
}

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
File.WriteAllText(output, JsonSerializer.Serialize(new { metrics, rows, verifier, reports, labelled = labelled.Select(l => new { l.Report, l.Numbers, l.Unlabelled, l.Disagreements }), retrieval, drafting, quality, wholeReport, chat, explanations, imports }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
if (failures.Count > 0)
{
    Console.Error.WriteLine("eval below floor: " + string.Join("; ", failures));
    return 1;
}

return 0;

static decimal Ratio(int a, int b) => b == 0 ? 1m : decimal.Round((decimal)a / b, 4);

string? ArgValue(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

internal sealed record Row(string Table, int Printed, int Reproduced, bool TotalOk, int FindingsExpected, int FindingsFound, List<string> UnexpectedErrors, List<string> Missing);
