namespace Assistant.Api.Infrastructure;

/// <summary>Settings under <c>RateLimits</c>.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Requests a key may make a minute (then 429 with Retry-After).</summary>
    public int PermitsPerMinute { get; set; } = 300;
}
