namespace Assistant.Features.Webhooks;

/// <summary>
/// The seam for events OA systems hear about (<c>job.done</c>, <c>batch.done</c>, <c>review.decided</c>…):
/// durable (written to the outbox before this returns), signed and retried by the delivery job.
/// </summary>
public interface IWebhookPublisher
{
    /// <summary>Publishes an event of <paramref name="unit"/> to every active subscription of that unit that wants <paramref name="eventType"/>; returns how many deliveries were queued.</summary>
    Task<int> PublishAsync(string eventType, string unit, object payload, CancellationToken cancellationToken = default);
}

/// <summary>The event types the product publishes.</summary>
public static class WebhookEvents
{
    public const string JobDone = "job.done";
    public const string BatchDone = "batch.done";

    /// <summary>A reviewer's decision (通过 / 退回); published by the review workflow through <see cref="IWebhookPublisher"/>.</summary>
    public const string ReviewDecided = "review.decided";

    /// <summary>A unit's submission (or resubmission) entering the review queue, from the page, the API, the CLI or a batch.</summary>
    public const string ReviewSubmitted = "review.submitted";
}
