using System.Diagnostics;
using System.Globalization;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>
/// Recall@10 of dense (passage-shaped) query vectors, which keep the graph's usual candidate list
/// (issue 21, session 28): three sets, each against exact search, at several ef_search, with the raw
/// query's time per ef interleaved query by query, and the queries the usual list misses with their
/// distance to the exact first and tenth neighbours (what a rule by that distance would see).
/// </summary>
internal static class SearchScaleRecall
{
    private const string Plain = "SELECT id, embedding <=> $1::real[]::vector FROM corpus_passages ORDER BY embedding <=> $1::real[]::vector LIMIT 10";

    internal static readonly int[] EfValues = [100, 150, 200, 300, 400];

    /// <param name="perSet">How many queries the second and third sets hold (exact search at 1M under load costs seconds a query).</param>
    public static async Task DenseAsync(NpgsqlDataSource dataSource, int perSet)
    {
        var sets = new List<(string Name, List<float[]> Vectors)>
        {
            ("stored passages, session 27's 20 (id % 4999 = 7)", await StoredAsync(dataSource, "id % 4999 = 7", 20)),
            ($"stored passages, {perSet} more (id % 997 = 3)", await StoredAsync(dataSource, "id % 997 = 3", perSet)),
            ("first half of a stored passage's text, embedded (not stored), dense only", await HalvesAsync(dataSource, "id % 991 = 5", perSet)),
        };
        long passages;
        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM corpus_passages"))
        {
            passages = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dense query vectors ({passages} passages): recall@10 against exact search (ties count), raw HNSW time per ef interleaved query by query"));
        var all = sets.SelectMany((s, k) => s.Vectors.Select(v => (Set: k, Vector: v))).ToList();
        var exact = new List<List<(long, double)>>();
        foreach (var (_, v) in all)
        {
            exact.Add(await SearchScale.Ids(dataSource, Plain, v, null));
        }

        var recall = new double[all.Count, EfValues.Length];
        var times = EfValues.Select(_ => new List<double>()).ToArray();
        for (int i = 0; i < all.Count; i++)
        {
            for (int j = 0; j < EfValues.Length; j++)
            {
                int e = (i + j) % EfValues.Length;
                var sw = Stopwatch.StartNew();
                var approx = await SearchScale.Ids(dataSource, Plain, all[i].Vector, EfValues[e]);
                times[e].Add(sw.Elapsed.TotalMilliseconds);
                double tenth = exact[i].Max(x => x.Item2) + 1e-6;
                recall[i, e] = Math.Min(1.0, (double)approx.Count(a => a.Item2 <= tenth) / exact[i].Count);
            }
        }

        Console.WriteLine("| query set | n | " + string.Join(" | ", EfValues.Select(e => "ef " + e.ToString(CultureInfo.InvariantCulture))) + " |");
        Console.WriteLine("|---|---:|" + string.Concat(EfValues.Select(_ => "---:|")));
        for (int k = 0; k <= sets.Count; k++)
        {
            var rows = Enumerable.Range(0, all.Count).Where(i => k == sets.Count || all[i].Set == k).ToList();
            string name = k == sets.Count ? "all dense queries" : sets[k].Name;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {rows.Count} | ") + string.Join(" | ", Enumerable.Range(0, EfValues.Length).Select(e => rows.Average(i => recall[i, e]).ToString("0.000", CultureInfo.InvariantCulture))) + " |");
        }

        foreach (var t in times)
        {
            t.Sort();
        }

        Console.WriteLine("| raw HNSW p50 / p95 ms (connection, SET, query) | | " + string.Join(" | ", times.Select(t => string.Create(CultureInfo.InvariantCulture, $"{SearchScale.P(t, 0.5):0.00} / {SearchScale.P(t, 0.95):0.00}"))) + " |");
        Console.WriteLine();
        Console.WriteLine("dense queries the usual list (ef 100) misses: exact 1st / 10th neighbour distance, recall at each ef");
        for (int i = 0; i < all.Count; i++)
        {
            if (recall[i, 0] < 1)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  set {all[i].Set}: d1 {exact[i].Min(x => x.Item2):0.0000}, d10 {exact[i].Max(x => x.Item2):0.0000}, recall ") + string.Join(" / ", Enumerable.Range(0, EfValues.Length).Select(e => recall[i, e].ToString("0.0", CultureInfo.InvariantCulture))));
            }
        }

        var d1 = Enumerable.Range(0, all.Count).Select(i => exact[i].Min(x => x.Item2)).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  exact 1st-neighbour distance over all dense queries: min {d1[0]:0.0000}, median {d1[d1.Count / 2]:0.0000}, max {d1[^1]:0.0000}"));
    }

    private static async Task<List<float[]>> StoredAsync(NpgsqlDataSource dataSource, string where, int n)
    {
        var vectors = new List<float[]>();
        await using var cmd = dataSource.CreateCommand($"SELECT embedding FROM corpus_passages WHERE {where} ORDER BY id LIMIT {n}");
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            vectors.Add(r.GetFieldValue<Pgvector.Vector>(0).ToArray());
        }

        return vectors;
    }

    /// <summary>The first half of stored passages' texts, embedded as the product embeds a passage; sparse ones (which get the long list anyway) left out.</summary>
    private static async Task<List<float[]>> HalvesAsync(NpgsqlDataSource dataSource, string where, int n)
    {
        var vectors = new List<float[]>();
        await using var cmd = dataSource.CreateCommand($"SELECT section_path, indicator, text FROM corpus_passages WHERE {where} ORDER BY id LIMIT {4 * n}");
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync() && vectors.Count < n)
        {
            string text = r.GetString(2);
            float[] v = HashingEmbedding.Embed(PassageRow.EmbeddingText(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), text[..(text.Length / 2)]));
            if (!CorpusSearch.IsSparse(v))
            {
                vectors.Add(v);
            }
        }

        return vectors;
    }
}
