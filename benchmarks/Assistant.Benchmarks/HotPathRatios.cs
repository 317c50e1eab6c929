using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Benchmarks;

/// <summary>
/// Issue 21's hot paths against their floors, interleaved: every round runs each case once, so on a
/// shared machine all cases see the same load, and the medians' ratios hold where BenchmarkDotNet's
/// separate runs drift. Prints median µs, the ratio to the floor and bytes allocated per call.
/// <c>dotnet run -c Release --project benchmarks/Assistant.Benchmarks -- hot [--rounds 1500] [--pretty]</c>
/// Since session 38 the score answer rows write the API's default form, compact; <c>--pretty</c> writes the
/// indented form instead (<c>?pretty=true</c>, the form of every run before session 38), at the same places in
/// the round, so the two forms are compared by alternating runs of one build.
/// </summary>
internal static class HotPathRatios
{
    public static int Run(string[] args)
    {
        int rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(1500);
        bool indented = args.Contains("--pretty");
        var table = SyntheticTables.Project(100);
        string json = JsonSerializer.Serialize(new
        {
            kind = "project",
            title = table.Title,
            funds = new { unit = "万元", weight = "5.00", lines = table.Funds.Lines.Select(l => new { name = l.Name, parent = l.Parent, budget = l.Budget.ToString(), executed = l.Executed.ToString() }) },
            indicators = table.Indicators.Select(i => new { level1 = i.Level1, level2 = i.Level2, name = i.Name, unit = i.Unit, target = i.Target, actual = i.Actual, weight = i.Weight.ToString() }),
        });
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        byte[] largest = Directory.GetFiles(Path.Combine(RepoPaths.Shared, "reference"), "*.json").Select(File.ReadAllBytes).MaxBy(b => b.Length)!;
        var validator = new EvaluationValidator();
        var output = new ArrayBufferWriter<byte>(512 * 1024);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = ScoreContract.JsonOptions.Encoder });
        var info = (JsonTypeInfo<ScoreResponse>)ScoreContract.JsonOptions.GetTypeInfo(typeof(ScoreResponse));
        void WriteWithSerializer(ScoreResponse r)
        {
            output.ResetWrittenCount();
            writer.Reset();
            JsonSerializer.Serialize(writer, r, info);
        }

        // As the API writes the answer since session 24: the source generator's handlers (same bytes).
        void Write(ScoreResponse r)
        {
            output.ResetWrittenCount();
            writer.Reset();
            ContractWriter.Write(writer, r);
            writer.Flush();
        }

        // As the API writes the score answer since session 26: straight from the report (same bytes;
        // since session 27 through its own emitter, not a Utf8JsonWriter).
        void WriteDirect(Assistant.Domain.Evaluations.Evaluation e, ScoreReport report)
        {
            output.ResetWrittenCount();
            ScoreAnswerWriter.Write(output, e, report, indented);
        }

        var scored = EvaluationService.Score(EvaluationJson.Parse(utf8));
        var parsed = EvaluationJson.Parse(utf8);
        var report = EvaluationService.Report(parsed);

        var sheet = FactSheet.Build(table);
        var guangxi = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(RepoPaths.Reference("guangxi-2024-employment-transfer"))));
        string guangxiReport = File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", "guangxi-2024-employment-transfer-report.txt"));
        string text = VerificationBenchmarks.Text(sheet, string.Empty);
        int fresh = 0;
        string verifyRequest = new System.Text.Json.Nodes.JsonObject { ["evaluation"] = System.Text.Json.Nodes.JsonNode.Parse(json), ["text"] = text }.ToJsonString();
        var keptVerifiers = new PreparedVerifiers();
        using var verifyDocument = JsonDocument.Parse(verifyRequest);
        JsonElement verifyEvaluation = verifyDocument.RootElement.GetProperty("evaluation");
        var keptVerifier = new Assistant.Domain.Verification.Verifier(FactSheet.Build(table));
        // Each row's floor by its name (session 42: the rows named their floor by index, and rows inserted above over several
        // sessions left the verify rows pointing at a scoring row). A floor that is not a row of its own stops the run.
        const string JsonString = "floor: JsonDocument.Parse(string), 100 indicators";
        const string JsonUtf8 = "floor: JsonDocument.Parse(UTF-8), 100 indicators";
        const string LargestTable = "floor: JsonDocument.Parse, largest reference table";
        const string Extract3000 = "floor: MentionExtractor.Extract, ~3,000 characters";
        const string Fixed26 = "floor (fixed since session 26): the Match-based extraction, ~3,000 characters";
        const string ExtractGuangxi = "floor: MentionExtractor.Extract, the Guangxi report (17,288 characters)";
        var cases = new (string Name, string Floor, Action Run)[]
        {
            (JsonString, JsonString, () => { using var d = JsonDocument.Parse(json); }),
            (JsonUtf8, JsonUtf8, () => { using var d = JsonDocument.Parse(utf8); }),
            ("Calculator.Score, 100 indicators", JsonString, () => Calculator.Score(table)),
            ("FactSheet.Build, 100 indicators", JsonString, () => FactSheet.Build(table)),
            ("EvaluationJson.Parse(UTF-8), 100 indicators", JsonUtf8, () => EvaluationJson.Parse(utf8)),
            ("UTF-8 in → score → UTF-8 out (pooled writer), 100 indicators", JsonUtf8, () =>
            {
                var e = EvaluationJson.Parse(utf8);
                WriteDirect(e, EvaluationService.Report(e));
            }),
            ("  of which: write the answer from the report (ScoreAnswerWriter), 100 indicators", JsonUtf8, () => WriteDirect(parsed, report)),
            ("  before (session 25): in → out through the contract's records, 100 indicators", JsonUtf8, () => Write(EvaluationService.Score(EvaluationJson.Parse(utf8)))),
            ("  before: map to the records and write them (ToResponse + ContractWriter), 100 indicators", JsonUtf8, () => Write(ScoreContract.ToResponse(parsed, report))),
            ("  before: write the records (ContractWriter), 100 indicators", JsonUtf8, () => Write(scored)),
            ("  before: write the answer (JsonSerializer, metadata), 100 indicators", JsonUtf8, () => WriteWithSerializer(scored)),
            ("string in → score → string out (as before), 100 indicators", JsonString, () => JsonSerializer.Serialize(EvaluationService.Score(EvaluationJson.Parse(json)), ScoreContract.JsonOptions)),
            (LargestTable, LargestTable, () => { using var d = JsonDocument.Parse(largest); }),
            ("/score's work on the largest table (parse, validate, score, write)", LargestTable, () =>
            {
                var e = EvaluationJson.Parse(largest);
                validator.Validate(e);
                WriteDirect(e, EvaluationService.Report(e));
            }),
            // Since session 29 a cell is read once per (text, unit) and kept in a bounded memory; the rows above
            // see it warm (the same texts every round, as tables repeat their targets). These two empty it first:
            // a table never seen (here, not last, so that they run where Calculator.Score's own row does: after a short
            // case, not after the verifier's). The memory is filled again after each round, outside the timing, so the other
            // rows stay warm.
            ("Calculator.Score, 100 indicators, cells never seen (the cell memory emptied before the call)", JsonString, () =>
            {
                Assistant.Domain.Cells.CellParser.ForgetReadCells();
                Calculator.Score(table);
            }),
            ("UTF-8 in → score → UTF-8 out, 100 indicators, cells never seen (the cell memory emptied before the call)", JsonUtf8, () =>
            {
                Assistant.Domain.Cells.CellParser.ForgetReadCells();
                var e = EvaluationJson.Parse(utf8);
                WriteDirect(e, EvaluationService.Report(e));
            }),
            // Since session 36 also with the memory emptied before the timing: emptying it (a new 1,024-bucket dictionary) is the
            // benchmark's own step, not part of a request, which meets a memory that holds other tables' cells.
            ("Calculator.Score, 100 indicators, cells never seen (the cell memory emptied before the timing)", JsonString, () => Calculator.Score(table)),
            ("UTF-8 in → score → UTF-8 out, 100 indicators, cells never seen (the cell memory emptied before the timing)", JsonUtf8, () =>
            {
                var e = EvaluationJson.Parse(utf8);
                WriteDirect(e, EvaluationService.Report(e));
            }),
            (Extract3000, Extract3000, () => Assistant.Domain.Verification.MentionExtractor.Extract(text)),
            // Session 27 made the extractor (the floor above) cheaper: the frozen session-26 extractor stays as a floor that does not move between builds.
            (Fixed26, Fixed26, () => Assistant.Domain.Tests.ReferenceVerifier.MentionExtractor.Extract(text)),
            ("Verifier.Verify, ~3,000 characters, 100 indicators (same text every call; since session 25 nothing is kept between calls)", Extract3000, () => Assistant.Domain.Verification.Verifier.Verify(sheet, text)),
            ("Verifier.Verify, the same text with a new letter tag before every clause (a text never seen)", Extract3000, () => Assistant.Domain.Verification.Verifier.Verify(sheet, VerificationBenchmarks.Text(sheet, VerificationBenchmarks.Tag(++fresh)))),
            ("Verifier.Verify, ~3,000 characters, on a fact sheet built for the call (as POST /verify does)", Extract3000, () => Assistant.Domain.Verification.Verifier.Verify(FactSheet.Build(table), text)),
            (ExtractGuangxi, ExtractGuangxi, () => Assistant.Domain.Verification.MentionExtractor.Extract(guangxiReport)),
            ("Verifier.Verify, the Guangxi report against its table, warm", ExtractGuangxi, () => Assistant.Domain.Verification.Verifier.Verify(guangxi, guangxiReport)),
            // Session 41: POST /verify's own work on the ~3,000 characters, from the request's JSON to the contract's records: with the
            // table prepared for the call (as before the session), and with the table's verifier kept by its content key (PreparedVerifiers).
            ("POST /verify's work, ~3,000 characters, the table prepared for the call (parse, validate, build, verify, records)", Extract3000, () =>
            {
                var (e, t, p) = VerificationContract.ParseRequest(verifyRequest);
                validator.Validate(e);
                EvaluationService.Verify(e, t, p);
            }),
            ("POST /verify's work, ~3,000 characters, the table kept by its content key (parse, validate, key, kept verifier, records)", Extract3000, () =>
            {
                var (e, t, p, k) = VerificationContract.ParseKeyedRequest(verifyRequest);
                validator.Validate(e);
                EvaluationService.Verify(keptVerifiers, k, e, t, p);
            }),
            ("  of which: Verifier.Verify, ~3,000 characters, on a verifier kept for the table", Extract3000, () => keptVerifier.Verify(text)),
            ("  of which: parse and validate the request", Extract3000, () => validator.Validate(VerificationContract.ParseRequest(verifyRequest).Evaluation)),
            ("  of which: the table's content key (PreparedVerifiers.KeyOf)", Extract3000, () => PreparedVerifiers.KeyOf(verifyEvaluation, "\0")),
        };

        // Outside the timing: the cells of the tables the warm rows read, kept again after the rows that empty the memory.
        void Rewarm()
        {
            Calculator.Score(table);
            Calculator.Score(EvaluationJson.Parse(largest));
            Calculator.Score(guangxi.Evaluation);
        }

        // Steps run just before a case, outside its timing (by the case's name).
        Action? PrepareFor(string name) => name.Contains("emptied before the timing", StringComparison.Ordinal) ? Assistant.Domain.Cells.CellParser.ForgetReadCells : null;
        var prepare = cases.Select(c => PrepareFor(c.Name)).ToArray();
        int[] floorOf = FloorIndexes(cases.Select(c => (c.Name, c.Floor)).ToArray());

        var times = cases.Select(_ => new List<double>(rounds)).ToArray();
        var cpu = cases.Select(_ => new List<double>(rounds)).ToArray();
        var allocated = new long[cases.Length];
        for (int r = 0; r < rounds; r++)
        {
            for (int c = 0; c < cases.Length; c++)
            {
                prepare[c]?.Invoke();
                long before = GC.GetAllocatedBytesForCurrentThread();
                double cpuStart = ThreadCpu.Microseconds();
                long start = Stopwatch.GetTimestamp();
                cases[c].Run();
                double us = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                double cpuUs = ThreadCpu.Microseconds() - cpuStart;
                if (r >= rounds / 5)
                {
                    times[c].Add(us);
                    cpu[c].Add(cpuUs);
                    allocated[c] = GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }

            Rewarm();
        }

        WriteDirect(parsed, report);
        int answerBytes = output.WrittenCount;
        double Median(int c) => times[c].Order().ElementAt(times[c].Count / 2);
        double CpuMedian(int c) => cpu[c].Order().ElementAt(cpu[c].Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} interleaved rounds (the first fifth warm-up), {Environment.ProcessorCount} cores; JSON of 100 indicators {utf8.Length} bytes, largest reference table {largest.Length} bytes; the score answers written {(indented ? "indented (--pretty)" : "compact (the API's default)")}, {answerBytes} bytes for the 100 indicators"));
        // The thread's CPU time (Linux; 0 elsewhere) holds better than wall time on a shared machine: a preempted call is not charged for the wait.
        Console.WriteLine("| what | median µs | × its floor | median thread CPU µs | × its floor (CPU) | allocated per call |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int c = 0; c < cases.Length; c++)
        {
            double cpuFloor = CpuMedian(floorOf[c]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cases[c].Name} | {Median(c):0.0} | {Median(c) / Median(floorOf[c]):0.0} | {CpuMedian(c):0.0} | {(cpuFloor > 0 ? CpuMedian(c) / cpuFloor : 0):0.0} | {allocated[c] / 1024.0:0.0} KB |"));
        }

        return 0;
    }

    /// <summary>
    /// Each row's floor, found by the floor's name among the rows (session 42). A name that is no row, that two rows carry, or whose row is
    /// not a floor (its name starting "floor") is an error, not a silently wrong ratio.
    /// </summary>
    internal static int[] FloorIndexes(IReadOnlyList<(string Name, string Floor)> rows)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < rows.Count; r++)
        {
            if (!byName.TryAdd(rows[r].Name, r))
            {
                throw new InvalidOperationException($"two rows are named \"{rows[r].Name}\"");
            }
        }

        var floors = new int[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            if (!byName.TryGetValue(rows[r].Floor, out int f) || !rows[f].Name.StartsWith("floor", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the row \"{rows[r].Name}\" names \"{rows[r].Floor}\" as its floor, which is no floor row");
            }

            floors[r] = f;
        }

        return floors;
    }
}

/// <summary>The calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID), on Linux; 0 elsewhere.</summary>
internal static class ThreadCpu
{
    private const int ThreadCpuTimeClock = 3;

    public static double Microseconds()
    {
        if (!OperatingSystem.IsLinux() || clock_gettime(ThreadCpuTimeClock, out Timespec t) != 0)
        {
            return 0;
        }

        return (t.Seconds * 1e6) + (t.Nanoseconds / 1e3);
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out Timespec time);
}
