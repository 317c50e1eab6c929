using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Webhooks;

/// <summary>
/// The outbox: one event for one subscription, written in the transaction of what caused it, then
/// delivered by a job until it succeeds or runs out of attempts.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    public required string EventType { get; set; }

    /// <summary>The exact body posted (JSON), signed as it is.</summary>
    public required string Body { get; set; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c> (attempts exhausted).</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }
}

/// <summary>One attempt to deliver: when, the HTTP status (or the error) and how long it took.</summary>
public sealed class WebhookAttempt
{
    public Guid Id { get; set; }

    public Guid DeliveryId { get; set; }

    public int Attempt { get; set; }

    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public int DurationMs { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class WebhookDeliveryMapping : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.ToTable("webhook_deliveries");
        e.HasKey(x => x.Id).HasName("webhook_deliveries_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.SubscriptionId).HasColumnName("subscription_id");
        e.Property(x => x.EventType).HasColumnName("event_type");
        e.Property(x => x.Body).HasColumnName("body");
        e.Property(x => x.Status).HasColumnName("status");
        e.Property(x => x.Attempts).HasColumnName("attempts");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.DeliveredAt).HasColumnName("delivered_at");
        e.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
        e.HasIndex(x => new { x.Status, x.NextAttemptAt }).HasDatabaseName("ix_webhook_deliveries_pending");
        e.HasIndex(x => x.SubscriptionId).HasDatabaseName("ix_webhook_deliveries_subscription");
    }
}

internal sealed class WebhookAttemptMapping : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> e)
    {
        e.ToTable("webhook_attempts");
        e.HasKey(x => x.Id).HasName("webhook_attempts_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.DeliveryId).HasColumnName("delivery_id");
        e.Property(x => x.Attempt).HasColumnName("attempt");
        e.Property(x => x.StatusCode).HasColumnName("status_code");
        e.Property(x => x.Error).HasColumnName("error");
        e.Property(x => x.DurationMs).HasColumnName("duration_ms");
        e.Property(x => x.At).HasColumnName("at");
        e.HasIndex(x => new { x.DeliveryId, x.Attempt }).IsUnique().HasDatabaseName("ux_webhook_attempts");
    }
}
