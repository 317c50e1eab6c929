using System.Diagnostics;
using System.Globalization;
using Assistant.Domain.Corpus;
using Assistant.Features.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Benchmarks;

/// <summary>
/// Vector index choices measured on an existing corpus database (issue 21, session 25): for each
/// index definition its build time (maintenance_work_mem for the whole graph, one parallel worker
/// beside the leader, as the loader sets), size, recall@10 against exact search and query p95, for
/// the 20 short queries of <see cref="SearchScale"/> and 20 stored passages used as queries.
/// Recall@10 is reported three ways, labelled: ids (|approximate ∩ exact| / 10), ties (an approximate
/// neighbour counts when its distance is no larger than the exact 10th's + 1e-6: the definition the
/// target is judged on) and ann-benchmarks' (the same with a tolerance of 1e-3).
/// <c>dotnet $B vector-index --database assistant_bulk_100000 [--only bit,m16]</c>
/// </summary>
internal static class VectorIndexes
{
    private sealed record Config(string Name, string Index, string Query, int[] Efs, bool Rerank);

    private const string Exact = "SELECT id, embedding <=> $1::real[]::vector FROM corpus_passages ORDER BY embedding <=> $1::real[]::vector LIMIT 10";

    private static readonly Config[] Configs =
    [
        new("vector m16 ef_c64", "hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)", Exact, [40, 100, 200, 400], false),
        new("vector m16 ef_c32", "hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 32)", Exact, [40, 100, 200, 400], false),
        new("vector m8 ef_c32", "hnsw (embedding vector_cosine_ops) WITH (m = 8, ef_construction = 32)", Exact, [40, 100, 200, 400], false),
        new("halfvec m16 ef_c64", "hnsw ((embedding::halfvec(384)) halfvec_cosine_ops)",
            "SELECT id, embedding <=> $1::real[]::vector FROM corpus_passages ORDER BY embedding::halfvec(384) <=> $1::real[]::vector::halfvec(384) LIMIT 10", [40, 100, 200, 400], false),
        new("bit m16 ef_c64 + exact re-rank", "hnsw ((binary_quantize(embedding)::bit(384)) bit_hamming_ops)",
            "SELECT id, d FROM (SELECT id, embedding <=> $1::real[]::vector AS d FROM corpus_passages ORDER BY binary_quantize(embedding)::bit(384) <~> binary_quantize($1::real[]::vector) LIMIT $2) c ORDER BY d LIMIT 10",
            [40, 100, 200, 400, 1000], true),
        new("halfvec m16 ef_c64 + exact re-rank", "hnsw ((embedding::halfvec(384)) halfvec_cosine_ops)",
            "SELECT id, d FROM (SELECT id, embedding <=> $1::real[]::vector AS d FROM corpus_passages ORDER BY embedding::halfvec(384) <=> $1::real[]::vector::halfvec(384) LIMIT $2) c ORDER BY d LIMIT 10",
            [40, 100, 200, 400], true),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        string database = Arg(args, "--database") ?? "assistant_bulk_100000";
        string[]? only = Arg(args, "--only")?.Split(',');
        var server = StorageSetup.ConnectionString(new ConfigurationBuilder().AddEnvironmentVariables().Build());
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
        long rows = Convert.ToInt64(await dataSource.CreateCommand("SELECT count(*) FROM corpus_passages").ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        long distinct = Convert.ToInt64(await dataSource.CreateCommand("SELECT count(DISTINCT embedding) FROM corpus_passages").ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database}: {rows} passages, {distinct} distinct vectors ({100.0 * (rows - distinct) / rows:0.0} % repeat another's)"));

        var sets = new List<(string Label, float[][] Vectors)> { ("20 short queries", SearchScale.Queries.Select(q => HashingEmbedding.Embed(q)).ToArray()) };
        var stored = new List<float[]>();
        await using (var cmd = dataSource.CreateCommand("SELECT embedding::real[] FROM corpus_passages WHERE id % 4999 = 7 ORDER BY id LIMIT 20"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                stored.Add(r.GetFieldValue<float[]>(0));
            }
        }

        sets.Add(("20 stored passages", stored.ToArray()));
        await Exec(dataSource, "DROP INDEX IF EXISTS ix_corpus_passages_embedding; DROP INDEX IF EXISTS x_vec");
        var exact = new Dictionary<string, List<List<(long Id, double D)>>>();
        var exactTimes = new List<double>();
        foreach (var (label, vectors) in sets)
        {
            exact[label] = [];
            foreach (var v in vectors)
            {
                var sw = Stopwatch.StartNew();
                exact[label].Add(await Run(dataSource, Exact, v, null, 0));
                exactTimes.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        exactTimes.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exact scan (no index): p50 {exactTimes[exactTimes.Count / 2]:0.0} ms, p95 {P(exactTimes, 0.95):0.0} ms"));
        Console.WriteLine();
        Console.WriteLine("| index | build s | size MB | ef_search (candidates) | queries | recall@10 ties | ids | ann-benchmarks 1e-3 | p50 ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var config in Configs.Where(c => only is null || only.Any(o => c.Name.Contains(o, StringComparison.Ordinal))))
        {
            await using (var conn = await dataSource.OpenConnectionAsync())
            {
                await using (var set = new NpgsqlCommand("SET maintenance_work_mem = '4GB'; SET max_parallel_maintenance_workers = 1", conn))
                {
                    await set.ExecuteNonQueryAsync();
                }

                conn.Notice += (_, e) => Console.WriteLine("  NOTICE: " + e.Notice.MessageText);
                var sw = Stopwatch.StartNew();
                await using var build = new NpgsqlCommand("CREATE INDEX x_vec ON corpus_passages USING " + config.Index, conn) { CommandTimeout = 0 };
                await build.ExecuteNonQueryAsync();
                double seconds = sw.Elapsed.TotalSeconds;
                long bytes = Convert.ToInt64(await new NpgsqlCommand("SELECT pg_relation_size('x_vec')", conn).ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                await new NpgsqlCommand("ANALYZE corpus_passages", conn).ExecuteNonQueryAsync();
                foreach (int ef in config.Efs)
                {
                    foreach (var (label, vectors) in sets)
                    {
                        double ties = 0, ids = 0, ann = 0;
                        var times = new List<double>();
                        for (int i = 0; i < vectors.Length; i++)
                        {
                            var t = Stopwatch.StartNew();
                            var approx = await Run(dataSource, config.Query, vectors[i], ef, config.Rerank ? ef : 0);
                            times.Add(t.Elapsed.TotalMilliseconds);
                            var ex = exact[label][i];
                            double tenth = ex.Max(e => e.D);
                            ties += Math.Min(1.0, (double)approx.Count(a => a.D <= tenth + 1e-6) / ex.Count);
                            ann += Math.Min(1.0, (double)approx.Count(a => a.D <= tenth + 1e-3) / ex.Count);
                            ids += (double)approx.Select(a => a.Id).Intersect(ex.Select(e => e.Id)).Count() / ex.Count;
                        }

                        times.Sort();
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"| {config.Name} | {seconds:0.0} | {bytes / 1048576.0:0} | {ef} | {label} | {ties / vectors.Length:0.000} | {ids / vectors.Length:0.000} | {ann / vectors.Length:0.000} | {times[times.Count / 2]:0.00} | {P(times, 0.95):0.00} |"));
                    }
                }
            }

            await Exec(dataSource, "DROP INDEX x_vec");
        }

        return 0;
    }

    private static async Task<List<(long Id, double D)>> Run(NpgsqlDataSource dataSource, string sql, float[] v, int? ef, int candidates)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        string set = ef is { } e
            ? string.Create(CultureInfo.InvariantCulture, $"SET LOCAL hnsw.ef_search = {e}")
            : "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off";
        await new NpgsqlCommand(set, connection, tx).ExecuteNonQueryAsync();
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = v, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        if (candidates > 0)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = candidates });
        }

        var list = new List<(long, double)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add((r.GetInt64(0), r.GetDouble(1)));
        }

        return list;
    }

    private static double P(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task Exec(NpgsqlDataSource ds, string sql)
    {
        await using var cmd = ds.CreateCommand(sql);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
