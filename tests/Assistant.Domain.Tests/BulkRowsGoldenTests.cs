using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21, session 39: making the bulk load's preparing cheaper must not change what it stores. The rows a fixed set of
/// reports becomes (the real seeds, the repository's sample corpus and 60 synthetic reports) — every passage's ordinal,
/// kind, heading path, indicator, text hash, lexical terms, embedding text and built-in vector, and the document row's
/// sections and statements — are digested and compared with the digest main produced before the change (commit
/// <c>47f9791</c>, printed by this test when it differs). A second digest, from the terms cut whole
/// (<see cref="LexicalTerms.OfWhole"/>) and vectors embedded one text at a time, must give the same value.
/// </summary>
public class BulkRowsGoldenTests
{
    /// <summary>SHA-256 of the rows below as main <c>47f9791</c> built them.</summary>
    private const string MainDigest = "1347ac81fb6966e5ecafe76804dd924b43b5e54064274bd335eaaf526bd771a8";

    private static IEnumerable<(string Name, string Text)> Reports()
    {
        foreach (string dir in new[] { Path.Combine(Assistant.Testing.RepoPaths.Shared, "seeds"), Path.Combine(Assistant.Testing.RepoPaths.Repo, "samples", "corpus") })
        {
            foreach (string file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
            {
                yield return (Path.GetFileName(file), File.ReadAllText(file));
            }
        }

        for (int i = 0; i < 60; i++)
        {
            yield return SyntheticCorpus.Report(i);
        }
    }

    /// <summary>The digest of the rows the product builds (<see cref="CorpusRows"/>, the terms prepared with the report).</summary>
    private static (string Digest, int Reports, int Passages) ProductDigest(Func<PreparedReport, Passage, int, string[]> terms, Func<string, float[]> embed)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int reports = 0, passages = 0;
        var at = DateTimeOffset.UnixEpoch;
        foreach (var (name, text) in Reports())
        {
            var (prepared, failure) = CorpusRows.Prepare(name, text, null, "golden", null);
            Assert.True(failure is null, name + ": " + failure?.Error);
            reports++;
            var document = CorpusRows.Document(prepared!, Guid.Empty, at);
            Add(sha, name, document.ContentHash, document.Title, document.Region, document.Year?.ToString(CultureInfo.InvariantCulture), document.Fund, document.Sections, document.Statements, document.CharCount.ToString(CultureInfo.InvariantCulture));
            var vectors = prepared!.EmbeddingTexts.Select(embed).ToArray();
            var rows = CorpusRows.Passages(prepared, Guid.Empty, vectors, "hashing").ToList();
            Assert.Equal(prepared.Report.Passages.Count, rows.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var passage = prepared.Report.Passages[i];
                Assert.Equal(row.Terms, terms(prepared, passage, i));
                Add(sha, row.Ordinal.ToString(CultureInfo.InvariantCulture), row.Kind, row.SectionPath, row.Indicator, row.Fund, row.Region, row.Year?.ToString(CultureInfo.InvariantCulture), row.Text, row.TextHash, string.Join('\u0001', row.Terms!), prepared.EmbeddingTexts[i]);
                sha.AppendData(MemoryMarshal.AsBytes(row.Embedding!.ToArray().AsSpan()));
                passages++;
            }
        }

        return (Convert.ToHexStringLower(sha.GetHashAndReset()), reports, passages);
    }

    private static void Add(IncrementalHash sha, params string?[] fields)
    {
        foreach (string? f in fields)
        {
            sha.AppendData(Encoding.UTF8.GetBytes((f ?? "\u0000null") + "\u0002"));
        }
    }

    [Fact]
    public void TheRowsOfAFixedSetOfReports_AreThoseMainBuilt()
    {
        var (digest, reports, passages) = ProductDigest((p, _, i) => p.PassageTerms[i], t => HashingEmbedding.Embed(t));
        Assert.True(reports >= 70 && passages > 1000, $"{reports} reports, {passages} passages");
        Assert.True(MainDigest == digest, $"the rows changed: digest {digest} (main: {MainDigest}); {reports} reports, {passages} passages");
    }

    [Fact]
    public void TheRowsDigest_IsTheSame_WithTermsCutWhole()
    {
        var (digest, _, _) = ProductDigest((_, p, _) => LexicalTerms.OfWhole(p.SectionPath + " " + p.IndicatorName + " " + p.Text), t => HashingEmbedding.Embed(t));
        Assert.True(MainDigest == digest, $"digest {digest} (main: {MainDigest})");
    }
}
