using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Evaluations;
using Assistant.Features.Storage;
using Assistant.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>
/// The loader's one-transaction mode (the synchronous bulk API): batches are written while the next is
/// prepared, and a failure part-way — unreadable, refused by the database, or the load cancelled —
/// leaves nothing stored and the indexes as they were.
/// </summary>
public sealed class CorpusBulkOneTransactionTests
{
    private static Task<IHost> StartAsync(string connectionString) => CorpusHost.StartAsync(connectionString);

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> RowsAsync(NpgsqlDataSource dataSource, string sql)
    {
        var rows = new List<string>();
        await using var cmd = dataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('\u0001', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static List<BulkInput> Synthetic(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => SyntheticCorpus.Report(i)).Select(r => new BulkInput(r.FileName, _ => r.Text))];

    private static BulkOptions Options(Action<int, IngestResult>? onResult = null) => new()
    {
        Source = "synthetic",
        AllOrNothing = true,
        OneTransaction = true,

        // Every index back before the answer, as these cases check (CorpusGraphTests covers graphs left to the background).
        Graphs = BulkGraphs.Now,
        BatchDocuments = 2,
        Indexes = BulkIndexes.Rebuild,
        OnResult = onResult,
    };

    /// <summary>The table's indexes but the years' own graphs, which follow the years stored (<see cref="YearGraphs"/>, checked by <see cref="YearGraphsFollowTheYearsStored"/>).</summary>
    private const string Indexes = "SELECT indexdef FROM pg_indexes WHERE tablename = 'corpus_passages' AND indexname NOT LIKE '" + YearGraphs.IndexPrefix + "%' ORDER BY indexname";

    /// <summary>One graph per year the documents hold (a load builds those of its new years), none other.</summary>
    private static async Task YearGraphsFollowTheYearsStored(NpgsqlDataSource dataSource)
    {
        var years = await RowsAsync(dataSource, "SELECT DISTINCT '" + YearGraphs.IndexPrefix + "' || year FROM corpus_documents WHERE year IS NOT NULL ORDER BY 1");
        Assert.Equal(years, await RowsAsync(dataSource, "SELECT indexname FROM pg_indexes WHERE tablename = 'corpus_passages' AND indexname LIKE '" + YearGraphs.IndexPrefix + "%' AND indexdef LIKE '%USING hnsw%WHERE (year = %' ORDER BY 1"));
    }

    [Fact]
    public async Task ABadDocumentInTheMiddle_RollsBackTheBatchesAlreadyWritten_NamesEveryFailure_AndTheIndexesComeBack()
    {
        await using var database = new TestDatabase("bulk_one_tx_bad");
        using var host = await StartAsync(database.ConnectionString);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var loader = host.Services.GetRequiredService<CorpusBulkLoader>();
        var indexesBefore = await RowsAsync(dataSource, Indexes);
        Assert.Contains(indexesBefore, d => d.Contains("USING hnsw", StringComparison.Ordinal));

        // Ten good reports (five batches of two), an empty file, three more good ones and a corrupt .docx.
        var good = Synthetic(2000, 13);
        var empty = new BulkInput("空白.txt", c => DocumentText.Read("空白.txt", [], c));
        var corrupt = new BulkInput("损坏.docx", c => DocumentText.Read("损坏.docx", [0x50, 0x4B, 0x03, 0x04, 9, 9, 9], c));
        var reported = new List<IngestResult>();
        var report = await loader.LoadAsync([.. good.Take(10), empty, .. good.Skip(10), corrupt], Options((_, r) => reported.Add(r)));

        // Batches before the empty file were written (each reported once its savepoint was released)…
        Assert.True(reported.Count(r => r.Status == IngestResult.Ingested) >= 6, $"{reported.Count} results reported before the failure");
        // …and rolled back with the rest: nothing stored, both bad files named, bilingual.
        Assert.False(report.Written);
        Assert.Equal(0, report.PassagesStored);
        Assert.Equal(["空白.txt", "损坏.docx"], report.Summary.Files.Select(f => f.FileName).ToArray());
        Assert.All(report.Summary.Files, f => Assert.Equal(IngestResult.Failed, f.Status));
        Assert.Contains("文件为空", report.Summary.Files[0].Error, StringComparison.Ordinal);
        Assert.Contains(" / ", report.Summary.Files[1].Error, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents"));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages"));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_terms"));
        Assert.Equal(indexesBefore, await RowsAsync(dataSource, Indexes));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_loads WHERE finished_at IS NULL"));

        // The good ones alone: stored whole, once each, with BM25's counts equal to a recount.
        var again = await loader.LoadAsync(good, Options());
        Assert.True(again.Written);
        Assert.Equal(13, again.Summary.Ingested);
        Assert.Equal(13L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents"));
        Assert.Equal(again.PassagesStored, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages"));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents d WHERE passage_count <> (SELECT count(*) FROM corpus_passages p WHERE p.document_id = d.id)"));
        Assert.Equal(indexesBefore, await RowsAsync(dataSource, Indexes));
        await YearGraphsFollowTheYearsStored(dataSource);
        Assert.NotEmpty(await RowsAsync(dataSource, "SELECT indexname FROM pg_indexes WHERE indexname LIKE '" + YearGraphs.IndexPrefix + "%'"));
        const string Terms = "SELECT term, passages, occurrences FROM corpus_terms ORDER BY term";
        var kept = await RowsAsync(dataSource, Terms);
        await using (var recount = dataSource.CreateCommand(CorpusTermCounts.RecountSql))
        {
            await recount.ExecuteNonQueryAsync();
        }

        Assert.True(kept.Count > 100, $"{kept.Count} terms");
        Assert.Equal(await RowsAsync(dataSource, Terms), kept);
    }

    [Fact]
    public async Task ADocumentTheDatabaseRefuses_PartWay_IsNamed_AndNothingIsStored()
    {
        await using var database = new TestDatabase("bulk_one_tx_refused");
        using var host = await StartAsync(database.ConnectionString);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var rule = dataSource.CreateCommand("ALTER TABLE corpus_passages ADD CONSTRAINT test_refused CHECK (text NOT LIKE '%拒收标记%')"))
        {
            await rule.ExecuteNonQueryAsync();
        }

        var inputs = Enumerable.Range(0, 9).Select(i =>
        {
            var (name, text) = SyntheticCorpus.Report(3000 + i);
            return new BulkInput(name, _ => i == 6 ? text.Replace("按因素法分解下达", "按因素法分解下达拒收标记", StringComparison.Ordinal) : text);
        }).ToList();
        var loader = host.Services.GetRequiredService<CorpusBulkLoader>();
        var report = await loader.LoadAsync(inputs, Options() with { Indexes = BulkIndexes.Keep });

        Assert.False(report.Written);
        var refused = Assert.Single(report.Summary.Files);
        Assert.Equal(inputs[6].Name, refused.FileName);
        Assert.Contains("数据库拒绝保存该文档", refused.Error, StringComparison.Ordinal);
        Assert.Contains("The database refused this document", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents"));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages"));
    }

    [Fact]
    public async Task ALoadThatDiesPartWay_StoresNothing_AndTheNextStoresEveryDocumentOnce_RebuildingTheIndexes()
    {
        await using var database = new TestDatabase("bulk_one_tx_killed");
        using var host = await StartAsync(database.ConnectionString);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var loader = host.Services.GetRequiredService<CorpusBulkLoader>();
        var indexesBefore = await RowsAsync(dataSource, Indexes);
        var inputs = Synthetic(4000, 12);
        using var stop = new CancellationTokenSource();
        int written = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loader.LoadAsync(inputs, Options((_, _) =>
        {
            if (++written == 4)
            {
                stop.Cancel();
            }
        }), stop.Token));

        // Dead after two batches were written: nothing stored, the dropped indexes remembered.
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents"));
        Assert.Equal(1L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_loads WHERE finished_at IS NULL AND cardinality(dropped_indexes) >= 2"));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_corpus_passages_embedding'"));

        var again = await loader.LoadAsync(inputs, Options() with { Indexes = BulkIndexes.Keep });
        Assert.True(again.Written);
        Assert.Equal(12, again.Summary.Ingested);
        Assert.Equal(1, again.ResumedLoads);
        Assert.Equal(12L, await ScalarAsync(dataSource, "SELECT count(DISTINCT content_hash) FROM corpus_documents"));
        Assert.Equal(12L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents"));
        Assert.Equal(indexesBefore, await RowsAsync(dataSource, Indexes));
        await YearGraphsFollowTheYearsStored(dataSource);
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_loads WHERE finished_at IS NULL"));
    }
}
