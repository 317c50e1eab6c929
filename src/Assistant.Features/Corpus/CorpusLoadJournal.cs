using Npgsql;
using NpgsqlTypes;

namespace Assistant.Features.Corpus;

/// <summary>
/// The journal of bulk loads (<c>corpus_loads</c>): when each started and finished, what it stored,
/// and the definitions of the indexes it dropped, written in the same transaction as the drop so a
/// crash can never lose them. Operational state of the loader, made by the loader itself (not part
/// of the EF model); a row without <c>finished_at</c> is a load that died, whose indexes the next
/// load rebuilds. <c>owed_indexes</c> (session 38) holds the graphs (HNSW) a finished load left to
/// <see cref="CorpusGraphBuilder"/>: each is removed once built, so a build that died is finished by the next.
/// </summary>
internal static class CorpusLoadJournal
{
    public sealed record Unfinished(Guid Id, IReadOnlyList<string> Indexes);

    /// <summary>Whether the journal exists with its <c>owed_indexes</c> column.</summary>
    private const string HasOwedSql =
        "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('corpus_loads') AND attname = 'owed_indexes' AND NOT attisdropped)";

    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        const string sql = """
            CREATE TABLE IF NOT EXISTS corpus_loads (
                id uuid PRIMARY KEY,
                started_at timestamptz NOT NULL,
                finished_at timestamptz,
                source text NOT NULL,
                owner_unit text,
                documents_given integer NOT NULL,
                documents_stored integer NOT NULL DEFAULT 0,
                passages_stored bigint NOT NULL DEFAULT 0,
                dropped_indexes text[] NOT NULL DEFAULT '{}')
            """;
        await using (var cmd = new NpgsqlCommand(sql, connection))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        // Added in session 38; checked first, so a journal that has it is never locked by an ALTER.
        await using var has = new NpgsqlCommand(HasOwedSql, connection);
        if (await has.ExecuteScalarAsync(cancellationToken) is not true)
        {
            await using var alter = new NpgsqlCommand("ALTER TABLE corpus_loads ADD COLUMN IF NOT EXISTS owed_indexes text[] NOT NULL DEFAULT '{}'", connection);
            await alter.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The graphs finished loads left to be built (each definition once), or none when there is no journal yet.</summary>
    public static async Task<List<string>> OwedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var owed = new List<string>();
        await using (var has = new NpgsqlCommand(HasOwedSql, connection))
        {
            if (await has.ExecuteScalarAsync(cancellationToken) is not true)
            {
                // No load has run yet (or none since session 38): nothing is owed.
                return owed;
            }
        }

        await using var cmd = new NpgsqlCommand("SELECT DISTINCT unnest(owed_indexes) FROM corpus_loads WHERE cardinality(owed_indexes) > 0", connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            owed.Add(reader.GetString(0));
        }

        owed.Sort(CorpusGraphBuilder.Order);
        return owed;
    }

    /// <summary>Records that load <paramref name="id"/> leaves <paramref name="definitions"/> to be built (added to what it already owes).</summary>
    public static async Task OweAsync(NpgsqlConnection connection, Guid id, IReadOnlyCollection<string> definitions, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            "UPDATE corpus_loads SET owed_indexes = ARRAY(SELECT DISTINCT unnest(owed_indexes || $2) ORDER BY 1) WHERE id = $1", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = definitions.ToArray() });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The graph <paramref name="definition"/> is built: no load owes it any more. Nothing to strike without a journal that
    /// records owed graphs (no bulk load ever ran, or none since session 38): the builder also builds the graphs of years
    /// without one, which no journal owes (session 39: at 1M each such build failed here after it had finished).
    /// </summary>
    public static async Task PaidAsync(NpgsqlConnection connection, string definition, CancellationToken cancellationToken)
    {
        await using (var has = new NpgsqlCommand(HasOwedSql, connection))
        {
            if (await has.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return;
            }
        }

        await using var cmd = new NpgsqlCommand(
            "UPDATE corpus_loads SET owed_indexes = array_remove(owed_indexes, $1) WHERE $1 = ANY(owed_indexes)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = definition });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<Unfinished>> UnfinishedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var list = new List<Unfinished>();
        await using var cmd = new NpgsqlCommand("SELECT id, dropped_indexes FROM corpus_loads WHERE finished_at IS NULL ORDER BY started_at", connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new Unfinished(reader.GetGuid(0), reader.GetFieldValue<string[]>(1)));
        }

        return list;
    }

    /// <summary>
    /// Records the load and, when <paramref name="dropIndexes"/>, the corpus's vector and text-search
    /// indexes (HNSW, IVFFlat, GIN, GiST on <c>corpus_passages</c>, and B-trees carrying columns, such as
    /// <see cref="DocumentScope.VectorIndex"/>'s vectors; never unique ones) and drops them,
    /// in one transaction. Returns the definitions dropped.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StartAsync(NpgsqlConnection connection, Guid id, DateTimeOffset now, BulkOptions options, int documents, bool dropIndexes, CancellationToken cancellationToken)
    {
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(cancellationToken);
        var indexes = new List<(string Name, string Definition)>();
        if (dropIndexes)
        {
            const string find = """
                SELECT i.relname, pg_get_indexdef(i.oid)
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_am a ON a.oid = i.relam
                WHERE x.indrelid = 'corpus_passages'::regclass AND NOT x.indisunique
                  AND (a.amname IN ('hnsw', 'ivfflat', 'gin', 'gist') OR (a.amname = 'btree' AND x.indnkeyatts < x.indnatts))
                ORDER BY i.relname
                """;
            await using var cmd = new NpgsqlCommand(find, connection, tx);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await using (var insert = new NpgsqlCommand(
            "INSERT INTO corpus_loads (id, started_at, source, owner_unit, documents_given, dropped_indexes) VALUES ($1, $2, $3, $4, $5, $6)", connection, tx))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = now });
            insert.Parameters.Add(new NpgsqlParameter { Value = options.Source });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)options.Owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = documents });
            insert.Parameters.Add(new NpgsqlParameter { Value = indexes.Select(i => i.Definition).ToArray() });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (name, _) in indexes)
        {
            // The name comes from the catalogue; quoted as an identifier.
            await using var drop = new NpgsqlCommand($"DROP INDEX IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection, tx);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return indexes.Select(i => i.Definition).ToList();
    }

    public static async Task ProgressAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, int documents, long passages, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            "UPDATE corpus_loads SET documents_stored = documents_stored + $2, passages_stored = passages_stored + $3 WHERE id = $1", connection, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = documents });
        cmd.Parameters.Add(new NpgsqlParameter { Value = passages });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task FinishAsync(NpgsqlConnection connection, Guid[] ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("UPDATE corpus_loads SET finished_at = $2 WHERE id = ANY($1)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        cmd.Parameters.Add(new NpgsqlParameter { Value = now });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
