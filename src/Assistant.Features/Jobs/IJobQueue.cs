namespace Assistant.Features.Jobs;

/// <summary>Where background work is queued (Hangfire on PostgreSQL); a test or a tool may substitute it.</summary>
public interface IJobQueue
{
    void EnqueueBatchCheck(Guid[] itemIds);

    /// <summary>Queues a job of a <see cref="JobKinds.Runnable"/> kind, stored before (its row says what to do).</summary>
    void EnqueueJob(Guid jobId);

    void EnqueueWebhook(Guid deliveryId, TimeSpan delay);
}
