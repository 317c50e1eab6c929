using Microsoft.Extensions.AI;
using Npgsql;
using Pgvector;

namespace Assistant.Features.Corpus;

/// <summary>The vector half of <see cref="CorpusSearch"/>: an exact scan of a small document scope, else the HNSW read through a cursor.</summary>
public sealed partial class CorpusSearch
{
    /// <summary>
    /// The vector half: the query's embedding, then the nearest passages under the filters, best first:
    /// HNSW with an iterative scan, or, when a document scope holds few passages, an exact scan of them.
    /// </summary>
    private async Task<List<(long Id, double Score)>> VectorAsync(SearchRequest request, DocumentScope? scope, int candidates, CancellationToken cancellationToken)
    {
        var vector = new List<(long Id, double Score)>();
        float[] q = (await embedder.GenerateAsync([request.Query], null, cancellationToken))[0].Vector.ToArray();

        // A query with nothing that embeds ("。", ":*") has no direction: cosine distance would be NaN.
        if (!q.Any(x => x != 0 && float.IsFinite(x)))
        {
            return vector;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (scope is not null)
        {
            // An exact scan reads only what it keeps; without a fund filter, only the documents' vector index.
            await using var cmd = new NpgsqlCommand(string.IsNullOrWhiteSpace(request.Fund) ? ScopeVectorSql : ExactVectorSql, connection);
            cmd.Parameters.Add(new NpgsqlParameter { Value = new Vector(q) });
            AddFilters(cmd, request, scope, candidates);
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            await ReadAsync(r, vector, cancellationToken);
        }
        else
        {
            string? sectionSql = sectionIndexes && request.Kind is { } kind && SectionIndexedKinds.TryGetValue(kind, out var own) ? own : null;
            int ef = sparseQueryEf ? EfSearch(q, sectionSql is not null, candidates, wholeGraphEf) : Math.Max(GraphEfSearch(sectionSql is not null, wholeGraphEf), candidates);
            await HnswReadAsync(connection, sectionSql ?? VectorSql, q, ef, request, candidates, vector, cancellationToken);
            if (seedWalks > 0 && sparseQueryEf && IsSparse(q) && vector.Count > 0)
            {
                await SeedWalksAsync(connection, sectionSql ?? VectorSql, q, request, vector, cancellationToken);
            }
        }

        // relaxed_order may return neighbours slightly out of order; a wider read keeps only the nearest.
        vector.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
        return vector.Count > candidates ? vector.GetRange(0, candidates) : vector;
    }

    /// <summary>
    /// The HNSW read (<see cref="VectorSql"/> or a section's) through a cursor: first <see cref="VectorRows"/>
    /// rows (a sparse query reads on past its list), then more only while fewer than
    /// <paramref name="candidates"/> have passed the filters (<see cref="NextFetch"/>), at most
    /// <see cref="MaxVectorRows"/>. The passing rows (those with a distance) go into <paramref name="vector"/>.
    /// </summary>
    private async Task HnswReadAsync(
        NpgsqlConnection connection, string sql, float[] q, int ef, SearchRequest request, int candidates, List<(long Id, double Score)> vector, CancellationToken cancellationToken)
    {
        // One round trip: the list, the cursor and the first rows; later fetches only when too few passed.
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        int fetch = sparseQueryEf ? VectorRows(q, candidates, sparseQueryRows) : candidates;
        int read = 0;
        await using (var first = new NpgsqlBatch(connection, tx))
        {
            first.BatchCommands.Add(new NpgsqlBatchCommand(string.Create(invariant, $"SET LOCAL hnsw.ef_search = {ef}")));
            first.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL hnsw.iterative_scan = relaxed_order"));
            var cursor = new NpgsqlBatchCommand("DECLARE vector_read NO SCROLL CURSOR FOR " + sql);
            cursor.Parameters.Add(new NpgsqlParameter { Value = new Vector(q) });
            AddFilters(cursor.Parameters, request, null, MaxVectorRows);
            first.BatchCommands.Add(cursor);
            first.BatchCommands.Add(new NpgsqlBatchCommand(string.Create(invariant, $"FETCH {fetch} FROM vector_read")));
            await using var r = await first.ExecuteReaderAsync(cancellationToken);
            read = await ReadAsync(r, vector, cancellationToken);
        }

        fetch = read < fetch ? 0 : NextFetch(read, vector.Count, candidates);
        while (fetch > 0)
        {
            await using var more = new NpgsqlCommand(string.Create(invariant, $"FETCH {fetch} FROM vector_read"), connection, tx);
            await using var r = await more.ExecuteReaderAsync(cancellationToken);
            int returned = await ReadAsync(r, vector, cancellationToken);
            read += returned;
            fetch = returned < fetch ? 0 : NextFetch(read, vector.Count, candidates);
        }

        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// How many of a sparse query's nearest passages each seed a second HNSW walk (<see cref="SeedWalksAsync"/>).
    /// 0 until measured at 1M (docs/scaling.md, 1M, session 33).
    /// </summary>
    public const int SeedWalks = 0;

    /// <summary>The candidate list of a seed's walk: a stored passage is a dense, passage-shaped query, for which 200 gives recall@10 ≥ 0.95 (<see cref="VectorEfSearch"/>).</summary>
    public const int SeedEfSearch = VectorEfSearch;

    /// <summary>How many rows each seed's walk returns.</summary>
    public const int SeedRows = 100;

    /// <summary>
    /// Second walks for a sparse query: its nearest passages found so far, each used as the query of a walk
    /// of <see cref="SeedRows"/> rows (ordered by distance to the seed), every row's distance to the query
    /// itself computed exactly and added to <paramref name="vector"/> when it passes the filters. A short
    /// question is far from every passage and its exact neighbours are scattered over the graph; one greedy
    /// walk from the entry point settles among some of them, a walk from each of those reaches their own
    /// neighbourhoods (measured in docs/scaling.md, 1M, session 33).
    /// </summary>
    private async Task SeedWalksAsync(NpgsqlConnection connection, string sql, float[] q, SearchRequest request, List<(long Id, double Score)> vector, CancellationToken cancellationToken)
    {
        var seeds = vector.OrderByDescending(v => v.Score).ThenBy(v => v.Id).Take(seedWalks).Select(v => v.Id).ToArray();
        var seedVectors = new List<Vector>();
        await using (var cmd = new NpgsqlCommand("SELECT embedding FROM corpus_passages WHERE id = ANY($1) ORDER BY id", connection))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = seeds });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                seedVectors.Add(r.GetFieldValue<Vector>(0));
            }
        }

        string seedSql = sql.Replace("ORDER BY p.embedding <=> $1 LIMIT $7", "ORDER BY p.embedding <=> $10 LIMIT $7", StringComparison.Ordinal);
        var found = new List<(long Id, double Score)>();
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, tx))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SET LOCAL hnsw.ef_search = {SeedEfSearch}")));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL hnsw.iterative_scan = relaxed_order"));
            foreach (var seed in seedVectors)
            {
                var walk = new NpgsqlBatchCommand(seedSql);
                walk.Parameters.Add(new NpgsqlParameter { Value = new Vector(q) });
                AddFilters(walk.Parameters, request, null, SeedRows);
                walk.Parameters.Add(new NpgsqlParameter { Value = seed });
                batch.BatchCommands.Add(walk);
            }

            await using var r = await batch.ExecuteReaderAsync(cancellationToken);
            do
            {
                await ReadAsync(r, found, cancellationToken);
            }
            while (await r.NextResultAsync(cancellationToken));
        }

        await tx.CommitAsync(cancellationToken);
        var have = vector.Select(v => v.Id).ToHashSet();
        vector.AddRange(found.Where(f => have.Add(f.Id)));
    }

    /// <summary>
    /// How many more rows the HNSW read fetches after <paramref name="read"/> rows of which <paramref name="kept"/>
    /// passed the filters: none once the candidates have passed or <see cref="MaxVectorRows"/> are read; else
    /// what the pass rate so far says the missing candidates need, with a quarter more, at least the
    /// candidates (one more round trip rather than many).
    /// </summary>
    public static int NextFetch(int read, int kept, int candidates)
    {
        if (kept >= candidates || read >= MaxVectorRows)
        {
            return 0;
        }

        double rate = Math.Max(kept, 1) / (double)Math.Max(read, 1);
        double wanted = Math.Ceiling((candidates - kept) / rate * 1.25);
        return (int)Math.Min(Math.Max(wanted, candidates), MaxVectorRows - read);
    }

    /// <summary>Reads (id, distance) rows into <paramref name="vector"/> as (id, similarity), skipping rows without a finite distance (rejected by the filters); returns how many rows came.</summary>
    private static async Task<int> ReadAsync(NpgsqlDataReader r, List<(long Id, double Score)> vector, CancellationToken cancellationToken)
    {
        int rows = 0;
        while (await r.ReadAsync(cancellationToken))
        {
            rows++;
            double distance = r.IsDBNull(1) ? double.NaN : r.GetDouble(1);
            if (double.IsFinite(distance))
            {
                vector.Add((r.GetInt64(0), 1 - distance));
            }
        }

        return rows;
    }
}
