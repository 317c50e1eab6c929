using System.Text.Json;
using Assistant.Features.Corpus;
using Assistant.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Assistant.Features.Storage;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>The HNSW index serves the search query; re-embedding; the command line's ingest and search.</summary>
public sealed class CorpusIndexTests : IAsyncLifetime
{
    private readonly TestDatabase database = new("index");
    private IHost host = null!;

    private IServiceProvider services => host.Services;

    /// <summary>The storage and corpus features as the hosts register them; starting it migrates and re-embeds.</summary>
    private async Task<IHost> StartAsync(int dimensions)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Assistant"] = database.ConnectionString,
            ["Embeddings:Dimensions"] = dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddStorage().AddCorpus();
        IHost started = builder.Build();
        await started.StartAsync();
        return started;
    }

    public async Task InitializeAsync()
    {
        host = await StartAsync(384);
        var store = services.GetRequiredService<CorpusStore>();
        for (int i = 0; i < 120; i++)
        {
            var (name, text) = SyntheticCorpus.Report(i);
            var r = await store.IngestTextAsync(name, text, source: "synthetic");
            Assert.Equal(IngestResult.Ingested, r.Status);
        }

        await using var analyze = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("VACUUM ANALYZE corpus_passages");
        await analyze.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        host.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task VectorSearch_UsesTheHnswIndex_AndLexicalUsesGin()
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var q = HashingEmbeddingVector("见习岗位不足");

        // A couple of thousand narrow rows are cheaper to scan and sort, and the planner rightly says so;
        // what matters is that the query's form lets the index serve it once the table is large.
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await new NpgsqlCommand("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off", connection, tx).ExecuteNonQueryAsync();
        await using var cmd = new NpgsqlCommand("EXPLAIN " + CorpusSearch.VectorSql, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = new Pgvector.Vector(q) });
        AddNoFilters(cmd, 20);
        var plan = await PlanAsync(cmd);
        Assert.Contains("Index Scan using ix_corpus_passages_embedding on", plan, StringComparison.Ordinal);

        // Under section=deviation-reason the section's own graph serves it (the literal in its query
        // matches the partial index's predicate); under another section, the whole graph.
        await using (var section = new NpgsqlCommand("EXPLAIN " + CorpusSearch.SectionIndexedKinds[Domain.Corpus.SectionKind.DeviationReason], connection, tx))
        {
            section.Parameters.Add(new NpgsqlParameter { Value = new Pgvector.Vector(q) });
            AddNoFilters(section, 20, "deviation-reason");
            string sectionPlan = await PlanAsync(section);
            Assert.True(sectionPlan.Contains("Index Scan using " + CorpusSearch.DeviationReasonIndex + " on", StringComparison.Ordinal), sectionPlan);
        }

        await using (var other = new NpgsqlCommand("EXPLAIN " + CorpusSearch.VectorSql, connection, tx))
        {
            other.Parameters.Add(new NpgsqlParameter { Value = new Pgvector.Vector(q) });
            AddNoFilters(other, 20, "deviation-reason");
            string otherPlan = await PlanAsync(other);
            Assert.False(otherPlan.Contains(CorpusSearch.DeviationReasonIndex, StringComparison.Ordinal), otherPlan);
        }

        // With a selective filter on a small table the planner may rightly prefer an exact scan of the
        // filtered rows; search results for filters are asserted in Search_OnSyntheticCorpus_… instead.

        await using var lexical = dataSource.CreateCommand("EXPLAIN " + CorpusSearch.LexicalAnySql);
        // A selective query (rare words): the planner takes the GIN index on the terms.
        lexical.Parameters.Add(new NpgsqlParameter { Value = new[] { "蓝靛", "染布" } });
        AddNoFilters(lexical, 20);
        lexical.Parameters.Add(new NpgsqlParameter { Value = CorpusSearch.LexicalRowBudget });
        lexical.Parameters.Add(new NpgsqlParameter { Value = CorpusSearch.LexicalScanFactor * CorpusSearch.LexicalRowBudget });
        var lexicalPlan = await PlanAsync(lexical);
        Assert.True(lexicalPlan.Contains("ix_corpus_passages_terms", StringComparison.Ordinal), lexicalPlan);
    }

    [Fact]
    public async Task TermCounts_KeptOnIngestion_EqualARecount()
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        const string Snapshot = "SELECT coalesce(string_agg(term || ':' || passages || ':' || occurrences, ',' ORDER BY term), '') FROM corpus_terms";
        string incremental = await StringAsync(dataSource, Snapshot);
        Assert.Equal(await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages"),
            await ScalarAsync(dataSource, "SELECT passages FROM corpus_terms WHERE term = ''"));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages WHERE terms IS NULL OR cardinality(terms) = 0"));

        await using (var recount = dataSource.CreateCommand(CorpusTermCounts.RecountSql))
        {
            await recount.ExecuteNonQueryAsync();
        }

        Assert.Equal(await StringAsync(dataSource, Snapshot), incremental);

        // A duplicate ingestion adds nothing.
        var (name, text) = SyntheticCorpus.Report(3);
        Assert.Equal(IngestResult.Duplicate, (await services.GetRequiredService<CorpusStore>().IngestTextAsync(name, text)).Status);
        Assert.Equal(incremental, await StringAsync(dataSource, Snapshot));
    }

    [Fact]
    public async Task PassagesWithoutTerms_AreSegmentedAtStart_AndCounted()
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using (var wipe = dataSource.CreateCommand("UPDATE corpus_passages SET terms = NULL WHERE id % 3 = 0; DELETE FROM corpus_terms"))
        {
            await wipe.ExecuteNonQueryAsync();
        }

        int segmented = await services.GetRequiredService<CorpusStore>().SegmentAsync();
        Assert.Equal(await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages WHERE id % 3 = 0"), segmented);
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages WHERE terms IS NULL"));
        Assert.Equal(await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages"),
            await ScalarAsync(dataSource, "SELECT passages FROM corpus_terms WHERE term = ''"));
        Assert.Equal(await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages WHERE '师资' = ANY(terms)"),
            await ScalarAsync(dataSource, "SELECT passages FROM corpus_terms WHERE term = '师资'"));
        Assert.Equal(0, await services.GetRequiredService<CorpusStore>().SegmentAsync());
    }

    [Fact]
    public async Task Search_OnSyntheticCorpus_ReturnsFilteredDistinctHits()
    {
        var search = services.GetRequiredService<CorpusSearch>();
        var response = await search.SearchAsync(new SearchRequest("培训机构师资不足，开班计划推迟", 8, Domain.Corpus.SectionKind.DeviationReason));
        Assert.Equal(8, response.Count);
        Assert.All(response.Hits, h => Assert.Equal("deviation-reason", h.Section));
        Assert.Contains("师资不足", response.Hits[0].Text, StringComparison.Ordinal);
        Assert.Equal(response.Hits.Count, response.Hits.Select(h => h.Text).Distinct().Count());
    }

    [Fact]
    public async Task ChangingTheGenerator_ReembedsInPlace_WithoutDuplicatingPassages()
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        long before = await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages");

        using (IHost otherHost = await StartAsync(128))
        {
            IServiceProvider other = otherHost.Services;
            var ds = other.GetRequiredService<NpgsqlDataSource>();
            Assert.Equal(before, await ScalarAsync(ds, "SELECT count(*) FROM corpus_passages"));
            Assert.Equal(128L, await ScalarAsync(ds, "SELECT atttypmod FROM pg_attribute WHERE attrelid = 'corpus_passages'::regclass AND attname = 'embedding'"));
            Assert.Equal(0L, await ScalarAsync(ds, "SELECT count(*) FROM corpus_passages WHERE embedding IS NULL OR embedder <> 'hashing:hashing-ngram-v1:128'"));
            Assert.Equal(1L, await ScalarAsync(ds, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_corpus_passages_embedding'"));
            Assert.Equal(1L, await ScalarAsync(ds, $"SELECT count(*) FROM pg_indexes WHERE indexname = '{CorpusSearch.DeviationReasonIndex}' AND indexdef LIKE '%WHERE%deviation-reason%'"));

            // The documents' vector index is dropped for the retype and made again (128 dimensions fit a B-tree row).
            Assert.Equal(1L, await ScalarAsync(ds, $"SELECT count(*) FROM pg_indexes WHERE indexname = '{DocumentScope.VectorIndex}' AND indexdef LIKE '%btree (document_id) INCLUDE (id, kind, embedding)'"));
            var hits = await other.GetRequiredService<CorpusSearch>().SearchAsync(new SearchRequest("见习岗位不足", 3, Mode: SearchMode.Vector));
            Assert.Equal(3, hits.Count);

            // A second start with the same generator has nothing to do.
            Assert.Equal(0, await other.GetRequiredService<CorpusStore>().ReembedAsync());
        }

        // And back (what the next start does).
        Assert.True(await services.GetRequiredService<CorpusStore>().ReembedAsync() > 0);
        Assert.Equal(before, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages"));
        Assert.Equal(384L, await ScalarAsync(dataSource, "SELECT atttypmod FROM pg_attribute WHERE attrelid = 'corpus_passages'::regclass AND attname = 'embedding'"));
    }

    [Fact]
    public async Task Cli_Ingest_SkipsCorruptFiles_IsIdempotent_AndSearches()
    {
        var dir = Directory.CreateTempSubdirectory("assistant-ingest-");
        try
        {
            File.Copy(Shared.Seed("hongshan-2025-employment-subsidy-report.txt"), Path.Combine(dir.FullName, "hongshan.txt"));
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "broken.docx"), [0x50, 0x4B, 0x03, 0x04, 9, 9, 9]);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "empty.md"), string.Empty);

            var (exit, stdout, stderr) = await RunAsync("ingest", dir.FullName);
            Assert.Equal(CorpusCommandsPartialFailure, exit);
            using (var summary = JsonDocument.Parse(stdout))
            {
                Assert.Equal(1, summary.RootElement.GetProperty("ingested").GetInt32());
                Assert.Equal(2, summary.RootElement.GetProperty("failed").GetInt32());
            }

            Assert.Contains("broken.docx", stderr, StringComparison.Ordinal);

            (exit, stdout, _) = await RunAsync("ingest", Path.Combine(dir.FullName, "hongshan.txt"));
            Assert.Equal(0, exit);
            using (var again = JsonDocument.Parse(stdout))
            {
                Assert.Equal(1, again.RootElement.GetProperty("duplicates").GetInt32());
                Assert.Equal(0, again.RootElement.GetProperty("ingested").GetInt32());
            }

            (exit, stdout, _) = await RunAsync("search", "见习岗位不足 企业用工减少", "--top", "2", "--section", "deviation-reason", "--region", "红山");
            Assert.Equal(0, exit);
            using (var hits = JsonDocument.Parse(stdout))
            {
                var list = hits.RootElement.GetProperty("hits").EnumerateArray().ToList();
                Assert.Equal(2, list.Count);
                Assert.All(list, h => Assert.Equal("赤峰市红山区", h.GetProperty("region").GetString()));
                Assert.Contains("企业用工减少", list[0].GetProperty("text").GetString(), StringComparison.Ordinal);
            }

            (exit, _, stderr) = await RunAsync("search", "x", "--top", "0");
            Assert.Equal(2, exit);
            Assert.Contains("top", stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private const int CorpusCommandsPartialFailure = 1;

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => CliProcess.RunAsync(database.ConnectionString, args);

    private static float[] HashingEmbeddingVector(string text) => Domain.Corpus.HashingEmbedding.Embed(text);

    private static void AddNoFilters(NpgsqlCommand cmd, int limit, string? kind = null)
    {
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = "某单位", NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid });
    }

    private static async Task<string> PlanAsync(NpgsqlCommand cmd)
    {
        var lines = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            lines.Add(r.GetString(0));
        }

        return string.Join("\n", lines);
    }

    private static async Task<string> StringAsync(NpgsqlDataSource ds, string sql)
    {
        await using var cmd = ds.CreateCommand(sql);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource ds, string sql)
    {
        await using var cmd = ds.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
