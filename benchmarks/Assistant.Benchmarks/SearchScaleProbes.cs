using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>Paired measurements of search-scale (issue 21, session 26): each variant run on the same query back to back, so the machine's load drifts alike for all.</summary>
internal static class SearchScaleProbes
{
    /// <summary>
    /// What <c>GET /api/v1/corpus/search</c> adds to the search itself, measured in pairs (the same query
    /// in process, serialized as the API does, then through the API, then the no-op call) so that the
    /// machine's load drifts alike for all: the per-query differences, not two runs minutes apart.
    /// </summary>
    public static async Task ApiOverheadAsync(HttpClient http, CorpusSearch search, int n)
    {
        var inProcess = new List<double>();
        var serialized = new List<double>();
        var api = new List<double>();
        var noop = new List<double>();
        var gap = new List<double>();
        var options = Assistant.Features.Evaluations.ScoreContract.JsonOptions;
        for (int i = -20; i < n; i++)
        {
            string q = SearchScale.Queries[(i + 20) % SearchScale.Queries.Length];
            var sw = Stopwatch.StartNew();
            SearchResponse response;
            using (CorpusAudience.For(SearchScale.Viewer))
            {
                response = await search.SearchAsync(new SearchRequest(q, 10));
            }

            double a = sw.Elapsed.TotalMilliseconds;
            byte[] body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(response, options);
            double b = sw.Elapsed.TotalMilliseconds - a;
            sw.Restart();
            using (var r = await http.GetAsync(new Uri("/api/v1/corpus/search?top=10&q=" + Uri.EscapeDataString(q), UriKind.Relative)))
            {
                r.EnsureSuccessStatusCode();
                await r.Content.ReadAsByteArrayAsync();
            }

            double c = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            using (var r = await http.GetAsync(new Uri("/api/v1/policies", UriKind.Relative)))
            {
                r.EnsureSuccessStatusCode();
                await r.Content.ReadAsByteArrayAsync();
            }

            double d = sw.Elapsed.TotalMilliseconds;
            if (i >= 0 && body.Length > 0)
            {
                inProcess.Add(a);
                serialized.Add(b);
                api.Add(c);
                noop.Add(d);
                gap.Add(c - a);
            }
        }

        foreach (var l in new[] { inProcess, serialized, api, noop, gap })
        {
            l.Sort();
        }

        Console.WriteLine();
        Console.WriteLine("| paired, hybrid (in process, serialize, GET, no-op GET per query) | n | p50 ms | p95 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        SearchScale.Row("in process CorpusSearch hybrid", inProcess);
        SearchScale.Row("its answer serialized as the API does", serialized);
        SearchScale.Row("GET /api/v1/corpus/search hybrid", api);
        SearchScale.Row("no-op GET /api/v1/policies", noop);
        SearchScale.Row("GET minus in process, per query", gap);
    }

    /// <summary>
    /// The vector read under section=deviation-reason on the whole graph (ef_search 100, 40 rows) and on
    /// the section's own graph (ef_search 100 and 200, 40 rows; 1000, 2000 rows: a short question's), each
    /// query's plan run with <c>EXPLAIN (ANALYZE, BUFFERS)</c> in turn: the index used (a plan that leaves
    /// the graph shows here), buffers touched (independent of the machine's load) and execution time.
    /// </summary>
    public static async Task SectionGraphsAsync(NpgsqlDataSource dataSource, float[][] vectors)
    {
        // The read returns rows passing or not (session 30): the whole graph's rows are a quarter the section's.
        var variants = new (string Name, string Sql, int Ef, int Rows)[]
        {
            ("whole graph, ef_search 100, 40 rows", CorpusSearch.VectorSql, 100, 40),
            ("own graph, ef_search 100, 40 rows", CorpusSearch.SectionIndexedKinds[SectionKind.DeviationReason], 100, 40),
            ("own graph, ef_search 200, 40 rows (a dense query's)", CorpusSearch.SectionIndexedKinds[SectionKind.DeviationReason], 200, 40),
            ("own graph, ef_search 1000, 2000 rows (a short question's first read, the product's)", CorpusSearch.SectionIndexedKinds[SectionKind.DeviationReason], CorpusSearch.SparseQueryEfSearch, CorpusSearch.SparseQueryRows),
        };
        var buffers = variants.Select(_ => new List<double>()).ToArray();
        var times = variants.Select(_ => new List<double>()).ToArray();
        var indexes = variants.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var v in vectors)
        {
            for (int k = 0; k < variants.Length; k++)
            {
                await using var tx = await connection.BeginTransactionAsync();
                await new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"SET LOCAL hnsw.ef_search = {variants[k].Ef}; SET LOCAL hnsw.iterative_scan = relaxed_order"), connection, tx).ExecuteNonQueryAsync();
                await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + variants[k].Sql, connection, tx);
                cmd.Parameters.Add(new NpgsqlParameter { Value = new Pgvector.Vector(v) });
                cmd.Parameters.Add(new NpgsqlParameter { Value = "deviation-reason", NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
                cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
                cmd.Parameters.Add(new NpgsqlParameter { Value = variants[k].Rows });
                cmd.Parameters.Add(new NpgsqlParameter { Value = SearchScale.Viewer, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid });
                string json = (string)(await cmd.ExecuteScalarAsync())!;
                await tx.CommitAsync();
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement[0];
                var plan = root.GetProperty("Plan");
                buffers[k].Add(plan.GetProperty("Shared Hit Blocks").GetDouble() + plan.GetProperty("Shared Read Blocks").GetDouble());
                times[k].Add(root.GetProperty("Execution Time").GetDouble());
                if (json.Contains(CorpusSearch.DeviationReasonIndex, StringComparison.Ordinal))
                {
                    indexes[k].Add(CorpusSearch.DeviationReasonIndex);
                }
                else if (json.Contains("ix_corpus_passages_embedding", StringComparison.Ordinal))
                {
                    indexes[k].Add("ix_corpus_passages_embedding");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| vector read, section=deviation-reason + scope (EXPLAIN ANALYZE per query, in turn) | index used | mean buffers | p50 ms | p95 ms |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        for (int k = 0; k < variants.Length; k++)
        {
            times[k].Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {variants[k].Name} | {string.Join(", ", indexes[k])} | {buffers[k].Average():0} | {SearchScale.P(times[k], 0.5):0.00} | {SearchScale.P(times[k], 0.95):0.00} |"));
        }
    }

    /// <summary>
    /// The lexical half's candidate query for each query (no filter, the unit scope), run with
    /// <c>EXPLAIN (ANALYZE, BUFFERS)</c>: the plan the product's selectivity rule chose (any / all of
    /// which terms), the scan the planner took, rows, buffers and time; independent of the load but for the time.
    /// </summary>
    public static async Task LexicalPlansAsync(NpgsqlDataSource dataSource)
    {
        Console.WriteLine();
        Console.WriteLine("| query | candidate terms | rows read → kept | scan | buffers (hit + read) | ms |");
        Console.WriteLine("|---|---|---:|---|---:|---:|");
        await using var connection = await dataSource.OpenConnectionAsync();
        var clientSide = new List<(double Strings, double Bytes, double StringsKb, double BytesKb)>();
        foreach (string q in SearchScale.Queries)
        {
            if (await CorpusSearch.LexicalPlanAsync(connection, q, CorpusSearch.LexicalRowBudget, CancellationToken.None) is not { } plan)
            {
                Console.WriteLine($"| {q} | (none) | | | | |");
                continue;
            }

            await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + (plan.All ? CorpusSearch.LexicalAllSql : CorpusSearch.LexicalAnySql), connection);
            AddLexicalParameters(cmd, plan);
            string json = (string)(await cmd.ExecuteScalarAsync())!;
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement[0];
            var top = root.GetProperty("Plan");
            var scans = new List<string>();
            long read = 0;
            Walk(top, scans, ref read);
            clientSide.Add(await ClientSideAsync(connection, plan));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {q} | {(plan.All ? "all of " : "any of ")}{string.Join(" ", plan.Candidates)} | {read} → {top.GetProperty("Actual Rows").GetDouble():0} | {string.Join(", ", scans)} | {top.GetProperty("Shared Hit Blocks").GetDouble():0} + {top.GetProperty("Shared Read Blocks").GetDouble():0} | {root.GetProperty("Execution Time").GetDouble():0.00} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| lexical candidates read + BM25 over the 20 queries (10 alternate reps each, same connection) | mean ms per search | KB allocated per search |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| terms as text[] (strings, session 26) | {clientSide.Average(c => c.Strings):0.00} | {clientSide.Average(c => c.StringsKb):0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| terms as array_send bytes (the product's) | {clientSide.Average(c => c.Bytes):0.00} | {clientSide.Average(c => c.BytesKb):0} |"));
    }

    /// <summary>
    /// The lexical candidates' read and ranking, the terms as <c>text[]</c> (strings, session 26) and as
    /// <c>array_send</c> bytes (the product's), alternately 10 times each on the same connection: mean ms
    /// and KB allocated per search.
    /// </summary>
    private static async Task<(double, double, double, double)> ClientSideAsync(NpgsqlConnection connection, CorpusSearch.LexicalPlan plan)
    {
        string sql = plan.All ? CorpusSearch.LexicalAllSql : CorpusSearch.LexicalAnySql;
        string strings = "SELECT p.id, p.terms FROM" + sql[sql.IndexOf(" FROM", StringComparison.Ordinal)..][5..];
        double[] ms = new double[2], kb = new double[2];
        for (int round = 0; round < 11; round++)
        {
            for (int form = 0; form < 2; form++)
            {
                long bytes = GC.GetTotalAllocatedBytes(precise: true);
                long start = Stopwatch.GetTimestamp();
                await using var cmd = new NpgsqlCommand(form == 0 ? strings : sql, connection);
                AddLexicalParameters(cmd, plan);
                await using (var r = await cmd.ExecuteReaderAsync())
                {
                    if (form == 0)
                    {
                        var rows = new List<(long, string[])>();
                        while (await r.ReadAsync())
                        {
                            rows.Add((r.GetInt64(0), r.GetFieldValue<string[]>(1)));
                        }

                        CorpusSearch.Bm25(plan, rows, 40);
                    }
                    else
                    {
                        var rows = new List<(long, byte[])>();
                        while (await r.ReadAsync())
                        {
                            rows.Add((r.GetInt64(0), r.GetFieldValue<byte[]>(1)));
                        }

                        CorpusSearch.Bm25(plan, rows, 40);
                    }
                }

                if (round > 0)
                {
                    ms[form] += Stopwatch.GetElapsedTime(start).TotalMilliseconds / 10;
                    kb[form] += (GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1024.0 / 10;
                }
            }
        }

        return (ms[0], ms[1], kb[0], kb[1]);
    }

    /// <summary>The lexical candidate query's parameters for <paramref name="plan"/>: no filter, the unit scope, the product's budget.</summary>
    private static void AddLexicalParameters(NpgsqlCommand cmd, CorpusSearch.LexicalPlan plan)
    {
        cmd.Parameters.Add(new NpgsqlParameter { Value = plan.Candidates });
        foreach (var type in new[] { NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Text, NpgsqlTypes.NpgsqlDbType.Integer, NpgsqlTypes.NpgsqlDbType.Uuid })
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = type });
        }

        cmd.Parameters.Add(new NpgsqlParameter { Value = 40 });
        cmd.Parameters.Add(new NpgsqlParameter { Value = SearchScale.Viewer, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = CorpusSearch.LexicalRowBudget });
        cmd.Parameters.Add(new NpgsqlParameter { Value = CorpusSearch.LexicalScanFactor * CorpusSearch.LexicalRowBudget });
    }

    private static void Walk(JsonElement node, List<string> scans, ref long read)
    {
        string type = node.GetProperty("Node Type").GetString()!;
        if (type.Contains("Scan", StringComparison.Ordinal) && type != "Subquery Scan")
        {
            scans.Add(type);
            if (type is "Seq Scan" or "Bitmap Heap Scan" or "Index Scan")
            {
                read += (long)node.GetProperty("Actual Rows").GetDouble() + (node.TryGetProperty("Rows Removed by Filter", out var removed) ? (long)removed.GetDouble() : 0) + (node.TryGetProperty("Rows Removed by Index Recheck", out var recheck) ? (long)recheck.GetDouble() : 0);
            }
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, scans, ref read);
            }
        }
    }
}
