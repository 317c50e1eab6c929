using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21, session 34: the verifier's hot path skips work without changing an answer. The names' runs
/// skip the gram lookup for a character no name holds (one bit per character); the facts near a number
/// come in order through one bit per candidate instead of a sort; the normalizer and the names' cores
/// keep a CJK ideograph without its Unicode lookup. Each is held here against the computation it replaces.
/// </summary>
public class VerifierScanTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(400);

    // Names from a few characters; texts add their neighbours in the bit set (the same word, the next bit,
    // the same bit of the next word: ±1, ±64) and other Chinese, which no name holds.
    private const string NameChars = "合成指标就业人员培训补贴率012";

    private static readonly char[] TextChars = NameChars
        .SelectMany(c => new[] { c, (char)(c + 1), (char)(c - 1), (char)(c + 64), (char)(c - 64) })
        .Concat("完成值为的另有参与，。、 ()“”")
        .ToArray();

    private static Gen<string> Name() =>
        from length in Gen.Choose(1, 10)
        from chars in Gen.ListOf(Gen.Elements(NameChars.ToCharArray()), length)
        select new string(chars.ToArray());

    private static Gen<(List<string> Names, List<string> Texts)> Cases() =>
        from count in Gen.Choose(1, 40)
        from names in Gen.ListOf(Name(), count)
        from texts in Gen.ListOf(
            from pieces in Gen.ListOf(
                Gen.OneOf(
                    Gen.Elements(names.ToArray()),
                    from length in Gen.Choose(1, 6)
                    from chars in Gen.ListOf(Gen.Elements(TextChars), length)
                    select new string(chars.ToArray())),
                6)
            select string.Concat(pieces),
            10)
        select (names.ToList(), texts.ToList());

    [Fact]
    public void TheRunsOfNames_WithCharactersNoNameHolds_AreThoseOfTheCharacterPositionIndex()
    {
        int skipped = 0;
        Assert.Null(Record.Exception(() => Prop.ForAll(Cases().ToArbitrary(), x =>
        {
            var positions = new ReferenceVerifier.PositionNameIndex(x.Names);
            var tree = new NameIndex(x.Names);
            foreach (string text in x.Texts.Select(NameIndex.Core))
            {
                positions.Runs(text, out List<int> expectedTouched, out int[] expectedBest, out bool[] expectedTail);
                var expected = expectedTouched.Select(i => (i, expectedBest[i], expectedTail[i])).ToList();
                foreach (int least in (int[])[1, 2, 3])
                {
                    tree.Runs(text, least, out List<int> touched, out int[] best, out bool[] tail);
                    Assert.Equal(expected.Where(e => e.Item2 >= least).ToList(), touched.Select(i => (i, best[i], tail[i])).ToList());
                }

                skipped += text.Count(c => !NameChars.Contains(c, StringComparison.Ordinal)) > 0 ? 1 : 0;
            }
        }).Check(Config)));
        Assert.True(skipped > 1000, $"only {skipped} texts held characters no name holds");
    }

    [Fact]
    public void NeighboursOfANamesCharacters_InTheBitSet_AreNotTakenForThem()
    {
        // 合 is U+5408: U+5409, U+5448 and U+53C8 share its word or its bit in the set, and no name holds them.
        var tree = new NameIndex(["合成指标1", "合成指标12"]);
        tree.Runs("\u5409成指标1", 3, out List<int> touched, out int[] best, out _);
        Assert.Equal([0, 1], touched);
        Assert.Equal((4, 4), (best[0], best[1]));
        tree.Runs("\u5448\u53c8\u5409指标", 3, out touched, out _, out _);
        Assert.Empty(touched);
        tree.Runs("合成指标12", 3, out touched, out best, out _);
        Assert.Equal((5, 6), (best[0], best[1]));
    }

    [Fact]
    public void TheFactsNearANumber_InOrderThroughBits_AreTheSortedDistinctPositions()
    {
        Assert.Null(Record.Exception(() => Prop.ForAll(
            (from count in Gen.Choose(1, 700)
             from length in Gen.Choose(0, 200)
             from hits in Gen.ListOf(Gen.Choose(0, count - 1), length)
             select (Count: count, Hits: hits.ToList())).ToArbitrary(),
            x =>
            {
                var positions = new List<int>(x.Hits);
                SheetIndex.InOrder(positions, x.Count);
                Assert.Equal(x.Hits.Distinct().Order().ToList(), positions);

                // The bits are left clear for the next call.
                var again = new List<int>(x.Hits.Take(1));
                SheetIndex.InOrder(again, x.Count);
                Assert.Equal(x.Hits.Take(1).ToList(), again);
            }).Check(Config)));
    }

    [Fact]
    public void TheFactsNearANumber_OnATableWithManyCloseFacts_ComeAscendingAndOnce()
    {
        // The synthetic table's values 10–5000 and their derived values: many facts within a number's window, so
        // the bits put them in order; the answer is every fact the sorted list gave, ascending, each once.
        int many = 0;
        foreach (int seed in (int[])[1, 2, 3])
        {
            var sheet = Assistant.Domain.Facts.FactSheet.Build(Assistant.Features.Evaluations.SyntheticTables.Project(100, seed));
            SheetIndex index = SheetIndex.For(sheet);
            var text = new System.Text.StringBuilder();
            var random = new Random(seed);
            for (int k = 0; k < 80; k++)
            {
                var row = sheet.Report.Indicators[random.Next(100)];
                text.Append(row.Name).Append("完成").Append(random.Next(10, 5000)).Append(k % 3 == 0 ? "人" : k % 3 == 1 ? "万元" : string.Empty)
                    .Append("，约").Append(random.Next(1000, 5000)).Append("。").Append(row.Name).Append("完成值为").Append(row.Actual.Text).Append('。');
            }

            var hits = new List<int>();
            foreach (Mention m in MentionExtractor.Extract(text.ToString()).Where(m => m.Number is not null))
            {
                index.Near(m, m.Number!.Value, hits);
                many += hits.Count > 16 ? 1 : 0;
                for (int k = 1; k < hits.Count; k++)
                {
                    Assert.True(hits[k - 1] < hits[k]);
                }

                Assert.All(hits, h => Assert.InRange(h, 0, index.Candidates.Length - 1));
            }
        }

        Assert.True(many > 10, $"only {many} numbers had more than 16 facts near them");
    }

    [Fact]
    public void ACjkIdeograph_IsKeptByTheNormalizer_AsTheUnicodeLookupKeptIt()
    {
        for (int c = 0x4E00; c <= 0x9FFF; c++)
        {
            char ch = (char)c;
            Assert.False(char.IsDigit(ch));
            Assert.False(char.IsWhiteSpace(ch));
            Assert.Equal(ch, TextNormalizer.Map(ch));
        }

        Assert.Equal("合成指标12完成12万人", NameIndex.Core("合成指标 （12） 完成１２万人"));
    }

    [Fact]
    public void TheBitParallelSubsequence_IsTheTablesLongestCommonSubsequence()
    {
        // Names up to 64 characters by bits (and longer by the table), from few characters so that they repeat.
        Assert.Null(Record.Exception(() => Prop.ForAll(
            (from nameLength in Gen.Choose(0, 70)
             from name in Gen.ListOf(Gen.Elements("就业人员培训补贴率1".ToCharArray()), nameLength)
             from textLength in Gen.Choose(0, 80)
             from text in Gen.ListOf(Gen.Elements("就业人员培训实现的补贴1完成".ToCharArray()), textLength)
             select (Name: new string(name.ToArray()), Text: new string(text.ToArray()))).ToArbitrary(),
            x => Assert.Equal(IndicatorNames.SubsequenceTable(x.Name, x.Text), IndicatorNames.Subsequence(x.Name, x.Text))).Check(Config)));

        Assert.Equal(8, IndicatorNames.Subsequence("失业人员再就业人数", "失业人员实现再就业11.91万人"));
        Assert.Equal(64, IndicatorNames.Subsequence(new string('就', 64), new string('就', 70)));
        Assert.Equal(3, IndicatorNames.Subsequence("合成指标100", "指标完成值为1"));
    }
}
