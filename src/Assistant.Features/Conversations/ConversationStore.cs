using System.Text.Json;
using Npgsql;

namespace Assistant.Features.Conversations;

public sealed record ConversationSummary(Guid Id, Guid EvaluationId, string Title, DateTimeOffset CreatedAt, int Messages);

public sealed record StoredConversation(Guid Id, string Unit, Guid EvaluationId, string Title, DateTimeOffset CreatedAt);

/// <summary>One message as stored: the user's words, or the assistant's released (verified) text with what happened in its turn.</summary>
public sealed record StoredMessage(Guid Id, int Seq, string Role, string Content, JsonElement Payload, DateTimeOffset CreatedAt);

/// <summary>
/// Conversations and their messages, scoped to a unit like every other record. Messages are appended
/// (sequence numbers serialised on the conversation row) and never rewritten (a trigger refuses updates).
/// </summary>
public sealed class ConversationStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int MaxTitleLength = 200;

    /// <summary>Starts a conversation about one of the unit's evaluations; another unit's evaluation is not found.</summary>
    public async Task<StoredConversation> CreateAsync(string unit, Guid? keyId, Guid evaluationId, string title, CancellationToken cancellationToken = default)
    {
        var id = Guid.CreateVersion7();
        DateTimeOffset now = Now();
        await using NpgsqlCommand cmd = dataSource.CreateCommand("""
            INSERT INTO conversations (id, unit, evaluation_id, title, created_by, created_at)
            SELECT $1, $2, e.id, $4, $5, $6 FROM evaluations e WHERE e.id = $3 AND e.unit = $2
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.AddWithValue(evaluationId);
        cmd.Parameters.AddWithValue(title);
        cmd.Parameters.AddWithValue((object?)keyId ?? DBNull.Value);
        cmd.Parameters.AddWithValue(now);
        if (await cmd.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new KeyNotFoundException($"evaluation {evaluationId}");
        }

        return new StoredConversation(id, unit, evaluationId, title, now);
    }

    public async Task<StoredConversation?> GetAsync(string unit, Guid id, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = dataSource.CreateCommand(
            "SELECT id, unit, evaluation_id, title, created_at FROM conversations WHERE unit = $1 AND id = $2");
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.AddWithValue(id);
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new StoredConversation(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4))
            : null;
    }

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string unit, Guid? evaluationId, int limit, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = dataSource.CreateCommand("""
            SELECT c.id, c.evaluation_id, c.title, c.created_at, (SELECT count(*)::int FROM conversation_messages m WHERE m.conversation_id = c.id)
            FROM conversations c
            WHERE c.unit = $1 AND ($2::uuid IS NULL OR c.evaluation_id = $2)
            ORDER BY c.created_at DESC LIMIT $3
            """);
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)evaluationId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        cmd.Parameters.AddWithValue(limit);
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<ConversationSummary>();
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new ConversationSummary(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetInt32(4)));
        }

        return list;
    }

    public async Task<IReadOnlyList<StoredMessage>> MessagesAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = dataSource.CreateCommand(
            "SELECT id, seq, role, content, payload::text, created_at FROM conversation_messages WHERE conversation_id = $1 ORDER BY seq");
        cmd.Parameters.AddWithValue(conversationId);
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<StoredMessage>();
        while (await r.ReadAsync(cancellationToken))
        {
            using JsonDocument payload = JsonDocument.Parse(r.GetString(4));
            list.Add(new StoredMessage(r.GetGuid(0), r.GetInt32(1), r.GetString(2), r.GetString(3), payload.RootElement.Clone(), r.GetFieldValue<DateTimeOffset>(5)));
        }

        return list;
    }

    /// <summary>Appends a message as the conversation's next one.</summary>
    public async Task<StoredMessage> AppendAsync(Guid conversationId, string role, string content, string payloadJson, Guid? keyId, CancellationToken cancellationToken = default)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE", connection, tx))
        {
            lockRow.Parameters.AddWithValue(conversationId);
            if (await lockRow.ExecuteScalarAsync(cancellationToken) is null)
            {
                throw new KeyNotFoundException($"conversation {conversationId}");
            }
        }

        var id = Guid.CreateVersion7();
        DateTimeOffset now = Now();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO conversation_messages (id, conversation_id, seq, role, content, payload, created_by, created_at)
            SELECT $1, $2, coalesce(max(seq), 0) + 1, $3, $4, $5::jsonb, $6, $7 FROM conversation_messages WHERE conversation_id = $2
            RETURNING seq
            """, connection, tx);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(conversationId);
        insert.Parameters.AddWithValue(role);
        insert.Parameters.AddWithValue(content);
        insert.Parameters.AddWithValue(payloadJson);
        insert.Parameters.AddWithValue((object?)keyId ?? DBNull.Value);
        insert.Parameters.AddWithValue(now);
        int seq = (int)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await tx.CommitAsync(cancellationToken);
        using JsonDocument doc = JsonDocument.Parse(payloadJson);
        return new StoredMessage(id, seq, role, content, doc.RootElement.Clone(), now);
    }

    private DateTimeOffset Now()
    {
        DateTimeOffset now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
