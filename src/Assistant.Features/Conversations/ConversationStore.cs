using System.Text.Json;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Conversations;

public sealed record ConversationSummary(Guid Id, Guid? EvaluationId, string Title, DateTimeOffset CreatedAt, int Messages);

public sealed record StoredConversation(Guid Id, string Unit, Guid? EvaluationId, string Title, DateTimeOffset CreatedAt);

/// <summary>One message as stored: the user's words, or the assistant's released (verified) text with what happened in its turn.</summary>
public sealed record StoredMessage(Guid Id, int Seq, string Role, string Content, JsonElement Payload, DateTimeOffset CreatedAt);

/// <summary>
/// Conversations and their messages, scoped to a unit like every other record. Messages are appended
/// (sequence numbers serialised on the conversation row) and never rewritten (a trigger refuses updates).
/// </summary>
public sealed class ConversationStore(IDbContextFactory<AssistantDb> databases, TimeProvider clock)
{
    public const int MaxTitleLength = 200;

    /// <summary>Starts a conversation about one of the unit's evaluations; null when the unit has no such evaluation.</summary>
    public Task<StoredConversation?> CreateAsync(string unit, Guid? keyId, Guid evaluationId, string title, CancellationToken cancellationToken = default) =>
        CreateAsync(Units.UnitScope.Own(unit), keyId, evaluationId, title, cancellationToken);

    /// <summary>
    /// Starts a conversation of the scope's own unit about an evaluation the scope covers (a reviewer's
    /// conversation about a table beneath it); null when the scope has no such evaluation.
    /// </summary>
    /// <summary>
    /// Opens a conversation on an evaluation the scope reads (null when it reads none such), or, with no
    /// <paramref name="evaluationId"/>, a conversation about the units of the scope.
    /// </summary>
    public async Task<StoredConversation?> CreateAsync(Units.UnitScope scope, Guid? keyId, Guid? evaluationId, string title, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        string unit = scope.Unit;
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        if (evaluationId is { } id && !await Units.UnitVisibility.WhereVisibleTo(db.Evaluations, scope).AnyAsync(e => e.Id == id, cancellationToken))
        {
            return null;
        }

        var row = new ConversationRecord { Id = Guid.CreateVersion7(), Unit = unit, EvaluationId = evaluationId, Title = title, CreatedBy = keyId, CreatedAt = Now() };
        db.Conversations.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new StoredConversation(row.Id, unit, evaluationId, title, row.CreatedAt);
    }

    public async Task<StoredConversation?> GetAsync(string unit, Guid id, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.Unit == unit && c.Id == id)
            .Select(c => new StoredConversation(c.Id, c.Unit, c.EvaluationId, c.Title, c.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string unit, Guid? evaluationId, int limit, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.Unit == unit && (evaluationId == null || c.EvaluationId == evaluationId))
            .OrderByDescending(c => c.CreatedAt)
            .Take(limit)
            .Select(c => new ConversationSummary(c.Id, c.EvaluationId, c.Title, c.CreatedAt, db.Messages.Count(m => m.ConversationId == c.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredMessage>> MessagesAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        List<MessageRecord> rows = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.Seq)
            .ToListAsync(cancellationToken);
        return rows.Select(m => new StoredMessage(m.Id, m.Seq, m.Role, m.Content, Parse(m.Payload), m.CreatedAt)).ToList();
    }

    /// <summary>Appends a message as the conversation's next one (sequence numbers serialised by locking the conversation row).</summary>
    public async Task<StoredMessage> AppendAsync(Guid conversationId, string role, string content, string payloadJson, Guid? keyId, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);

        // Row locks have no LINQ form.
        List<int> locked = await db.Database
            .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM conversations WHERE id = {conversationId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            throw new InvalidOperationException($"Conversation {conversationId} does not exist; look it up before appending.");
        }

        int seq = 1 + (await db.Messages.Where(m => m.ConversationId == conversationId).MaxAsync(m => (int?)m.Seq, cancellationToken) ?? 0);
        var row = new MessageRecord
        {
            Id = Guid.CreateVersion7(),
            ConversationId = conversationId,
            Seq = seq,
            Role = role,
            Content = content,
            Payload = payloadJson,
            CreatedBy = keyId,
            CreatedAt = Now(),
        };
        db.Messages.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new StoredMessage(row.Id, seq, role, content, Parse(payloadJson), row.CreatedAt);
    }

    private static JsonElement Parse(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    private DateTimeOffset Now()
    {
        DateTimeOffset now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
