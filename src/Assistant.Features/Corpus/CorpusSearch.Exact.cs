using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Assistant.Features.Corpus;

/// <summary>The vector half through the in-memory exact scan (<see cref="ExactScanIndex"/>, issue 21, session 37).</summary>
public sealed partial class CorpusSearch
{
    /// <summary>
    /// How far the scan's float similarity may be from the database's (both sum at most a few hundred float products of
    /// unit vectors' components; measured differences are under 1e-6): a passage the scan left out scored at most the
    /// last one it took, so its exact similarity is at most that plus this.
    /// </summary>
    public const double ExactScanMargin = 1e-5;

    /// <summary>Candidates the scan proposes beyond those asked for, so rows dropped by the re-read rarely need a second scan.</summary>
    public const int ExactScanSpare = 32;

    /// <summary>
    /// The candidates re-read by id with every filter, the unit scope and their exact distance, nearest first, ties by id
    /// (<c>$10</c>: the ids; <c>$7</c>: how many); and the highest passage id stored, so a search sees passages stored by
    /// other processes since the index last read (it reads them first).
    /// </summary>
    public const string ExactReReadSql =
        "SELECT p.id, p.embedding <=> $1 AS distance FROM corpus_passages p WHERE p.id = ANY($10) AND p.embedding IS NOT NULL AND " + Filters
        + " ORDER BY distance, p.id LIMIT $7";

    /// <summary>
    /// The exact nearest <paramref name="candidates"/> passages under the request's filters: the scan proposes the best
    /// (with <see cref="ExactScanSpare"/> more), the database re-reads them; the answer stands when the last kept passage's
    /// exact similarity beats, by <see cref="ExactScanMargin"/>, the best the scan left out could have, else the scan
    /// proposes four times as many. Null when the index stopped serving meanwhile (the caller walks HNSW).
    /// </summary>
    private async Task<List<(long Id, double Score)>?> ExactScanAsync(NpgsqlConnection connection, float[] q, SearchRequest request, int candidates, CancellationToken cancellationToken)
    {
        var filter = new ExactScanIndex.ScanFilter(
            request.Kind is { } k ? Assistant.Domain.Corpus.SectionKinds.Name(k) : null, Blank(request.Fund) as string, Blank(request.Region) as string,
            request.Year, request.ExcludeDocument, CorpusAudience.ViewerUnit);
        int take = candidates + ExactScanSpare;
        bool refreshed = false;
        while (true)
        {
            if (exactScan!.Scan(q, filter, take) is not { } scan)
            {
                return null;
            }

            var (rows, stored) = await ReReadAsync(connection, q, request, scan, cancellationToken);
            if (stored > exactScan.LastId && !refreshed)
            {
                // Passages stored elsewhere since the index last read: read them, then scan again.
                await exactScan.RefreshAsync(cancellationToken);
                refreshed = true;
                continue;
            }

            if (!scan.More || (rows.Count >= candidates && rows[candidates - 1].Score > scan.Hits[^1].Score + ExactScanMargin))
            {
                return rows.Count > candidates ? rows.GetRange(0, candidates) : rows;
            }

            take *= 4;
        }
    }

    private static async Task<(List<(long Id, double Score)> Rows, long Stored)> ReReadAsync(
        NpgsqlConnection connection, float[] q, SearchRequest request, ExactScanIndex.ScanResult scan, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, double Score)>();
        await using var batch = new NpgsqlBatch(connection);
        var read = new NpgsqlBatchCommand(ExactReReadSql);
        read.Parameters.Add(new NpgsqlParameter { Value = new Vector(q) });
        AddFilters(read.Parameters, request, null, scan.Hits.Length);
        read.Parameters.Add(new NpgsqlParameter { Value = scan.Hits.Select(h => h.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        batch.BatchCommands.Add(read);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT coalesce(max(id), 0) FROM corpus_passages"));
        await using var r = await batch.ExecuteReaderAsync(cancellationToken);
        await ReadAsync(r, rows, cancellationToken);
        await r.NextResultAsync(cancellationToken);
        await r.ReadAsync(cancellationToken);
        return (rows, r.GetInt64(0));
    }
}
