using Assistant.Features.Batches;
using Assistant.Features.Webhooks;
using Hangfire;

namespace Assistant.Features.Jobs;

/// <summary>Queues jobs in Hangfire's PostgreSQL storage; in a process of role <c>all</c>, the first job starts the local server.</summary>
internal sealed class HangfireJobQueue(Lazy<IBackgroundJobClient> client, JobServerHost server) : IJobQueue
{
    public void EnqueueBatchCheck(Guid[] itemIds)
    {
        client.Value.Enqueue<BatchJobs>(j => j.CheckAsync(itemIds, CancellationToken.None));
        server.Wake();
    }

    public void EnqueueJob(Guid jobId)
    {
        client.Value.Enqueue<JobRunner>(r => r.RunAsync(jobId, null, CancellationToken.None));
        server.Wake();
    }

    public void EnqueueWebhook(Guid deliveryId, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            client.Value.Enqueue<WebhookSender>(s => s.DeliverAsync(deliveryId, CancellationToken.None));
        }
        else
        {
            client.Value.Schedule<WebhookSender>(s => s.DeliverAsync(deliveryId, CancellationToken.None), delay);
        }

        server.Wake();
    }
}
