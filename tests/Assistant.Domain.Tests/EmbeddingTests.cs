using Assistant.Domain.Corpus;

namespace Assistant.Domain.Tests;

public class EmbeddingTests
{
    private static float Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => x * y).Sum();

    [Fact]
    public void Embed_IsDeterministic_UnitLength()
    {
        var a = HashingEmbedding.Embed("就业见习补贴人数未完成");
        var b = HashingEmbedding.Embed("就业见习补贴人数未完成");
        Assert.Equal(a, b);
        Assert.Equal(HashingEmbedding.DefaultDimensions, a.Length);
        Assert.InRange(Cosine(a, a), 0.999f, 1.001f);
        Assert.All(HashingEmbedding.Embed(string.Empty), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Embed_SharedDomainTermsAreCloser_ThanUnrelatedText()
    {
        var query = HashingEmbedding.Embed("见习岗位不足的原因");
        var related = HashingEmbedding.Embed("就业见习补贴人数未达到指标值，主要是见习岗位不足，企业用工减少。");
        var unrelated = HashingEmbedding.Embed("创业担保贷款回收率达到百分之九十七点九一。");
        Assert.True(Cosine(query, related) > Cosine(query, unrelated) + 0.1f);
    }

    [Fact]
    public void Embed_NumbersAreFolded_SoFiguresDoNotDecideSimilarity()
    {
        Assert.Equal(HashingEmbedding.Embed("完成132人"), HashingEmbedding.Embed("完成9876人"));
        Assert.Equal(HashingEmbedding.Embed("执行率79.59%"), HashingEmbedding.Embed("执行率100%"));
    }

    [Fact]
    public void LexicalTokens_AreBigramsAndWords()
    {
        Assert.Equal(["就业", "业见", "见习", "2024", "hnsw"], LexicalTokens.Tokens("就业见习 2024 HNSW"));
        Assert.Equal(["人"], LexicalTokens.Tokens("人"));
        Assert.Equal("就业 | 业见 | 见习", LexicalTokens.Query("就业见习"));
        Assert.Equal(string.Empty, LexicalTokens.Query("！？，。'\"&|:*"));
        Assert.Equal(["25.41", "万人"], LexicalTokens.Tokens("25.41万人"));
    }
}
