using System.Text;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21, session 32: what a clause also names, read from the few names nesting with the one it names (each
/// looked up in the scored list by a binary search) instead of from every scored name. On a table whose names share
/// a head (合成指标1 … 合成指标100) a clause scores all of them; the answer must be the one the whole scored list gave:
/// the names nesting with the named one, other than it, within 60 % of the best run, ascending.
/// </summary>
public class VerifierNestedNamesTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly string[] Heads = ["", "合成指标", "合成指", "就业困难人员", "就业", "人员培训", "招募人员体检"];

    private const string Tail = "就业人员培训补贴率数城镇新增体检人数0123456789";

    /// <summary>Names sharing heads and digits, names that are heads of others, duplicates.</summary>
    private static Gen<string> Name() =>
        from head in Gen.Elements(Heads)
        from length in Gen.Choose(0, 4)
        from chars in Gen.ListOf(Gen.Elements(Tail.ToCharArray()), length)
        select head + new string(chars.ToArray()) is { Length: > 0 } name ? name : "合成指标";

    /// <summary>Texts made of names, parts of names and other words, with numbers.</summary>
    private static Gen<string> Text(List<string> names) =>
        from count in Gen.Choose(1, 4)
        from pieces in Gen.ListOf(
            Gen.OneOf(
                from name in Gen.Elements(names.ToArray())
                from cut in Gen.Choose(0, Math.Min(3, name.Length - 1))
                select name[..(name.Length - cut)],
                Gen.Elements("完成值为", "，", "另有1037人次参与", "实际完成", "12", "100", "37", "的")),
            count)
        select string.Concat(pieces);

    private static Gen<(List<string> Names, List<string> Texts)> Cases() =>
        from count in Gen.Choose(1, 110)
        from names in Gen.ListOf(Name(), count)
        from texts in Gen.ListOf(Text(names.ToList()), 8)
        select (names.ToList(), texts.ToList());

    private static SheetIndex IndexOf(List<string> names)
    {
        var evaluation = SyntheticTables.Project(names.Count);
        evaluation = evaluation with { Indicators = evaluation.Indicators.Select((i, k) => i with { Name = names[k] }).ToList() };
        return SheetIndex.For(FactSheet.Build(evaluation));
    }

    [Fact]
    public void TheNestingList_IsTheNestingRowsTrueEntries_Ascending_AndKept()
    {
        Assert.Null(Record.Exception(() => Prop.ForAll(Cases().ToArbitrary(), x =>
        {
            SheetIndex index = IndexOf(x.Names);
            for (int a = 0; a < x.Names.Count; a++)
            {
                bool[] row = index.NestRowOf(a);
                int[] list = index.NestListOf(a);
                Assert.Equal(Enumerable.Range(0, row.Length).Where(b => row[b]).ToArray(), list);
                Assert.Same(list, index.NestListOf(a));

                // Every name nests with itself, and with exactly the names that hold it or that it holds.
                Assert.Contains(a, list);
                Assert.Equal(
                    Enumerable.Range(0, x.Names.Count).Where(b => x.Names[a].Contains(x.Names[b], StringComparison.Ordinal) || x.Names[b].Contains(x.Names[a], StringComparison.Ordinal)).ToArray(),
                    list);
            }
        }).Check(Config)));
    }

    [Fact]
    public void WhatAClauseAlsoNames_FromTheNestingNames_IsWhatTheWholeScoredListGave()
    {
        Assert.Null(Record.Exception(() => Prop.ForAll(Cases().ToArbitrary(), x =>
        {
            SheetIndex index = IndexOf(x.Names);
            var names = new IndicatorNames(index.Names);
            foreach (string text in x.Texts)
            {
                ReadOnlySpan<(int Index, int Score)> scored = names.Scored(text, out int best);
                var whole = scored.ToArray();
                Assert.Equal(whole.OrderBy(s => s.Index).ToArray(), whole);
                foreach (int named in names.Named(text).Concat(whole.Select(s => s.Index)).Distinct())
                {
                    // Session 31's answer: every scored name read, its nesting row asked.
                    bool[] row = index.NestRowOf(named);
                    List<int>? expected = null;
                    foreach ((int i, int score) in whole)
                    {
                        if (score * 10 >= best * 6 && i != named && row[i])
                        {
                            (expected ??= []).Add(i);
                        }
                    }

                    List<int>? actual = Verifier.AlsoNesting(whole, best, named, index.NestListOf(named));
                    Assert.Equal(expected, actual);
                }
            }

            names.Release();
        }).Check(Config)));
    }

    [Fact]
    public void AScoredNamesRun_IsFoundByItsIndex_AndANameNotScoredIsNot()
    {
        Assert.Null(Record.Exception(() => Prop.ForAll(
            Gen.ListOf(Gen.Choose(0, 60)).Select(l => l.Distinct().Order().ToArray()).ToArbitrary(),
            indices =>
            {
                var scored = indices.Select(i => (Index: i, Score: (i * 7 % 11) + 1)).ToArray();
                for (int i = -1; i <= 61; i++)
                {
                    int? expected = scored.Where(s => s.Index == i).Select(s => (int?)s.Score).FirstOrDefault();
                    Assert.Equal(expected, Verifier.ScoreOf(scored, i));
                }
            }).Check(Config)));
    }

    /// <summary>
    /// Session 32: when the name a clause names has no fact of the number's kind of unit, the best-ranked scored name that
    /// has one is taken; a unit no indicator of the table has (人次 on a table of 人, 个, 家, %, 万元, 万人, 元/人; 亩 and
    /// 公里 on an employment table) now skips that ranking. The verdicts must be the reference verifier's.
    /// </summary>
    [Theory]
    [InlineData("人次")]
    [InlineData("万人次")]
    [InlineData("亩")]
    [InlineData("公里")]
    [InlineData("户")]
    [InlineData("人")]
    public void ANumberOfAUnitNoIndicatorHas_IsJudgedAsTheReferenceJudgesIt(string unit)
    {
        FactSheet[] sheets =
        [
            FactSheet.Build(SyntheticTables.Project(100)),
            FactSheet.Build(SyntheticTables.Project(9, seed: 5)),
            VerifierCorpus.Reference("guangxi-2024-employment-transfer"),
            VerifierCorpus.Reference("zhongwei-2024-internship-subsidy"),
        ];
        foreach (FactSheet sheet in sheets)
        {
            var text = new StringBuilder();
            var indicators = sheet.Evaluation.Indicators;
            for (int i = 0; i < indicators.Count; i += 3)
            {
                text.Append(indicators[i].Name).Append("完成值为").Append(indicators[i].Actual).Append("，另有").Append(1000 + (i * 37)).Append(unit).Append("参与；")
                    .Append(indicators[i].Name).Append(12 + i).Append(unit).Append("，较上年增加").Append(3 + i).Append(unit).Append('。');
            }

            string expected = VerifierCorpus.Render(ReferenceVerifier.Verifier.Verify(sheet, text.ToString()));
            string actual = VerifierCorpus.Render(Verifier.Verify(sheet, text.ToString()));
            Assert.True(expected == actual, VerifierGoldenTests.FirstDifference(expected, actual));
        }
    }

    [Fact]
    public void OnTheSyntheticTable_AClauseNamingOneName_AlsoNamesTheNamesNestingWithIt()
    {
        // 合成指标37 nests with 合成指标3 (a run of five: within 60 % of six); 合成指标100 with 合成指标1 and 合成指标10.
        SheetIndex index = IndexOf(Enumerable.Range(1, 100).Select(i => $"合成指标{i}").ToList());
        var names = new IndicatorNames(index.Names);
        ReadOnlySpan<(int Index, int Score)> scored = names.Scored("合成指标37完成值为1234.5", out int best);
        Assert.Equal(6, best);
        Assert.Equal(new[] { 36 }, names.Named("合成指标37完成值为1234.5"));
        Assert.Equal(new List<int> { 2 }, Verifier.AlsoNesting(scored, best, 36, index.NestListOf(36)));
        Assert.Equal([2, 36], index.NestListOf(36));
        Assert.Equal([0, 9, 99], index.NestListOf(99));

        scored = names.Scored("合成指标100完成值为12", out best);
        Assert.Equal(7, best);
        Assert.Equal(new List<int> { 0, 9 }, Verifier.AlsoNesting(scored, best, 99, index.NestListOf(99)));

        scored = names.Scored("合成指标57完成值为12", out best);
        Assert.Equal(new List<int> { 4 }, Verifier.AlsoNesting(scored, best, 56, index.NestListOf(56)));
        names.Release();

        // A name nesting with none other than itself, and one whose nesting name the clause scores below 60 % of the best run.
        index = IndexOf(["城镇新增就业人数", "失业人员再就业人数", "就业困难人员就业人数", "就业困难人员"]);
        names = new IndicatorNames(index.Names);
        scored = names.Scored("城镇新增就业人数12万人", out best);
        Assert.Equal(new[] { 0 }, names.Named("城镇新增就业人数12万人"));
        Assert.Equal([0], index.NestListOf(0));
        Assert.Null(Verifier.AlsoNesting(scored, best, 0, index.NestListOf(0)));
        scored = names.Scored("就业困难人员就业人数1.2万人", out best);
        Assert.Equal(new[] { 2 }, names.Named("就业困难人员就业人数1.2万人"));
        Assert.Equal(new List<int> { 3 }, Verifier.AlsoNesting(scored, best, 2, index.NestListOf(2)));
        scored = names.Scored("困难人员就业人数1.2万人", out best);
        Assert.Null(Verifier.AlsoNesting(scored, best, 2, index.NestListOf(2)));
        names.Release();
    }
}
