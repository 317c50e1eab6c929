using Npgsql;
using NpgsqlTypes;

namespace Assistant.Features.Corpus;

/// <summary>
/// The documents a search's region and year select, when they hold few enough passages to search
/// exactly (<see cref="MaxPassages"/>). Region and year are a document's (every passage carries its
/// document's), so one pass over the documents — one row for ~20 passages — turns filters that no
/// index serves (a region is matched as a substring) into a list of documents whose passages the
/// index on <c>document_id</c> finds. Both halves then read only those passages, and the vector half
/// ranks them exactly instead of walking the HNSW graph past the ~59 rows in 60 the filter rejects.
/// The passage-level filters stay in the queries, so the answer is the filtered answer either way.
/// </summary>
public sealed record DocumentScope(Guid[] Documents, long Passages)
{
    /// <summary>
    /// Above this many passages the scope is not used (HNSW with an iterative scan instead). The exact
    /// scan reads each passage's vector from <see cref="VectorIndex"/> alone, about a fifth of a page
    /// per passage; HNSW under a filter this selective misses neighbours (region=川汇区 + year=2023 at 1M,
    /// 13,524 passages: recall@10 0.915) and costs as much as the scan (docs/benchmarks.md, issue 21 —
    /// filtered recall at 1M, session 31). 100,000 since session 33: at 1M the exact scan of region=川汇
    /// (74,193 passages) took p50 296 ms against 351 ms for the HNSW read it replaces, with recall@10
    /// 0.852 → 0.982 (1.000 tie-aware) on 60 questions; year=2023 (183,114) scanned exactly cost 1,082 ms
    /// against 282 ms, so a scope that large stays on HNSW (docs/scaling.md, 1M, session 33).
    /// </summary>
    public const int MaxPassages = 100_000;

    /// <summary>
    /// The most passages a scope read through the table may hold: the vector half's exact scan under a fund
    /// filter (the fund is a passage's own, not its document's, and not in <see cref="VectorIndex"/>, so
    /// that scan reads each passage's heap row and its vector out of line), and the lexical half's read of
    /// the scope (<see cref="ForLexical"/>). Session 25's bound (docs/benchmarks.md, issue 21 — search filters, session 25).
    /// </summary>
    public const int MaxHeapPassages = 4000;

    /// <summary>
    /// The scope the lexical half reads through, or null when it holds more than <see cref="MaxHeapPassages"/>:
    /// the half's words are then found through their GIN index with region and year tested per row, as
    /// before session 31. Through a scope of 13,524 passages (region=川汇区 + year=2023 at 1M) the planner
    /// reads every passage of the scope's documents and tests its words: 12,625 rows for 500 kept, 578 ms
    /// (docs/benchmarks.md, issue 21 — filtered recall at 1M, session 31).
    /// </summary>
    public static DocumentScope? ForLexical(DocumentScope? scope) => scope is { Passages: <= MaxHeapPassages } ? scope : null;

    /// <summary>
    /// The passages' vectors by document (a B-tree on <c>document_id</c> carrying <c>id</c>, <c>kind</c>
    /// and <c>embedding</c>): the exact scan of a scope is an index-only scan, no heap row and no TOAST
    /// read per passage (the table stores the vector out of line). Region, year and owner are the
    /// document's, already applied by the scope's list; fund is a passage's own and unbounded text, so
    /// it is not carried (a B-tree row holds at most ~2.7 KB).
    /// </summary>
    public const string VectorIndex = "ix_corpus_passages_document_embedding";

    /// <summary>The definition of <see cref="VectorIndex"/> (also the migration's).</summary>
    public const string VectorIndexSql = "CREATE INDEX " + VectorIndex + " ON corpus_passages (document_id) INCLUDE (id, kind, embedding)";

    /// <summary>The largest vector <see cref="VectorIndex"/> can carry within a B-tree row (4 bytes a dimension); a larger model's column goes without it.</summary>
    public const int MaxIndexedDimensions = 512;

    /// <summary>The passage bound for <paramref name="request"/>: <paramref name="maxPassages"/>, or at most <see cref="MaxHeapPassages"/> under a fund filter.</summary>
    public static int Bound(SearchRequest request, int maxPassages)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.IsNullOrWhiteSpace(request.Fund) ? maxPassages : Math.Min(maxPassages, MaxHeapPassages);
    }

    private const string Sql =
        """
        SELECT d.id, d.passage_count FROM corpus_documents d
        WHERE ($1::text IS NULL OR strpos(lower(d.region), lower($1)) > 0)
          AND ($2::int IS NULL OR d.year = $2)
          AND ($3::uuid IS NULL OR d.id <> $3)
          AND (d.owner_unit IS NULL OR d.owner_unit = $4)
        LIMIT $5
        """;

    /// <summary>The scope of <paramref name="request"/>, or null when it names no region or year, or selects more than <paramref name="maxPassages"/> passages.</summary>
    public static async Task<DocumentScope?> ForAsync(NpgsqlConnection connection, SearchRequest request, int maxPassages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((string.IsNullOrWhiteSpace(request.Region) && request.Year is null) || maxPassages <= 0)
        {
            return null;
        }

        await using var cmd = new NpgsqlCommand(Sql, connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = CorpusSearch.Blank(request.Region), NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)request.Year ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)request.ExcludeDocument ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)CorpusAudience.ViewerUnit ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });

        // Every document has a passage: more documents than the passage bound is over it.
        cmd.Parameters.Add(new NpgsqlParameter { Value = maxPassages + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        var documents = new List<Guid>();
        long passages = 0;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            documents.Add(r.GetGuid(0));
            passages += r.GetInt32(1);
            if (passages > maxPassages)
            {
                return null;
            }
        }

        return new DocumentScope([.. documents], passages);
    }
}
