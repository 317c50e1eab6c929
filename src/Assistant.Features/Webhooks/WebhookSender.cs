using System.Diagnostics;
using Assistant.Features.Jobs;
using Assistant.Features.Storage;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Features.Webhooks;

/// <summary>
/// The delivery job: posts one outbox entry, signed, records the attempt, and on failure schedules the
/// next attempt after the configured backoff (<see cref="JobSettings.WebhookRetryDelaysSeconds"/>) until
/// the attempts run out. A delivery already delivered is not posted again (a re-run job is harmless).
/// </summary>
public sealed class WebhookSender(
    IDbContextFactory<AssistantDb> databases, IHttpClientFactory http, IJobQueue queue, IOptions<JobSettings> settings, TimeProvider clock, ILogger<WebhookSender> log)
{
    public const string HttpClientName = "webhooks";

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 15, 60, 300])]
    public async Task DeliverAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Locked for the attempt, skipped when another worker holds it: one attempt at a time.
        WebhookDelivery? delivery = await db.WebhookDeliveries
            .FromSql($"SELECT * FROM webhook_deliveries WHERE id = {deliveryId} FOR UPDATE SKIP LOCKED")
            .FirstOrDefaultAsync(cancellationToken);
        if (delivery is null || delivery.Status != "pending" || delivery.NextAttemptAt > clock.GetUtcNow().AddSeconds(1))
        {
            return;
        }

        WebhookSubscription? subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        if (subscription is null || !subscription.Active)
        {
            delivery.Status = "failed";
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        int attempt = delivery.Attempts + 1;
        DateTimeOffset now = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscription.Secret, now.ToUnixTimeSeconds(), delivery.Body));
            request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
            using HttpResponseMessage response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = $"HTTP {status}";
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            error = e.GetType().Name + ": " + e.Message;
        }

        db.WebhookAttempts.Add(new WebhookAttempt
        {
            Id = Guid.CreateVersion7(), DeliveryId = delivery.Id, Attempt = attempt, StatusCode = status, Error = error,
            DurationMs = (int)watch.ElapsedMilliseconds, At = now,
        });
        delivery.Attempts = attempt;
        TimeSpan? retryIn = null;
        if (error is null)
        {
            delivery.Status = "delivered";
            delivery.DeliveredAt = clock.GetUtcNow();
            delivery.NextAttemptAt = null;
        }
        else
        {
            int[] delays = settings.Value.WebhookRetryDelaysSeconds;
            if (attempt > delays.Length)
            {
                delivery.Status = "failed";
                delivery.NextAttemptAt = null;
            }
            else
            {
                retryIn = TimeSpan.FromSeconds(delays[attempt - 1]);
                delivery.NextAttemptAt = now + retryIn;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        log.LogInformation("Webhook {Delivery} attempt {Attempt}: {Outcome}", delivery.Id, attempt, error ?? "delivered");
        if (retryIn is { } delay)
        {
            queue.EnqueueWebhook(delivery.Id, delay);
        }
    }
}
