using System.Diagnostics;
using System.Globalization;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;

namespace Assistant.Benchmarks;

/// <summary>
/// Where a verification on a fact sheet built for the call (as POST /verify does) spends what a verification on a
/// prepared sheet does not (issue 21, session 35): each round builds a new sheet of the 100-indicator table and times,
/// in turn, the sheet, the verifier's preparation of it (<see cref="SheetIndex"/>), its pairs' index, the first
/// verification of the text on it (which fills the per-sheet rows built on first use) and a second one (warm); then
/// the preparation's pieces built again on their own. Medians of the thread's CPU time.
/// Since session 42 also the kept verifier's verification by stage, and <c>--kept-only</c> (that verification alone, for a profiler).
/// <c>dotnet run -c Release --project benchmarks/Assistant.Benchmarks -- hot-parts [--rounds 400] [--fresh-only | --kept-only]</c>
/// </summary>
internal static class FreshSheetParts
{
    public static int Run(string[] args)
    {
        int rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(400);
        var table = SyntheticTables.Project(100);
        string text = VerificationBenchmarks.Text(FactSheet.Build(table), string.Empty);
        if (args.Contains("--fresh-only"))
        {
            // For a profiler (session 36): only what POST /verify does, round after round.
            double started = ThreadCpu.Microseconds();
            for (int r = 0; r < rounds; r++)
            {
                Verifier.Verify(FactSheet.Build(table), text);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} fresh-sheet verifications, {(ThreadCpu.Microseconds() - started) / rounds:0.0} µs CPU each on average"));
            return 0;
        }

        if (args.Contains("--dump"))
        {
            // Session 44: each number of the text with its verdict and the words before it in its clause (where the time goes).
            var sheet = FactSheet.Build(table);
            var report = Verifier.Verify(sheet, text);
            var clauses = Clause.Split(Assistant.Domain.Numbers.TextNormalizer.Normalize(text));
            foreach (CheckedMention c in report.Mentions)
            {
                Clause clause = Clause.At(clauses, c.Mention.Start);
                string before = clause.Before(c.Mention.Start);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Mention.Start}\t{c.Mention.Text}\t{c.Verdict}\t{clause.Text}\t[{before}]\t{VerificationContext.HasOwnSubject(before)}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Mentions.Count} numbers, {clauses.Count} clauses, {report.Claims.Count} claims"));
            return 0;
        }

        if (args.Contains("--kept-only"))
        {
            // For a profiler (session 42): only the verification on a verifier kept for the table, round after round.
            var verifier = new Verifier(FactSheet.Build(table));
            verifier.Verify(text);
            double started = ThreadCpu.Microseconds();
            for (int r = 0; r < rounds; r++)
            {
                verifier.Verify(text);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} verifications on a kept verifier, {(ThreadCpu.Microseconds() - started) / rounds:0.0} µs CPU each on average"));
            return 0;
        }

        var names = table.Indicators.Select(i => i.Name).ToList();
        var parts = new (string Name, List<double> Cpu, long[] Bytes)[]
        {
            ("FactSheet.Build", [], [0]),
            ("SheetIndex (the preparation, without its pairs' index)", [], [0]),
            ("  its pairs' index (DerivedIndex), first use (since session 36: the partners; each group on its first query)", [], [0]),
            ("first Verifier.Verify on the new sheet (rows built on first use)", [], [0]),
            ("second Verifier.Verify on the same sheet (warm)", [], [0]),
            ("  again on its own: NameIndex of the indicator names", [], [0]),
            ("  again on its own: DerivedIndex, every group built", [], [0]),
            ("  again on its own: every row of NamesNest (NestListOf)", [], [0]),
            ("  again on its own: the units the names end with (NameUnits)", [], [0]),
            ("  again on its own: the candidates (CandidatesOf)", [], [0]),
            ("  again on its own: the candidates by indicator (ByIndicator)", [], [0]),
            ("  again on its own: the two value indexes (ValueIndexes)", [], [0]),
            ("  again on its own: the digit names (LiteralNames)", [], [0]),
            ("  again on its own: the unit labels (UnitLabelsOf)", [], [0]),
            ("  again on its own: NameIndex of the fund lines", [], [0]),
            ("new Verifier(sheet), the sheet's indexes built (session 41)", [], [0]),
            ("Verify on that verifier, its third text (a verifier kept for the table, as POST /verify keeps it since session 41)", [], [0]),
            // Session 42: the kept verifier's Check by stage, each stage run again on its own on the same text (its inputs made outside
            // the timing); the last row is the kept verification (part 16) less the stages, in the same round: every number's checks and
            // the passes over the checked numbers (PlainRows, SameNameElsewhere, StatedTotals, PrintedQuotes).
            ("kept Verify by stage: TextNormalizer.Normalize", [], [0]),
            ("  by stage: the numbers (MentionExtractor.Extract, PointsWithoutGe.Mend, UnitsInText.Mend)", [], [0]),
            ("  by stage: OpeningWords.Blanked", [], [0]),
            ("  by stage: Clause.Split", [], [0]),
            ("  by stage: SubjectScopes", [], [0]),
            ("  by stage: the claims (ClaimChecker, its names' memory empty; in Verify the numbers' checks have filled it)", [], [0]),
            ("  by stage: the rest, every number's checks and the passes after them (kept Verify less the stages above)", [], [0]),
        };
        var fundCores = table.Funds.Lines.Select(l => SheetIndex.FundCore(l.Name)).ToList();
        var opening = OpeningWords.Names(table);

        void Time(int part, Action run, bool keep)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            double start = ThreadCpu.Microseconds();
            run();
            double us = ThreadCpu.Microseconds() - start;
            if (keep)
            {
                parts[part].Cpu.Add(us);
                parts[part].Bytes[0] = GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        for (int r = 0; r < rounds; r++)
        {
            bool keep = r >= rounds / 5;
            FactSheet sheet = null!;
            SheetIndex index = null!;
            Time(0, () => sheet = FactSheet.Build(table), keep);
            Time(1, () => index = SheetIndex.For(sheet), keep);
            Time(2, () => _ = index.Derived, keep);
            Time(3, () => Verifier.Verify(sheet, text), keep);
            Time(4, () => Verifier.Verify(sheet, text), keep);
            Time(5, () => _ = new NameIndex(names), keep);
            Time(6, () => _ = new DerivedIndex(index).Count, keep);
            var other = SheetIndex.For(FactSheet.Build(table));
            Time(7, () =>
            {
                for (int a = 0; a < names.Count; a++)
                {
                    _ = other.NestListOf(a);
                }
            }, keep);
            string?[] units = null!;
            Candidate[] candidates = null!;
            Time(8, () => units = SheetIndex.NameUnits(table.Indicators), keep);
            Time(9, () => candidates = SheetIndex.CandidatesOf(sheet, units), keep);
            Time(10, () => _ = SheetIndex.ByIndicator(candidates), keep);
            Time(11, () => _ = SheetIndex.ValueIndexes(candidates), keep);
            Time(12, () => _ = new LiteralNames(SheetIndex.DigitNamesOf(table.Indicators)), keep);
            Time(13, () => _ = SheetIndex.UnitLabelsOf(table.Indicators), keep);
            Time(14, () => _ = new NameIndex(fundCores), keep);
            Verifier kept = null!;
            Time(15, () => kept = new Verifier(sheet), keep);
            kept.Verify(text);
            kept.Verify(text);
            Time(16, () => kept.Verify(text), keep);

            // The kept verification by stage (session 42).
            string read = null!, blanked = null!;
            IReadOnlyList<Mention> found = null!;
            List<Clause> clauses = null!;
            SubjectScopes scopes = null!;
            Time(17, () => read = Assistant.Domain.Numbers.TextNormalizer.Normalize(text), keep);
            Time(18, () => found = UnitsInText.Mend(PointsWithoutGe.Mend(MentionExtractor.Extract(text, read), read), text, read), keep);
            Time(19, () => blanked = OpeningWords.Blanked(read, opening), keep);
            Time(20, () => clauses = Clause.Split(blanked), keep);
            Time(21, () => scopes = new SubjectScopes(blanked, table), keep);
            var context = new VerificationContext(blanked, clauses, scopes, found);
            var claimNames = new IndicatorNames(SheetIndex.For(sheet).Names);
            Time(22, () => new ClaimChecker(sheet, claimNames, context).Check(text), keep);
            claimNames.Release();
            if (keep)
            {
                int last = parts[16].Cpu.Count - 1;
                double stages = 0;
                for (int p = 17; p <= 22; p++)
                {
                    stages += parts[p].Cpu[last];
                }

                parts[23].Cpu.Add(parts[16].Cpu[last] - stages);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds (the first fifth warm-up), {Environment.ProcessorCount} cores; median thread CPU µs"));
        Console.WriteLine("| part | median CPU µs | allocated |");
        Console.WriteLine("|---|---:|---:|");
        foreach ((string name, List<double> cpu, long[] bytes) in parts)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {cpu.Order().ElementAt(cpu.Count / 2):0.0} | {bytes[0] / 1024.0:0.0} KB |"));
        }

        return 0;
    }
}
