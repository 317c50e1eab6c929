using Microsoft.Extensions.AI;
using Npgsql;
using Pgvector;

namespace Assistant.Features.Corpus;

/// <summary>The vector half of <see cref="CorpusSearch"/>: an exact scan of a small document scope, else the HNSW read through a cursor.</summary>
public sealed partial class CorpusSearch
{
    /// <summary>The query's vector from the configured embedder.</summary>
    private async Task<float[]> QueryVectorAsync(string query, CancellationToken cancellationToken) =>
        (await embedder.GenerateAsync([query], null, cancellationToken))[0].Vector.ToArray();

    /// <summary>
    /// The vector half: the query's embedding, then the nearest passages under the filters, best first:
    /// HNSW with an iterative scan, or, when a document scope holds few passages, an exact scan of them.
    /// </summary>
    /// <param name="scopeLexicalOnly">Whether <paramref name="scope"/> was read only up to the lexical half's bound (<see cref="ScopeBound"/>): when the exact scan does not answer after all, the scope is read again up to the vector half's.</param>
    /// <param name="query">The query's vector when the caller already has it.</param>
    private async Task<List<(long Id, double Score)>> VectorAsync(SearchRequest request, DocumentScope? scope, bool scopeLexicalOnly, float[]? query, int candidates, CancellationToken cancellationToken)
    {
        var vector = new List<(long Id, double Score)>();
        float[] q = query ?? await QueryVectorAsync(request.Query, cancellationToken);

        // A query with nothing that embeds ("。", ":*") has no direction: cosine distance would be NaN.
        if (!q.Any(x => x != 0 && float.IsFinite(x)))
        {
            return vector;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (exactScan is not null && exactScan.Serves(q) && await ExactScanAsync(connection, q, request, candidates, cancellationToken) is { } exact)
        {
            return exact;
        }

        if (scopeLexicalOnly && scope is null)
        {
            // The scan stopped serving since the search began: this half reads the documents up to its own bound.
            scope = await DocumentScope.ForAsync(connection, request, DocumentScope.Bound(request, exactScanPassages), cancellationToken);
        }

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

            // A year filter reads its year's own graph when it has one (YearGraphs); a section's graph first.
            string? yearSql = sectionSql is null && yearIndexes && request.Year is { } year && await YearGraphs.ExistsAsync(connection, year, cancellationToken) ? YearVectorSql(year) : null;
            string? partialSql = sectionSql ?? yearSql;
            int ef = sparseQueryEf ? EfSearch(q, partialSql is not null, candidates, wholeGraphEf, sparseEfSearch) : Math.Max(GraphEfSearch(partialSql is not null, wholeGraphEf), candidates);
            await HnswReadAsync(connection, partialSql ?? VectorSql, q, ef, request, candidates, vector, cancellationToken);
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
