using System.Diagnostics;
using System.Text.Json;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Storage;
using Assistant.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>The bulk path against a real PostgreSQL: same rows as one-by-one ingestion, a killed load re-run, a refused document, owners.</summary>
public sealed class CorpusBulkTests
{
    private static Task<IHost> StartAsync(string connectionString) => CorpusHost.StartAsync(connectionString);

    /// <summary>The four seeds (two owned by units) and synthetic reports, one with a repeated copy.</summary>
    private static List<(string Name, string Text, string? Owner)> Documents()
    {
        var list = new List<(string, string, string?)>();
        string[] owners = [null!, "甲单位", null!, "乙单位"];
        int k = 0;
        foreach (string seed in Directory.EnumerateFiles(Path.Combine(RepoPaths.Shared, "seeds")).Order(StringComparer.Ordinal))
        {
            list.Add((Path.GetFileName(seed), File.ReadAllText(seed), owners[k++ % owners.Length]));
        }

        for (int i = 0; i < 30; i++)
        {
            var (name, text) = SyntheticCorpus.Report(i);
            list.Add((name, text, i % 3 == 0 ? "甲单位" : null));
        }

        return list;
    }

    private const string DocumentColumns =
        "content_hash, file_name, title, region, year, fund, source, sections::text, statements::text, char_count, passage_count, owner_unit";

    private const string PassageColumns =
        "d.content_hash, p.ordinal, p.kind, p.section_path, p.indicator, p.fund, p.region, p.year, p.text, p.text_hash, p.terms::text, p.embedding::text, p.embedder, p.owner_unit";

    private static async Task<List<string>> RowsAsync(NpgsqlDataSource dataSource, string sql)
    {
        var rows = new List<string>();
        await using var cmd = dataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join('\u0001', values.Select(v => v is DBNull ? "<null>" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<List<string>> IndexesAsync(NpgsqlDataSource dataSource) =>
        RowsAsync(dataSource, "SELECT indexdef FROM pg_indexes WHERE tablename = 'corpus_passages' AND indexname NOT LIKE '" + YearGraphs.IndexPrefix + "%' ORDER BY indexname");

    /// <summary>The years' own graphs (<see cref="YearGraphs"/>): one per year stored, built by the store or the loader.</summary>
    private static Task<List<string>> YearGraphsAsync(NpgsqlDataSource dataSource) =>
        RowsAsync(dataSource, "SELECT indexdef FROM pg_indexes WHERE tablename = 'corpus_passages' AND indexname LIKE '" + YearGraphs.IndexPrefix + "%' ORDER BY indexname");

    [Fact]
    public async Task BulkAndOneByOne_StoreIdenticalRows_AndTheIndexesComeBack()
    {
        var documents = Documents();
        await using var single = new TestDatabase("bulk_one");
        await using var bulk = new TestDatabase("bulk_many");
        using var singleHost = await StartAsync(single.ConnectionString);
        using var bulkHost = await StartAsync(bulk.ConnectionString);
        var store = singleHost.Services.GetRequiredService<CorpusStore>();
        foreach (var (name, text, owner) in documents.Append(documents[5]))
        {
            await store.IngestTextAsync(name, text, null, "synthetic", default, owner);
        }

        var bulkData = bulkHost.Services.GetRequiredService<NpgsqlDataSource>();
        var indexesBefore = await IndexesAsync(bulkData);
        var loader = bulkHost.Services.GetRequiredService<CorpusBulkLoader>();
        int stored = 0, duplicates = 0;
        foreach (var group in documents.Append(documents[5]).GroupBy(d => d.Owner))
        {
            // Small batches, so a load spans several transactions; the indexes are dropped and rebuilt.
            var report = await loader.LoadAsync(
                group.Select(d => new BulkInput(d.Name, _ => d.Text)).ToList(),
                new BulkOptions { Source = "synthetic", Owner = group.Key, BatchDocuments = 4, Indexes = BulkIndexes.Rebuild, Graphs = BulkGraphs.Now });
            Assert.True(report.Written);
            Assert.Equal(0, report.Summary.Failed);
            Assert.NotEmpty(report.IndexesRebuilt);

            // Each rebuilt index is timed apart (the HNSW and the GIN build), in the order rebuilt.
            Assert.Equal(report.IndexesRebuilt, report.IndexTimings.Select(t => t.Definition.Split(" -- ")[0]).ToList());
            Assert.All(report.IndexTimings, t => Assert.InRange(t.Seconds, 0, report.IndexSeconds));
            Assert.Contains(report.IndexTimings, t => t.Definition.Contains("USING hnsw", StringComparison.Ordinal));

            // The deviation reasons' own graph (a partial HNSW index) is dropped and rebuilt with the others, timed apart.
            Assert.Contains(report.IndexTimings, t => t.Definition.StartsWith("CREATE INDEX " + CorpusSearch.DeviationReasonIndex + " ", StringComparison.Ordinal)
                && t.Definition.Contains("USING hnsw", StringComparison.Ordinal) && t.Definition.Contains("WHERE (kind = 'deviation-reason'::text)", StringComparison.Ordinal));
            Assert.Equal(1L, await ScalarAsync(bulkData, $"SELECT count(*) FROM pg_indexes WHERE indexname = '{CorpusSearch.DeviationReasonIndex}' AND indexdef LIKE '%hnsw%WHERE%deviation-reason%'"));

            // So is the documents' vector index (a B-tree carrying every vector: kept through a load, each row would insert one).
            Assert.Contains(report.IndexTimings, t => t.Definition.StartsWith("CREATE INDEX " + DocumentScope.VectorIndex + " ", StringComparison.Ordinal)
                && t.Definition.Contains("INCLUDE (id, kind, embedding)", StringComparison.Ordinal));
            Assert.Equal(1L, await ScalarAsync(bulkData, $"SELECT count(*) FROM pg_indexes WHERE indexname = '{DocumentScope.VectorIndex}'"));
            stored += report.Summary.Ingested;
            duplicates += report.Summary.Duplicates;
        }

        Assert.Equal(documents.Count, stored);
        Assert.Equal(1, duplicates);
        var singleData = singleHost.Services.GetRequiredService<NpgsqlDataSource>();
        string docs = $"SELECT {DocumentColumns} FROM corpus_documents ORDER BY content_hash, owner_unit NULLS FIRST";
        string passages = $"SELECT {PassageColumns} FROM corpus_passages p JOIN corpus_documents d ON d.id = p.document_id ORDER BY d.content_hash, d.owner_unit NULLS FIRST, p.ordinal";
        var expectedDocs = await RowsAsync(singleData, docs);
        var expectedPassages = await RowsAsync(singleData, passages);
        Assert.Equal(documents.Count, expectedDocs.Count);
        Assert.Equal(expectedDocs, await RowsAsync(bulkData, docs));
        Assert.Equal(expectedPassages, await RowsAsync(bulkData, passages));
        Assert.True(expectedPassages.Count > 500, $"{expectedPassages.Count} passages");
        Assert.Equal(indexesBefore, await IndexesAsync(bulkData));

        // The same years' graphs whether the store (a report at a time) or the loader built them, one per year stored.
        var yearGraphs = await YearGraphsAsync(singleData);
        Assert.Equal(yearGraphs, await YearGraphsAsync(bulkData));
        Assert.Equal(await RowsAsync(bulkData, "SELECT DISTINCT year::text FROM corpus_documents WHERE year IS NOT NULL ORDER BY 1"), yearGraphs.Select(d => d[^5..^1]).ToList());
        // BM25's statistics, counted afresh after the bulk loads, equal the ones kept row by row.
        const string terms = "SELECT term, passages, occurrences FROM corpus_terms ORDER BY term";
        Assert.Equal(await RowsAsync(singleData, terms), await RowsAsync(bulkData, terms));
        Assert.Equal(0L, await ScalarAsync(bulkData, "SELECT count(*) FROM corpus_loads WHERE finished_at IS NULL"));

        // A second load of the same documents stores nothing new.
        var again = await loader.LoadAsync(documents.Where(d => d.Owner is null).Select(d => new BulkInput(d.Name, _ => d.Text)).ToList(), new BulkOptions { Source = "synthetic" });
        Assert.Equal(0, again.Summary.Ingested);
        Assert.Equal(expectedPassages.Count, await ScalarAsync(bulkData, "SELECT count(*) FROM corpus_passages"));
    }

    [Fact]
    public async Task Bulk_ADocumentTheDatabaseRefuses_IsNamed_AndNothingOfItIsStored()
    {
        await using var database = new TestDatabase("bulk_refused");
        using var host = await StartAsync(database.ConnectionString);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        // A rule the parser cannot know about stands for any row the database refuses.
        await using (var rule = dataSource.CreateCommand("ALTER TABLE corpus_passages ADD CONSTRAINT test_refused CHECK (text NOT LIKE '%拒收标记%')"))
        {
            await rule.ExecuteNonQueryAsync();
        }

        var inputs = Enumerable.Range(0, 12).Select(i =>
        {
            var (name, text) = SyntheticCorpus.Report(1000 + i);
            return new BulkInput(name, _ => i == 7 ? text.Replace("按因素法分解下达", "按因素法分解下达拒收标记", StringComparison.Ordinal) : text);
        }).ToList();
        var malformed = new BulkInput("坏文件.docx", c => DocumentText.Read("坏文件.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], c));
        var loader = host.Services.GetRequiredService<CorpusBulkLoader>();
        var report = await loader.LoadAsync([.. inputs, malformed], new BulkOptions { Source = "synthetic", BatchDocuments = 5 });

        Assert.Equal(11, report.Summary.Ingested);
        Assert.Equal(2, report.Summary.Failed);
        var refused = report.Summary.Files[7];
        Assert.Equal(IngestResult.Failed, refused.Status);
        Assert.Equal(inputs[7].Name, refused.FileName);
        Assert.Contains("数据库拒绝保存该文档", refused.Error, StringComparison.Ordinal);
        Assert.Contains("The database refused this document", refused.Error, StringComparison.Ordinal);
        var bad = report.Summary.Files[^1];
        Assert.Equal("坏文件.docx", bad.FileName);
        Assert.Contains(" / ", bad.Error, StringComparison.Ordinal);
        Assert.Equal(11L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents"));
        Assert.Equal(0L, await ScalarAsync(dataSource, $"SELECT count(*) FROM corpus_documents WHERE file_name = '{inputs[7].Name}'"));
        // Whole documents only: every stored document has all its passages.
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents d WHERE passage_count <> (SELECT count(*) FROM corpus_passages p WHERE p.document_id = d.id)"));

        // BM25's counts, tallied in process and added batch by batch (the retried batch one document
        // at a time), equal a recount of what is stored: nothing of the refused document is counted.
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
    public async Task Cli_KilledMidLoad_ReRunCompletes_WithNoDuplicateAndNoLostDocument()
    {
        await using var database = new TestDatabase("bulk_kill");
        var dir = Directory.CreateTempSubdirectory("assistant-bulk-");
        try
        {
            const int Files = 600;
            for (int i = 0; i < Files; i++)
            {
                var (name, text) = SyntheticCorpus.Report(i);
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, name), text);
            }

            using (var host = await StartAsync(database.ConnectionString))
            {
                // Migrated; the process below finds the schema ready.
            }

            await using var dataSource = StorageSetup.DataSource(database.ConnectionString);
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "assistant.dll"), "ingest", dir.FullName, "--bulk", "--batch", "5" })
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment["ConnectionStrings__Assistant"] = database.ConnectionString;
            using (var process = Process.Start(psi)!)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                var deadline = Stopwatch.StartNew();
                long stored = 0;
                while (deadline.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
                {
                    stored = await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents");
                    if (stored >= 40)
                    {
                        break;
                    }

                    await Task.Delay(30);
                }

                Assert.False(process.HasExited, "the load finished before it could be killed; give it more files");
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            // Killed: some whole documents stored, the load unfinished, its indexes dropped and remembered.
            long partial = await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents");
            Assert.InRange(partial, 40, Files - 1);
            Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents d WHERE passage_count <> (SELECT count(*) FROM corpus_passages p WHERE p.document_id = d.id)"));
            Assert.Equal(1L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_loads WHERE finished_at IS NULL AND cardinality(dropped_indexes) >= 2"));
            Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_corpus_passages_embedding'"));
            Assert.Equal(0L, await ScalarAsync(dataSource, $"SELECT count(*) FROM pg_indexes WHERE indexname = '{CorpusSearch.DeviationReasonIndex}'"));

            // --graphs now: the re-run builds every index before returning (CorpusGraphTests covers leaving the graphs to the background).
            var (exit, stdout, stderr) = await CliProcess.RunAsync(database.ConnectionString, "ingest", dir.FullName, "--batch", "50", "--graphs", "now");
            Assert.True(exit == 0, stderr);
            using (var summary = JsonDocument.Parse(stdout))
            {
                Assert.Equal(Files - partial, summary.RootElement.GetProperty("ingested").GetInt32());
                Assert.Equal(partial, summary.RootElement.GetProperty("duplicates").GetInt32());
            }

            Assert.Contains("finished 1 interrupted load", stderr, StringComparison.Ordinal);
            Assert.Equal((long)Files, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents"));
            Assert.Equal((long)Files, await ScalarAsync(dataSource, "SELECT count(DISTINCT content_hash) FROM corpus_documents"));
            Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_documents d WHERE passage_count <> (SELECT count(*) FROM corpus_passages p WHERE p.document_id = d.id)"));
            Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM (SELECT document_id, ordinal FROM corpus_passages GROUP BY 1, 2 HAVING count(*) > 1) x"));
            Assert.Equal(1L, await ScalarAsync(dataSource, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_corpus_passages_embedding' AND indexdef LIKE '%hnsw%'"));
            Assert.Equal(1L, await ScalarAsync(dataSource, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_corpus_passages_terms'"));
            Assert.Equal(1L, await ScalarAsync(dataSource, $"SELECT count(*) FROM pg_indexes WHERE indexname = '{CorpusSearch.DeviationReasonIndex}' AND indexdef LIKE '%hnsw%WHERE%deviation-reason%'"));
            Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_loads WHERE finished_at IS NULL"));

            (exit, stdout, _) = await CliProcess.RunAsync(database.ConnectionString, "search", "见习岗位不足", "--top", "3");
            Assert.Equal(0, exit);
            using var hits = JsonDocument.Parse(stdout);
            Assert.Equal(3, hits.RootElement.GetProperty("count").GetInt32());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
