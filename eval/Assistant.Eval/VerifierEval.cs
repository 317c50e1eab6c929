using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;

namespace Assistant.Eval;

/// <summary>
/// The verifier's adversarial set: texts about the five reference tables, clean or with one injected
/// error each (a wrong digit, another indicator's number, a wrong unit or magnitude, a wrong rounding,
/// a wrong derived percentage, a false 超额完成/未完成 claim). Cases are plain files in
/// eval/cases/verifier/ (written once by <c>--generate-verifier-cases</c>, then reviewed and kept):
/// a clean text must come back clean; an injected one must have the injected span flagged.
/// </summary>
internal static class VerifierEval
{
    /// <summary>
    /// One text. <c>Table</c> is a reference table's name in shared/reference, or a path under eval/ (tables of
    /// other provinces kept beside the cases). <c>Expect</c>, when set, is the verdict the span <c>Injected</c>
    /// must get (verified, out-of-scope, contradicted…; a claim's verdict when the span is a claim); a "clean"
    /// text with an <c>Expect</c> need only have nothing contradicted (a true sentence the table cannot confirm
    /// may stay unverified, never be flagged as wrong).
    /// </summary>
    public sealed record Case(string Id, string Table, string Kind, string Text, string? Injected, int? At, string? Note, string? Expect = null);

    public sealed record Result(string Kind, int Cases, int Correct, List<string> Failures);

    // ------------------------------------------------------------------ judging

    public static List<Result> Run(string repo, string shared)
    {
        var cases = new List<Case>();
        foreach (var path in Directory.GetFiles(Path.Combine(repo, "eval", "cases", "verifier"), "*.json").Order(StringComparer.Ordinal))
        {
            cases.AddRange(JsonSerializer.Deserialize<List<Case>>(File.ReadAllText(path), Json)!);
        }

        var sheets = new Dictionary<string, FactSheet>(StringComparer.Ordinal);
        var byKind = new SortedDictionary<string, (int Cases, int Correct, List<string> Failures)>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            if (!sheets.TryGetValue(c.Table, out var sheet))
            {
                string table = c.Table.StartsWith("eval/", StringComparison.Ordinal) ? Path.Combine(repo, c.Table) : Path.Combine(shared, "reference", c.Table + ".json");
                sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(table)));
                sheets[c.Table] = sheet;
            }

            var report = Verifier.Verify(sheet, c.Text);
            bool correct;
            string detail;
            if (c.Expect is { } expect)
            {
                (correct, detail) = Expected(c, report, expect);
            }
            else if (c.Kind == "clean")
            {
                correct = report.IsClean;
                detail = string.Join("; ", report.Mentions.Where(m => m.Verdict is Verdict.Unverified or Verdict.Contradicted)
                    .Select(m => $"{m.Mention.Text}={m.Verdict}")
                    .Concat(report.Claims.Where(x => x.Verdict == Verdict.Contradicted).Select(x => $"{x.Text}=claim contradicted")));
            }
            else
            {
                int at = c.At ?? c.Text.IndexOf(c.Injected!, StringComparison.Ordinal);
                int end = at + c.Injected!.Length;
                bool Overlaps(int start, int length) => start < end && start + length > at;
                correct = report.Mentions.Any(m => Overlaps(m.Mention.Start, m.Mention.Length) && m.Verdict is Verdict.Unverified or Verdict.Contradicted)
                    || report.Claims.Any(x => Overlaps(x.Start, x.Length) && x.Verdict == Verdict.Contradicted);
                detail = string.Join("; ", report.Mentions.Where(m => Overlaps(m.Mention.Start, m.Mention.Length)).Select(m => $"{m.Mention.Text}={m.Verdict}({m.FactId})")
                    .Concat(report.Claims.Where(x => Overlaps(x.Start, x.Length)).Select(x => $"{x.Text}={x.Verdict}")));
            }

            var entry = byKind.GetValueOrDefault(c.Kind, (Cases: 0, Correct: 0, Failures: new List<string>()));
            entry.Cases++;
            if (correct)
            {
                entry.Correct++;
            }
            else
            {
                entry.Failures.Add($"{c.Id}: «{c.Injected ?? c.Text[..Math.Min(40, c.Text.Length)]}» → {detail}");
            }

            byKind[c.Kind] = entry;
        }

        var results = byKind.Select(k => new Result(k.Key, k.Value.Cases, k.Value.Correct, k.Value.Failures)).ToList();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Verifier: {cases.Count} texts over {sheets.Count} reference tables"));
        Console.WriteLine("| texts | n | judged right | meaning |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Kind} | {r.Cases} | {r.Correct} | {(r.Kind == "clean" ? "came back clean (no false alarm)" : "injected error flagged")} |"));
        }

        foreach (var r in results)
        {
            foreach (var f in r.Failures)
            {
                Console.WriteLine($"|   {r.Kind} missed: {f} | | | |");
            }
        }

        return results;
    }

    /// <summary>The span's verdict is the expected one, and a clean text has nothing contradicted anywhere.</summary>
    private static (bool Correct, string Detail) Expected(Case c, VerificationReport report, string expect)
    {
        int at = c.At ?? c.Text.IndexOf(c.Injected!, StringComparison.Ordinal);
        int end = at + c.Injected!.Length;
        bool Overlaps(int start, int length) => start < end && start + length > at;
        var verdicts = report.Mentions.Where(m => Overlaps(m.Mention.Start, m.Mention.Length)).Select(m => (m.Mention.Text, V: LabelledEval.Name(m.Verdict), m.FactId))
            .Concat(report.Claims.Where(x => Overlaps(x.Start, x.Length)).Select(x => (x.Text, V: LabelledEval.Name(x.Verdict), x.FactId))).ToList();
        bool contradictedElsewhere = c.Kind == "clean" && (report.Summary.Contradicted > 0 || report.Summary.ClaimsContradicted > 0)
            && !(expect == "contradicted");
        bool correct = verdicts.Count > 0 && verdicts.All(v => v.V == expect) && !contradictedElsewhere;
        string detail = string.Join("; ", verdicts.Select(v => $"{v.Text}={v.V}({v.FactId})"))
            + (contradictedElsewhere ? "; contradicted: " + string.Join("、", report.Mentions.Where(m => m.Verdict == Verdict.Contradicted).Select(m => m.Mention.Text)
                .Concat(report.Claims.Where(x => x.Verdict == Verdict.Contradicted).Select(x => x.Text))) : string.Empty);
        return (correct, detail);
    }

    // ------------------------------------------------------------------ generating

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Sentence(string Text, Func<string, (string Text, string Injected, int At, string Note)?>[] Mutations, string[] Kinds);

    /// <summary>Writes eval/cases/verifier/{table}.json for every reference table.</summary>
    public static void Generate(string repo, string shared)
    {
        var dir = Path.Combine(repo, "eval", "cases", "verifier");
        Directory.CreateDirectory(dir);
        string[] kinds = ["wrong-digit", "swapped-indicator", "wrong-unit", "wrong-rounding", "wrong-derived", "false-claim"];
        foreach (var file in Directory.GetFiles(Path.Combine(shared, "reference"), "*.json").Order(StringComparer.Ordinal))
        {
            var table = Path.GetFileNameWithoutExtension(file);
            var sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(file)));
            var sentences = Sentences(sheet);
            var cases = new List<Case>();

            // Clean texts: the sentences in groups of four.
            for (int g = 0; g * 4 < sentences.Count; g++)
            {
                var text = string.Concat(sentences.Skip(g * 4).Take(4).Select(s => s.Text));
                cases.Add(new Case($"{table}/clean-{g + 1}", table, "clean", text, null, null, null));
            }

            // One injected error per text, kinds in rotation over the sentences that allow them.
            int k = 0;
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < sentences.Count; i++)
                {
                    var kind = kinds[(k + i + round) % kinds.Length];
                    int slot = Array.IndexOf(sentences[i].Kinds, kind);
                    if (slot < 0 || sentences[i].Mutations[slot](sentences[i].Text) is not { } mutated)
                    {
                        continue;
                    }

                    // The mutated sentence in the context of its neighbours.
                    int group = i / 4;
                    var parts = sentences.Skip(group * 4).Take(4).Select(s => s.Text).ToList();
                    parts[i - group * 4] = mutated.Text;
                    int at = string.Concat(parts.Take(i - group * 4)).Length + mutated.At;
                    var id = $"{table}/{kind}-{i + 1}";
                    if (cases.Any(c => c.Id == id))
                    {
                        continue;
                    }

                    cases.Add(new Case(id, table, kind, string.Concat(parts), mutated.Injected, at, mutated.Note));
                }

                k++;
            }

            File.WriteAllText(Path.Combine(dir, table + ".json"), JsonSerializer.Serialize(cases, Json) + "\n");
            Console.WriteLine($"{table}: {cases.Count} cases");
        }
    }

    private static List<Sentence> Sentences(FactSheet sheet)
    {
        var c = CultureInfo.InvariantCulture;
        var list = new List<Sentence>();
        var e = sheet.Evaluation;
        for (int i = 0; i < e.Funds.Lines.Count; i++)
        {
            var budget = sheet.Find($"funds.lines[{i}].budget");
            var executed = sheet.Find($"funds.lines[{i}].executed");
            var rate = sheet.Find($"funds.lines[{i}].rate");
            if (budget is null || executed is null || rate is null || budget.Value == 0)
            {
                continue;
            }

            var name = e.Funds.Lines[i].Name;
            var ex = executed.Text;
            var rt = rate.Text;
            var text = $"{name}全年预算数{budget.Text}，全年执行数{ex}，执行率{rt}。";
            list.Add(new Sentence(text,
            [
                s => Replace(s, ex, WrongDigit(executed), "执行数改了一位数字"),
                s => Replace(s, rt, PrintedNumber.Format(100m - rate.Value, 2) + "%", "把未执行比例写成执行率"),
                s => Replace(s, ex, PrintedNumber.Format(executed.Value, executed.Decimals) + "元", "万元写成元"),
            ], ["wrong-digit", "wrong-derived", "wrong-unit"]));
        }

        var numeric = new List<(int Index, Fact Target, Fact Actual, Fact Completion)>();
        for (int i = 0; i < e.Indicators.Count; i++)
        {
            if (sheet.Find($"indicators[{i}].target") is { } t && sheet.Find($"indicators[{i}].actual") is { } a
                && sheet.Find($"indicators[{i}].completion") is { } comp && t.Value != 0 && a.Value != t.Value)
            {
                numeric.Add((i, t, a, comp));
            }
        }

        foreach (var (i, t, a, comp) in numeric)
        {
            var name = e.Indicators[i].Name;
            var status = sheet.Report.Indicators[i].Status;
            if (status is not (Domain.Scoring.IndicatorStatus.Short or Domain.Scoring.IndicatorStatus.Met or Domain.Scoring.IndicatorStatus.Exceeded))
            {
                continue;
            }

            bool short_ = status == Domain.Scoring.IndicatorStatus.Short;
            var claim = short_ ? "未完成年度目标" : status == Domain.Scoring.IndicatorStatus.Exceeded ? "超额完成年度目标" : "完成年度目标";
            var actual = a.Text;
            var completion = comp.Text;
            var text = $"{name}年度指标值{t.Text}，实际完成{actual}，完成率{completion}，{claim}。";
            var other = numeric.FirstOrDefault(o => o.Index != i && o.Actual.Unit == a.Unit && o.Actual.Value != a.Value && o.Actual.Value != t.Value);
            string? wrongUnit = a.Unit switch
            {
                "人" or "人次" or "个" or "户" or "家" => PrintedNumber.Format(a.Value, a.Decimals) + "万" + a.Unit,
                "万人" or "万人次" => PrintedNumber.Format(a.Value, a.Decimals) + a.Unit[1..],
                "万元" => PrintedNumber.Format(a.Value, a.Decimals) + "亿元",
                "亿元" => PrintedNumber.Format(a.Value, a.Decimals) + "万元",
                _ => null,
            };
            list.Add(new Sentence(text,
            [
                s => Replace(s, actual, WrongDigit(a), "实际完成值改了一位数字"),
                s => other.Actual is null ? null : Replace(s, actual, other.Actual.Text, $"用了{e.Indicators[other.Index].Name}的完成值"),
                s => wrongUnit is null ? null : Replace(s, actual, wrongUnit, "单位或数量级错"),
                s => Replace(s, completion, WrongRounding(comp), "完成率舍入方向错"),
                s => Replace(s, completion, PrintedNumber.Format(t.Value / a.Value * 100m, 2) + "%", "完成率算成了指标值÷实际值"),
                s => Replace(s, claim, short_ ? "超额完成年度目标" : "未完成年度目标", "方向性判断与表不符"),
            ], ["wrong-digit", "swapped-indicator", "wrong-unit", "wrong-rounding", "wrong-derived", "false-claim"]));
        }

        return list;
    }

    private static (string, string, int, string)? Replace(string sentence, string from, string to, string note)
    {
        int at = sentence.IndexOf(from, StringComparison.Ordinal);
        if (at < 0 || from == to)
        {
            return null;
        }

        return (sentence[..at] + to + sentence[(at + from.Length)..], to, at, note);
    }

    /// <summary>The fact as written, with its last non-zero digit raised by one (9 becomes 8).</summary>
    private static string WrongDigit(Fact fact)
    {
        var s = PrintedNumber.Format(fact.Value, fact.Decimals);
        for (int i = s.Length - 1; i >= 0; i--)
        {
            if (char.IsAsciiDigit(s[i]) && s[i] != '0')
            {
                char d = s[i] == '9' ? '8' : (char)(s[i] + 1);
                return s[..i] + d + s[(i + 1)..] + fact.Unit;
            }
        }

        return "1" + s + fact.Unit;
    }

    /// <summary>The whole-number neighbour that correct rounding does not give (97.6 % → 97 %, 80.2 % → 81 %).</summary>
    private static string WrongRounding(Fact fact)
    {
        var right = PrintedNumber.RoundHalfUp(fact.Value, 0);
        var wrong = right > fact.Value ? right - 1 : right + 1;
        return PrintedNumber.Format(wrong, 0) + fact.Unit;
    }
}

/// <summary>
/// Whole reports checked against their own tables (eval/cases/reports): the contradictions a
/// reviewer must see (a claim in section 三 that the table refutes), and the shortfalls section 三
/// never explains.
/// </summary>
internal static class ReportEval
{
    public sealed record Result(string Case, int ExpectedClaims, int FoundClaims, int ExpectedUnexplained, int FoundUnexplained, VerificationSummary Summary);

    public static List<Result> Run(string repo, string shared)
    {
        var results = new List<Result>();
        foreach (var path in Directory.GetFiles(Path.Combine(repo, "eval", "cases", "reports"), "*.json").Where(p => !p.EndsWith(".evaluation.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var c = JsonNode.Parse(File.ReadAllText(path))!;
            var text = File.ReadAllText(Path.Combine(shared, (string)c["report"]!));
            var sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, (string)c["evaluation"]!))));
            var report = Verifier.Verify(sheet, text);
            var parsed = Domain.Corpus.ReportParser.Parse(text);
            var three = string.Join("\n", parsed.Sections.Where(s => s.Kind is Domain.Corpus.SectionKind.DeviationReason or Domain.Corpus.SectionKind.ImprovementMeasure && s.Path.StartsWith("偏离", StringComparison.Ordinal)).Select(s => s.Heading + "\n" + s.Text));
            int threeStart = text.IndexOf("偏离绩效目标的原因", StringComparison.Ordinal);

            var expectedClaims = c["contradictedClaims"]!.AsArray().Select(x => (string)x!["indicator"]!).ToList();
            int foundClaims = expectedClaims.Count(name => report.Claims.Any(cl => cl.Verdict == Verdict.Contradicted && cl.Start >= threeStart
                && cl.FactId is { } id && sheet.Evaluation.Indicators[int.Parse(id[(id.IndexOf('[') + 1)..id.IndexOf(']')], CultureInfo.InvariantCulture)].Name == name));

            // Shortfalls (by the table) whose indicator section 三 never names.
            var unexplained = sheet.Report.Indicators.Where(r => r.Status == Domain.Scoring.IndicatorStatus.Short)
                .Select(r => r.Name).Where(n => !three.Contains(n, StringComparison.Ordinal)).ToList();
            var expectedUnexplained = c["unexplainedShortfalls"]!.AsArray().Select(x => (string)x!).ToList();
            int foundUnexplained = expectedUnexplained.Count(unexplained.Contains);

            results.Add(new Result(Path.GetFileNameWithoutExtension(path), expectedClaims.Count, foundClaims, expectedUnexplained.Count, foundUnexplained, report.Summary));
            Console.WriteLine();
            Console.WriteLine($"Whole report {Path.GetFileNameWithoutExtension(path)}: contradicted claims in section 三 found {foundClaims}/{expectedClaims.Count}; unexplained shortfalls found {foundUnexplained}/{expectedUnexplained.Count} ({string.Join("、", unexplained)})");
            var s = report.Summary;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  numbers {s.Numbers}: verified {s.Verified} (derived {s.Derived}), identifiers {s.Identifiers}, unverified {s.Unverified}, contradicted {s.Contradicted}; claims {s.Claims}, contradicted {s.ClaimsContradicted}"));
        }

        return results;
    }
}
