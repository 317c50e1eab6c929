using System.Globalization;
using System.Security.Claims;
using Assistant.Features.RateLimits;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// The per-caller limit of <see cref="CostRateLimiter"/> (same costs, same allowances, same 429) with
/// its buckets in PostgreSQL (<see cref="RateBucketStore"/>), so it holds across every API process; a busy
/// key's permits are leased a few at a time (<see cref="RateLeases"/>) rather than asked for one request at a time.
/// Active when <c>RateLimits:Store</c> is <c>postgres</c>. If the database cannot be reached the request
/// goes on: the endpoint itself then answers 503.
/// </summary>
internal sealed class SharedRateLimit(RequestDelegate next, IOptions<RateLimitSettings> settings, RateLeases buckets, ILogger<SharedRateLimit> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        RateLimitSettings s = settings.Value;
        if (s.Store != "postgres" || !http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(http);
            return;
        }

        string? key = http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        int perMinute = key is not null ? Math.Max(1, s.PermitsPerMinute) : Math.Max(1, Math.Min(s.PermitsPerMinute, 60));
        int cost = Math.Min(CostRateLimiter.Cost(http), perMinute);
        RateDecision decision;
        try
        {
            decision = await buckets.TryTakeAsync(key is not null ? "key:" + key : "ip:" + http.Connection.RemoteIpAddress, cost, perMinute, http.RequestAborted);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            log.LogWarning(e, "Rate limit store unreachable; request not limited");
            await next(http);
            return;
        }

        if (decision.Allowed)
        {
            await next(http);
            return;
        }

        http.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ApiSecurity.Problem(http, StatusCodes.Status429TooManyRequests, "请求过于频繁 / Too many requests",
            $"每个密钥每分钟最多{s.PermitsPerMinute}个配额（起草、上传、对话和长文本核对占用更多），请稍后重试。 / At most {s.PermitsPerMinute} permits per minute per key (drafting, uploads, chat and long verifications take more); retry later.");
    }
}
