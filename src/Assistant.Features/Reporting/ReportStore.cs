using System.Text.Json;
using Assistant.Features.Evaluations;
using Npgsql;

namespace Assistant.Features.Reporting;

/// <summary>One stored version of a report.</summary>
public sealed record ReportVersion(Guid Id, Guid EvaluationId, int Version, string Change, string? Part, string Status, string CreatedBy, DateTimeOffset CreatedAt, ReportDraft Report);

/// <summary>A version as listed (without the report).</summary>
public sealed record ReportVersionSummary(Guid Id, int Version, string Change, string? Part, string Status, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>
/// Report versions within one unit. A change inserts the next version (serialised on the evaluation row);
/// nothing is updated, so every earlier text stays readable and the latest is what is exported.
/// </summary>
public sealed class ReportStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = ScoreContract.JsonOptions;

    public async Task<ReportVersion> AddAsync(string unit, Guid? keyId, string createdBy, Guid evaluationId, string change, string? part, ReportDraft report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
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
        DateTimeOffset now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        await using var insert = new NpgsqlCommand("""
            INSERT INTO report_versions (id, evaluation_id, unit, version, change, part, status, body, created_by, created_by_name, created_at)
            SELECT $1, $2, $3, coalesce(max(version), 0) + 1, $4, $5, $6, $7::jsonb, $8, $9, $10
            FROM report_versions WHERE evaluation_id = $2
            RETURNING version
            """, connection, tx);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(evaluationId);
        insert.Parameters.AddWithValue(unit);
        insert.Parameters.AddWithValue(change);
        insert.Parameters.AddWithValue((object?)part ?? DBNull.Value);
        insert.Parameters.AddWithValue(report.Status);
        insert.Parameters.AddWithValue(JsonSerializer.Serialize(report, Json));
        insert.Parameters.AddWithValue((object?)keyId ?? DBNull.Value);
        insert.Parameters.AddWithValue(createdBy);
        insert.Parameters.AddWithValue(now);
        int version = (int)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await tx.CommitAsync(cancellationToken);
        return new ReportVersion(id, evaluationId, version, change, part, report.Status, createdBy, now, report);
    }

    /// <summary>The latest version, or a given one; null when the evaluation has none (or is another unit's).</summary>
    public async Task<ReportVersion?> GetAsync(string unit, Guid evaluationId, int? version = null, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = dataSource.CreateCommand("""
            SELECT id, evaluation_id, version, change, part, status, created_by_name, created_at, body::text FROM report_versions
            WHERE unit = $1 AND evaluation_id = $2 AND ($3::integer IS NULL OR version = $3)
            ORDER BY version DESC LIMIT 1
            """);
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.AddWithValue(evaluationId);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)version ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken)
            ? new ReportVersion(r.GetGuid(0), r.GetGuid(1), r.GetInt32(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetString(6),
                r.GetFieldValue<DateTimeOffset>(7), JsonSerializer.Deserialize<ReportDraft>(r.GetString(8), Json)!)
            : null;
    }

    public async Task<IReadOnlyList<ReportVersionSummary>> ListAsync(string unit, Guid evaluationId, CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand cmd = dataSource.CreateCommand("""
            SELECT id, version, change, part, status, created_by_name, created_at FROM report_versions
            WHERE unit = $1 AND evaluation_id = $2 ORDER BY version
            """);
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.AddWithValue(evaluationId);
        await using NpgsqlDataReader r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<ReportVersionSummary>();
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new ReportVersionSummary(r.GetGuid(0), r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6)));
        }

        return list;
    }
}
