using System.Text.Json;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Review;

public sealed partial class SubmissionService
{
    /// <summary>
    /// Opens a submission (version 1, source <c>batch</c>) for an evaluation a batch check stored in the
    /// caller's transaction, so the submission commits with the checked item or not at all. Idempotent by
    /// key as well: an evaluation that already has a submission is left alone (null).
    /// Tell <see cref="TellSubmittedAsync"/> after the caller commits.
    /// </summary>
    public async Task<SubmissionReceived?> StageBatchAsync(AssistantDb db, EvaluationRecord evaluation, Actor submittedBy, RiskSummary risk, CancellationToken cancellationToken = default)
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
        var submission = new SubmissionRecord
        {
            Id = Guid.CreateVersion7(), Unit = evaluation.Unit, Title = evaluation.Title, Year = evaluation.Year,
            CreatedBy = submittedBy.KeyId, CreatedByName = submittedBy.Name, CreatedAt = now,
        };
        var row = new SubmissionVersionRecord
        {
            Id = Guid.CreateVersion7(), SubmissionId = submission.Id, Unit = evaluation.Unit, Version = 1, EvaluationId = evaluation.Id,
            ReportVersion = null, Source = "batch", RiskLevel = ranked.Level, RiskScore = ranked.Score,
            RiskReasons = JsonSerializer.Serialize(ranked.Reasons, Json), SubmittedBy = submittedBy.KeyId, SubmittedByName = submittedBy.Name, CreatedAt = now,
        };
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);
        db.SubmissionVersions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new SubmissionReceived(submission.Id, row.Id, evaluation.Unit, submission.Title, 1, "batch", now);
    }

    /// <summary>Tells <see cref="IReviewEvents"/> of a staged submission once its transaction committed.</summary>
    public Task TellSubmittedAsync(SubmissionReceived submitted, CancellationToken cancellationToken = default) =>
        Tell(() => events.SubmittedAsync(submitted, cancellationToken));
}
