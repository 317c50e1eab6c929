namespace Assistant.Features.Review;

/// <summary>A decision just stored (after its transaction committed).</summary>
public sealed record ReviewDecided(Guid SubmissionId, Guid DecisionId, string Unit, string Title, int Version, string Decision, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>A version just submitted (after its transaction committed).</summary>
public sealed record SubmissionReceived(Guid SubmissionId, Guid VersionId, string Unit, string Title, int Version, string Source, DateTimeOffset SubmittedAt);

/// <summary>
/// The seam where review steps leave this feature (a webhook to an OA system, a job): called after the
/// step is stored. The default does nothing; a failure here never undoes the stored step.
/// </summary>
public interface IReviewEvents
{
    Task DecidedAsync(ReviewDecided decided, CancellationToken cancellationToken);

    Task SubmittedAsync(SubmissionReceived submitted, CancellationToken cancellationToken);
}

/// <summary>Nothing is told.</summary>
public sealed class NoReviewEvents : IReviewEvents
{
    public Task DecidedAsync(ReviewDecided decided, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SubmittedAsync(SubmissionReceived submitted, CancellationToken cancellationToken) => Task.CompletedTask;
}
