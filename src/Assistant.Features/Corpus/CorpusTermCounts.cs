using Npgsql;
using NpgsqlTypes;

namespace Assistant.Features.Corpus;

/// <summary>
/// Keeps <c>corpus_terms</c> (BM25's document frequencies) current. Run <see cref="AddDocumentsSql"/>
/// in the transaction that inserted the documents' passages; after a bulk load, <see cref="RecountSql"/>
/// once. Rows are upserted in term order (the totals row first), so concurrent ingestions wait for
/// each other instead of deadlocking.
/// </summary>
public static class CorpusTermCounts
{
    /// <summary>The term of the totals row: passages with terms, and the sum of their lengths.</summary>
    public const string Totals = "";

    private const string Upsert =
        """
         ORDER BY 1
        ON CONFLICT (term) DO UPDATE SET passages = corpus_terms.passages + excluded.passages,
                                         occurrences = corpus_terms.occurrences + excluded.occurrences
        """;

    /// <summary>Adds the counts of the passages of the documents <c>$1</c> (<c>uuid[]</c>).</summary>
    public const string AddDocumentsSql =
        """
        INSERT INTO corpus_terms (term, passages, occurrences)
        SELECT '', count(*), coalesce(sum(cardinality(p.terms)), 0) FROM corpus_passages p WHERE p.document_id = ANY($1) AND p.terms IS NOT NULL
        UNION ALL
        SELECT t.term, count(DISTINCT p.id), count(*) FROM corpus_passages p, unnest(p.terms) AS t(term) WHERE p.document_id = ANY($1) GROUP BY t.term
        """ + Upsert;

    /// <summary>Counts every passage afresh (after a bulk load or a backfill).</summary>
    public const string RecountSql =
        """
        DELETE FROM corpus_terms;
        INSERT INTO corpus_terms (term, passages, occurrences)
        SELECT '', count(*), coalesce(sum(cardinality(p.terms)), 0) FROM corpus_passages p WHERE p.terms IS NOT NULL
        UNION ALL
        SELECT t.term, count(DISTINCT p.id), count(*) FROM corpus_passages p, unnest(p.terms) AS t(term) GROUP BY t.term
        ORDER BY 1;
        """;

    /// <summary>Adds the counts of the documents' passages, inside <paramref name="transaction"/> (the one that inserted them).</summary>
    public static async Task AddDocumentsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid[] documents, CancellationToken cancellationToken = default)
    {
        await using var cmd = new NpgsqlCommand(AddDocumentsSql, connection, transaction);
        cmd.Parameters.Add(new NpgsqlParameter { Value = documents });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds <paramref name="tally"/>'s counts to <c>corpus_terms</c>, inside <paramref name="transaction"/> (one statement, terms in order).</summary>
    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, TermTally tally, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (tally.Passages == 0)
        {
            return;
        }

        var rows = tally.Rows();
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO corpus_terms (term, passages, occurrences) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])" + Upsert, connection, transaction);
        cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Term).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Passages).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Occurrences).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// <c>corpus_terms</c> counts of passages, kept in process (what <see cref="CorpusTermCounts.RecountSql"/>
/// computes for the same passages): a bulk load tallies each batch it commits and adds the sum once,
/// instead of recounting the whole table in SQL.
/// </summary>
public sealed class TermTally
{
    /// <summary>Per term: passages, occurrences, and the last passage (its <see cref="Passages"/> number) that counted it.</summary>
    private readonly Dictionary<string, (long Passages, long Occurrences, long Last)> counts = new(StringComparer.Ordinal);

    /// <summary>Passages counted (the totals row's <c>passages</c>).</summary>
    public long Passages { get; private set; }

    /// <summary>Terms counted (the totals row's <c>occurrences</c>).</summary>
    public long Occurrences { get; private set; }

    /// <summary>Counts one passage's stored terms (a passage without terms counts nowhere, as in SQL).</summary>
    public void Add(string[]? terms)
    {
        if (terms is null)
        {
            return;
        }

        // The passage's number stamps each term it counts, so a repeat in the same passage counts once as a passage
        // without a set per passage (issue 21, session 39). Numbers only grow (merged tallies keep their stamps, which
        // are at most their own count and so below this tally's next number).
        long passage = ++Passages;
        Occurrences += terms.Length;
        foreach (string t in terms)
        {
            ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, t, out _);
            c = (c.Passages + (c.Last == passage ? 0 : 1), c.Occurrences + 1, passage);
        }
    }

    /// <summary>Adds another tally's counts.</summary>
    public void Add(TermTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Passages += other.Passages;
        Occurrences += other.Occurrences;
        foreach (var (term, (p, o, _)) in other.counts)
        {
            ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, term, out _);
            c = (c.Passages + p, c.Occurrences + o, c.Last);
        }
    }

    /// <summary>The rows to add, the totals row (term <c>""</c>) first, then by term (ordinal, as PostgreSQL's C collation orders them).</summary>
    public List<(string Term, long Passages, long Occurrences)> Rows()
    {
        var rows = new List<(string, long, long)>(counts.Count + 1) { (CorpusTermCounts.Totals, Passages, Occurrences) };
        rows.AddRange(counts.Where(kv => kv.Key.Length > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value.Passages, kv.Value.Occurrences)));
        return rows;
    }
}
