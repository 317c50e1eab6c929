using Assistant.Features.Corpus;
using Assistant.Features.Words;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>Word segmentation, the stored terms, and the lexical query plan's row budget.</summary>
public class LexicalSearchTests
{
    [Theory]
    [InlineData("城镇新增就业人数未完成", new[] { "城镇", "新增", "就业", "人数" })]
    [InlineData("培训机构师资不足，开班计划推迟", new[] { "培训", "机构", "师资", "不足", "开班", "计划", "推迟" })]
    [InlineData("预算执行率偏低的原因", new[] { "预算", "执行", "原因" })]
    [InlineData("创业担保贷款贴息资金", new[] { "创业", "担保", "贷款", "贴息", "资金" })]
    public void Terms_AreWords(string text, string[] expected)
    {
        var terms = LexicalTerms.Of(text);
        Assert.All(expected, w => Assert.Contains(w, terms));
        Assert.DoesNotContain("，", terms);
    }

    [Fact]
    public void Terms_DropPunctuation_KeepNumbersAndLatin_LowerCase()
    {
        var terms = LexicalTerms.Of("２０２４年 HNSW 索引！？，。");
        Assert.Contains("2024", terms);
        Assert.Contains("hnsw", terms);
        Assert.All(terms, t => Assert.True(t.Any(char.IsLetterOrDigit), t));
        Assert.Empty(LexicalTerms.Of("！？，。'\"&|:* "));
        Assert.Empty(LexicalTerms.OfQuery(string.Empty));
    }

    [Fact]
    public void Terms_KeepRepeats_QueryTermsAreDistinct()
    {
        Assert.Equal(2, LexicalTerms.Of("就业补助，就业见习").Count(t => t == "就业"));
        Assert.Single(LexicalTerms.OfQuery("就业补助，就业见习"), t => t == "就业");
    }

    [Fact]
    public void Segmenter_IsSafeAcrossThreads()
    {
        var expected = WordSegmenter.Cut("公益性岗位安置人数未达到年度目标");
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 64, _ => results.Add(string.Join('/', WordSegmenter.Cut("公益性岗位安置人数未达到年度目标"))));
        Assert.All(results, r => Assert.Equal(string.Join('/', expected), r));
    }

    private static Dictionary<string, (long, long)> Stats(long n, params (string Term, long Df)[] terms)
    {
        var d = terms.ToDictionary(t => t.Term, t => (t.Df, t.Df * 2), StringComparer.Ordinal);
        d[CorpusTermCounts.Totals] = (n, n * 40);
        return d;
    }

    [Fact]
    public void Plan_TakesTheRarestTerms_WithinTheBudget()
    {
        var plan = CorpusSearch.Plan(["就业", "见习", "师资", "不足"], Stats(1_000_000, ("就业", 900_000), ("见习", 350), ("师资", 100), ("不足", 80_000)))!;
        Assert.Equal(["师资", "见习", "不足", "就业"], plan.Terms);
        Assert.Equal(["师资"], plan.Candidates.Take(1));
        Assert.False(plan.All);
        Assert.Equal(["师资", "见习"], plan.Candidates);
        Assert.True(plan.Idf[0] > plan.Idf[1] && plan.Idf[1] > plan.Idf[2] && plan.Idf[2] > plan.Idf[3]);
        Assert.All(plan.Idf, x => Assert.True(x > 0));
        Assert.Equal(40, plan.MeanLength);
    }

    [Fact]
    public void Plan_AllCommon_AsksForAConjunction()
    {
        var plan = CorpusSearch.Plan(["就业", "资金", "人数"], Stats(1_000_000, ("就业", 900_000), ("资金", 200_000), ("人数", 50_000)))!;
        Assert.True(plan.All);
        Assert.Equal(["人数", "资金", "就业"], plan.Candidates);

        var two = CorpusSearch.Plan(["资金", "人数"], Stats(1_000_000, ("资金", 40_000), ("人数", 30_000)))!;
        Assert.True(two.All);
        Assert.Equal(["人数", "资金"], two.Candidates);
    }

    [Fact]
    public void Plan_UnknownTermsOrEmptyCorpus_IsNull()
    {
        Assert.Null(CorpusSearch.Plan(["蓝靛"], Stats(1000, ("就业", 10))));
        Assert.Null(CorpusSearch.Plan(["就业"], new Dictionary<string, (long, long)>()));
        var plan = CorpusSearch.Plan(["蓝靛", "就业"], Stats(1000, ("就业", 10)))!;
        Assert.Equal(["就业"], plan.Terms);
    }

    /// <summary>Whatever the frequencies, an any-of candidate set is within the budget, and the rarest term leads.</summary>
    [Fact]
    public void Plan_AnyOfCandidates_NeverExceedTheBudget() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(1, 3_000_000)).Where(a => a.Count is > 0 and < 12).ToArbitrary(),
            list =>
            {
                int[] dfs = [.. list];
                long n = Math.Max(dfs.Max(), 1) + 1;
                var terms = dfs.Select((df, i) => ("t" + i, (long)df)).ToArray();
                var plan = CorpusSearch.Plan([.. terms.Select(t => t.Item1)], Stats(n, terms))!;
                long rows = plan.Candidates.Sum(c => terms.First(t => t.Item1 == c).Item2);
                bool ok = plan.All
                    ? dfs.Min() > CorpusSearch.LexicalRowBudget && plan.Candidates.Length is >= 1 and <= 3
                    : rows <= CorpusSearch.LexicalRowBudget;
                return ok && terms.First(t => t.Item1 == plan.Candidates[0]).Item2 == dfs.Min();
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Bm25_RareTermsOutweighCommon_RepeatsSaturate_LongPassagesWeighLess()
    {
        var plan = CorpusSearch.Plan(["师资", "就业"], Stats(100_000, ("师资", 50), ("就业", 60_000)))!;
        var ranked = CorpusSearch.Bm25(plan,
        [
            (1, ["就业", "就业", "就业", "补助"]),
            (2, ["师资", "不足"]),
            (3, ["师资", "不足", "开班", "推迟", "培训", "机构", "计划", "调整", "安排", "完成"]),
            (4, ["其他"]),
            (5, ["师资", "就业"]),
        ], 10);
        Assert.Equal([5L, 2L, 3L, 1L], ranked.Select(r => r.Id));
        Assert.DoesNotContain(ranked, r => r.Id == 4);
        Assert.Equal(2, CorpusSearch.Bm25(plan, [(1, ["师资"]), (2, ["师资"]), (3, ["师资"])], 2).Count);

        // Ties keep a stable order (by id), and a repeat adds less than a second distinct term.
        var once = CorpusSearch.Bm25(plan, [(9, ["就业", "x"]), (8, ["就业", "x"])], 5);
        Assert.Equal([8L, 9L], once.Select(r => r.Id));
        double twice = CorpusSearch.Bm25(plan, [(1, ["就业", "就业"])], 1)[0].Score;
        Assert.True(twice < 2 * once[0].Score);
    }
}
