using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21, session 45: a fresh fact sheet's preparation does less before the first verification. The pairs' index makes a candidate's partners on their
/// first ask, decides whether it indexes the pairs from a bound, and reads in each group only the candidates that can begin
/// one of its pairs; the digit names' tree keeps its edges in an open-addressed table. Each is compared with what it
/// replaces (kept here as the reference) on every real table and on generated ones, and one fresh sheet is verified from
/// 8 threads at once.
/// </summary>
public class SheetIndexSession45Tests
{
    /// <summary>The real tables, the eval's and the fixtures' (SheetIndexFastPathTests), and generated ones of 1 to 160 rows.</summary>
    private static IEnumerable<FactSheet> Tables()
    {
        foreach (FactSheet sheet in SheetIndexFastPathTests.Sheets())
        {
            yield return sheet;
        }

        foreach (string path in Directory.GetFiles(Path.Combine(Assistant.Testing.RepoPaths.Repo, "eval", "cases", "verifier", "tables"), "*.json").Order(StringComparer.Ordinal))
        {
            yield return VerifierCorpus.Reference("eval/cases/verifier/tables/" + Path.GetFileName(path));
        }
    }

    private static Gen<FactSheet> Generated() =>
        from rows in Gen.Choose(1, 160)
        from seed in Gen.Choose(1, 10_000)
        select FactSheet.Build(SyntheticTables.Project(rows, seed));

    /// <summary>What the pairs' index made for every candidate before session 45: its row's and (for a fund line's) the fund lines' candidates, no zero, not itself, ascending, once each.</summary>
    private static int[] EagerPartners(SheetIndex index, Candidate a)
    {
        if (a.Fact.Value == 0)
        {
            return [];
        }

        IEnumerable<Candidate> own = a.Fact.IndicatorIndex is { } i ? index.OfIndicator(i) : [];
        IEnumerable<Candidate> funds = a.Fact.FundLineIndex is not null ? index.FundCandidates : [];
        return [.. own.Concat(funds).Where(b => b.Position != a.Position && b.Fact.Value != 0).Select(b => b.Position).Distinct().Order()];
    }

    /// <summary>Every group's pairs as the build read them before session 45: every candidate's partners, none skipped.</summary>
    private static List<(int A, int B, PairKind Kind)>[] EveryPairRead(SheetIndex index)
    {
        Candidate[] all = index.Candidates;
        var groups = new[] { new List<(int, int, PairKind)>(), new List<(int, int, PairKind)>(), new List<(int, int, PairKind)>() };
        for (int group = 0; group < 3; group++)
        {
            for (int i = 0; i < all.Length; i++)
            {
                Candidate a = all[i];
                int before = groups[group].Count;
                foreach (int j in EagerPartners(index, a))
                {
                    Candidate b = all[j];
                    if (group == 1)
                    {
                        if (a.Unit.Base == "%" && b.Unit.Base == "%" && a.Fact.Value > b.Fact.Value && Verifier.RateGap(a, b))
                        {
                            groups[group].Add((i, j, PairKind.RateGap));
                        }

                        continue;
                    }

                    if (a.Unit.Base != b.Unit.Base)
                    {
                        continue;
                    }

                    if (group == 0)
                    {
                        if (j > i && a.Fact.FundLineIndex is not null && b.Fact.FundLineIndex is not null && a.Measure == b.Measure && a.Measure != "balance")
                        {
                            groups[group].Add((i, j, PairKind.Sum));
                        }

                        if (Verifier.Balance(a, b) || Verifier.Gap(a, b))
                        {
                            groups[group].Add((i, j, PairKind.Gap));
                        }
                    }
                    else if (a.Unit.Base is not ("%" or "分" or "个百分点") && b.Fact.Value > 0 && Verifier.Ratio(a, b) && PositiveDivisor(index, b))
                    {
                        groups[group].Add((i, j, PairKind.Ratio));
                    }
                }

                // A candidate the build now skips begins no pair of the group.
                Assert.True(DerivedIndex.MayBegin(a, group) || groups[group].Count == before);
            }
        }

        return groups;
    }

    private static bool PositiveDivisor(SheetIndex index, Candidate b)
    {
        try
        {
            return index.Printed(b, UnitSpec.None).Low > 0;
        }
        catch (OverflowException)
        {
            return true;
        }
    }

    private static void AssertAsBefore(FactSheet sheet)
    {
        // A new sheet of the same table, so that nothing was built on it before.
        var index = SheetIndex.For(new FactSheet(sheet.Evaluation, sheet.Report, sheet.Facts));
        DerivedIndex derived = index.Derived;
        Candidate[] all = index.Candidates;
        long pairs = 0;

        // Asked from the last candidate down, so no list is made in the order the eager loop made them.
        for (int a = all.Length - 1; a >= 0; a--)
        {
            int[] partners = derived.PartnersOf(a);
            Assert.Equal(EagerPartners(index, all[a]), partners);
            Assert.Same(partners, derived.PartnersOf(a));
            pairs += partners.Length;
        }

        Assert.Equal(pairs <= DerivedIndex.MaxPairs, derived.IsIndexed);
        foreach (long limit in new[] { 0, 1, pairs - 1, pairs, pairs + 1, DerivedIndex.MaxPairs })
        {
            Assert.Equal(pairs <= limit, DerivedIndex.Indexable(index, limit));
        }

        // A fresh index builds its groups skipping the candidates that begin none of their pairs: the same pairs, in the same order.
        var fresh = new DerivedIndex(SheetIndex.For(new FactSheet(sheet.Evaluation, sheet.Report, sheet.Facts)));
        List<(int A, int B, PairKind Kind)>[] expected = EveryPairRead(index);
        var built = fresh.Pairs().ToList();
        Assert.Equal(expected[0].Concat(expected[1]).Concat(expected[2]), built);
    }

    [Fact]
    public void PairsIndex_OnEveryTable_MakesThePartnersAndPairsOfTheEagerBuild()
    {
        int tables = 0;
        foreach (FactSheet sheet in Tables())
        {
            AssertAsBefore(sheet);
            tables++;
        }

        Assert.True(tables >= 13, $"{tables} tables");
    }

    [Fact]
    public void PairsIndex_OnGeneratedTables_MakesThePartnersAndPairsOfTheEagerBuild()
    {
        Assert.Null(Record.Exception(() => Prop.ForAll(Generated().ToArbitrary(), AssertAsBefore).Check(Config.QuickThrowOnFailure.WithMaxTest(60))));
    }

    [Fact]
    public void Indexable_PastTheBound_CountsThePairs()
    {
        // The bound (each row's candidates squared, the fund lines' squared) is over a limit the exact count is not.
        var index = SheetIndex.For(FactSheet.Build(SyntheticTables.Project(30, 2)));
        long pairs = index.Candidates.Sum(c => (long)EagerPartners(index, c).Length);
        long bound = index.Candidates.Sum(c => (long)((c.Fact.IndicatorIndex is { } i ? index.OfIndicator(i).Length : 0) + (c.Fact.FundLineIndex is not null ? index.FundCandidates.Length : 0)));
        Assert.True(bound > pairs, $"bound {bound}, pairs {pairs}");
        Assert.True(DerivedIndex.Indexable(index, pairs));
        Assert.False(DerivedIndex.Indexable(index, pairs - 1));
        Assert.True(DerivedIndex.Indexable(index, bound - 1));
    }

    /// <summary>The digit names' tree before session 45: its edges in a dictionary of (node, character).</summary>
    private static List<long> DictionaryFindAll(IReadOnlyList<string> names, string text)
    {
        var child = new Dictionary<(int Node, char Next), int>();
        var ends = new List<bool> { false };
        foreach (string name in names)
        {
            int node = 0;
            foreach (char c in name)
            {
                if (!child.TryGetValue((node, c), out int next))
                {
                    next = ends.Count;
                    ends.Add(false);
                    child[(node, c)] = next;
                }

                node = next;
            }

            ends[node] = true;
        }

        var found = new List<long>();
        for (int at = 0; at < text.Length; at++)
        {
            int node = 0;
            for (int k = at; k < text.Length && child.TryGetValue((node, text[k]), out node); k++)
            {
                if (ends[node])
                {
                    found.Add(((long)at << 32) | (uint)(k + 1));
                }
            }
        }

        return found;
    }

    private static readonly char[] Alphabet = "合成指标12-6岁儿0".ToCharArray();

    private static Gen<string> Word(int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ListOf(Gen.Elements(Alphabet), length)
        select new string(chars.ToArray());

    [Fact]
    public void LiteralNames_FindEveryOccurrenceAsTheDictionaryTree_OnGeneratedNames()
    {
        Assert.Null(Record.Exception(() => Prop.ForAll(
            (from count in Gen.Choose(0, 40)
             from names in Gen.ListOf(Word(0, 9), count)
             from pieces in Gen.ListOf(Gen.OneOf(Gen.Elements(names.DefaultIfEmpty("合成指标1").ToArray()), Word(0, 5)), 30)
             select (Names: names.ToArray(), Text: string.Concat(pieces))).ToArbitrary(),
            x =>
            {
                var found = new List<long>();
                new LiteralNames(x.Names).FindAll(x.Text, found);
                Assert.Equal(DictionaryFindAll(x.Names, x.Text), found);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000))));
    }

    [Fact]
    public void LiteralNames_FindEveryOccurrenceAsTheDictionaryTree_InEveryCorpusText()
    {
        int texts = 0, occurrences = 0;
        foreach (string group in VerifierCorpus.Groups())
        {
            foreach (VerifierCorpus.Text t in VerifierCorpus.Texts(group))
            {
                string text = TextNormalizer.Normalize(t.Body);
                // The table's digit names, and every row's name, so that names occur.
                foreach (IReadOnlyList<string> names in new[] { SheetIndex.For(t.Sheet).DigitNames.Names, t.Sheet.Evaluation.Indicators.Select(i => i.Name).ToList() })
                {
                    var found = new List<long>();
                    new LiteralNames(names).FindAll(text, found);
                    Assert.Equal(DictionaryFindAll(names, text), found);
                    occurrences += found.Count;
                }

                texts++;
            }
        }

        Assert.True(texts > 100 && occurrences > 100, $"{texts} texts, {occurrences} occurrences");
    }

    [Fact]
    public void OneFreshSheet_VerifiedFrom8ThreadsAtOnce_AnswersAsOneThreadDoes()
    {
        // Every lazily built part of the sheet (pairs' partners and groups, nesting rows, facts by id, reasons) is first built
        // by 8 threads at once; each verifies with its own verifier (as POST /verify lends a kept verifier to one request at a
        // time) and, in turn, with the shared prepared verifier's sheet through Verifier.Verify.
        var texts = new List<(FactSheet Sheet, string Body)>();
        foreach (string group in VerifierCorpus.Groups().Where(g => g.StartsWith("seed-", StringComparison.Ordinal) || g.StartsWith("labelled-", StringComparison.Ordinal)))
        {
            texts.AddRange(VerifierCorpus.Texts(group).Select(t => (t.Sheet, t.Body)));
        }

        var synthetic = FactSheet.Build(SyntheticTables.Project(100));
        texts.Add((synthetic, string.Concat(synthetic.Facts.Where(f => f.IndicatorIndex is not null).Take(400).Select((f, k) => $"{f.Label}为{f.Text}，另有{1000 + k}人次参与，差距{k}万。"))));
        Assert.True(texts.Count > 20, $"{texts.Count} texts");

        int checkedTexts = 0;
        foreach (var table in texts.GroupBy(t => t.Sheet))
        {
            string[] bodies = [.. table.Select(t => t.Body)];
            FactSheet Fresh() => new(table.Key.Evaluation, table.Key.Report, table.Key.Facts);
            FactSheet alone = Fresh();
            string[] expected = [.. bodies.Select(b => VerifierCorpus.Render(new Verifier(alone).Verify(b)))];

            FactSheet shared = Fresh();
            var answers = new string[8][];
            var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            using var start = new Barrier(8);
            var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
            {
                try
                {
                    var verifier = new Verifier(shared);
                    start.SignalAndWait();
                    answers[t] = [.. Enumerable.Range(0, bodies.Length).Select(k => bodies[(k + t) % bodies.Length])
                        .Select(b => VerifierCorpus.Render(t % 2 == 0 ? verifier.Verify(b) : Verifier.Verify(shared, b)))];
                }
                catch (Exception e)
                {
                    failures.Add(e);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.Empty(failures);

            for (int t = 0; t < 8; t++)
            {
                for (int k = 0; k < bodies.Length; k++)
                {
                    Assert.Equal(expected[(k + t) % bodies.Length], answers[t][k]);
                    checkedTexts++;
                }
            }
        }

        Assert.True(checkedTexts > 160, $"{checkedTexts} answers compared");
    }
}

/// <summary>Session 45: the fact ids kept per process are the formatted ones, for every column and row, asked from 8 threads.</summary>
public class FactIdsTests
{
    [Fact]
    public void KeptIds_AreTheFormattedOnes_PastTheKeptRowsToo()
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            foreach ((FactIds.Kind kind, string prefix) in new[] { (FactIds.Indicators, "indicators"), (FactIds.Funds, "funds.lines") })
            {
                for (int row = FactIds.KeptRows + 10 - 1; row >= -1; row--)
                {
                    foreach (string column in kind.Columns.Append("targetText[0]").Append("partsSum.budget"))
                    {
                        string id = FactIds.Of(kind, (row + (t * 97)) % (FactIds.KeptRows + 10), column);
                        string expected = $"{prefix}[{(row + (t * 97)) % (FactIds.KeptRows + 10)}].{column}";
                        if (id != expected)
                        {
                            failures.Add(id);
                        }
                    }
                }
            }
        });

        Assert.Empty(failures);
        Assert.Same(FactIds.Of(FactIds.Indicators, 12, "actual"), FactIds.Of(FactIds.Indicators, 12, "actual"));
        Assert.Equal("indicators[-1].actual", FactIds.Of(FactIds.Indicators, -1, "actual"));
    }

    [Fact]
    public void EveryRowAndFundFact_OfEveryTable_HasItsFormattedId()
    {
        int facts = 0;
        foreach (FactSheet sheet in SheetIndexFastPathTests.Sheets())
        {
            foreach (Fact f in sheet.Facts)
            {
                string? owner = f.IndicatorIndex is { } i ? $"indicators[{i}]." : f.FundLineIndex is { } l ? $"funds.lines[{l}]." : null;
                if (owner is not null && f.Id.StartsWith(owner, StringComparison.Ordinal))
                {
                    string column = f.Id[owner.Length..];
                    Assert.Equal(f.Id, FactIds.Format(f.IndicatorIndex is not null ? FactIds.Indicators : FactIds.Funds, f.IndicatorIndex ?? f.FundLineIndex!.Value, column));
                    facts++;
                }
            }
        }

        Assert.True(facts > 1000, $"{facts} facts");
    }
}
