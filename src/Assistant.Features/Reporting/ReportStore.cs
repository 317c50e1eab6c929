using System.Text.Json;
using Assistant.Features.Evaluations;
using Assistant.Features.Storage;
using Assistant.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Reporting;

/// <summary>One stored version of a report.</summary>
public sealed record ReportVersion(Guid Id, Guid EvaluationId, int Version, string Change, string? Part, string Status, string CreatedBy, DateTimeOffset CreatedAt, ReportDraft Report);

/// <summary>A version as listed (without the report).</summary>
public sealed record ReportVersionSummary(Guid Id, int Version, string Change, string? Part, string Status, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>
/// Report versions within one unit. A change inserts the next version (serialised on the evaluation row);
/// nothing is updated, so every earlier text stays readable and the latest is what is exported.
/// </summary>
public sealed class ReportStore(IDbContextFactory<AssistantDb> databases, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = ScoreContract.JsonOptions;

    public async Task<ReportVersion> AddAsync(string unit, Guid? keyId, string createdBy, Guid evaluationId, string change, string? part, ReportDraft report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        ReportVersion v = await InsertAsync(db, unit, keyId, createdBy, evaluationId, change, part, report, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return v;
    }

    /// <summary>
    /// Stores a version drafted by job <paramref name="jobId"/> and finishes the job, in one transaction
    /// under the job row's lock: a job retried or run twice stores its version once (null when it was
    /// already finished).
    /// </summary>
    public async Task<ReportVersion?> AddForJobAsync(Jobs.JobService jobs, Guid jobId, string unit, Guid? keyId, string createdBy, Guid evaluationId, string? part, ReportDraft report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(report);
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        List<int> open = await db.Database
            .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM jobs WHERE id = {jobId} AND finished_at IS NULL FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return null;
        }

        ReportVersion v = await InsertAsync(db, unit, keyId, createdBy, evaluationId, "drafted", part, report, cancellationToken);
        var deliveries = new List<Guid>();
        var result = new { evaluationId, version = v.Version, status = v.Status, part, location = $"/api/v1/evaluations/{evaluationId}/report?version={v.Version}" };
        await jobs.FinishAsync(db, jobId, countFiles: false, result, null, deliveries, done: 1, failed: 0, ct: cancellationToken);
        await tx.CommitAsync(cancellationToken);
        jobs.Dispatch(deliveries);
        return v;
    }

    private async Task<ReportVersion> InsertAsync(AssistantDb db, string unit, Guid? keyId, string createdBy, Guid evaluationId, string change, string? part, ReportDraft report, CancellationToken cancellationToken)
    {
        // Row locks have no LINQ form; versions are serialised on the evaluation row.
        List<int> locked = await db.Database
            .SqlQuery<int>($"SELECT 1 AS \"Value\" FROM evaluations WHERE id = {evaluationId} AND unit = {unit} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            throw new KeyNotFoundException($"evaluation {evaluationId}");
        }

        int version = 1 + (await db.ReportVersions.Where(v => v.EvaluationId == evaluationId).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0);
        DateTimeOffset now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var row = new ReportVersionRecord
        {
            Id = Guid.CreateVersion7(),
            EvaluationId = evaluationId,
            Unit = unit,
            Version = version,
            Change = change,
            Part = part,
            Status = report.Status,
            Body = JsonSerializer.Serialize(report, Json),
            CreatedBy = keyId,
            CreatedByName = createdBy,
            CreatedAt = now,
        };
        db.ReportVersions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new ReportVersion(row.Id, evaluationId, version, change, part, report.Status, createdBy, now, report);
    }

    /// <summary>The latest version, or a given one; null when the evaluation has none (or is another unit's).</summary>
    public Task<ReportVersion?> GetAsync(string unit, Guid evaluationId, int? version = null, CancellationToken cancellationToken = default) =>
        GetAsync(UnitScope.Own(unit), evaluationId, version, cancellationToken);

    public async Task<ReportVersion?> GetAsync(UnitScope scope, Guid evaluationId, int? version = null, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        ReportVersionRecord? r = await db.ReportVersions.AsNoTracking()
            .WhereVisibleTo(scope)
            .Where(v => v.EvaluationId == evaluationId && (version == null || v.Version == version))
            .OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return r is null
            ? null
            : new ReportVersion(r.Id, r.EvaluationId, r.Version, r.Change, r.Part, r.Status, r.CreatedByName, r.CreatedAt, JsonSerializer.Deserialize<ReportDraft>(r.Body, Json)!);
    }

    public Task<IReadOnlyList<ReportVersionSummary>> ListAsync(string unit, Guid evaluationId, CancellationToken cancellationToken = default) =>
        ListAsync(UnitScope.Own(unit), evaluationId, cancellationToken);

    public async Task<IReadOnlyList<ReportVersionSummary>> ListAsync(UnitScope scope, Guid evaluationId, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ReportVersions.AsNoTracking()
            .WhereVisibleTo(scope)
            .Where(v => v.EvaluationId == evaluationId)
            .OrderBy(v => v.Version)
            .Select(v => new ReportVersionSummary(v.Id, v.Version, v.Change, v.Part, v.Status, v.CreatedByName, v.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
