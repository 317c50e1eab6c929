using System.Security.Cryptography;
using System.Text;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;

namespace Assistant.Domain.Tests;

/// <summary>The synthetic corpus the benchmarks measure on: the same in every process, and shaped like real reports (few repeated vectors).</summary>
public sealed class SyntheticCorpusTests
{
    /// <summary>
    /// SHA-256 of reports 0–9 (UTF-8, concatenated), taken from two separate processes writing the files
    /// (<c>bulk --write-files</c>) on 2026-12-02. A seed drawn from <see cref="HashCode"/> (randomised per
    /// process) gives another value in every test run.
    /// </summary>
    private const string FirstTenSha256 = "700dceb87930b9fa794335d494b37a86dd6bded9c02afe9571bd5abc30cce098";

    [Fact]
    public void Report_IsTheSameInEveryProcess()
    {
        var text = string.Concat(Enumerable.Range(0, 10).Select(i => SyntheticCorpus.Report(i).Text));
        Assert.Equal(FirstTenSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        Assert.Equal(SyntheticCorpus.Report(7), SyntheticCorpus.Report(7));
        Assert.NotEqual(SyntheticCorpus.Report(7).Text, SyntheticCorpus.Report(7, seed: 1).Text);
    }

    [Fact]
    public void Seed_IsAFixedMix_SpreadOverIndexes()
    {
        Assert.Equal(SyntheticCorpus.Seed(20261121, 0), SyntheticCorpus.Seed(20261121, 0));
        var seeds = Enumerable.Range(0, 10_000).Select(i => SyntheticCorpus.Seed(20261121, i)).ToHashSet();
        Assert.Equal(10_000, seeds.Count);
        Assert.All(seeds, s => Assert.True(s >= 0));
    }

    /// <summary>
    /// Before session 25 three passages of every report had one vector each (the funds-management and
    /// results-use sentences, and the budget line whose numbers the embedding folds into one token):
    /// ~21 % of the rows repeated another's vector. Real reports vary these sentences.
    /// </summary>
    [Fact]
    public void Passages_RarelyRepeatAVector()
    {
        var vectors = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            var (name, text) = SyntheticCorpus.Report(i);
            var report = CorpusRows.Prepare(name, text, null, "synthetic", null).Report!;
            vectors.AddRange(report.EmbeddingTexts.Select(t => Convert.ToBase64String(MemoryMarshalBytes(HashingEmbedding.Embed(t)))));
        }

        int repeated = vectors.Count - vectors.Distinct(StringComparer.Ordinal).Count();
        Assert.True(vectors.Count > 7000, $"{vectors.Count} passages");
        Assert.True(repeated < vectors.Count / 100, $"{repeated} of {vectors.Count} passages repeat another's vector");
    }

    private static byte[] MemoryMarshalBytes(float[] v) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan()).ToArray();
}
