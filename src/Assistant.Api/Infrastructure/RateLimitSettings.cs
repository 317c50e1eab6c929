namespace Assistant.Api.Infrastructure;

/// <summary>Settings under <c>RateLimits</c>.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Requests a key may make a minute (then 429 with Retry-After).</summary>
    public int PermitsPerMinute { get; set; } = 300;

    /// <summary>
    /// Where the buckets live: <c>postgres</c> (the default; one limit across every API process) or
    /// <c>memory</c> (this process alone).
    /// </summary>
    public string Store { get; set; } = "postgres";
}
