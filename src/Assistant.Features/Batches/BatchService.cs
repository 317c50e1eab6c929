using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Assistant.Domain.Batches;
using Assistant.Domain.Numbers;
using Assistant.Features.Evaluations;
using Assistant.Features.Jobs;
using Assistant.Features.Records;
using Assistant.Features.Review;
using Assistant.Features.Storage;
using Assistant.Features.Units;
using Assistant.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Features.Batches;

/// <summary>
/// Batch checking: stores a batch's submissions and queues their checks; checks one submission
/// exactly once (the item row is locked and its status decides; the evaluations, the item's results,
/// the job's counters and the finishing webhook commit together); answers the queue and the findings.
/// </summary>
public sealed class BatchService(
    IDbContextFactory<AssistantDb> databases, IJobQueue queue, WebhookOutbox outbox, SubmissionService submissions, IOptions<JobSettings> settings, TimeProvider clock, ILogger<BatchService> log)
{
    public async Task<JobStatus> CreateAsync(string unit, Guid? createdBy, string name, string? policy, IReadOnlyList<BatchDocument> documents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        EvaluationService.ResolvePolicy(policy);
        DateTimeOffset now = clock.GetUtcNow();
        var job = new JobRecord
        {
            Id = Guid.CreateVersion7(), Kind = JobKinds.BatchCheck, Unit = unit, CreatedBy = createdBy, Name = name, Policy = policy,
            Total = documents.Count, CreatedAt = now,
        };
        var items = documents.Select(d => new BatchItemRecord
        {
            Id = Guid.CreateVersion7(), JobId = job.Id, DocKey = d.Key, Unit = d.Unit, UnitSource = d.UnitSource,
            TableName = d.TableName, TableContent = d.Table, ReportName = d.ReportName, ReportContent = d.Report,
            Status = BatchItemStatus.Queued, CreatedAt = now,
        }).ToList();
        await using (AssistantDb db = await databases.CreateDbContextAsync(ct))
        {
            db.Jobs.Add(job);
            db.BatchItems.AddRange(items);
            await db.SaveChangesAsync(ct);
        }

        Enqueue(items.Select(i => i.Id));
        return Status(job, []);
    }

    /// <summary>Checks one submission unless it is already checked; true when this call checked it.</summary>
    public async Task<bool> CheckItemAsync(Guid itemId, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        var input = await db.BatchItems.AsNoTracking().Where(x => x.Id == itemId)
            .Select(x => new { x.Status, x.TableName, x.TableContent, x.ReportName, x.ReportContent, x.JobId })
            .FirstOrDefaultAsync(ct);
        if (input is null || input.Status != BatchItemStatus.Queued)
        {
            return false;
        }

        string? policy = await db.Jobs.AsNoTracking().Where(j => j.Id == input.JobId).Select(j => j.Policy).FirstOrDefaultAsync(ct);
        CheckedDocument result = BatchChecker.Check(input.TableName, input.TableContent, input.ReportName, input.ReportContent, policy, ct);

        var watch = Stopwatch.StartNew();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // A commit lost in a crash leaves the item queued, and it is checked again: nothing to fsync for.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
            BatchItemRecord item = await db.BatchItems.FromSql($"SELECT * FROM batch_items WHERE id = {itemId} FOR UPDATE").FirstAsync(ct);
            if (item.Status != BatchItemStatus.Queued)
            {
                return false;
            }

            var job = await db.Jobs.AsNoTracking().Where(j => j.Id == item.JobId).Select(j => new { j.CreatedBy, j.Unit }).FirstAsync(ct);
            Guid? createdBy = job.CreatedBy;
            DateTimeOffset now = clock.GetUtcNow();
            if (item.UnitSource != "mapping" && result.Tables.FirstOrDefault() is { } first && (first.Implementer ?? first.Department) is { Length: > 0 } own)
            {
                item.Unit = own.Trim().Length > 200 ? own.Trim()[..200] : own.Trim();
                item.UnitSource = "table";
            }

            BatchUploader? uploader = await BatchUploader.LoadAsync(db, job.Unit, createdBy, ct);
            if (uploader is not null && !result.Failed)
            {
                if (uploader.Resolve(item.Unit) is { } code)
                {
                    item.Unit = code;
                }
                else
                {
                    result = BatchChecker.Refused(result, "unit",
                        $"单位“{item.Unit}”不在本账号（{job.Unit}）管辖的单位范围内，不能替它提交审核。",
                        $"unit \"{item.Unit}\" is not within the units this key ({job.Unit}) reviews; it cannot submit for that unit.");
                }
            }

            string policyName = EvaluationService.ResolvePolicy(policy).Name;
            var ids = new List<Guid>();
            var stored = new List<EvaluationRecord>();
            for (int i = 0; i < result.Tables.Count; i++)
            {
                CheckedTable t = result.Tables[i];
                Guid id = EvaluationId(item.Id, i);
                ids.Add(id);
                var evaluation = new EvaluationRecord
                {
                    Id = id, Unit = item.Unit, Title = t.Title, Year = t.Year, Kind = t.Kind, Policy = policyName, Body = t.Body,
                    Total = t.Total, Grade = t.Grade, CreatedBy = createdBy, RequestHash = RecordStore.RequestHash("batch:" + policyName, t.Body), CreatedAt = now,
                };
                stored.Add(evaluation);
                db.Evaluations.Add(evaluation);
            }

            // Each checked table enters the review queue in this same transaction: the item's row lock makes it once-only.
            var submitted = new List<SubmissionReceived>();
            if (uploader is not null && stored.Count > 0)
            {
                await db.SaveChangesAsync(ct);
                RiskSummary risk = SubmissionRisk.Of(result.Risk);
                foreach (EvaluationRecord evaluation in stored)
                {
                    if (await submissions.StageBatchAsync(db, evaluation, uploader.Actor, risk, result.ReportText, ct) is { } s)
                    {
                        submitted.Add(s);
                    }
                }
            }

            item.Status = result.Failed ? BatchItemStatus.Failed : BatchItemStatus.Done;
            item.Title = result.Tables.FirstOrDefault()?.Title;
            item.Total = result.Tables.FirstOrDefault()?.Total;
            item.ExecutionRate = result.ExecutionRate;
            item.RiskScore = result.Risk.Score;
            item.RiskLevel = result.Risk.Level;
            item.RiskOrder = result.Risk.Reasons.Count == 0 ? int.MaxValue : RiskCategories.All.ToList().FindIndex(c => c.Code == result.Risk.Reasons[0].Code);
            item.RiskSummary = result.Risk.Summary;
            item.Reasons = BatchChecker.ReasonsJson(result.Risk);
            item.Findings = BatchChecker.FindingsJson(result.Findings);
            item.EvaluationIds = [.. ids];
            item.ReportText = result.ReportText;
            item.ErrorZh = result.ErrorZh;
            item.ErrorEn = result.ErrorEn;
            item.Completions++;
            item.ImportMs = result.ImportMs;
            item.ScoreMs = result.ScoreMs;
            item.VerifyMs = result.VerifyMs;
            item.StoreMs = (int)watch.ElapsedMilliseconds;
            item.FinishedAt = now;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            foreach (SubmissionReceived s in submitted)
            {
                await submissions.TellSubmittedAsync(s, ct);
            }
        }

        await FinishAsync(db, input.JobId, ct);
        return true;
    }

    /// <summary>
    /// Marks the job finished once no submission is waiting, with its final counts, and publishes
    /// <c>job.done</c> and <c>batch.done</c> in the same transaction. The conditional update on the job
    /// row lets exactly one caller finish it; the items never contend on that row while they are checked.
    /// </summary>
    public async Task<bool> FinishAsync(AssistantDb db, Guid jobId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        DateTimeOffset now = clock.GetUtcNow();
        int finished = await db.Database.ExecuteSqlAsync($"""
            UPDATE jobs SET finished_at = {now},
                done = (SELECT count(*) FROM batch_items WHERE job_id = {jobId} AND status = 'done'),
                failed = (SELECT count(*) FROM batch_items WHERE job_id = {jobId} AND status = 'failed')
            WHERE id = {jobId} AND finished_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM batch_items WHERE job_id = {jobId} AND status = 'queued')
            """, ct);
        if (finished != 1)
        {
            return false;
        }

        IReadOnlyList<Guid> deliveries = await StageFinishedAsync(db, jobId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        outbox.Dispatch(deliveries);
        return true;
    }

    /// <summary>Queues again the submissions still waiting long after their batch was made (a lost enqueue); checking is idempotent, so a duplicate costs nothing.</summary>
    public async Task<int> SweepAsync(TimeSpan olderThan, CancellationToken ct = default)
    {
        DateTimeOffset before = clock.GetUtcNow() - olderThan;
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        var stale = await db.BatchItems.AsNoTracking().Where(x => x.Status == BatchItemStatus.Queued && x.CreatedAt < before)
            .OrderBy(x => x.CreatedAt).Select(x => x.Id).Take(10_000).ToListAsync(ct);
        Enqueue(stale);
        var open = await db.Jobs.AsNoTracking().Where(j => j.FinishedAt == null && j.Kind == JobKinds.BatchCheck).Select(j => j.Id).Take(1000).ToListAsync(ct);
        foreach (Guid job in open)
        {
            await FinishAsync(db, job, ct);
        }

        if (stale.Count > 0)
        {
            log.LogWarning("Re-queued {Count} batch submissions still waiting", stale.Count);
        }

        return stale.Count;
    }

    public async Task<JobStatus?> StatusAsync(UnitScope caller, Guid jobId, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        JobRecord? job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || !BatchAccess.CanSee(caller, job.Unit))
        {
            return null;
        }

        if (job.FinishedAt is null)
        {
            var counts = await db.BatchItems.AsNoTracking().Where(x => x.JobId == jobId).GroupBy(x => x.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
            job.Done = counts.Where(c => c.Status == BatchItemStatus.Done).Sum(c => c.Count);
            job.Failed = counts.Where(c => c.Status == BatchItemStatus.Failed).Sum(c => c.Count);
        }

        var failures = await db.BatchItems.AsNoTracking().Where(x => x.JobId == jobId && x.Status == BatchItemStatus.Failed)
            .OrderBy(x => x.DocKey).Take(100)
            .Select(x => new JobFailure(x.Id, x.DocKey, x.ErrorZh ?? string.Empty, x.ErrorEn ?? string.Empty)).ToListAsync(ct);
        return Status(job, failures);
    }

    public async Task<QueuePage?> QueueAsync(UnitScope caller, Guid jobId, int page, int pageSize, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        JobRecord? job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || !BatchAccess.CanSee(caller, job.Unit))
        {
            return null;
        }

        var rows = await Ranked(db, jobId).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var firsts = rows.Where(x => x.EvaluationIds.Length > 0).Select(x => x.EvaluationIds[0]).ToList();
        var opened = await db.SubmissionVersions.AsNoTracking().Where(v => v.Version == 1 && firsts.Contains(v.EvaluationId))
            .Select(v => new { v.EvaluationId, v.SubmissionId }).ToDictionaryAsync(v => v.EvaluationId, v => v.SubmissionId, ct);
        var items = rows.Select((x, i) => Row(x, (page - 1) * pageSize + i + 1) with
        {
            SubmissionId = x.EvaluationIds.Length > 0 && opened.TryGetValue(x.EvaluationIds[0], out Guid s) ? s : null,
        }).ToList();
        return new QueuePage(jobId, page, pageSize, job.Total, items);
    }

    public async Task<BatchItemDetail?> ItemAsync(UnitScope caller, Guid jobId, Guid itemId, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        JobRecord? job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || !BatchAccess.CanSee(caller, job.Unit))
        {
            return null;
        }

        BatchItemRecord? x = await db.BatchItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.JobId == jobId, ct);
        return x is null ? null : Detail(x);
    }

    /// <summary>Every submission of a batch in queue order, with its findings (the review sheet).</summary>
    public async Task<(JobStatus Job, IReadOnlyList<BatchItemDetail> Items)?> AllAsync(UnitScope caller, Guid jobId, CancellationToken ct = default)
    {
        JobStatus? status = await StatusAsync(caller, jobId, ct);
        if (status is null)
        {
            return null;
        }

        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        var rows = await Ranked(db, jobId).ToListAsync(ct);
        return (status, rows.Select(Detail).ToList());
    }

    /// <summary>The id an evaluation stored from table <paramref name="index"/> of a submission gets: the same on every run.</summary>
    public static Guid EvaluationId(Guid itemId, int index)
    {
        Span<byte> input = stackalloc byte[20];
        itemId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], index);
        byte[] hash = SHA256.HashData(input);
        return new Guid(hash.AsSpan(0, 16));
    }

    private void Enqueue(IEnumerable<Guid> ids)
    {
        foreach (Guid[] chunk in ids.Chunk(Math.Max(1, settings.Value.BatchChunk)))
        {
            queue.EnqueueBatchCheck(chunk);
        }
    }

    private async Task<IReadOnlyList<Guid>> StageFinishedAsync(AssistantDb db, Guid jobId, CancellationToken ct)
    {
        JobRecord job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == jobId, ct);
        JobStatus status = Status(job, []);
        var top = await Ranked(db, jobId).Take(10).ToListAsync(ct);
        var jobPayload = new { jobId, kind = job.Kind, name = job.Name, state = status.State, done = job.Done, failed = job.Failed, total = job.Total };
        var ids = new List<Guid>();
        ids.AddRange(await outbox.StageAsync(db, WebhookEvents.JobDone, job.Unit, jobPayload, ct));
        ids.AddRange(await outbox.StageAsync(db, WebhookEvents.BatchDone, job.Unit, new
        {
            jobId, name = job.Name, done = job.Done, failed = job.Failed, total = job.Total,
            riskiest = top.Select((x, i) => Row(x, i + 1)).ToList(),
        }, ct));
        return ids;
    }

    private static IQueryable<BatchItemRecord> Ranked(AssistantDb db, Guid jobId) =>
        db.BatchItems.AsNoTracking().Where(x => x.JobId == jobId)
            .OrderBy(x => x.Status == BatchItemStatus.Queued)
            .ThenByDescending(x => x.RiskScore)
            .ThenBy(x => x.RiskOrder)
            .ThenBy(x => EF.Functions.Collate(x.DocKey, "C"));

    private static JobStatus Status(JobRecord job, IReadOnlyList<JobFailure> failures) => JobService.Status(job, failures);

    private static QueueItem Row(BatchItemRecord x, int rank) =>
        new(rank, x.Id, x.DocKey, x.Unit, x.Status, x.Title, Num(x.Total), Pct(x.ExecutionRate), x.RiskScore, x.RiskLevel, x.RiskSummary);

    private static BatchItemDetail Detail(BatchItemRecord x) => new(
        x.Id, x.JobId, x.DocKey, x.Unit, x.UnitSource, x.TableName, x.ReportName, x.Status, x.Title, Num(x.Total), Pct(x.ExecutionRate),
        x.RiskScore, x.RiskLevel,
        x.Reasons is null ? [] : JsonSerializer.Deserialize<List<RiskReason>>(x.Reasons, ScoreContract.JsonOptions) ?? [],
        x.Findings is null ? [] : JsonSerializer.Deserialize<List<BatchFinding>>(x.Findings, ScoreContract.JsonOptions) ?? [],
        x.EvaluationIds, x.ReportText, x.ErrorZh, x.ErrorEn);

    private static string? Num(decimal? v) => v is { } d ? PrintedNumber.Format(d, 2) : null;

    private static string? Pct(decimal? v) => v is { } d ? PrintedNumber.Format(d * 100m, 2) + "%" : null;
}
