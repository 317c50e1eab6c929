using System.Text.Json;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>
/// Issue 21, session 38: while the exact in-memory scan serves the vector half, a large bulk load returns before the
/// graphs (HNSW) are built, every new passage searchable by both halves at once; the graphs owed are built in the
/// background by <see cref="CorpusGraphBuilder"/> (one builder at a time; a build killed midway finished by the next run);
/// with the scan off or over its budget, or <c>graphs now</c>, every index is built before the load returns, as before.
/// Real PostgreSQL.
/// </summary>
public sealed class CorpusGraphTests
{
    private const string WholeGraph = "ix_corpus_passages_embedding";
    private const string TermsIndex = "ix_corpus_passages_terms";

    /// <summary>The shared seeds (real reports), stored one at a time before the load: the corpus has its graphs built.</summary>
    private static async Task SeedAsync(IHost host)
    {
        var store = host.Services.GetRequiredService<CorpusStore>();
        foreach (string seed in Directory.EnumerateFiles(Path.Combine(RepoPaths.Shared, "seeds")).Order(StringComparer.Ordinal))
        {
            Assert.NotEqual(IngestResult.Failed, (await store.IngestTextAsync(Path.GetFileName(seed), File.ReadAllText(seed), source: "seed")).Status);
        }
    }

    private static List<BulkInput> Synthetic(int from, int count) =>
        Enumerable.Range(from, count).Select(i => SyntheticCorpus.Report(i)).Select(r => new BulkInput(r.FileName, _ => r.Text)).ToList();

    private static async Task<List<string>> RowsAsync(NpgsqlDataSource dataSource, string sql)
    {
        var rows = new List<string>();
        await using var cmd = dataSource.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every valid index of the passages but the years' graphs (which follow the years stored: <see cref="YearGraphsFollowTheYearsAsync"/>).</summary>
    private static Task<List<string>> ValidIndexesAsync(NpgsqlDataSource dataSource) => RowsAsync(dataSource,
        "SELECT pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = 'corpus_passages'::regclass AND x.indisvalid AND i.relname NOT LIKE '" + YearGraphs.IndexPrefix + "%' ORDER BY i.relname");

    /// <summary>One valid graph per year the documents hold, none other.</summary>
    private static async Task YearGraphsFollowTheYearsAsync(NpgsqlDataSource dataSource)
    {
        var years = await RowsAsync(dataSource, "SELECT DISTINCT '" + YearGraphs.IndexPrefix + "' || year FROM corpus_documents WHERE year IS NOT NULL ORDER BY 1");
        Assert.True(years.Count >= 3, string.Join(", ", years));
        Assert.Equal(years, await RowsAsync(dataSource, "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = 'corpus_passages'::regclass AND x.indisvalid AND i.relname LIKE '" + YearGraphs.IndexPrefix + "%' ORDER BY 1"));
    }

    private static Task<List<string>> OwedAsync(NpgsqlDataSource dataSource) =>
        RowsAsync(dataSource, "SELECT DISTINCT unnest(owed_indexes) FROM corpus_loads ORDER BY 1");

    /// <summary>A sentence of the report's body (its own region, fund and amounts), as a query that finds it.</summary>
    private static string Sentence(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length is > 20 and < 120 && !l.StartsWith('#')).Skip(2).First();

    private static async Task<IHost> StartReadyAsync(string connectionString, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["ExactScan:RefreshSeconds"] = "3600" };
        foreach (var (k, v) in settings ?? [])
        {
            all[k] = v;
        }

        IHost host = await CorpusHost.StartAsync(connectionString, all);
        var index = host.Services.GetRequiredService<ExactScanIndex>();
        for (int i = 0; i < 600 && !index.IsReady && index.NotServing is null && ExactScanIndex.Builds(index.Settings, new HashingEmbeddingGenerator()); i++)
        {
            await Task.Delay(100);
        }

        return host;
    }

    [Fact]
    public async Task LargeLoad_ReturnsBeforeTheGraphs_BothHalvesFindTheNewPassagesAtOnce_AndTheBuilderBuildsThemAfter()
    {
        await using var database = new TestDatabase("graphs_owed");
        using var host = await StartReadyAsync(database.ConnectionString);
        await SeedAsync(host);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var index = host.Services.GetRequiredService<ExactScanIndex>();
        Assert.True(index.IsReady, index.NotServing);
        var before = await ValidIndexesAsync(dataSource);
        Assert.Contains(before, d => d.StartsWith("CREATE INDEX " + WholeGraph + " ", StringComparison.Ordinal));
        Assert.Contains(before, d => d.StartsWith("CREATE INDEX " + CorpusSearch.DeviationReasonIndex + " ", StringComparison.Ordinal));

        var report = await host.Services.GetRequiredService<CorpusBulkLoader>().LoadAsync(
            Synthetic(0, 40), new BulkOptions { Source = "synthetic", Indexes = BulkIndexes.Rebuild, BatchDocuments = 7 });

        // Returned with the graphs and the documents' vector B-tree owed (whole graph first, then the B-tree: session 39),
        // the words' index built.
        Assert.True(report.Written);
        Assert.Equal(40, report.Summary.Ingested);
        Assert.NotEmpty(report.GraphsOwed);
        Assert.StartsWith("CREATE INDEX " + WholeGraph + " ", report.GraphsOwed[0], StringComparison.Ordinal);
        Assert.All(report.GraphsOwed, d => Assert.True(CorpusGraphBuilder.MayOwe(d), d));
        Assert.StartsWith("CREATE INDEX " + DocumentScope.VectorIndex + " ", report.GraphsOwed[1], StringComparison.Ordinal);
        Assert.Contains(report.GraphsOwed, d => d.StartsWith("CREATE INDEX " + CorpusSearch.DeviationReasonIndex + " ", StringComparison.Ordinal));
        Assert.Contains(report.GraphsOwed, d => d.StartsWith("CREATE INDEX " + YearGraphs.IndexPrefix, StringComparison.Ordinal));
        Assert.Equal(report.GraphsOwed.Select(CorpusGraphBuilder.NameOf).ToList(), report.Summary.Building);
        Assert.Contains(report.IndexesRebuilt, d => d.StartsWith("CREATE INDEX " + TermsIndex + " ", StringComparison.Ordinal));
        Assert.DoesNotContain(report.IndexesRebuilt, CorpusGraphBuilder.MayOwe);
        var now = await RowsAsync(dataSource, "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'corpus_passages'::regclass");
        Assert.DoesNotContain(now, CorpusGraphBuilder.MayOwe);
        Assert.Contains(now, d => d.StartsWith("CREATE INDEX " + TermsIndex + " ", StringComparison.Ordinal));
        Assert.Equal(report.GraphsOwed.Order(StringComparer.Ordinal).ToList(), await OwedAsync(dataSource));
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_loads WHERE finished_at IS NULL"));

        // Searchable at once by both halves: the exact scan already holds every passage (its refresh is an hour away).
        long passages = await ScalarAsync(dataSource, "SELECT count(*) FROM corpus_passages");
        Assert.Equal(passages, index.Count);
        var search = host.Services.GetRequiredService<CorpusSearch>();
        var newDocuments = report.Summary.Files.Select(f => f.DocumentId!.Value).ToHashSet();
        foreach (int k in new[] { 3, 17, 38 })
        {
            string sentence = Sentence(SyntheticCorpus.Report(k).Text);
            foreach (string mode in new[] { "vector", "lexical", "hybrid" })
            {
                var hits = (await search.SearchAsync(SearchRequest.FromText(sentence, 10, null, null, null, null, mode))).Hits;
                Assert.True(hits.Any(h => newDocuments.Contains(h.DocumentId)), $"{mode}: {sentence}");
            }
        }

        // A single upload meanwhile: stored at once, its year's graph (owed) left to the builder, found by search.
        var (oneName, oneText) = SyntheticCorpus.Report(900);
        var one = await host.Services.GetRequiredService<CorpusStore>().IngestTextAsync(oneName, oneText, source: "synthetic");
        Assert.Equal(IngestResult.Ingested, one.Status);
        Assert.DoesNotContain(await RowsAsync(dataSource, "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'corpus_passages'::regclass"), CorpusGraphBuilder.IsGraph);
        Assert.Contains((await search.SearchAsync(SearchRequest.FromText(Sentence(oneText), 10, null, null, null, null, "hybrid"))).Hits, h => h.DocumentId == one.DocumentId);

        // The builder: every owed graph built (concurrently), struck from the journal; the indexes as before the load.
        var built = await host.Services.GetRequiredService<CorpusGraphBuilder>().BuildOwedAsync();
        Assert.False(built.Busy);
        Assert.Empty(built.StillOwed);
        Assert.Equal(report.GraphsOwed, built.Built.Select(b => b.Definition).ToList());
        Assert.Empty(await OwedAsync(dataSource));
        Assert.Equal(before, await ValidIndexesAsync(dataSource));
        await YearGraphsFollowTheYearsAsync(dataSource);
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM pg_index WHERE indrelid = 'corpus_passages'::regclass AND NOT indisvalid"));

        // Nothing owed: a second run builds nothing.
        Assert.Empty((await host.Services.GetRequiredService<CorpusGraphBuilder>().BuildOwedAsync()).Built);
    }

    /// <summary>
    /// Years without their graph on a database whose journal owes nothing — none at all (reports stored one at a time, or a
    /// corpus loaded before session 38), or one from before session 38 without <c>owed_indexes</c>: the builder builds each
    /// and reports it, without failing after the build (session 39, the 1M corpus: 42P01 on <c>corpus_loads</c>).
    /// </summary>
    [Theory]
    [InlineData(1, "none")]
    [InlineData(99, "none")]
    [InlineData(1, "before session 38")]
    [InlineData(99, "before session 38")]
    public async Task YearsWithoutTheirGraph_AreBuiltAndReported_WithoutAJournalThatOwesThem(int drop, string journal)
    {
        await using var database = new TestDatabase("graphs_nojournal");
        using var host = await StartReadyAsync(database.ConnectionString);
        await SeedAsync(host);
        var store = host.Services.GetRequiredService<CorpusStore>();
        foreach (var (name, text) in Enumerable.Range(300, 6).Select(i => SyntheticCorpus.Report(i)))
        {
            Assert.NotEqual(IngestResult.Failed, (await store.IngestTextAsync(name, text, source: "synthetic")).Status);
        }

        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        await YearGraphsFollowTheYearsAsync(dataSource);
        if (journal != "none")
        {
            await ExecuteAsync(dataSource, "CREATE TABLE corpus_loads (id uuid PRIMARY KEY, started_at timestamptz NOT NULL, finished_at timestamptz, source text NOT NULL, owner_unit text, documents_given integer NOT NULL, documents_stored integer NOT NULL DEFAULT 0, passages_stored bigint NOT NULL DEFAULT 0, dropped_indexes text[] NOT NULL DEFAULT '{}')");
        }

        Assert.Equal(journal == "none" ? 0L : 1L, await ScalarAsync(dataSource, "SELECT count(*) FROM pg_class WHERE relname = 'corpus_loads'"));
        var dropped = (await RowsAsync(dataSource, "SELECT DISTINCT year FROM corpus_documents WHERE year IS NOT NULL ORDER BY 1")).Take(drop).Select(y => int.Parse(y, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (int year in dropped)
        {
            await ExecuteAsync(dataSource, "DROP INDEX " + YearGraphs.IndexName(year));
        }

        var report = await host.Services.GetRequiredService<CorpusGraphBuilder>().BuildOwedAsync();
        Assert.False(report.Busy);
        Assert.Empty(report.StillOwed);
        Assert.Equal(dropped.Select(YearGraphs.DefinitionSql).ToList(), report.Built.Select(b => b.Definition).ToList());
        await YearGraphsFollowTheYearsAsync(dataSource);
        Assert.Empty((await host.Services.GetRequiredService<CorpusGraphBuilder>().BuildOwedAsync()).Built);
    }

    [Fact]
    public async Task ABuildKilledMidway_LeavesItOwed_AndTheNextRunFinishesIt()
    {
        await using var database = new TestDatabase("graphs_killed");
        using var host = await StartReadyAsync(database.ConnectionString);
        await SeedAsync(host);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var before = await ValidIndexesAsync(dataSource);
        var report = await host.Services.GetRequiredService<CorpusBulkLoader>().LoadAsync(Synthetic(100, 30), new BulkOptions { Source = "synthetic", Indexes = BulkIndexes.Rebuild });
        Assert.NotEmpty(report.GraphsOwed);

        // An open snapshot holds CREATE INDEX CONCURRENTLY at its last wait, the graph built but not yet valid; the
        // build's server process is then killed (as when the host dies), leaving the index invalid.
        await using var holder = await dataSource.OpenConnectionAsync();
        await using var snapshot = await holder.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM corpus_documents", holder, snapshot))
        {
            await read.ExecuteScalarAsync();
        }

        var builder = host.Services.GetRequiredService<CorpusGraphBuilder>();
        var dying = builder.BuildOwedAsync();
        long pid = 0;
        for (int i = 0; i < 1200 && pid == 0 && !dying.IsCompleted; i++)
        {
            await Task.Delay(50);
            pid = await ScalarAsync(dataSource, "SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'");
        }

        Assert.True(pid > 0, "the concurrent build never waited for the open snapshot");
        Assert.Equal(1L, await ScalarAsync(dataSource, $"SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('{WholeGraph}') AND NOT indisvalid"));
        await ScalarAsync(dataSource, $"SELECT count(*) FROM (SELECT pg_terminate_backend({pid})) t");
        await Assert.ThrowsAnyAsync<Exception>(() => dying);
        await snapshot.RollbackAsync();

        // Killed: the graph is invalid (never read by a search) and still owed.
        Assert.Equal(1L, await ScalarAsync(dataSource, $"SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('{WholeGraph}') AND NOT indisvalid"));
        Assert.Equal(report.GraphsOwed.Order(StringComparer.Ordinal).ToList(), await OwedAsync(dataSource));

        // The next run drops the invalid graph and builds every owed one.
        NpgsqlConnection.ClearAllPools();
        var finished = await builder.BuildOwedAsync();
        Assert.Equal(report.GraphsOwed, finished.Built.Select(b => b.Definition).ToList());
        Assert.Empty(await OwedAsync(dataSource));
        Assert.Equal(before, await ValidIndexesAsync(dataSource));
        await YearGraphsFollowTheYearsAsync(dataSource);
        Assert.Equal(0L, await ScalarAsync(dataSource, "SELECT count(*) FROM pg_index WHERE indrelid = 'corpus_passages'::regclass AND NOT indisvalid"));
    }

    [Fact]
    public async Task OneBuilderAtATime_AndALoadWithGraphsNow_BuildsWhatIsOwed()
    {
        await using var database = new TestDatabase("graphs_lock");
        using var host = await StartReadyAsync(database.ConnectionString);
        await SeedAsync(host);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var before = await ValidIndexesAsync(dataSource);
        var loader = host.Services.GetRequiredService<CorpusBulkLoader>();
        var inputs = Synthetic(200, 25);
        var report = await loader.LoadAsync(inputs, new BulkOptions { Source = "synthetic", Indexes = BulkIndexes.Rebuild });
        Assert.NotEmpty(report.GraphsOwed);

        // Another builder holds the lock: this one builds nothing and says what is still owed.
        await using (var other = await dataSource.OpenConnectionAsync())
        {
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({CorpusGraphBuilder.LockKey})", other))
            {
                await take.ExecuteNonQueryAsync();
            }

            var busy = await host.Services.GetRequiredService<CorpusGraphBuilder>().BuildOwedAsync();
            Assert.True(busy.Busy);
            Assert.Empty(busy.Built);
            Assert.Equal(report.GraphsOwed, busy.StillOwed);

            // A small load meanwhile (indexes kept) does not wait for the builder and leaves the graphs owed.
            // (Its year, 2024, is the seeds' too: owed, not new.)
            var small = await loader.LoadAsync(Synthetic(300, 2), new BulkOptions { Source = "synthetic", Hints = new ReportHints(Year: 2024) });
            Assert.Equal(2, small.Summary.Ingested);
            Assert.Equal(report.GraphsOwed, small.GraphsOwed);
            Assert.Empty(small.IndexesRebuilt);

            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({CorpusGraphBuilder.LockKey})", other);
            await release.ExecuteNonQueryAsync();
        }

        // The same files again with graphs now: nothing new stored, every owed graph built before it returns.
        var again = await loader.LoadAsync(inputs, new BulkOptions { Source = "synthetic", Graphs = BulkGraphs.Now });
        Assert.Equal(0, again.Summary.Ingested);
        Assert.Empty(again.GraphsOwed);
        Assert.Empty(again.Summary.Building);
        Assert.Equal(report.GraphsOwed.Order(StringComparer.Ordinal).ToList(), again.IndexesRebuilt.Order(StringComparer.Ordinal).ToList());
        Assert.Empty(await OwedAsync(dataSource));
        Assert.Equal(before, await ValidIndexesAsync(dataSource));
        await YearGraphsFollowTheYearsAsync(dataSource);
    }

    /// <summary>The scan off, over its budget, or graphs now: a large load builds every index before it returns, as before session 38.</summary>
    [Theory]
    [InlineData("ExactScan:Enabled", "false", "background")]
    [InlineData("ExactScan:MaxBytes", "100000", "background")]
    [InlineData("ExactScan:Enabled", "true", "now")]
    public async Task WithoutTheScan_OrGraphsNow_TheLoadBuildsEveryIndexBeforeReturning(string setting, string value, string graphs)
    {
        await using var database = new TestDatabase("graphs_now");
        using var host = await StartReadyAsync(database.ConnectionString, new Dictionary<string, string?> { [setting] = value });
        await SeedAsync(host);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var before = await ValidIndexesAsync(dataSource);
        var report = await host.Services.GetRequiredService<CorpusBulkLoader>().LoadAsync(
            Synthetic(400, 20), new BulkOptions { Source = "synthetic", Indexes = BulkIndexes.Rebuild, Graphs = graphs == "now" ? BulkGraphs.Now : BulkGraphs.Background });
        Assert.Equal(20, report.Summary.Ingested);
        Assert.Empty(report.GraphsOwed);
        Assert.Empty(report.Summary.Building);
        Assert.Contains(report.IndexesRebuilt, d => d.StartsWith("CREATE INDEX " + WholeGraph + " ", StringComparison.Ordinal));
        Assert.Empty(await OwedAsync(dataSource));
        Assert.Equal(before, await ValidIndexesAsync(dataSource));
        await YearGraphsFollowTheYearsAsync(dataSource);
    }

    /// <summary>
    /// Session 39: while the documents' vector B-tree is owed, a scoped search that the exact in-memory scan does not serve
    /// (a host with the scan off: the document scope's exact scan in SQL) reads the scope's passages through the unique
    /// key instead, and answers exactly what it answers once the B-tree is built: region, year, both, and a fund.
    /// </summary>
    [Fact]
    public async Task WhileTheDocumentsVectorIndexIsOwed_ScopedSearchesWithoutTheScan_AnswerAsOnceItIsBuilt()
    {
        await using var database = new TestDatabase("graphs_scope");
        using var host = await StartReadyAsync(database.ConnectionString);
        await SeedAsync(host);
        var report = await host.Services.GetRequiredService<CorpusBulkLoader>().LoadAsync(Synthetic(600, 36), new BulkOptions { Source = "synthetic", Indexes = BulkIndexes.Rebuild });
        Assert.Contains(report.GraphsOwed, d => CorpusGraphBuilder.NameOf(d) == DocumentScope.VectorIndex);
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        Assert.Equal(0L, await ScalarAsync(dataSource, $"SELECT count(*) FROM pg_class WHERE relname = '{DocumentScope.VectorIndex}'"));

        using var noScan = await CorpusHost.StartAsync(database.ConnectionString, new Dictionary<string, string?> { ["ExactScan:Enabled"] = "false" });
        var search = noScan.Services.GetRequiredService<CorpusSearch>();
        var years = (await RowsAsync(dataSource, "SELECT DISTINCT year FROM corpus_documents WHERE source = 'synthetic' AND year IS NOT NULL ORDER BY 1")).Select(int.Parse).ToList();
        Assert.True(years.Count >= 2, string.Join(", ", years));
        // A fund is a passage's own: one the new passages carry, with a year they carry it in.
        string fundAndYear = (await RowsAsync(dataSource, "SELECT fund || '|' || year FROM corpus_passages WHERE fund IS NOT NULL AND year IS NOT NULL AND document_id IN (SELECT id FROM corpus_documents WHERE source = 'synthetic') ORDER BY id LIMIT 1")).Single();
        string fund = fundAndYear.Split('|')[0];
        int fundYear = int.Parse(fundAndYear.Split('|')[1], System.Globalization.CultureInfo.InvariantCulture);
        var queries = new List<SearchRequest>();
        foreach (string mode in new[] { "vector", "hybrid" })
        {
            queries.Add(SearchRequest.FromText("见习岗位不足的原因", 10, null, null, "川汇", null, mode));
            queries.Add(SearchRequest.FromText("资金下达时间较晚", 10, null, null, null, years[0], mode));
            queries.Add(SearchRequest.FromText("加大政策宣传力度", 10, null, null, "南充", years[^1], mode));
            queries.Add(SearchRequest.FromText("培训补贴人数未完成", 10, null, fund, null, fundYear, mode));
        }

        var owed = new List<List<long>>();
        foreach (var q in queries)
        {
            owed.Add((await search.SearchAsync(q)).Hits.Select(h => h.PassageId).ToList());
        }

        Assert.All(owed, hits => Assert.NotEmpty(hits));
        var newDocuments = report.Summary.Files.Select(f => f.DocumentId!.Value).ToHashSet();
        var newPassages = (await RowsAsync(dataSource, "SELECT id FROM corpus_passages WHERE document_id IN (SELECT id FROM corpus_documents WHERE source = 'synthetic')")).Select(long.Parse).ToHashSet();
        Assert.NotEmpty(newDocuments);
        Assert.All(owed, hits => Assert.Contains(hits, newPassages.Contains));

        var built = await host.Services.GetRequiredService<CorpusGraphBuilder>().BuildOwedAsync();
        Assert.Contains(built.Built, b => CorpusGraphBuilder.NameOf(b.Definition) == DocumentScope.VectorIndex);
        Assert.Equal(1L, await ScalarAsync(dataSource, $"SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('{DocumentScope.VectorIndex}') AND indisvalid"));
        for (int i = 0; i < queries.Count; i++)
        {
            Assert.Equal(owed[i], (await search.SearchAsync(queries[i])).Hits.Select(h => h.PassageId).ToList());
        }
    }

    /// <summary>
    /// Session 39: one-shot commands (<c>assistant ingest</c>) do not load the exact scan, the worker does; the bulk loader in
    /// a one-shot command's host still decides that the scan serves (its settings, not its loaded index), so a large load
    /// leaves the graphs owed as the API's does (and the CLI test below sees it through the process).
    /// </summary>
    [Fact]
    public async Task OneShotCliHost_DoesNotLoadTheExactScan_ButItsLoaderStillLeavesTheGraphsOwed()
    {
        await using var database = new TestDatabase("graphs_oneshot");
        using (var seeded = await CorpusHost.StartAsync(database.ConnectionString))
        {
            await SeedAsync(seeded);
        }

        static List<string> Hosted(HostApplicationBuilder b) =>
            b.Services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType?.Name ?? "").ToList();
        Assert.DoesNotContain("ExactScanLoader", Hosted(Assistant.Cli.CliHost.CreateBuilder(worker: null)));
        Assert.Contains("ExactScanLoader", Hosted(Assistant.Cli.CliHost.CreateBuilder(new Dictionary<string, string?>())));

        // The corpus as the one-shot command's host registers it (AddCorpus(loadExactScan: false)).
        using IHost oneShot = await CorpusHost.StartAsync(database.ConnectionString, loadExactScan: false);
        Assert.DoesNotContain(oneShot.Services.GetServices<IHostedService>(), s => s.GetType().Name == "ExactScanLoader");
        var index = oneShot.Services.GetRequiredService<ExactScanIndex>();
        var report = await oneShot.Services.GetRequiredService<CorpusBulkLoader>().LoadAsync(Synthetic(700, 20), new BulkOptions { Source = "synthetic", Indexes = BulkIndexes.Rebuild });
        Assert.Equal(20, report.Summary.Ingested);
        Assert.False(index.IsReady);
        Assert.Contains(report.GraphsOwed, d => CorpusGraphBuilder.NameOf(d) == WholeGraph);
        Assert.Contains(report.GraphsOwed, d => CorpusGraphBuilder.NameOf(d) == DocumentScope.VectorIndex);
    }

    [Fact]
    public async Task Cli_LastLineAndAnswerSayWhatIsStillBuilding_AndGraphsNowBuildsIt()
    {
        await using var database = new TestDatabase("graphs_cli");
        var dir = Directory.CreateTempSubdirectory("assistant-graphs-");
        try
        {
            for (int i = 0; i < 30; i++)
            {
                var (name, text) = SyntheticCorpus.Report(500 + i);
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, name), text);
            }

            using (var host = await CorpusHost.StartAsync(database.ConnectionString))
            {
                await SeedAsync(host);
            }

            await using var dataSource = Assistant.Features.Storage.StorageSetup.DataSource(database.ConnectionString);
            var (exit, stdout, stderr) = await CliProcess.RunAsync(database.ConnectionString, "ingest", dir.FullName, "--bulk");
            Assert.True(exit == 0, stderr);
            string last = stderr.TrimEnd().Split('\n')[^1];
            Assert.Contains("仍在后台建 / still building in the background: " + WholeGraph + ",", last, StringComparison.Ordinal);
            Assert.Contains(CorpusSearch.DeviationReasonIndex, last, StringComparison.Ordinal);
            using (var summary = JsonDocument.Parse(stdout))
            {
                Assert.Equal(30, summary.RootElement.GetProperty("ingested").GetInt32());
                var building = summary.RootElement.GetProperty("building").EnumerateArray().Select(e => e.GetString()).ToList();
                Assert.Equal(WholeGraph, building[0]);
                Assert.Equal(DocumentScope.VectorIndex, building[1]);
                Assert.Equal((await OwedAsync(dataSource)).Select(CorpusGraphBuilder.NameOf).Order(StringComparer.Ordinal), building.Order(StringComparer.Ordinal));
            }

            (exit, _, stderr) = await CliProcess.RunAsync(database.ConnectionString, "ingest", dir.FullName, "--graphs", "now");
            Assert.True(exit == 0, stderr);
            Assert.DoesNotContain("still building", stderr, StringComparison.Ordinal);
            Assert.Empty(await OwedAsync(dataSource));
            Assert.Equal(1L, await ScalarAsync(dataSource, $"SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('{WholeGraph}') AND indisvalid"));

            (exit, _, stderr) = await CliProcess.RunAsync(database.ConnectionString, "ingest", dir.FullName, "--graphs", "soon");
            Assert.Equal(2, exit);
            Assert.Contains("graphs: 应为 background 或 now / must be background or now", stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
