using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Npgsql;

namespace Assistant.Features.Records;

/// <summary>A stored evaluation as listed.</summary>
public sealed record EvaluationSummary(Guid Id, string Title, int? Year, string Kind, string Policy, string? Total, string? Grade, DateTimeOffset CreatedAt);

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
}

/// <summary>
/// Evaluations and drafts, always read and written within one unit: a row of another unit does not
/// exist for the caller. A draft is inserted, never updated; its version is the next one for its
/// evaluation and section (serialised on the evaluation row). A POST's Idempotency-Key is stored on
/// the row it created, with a hash of the request, so a retry finds the row instead of adding another.
/// </summary>
public sealed class RecordStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int MaxIdempotencyKeyLength = 200;

    private static readonly JsonSerializerOptions Json = ScoreContract.JsonOptions;

    /// <summary>A stable hash of what a request asks for (operation and body).</summary>
    public static string RequestHash(string operation, string body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + body)));

    public async Task<(StoredEvaluation Evaluation, Idempotency Outcome)> AddEvaluationAsync(
        string unit, Guid? keyId, string canonicalBody, Evaluation evaluation, string policy, ScoreResponse score, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(score);
        string hash = RequestHash("evaluation:" + policy, canonicalBody);
        if (idempotencyKey is not null && await FindEvaluationByKeyAsync(unit, idempotencyKey, cancellationToken) is { } earlier)
        {
            return (Same(earlier, hash, earlier.RequestHash), Idempotency.Replayed);
        }

        var id = Guid.CreateVersion7();
        DateTimeOffset now = Now();
        await using NpgsqlCommand cmd = dataSource.CreateCommand("""
            INSERT INTO evaluations (id, unit, title, year, kind, policy, body, total, grade, created_by, idempotency_key, request_hash, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (unit, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            """);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.AddWithValue(evaluation.Title);
        cmd.Parameters.AddWithValue((object?)evaluation.Year ?? DBNull.Value);
        cmd.Parameters.AddWithValue(evaluation.Kind == EvaluationKind.Project ? "project" : "transfer");
        cmd.Parameters.AddWithValue(policy);
        cmd.Parameters.AddWithValue(canonicalBody);
        cmd.Parameters.AddWithValue(score.Total is { } t ? decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value);
        cmd.Parameters.AddWithValue((object?)score.Grade ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)keyId ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)idempotencyKey ?? DBNull.Value);
        cmd.Parameters.AddWithValue(hash);
        cmd.Parameters.AddWithValue(now);
        if (await cmd.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            // A concurrent request with the same key won the race: return its row.
            StoredEvaluation winner = (await FindEvaluationByKeyAsync(unit, idempotencyKey!, cancellationToken))!;
            return (Same(winner, hash, winner.RequestHash), Idempotency.Replayed);
        }

        string kind = evaluation.Kind == EvaluationKind.Project ? "project" : "transfer";
        return (new StoredEvaluation(id, unit, evaluation.Title, evaluation.Year, kind, policy, canonicalBody, score.Total, score.Grade, now, hash), Idempotency.Created);
    }

    public async Task<StoredEvaluation?> GetEvaluationAsync(string unit, Guid id, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = ByUnit(SelectEvaluation, "id", id, unit);
        return await ReadEvaluationAsync(cmd, cancellationToken);
    }

    public async Task<IReadOnlyList<EvaluationSummary>> ListEvaluationsAsync(string unit, int limit, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = dataSource.CreateCommand(
            "SELECT id, title, year, kind, policy, total::text, grade, created_at FROM evaluations WHERE unit = $1 ORDER BY created_at DESC LIMIT $2");
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.AddWithValue(limit);
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<EvaluationSummary>();
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new EvaluationSummary(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<DateTimeOffset>(7)));
        }

        return list;
    }

    /// <summary>The draft an earlier request with this key stored, if any (checked before drafting, so a retry does no work).</summary>
    public async Task<StoredDraft?> FindDraftByKeyAsync(string unit, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = ByUnit(SelectDraft, "idempotency_key", idempotencyKey, unit);
        return await ReadDraftAsync(cmd, cancellationToken);
    }

    /// <summary>Stores a draft as the next version of its evaluation's section.</summary>
    public async Task<(StoredDraft Draft, Idempotency Outcome)> AddDraftAsync(
        string unit, Guid? keyId, Guid evaluationId, DraftResult result, string requestHash, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM evaluations WHERE id = $1 AND unit = $2 FOR UPDATE", connection, tx))
        {
            lockRow.Parameters.AddWithValue(evaluationId);
            lockRow.Parameters.AddWithValue(unit);
            if (await lockRow.ExecuteScalarAsync(cancellationToken) is null)
            {
                throw new KeyNotFoundException($"evaluation {evaluationId}");
            }
        }

        var id = Guid.CreateVersion7();
        DateTimeOffset now = Now();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO drafts (id, evaluation_id, unit, section, version, status, body, provider, model, prompt, created_by, idempotency_key, request_hash, created_at)
            SELECT $1, $2, $3, $4, coalesce(max(version), 0) + 1, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13
            FROM drafts WHERE evaluation_id = $2 AND section = $4
            ON CONFLICT (unit, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING version
            """, connection, tx))
        {
            insert.Parameters.AddWithValue(id);
            insert.Parameters.AddWithValue(evaluationId);
            insert.Parameters.AddWithValue(unit);
            insert.Parameters.AddWithValue(result.Section);
            insert.Parameters.AddWithValue(result.Status);
            insert.Parameters.AddWithValue(JsonSerializer.Serialize(result, Json));
            insert.Parameters.AddWithValue(result.Model.Provider);
            insert.Parameters.AddWithValue(result.Model.Model);
            insert.Parameters.AddWithValue($"{result.Prompt.Name}@{result.Prompt.Version}");
            insert.Parameters.AddWithValue((object?)keyId ?? DBNull.Value);
            insert.Parameters.AddWithValue((object?)idempotencyKey ?? DBNull.Value);
            insert.Parameters.AddWithValue(requestHash);
            insert.Parameters.AddWithValue(now);
            object? version = await insert.ExecuteScalarAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            if (version is not int v)
            {
                StoredDraft winner = (await FindDraftByKeyAsync(unit, idempotencyKey!, cancellationToken))!;
                return (Same(winner, requestHash, winner.RequestHash), Idempotency.Replayed);
            }

            return (new StoredDraft(id, evaluationId, unit, result.Section, v, result.Status, result, now, requestHash), Idempotency.Created);
        }
    }

    public async Task<StoredDraft?> GetDraftAsync(string unit, Guid id, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = ByUnit(SelectDraft, "id", id, unit);
        return await ReadDraftAsync(cmd, cancellationToken);
    }

    public async Task<IReadOnlyList<DraftSummary>> ListDraftsAsync(string unit, Guid evaluationId, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = dataSource.CreateCommand(
            "SELECT id, section, version, status, provider, model, created_at FROM drafts WHERE unit = $1 AND evaluation_id = $2 ORDER BY section, version");
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.AddWithValue(evaluationId);
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<DraftSummary>();
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new DraftSummary(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6)));
        }

        return list;
    }

    /// <summary>Now, at PostgreSQL's precision (microseconds), so a row built here equals the row read back.</summary>
    private DateTimeOffset Now()
    {
        DateTimeOffset now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    /// <summary><paramref name="select"/> filtered by unit and one more column.</summary>
    private NpgsqlCommand ByUnit(string select, string column, object value, string unit)
    {
        NpgsqlCommand cmd = dataSource.CreateCommand($"{select} WHERE unit = $1 AND {column} = $2");
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.AddWithValue(value);
        return cmd;
    }

    private const string SelectEvaluation = "SELECT id, unit, title, year, kind, policy, body::text, total::text, grade, created_at, request_hash FROM evaluations";

    private const string SelectDraft = "SELECT id, evaluation_id, unit, section, version, status, body::text, created_at, request_hash FROM drafts";

    private async Task<StoredEvaluation?> FindEvaluationByKeyAsync(string unit, string key, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand cmd = ByUnit(SelectEvaluation, "idempotency_key", key, unit);
        return await ReadEvaluationAsync(cmd, cancellationToken);
    }

    private static async Task<StoredEvaluation?> ReadEvaluationAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new StoredEvaluation(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetFieldValue<DateTimeOffset>(9), r.GetString(10))
            : null;
    }

    private static async Task<StoredDraft?> ReadDraftAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new StoredDraft(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5),
                JsonSerializer.Deserialize<DraftResult>(r.GetString(6), Json)!, r.GetFieldValue<DateTimeOffset>(7), r.GetString(8))
            : null;
    }

    /// <summary>A replay must ask for the same thing; a key reused for a different request is refused.</summary>
    private static T Same<T>(T row, string asked, string stored) =>
        asked == stored
            ? row
            : throw new IdempotencyMismatchException();
}

/// <summary>An Idempotency-Key reused with a different request (HTTP 422).</summary>
public sealed class IdempotencyMismatchException : Exception
{
    public IdempotencyMismatchException()
        : base("The Idempotency-Key was already used for a different request.")
    {
    }

    public IdempotencyMismatchException(string message)
        : base(message)
    {
    }

    public IdempotencyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
