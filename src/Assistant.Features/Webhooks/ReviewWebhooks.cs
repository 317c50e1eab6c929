using Assistant.Features.Review;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Webhooks;

/// <summary>
/// Review steps as webhooks: <c>review.submitted</c> and <c>review.decided</c> go to the subscriptions of
/// the submission's unit and of every unit above it (its path), so a city bureau's OA system hears of
/// every unit beneath it. Durable: the deliveries are in the outbox, signed and retried, when this returns.
/// </summary>
public sealed class ReviewWebhooks(IDbContextFactory<AssistantDb> databases, WebhookOutbox outbox) : IReviewEvents
{
    public Task DecidedAsync(ReviewDecided decided, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decided);
        return PublishAsync(WebhookEvents.ReviewDecided, decided.Unit, new
        {
            submissionId = decided.SubmissionId, decisionId = decided.DecisionId, unit = decided.Unit, title = decided.Title,
            version = decided.Version, decision = decided.Decision, decidedBy = decided.DecidedBy, decidedAt = decided.DecidedAt,
        }, cancellationToken);
    }

    public Task SubmittedAsync(SubmissionReceived submitted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        return PublishAsync(WebhookEvents.ReviewSubmitted, submitted.Unit, new
        {
            submissionId = submitted.SubmissionId, versionId = submitted.VersionId, unit = submitted.Unit, title = submitted.Title,
            version = submitted.Version, source = submitted.Source, submittedAt = submitted.SubmittedAt,
        }, cancellationToken);
    }

    /// <summary>The unit and every unit above it, nearest first (an unregistered unit: itself).</summary>
    public static IReadOnlyList<string> UnitsUp(string unit, string? path) =>
        path is null ? [unit] : [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse()];

    private async Task PublishAsync(string eventType, string unit, object payload, CancellationToken cancellationToken)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        string? path = await db.Units.AsNoTracking().Where(u => u.Code == unit).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
        var ids = new List<Guid>();
        foreach (string to in UnitsUp(unit, path))
        {
            ids.AddRange(await outbox.StageAsync(db, eventType, to, payload, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Dispatch(ids);
    }
}
