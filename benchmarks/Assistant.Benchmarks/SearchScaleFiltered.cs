using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Benchmarks;

/// <summary>
/// The product's vector answer under each filter the timing run uses, against the exact filtered answer
/// (issue 21, session 30; <c>search-scale … --filtered-recall</c>). One sequential pass computes every
/// passage's distance to the 20 short questions with its filter columns; the filters are applied in C#
/// (kind equal, fund and region as case-insensitive substrings, year equal, published or the viewer's
/// own), and the exact answer is what the search promises in vector mode: the nearest 40 passing
/// passages by (distance, id), one per text, the first 10. Recall@10 two ways, as elsewhere: strict
/// (the hit is in that exact 10) / tie-aware (its distance is no farther than the exact 10th + 2e-6; the
/// hit's score is rounded to 1e-6). The search runs as <see cref="CorpusSearch"/> does in the product and
/// as variants (session 28's read of the candidates only).
/// </summary>
internal static class SearchScaleFiltered
{
    private const double Epsilon = 2e-6;
    private const int Candidates = 40;

    /// <summary>The document scope's exact-scan bound before session 31 (<see cref="DocumentScope.MaxPassages"/> was 4,000).</summary>
    private const int SessionThirtyBound = 4000;

    private sealed record Case(string Name, SectionKind? Kind, string? Fund, string? Region, int? Year)
    {
        public bool Passes(string kind, string? fund, string? region, int? year, string? owner) =>
            (Kind is null || kind == SectionKinds.Name(Kind.Value))
            && (Fund is null || (fund?.Contains(Fund, StringComparison.OrdinalIgnoreCase) ?? false))
            && (Region is null || (region?.Contains(Region, StringComparison.OrdinalIgnoreCase) ?? false))
            && (Year is null || year == Year)
            && (owner is null || owner == SearchScale.Viewer);

        public SearchRequest Request(string query) => new(query, 10, Kind, Fund, Region, Year, SearchMode.Vector);
    }

    private static readonly Case[] Cases =
    [
        new("unfiltered", null, null, null, null),
        new("section=deviation-reason", SectionKind.DeviationReason, null, null, null),
        new("fund=见习", null, "见习", null, null),
        new("region=川汇区, year=2023", null, null, "川汇区", 2023),
        new("year=2023", null, null, null, 2023),
        new("region=川汇 (no suffix)", null, null, "川汇", null),

        // Session 33: the same classes with other values (another fund, region, year and pair).
        new("fund=创业", null, "创业", null, null),
        new("region=顺庆区, year=2022", null, null, "顺庆区", 2022),
        new("year=2021", null, null, null, 2021),
        new("region=梅江 (no suffix)", null, null, "梅江", null),
    ];

    /// <summary>The exact-scan bound of the variant that sizes it to the filters measured at 1M (session 33).</summary>
    private const int WideBound = 200_000;

    /// <summary>Recall under each filter for <paramref name="queries"/>, printed for the first <paramref name="first"/> (the earlier sessions' set) and for all.</summary>
    public static async Task RunAsync(NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> embedder, string[] queries, int first)
    {
        var clock = Stopwatch.StartNew();
        long count = await new NpgsqlCommand("SELECT count(*) FROM corpus_passages", await dataSource.OpenConnectionAsync()).ExecuteScalarAsync() is long n ? n : 0;

        // The exact pass takes minutes at 1M: kept in a file per corpus size and question set, reused by later runs (session 33).
        string cache = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"search-scale-exact-{count}-{queries.Length}-{Cases.Length}.json"));
        (List<List<(long Id, double Distance)>>[] Answers, long[] Passing) exact;
        if (File.Exists(cache))
        {
            var stored = JsonSerializer.Deserialize<Stored>(await File.ReadAllTextAsync(cache))!;
            exact = (stored.Answers.Select(c => c.Select(q => q.Select(x => (x.Id, x.Distance)).ToList()).ToList()).ToArray(), stored.Passing);
            Console.WriteLine($"exact filtered answers read from {cache}");
        }
        else
        {
            exact = await ExactAsync(dataSource, queries);
            var stored = new Stored(exact.Answers.Select(c => c.Select(q => q.Select(x => new Near(x.Id, x.Distance)).ToList()).ToList()).ToList(), exact.Passing);
            await File.WriteAllTextAsync(cache, JsonSerializer.Serialize(stored));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exact filtered answers: one pass in {clock.Elapsed.TotalSeconds:0.0} s (kept in {cache})"));
        }

        // Each variant with the cases where its search differs from the product's (elsewhere "=").
        static bool Scoped(Case c) => c.Region is not null || c.Year is not null;
        static Func<SearchRequest, Task<List<(long Id, double Score)>>> Product(CorpusSearch search) =>
            async r => [.. (await search.SearchAsync(r)).Hits.Select(h => (h.PassageId, h.Score))];
        // Session 37: the exact in-memory scan (ExactScanIndex), loaded here when a variant names it (its load time and memory printed).
        var memory = await SearchScaleExact.LoadIfAskedAsync(dataSource, Environment.GetEnvironmentVariable("BENCH_VARIANTS"));
        var variants = new (string Name, Func<SearchRequest, Task<List<(long Id, double Score)>>> Search, Func<Case, bool> Differs)[]
        {
            ("the product", Product(new CorpusSearch(dataSource, embedder)), _ => true),
            ("exact in-memory scan", Product(new CorpusSearch(dataSource, embedder, exactScan: memory)), _ => memory is not null),
            (string.Create(CultureInfo.InvariantCulture, $"exact-scan bound {SessionThirtyBound} (session 30's)"), Product(new CorpusSearch(dataSource, embedder, exactScanPassages: SessionThirtyBound)), Scoped),
            (string.Create(CultureInfo.InvariantCulture, $"exact-scan bound {WideBound}"), Product(new CorpusSearch(dataSource, embedder, exactScanPassages: WideBound)), Scoped),

            // Session 34: a sparse query's list on the graph being measured (the product's is CorpusSearch.SparseQueryEfSearch); scoped cases scan exactly either way.
            ("sparse ef_search 200", Product(new CorpusSearch(dataSource, embedder, sparseEfSearch: 200)), c => !Scoped(c)),
            ("sparse ef_search 400", Product(new CorpusSearch(dataSource, embedder, sparseEfSearch: 400)), c => !Scoped(c)),

            // Session 33's seed walks, now the benchmark's own read (SeedWalkSearch), against the same read without them; whole-graph cases only.
            ("seed walks 0", SeedWalks(0), c => !Scoped(c) && c.Kind is null),
            ("seed walks 5", SeedWalks(5), c => !Scoped(c) && c.Kind is null),
            ("seed walks 10", SeedWalks(10), c => !Scoped(c) && c.Kind is null),
            ("rows 5000", Product(new CorpusSearch(dataSource, embedder, sparseQueryRows: 5000)), _ => true),

            // Session 35: the HNSW read joined by the passages holding the question's words, ranked by exact distance (WordSourceSearch); the cases that walk the whole graph (a year alone is over the exact-scan bound).
            ("word source 0", WordSource(0, false), c => c.Region is null && c.Kind is null),
            ("word source 200", WordSource(200, false), c => c.Region is null && c.Kind is null),
            ("word source 500", WordSource(500, false), c => c.Region is null && c.Kind is null),
            ("word source 1000", WordSource(1000, false), c => c.Region is null && c.Kind is null),
            ("word source 2000", WordSource(2000, false), c => c.Region is null && c.Kind is null),
            ("word source 4000", WordSource(4000, false), c => c.Region is null && c.Kind is null),
            ("all words 5000", WordSource(5000, true), c => c.Region is null && c.Kind is null),
            ("all words 20000", WordSource(20000, true), c => c.Region is null && c.Kind is null),
            ("all words 50000", WordSource(50000, true), c => c.Region is null && c.Kind is null),

            // Session 35: a graph per year (partial HNSW indexes WHERE year = 2023 and 2021, built by hand on the 1M cluster), read with the year as a literal.
            ("year graph", YearGraph, c => c.Year is 2023 or 2021 && c.Region is null && c.Kind is null),
        };

        // Session 36: a graph per year present (built on the 1M cluster), a year filter through its own graph and any other request through every year's, the union ranked by exact distance (YearGraphSearch).
        foreach (int ef in new[] { 1000, 400, 200, 100 })
        {
            foreach (int rows in new[] { 40, 400, 2000 })
            {
                variants = [.. variants, (string.Create(CultureInfo.InvariantCulture, $"year graphs ef {ef} rows {rows}"), YearGraphs(new YearGraphSearch(dataSource, ef, rows, Candidates, single: false)), c => c.Region is null && c.Kind is null)];
                variants = [.. variants, (string.Create(CultureInfo.InvariantCulture, $"year graphs single ef {ef} rows {rows}"), YearGraphs(new YearGraphSearch(dataSource, ef, rows, Candidates, single: true)), c => c.Region is null && c.Kind is null && c.Year is null)];
            }
        }

        Func<SearchRequest, Task<List<(long Id, double Score)>>> YearGraphs(YearGraphSearch search) => async r =>
        {
            var hits = await search.SearchAsync(r, SearchScale.Viewer);
            await CheckPassingAsync(dataSource, r, hits.Select(h => h.Id).ToArray());
            return hits;
        };

        async Task<List<(long Id, double Score)>> YearGraph(SearchRequest r)
        {
            float[] q = HashingEmbedding.Embed(r.Query);
            string sql = CorpusSearch.VectorSql.Replace(" ORDER BY ", string.Create(CultureInfo.InvariantCulture, $" AND p.year = {r.Year} ORDER BY "), StringComparison.Ordinal);
            await using var connection = await dataSource.OpenConnectionAsync();
            var read = await SeedWalkSearch.HnswReadAsync(connection, q, r, SearchScale.Viewer, Math.Max(r.Top * 4, 20), sql);
            var hits = await SeedWalkSearch.NearestPerTextAsync(connection, read, r.Top);
            await CheckPassingAsync(dataSource, r, hits.Select(h => h.Id).ToArray());
            return hits;
        }

        Func<SearchRequest, Task<List<(long Id, double Score)>>> WordSource(int rows, bool allWords)
        {
            var search = new WordSourceSearch(dataSource, rows, allWords);
            return async r =>
            {
                var hits = await search.SearchAsync(r, SearchScale.Viewer);
                await CheckPassingAsync(dataSource, r, hits.Select(h => h.Id).ToArray());
                return hits;
            };
        }

        Func<SearchRequest, Task<List<(long Id, double Score)>>> SeedWalks(int walks)
        {
            var search = new SeedWalkSearch(dataSource, walks);
            return async r =>
            {
                var hits = await search.SearchAsync(r, SearchScale.Viewer);
                await CheckPassingAsync(dataSource, r, hits.Select(h => h.Id).ToArray());
                return hits;
            };
        }

        // BENCH_VARIANTS / BENCH_CASES: regular expressions choosing which variants and cases run.
        var variantFilter = new System.Text.RegularExpressions.Regex(Environment.GetEnvironmentVariable("BENCH_VARIANTS") ?? "^(the product|exact-scan bound 4000)");
        var caseFilter = new System.Text.RegularExpressions.Regex(Environment.GetEnvironmentVariable("BENCH_CASES") ?? ".");
        variants = [.. variants.Where(v => variantFilter.IsMatch(v.Name))];

        Console.WriteLine();
        Console.WriteLine($"vector answers' recall@10 strict / tie-aware under filters (unit scope {SearchScale.Viewer}, {queries.Length} short questions; exact: nearest {Candidates} passing, one per text, first 10)");
        Console.WriteLine($"each cell: the first {first} questions (sessions 28-30's set) // all {queries.Length}, then the p50 / p95 ms of its searches; a variant whose search is the product's for the filter is not run again (=)");
        Console.WriteLine("| filter | passing passages | " + string.Join(" | ", variants.Select(v => v.Name)) + " | questions under 1.0 (first variant) |");
        Console.WriteLine("|---|---:|" + string.Concat(variants.Select(_ => "---:|")) + "---|");
        for (int c = 0; c < Cases.Length; c++)
        {
            if (!caseFilter.IsMatch(Cases[c].Name))
            {
                continue;
            }

            var cells = new List<string>();
            var missed = new List<string>();
            for (int v = 0; v < variants.Length; v++)
            {
                if (!variants[v].Differs(Cases[c]))
                {
                    cells.Add("=");
                    continue;
                }

                double strict = 0, ties = 0, strictFirst = 0, tiesFirst = 0;
                var times = new List<double>();
                for (int q = 0; q < queries.Length; q++)
                {
                    if (q == first)
                    {
                        (strictFirst, tiesFirst) = (strict, ties);
                    }

                    using var scope = CorpusAudience.For(SearchScale.Viewer);
                    var sw = Stopwatch.StartNew();
                    var hits = await variants[v].Search(Cases[c].Request(queries[q]));
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    var ten = exact.Answers[c][q];
                    double tenth = ten.Count == 0 ? double.MaxValue : ten[^1].Distance + Epsilon;
                    double s = ten.Count == 0 ? 1 : (double)hits.Count(h => ten.Any(e => e.Id == h.Id)) / ten.Count;
                    double t = ten.Count == 0 ? 1 : Math.Min(1.0, (double)hits.Count(h => 1 - h.Score <= tenth) / ten.Count);
                    strict += s;
                    ties += t;
                    if (v == 0 && s < 1)
                    {
                        missed.Add(string.Create(CultureInfo.InvariantCulture, $"{queries[q]} {s:0.0}"));
                    }
                }

                if (first >= queries.Length)
                {
                    (strictFirst, tiesFirst) = (strict, ties);
                }

                times.Sort();
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{strictFirst / first:0.000} / {tiesFirst / first:0.000} // **{strict / queries.Length:0.000}** / {ties / queries.Length:0.000}; {SearchScale.P(times, 0.50):0} / {SearchScale.P(times, 0.95):0} ms"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {Cases[c].Name} | {exact.Passing[c]} | {string.Join(" | ", cells)} | {string.Join("; ", missed)} |"));
        }
    }

    /// <summary>Every hit of a seed walk passes the request's filters and the viewer's scope (the check session 33's product test made): else the run stops.</summary>
    private static async Task CheckPassingAsync(NpgsqlDataSource dataSource, SearchRequest request, long[] ids)
    {
        var c = new Case("check", request.Kind, request.Fund, request.Region, request.Year);
        await using var cmd = dataSource.CreateCommand("SELECT id, kind, fund, region, year, owner_unit FROM corpus_passages WHERE id = ANY($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            if (!c.Passes(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetString(5)))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"seed walk returned passage {r.GetInt64(0)}, which fails the filters of {request}"));
            }
        }
    }

    private sealed record Near(long Id, double Distance);

    private sealed record Stored(List<List<List<Near>>> Answers, long[] Passing);

    /// <summary>Every passage's distances to the questions in one pass; per case and question the nearest passing passages, one per text, the first 10.</summary>
    private static async Task<(List<List<(long Id, double Distance)>>[] Answers, long[] Passing)> ExactAsync(NpgsqlDataSource dataSource, string[] queries)
    {
        // Per case and question: the nearest passing passages so far (a max-heap by (distance, id) of Candidates).
        var heaps = Cases.Select(_ => queries.Select(_ => new PriorityQueue<(long Id, double Distance, string Hash), (double, long)>(Comparer<(double, long)>.Create((a, b) => b.CompareTo(a)))).ToArray()).ToArray();
        var passing = new long[Cases.Length];
        string distances = string.Join(", ", queries.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"p.embedding <=> ${i + 1}::real[]::vector")));
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand($"SELECT p.id, p.text_hash, p.kind, p.fund, p.region, p.year, p.owner_unit, ARRAY[{distances}]::float8[] FROM corpus_passages p WHERE p.embedding IS NOT NULL", connection) { CommandTimeout = 0 };
        foreach (string q in queries)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = HashingEmbedding.Embed(q), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        }

        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                long id = r.GetInt64(0);
                string hash = r.GetString(1), kind = r.GetString(2);
                string? fund = r.IsDBNull(3) ? null : r.GetString(3), region = r.IsDBNull(4) ? null : r.GetString(4), owner = r.IsDBNull(6) ? null : r.GetString(6);
                int? year = r.IsDBNull(5) ? null : r.GetInt32(5);
                double[]? d = null;
                for (int c = 0; c < Cases.Length; c++)
                {
                    if (!Cases[c].Passes(kind, fund, region, year, owner))
                    {
                        continue;
                    }

                    passing[c]++;
                    d ??= r.GetFieldValue<double[]>(7);
                    for (int q = 0; q < queries.Length; q++)
                    {
                        var heap = heaps[c][q];
                        if (heap.Count < Candidates)
                        {
                            heap.Enqueue((id, d[q], hash), (d[q], id));
                        }
                        else if (heap.TryPeek(out _, out var worst) && (d[q], id).CompareTo(worst) < 0)
                        {
                            heap.DequeueEnqueue((id, d[q], hash), (d[q], id));
                        }
                    }
                }
            }
        }

        var answers = heaps.Select(perQuery => perQuery.Select(heap =>
        {
            var nearest = heap.UnorderedItems.Select(x => x.Element).OrderBy(x => x.Distance).ThenBy(x => x.Id);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return nearest.Where(x => seen.Add(x.Hash)).Take(10).Select(x => (x.Id, x.Distance)).ToList();
        }).ToList()).ToArray();
        return (answers, passing);
    }
}
