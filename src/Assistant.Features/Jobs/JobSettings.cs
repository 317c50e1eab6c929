namespace Assistant.Features.Jobs;

/// <summary>Settings under <c>Jobs</c>: what this process does with background work, and how fast it polls.</summary>
public sealed class JobSettings
{
    public const string Section = "Jobs";

    /// <summary><c>all</c> (serve the API and process jobs; the default), <c>api</c> (enqueue only) or <c>worker</c> (process jobs).</summary>
    public string Role { get; set; } = "all";

    /// <summary>Worker threads of this process (0: two per core).</summary>
    public int Workers { get; set; }

    /// <summary>How often an idle worker looks for a job (Hangfire.PostgreSql's default is 15 s; LISTEN/NOTIFY wakes it sooner).</summary>
    public int QueuePollMilliseconds { get; set; } = 500;

    /// <summary>How long a job a dead worker had taken stays invisible before another worker takes it (live workers keep extending it).</summary>
    public int InvisibilitySeconds { get; set; } = 120;

    /// <summary>Submissions checked by one job.</summary>
    public int BatchChunk { get; set; } = 8;

    /// <summary>Seconds between webhook delivery attempts, comma-separated; one more attempt than delays, then the delivery is marked failed.</summary>
    public string WebhookRetryDelays { get; set; } = "5,30,120,600,1800,3600";

    public int[] WebhookRetryDelaysSeconds =>
        [.. WebhookRetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int v) ? v : -1)];

    public bool ProcessesJobs => Role is "all" or "worker";
}
