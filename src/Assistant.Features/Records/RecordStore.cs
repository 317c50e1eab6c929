using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Storage;
using Assistant.Features.Units;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Assistant.Features.Records;

/// <summary>A stored evaluation as listed.</summary>
public sealed record EvaluationSummary(Guid Id, string Title, int? Year, string Kind, string Policy, string? Total, string? Grade, DateTimeOffset CreatedAt, string Unit);

/// <summary>A stored evaluation with its body (the <c>assistant.evaluation/v1</c> JSON as posted).</summary>
public sealed record StoredEvaluation(Guid Id, string Unit, string Title, int? Year, string Kind, string Policy, string Body, string? Total, string? Grade, DateTimeOffset CreatedAt, string RequestHash);

/// <summary>A stored draft (one version).</summary>
public sealed record StoredDraft(Guid Id, Guid EvaluationId, string Unit, string Section, int Version, string Status, DraftResult Result, DateTimeOffset CreatedAt, string RequestHash);

public sealed record DraftSummary(Guid Id, string Section, int Version, string Status, string Provider, string Model, DateTimeOffset CreatedAt);

/// <summary>The outcome of a POST that may have been made before with the same Idempotency-Key.</summary>
public enum Idempotency
{
    /// <summary>A new row was stored.</summary>
    Created,

    /// <summary>The same request was made before: the row it stored is returned.</summary>
    Replayed,

    /// <summary>The key was used before for a different request: the earlier row is returned, and nothing stored (HTTP 422).</summary>
    Mismatch,
}

/// <summary>
/// Evaluations and drafts, always read and written within one unit: a row of another unit does not
/// exist for the caller. A draft is inserted, never updated; its version is the next one for its
/// evaluation and section (serialised on the evaluation row). A POST's Idempotency-Key is stored on
/// the row it created, with a hash of the request, so a retry finds the row instead of adding another.
/// </summary>
public sealed class RecordStore(IDbContextFactory<AssistantDb> databases, TimeProvider clock)
{
    public const int MaxIdempotencyKeyLength = 200;

    private static readonly JsonSerializerOptions Json = ScoreContract.JsonOptions;

    /// <summary>A stable hash of what a request asks for (operation and body).</summary>
    public static string RequestHash(string operation, string body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + body)));

    /// <summary>
    /// Stores an evaluation; with an Idempotency-Key seen before, returns the row that key stored
    /// (<see cref="Idempotency.Mismatch"/> when the earlier request asked for something else).
    /// </summary>
    public async Task<(StoredEvaluation Evaluation, Idempotency Outcome)> AddEvaluationAsync(
        string unit, Guid? keyId, string canonicalBody, Evaluation evaluation, string policy, ScoreResponse score, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(score);
        string hash = RequestHash("evaluation:" + policy, canonicalBody);
        if (idempotencyKey is not null && await FindEvaluationByKeyAsync(unit, idempotencyKey, cancellationToken) is { } earlier)
        {
            return (earlier, Replay(hash, earlier.RequestHash));
        }

        EvaluationRecord row = EvaluationRecord.Of(Guid.CreateVersion7(), unit, evaluation, policy, canonicalBody, score, keyId, hash, Now());
        row.IdempotencyKey = idempotencyKey;
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        db.Evaluations.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && IsUniqueViolation(e))
        {
            // A concurrent request with the same key won the race: return its row.
            StoredEvaluation winner = (await FindEvaluationByKeyAsync(unit, idempotencyKey, cancellationToken))!;
            return (winner, Replay(hash, winner.RequestHash));
        }

        return (ToStored(row), Idempotency.Created);
    }

    /// <summary>An evaluation of the unit itself (where the caller writes).</summary>
    public Task<StoredEvaluation?> GetEvaluationAsync(string unit, Guid id, CancellationToken cancellationToken = default) =>
        GetEvaluationAsync(Units.UnitScope.Own(unit), id, cancellationToken);

    /// <summary>An evaluation of any unit the scope covers (where the caller reads).</summary>
    public async Task<StoredEvaluation?> GetEvaluationAsync(Units.UnitScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        EvaluationRecord? row = await db.Evaluations.AsNoTracking().WhereVisibleTo(scope).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return row is null ? null : ToStored(row);
    }

    public Task<IReadOnlyList<EvaluationSummary>> ListEvaluationsAsync(string unit, int limit, CancellationToken cancellationToken = default) =>
        ListEvaluationsAsync(Units.UnitScope.Own(unit), limit, cancellationToken);

    public async Task<IReadOnlyList<EvaluationSummary>> ListEvaluationsAsync(Units.UnitScope scope, int limit, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Evaluations.AsNoTracking()
            .WhereVisibleTo(scope)
            .OrderByDescending(e => e.CreatedAt)
            .Take(limit)
            .Select(e => new { e.Id, e.Title, e.Year, e.Kind, e.Policy, e.Total, e.Grade, e.CreatedAt, e.Unit })
            .ToListAsync(cancellationToken);
        return rows.Select(e => new EvaluationSummary(e.Id, e.Title, e.Year, e.Kind, e.Policy, Text(e.Total), e.Grade, e.CreatedAt, e.Unit)).ToList();
    }

    /// <summary>The draft an earlier request with this key stored, if any (checked before drafting, so a retry does no work).</summary>
    public async Task<StoredDraft?> FindDraftByKeyAsync(string unit, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        DraftRecord? row = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Unit == unit && d.IdempotencyKey == idempotencyKey, cancellationToken);
        return row is null ? null : ToStored(row);
    }

    /// <summary>
    /// Stores a draft as the next version of its evaluation's section (versions are serialised by
    /// locking the evaluation row). The caller has found the evaluation in the unit first.
    /// </summary>
    public async Task<(StoredDraft Draft, Idempotency Outcome)> AddDraftAsync(
        string unit, Guid? keyId, Guid evaluationId, DraftResult result, string requestHash, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Row locks have no LINQ form; this is the one statement of this store in SQL.
            List<int> locked = await db.Database
                .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM evaluations WHERE id = {evaluationId} AND unit = {unit} FOR UPDATE")
                .ToListAsync(cancellationToken);
            if (locked.Count == 0)
            {
                throw new InvalidOperationException($"Evaluation {evaluationId} is not the unit's; look it up before drafting.");
            }

            int version = 1 + (await db.Drafts.Where(d => d.EvaluationId == evaluationId && d.Section == result.Section)
                .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0);
            var row = new DraftRecord
            {
                Id = Guid.CreateVersion7(),
                EvaluationId = evaluationId,
                Unit = unit,
                Section = result.Section,
                Version = version,
                Status = result.Status,
                Body = JsonSerializer.Serialize(result, Json),
                Provider = result.Model.Provider,
                Model = result.Model.Model,
                Prompt = $"{result.Prompt.Name}@{result.Prompt.Version}",
                CreatedBy = keyId,
                IdempotencyKey = idempotencyKey,
                RequestHash = requestHash,
                CreatedAt = Now(),
            };
            db.Drafts.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
                return (new StoredDraft(row.Id, evaluationId, unit, row.Section, version, row.Status, result, row.CreatedAt, requestHash), Idempotency.Created);
            }
            catch (DbUpdateException e) when (idempotencyKey is not null && IsUniqueViolation(e))
            {
                await tx.RollbackAsync(cancellationToken);
            }
        }

        // A concurrent request with the same key stored its draft first.
        StoredDraft winner = (await FindDraftByKeyAsync(unit, idempotencyKey!, cancellationToken))!;
        return (winner, Replay(requestHash, winner.RequestHash));
    }

    public Task<StoredDraft?> GetDraftAsync(string unit, Guid id, CancellationToken cancellationToken = default) =>
        GetDraftAsync(Units.UnitScope.Own(unit), id, cancellationToken);

    public async Task<StoredDraft?> GetDraftAsync(Units.UnitScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        DraftRecord? row = await db.Drafts.AsNoTracking().WhereVisibleTo(scope).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : ToStored(row);
    }

    public Task<IReadOnlyList<DraftSummary>> ListDraftsAsync(string unit, Guid evaluationId, CancellationToken cancellationToken = default) =>
        ListDraftsAsync(Units.UnitScope.Own(unit), evaluationId, cancellationToken);

    public async Task<IReadOnlyList<DraftSummary>> ListDraftsAsync(Units.UnitScope scope, Guid evaluationId, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Drafts.AsNoTracking()
            .WhereVisibleTo(scope)
            .Where(d => d.EvaluationId == evaluationId)
            .OrderBy(d => d.Section).ThenBy(d => d.Version)
            .Select(d => new DraftSummary(d.Id, d.Section, d.Version, d.Status, d.Provider, d.Model, d.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Now, at PostgreSQL's precision (microseconds), so a row built here equals the row read back.</summary>
    private DateTimeOffset Now()
    {
        DateTimeOffset now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    private async Task<StoredEvaluation?> FindEvaluationByKeyAsync(string unit, string key, CancellationToken cancellationToken)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        EvaluationRecord? row = await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Unit == unit && e.IdempotencyKey == key, cancellationToken);
        return row is null ? null : ToStored(row);
    }

    private static StoredEvaluation ToStored(EvaluationRecord e) =>
        new(e.Id, e.Unit, e.Title, e.Year, e.Kind, e.Policy, e.Body, Text(e.Total), e.Grade, e.CreatedAt, e.RequestHash);

    private static StoredDraft ToStored(DraftRecord d) =>
        new(d.Id, d.EvaluationId, d.Unit, d.Section, d.Version, d.Status, JsonSerializer.Deserialize<DraftResult>(d.Body, Json)!, d.CreatedAt, d.RequestHash);

    /// <summary>The total as PostgreSQL prints it (numeric keeps its scale, and so does decimal).</summary>
    private static string? Text(decimal? total) => total?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>A replay must ask for the same thing; a key reused for a different request is refused.</summary>
    public static Idempotency Replay(string asked, string stored) =>
        asked == stored ? Idempotency.Replayed : Idempotency.Mismatch;
}
