using Assistant.Features.Webhooks;
using Hangfire;

namespace Assistant.Features.Batches;

/// <summary>The Hangfire jobs of batch checking: a chunk of submissions (each checked at most once), and the sweep that re-queues lost work (batch items, webhooks, jobs never begun).</summary>
public sealed class BatchJobs(BatchService batches, WebhookStore webhooks, Jobs.JobService jobs)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [2, 10, 30, 120, 600])]
    public async Task CheckAsync(Guid[] itemIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        foreach (Guid id in itemIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await batches.CheckItemAsync(id, cancellationToken);
        }
    }

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await batches.SweepAsync(TimeSpan.FromMinutes(10), cancellationToken);
        await webhooks.RequeueDueAsync(TimeSpan.FromMinutes(1), cancellationToken);
        await jobs.RequeueLostAsync(TimeSpan.FromMinutes(10), cancellationToken);
    }
}
