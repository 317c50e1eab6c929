namespace Assistant.Features.Jobs;

/// <summary>Where background work is queued (Hangfire on PostgreSQL); a test or a tool may substitute it.</summary>
public interface IJobQueue
{
    void EnqueueBatchCheck(Guid[] itemIds);

    void EnqueueWebhook(Guid deliveryId, TimeSpan delay);
}
