using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Cells;
using Assistant.Domain.Review;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;

namespace Assistant.Benchmarks;

/// <summary>
/// Where <c>Calculator.Score</c> on a table never seen spends what the warm call does not (issue 21, session 36): the 100-indicator
/// table's 200 cells read and kept from an empty memory, read alone (no memory), looked up warm, and the emptying itself; then
/// the pieces session 36 changed, on their own (the rows' notes tested for a placeholder, the date cells read). Interleaved
/// against <c>JsonDocument.Parse(UTF-8)</c> of the same table as in <c>hot</c>; medians of wall time and allocation.
/// <c>dotnet run -c Release --project benchmarks/Assistant.Benchmarks -- score-parts [--rounds 600]</c>
/// </summary>
internal static class ScoreParts
{
    public static int Run(string[] args)
    {
        int rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(600);
        var table = SyntheticTables.Project(100);
        byte[] utf8 = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            kind = "project",
            title = table.Title,
            funds = new { unit = "万元", weight = "5.00", lines = table.Funds.Lines.Select(l => new { name = l.Name, parent = l.Parent, budget = l.Budget.ToString(), executed = l.Executed.ToString() }) },
            indicators = table.Indicators.Select(i => new { level1 = i.Level1, level2 = i.Level2, name = i.Name, unit = i.Unit, target = i.Target, actual = i.Actual, weight = i.Weight.ToString() }),
        }));
        ScoreReport report = Calculator.Score(table);
        var cells = table.Indicators.SelectMany(i => new[] { (i.Target, i.Unit), (i.Actual, i.Unit) }).ToArray();
        var notes = table.Indicators.Select(i => i.DeviationNote).ToArray();
        var dates = cells.Select(c => c.Item1).Where(t => t is not null && t.AsSpan().IndexOfAny('年', '月') >= 0).Cast<string>().ToArray();
        var cases = new (string Name, Action Run)[]
        {
            ("floor: JsonDocument.Parse(UTF-8), 100 indicators", () => { using var d = JsonDocument.Parse(utf8); }),
            ("Calculator.Score, cells never seen (emptying included)", () => { CellParser.ForgetReadCells(); Calculator.Score(table); }),
            ("Calculator.Score, cells seen", () => Calculator.Score(table)),
            ("  the emptying alone (ForgetReadCells)", CellParser.ForgetReadCells),
            ("  the 200 cells read and kept, from an empty memory (emptying included)", () => { CellParser.ForgetReadCells(); foreach (var (t, u) in cells) CellParser.Parse(t, u); }),
            ("  the 200 cells read, no memory", () => { foreach (var (t, u) in cells) CellParser.Read(t, u); }),
            ("  the 200 cells looked up, warm", () => { foreach (var (t, u) in cells) CellParser.Parse(t, u); }),
            ("  the 200 cells read by the general path alone (as before session 42)", () => { foreach (var (t, u) in cells) CellParser.ReadGeneral(t, u); }),
            ("  the reconciliation (messages kept as parts since session 42)", () => Reconciliation.Check(table, report, ScoringPolicy.Default)),
            ("  the same, every message read", () => { foreach (Finding f in Reconciliation.Check(table, report, ScoringPolicy.Default)) _ = f.Message; }),
            ($"  the {notes.Length} notes tested for a placeholder (ReasonText.IsPlaceholder)", () => { foreach (string? n in notes) ReasonText.IsPlaceholder(n); }),
            ($"  the same, as before session 36", () => { foreach (string? n in notes) ReasonText.IsPlaceholderAsBefore(n); }),
            ($"  the {dates.Length} date cells read as dates", () => { foreach (string d in dates) CellParser.DeadlineOf(d); }),
            ($"  the same, by the patterns (as before session 36)", () => { foreach (string d in dates) CellParser.TryDeadlineAsBefore(d, d); }),
        };

        var times = cases.Select(_ => new List<double>(rounds)).ToArray();
        var allocated = new long[cases.Length];
        for (int r = 0; r < rounds; r++)
        {
            for (int c = 0; c < cases.Length; c++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                cases[c].Run();
                double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                if (r >= rounds / 5)
                {
                    times[c].Add(us);
                    allocated[c] = GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }

            Calculator.Score(table);
        }

        double Median(int c) => times[c].Order().ElementAt(times[c].Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} interleaved rounds (the first fifth warm-up), {Environment.ProcessorCount} cores"));
        Console.WriteLine("| what | median µs | × floor | allocated per call |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (int c = 0; c < cases.Length; c++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {Median(c):0.0} | {Median(c) / Median(0):0.00} | {allocated[c] / 1024.0:0.0} KB |"));
        }

        return 0;
    }
}
