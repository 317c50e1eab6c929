using Npgsql;
using NpgsqlTypes;

namespace Assistant.Features.Corpus;

/// <summary>
/// The journal of bulk loads (<c>corpus_loads</c>): when each started and finished, what it stored,
/// and the definitions of the indexes it dropped, written in the same transaction as the drop so a
/// crash can never lose them. Operational state of the loader, made by the loader itself (not part
/// of the EF model); a row without <c>finished_at</c> is a load that died, whose indexes the next
/// load rebuilds.
/// </summary>
internal static class CorpusLoadJournal
{
    public sealed record Unfinished(Guid Id, IReadOnlyList<string> Indexes);

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
        await using var cmd = new NpgsqlCommand(sql, connection);
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
