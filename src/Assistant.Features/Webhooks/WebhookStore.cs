using System.Security.Cryptography;
using Assistant.Features.Evaluations;
using Assistant.Features.Jobs;
using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Webhooks;

/// <summary>A subscription as the admin API shows it (never its secret).</summary>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> Events, bool Active, DateTimeOffset CreatedAt);

/// <summary>A delivery with its attempts, for the admin API.</summary>
public sealed record DeliveryView(Guid Id, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, DateTimeOffset? NextAttemptAt, IReadOnlyList<AttemptView> History);

public sealed record AttemptView(int Attempt, int? StatusCode, string? Error, int DurationMs, DateTimeOffset At);

/// <summary>Webhook subscriptions of a unit (registered by its admin key), their deliveries, and the sweep that re-queues deliveries whose job was lost.</summary>
public sealed class WebhookStore(IDbContextFactory<AssistantDb> databases, IJobQueue queue, TimeProvider clock)
{
    public const int MaxUrlLength = 2000;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 200;

    public static readonly string[] KnownEvents = [WebhookEvents.JobDone, WebhookEvents.BatchDone, WebhookEvents.ReviewDecided, WebhookEvents.ReviewSubmitted];

    public async Task<WebhookView> AddAsync(string unit, string url, string? secret, IReadOnlyList<string>? events, CancellationToken ct = default)
    {
        var errors = new List<InputError>();
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https") || url.Length > MaxUrlLength)
        {
            errors.Add(new InputError("url", "url 必须是 http(s) 绝对地址", "url must be an absolute http(s) address"));
        }

        if (secret is not null && (secret.Length < MinSecretLength || secret.Length > MaxSecretLength))
        {
            errors.Add(new InputError("secret", $"secret 长度须在{MinSecretLength}到{MaxSecretLength}个字符之间", $"secret must be {MinSecretLength} to {MaxSecretLength} characters"));
        }

        var wanted = events?.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct().ToArray() ?? [];
        if (wanted.FirstOrDefault(e => !KnownEvents.Contains(e)) is { } unknown)
        {
            errors.Add(new InputError("events", $"未知事件“{unknown}”，可选：{string.Join("、", KnownEvents)}", $"unknown event \"{unknown}\"; known: {string.Join(", ", KnownEvents)}"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var s = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(), Unit = unit, Url = url, Secret = secret ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            Events = wanted, CreatedAt = clock.GetUtcNow(),
        };
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        db.WebhookSubscriptions.Add(s);
        await db.SaveChangesAsync(ct);
        return View(s);
    }

    /// <summary>The secret is returned once, when the caller did not choose it.</summary>
    public async Task<string?> SecretAsync(string unit, Guid id, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        return await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Id == id && s.Unit == unit).Select(s => s.Secret).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<WebhookView>> ListAsync(string unit, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        var rows = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Unit == unit).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    public async Task<bool> DeactivateAsync(string unit, Guid id, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        return await db.WebhookSubscriptions.Where(s => s.Id == id && s.Unit == unit && s.Active).ExecuteUpdateAsync(u => u.SetProperty(s => s.Active, false), ct) == 1;
    }

    public async Task<IReadOnlyList<DeliveryView>?> DeliveriesAsync(string unit, Guid id, CancellationToken ct = default)
    {
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id && s.Unit == unit, ct))
        {
            return null;
        }

        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id).OrderByDescending(d => d.CreatedAt).Take(200).ToListAsync(ct);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Attempt).ToListAsync(ct);
        return [.. deliveries.Select(d => new DeliveryView(d.Id, d.EventType, d.Status, d.Attempts, d.CreatedAt, d.DeliveredAt, d.NextAttemptAt,
            [.. attempts.Where(a => a.DeliveryId == d.Id).Select(a => new AttemptView(a.Attempt, a.StatusCode, a.Error, a.DurationMs, a.At))]))];
    }

    /// <summary>Queues again pending deliveries overdue by <paramref name="late"/> (their job was lost); a delivery is attempted by one worker at a time.</summary>
    public async Task<int> RequeueDueAsync(TimeSpan late, CancellationToken ct = default)
    {
        DateTimeOffset due = clock.GetUtcNow() - late;
        await using AssistantDb db = await databases.CreateDbContextAsync(ct);
        var ids = await db.WebhookDeliveries.AsNoTracking().Where(d => d.Status == "pending" && d.NextAttemptAt < due).Select(d => d.Id).Take(1000).ToListAsync(ct);
        foreach (Guid id in ids)
        {
            queue.EnqueueWebhook(id, TimeSpan.Zero);
        }

        return ids.Count;
    }

    private static WebhookView View(WebhookSubscription s) => new(s.Id, s.Url, s.Events, s.Active, s.CreatedAt);
}
