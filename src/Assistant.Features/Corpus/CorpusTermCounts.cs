using Npgsql;

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
}
