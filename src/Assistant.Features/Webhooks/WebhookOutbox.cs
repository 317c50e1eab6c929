using System.Text.Json;
using Assistant.Features.Evaluations;
using Assistant.Features.Jobs;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Webhooks;

/// <summary>Writes events to the outbox (inside the caller's transaction when given its context) and queues their delivery.</summary>
public sealed class WebhookOutbox(IDbContextFactory<AssistantDb> databases, IJobQueue queue, TimeProvider clock) : IWebhookPublisher
{
    public async Task<int> PublishAsync(string eventType, string unit, object payload, CancellationToken cancellationToken = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        IReadOnlyList<Guid> ids = await StageAsync(db, eventType, unit, payload, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Dispatch(ids);
        return ids.Count;
    }

    /// <summary>Adds the deliveries to <paramref name="db"/> without saving: they commit (or not) with the caller's work. Call <see cref="Dispatch"/> after the commit.</summary>
    public async Task<IReadOnlyList<Guid>> StageAsync(AssistantDb db, string eventType, string unit, object payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentNullException.ThrowIfNull(unit);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.Active && s.Unit == unit && (s.Events.Length == 0 || s.Events.Contains(eventType)))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var ids = new List<Guid>();
        DateTimeOffset now = clock.GetUtcNow();
        foreach (Guid subscription in subscriptions)
        {
            var id = Guid.CreateVersion7();
            string body = JsonSerializer.Serialize(new { id, @event = eventType, createdAt = now, unit, data = payload }, ScoreContract.JsonOptions);
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = id, SubscriptionId = subscription, EventType = eventType, Body = body, Status = "pending", CreatedAt = now, NextAttemptAt = now,
            });
            ids.Add(id);
        }

        return ids;
    }

    public void Dispatch(IEnumerable<Guid> deliveryIds)
    {
        ArgumentNullException.ThrowIfNull(deliveryIds);
        foreach (Guid id in deliveryIds)
        {
            queue.EnqueueWebhook(id, TimeSpan.Zero);
        }
    }
}
