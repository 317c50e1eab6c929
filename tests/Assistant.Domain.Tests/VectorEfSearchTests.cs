using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;

namespace Assistant.Domain.Tests;

/// <summary>The vector half's HNSW candidate list chosen from the query vector's shape (issue 21, session 27).</summary>
public class VectorEfSearchTests
{
    [Theory]
    [InlineData("推行免申即享")]
    [InlineData("见习岗位不足的原因")]
    [InlineData("资金下达时间较晚导致支出进度慢")]
    [InlineData("高校就业指导中心专场招聘")]
    public void ShortQuestions_AreSparse_AndGetTheLongList_OnEitherGraph(string query)
    {
        float[] v = HashingEmbedding.Embed(query);
        Assert.True(CorpusSearch.IsSparse(v));
        Assert.Equal(CorpusSearch.SparseQueryEfSearch, CorpusSearch.EfSearch(v, sectionGraph: false, candidates: 40));
        Assert.Equal(CorpusSearch.SparseQueryEfSearch, CorpusSearch.EfSearch(v, sectionGraph: true, candidates: 40));
    }

    /// <summary>
    /// Passage-shaped queries walk the whole graph with 200, not session 25's 100: at 100 their recall@10
    /// was 0.945 on one 114k build (docs/benchmarks.md, issue 21 — search at province scale, session 28).
    /// </summary>
    [Fact]
    public void PassageShapedQueries_GetTheDenseList_OnTheWholeGraph()
    {
        float[] v = HashingEmbedding.Embed("2023年度就业补助资金项目支出绩效自评报告中关于见习岗位开发数量未达到年初设定目标的原因分析及下一步改进措施");
        Assert.False(CorpusSearch.IsSparse(v));
        Assert.Equal(200, CorpusSearch.EfSearch(v, sectionGraph: false, candidates: 40));
        Assert.Equal(200, CorpusSearch.EfSearch(v, sectionGraph: true, candidates: 40));
    }

    [Fact]
    public void ADenseModelVector_IsNeverSparse_AndGetsTheDenseList()
    {
        float[] dense = [.. Enumerable.Range(0, 1024).Select(i => (float)Math.Sin(i + 1))];
        Assert.False(CorpusSearch.IsSparse(dense));
        Assert.Equal(200, CorpusSearch.EfSearch(dense, sectionGraph: false, candidates: 10));
        Assert.Equal(CorpusSearch.VectorEfSearch, CorpusSearch.EfSearch(dense, sectionGraph: false, candidates: 10));
    }

    [Theory]
    [InlineData(48, true)]
    [InlineData(49, false)]
    [InlineData(0, true)]
    public void TheBoundary_IsAnEighthOfTheDimensions(int nonZero, bool sparse)
    {
        var v = new float[384];
        for (int i = 0; i < nonZero; i++)
        {
            v[i * 7 % 384] = i % 2 == 0 ? 0.1f : -0.1f;
        }

        Assert.Equal(sparse, CorpusSearch.IsSparse(v));
    }

    /// <summary>A sparse query reads 2,000 rows through HNSW and keeps its candidates (session 29); a passage-shaped or model vector reads only its candidates.</summary>
    [Fact]
    public void SparseQueries_ReadWider_DenseOnesOnlyTheirCandidates()
    {
        Assert.Equal(2000, CorpusSearch.VectorRows(HashingEmbedding.Embed("资金下达时间较晚导致支出进度慢"), candidates: 40));
        Assert.Equal(40, CorpusSearch.VectorRows(HashingEmbedding.Embed("2023年度就业补助资金项目支出绩效自评报告中关于见习岗位开发数量未达到年初设定目标的原因分析"), candidates: 40));
        Assert.Equal(40, CorpusSearch.VectorRows([.. Enumerable.Range(0, 1024).Select(i => (float)Math.Sin(i + 1))], candidates: 40));
        Assert.Equal(3000, CorpusSearch.VectorRows(HashingEmbedding.Embed("推行免申即享"), candidates: 3000));
        Assert.Equal(40, CorpusSearch.VectorRows(HashingEmbedding.Embed("推行免申即享"), candidates: 40, sparseRows: 0));
    }

    [Fact]
    public void MoreCandidatesThanTheList_RaiseIt()
    {
        float[] v = HashingEmbedding.Embed("2023年度就业补助资金项目支出绩效自评报告中关于见习岗位开发数量未达到年初设定目标的原因分析");
        Assert.Equal(300, CorpusSearch.EfSearch(v, sectionGraph: false, candidates: 300));
        Assert.Equal(CorpusSearch.SparseQueryEfSearch + 1, CorpusSearch.EfSearch(HashingEmbedding.Embed("推行免申即享"), sectionGraph: false, candidates: CorpusSearch.SparseQueryEfSearch + 1));
    }

    /// <summary>
    /// The HNSW read counts rows returned, passing the filters or not (session 30), and reads on only
    /// while fewer than the candidates have passed: by the pass rate so far, a quarter more, at least the
    /// candidates, never past <see cref="CorpusSearch.MaxVectorRows"/>.
    /// </summary>
    [Theory]
    [InlineData(2000, 1900, 40, 0)] // unfiltered: enough passed
    [InlineData(2000, 40, 40, 0)] // exactly the candidates
    [InlineData(2000, 30, 40, 834)] // 1.5 % pass (region + year at 1M): 10 more need ≈ 667 rows, and a quarter more
    [InlineData(2000, 0, 40, 20000 - 2000)] // none passed yet: as far as the bound allows
    [InlineData(40, 38, 40, 40)] // a dense query under the unit scope: 2 missing, at least the candidates
    [InlineData(40, 7, 40, 236)] // a dense query under an 18 % filter
    [InlineData(19_990, 5, 40, 10)] // at the bound's edge
    [InlineData(20_000, 5, 40, 0)] // the bound reached: what passed is the answer
    public void TheReadGoesOn_OnlyWhileTooFewPassed(int read, int kept, int candidates, int next)
    {
        Assert.Equal(next, CorpusSearch.NextFetch(read, kept, candidates));
    }
}
