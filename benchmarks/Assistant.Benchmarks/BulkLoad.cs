using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Benchmarks;

/// <summary>
/// Issue 21's ingestion figures in one run on a fresh database: the floors (the built-in embedding
/// alone on all cores; binary COPY of precomputed rows into the same table without indexes), then
/// the product's bulk path end to end (read, parse, embed, COPY, index rebuild), with a search
/// probe timing queries while the load and the index build run.
/// <c>dotnet run -c Release --project benchmarks/Assistant.Benchmarks -- bulk [--passages 1000000] [--floor-passages 100000] [--probe-seconds 2] [--keep]</c>;
/// <c>bulk --passages 50000 --from-files DIR [--cold]</c> loads DIR's files read as <c>assistant ingest DIR</c> reads them
/// (with a floor for reading them alone); <c>--cold</c> skips the floors, so the loader runs on code not yet compiled;
/// <c>bulk --write-files DIR --passages 50000</c> writes the synthetic reports as files (for <c>assistant ingest DIR</c>);
/// <c>--graphs now</c> builds every index before the load returns (the behaviour before session 38; default: the graphs are left
/// owed while the exact scan serves, and this run then builds them as a host would and times it);
/// <c>bulk-api --url URL --key KEY DIR</c> posts a folder's files to <c>/api/v1/corpus/reports/bulk</c> in one request and times it.
/// </summary>
internal static class BulkLoad
{
    /// <summary>Synthetic reports average 19.06 passages (100,002 passages in 5,248 reports).</summary>
    private const double PassagesPerReport = 19.06;

    public static async Task<int> RunAsync(string[] args)
    {
        int target = Int(args, "--passages", 1_000_000);
        int reports = (int)Math.Ceiling(target / PassagesPerReport);
        if (Arg(args, "--write-files") is { } dir)
        {
            Directory.CreateDirectory(dir);
            Parallel.For(0, reports, i =>
            {
                var (file, text) = SyntheticCorpus.Report(i);
                File.WriteAllText(Path.Combine(dir, file), text);
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reports} synthetic reports written to {dir}"));
            return 0;
        }

        int floorPassages = Int(args, "--floor-passages", Math.Min(target, 100_000));
        var server = StorageSetup.ConnectionString(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        var name = "assistant_bulk_" + target.ToString(CultureInfo.InvariantCulture);
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c).ExecuteNonQueryAsync();
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Assistant"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString }).Build();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.AddStorage().AddCorpus();
        using IHost host = builder.Build();
        await host.StartAsync();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database {name}; {Environment.ProcessorCount} cores; target {target} passages ({reports} synthetic reports)"));

        // --from-files DIR: the loader reads DIR's files as `assistant ingest DIR` does (DocumentText.Read);
        // --cold: no floors first, so the loader runs on code not yet compiled, as in a fresh CLI process.
        string? fromFiles = Arg(args, "--from-files");
        bool cold = args.Contains("--cold");
        if (!cold)
        {
            // Floor 1: parse alone and the built-in embedding alone, on all cores, over the floor sample.
            int floorReports = (int)Math.Ceiling(floorPassages / PassagesPerReport);

            // The word segmenter loads its dictionary on first use (seconds): not part of any rate.
            _ = LexicalTerms.Of("就业见习补贴资金绩效自评");
            var sw = Stopwatch.StartNew();
            var parsed = new PreparedReport[floorReports];
            Parallel.For(0, floorReports, i =>
            {
                var (file, text) = SyntheticCorpus.Report(i);
                parsed[i] = CorpusRows.Prepare(file, text, null, "synthetic", null).Report!;
            });
            double parseSeconds = sw.Elapsed.TotalSeconds;
            long sample = parsed.Sum(p => p.EmbeddingTexts.Count);
            sw.Restart();
            var vectors = new float[floorReports][][];
            Parallel.For(0, floorReports, i => vectors[i] = parsed[i].EmbeddingTexts.Select(t => HashingEmbedding.Embed(t)).ToArray());
            double embedSeconds = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor, generate + parse + word segmentation alone ({sample} passages, all cores): {sample / parseSeconds:0} passages/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor, built-in embedding alone ({sample} passages, all cores): {sample / embedSeconds:0} passages/s"));

            // Floor 2: binary COPY of the precomputed rows into a copy of corpus_passages without indexes.
            await Execute(dataSource, "CREATE TABLE floor_passages (LIKE corpus_passages INCLUDING DEFAULTS INCLUDING GENERATED)");
            string embedderId = embedder.Identity();
            var rows = parsed.SelectMany((p, i) => CorpusRows.Passages(p, Guid.CreateVersion7(), vectors[i], embedderId)).ToList();
            sw.Restart();
            await using (var connection = await dataSource.OpenConnectionAsync())
            await using (var writer = await connection.BeginBinaryImportAsync("COPY floor_passages (document_id, ordinal, kind, section_path, indicator, fund, region, year, text, text_hash, terms, embedding, embedder, owner_unit) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var p in rows)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(p.DocumentId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(p.Ordinal, NpgsqlDbType.Integer);
                    await writer.WriteAsync(p.Kind, NpgsqlDbType.Text);
                    await writer.WriteAsync(p.SectionPath, NpgsqlDbType.Text);
                    await WriteText(writer, p.Indicator);
                    await WriteText(writer, p.Fund);
                    await WriteText(writer, p.Region);
                    await writer.WriteAsync(p.Year, NpgsqlDbType.Integer);
                    await writer.WriteAsync(p.Text, NpgsqlDbType.Text);
                    await writer.WriteAsync(p.TextHash, NpgsqlDbType.Text);
                    await writer.WriteAsync(p.Terms!, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await writer.WriteAsync(p.Embedding!, "vector");
                    await writer.WriteAsync(p.Embedder, NpgsqlDbType.Text);
                    await writer.WriteNullAsync();
                }

                await writer.CompleteAsync();
            }

            double copySeconds = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor, binary COPY of precomputed rows, no indexes ({rows.Count} passages): {rows.Count / copySeconds:0} passages/s"));
            await Execute(dataSource, "DROP TABLE floor_passages");
            rows = null;
            parsed = null;
            vectors = null;
            GC.Collect();

            if (fromFiles is not null)
            {
                // Floor 3: reading and decoding the files alone (DocumentText.Read), all cores, twice (the first pass compiles).
                var paths = Directory.EnumerateFiles(fromFiles).Order(StringComparer.Ordinal).ToArray();
                for (int pass = 1; pass <= 2; pass++)
                {
                    sw.Restart();
                    long chars = 0;
                    Parallel.For(0, paths.Length, i => Interlocked.Add(ref chars, DocumentText.Read(Path.GetFileName(paths[i]), File.ReadAllBytes(paths[i])).Length));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor, read + DocumentText.Read alone, pass {pass} ({paths.Length} files, {chars} characters, all cores): {sw.Elapsed.TotalSeconds:0.00} s"));
                }
            }
        }

        // The product's bulk path, with a probe timing searches while it runs.
        var loader = host.Services.GetRequiredService<CorpusBulkLoader>();
        var inputs = fromFiles is null
            ? Enumerable.Range(0, reports).Select(i => new BulkInput($"synthetic-{i:D7}.txt", _ => SyntheticCorpus.Report(i).Text)).ToList()
            : Directory.EnumerateFiles(fromFiles).Order(StringComparer.Ordinal).Select(path => new BulkInput(Path.GetFileName(path), c => DocumentText.Read(Path.GetFileName(path), File.ReadAllBytes(path), c))).ToList();
        var probes = new ConcurrentQueue<(double At, double Ms)>();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        // Without the index a probe is an exact scan (seconds at 1M rows, a core each time): --probe-seconds 0 turns it off.
        int probeMs = Int(args, "--probe-seconds", 2) * 1000;
        var probe = Task.Run(async () =>
        {
            var q = HashingEmbedding.Embed("见习岗位不足的原因");
            while (probeMs > 0 && !stop.IsCancellationRequested)
            {
                var t = Stopwatch.StartNew();
                await using var cmd = dataSource.CreateCommand("SELECT id FROM corpus_passages ORDER BY embedding <=> $1 LIMIT 10");
                cmd.CommandTimeout = 0;
                cmd.Parameters.Add(new NpgsqlParameter { Value = new Pgvector.Vector(q) });
                await using (var r = await cmd.ExecuteReaderAsync())
                {
                    while (await r.ReadAsync())
                    {
                    }
                }

                probes.Enqueue((clock.Elapsed.TotalSeconds, t.Elapsed.TotalMilliseconds));
                try
                {
                    await Task.Delay(probeMs, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        long lastPrint = 0;
        var report = await loader.LoadAsync(inputs, new BulkOptions
        {
            Source = "synthetic",
            Indexes = BulkIndexes.Auto,
            Graphs = Arg(args, "--graphs") == "now" ? BulkGraphs.Now : BulkGraphs.Background,
            OnResult = (i, _) =>
            {
                if (i - lastPrint >= 5000)
                {
                    lastPrint = i;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i} reports, {clock.Elapsed.TotalSeconds:0} s"));
                }
            },
        });
        await stop.CancelAsync();
        await probe;
        double returned = clock.Elapsed.TotalSeconds;

        // Session 38: "end to end" three ways. (1) the load returned; (2) both halves searchable: the exact scan holds every
        // stored passage (this process's index, refreshed by the loader; an API host's within ExactScan:RefreshSeconds) and
        // a vector and a lexical search each answer 10 passages; (3) the graphs owed built (CorpusGraphBuilder, as a host runs it).
        var exact = host.Services.GetRequiredService<ExactScanIndex>();
        var search = host.Services.GetRequiredService<CorpusSearch>();
        long storedPassages;
        await using (var countCmd = dataSource.CreateCommand("SELECT count(*) FROM corpus_passages"))
        {
            storedPassages = Convert.ToInt64(await countCmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        while (exact.IsReady && exact.Count < storedPassages)
        {
            await exact.RefreshAsync();
        }

        int vectorHits = (await search.SearchAsync(SearchRequest.FromText("见习岗位不足的原因", 10, null, null, null, null, "vector"))).Count;
        int lexicalHits = (await search.SearchAsync(SearchRequest.FromText("见习岗位不足的原因", 10, null, null, null, null, "lexical"))).Count;
        double searchable = clock.Elapsed.TotalSeconds;
        var graphClock = Stopwatch.StartNew();
        // --graphs-later: stop at (2), leaving the owed graphs to a host or `assistant worker` (at 1M they take tens of minutes).
        bool graphsLater = args.Contains("--graphs-later");
        var graphs = graphsLater ? new GraphBuildReport([], false, report.GraphsOwed) : await host.Services.GetRequiredService<CorpusGraphBuilder>().BuildOwedAsync();
        double graphSeconds = graphClock.Elapsed.TotalSeconds;
        double graphsDone = clock.Elapsed.TotalSeconds;
        long stored = report.PassagesStored;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"end to end ({stored} passages): load returned {returned:0.0} s = {stored / returned:0} passages/s; both halves searchable {searchable:0.0} s = {stored / searchable:0} passages/s (exact scan {(exact.IsReady ? exact.Count.ToString(CultureInfo.InvariantCulture) : "not loaded")}, vector {vectorHits} hits, lexical {lexicalHits} hits); {(graphsLater ? "graphs left owed (--graphs-later)" : string.Create(CultureInfo.InvariantCulture, $"graphs built {graphsDone:0.0} s = {stored / graphsDone:0} passages/s"))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"owed when the load returned: {report.GraphsOwed.Count} graph(s); built in the background in {graphSeconds:0.0} s"));
        foreach (var (definition, seconds) in graphs.Built)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  graph {seconds:0.0} s (concurrently): {definition}"));
        }

        double total = report.LoadSeconds + report.IndexSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk path end to end: {report.Summary.Ingested} reports, {report.PassagesStored} passages in {total:0.0} s = {report.PassagesStored / total:0} passages/s (load {report.LoadSeconds:0.0} s = {report.PassagesStored / report.LoadSeconds:0} passages/s; index rebuild {report.IndexSeconds:0.0} s; {report.IndexesRebuilt.Count} indexes rebuilt)"));
        foreach (var (definition, seconds) in report.IndexTimings)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  index {seconds:0.0} s: {definition}"));
        }

        foreach (var (phase, from, to) in new[] { ("during the load (no index)", 0.0, report.LoadSeconds), ("during the index build", report.LoadSeconds, total) })
        {
            var ms = probes.Where(p => p.At > from && p.At <= to).Select(p => p.Ms).Order().ToList();
            Console.WriteLine(ms.Count == 0
                ? $"search probe {phase}: no sample"
                : string.Create(CultureInfo.InvariantCulture, $"search probe {phase}: {ms.Count} vector queries answered, p50 {ms[ms.Count / 2]:0.0} ms, max {ms[^1]:0.0} ms"));
        }

        var after = new List<double>();
        for (int i = 0; i < (graphsLater ? 0 : 50); i++)
        {
            var t = Stopwatch.StartNew();
            await using var cmd = dataSource.CreateCommand("SELECT id FROM corpus_passages ORDER BY embedding <=> $1 LIMIT 10");
            cmd.Parameters.Add(new NpgsqlParameter { Value = new Pgvector.Vector(HashingEmbedding.Embed("资金下达时间较晚 " + i.ToString(CultureInfo.InvariantCulture))) });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
            }

            after.Add(t.Elapsed.TotalMilliseconds);
        }

        after.Sort();
        if (after.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vector query after the rebuild (HNSW): p50 {after[25]:0.0} ms, max {after[^1]:0.0} ms"));
        }

        await using (var size = dataSource.CreateCommand("SELECT coalesce(pg_size_pretty(pg_relation_size(to_regclass('ix_corpus_passages_embedding'))), 'not built'), pg_size_pretty(pg_total_relation_size('corpus_passages'))"))
        await using (var r = await size.ExecuteReaderAsync())
        {
            if (await r.ReadAsync())
            {
                Console.WriteLine($"HNSW index {r.GetString(0)}; corpus_passages with indexes {r.GetString(1)}");
            }
        }

        if (!args.Contains("--keep"))
        {
            host.Dispose();
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(admin);
            await c.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync();
        }

        return 0;
    }

    /// <summary>Posts every file of a folder to the bulk endpoint in one multipart request and times it.</summary>
    public static async Task<int> ApiAsync(string[] args)
    {
        string url = Arg(args, "--url") ?? "http://127.0.0.1:5080";
        string key = Arg(args, "--key") ?? throw new ArgumentException("--key KEY is required");
        string dir = args[^1];
        var files = Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).ToList();
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromHours(1) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var sw = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        foreach (var f in files)
        {
            form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(f)), "file", Path.GetFileName(f));
        }

        form.Add(new StringContent("shared"), "scope");
        form.Add(new StringContent(Arg(args, "--indexes") ?? "auto"), "indexes");
        using var response = await client.PostAsync(new Uri("/api/v1/corpus/reports/bulk", UriKind.Relative), form);
        string body = await response.Content.ReadAsStringAsync();
        double seconds = sw.Elapsed.TotalSeconds;
        if (!response.IsSuccessStatusCode)
        {
            Console.WriteLine($"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
            return 1;
        }

        using var json = System.Text.Json.JsonDocument.Parse(body);
        long passages = json.RootElement.GetProperty("files").EnumerateArray().Where(f => f.GetProperty("status").GetString() == "ingested").Sum(f => f.GetProperty("passages").GetInt64());
        string building = json.RootElement.TryGetProperty("building", out var b) ? string.Join(", ", b.EnumerateArray().Select(x => x.GetString())) : "(no building field)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"API bulk upload: {files.Count} files, {json.RootElement.GetProperty("ingested").GetInt32()} ingested, {passages} passages in {seconds:0.0} s (request to answer) = {passages / seconds:0} passages/s; still building: {building}"));

        // Session 38: searchable by both halves (a vector and a lexical search through the API each answer 10 passages, the
        // vector one after the host's exact scan holds them: the last file's own words found by vector search), then the
        // graphs built (polled in the journal, --connection needed: the host's CorpusGraphService builds them).
        string probe = Uri.EscapeDataString("见习岗位不足的原因");
        while (true)
        {
            int vector = await CountAsync(client, $"/api/v1/corpus/search?q={probe}&top=10&mode=vector");
            int lexical = await CountAsync(client, $"/api/v1/corpus/search?q={probe}&top=10&mode=lexical");
            if ((vector >= 10 && lexical >= 10) || sw.Elapsed.TotalHours > 1)
            {
                break;
            }

            await Task.Delay(100);
        }

        double searchable = sw.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"API: both halves answer 10 passages at {searchable:0.0} s = {passages / searchable:0} passages/s"));
        if (Arg(args, "--connection") is { } connection)
        {
            await using var dataSource = NpgsqlDataSource.Create(connection);
            while (sw.Elapsed.TotalHours < 2)
            {
                await using var conn = await dataSource.OpenConnectionAsync();
                if ((await CorpusGraphBuilder.OwedAsync(conn, default)).Count == 0)
                {
                    break;
                }

                await Task.Delay(500);
            }

            double built = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"API: graphs built (nothing owed in the journal) at {built:0.0} s = {passages / built:0} passages/s"));
        }

        return 0;
    }

    private static async Task<int> CountAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }

        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("count").GetInt32();
    }

    private static Task WriteText(NpgsqlBinaryImporter writer, string? value) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, NpgsqlDbType.Text);

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback) =>
        Arg(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
