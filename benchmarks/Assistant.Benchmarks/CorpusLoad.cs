using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.Extensions.Hosting;
using System.Diagnostics;
using System.Globalization;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>
/// A bounded load run against the local PostgreSQL (127.0.0.1): ingests a synthetic corpus until it
/// holds N passages (ingestion throughput, HNSW maintained on insert), then times searches
/// (p50/p95/p99) in each mode, the raw vector SQL as a floor, and HNSW recall against exact search.
/// <c>dotnet run -c Release --project benchmarks/Assistant.Benchmarks -- corpus [--passages 100000] [--queries 300] [--keep]</c>
/// </summary>
internal static class CorpusLoad
{
    private static readonly string[] Queries =
    [
        "见习岗位不足的原因", "资金下达时间较晚导致支出进度慢", "培训机构师资不足开班推迟", "创业者投资趋于保守", "加强与上级财政沟通对接",
        "推行免申即享", "倒排任务时间表", "科学合理设置绩效目标", "岗位空缺未及时补充", "合作银行审批收紧",
        "农忙季节参训意愿不高", "年初目标设置偏高", "零工市场服务人次", "城镇新增就业人数未完成", "预算执行率偏低的原因",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        int target = Int(args, "--passages", 100_000);
        int queries = Int(args, "--queries", 300);
        bool keep = args.Contains("--keep");
        var server = StorageSetup.ConnectionString(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        var name = "assistant_bench_" + target.ToString(CultureInfo.InvariantCulture);
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var probe = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", c);
            probe.Parameters.Add(new NpgsqlParameter { Value = name });
            bool exists = await probe.ExecuteScalarAsync() is not null;
            if (exists && !keep)
            {
                await new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", c).ExecuteNonQueryAsync();
            }

            if (!exists || !keep)
            {
                await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c).ExecuteNonQueryAsync();
            }
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Assistant"] = connection }).Build();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.AddStorage().AddEvaluations().AddCorpus().AddRecords();
        using IHost host = builder.Build();
        await host.StartAsync();
        IServiceProvider services = host.Services;
        var store = services.GetRequiredService<CorpusStore>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();

        long passages = await Scalar(dataSource, "SELECT count(*) FROM corpus_passages");
        int documents = 0;
        var ingest = Stopwatch.StartNew();
        long added = 0;
        for (int i = (int)await Scalar(dataSource, "SELECT count(*) FROM corpus_documents"); passages < target; i++)
        {
            var (file, text) = SyntheticCorpus.Report(i);
            var r = await store.IngestTextAsync(file, text, source: "synthetic");
            passages += r.Passages;
            added += r.Passages;
            documents++;
            if (documents % 500 == 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {passages} passages, {added / ingest.Elapsed.TotalSeconds:0} passages/s"));
            }
        }

        ingest.Stop();
        await using (var vacuum = dataSource.CreateCommand("VACUUM ANALYZE corpus_passages"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }

        long reports = await Scalar(dataSource, "SELECT count(*) FROM corpus_documents");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {passages} passages in {reports} reports (database {name})"));
        if (documents > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingestion (parse + embed + insert, HNSW and GIN maintained): {documents} reports, {added} passages in {ingest.Elapsed.TotalSeconds:0.0} s = {documents / ingest.Elapsed.TotalSeconds:0.0} reports/s, {added / ingest.Elapsed.TotalSeconds:0} passages/s"));
        }

        var search = services.GetRequiredService<CorpusSearch>();
        Console.WriteLine();
        Console.WriteLine("| query path | n | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var mode in new[] { SearchMode.Hybrid, SearchMode.Vector, SearchMode.Lexical })
        {
            var times = await TimeAsync(queries, q => search.SearchAsync(new SearchRequest(q, 10, Mode: mode)));
            Row($"CorpusSearch {mode.ToString().ToLowerInvariant()} (top 10, embed + SQL + details)", times);
        }

        var filtered = await TimeAsync(queries, q => search.SearchAsync(new SearchRequest(q, 10, SectionKind.DeviationReason)));
        Row("CorpusSearch hybrid, section=deviation-reason", filtered);

        // The floor: the bare nearest-neighbour SQL (one round trip, vector precomputed).
        var vectors = Queries.Select(q => HashingEmbedding.Embed(q)).ToArray();
        var raw = await TimeAsync(queries, async q =>
        {
            await using var cmd = dataSource.CreateCommand("SELECT id FROM corpus_passages ORDER BY embedding <=> $1::real[]::vector LIMIT 10");
            cmd.Parameters.Add(new NpgsqlParameter { Value = vectors[Array.IndexOf(Queries, q)], NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Real });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
            }

            return 0;
        });
        Row("raw pgvector SQL, HNSW (floor)", raw);

        // HNSW recall@10 against exact search (index scans off). Synthetic passages repeat a template,
        // so many are equally near: an approximate neighbour counts when it is no farther than the
        // exact 10th neighbour.
        double overlap = 0;
        foreach (var v in vectors)
        {
            var approx = await Ids(dataSource, v, exact: false);
            var exact = await Ids(dataSource, v, exact: true);
            double tenth = exact.Max(e => e.Distance) + 1e-6;
            overlap += (double)approx.Count(a => a.Distance <= tenth) / exact.Count;
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HNSW recall@10 vs exact search (ef_search 40, {vectors.Length} queries): {overlap / vectors.Length:0.000}"));
        return 0;
    }

    private static async Task<List<double>> TimeAsync<T>(int n, Func<string, Task<T>> run)
    {
        for (int i = 0; i < 20; i++)
        {
            await run(Queries[i % Queries.Length]);
        }

        var times = new List<double>(n);
        for (int i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            await run(Queries[i % Queries.Length]);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    private static void Row(string what, List<double> sorted)
    {
        double P(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {sorted.Count} | {P(0.50):0.00} | {P(0.95):0.00} | {P(0.99):0.00} |"));
    }

    private static async Task<List<(long Id, double Distance)>> Ids(NpgsqlDataSource dataSource, float[] v, bool exact)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (exact)
        {
            await new NpgsqlCommand("SET LOCAL enable_indexscan = off", connection, tx).ExecuteNonQueryAsync();
        }

        await using var cmd = new NpgsqlCommand("SELECT id, embedding <=> $1::real[]::vector FROM corpus_passages ORDER BY embedding <=> $1::real[]::vector LIMIT 10", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = v, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Real });
        var ids = new List<(long, double)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            ids.Add((r.GetInt64(0), r.GetDouble(1)));
        }

        return ids;
    }

    private static async Task<long> Scalar(NpgsqlDataSource ds, string sql)
    {
        await using var cmd = ds.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static int Int(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
