using System.Diagnostics;
using System.Globalization;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Benchmarks;

/// <summary>
/// Short questions' recall@10 at scale, measured two ways and by candidate source (issue 21, session
/// 29; <c>search-scale … --short-probe</c>). Exact search orders by (distance, id); <b>strict</b>
/// recall counts an approximate neighbour when its id is in that exact top 10, <b>tie-aware</b> when
/// its exact distance is no farther than the exact 10th (+1e-6, the float epsilon of a 384-dimension
/// cosine). Both are printed with the exact 10th's tie group (how many passages share its distance),
/// so a gap between them is visible rather than hidden. Candidate sources: the raw HNSW query at
/// ef_search 1000 (LIMIT 10, the floor's); its iterative scan continued to K rows then ordered by
/// exact distance (the "wider candidate set re-ranked"); the lexical half's rows (the product's plan,
/// 2 × 500 rows read) with their exact distances, merged with the HNSW candidates.
/// </summary>
internal static class SearchScaleShort
{
    private const double Epsilon = 1e-6;
    /// <summary>The table probed: corpus_passages, or a copy of its id, embedding and terms with another graph (BENCH_PROBE_TABLE, for m / ef_construction side by side).</summary>
    private static readonly string Table = Environment.GetEnvironmentVariable("BENCH_PROBE_TABLE") is { Length: > 0 } t ? t : "corpus_passages";
    private static readonly string Exact = "SELECT id, embedding <=> $1::real[]::vector FROM " + Table + " ORDER BY 2, 1 LIMIT 100";
    private static readonly string Hnsw = "SELECT id, embedding <=> $1::real[]::vector FROM " + Table + " ORDER BY embedding <=> $1::real[]::vector LIMIT ";

    public static async Task RunAsync(NpgsqlDataSource dataSource, string[] queries, int[] widths)
    {
        long passages;
        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM corpus_passages"))
        {
            passages = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"short questions ({queries.Length}, {passages} passages, table {Table}): recall@10 strict / tie-aware, by candidate source"));
        var sources = new List<string> { "HNSW ef 1000, LIMIT 10 (raw)", "HNSW ef 1000, LIMIT 40 (the product's vector half)" };
        sources.AddRange(widths.Select(k => string.Create(CultureInfo.InvariantCulture, $"HNSW ef 1000, iterative to {k} rows, exact order")));
        sources.Add("lexical rows (product plan) alone, exact order");
        sources.Add("HNSW LIMIT 40 ∪ lexical rows, exact order");
        var strict = sources.Select(_ => new List<double>()).ToArray();
        var ties = sources.Select(_ => new List<double>()).ToArray();
        var times = sources.Select(_ => new List<double>()).ToArray();
        Console.WriteLine("| query | nonzero dims | exact d1 / d10 | passages tied with the 10th (in exact top 100) | tie group crosses rank 10? | lexical rows | " + string.Join(" | ", sources.Select((_, i) => "s" + i.ToString(CultureInfo.InvariantCulture))) + " |");
        foreach (string query in queries)
        {
            float[] v = HashingEmbedding.Embed(query);
            var exact = await SearchScale.Ids(dataSource, Exact, v, null);
            double d10 = exact[9].Item2;
            int tied = exact.Count(e => Math.Abs(e.Item2 - d10) <= Epsilon);
            bool crosses = exact.Count > 10 && exact[10].Item2 <= d10 + Epsilon;
            var top = exact.Take(10).Select(e => e.Item1).ToHashSet();
            var results = new List<List<(long, double)>>();
            var sw = Stopwatch.StartNew();
            results.Add(await Ordered(dataSource, Hnsw + "10", v, 1000));
            times[0].Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            var forty = await Ordered(dataSource, Hnsw + "40", v, 1000);
            results.Add(forty);
            times[1].Add(sw.Elapsed.TotalMilliseconds);
            for (int w = 0; w < widths.Length; w++)
            {
                sw.Restart();
                results.Add(await Ordered(dataSource, Hnsw + widths[w].ToString(CultureInfo.InvariantCulture), v, 1000));
                times[2 + w].Add(sw.Elapsed.TotalMilliseconds);
            }

            sw.Restart();
            var lexical = await LexicalAsync(dataSource, query, v);
            times[^2].Add(sw.Elapsed.TotalMilliseconds);
            times[^1].Add(times[1][^1] + times[^2][^1]);
            results.Add(lexical);
            results.Add([.. forty.Concat(lexical).DistinctBy(x => x.Item1).OrderBy(x => x.Item2).ThenBy(x => x.Item1)]);
            var cells = new List<string>();
            for (int s = 0; s < sources.Count; s++)
            {
                var ten = results[s].Take(10).ToList();
                strict[s].Add(ten.Count(x => top.Contains(x.Item1)) / 10.0);
                ties[s].Add(Math.Min(10, ten.Count(x => x.Item2 <= d10 + Epsilon)) / 10.0);
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{strict[s][^1]:0.0}/{ties[s][^1]:0.0}"));
            }

            int nonZero = v.Count(x => x != 0);
            if (strict[1][^1] < 1)
            {
                await NeighboursAsync(dataSource, exact.Take(10).Select(e => e.Item1).Where(id => !forty.Take(10).Any(f => f.Item1 == id)).ToArray(), forty.Take(3).Select(f => f.Item1).ToArray());
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {query} | {nonZero} | {exact[0].Item2:0.0000} / {d10:0.0000} | {tied} | {(crosses ? "yes" : "no")} | {lexical.Count} | ") + string.Join(" | ", cells) + " |");
        }

        Console.WriteLine();
        Console.WriteLine("| candidate source | recall@10 strict | recall@10 tie-aware | p50 ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (int s = 0; s < sources.Count; s++)
        {
            times[s].Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| s{s}: {sources[s]} | {strict[s].Average():0.000} | {ties[s].Average():0.000} | {SearchScale.P(times[s], 0.5):0.00} | {SearchScale.P(times[s], 0.95):0.00} |"));
        }
    }

    /// <summary>The HNSW query's rows (iterative scan, relaxed order, up to 100,000 tuples scanned) in exact order.</summary>
    private static async Task<List<(long, double)>> Ordered(NpgsqlDataSource dataSource, string sql, float[] v, int ef)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SET LOCAL hnsw.ef_search = {ef}; SET LOCAL hnsw.iterative_scan = relaxed_order; SET LOCAL hnsw.max_scan_tuples = 100000"), connection, tx).ExecuteNonQueryAsync();
        var rows = await Read(connection, tx, sql, v);
        return [.. rows.OrderBy(x => x.Item2).ThenBy(x => x.Item1)];
    }

    /// <summary>The lexical half's candidate rows as the product chooses them (no filters), each with its exact distance to the query.</summary>
    private static async Task<List<(long, double)>> LexicalAsync(NpgsqlDataSource dataSource, string query, float[] v)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        if (await CorpusSearch.LexicalPlanAsync(connection, query, CorpusSearch.LexicalRowBudget, CancellationToken.None) is not { } plan)
        {
            return [];
        }

        int limit = CorpusSearch.LexicalScanFactor * CorpusSearch.LexicalRowBudget;
        string sql = string.Create(CultureInfo.InvariantCulture, $"SELECT c.id, c.embedding <=> $1::real[]::vector FROM (SELECT id, embedding FROM {Table} WHERE terms {(plan.All ? "@>" : "&&")} $2 LIMIT {limit}) c ORDER BY 2, 1");
        var rows = await Read(connection, null, sql, v, plan.Candidates);
        if (rows.Count == 0 && plan.All)
        {
            rows = await Read(connection, null, sql.Replace("@>", "&&", StringComparison.Ordinal), v, [plan.Candidates[0]]);
        }

        return rows;
    }

    /// <summary>What the missed exact neighbours are (kind, length, non-zero dimensions, text) beside the first ones HNSW found.</summary>
    private static async Task NeighboursAsync(NpgsqlDataSource dataSource, long[] missed, long[] found)
    {
        await using var cmd = dataSource.CreateCommand("SELECT id, id = ANY($1), kind, char_length(text), (SELECT count(*) FROM unnest(embedding::real[]) x WHERE x <> 0), left(text, 40) FROM corpus_passages WHERE id = ANY($1) OR id = ANY($2)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = missed });
        cmd.Parameters.Add(new NpgsqlParameter { Value = found });
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {(r.GetBoolean(1) ? "missed" : "found ")} {r.GetInt64(0)} {r.GetString(2)} {r.GetInt32(3)} chars, {r.GetInt64(4)} dims: {r.GetString(5)}"));
        }
    }

    private static async Task<List<(long, double)>> Read(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, float[] v, string[]? terms = null)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter { Value = v, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        if (terms is not null)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = terms, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }

        var rows = new List<(long, double)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add((r.GetInt64(0), r.GetDouble(1)));
        }

        return rows;
    }
}
