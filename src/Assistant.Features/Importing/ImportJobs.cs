using System.Globalization;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Importing;
using Assistant.Features.Batches;
using Assistant.Features.Evaluations;
using Assistant.Features.Jobs;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Importing;

/// <summary>What an import job was asked: the scoring policy its evaluations are stored with.</summary>
public sealed record ImportJobInput(string? Policy);

/// <summary>One imported file's outcome: each table, stored as an evaluation or refused with its problems.</summary>
public sealed record ImportedFile(string Format, int Tables, int Stored, IReadOnlyList<ImportedTableResult> Results);

/// <summary>One table of an imported file.</summary>
public sealed record ImportedTableResult(int Table, string Title, int? Year, Guid? EvaluationId, string? Total, string? Grade, int Warnings, IReadOnlyList<InputError> Problems);

/// <summary>
/// Imports many 自评表 files as one job: each file is read (.xlsx, .docx, text), each of its tables
/// validated as <c>POST /evaluations</c> validates a body, scored and stored as an evaluation of the job's unit. A file's evaluations (ids fixed per file and
/// table) and its outcome commit in one transaction under the file row's lock, so a retried or
/// re-run job imports no file twice; a file that cannot be read fails alone with the importer's
/// bilingual reason.
/// </summary>
public sealed class ImportJobHandler(IDbContextFactory<AssistantDb> databases, JobService jobs, IValidator<Evaluation> validator, TimeProvider clock) : IJobHandler
{
    public string Kind => JobKinds.Import;

    public bool RestartsProgress => false;

    public async Task RunAsync(JobRecord job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ImportJobInput input = job.Input is null ? new ImportJobInput(null) : JsonSerializer.Deserialize<ImportJobInput>(job.Input, ScoreContract.JsonOptions)!;
        List<Guid> waiting;
        await using (AssistantDb db = await databases.CreateDbContextAsync(ct))
        {
            waiting = await db.JobFiles.AsNoTracking().Where(f => f.JobId == job.Id && f.Status == JobFileStatus.Queued)
                .OrderBy(f => f.Ordinal).Select(f => f.Id).ToListAsync(ct);
        }

        foreach (Guid file in waiting)
        {
            ct.ThrowIfCancellationRequested();
            await ImportFileAsync(job, file, input.Policy, ct);
        }

        await jobs.FinishAsync(job.Id, countFiles: true, null, null, ct: ct);
    }

    /// <summary>Imports one file unless it is already done; true when this call did it.</summary>
    public async Task<bool> ImportFileAsync(JobRecord job, Guid fileId, string? policy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        var file = await db.JobFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => new { f.Name, f.Content, f.Status }).FirstOrDefaultAsync(ct);
        if (file is null || file.Status != JobFileStatus.Queued)
        {
            return false;
        }

        string policyName = EvaluationService.ResolvePolicy(policy).Name;
        var stored = new List<EvaluationRecord>();
        var results = new List<ImportedTableResult>();
        string? format = null;
        InputException? unreadable = null;
        DateTimeOffset now = clock.GetUtcNow();
        try
        {
            ImportResult imported = DocumentImporter.Import(file.Name, file.Content, ct);
            format = imported.Format;
            for (int i = 0; i < imported.Tables.Count; i++)
            {
                ImportedTable t = imported.Tables[i];
                Evaluation evaluation = ImportContract.ToEvaluation(t);
                try
                {
                    // The same rules as POST /evaluations (lengths, counts, years), then the score.
                    validator.Check(evaluation);
                    ScoreResponse score = EvaluationService.Score(evaluation, t, policyName);
                    string body = ImportContract.ToJson(t, withProvenance: false).ToJsonString();
                    EvaluationRecord record = EvaluationRecord.Of(BatchService.EvaluationId(fileId, i), job.Unit, evaluation, policyName, body, score,
                        job.CreatedBy, RecordStore.RequestHash("import:" + policyName, body), now);
                    stored.Add(record);
                    results.Add(new ImportedTableResult(i + 1, evaluation.Title, evaluation.Year, record.Id, score.Total, score.Grade, t.Warnings.Count, []));
                }
                catch (InputException e) when (e is not UnreadableDocumentException)
                {
                    results.Add(new ImportedTableResult(i + 1, evaluation.Title, evaluation.Year, null, null, null, t.Warnings.Count, e.Errors));
                }
            }
        }
        catch (InputException e)
        {
            unreadable = e;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        JobFileRecord row = await db.JobFiles.FromSql($"SELECT * FROM job_files WHERE id = {fileId} FOR UPDATE").FirstAsync(ct);
        if (row.Status != JobFileStatus.Queued)
        {
            return false;
        }

        if (unreadable is null && stored.Count == 0)
        {
            var problems = results.SelectMany(r => r.Problems).ToList();
            unreadable = problems.Count > 0
                ? new InputException(problems)
                : new InputException("file", "文件中没有可导入的自评表。", "the file holds no self-evaluation table to import.");
        }

        if (unreadable is not null)
        {
            row.Status = JobFileStatus.Failed;
            row.ErrorZh = unreadable.Zh;
            row.ErrorEn = unreadable.En;
            row.Result = results.Count == 0 ? null : JsonSerializer.Serialize(new ImportedFile(format ?? "unknown", results.Count, 0, results), ScoreContract.JsonOptions);
        }
        else
        {
            db.Evaluations.AddRange(stored);
            row.Status = JobFileStatus.Done;
            row.Result = JsonSerializer.Serialize(new ImportedFile(format!, results.Count, stored.Count, results), ScoreContract.JsonOptions);
        }

        row.FinishedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
