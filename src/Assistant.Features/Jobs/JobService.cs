using System.Text.Json;
using Assistant.Features.Batches;
using Assistant.Features.Evaluations;
using Assistant.Features.Storage;
using Assistant.Features.Units;
using Assistant.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Assistant.Features.Jobs;

/// <summary>One uploaded file, as a job stores it before it is queued.</summary>
public sealed record JobUpload(string Name, byte[] Content);

/// <summary>One file of a job and its outcome (<c>GET /api/v1/jobs/{id}/files</c>).</summary>
public sealed record JobFileView(Guid Id, int Ordinal, string Name, string Status, JsonElement? Result, string? ErrorZh, string? ErrorEn, DateTimeOffset? FinishedAt);

/// <summary>
/// The jobs callers see, of every kind: made with their input and files in one transaction and then
/// queued; their status and per-file results, visible to a caller whose scope covers the job's unit;
/// begun, finished and failed by <see cref="JobRunner"/>, each finish publishing <c>job.done</c> in the
/// transaction that records it (the conditional update on the job row lets exactly one caller finish it).
/// </summary>
public sealed class JobService(IDbContextFactory<AssistantDb> databases, IJobQueue queue, WebhookOutbox outbox, TimeProvider clock, ILogger<JobService> log)
{
    public const int MaxFailuresShown = 100;

    /// <summary>Stores the job, its input and its files, then queues it; the job as first seen.</summary>
    public async Task<JobStatus> CreateAsync(string kind, string unit, Guid? createdBy, string name, object? input, IReadOnlyList<JobUpload> files, int? total = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        DateTimeOffset now = clock.GetUtcNow();
        var job = new JobRecord
        {
            Id = Guid.CreateVersion7(now), Kind = kind, Unit = unit, CreatedBy = createdBy, Name = name.Length > 200 ? name[..200] : name,
            Total = total ?? files.Count, CreatedAt = now,
            Input = input is null ? null : JsonSerializer.Serialize(input, ScoreContract.JsonOptions),
        };
        await using (AssistantDb db = await databases.CreateDbContextAsync(ct))
        {
            db.Jobs.Add(job);
            db.JobFiles.AddRange(files.Select((f, i) => new JobFileRecord
            {
                Id = Guid.CreateVersion7(now), JobId = job.Id, Ordinal = i, Name = StorableText.Clean(f.Name), Content = f.Content, Status = JobFileStatus.Queued,
            }));
            await db.SaveChangesAsync(ct);
        }

        queue.EnqueueJob(job.Id);
        return Status(job, []);
    }

    /// <summary>The job as the caller may see it; null when there is none or its unit is outside the caller's scope.</summary>
    public async Task<JobStatus?> StatusAsync(UnitScope caller, Guid jobId, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        JobRecord? job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || !BatchAccess.CanSee(caller, job.Unit))
        {
            return null;
        }

        if (job.Kind == JobKinds.BatchCheck)
        {
            return await BatchStatusAsync(db, job, ct);
        }

        if (job.FinishedAt is null && job.Kind != JobKinds.CorpusIngest)
        {
            var counts = await db.JobFiles.AsNoTracking().Where(f => f.JobId == jobId).GroupBy(f => f.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
            if (counts.Count > 0)
            {
                job.Done = counts.Where(c => c.Status == JobFileStatus.Done).Sum(c => c.Count);
                job.Failed = counts.Where(c => c.Status == JobFileStatus.Failed).Sum(c => c.Count);
            }
        }

        var failures = await db.JobFiles.AsNoTracking().Where(f => f.JobId == jobId && f.Status == JobFileStatus.Failed)
            .OrderBy(f => f.Ordinal).Take(MaxFailuresShown)
            .Select(f => new JobFailure(f.Id, f.Name, f.ErrorZh ?? string.Empty, f.ErrorEn ?? string.Empty)).ToListAsync(ct);
        return Status(job, failures);
    }

    /// <summary>A page of the job's files with their outcomes; null as for <see cref="StatusAsync"/>.</summary>
    public async Task<IReadOnlyList<JobFileView>?> FilesAsync(UnitScope caller, Guid jobId, int page, int pageSize, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        string? unit = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => j.Unit).FirstOrDefaultAsync(ct);
        if (unit is null || !BatchAccess.CanSee(caller, unit))
        {
            return null;
        }

        var rows = await db.JobFiles.AsNoTracking().Where(f => f.JobId == jobId).OrderBy(f => f.Ordinal).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(f => new { f.Id, f.Ordinal, f.Name, f.Status, f.Result, f.ErrorZh, f.ErrorEn, f.FinishedAt }).ToListAsync(ct);
        return rows.Select(f => new JobFileView(f.Id, f.Ordinal, f.Name, f.Status, Json(f.Result), f.ErrorZh, f.ErrorEn, f.FinishedAt)).ToList();
    }

    /// <summary>Counts an attempt begun; null when the job is finished (or gone), so a duplicate run does nothing.</summary>
    public async Task<JobRecord?> BeginAsync(Guid jobId, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        DateTimeOffset now = clock.GetUtcNow();
        int updated = await db.Database.ExecuteSqlAsync($"UPDATE jobs SET attempts = attempts + 1, started_at = coalesce(started_at, {now}) WHERE id = {jobId} AND finished_at IS NULL", ct);
        return updated == 1 ? await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == jobId, ct) : null;
    }

    /// <summary>Zeroes the job's counters for an attempt that counts its work again from the start.</summary>
    public async Task ResetProgressAsync(Guid jobId, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"UPDATE jobs SET done = 0, failed = 0, passages = 0 WHERE id = {jobId} AND finished_at IS NULL", ct);
    }

    /// <summary>
    /// Finishes the job inside the caller's transaction (<paramref name="db"/>, already begun): its counts
    /// (from its files when <paramref name="countFiles"/>, and only once none is queued), its result or its
    /// error, and <c>job.done</c> staged. False when it was already finished or still has files waiting.
    /// Call <see cref="WebhookOutbox.Dispatch"/> with <paramref name="deliveries"/> after the commit.
    /// </summary>
    public async Task<bool> FinishAsync(AssistantDb db, Guid jobId, bool countFiles, object? result, JobError? error, List<Guid> deliveries, int? done = null, int? failed = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(deliveries);
        DateTimeOffset now = clock.GetUtcNow();
        string? json = result is null ? null : JsonSerializer.Serialize(result, ScoreContract.JsonOptions);
        int finished = countFiles
            ? await db.Database.ExecuteSqlAsync($"""
                UPDATE jobs SET finished_at = {now}, result = CAST({json} AS jsonb), error_zh = {error?.Zh}, error_en = {error?.En},
                    done = (SELECT count(*) FROM job_files WHERE job_id = {jobId} AND status = 'done'),
                    failed = (SELECT count(*) FROM job_files WHERE job_id = {jobId} AND status = 'failed')
                WHERE id = {jobId} AND finished_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM job_files WHERE job_id = {jobId} AND status = 'queued')
                """, ct)
            : await db.Database.ExecuteSqlAsync($"""
                UPDATE jobs SET finished_at = {now}, result = CAST({json} AS jsonb), error_zh = {error?.Zh}, error_en = {error?.En},
                    done = coalesce({done}, done), failed = coalesce({failed}, failed)
                WHERE id = {jobId} AND finished_at IS NULL
                """, ct);
        if (finished != 1)
        {
            return false;
        }

        // The uploaded files are not needed once the job is finished (their outcomes stay).
        await db.Database.ExecuteSqlAsync($"UPDATE job_files SET content = '' WHERE job_id = {jobId}", ct);
        JobRecord job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == jobId, ct);
        JobStatus status = Status(job, []);
        deliveries.AddRange(await outbox.StageAsync(db, WebhookEvents.JobDone, job.Unit, new
        {
            jobId, kind = job.Kind, name = job.Name, state = status.State, done = job.Done, failed = job.Failed, total = job.Total,
            passages = job.Kind == JobKinds.CorpusIngest ? job.Passages : (long?)null,
            error = status.Error, result = status.Result,
        }, ct));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Finishes the job in a transaction of its own (see <see cref="FinishAsync(AssistantDb, Guid, bool, object?, JobError?, List{Guid}, int?, int?, CancellationToken)"/>) and dispatches <c>job.done</c>.</summary>
    public async Task<bool> FinishAsync(Guid jobId, bool countFiles, object? result, JobError? error, int? done = null, int? failed = null, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deliveries = new List<Guid>();
        if (!await FinishAsync(db, jobId, countFiles, result, error, deliveries, done, failed, ct))
        {
            return false;
        }

        await tx.CommitAsync(ct);
        outbox.Dispatch(deliveries);
        return true;
    }

    /// <summary>Queues the delivery of <c>job.done</c> events staged by <see cref="FinishAsync(AssistantDb, Guid, bool, object?, JobError?, List{Guid}, int?, int?, CancellationToken)"/>, after their commit.</summary>
    public void Dispatch(IEnumerable<Guid> deliveries) => outbox.Dispatch(deliveries);

    /// <summary>Queues again the jobs never begun long after they were made (an enqueue lost with its process); a duplicate run does nothing.</summary>
    public async Task<int> RequeueLostAsync(TimeSpan olderThan, CancellationToken ct = default)
    {
        DateTimeOffset before = clock.GetUtcNow() - olderThan;
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        var lost = await db.Jobs.AsNoTracking()
            .Where(j => j.FinishedAt == null && j.Attempts == 0 && j.CreatedAt < before && JobKinds.Runnable.Contains(j.Kind))
            .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(1000).ToListAsync(ct);
        foreach (Guid id in lost)
        {
            queue.EnqueueJob(id);
        }

        if (lost.Count > 0)
        {
            log.LogWarning("Re-queued {Count} jobs never begun", lost.Count);
        }

        return lost.Count;
    }

    /// <summary>A job's state from its row: finished with an error (or with every item failed) is failed; begun or with progress is running.</summary>
    public static JobStatus Status(JobRecord job, IReadOnlyList<JobFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(job);
        string state = job.FinishedAt is not null
            ? (job.ErrorZh is not null || (job.Failed == job.Total && job.Total > 0) ? "failed" : "succeeded")
            : job.Done + job.Failed > 0 || job.StartedAt is not null ? "running" : "queued";
        return new JobStatus(job.Id, job.Kind, job.Name, state, job.Done, job.Failed, job.Total, job.CreatedAt, job.FinishedAt, failures,
            job.Kind == JobKinds.CorpusIngest ? job.Passages : null, job.Attempts,
            job.ErrorZh is null ? null : new JobError(job.ErrorZh, job.ErrorEn ?? string.Empty), Json(job.Result));
    }

    private static async Task<JobStatus> BatchStatusAsync(AssistantDb db, JobRecord job, CancellationToken ct)
    {
        if (job.FinishedAt is null)
        {
            var counts = await db.BatchItems.AsNoTracking().Where(x => x.JobId == job.Id).GroupBy(x => x.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
            job.Done = counts.Where(c => c.Status == BatchItemStatus.Done).Sum(c => c.Count);
            job.Failed = counts.Where(c => c.Status == BatchItemStatus.Failed).Sum(c => c.Count);
        }

        var failures = await db.BatchItems.AsNoTracking().Where(x => x.JobId == job.Id && x.Status == BatchItemStatus.Failed)
            .OrderBy(x => x.DocKey).Take(MaxFailuresShown)
            .Select(x => new JobFailure(x.Id, x.DocKey, x.ErrorZh ?? string.Empty, x.ErrorEn ?? string.Empty)).ToListAsync(ct);
        return Status(job, failures);
    }

    private static JsonElement? Json(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
