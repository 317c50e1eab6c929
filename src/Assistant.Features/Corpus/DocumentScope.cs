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
    /// Above this many passages the scope is not used (HNSW with an iterative scan instead): an exact
    /// scan costs a heap row per passage (measured: docs/benchmarks.md, issue 21 — search filters, session 25).
    /// </summary>
    public const int MaxPassages = 4000;

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
