using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Webhooks;

/// <summary>An OA system's endpoint: where events of one unit are posted, signed with its secret.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }

    public required string Unit { get; set; }

    public required string Url { get; set; }

    /// <summary>The shared secret the signature is made with (never returned by the API).</summary>
    public required string Secret { get; set; }

    /// <summary>The event types it wants; empty for all.</summary>
    public string[] Events { get; set; } = [];

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class WebhookSubscriptionMapping : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> e)
    {
        e.ToTable("webhook_subscriptions");
        e.HasKey(x => x.Id).HasName("webhook_subscriptions_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.Unit).HasColumnName("unit");
        e.Property(x => x.Url).HasColumnName("url");
        e.Property(x => x.Secret).HasColumnName("secret");
        e.Property(x => x.Events).HasColumnName("events");
        e.Property(x => x.Active).HasColumnName("active");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.HasIndex(x => x.Unit).HasDatabaseName("ix_webhook_subscriptions_unit");
    }
}
