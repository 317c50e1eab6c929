using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using FsCheck;
using FsCheck.Fluent;
using Interval = Assistant.Domain.Numbers.Interval;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 43 (issue 21, a fact sheet built for the call): the sheet's two value indexes are filled as parallel arrays of
/// the exact size, and the candidates by indicator as arrays counted then filled, in place of lists of tuples and a
/// dictionary of growing lists. Each against the computation it replaces (kept here as it was), on every table of
/// <see cref="SheetIndexFastPathTests"/> (reference tables, synthetic ones, one near decimal's limit): the same answers in
/// the same order, and less allocated.
/// </summary>
public class SheetIndexSession43Tests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(2000);

    /// <summary>The value indexes as main built them before session 43 (lists of tuples).</summary>
    private static (IntervalIndex Scaled, IntervalIndex Raw) ListValueIndexes(Candidate[] candidates)
    {
        var scaled = new List<(double, double, int)>(candidates.Length);
        var raw = new List<(double, double, int)>(candidates.Length);
        var always = new List<int>();
        foreach (Candidate c in candidates)
        {
            try
            {
                decimal multiplier = c.Unit.Multiplier;
                bool one = multiplier == 1m;
                decimal v = one ? c.Fact.Value : c.Fact.Value * multiplier;
                Interval hull = c.Fact.Range is { } r ? SheetIndex.Hull(v, one ? r : r.Scale(multiplier)) : Interval.Point(v);
                scaled.Add(((double)hull.Low, (double)hull.High, c.Position));
                if (c.Unit.Base.Length > 0)
                {
                    raw.Add(((double)c.Fact.Value, (double)c.Fact.Value, c.Position));
                }
            }
            catch (OverflowException)
            {
                always.Add(c.Position);
            }
        }

        return (new IntervalIndex(scaled, always), new IntervalIndex(raw, []));
    }

    /// <summary>The candidates by indicator as main grouped them before session 43 (a dictionary of lists).</summary>
    private static Dictionary<int, Candidate[]> DictionaryByIndicator(Candidate[] all)
    {
        var lists = new Dictionary<int, List<Candidate>>();
        foreach (Candidate c in all)
        {
            if (c.Fact.IndicatorIndex is { } i)
            {
                if (!lists.TryGetValue(i, out List<Candidate>? list))
                {
                    lists[i] = list = new List<Candidate>(8);
                }

                list.Add(c);
            }
        }

        var byIndicator = new Dictionary<int, Candidate[]>(lists.Count);
        foreach ((int i, List<Candidate> list) in lists)
        {
            byIndicator[i] = [.. list];
        }

        return byIndicator;
    }

    /// <summary>The windows asked of a sheet's value indexes: around every candidate's value (exact, rounded, 约, 超过), and wide ones.</summary>
    private static IEnumerable<(double Low, double High)> Windows(Candidate[] all)
    {
        yield return (double.MinValue, double.MaxValue);
        yield return (-1, 1);
        foreach (Candidate c in all)
        {
            double v = (double)c.Fact.Value;
            foreach (double scale in new[] { 1, 0.0001, 10_000, 100_000_000 })
            {
                double x = v * scale;
                yield return (x, x);
                yield return (x - 0.5, x + 0.5);
                yield return (x * 0.95, x * 1.05);
                yield return (x - Math.Abs(x * 0.5), x + Math.Abs(x * 0.5));
            }
        }
    }

    private static List<int> Hits(IntervalIndex index, double low, double high)
    {
        var hits = new List<int>();
        index.Query(low, high, hits);
        return hits;
    }

    [Fact]
    public void ValueIndexes_AnswerEveryWindowAsTheListsDid_InTheSameOrder_OnEveryTable()
    {
        int tables = 0, windows = 0, always = 0;
        foreach (FactSheet sheet in SheetIndexFastPathTests.Sheets())
        {
            Candidate[] all = SheetIndex.For(sheet).Candidates;
            (IntervalIndex scaled, IntervalIndex raw) = SheetIndex.ValueIndexes(all);
            (IntervalIndex listScaled, IntervalIndex listRaw) = ListValueIndexes(all);
            Assert.Equal(listScaled.Count, scaled.Count);
            Assert.Equal(listRaw.Count, raw.Count);
            always += Hits(scaled, 1e300, 1e300).Count;
            foreach ((double low, double high) in Windows(all))
            {
                Assert.Equal(Hits(listScaled, low, high), Hits(scaled, low, high));
                Assert.Equal(Hits(listRaw, low, high), Hits(raw, low, high));
                windows++;
            }

            tables++;
        }

        Assert.True(tables >= 12 && windows > 10_000, $"{tables} tables, {windows} windows");
        Assert.True(always > 0, "the table near decimal's limit has candidates whose value overflows (asked by every query)");
    }

    [Fact]
    public void ValueIndexes_AllocateLessThanTheLists()
    {
        Candidate[] all = SheetIndex.For(FactSheet.Build(SyntheticTables.Project(150, 3))).Candidates;
        _ = SheetIndex.ValueIndexes(all);
        _ = ListValueIndexes(all);
        long arrays = Allocated(() => SheetIndex.ValueIndexes(all));
        long lists = Allocated(() => ListValueIndexes(all));
        // The tuple lists (24 bytes an item, grown for the raw one) and their copies are gone: well under four fifths.
        Assert.True(arrays * 5 < lists * 4, $"arrays {arrays} B, lists {lists} B");
    }

    [Fact]
    public void IntervalIndex_FromArrays_AnswersAsFromAList_EvenWithArraysLongerThanItsCount()
    {
        var interval = from low in Gen.Choose(-1000, 1000)
                       from width in Gen.Choose(0, 300)
                       select ((double)low / 8, ((double)low + width) / 8);
        var cases = from items in Gen.ListOf(interval)
                    from spare in Gen.Choose(0, 3)
                    from low in Gen.Choose(-1100, 1100)
                    from width in Gen.Choose(0, 400)
                    select (items.ToList(), spare, (double)low / 8, ((double)low + width) / 8);
        Prop.ForAll(Arb.From(cases), c =>
        {
            (List<(double Low, double High)> items, int spare, double low, double high) = c;
            var fromList = new IntervalIndex([.. items.Select((it, k) => (it.Low, it.High, k + 100))], [7]);
            // Arrays longer than the count (as the raw index's when a value overflows), the spare slots holding junk.
            var lows = items.Select(it => it.Low).Concat(Enumerable.Repeat(-5000.0, spare)).ToArray();
            var highs = items.Select(it => it.High).Concat(Enumerable.Repeat(5000.0, spare)).ToArray();
            var payloads = items.Select((_, k) => k + 100).Concat(Enumerable.Repeat(-1, spare)).ToArray();
            var fromArrays = new IntervalIndex(lows, highs, payloads, items.Count, [7]);
            Assert.Equal(Hits(fromList, low, high), Hits(fromArrays, low, high));
            Assert.Equal(items.Count + 1, fromArrays.Count);
        }).Check(Config);
    }

    [Fact]
    public void ByIndicator_IsTheDictionaryOfLists_AsArraysByIndex_OnEveryTable()
    {
        int tables = 0;
        foreach (FactSheet sheet in SheetIndexFastPathTests.Sheets())
        {
            Candidate[] all = SheetIndex.For(sheet).Candidates;
            Candidate[][] rows = SheetIndex.ByIndicator(all);
            Dictionary<int, Candidate[]> dictionary = DictionaryByIndicator(all);
            Assert.Equal(dictionary.Count == 0 ? 0 : dictionary.Keys.Max() + 1, rows.Length);
            for (int i = 0; i < rows.Length; i++)
            {
                Assert.Equal(dictionary.TryGetValue(i, out Candidate[]? expected) ? expected : [], rows[i]);
            }

            Assert.Equal(all.Count(c => c.Fact.IndicatorIndex is not null), rows.Sum(r => r.Length));
            tables++;
        }

        Assert.True(tables >= 12, $"{tables} tables");
    }

    [Fact]
    public void ByIndicator_GivesAnEmptyArrayForARowWithoutCandidates_AndAllocatesLessThanTheDictionary()
    {
        Candidate[] all = SheetIndex.For(FactSheet.Build(SyntheticTables.Project(150, 3))).Candidates;
        // Only the candidates of every third indicator: the others have none, and the last may have none either.
        Candidate[] some = [.. all.Where(c => c.Fact.IndicatorIndex is not { } i || i % 3 == 0)];
        Candidate[][] rows = SheetIndex.ByIndicator(some);
        Assert.All(Enumerable.Range(0, rows.Length).Where(i => i % 3 != 0), i => Assert.Empty(rows[i]));
        Assert.All(Enumerable.Range(0, rows.Length).Where(i => i % 3 == 0), i => Assert.NotEmpty(rows[i]));
        _ = DictionaryByIndicator(all);
        long arrays = Allocated(() => SheetIndex.ByIndicator(all));
        long dictionary = Allocated(() => DictionaryByIndicator(all));
        Assert.True(arrays * 2 < dictionary, $"arrays {arrays} B, dictionary {dictionary} B");
    }

    [Theory]
    [InlineData("实际完成")]
    [InlineData("农民工外出务工规模")]
    [InlineData("其中实际完成目标任务的")]
    [InlineData("开展技能培训实际完成")]
    [InlineData("全年实际完成年度目标任务，比上年同期增长")]
    [InlineData("2024年度完成率为")]
    [InlineData("")]
    public void HasOwnSubject_StoppingOnceUnderThree_IsTheFrozenAnswer(string before) =>
        Assert.Equal(ReferenceVerifier.VerificationContext.HasOwnSubject(before), VerificationContext.HasOwnSubject(before));

    [Fact]
    public void HasOwnSubject_OfEveryClauseHeadOfEveryCorpusText_IsTheFrozenAnswer()
    {
        int asked = 0, own = 0;
        foreach (string body in VerifierCorpus.Groups().SelectMany(VerifierCorpus.Texts).Select(t => t.Body).Distinct(StringComparer.Ordinal))
        {
            foreach (Clause clause in Clause.Split(Assistant.Domain.Numbers.TextNormalizer.Normalize(body)))
            {
                string text = clause.Text;
                for (int end = 0; end <= text.Length; end += 2)
                {
                    string before = text[..end];
                    bool expected = ReferenceVerifier.VerificationContext.HasOwnSubject(before);
                    Assert.Equal(expected, VerificationContext.HasOwnSubject(before));
                    asked++;
                    own += expected ? 1 : 0;
                }
            }
        }

        Assert.True(asked > 1000 && own > 100 && asked - own > 100, $"{asked} asked, {own} with a subject of their own");
    }

    /// <summary>
    /// The pairs' index (its hulls now handed over as arrays) answers a number of each group's unit as an index built from
    /// the list of every pair's hull does: the same ids in the same order, for a window at every pair's hull, on every table.
    /// </summary>
    [Fact]
    public void DerivedIndex_AnswersEveryPairsWindowAsAnIndexFromTheListOfHulls_OnEveryTable()
    {
        var units = new[] { Assistant.Domain.Numbers.UnitSpec.None, Assistant.Domain.Numbers.UnitSpec.Parse("个百分点"), Assistant.Domain.Numbers.UnitSpec.Parse("%") };
        int asked = 0, overflowing = 0;
        foreach (FactSheet sheet in SheetIndexFastPathTests.Sheets())
        {
            var index = SheetIndex.For(FactSheet.Build(sheet.Evaluation));
            Candidate[] all = index.Candidates;
            DerivedIndex derived = index.Derived;
            if (!derived.IsIndexed)
            {
                continue;
            }

            var own = new DerivedIndex.Own?[all.Length];
            var byGroup = derived.Pairs().GroupBy(p => p.Kind switch { PairKind.RateGap => 1, PairKind.Ratio => 2, _ => 0 });
            var references = new IntervalIndex[3];
            var hulls = new List<Interval>[3];
            for (int group = 0; group < 3; group++)
            {
                var items = new List<(double, double, int)>();
                var always = new List<int>();
                hulls[group] = [];
                int place = 0;
                foreach ((int a, int b, PairKind kind) in byGroup.FirstOrDefault(g => g.Key == group) ?? Enumerable.Empty<(int, int, PairKind)>())
                {
                    int id = (place++ << 2) | group;
                    try
                    {
                        Interval h = DerivedIndex.PairHull(index, all, own, a, b, kind);
                        items.Add(((double)h.Low, (double)h.High, id));
                        hulls[group].Add(h);
                    }
                    catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or DivideByZeroException)
                    {
                        always.Add(id);
                        overflowing++;
                    }
                }

                references[group] = new IntervalIndex(items, always);
            }

            var hits = new List<int>();
            for (int group = 0; group < 3; group++)
            {
                foreach (Interval h in hulls[group].Take(400))
                {
                    foreach (int decimals in new[] { 0, 2 })
                    {
                        decimal value = Math.Round((h.Low / 2) + (h.High / 2), decimals);
                        var number = new Assistant.Domain.Numbers.PrintedNumber(value, decimals);
                        var mention = new Mention(0, 1, "1", MentionKind.Quantity, number, units[group], null);
                        derived.Near(mention, number, hits);
                        var expected = new List<int>();
                        (double low, double high) = SheetIndex.Window(mention, number);
                        references[group].Query(low, high, expected);
                        Assert.Equal(expected, hits);
                        asked++;
                    }
                }
            }
        }

        Assert.True(asked > 2000, $"{asked} windows asked ({overflowing} pairs whose hull overflows, asked by every query)");
    }

    private static long Allocated(Func<object> build)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(build());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
