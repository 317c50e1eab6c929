using System.Text.Json;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Reporting;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Assistant.Features.Review;

public sealed partial class SubmissionService
{
    /// <summary>
    /// Opens a submission (version 1, source <c>batch</c>) for an evaluation a batch check stored in the
    /// caller's transaction, so the submission commits with the checked item or not at all. Idempotent by
    /// key as well: an evaluation that already has a submission is left alone (null).
    /// The report text that came with the table (<paramref name="reportText"/>) is stored in the same
    /// transaction as the evaluation's report (change <c>imported</c>, the whole report, split at its
    /// headings) and is the version's report, so a reviewer can comment on its paragraphs and the unit
    /// has a report to revise. Tell <see cref="TellSubmittedAsync"/> after the caller commits.
    /// </summary>
    public async Task<SubmissionReceived?> StageBatchAsync(
        AssistantDb db, EvaluationRecord evaluation, Actor submittedBy, RiskSummary risk, string? reportText = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(submittedBy);
        if (await db.SubmissionVersions.AnyAsync(v => v.EvaluationId == evaluation.Id, cancellationToken))
        {
            return null;
        }

        RiskSummary ranked = SubmissionRisk.Normalise(risk);
        DateTimeOffset now = Now();
        int? reportVersion = string.IsNullOrWhiteSpace(reportText) ? null : await StageReportAsync(db, evaluation, submittedBy, reportText, now, cancellationToken);
        var submission = new SubmissionRecord
        {
            Id = Guid.CreateVersion7(), Unit = evaluation.Unit, Title = evaluation.Title, Year = evaluation.Year,
            CreatedBy = submittedBy.KeyId, CreatedByName = submittedBy.Name, CreatedAt = now,
        };
        var row = new SubmissionVersionRecord
        {
            Id = Guid.CreateVersion7(), SubmissionId = submission.Id, Unit = evaluation.Unit, Version = 1, EvaluationId = evaluation.Id,
            ReportVersion = reportVersion, Source = "batch", RiskLevel = ranked.Level, RiskScore = ranked.Score,
            RiskReasons = JsonSerializer.Serialize(ranked.Reasons, Json), SubmittedBy = submittedBy.KeyId, SubmittedByName = submittedBy.Name, CreatedAt = now,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);
        db.SubmissionVersions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new SubmissionReceived(submission.Id, row.Id, evaluation.Unit, submission.Title, 1, "batch", now);
    }

    /// <summary>The report that came with a batch's table as the evaluation's report version (the one already stored, if a run stored it).</summary>
    private async Task<int?> StageReportAsync(AssistantDb db, EvaluationRecord evaluation, Actor by, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int? stored = await db.ReportVersions.Where(v => v.EvaluationId == evaluation.Id && v.Change == ReportImport.Imported)
            .OrderBy(v => v.Version).Select(v => (int?)v.Version).FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        ReportDraft report;
        try
        {
            report = ReportImport.FromText(EvaluationJson.Parse(evaluation.Body), evaluation.Policy, text, by.Name, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The checked table and its submission still count; the report text stays readable on the batch item.
            LogReportNotStored(logger, evaluation.Id, e);
            return null;
        }

        if (report.Parts.Count == 0)
        {
            return null;
        }

        int version = 1 + (await db.ReportVersions.Where(v => v.EvaluationId == evaluation.Id).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0);
        db.ReportVersions.Add(new ReportVersionRecord
        {
            Id = Guid.CreateVersion7(), EvaluationId = evaluation.Id, Unit = evaluation.Unit, Version = version, Change = ReportImport.Imported, Part = null,
            Status = report.Status, Body = JsonSerializer.Serialize(report, Json), CreatedBy = by.KeyId, CreatedByName = by.Name, CreatedAt = now,
        });
        return version;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The report of batch evaluation {EvaluationId} could not be stored as a report version; the submission has none")]
    private static partial void LogReportNotStored(ILogger logger, Guid evaluationId, Exception exception);

    /// <summary>Tells <see cref="IReviewEvents"/> of a staged submission once its transaction committed.</summary>
    public Task TellSubmittedAsync(SubmissionReceived submitted, CancellationToken cancellationToken = default) =>
        Tell(() => events.SubmittedAsync(submitted, cancellationToken));
}
