using Assistant.Domain.Verification;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21: name matching through the character-position index (<see cref="NameIndex.Runs"/>) gives
/// the answers of the pre-index matcher (kept as <see cref="ReferenceVerifier.IndicatorNames"/>, a
/// longest-common-run table of every name against the text): the same names named, the same ranking.
/// Names and texts are drawn from a few characters so that they share many runs, repeated characters,
/// prefixes, tails and subsequences; spaces, brackets, quotes and full-width digits test the cores.
/// </summary>
public class NameIndexTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    private const string Alphabet = "就业人员培训补贴率数城镇新增失业再创业就业人";

    private static readonly string[] Noise = [" ", "（", "）", "(", ")", "“", "”", "１", "2", "的", "完成", "万人", "，"];

    private static Gen<string> Name() =>
        from length in Gen.Choose(0, 12)
        from chars in Gen.ListOf(Gen.Elements(Alphabet.ToCharArray()), length)
        from noise in Gen.Elements(new[] { "", "", "", " ", "（省级）", "“十四五”", "2" })
        from at in Gen.Choose(0, length)
        select new string(chars.ToArray()).Insert(at, noise);

    private static Gen<string> Text(List<string> names) =>
        from count in Gen.Choose(0, 6)
        from pieces in Gen.ListOf(
            Gen.OneOf(
                // A name, a part of it, or a name with a word inserted.
                from name in Gen.Elements(names.DefaultIfEmpty(string.Empty).ToArray())
                from from_ in Gen.Choose(0, name.Length)
                from length in Gen.Choose(0, name.Length - from_)
                from insert in Gen.Elements(new[] { "", "", "实现", "的" })
                from at in Gen.Choose(0, length)
                select name.Substring(from_, length).Insert(at, insert),
                Gen.Elements(Noise),
                from chars in Gen.ListOf(Gen.Elements(Alphabet.ToCharArray()), 3)
                select new string(chars.ToArray())),
            count)
        select string.Concat(pieces);

    private static Gen<(List<string> Names, List<string> Texts)> Cases() =>
        from count in Gen.Choose(1, 30)
        from names in Gen.ListOf(Name(), count)
        from texts in Gen.ListOf(Text(names.ToList()), 8)
        select (names.ToList(), texts.ToList());

    [Fact]
    public void TheIndexedMatcher_NamesAndRanksAsTheLongestCommonRunTable()
    {
        Assert.Null(Record.Exception(() => Prop.ForAll(Cases().ToArbitrary(), x =>
        {
            var reference = new ReferenceVerifier.IndicatorNames(x.Names);
            var indexed = new IndicatorNames(x.Names);
            foreach (string text in x.Texts.Concat(x.Names))
            {
                Assert.Equal(reference.Named(text).ToList(), indexed.Named(text).ToList());
                Assert.Equal(reference.Ranked(text).ToList(), Ranked(indexed, text));
                Assert.Equal(reference.NamedInOrder(text, out int items).ToList(), indexed.NamedInOrder(text, out int indexedItems).ToList());
                Assert.Equal(items, indexedItems);
            }
        }).Check(Config)));
    }

    [Fact]
    public void ALongText_AndTheTablesNames_MatchAsBefore()
    {
        // Longer than the matcher's stack buffer (512 characters), with names at both ends.
        string[] names = ["城镇新增就业人数", "失业人员再就业人数", "就业困难人员就业人数", "就业困难人员帮扶率", "职业技能培训补贴人次"];
        string text = "城镇新增就业" + new string('的', 600) + "失业人员实现再就业11.91万人，就业困难人员帮扶率100%";
        var reference = new ReferenceVerifier.IndicatorNames(names);
        var indexed = new IndicatorNames(names);
        Assert.Equal(reference.Ranked(text).ToList(), Ranked(indexed, text));
        Assert.Equal(reference.Named(text).ToList(), indexed.Named(text).ToList());
        Assert.NotEmpty(indexed.Named(text));
    }

    [Fact]
    public void ANameSharingNoRunOfThree_IsNotNamed_AndAShortNameNeedsAllItsCharacters()
    {
        var names = new IndicatorNames(["城镇新增就业人数", "培训", "率"]);
        Assert.Empty(names.Named("城镇就业"));
        Assert.Equal(new[] { 0 }, names.Named("城镇新增就业40.55万人"));
        Assert.Equal(new[] { 1 }, names.Named("开展培训"));
        Assert.Empty(names.Named("培"));
    }

    private static readonly string[] Heads = ["", "合成指标", "合成指", "就业困难人员", "就业", "人员培训"];

    /// <summary>Names sharing heads (合成指标1 … 合成指标100), names that are heads of others, duplicates and empty names.</summary>
    private static Gen<string> SharedHeadName() =>
        from head in Gen.Elements(Heads)
        from length in Gen.Choose(0, 5)
        from chars in Gen.ListOf(Gen.Elements((Alphabet + "0123456789").ToCharArray()), length)
        select head + new string(chars.ToArray());

    private static Gen<(List<string> Names, List<string> Texts)> SharedHeadCases() =>
        from count in Gen.Choose(1, 120)
        from names in Gen.ListOf(SharedHeadName(), count)
        from texts in Gen.ListOf(Gen.OneOf(Text(names.ToList()), from t in Text(names.ToList()) select t + t), 8)
        select (names.ToList(), texts.ToList());

    [Fact]
    public void ThePrefixTree_GivesEachNameTheRunsOfTheCharacterPositionIndex()
    {
        // Session 26: the names' prefixes as a tree instead of every character position of every name.
        // Runs (names touched, longest run, whether it ends the name) must be those of session 25's index.
        Assert.Null(Record.Exception(() => Prop.ForAll(Gen.OneOf(SharedHeadCases(), Cases()).ToArbitrary(), x =>
        {
            var positions = new ReferenceVerifier.PositionNameIndex(x.Names);
            var tree = new NameIndex(x.Names);
            foreach (string text in x.Texts.Concat(x.Names).Select(NameIndex.Core))
            {
                positions.Runs(text, out List<int> expectedTouched, out int[] expectedBest, out bool[] expectedTail);
                var expected = expectedTouched.Select(i => (i, expectedBest[i], expectedTail[i])).ToList();
                tree.Runs(text, out List<int> touched, out int[] best, out bool[] tail);
                Assert.Equal(expected, touched.Select(i => (i, best[i], tail[i])).ToList());

                // With a least run (the matcher asks for three, or two when a name is that short; session 31 passes over
                // the characters outside any run of that many the names hold): the same, less the names below it.
                foreach (int least in (int[])[2, 3, 4])
                {
                    tree.Runs(text, least, out touched, out best, out tail);
                    Assert.Equal(expected.Where(e => e.Item2 >= least).ToList(), touched.Select(i => (i, best[i], tail[i])).ToList());
                }
            }
        }).Check(Config)));
    }

    [Fact]
    public void TheIndexedMatcher_OnNamesSharingHeadsAndDigits_NamesAndRanksAsTheLongestCommonRunTable()
    {
        // Session 32: the matcher judges each touched name once (named or not, its run written, the best-covered counted)
        // and the tree reads the runs off with the names when it walks every node; up to 120 names sharing heads and digits
        // touch most of the tree. The scored list stays ascending by name (what clause also names is looked up in it).
        Assert.Null(Record.Exception(() => Prop.ForAll(SharedHeadCases().ToArbitrary(), x =>
        {
            var reference = new ReferenceVerifier.IndicatorNames(x.Names);
            var indexed = new IndicatorNames(x.Names);
            foreach (string text in x.Texts.Concat(x.Names))
            {
                Assert.Equal(reference.Named(text).ToList(), indexed.Named(text).ToList());
                Assert.Equal(reference.Ranked(text).ToList(), Ranked(indexed, text));
                var scored = indexed.Scored(text, out _).ToArray();
                Assert.Equal(scored.OrderBy(s => s.Index).ToArray(), scored);
            }
        }).Check(Config)));
    }

    [Fact]
    public void ThePrefixTree_SharesTheHeadsOfNames()
    {
        var names = Enumerable.Range(1, 100).Select(i => $"合成指标{i}").ToList();
        var tree = new NameIndex(names);

        // 合成指标 (4), 1–9 (9), 10–99 (90), 100 (1): 104 prefixes for 492 characters.
        Assert.Equal(104, tree.Nodes);
        tree.Runs(NameIndex.Core("合成指标37完成值为1234.5"), out List<int> touched, out int[] best, out bool[] tail);
        Assert.Equal(100, touched.Count);
        Assert.Equal((6, true), (best[36], tail[36]));
        Assert.Equal((5, true), (best[2], tail[2]));
        Assert.Equal((4, false), (best[0], tail[0]));
    }

    [Fact]
    public void CharactersOutsideTheNamesRunsOfThree_ArePassedOver_WithTheSameRuns()
    {
        // Session 31: 1037 shares no run of three with 合成指标1 … 合成指标100, 1000 shares 100 with 合成指标100.
        var names = Enumerable.Range(1, 100).Select(i => $"合成指标{i}").ToList();
        var tree = new NameIndex(names);
        var positions = new ReferenceVerifier.PositionNameIndex(names);
        foreach (string text in (string[])["另有1037人次参与", "另有1000人次参与", "合成指标37完成值为1234.5", "标37合成指标100", "指标3"])
        {
            positions.Runs(text, out List<int> expectedTouched, out int[] expectedBest, out bool[] expectedTail);
            var expected = expectedTouched.Select(i => (i, expectedBest[i], expectedTail[i])).Where(e => e.Item2 >= 3).ToList();
            tree.Runs(text, 3, out List<int> touched, out int[] best, out bool[] tail);
            Assert.Equal(expected, touched.Select(i => (i, best[i], tail[i])).ToList());
        }

        tree.Runs("另有1037人次参与", 3, out List<int> none, out _, out _);
        Assert.Empty(none);
        tree.Runs("另有1000人次参与", 3, out List<int> hundred, out int[] run, out bool[] ends);
        Assert.Equal(new[] { 99 }, hundred);
        Assert.Equal((3, true), (run[99], ends[99]));
    }

    /// <summary>The full ranking the indexed matcher implies (its callers only ever need the best of it).</summary>
    private static List<(int Index, int Score)> Ranked(IndicatorNames names, string text)
    {
        var scored = names.Scored(text, out _).ToArray().ToList();
        scored.Sort((a, b) => a == b ? 0 : names.RanksBefore(a, b) ? -1 : 1);
        return scored;
    }
}
