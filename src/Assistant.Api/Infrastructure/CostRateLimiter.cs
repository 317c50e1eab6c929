using System.Threading.RateLimiting;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// The per-caller limit counts what a request costs, not only that it came: drafting, uploading and
/// chatting take several permits, verifying a long text more than a short one, reading one. Callers
/// are partitioned by key, or by client address when unauthenticated (with a smaller allowance). The
/// buckets refill continuously (every second, or every few seconds for small limits), never a whole
/// minute's worth at once.
/// </summary>
internal sealed class CostRateLimiter : PartitionedRateLimiter<HttpContext>
{
    private readonly PartitionedRateLimiter<HttpContext> inner;
    private readonly int perMinute;
    private readonly int anonymousPerMinute;

    public CostRateLimiter(int perMinute)
    {
        this.perMinute = Math.Max(1, perMinute);
        anonymousPerMinute = Math.Max(1, Math.Min(this.perMinute, 60));
        inner = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
        {
            if (!ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                return RateLimitPartition.GetNoLimiter("open");
            }

            string? key = ctx.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            return key is not null
                ? RateLimitPartition.GetTokenBucketLimiter("key:" + key, _ => Bucket(this.perMinute))
                : RateLimitPartition.GetTokenBucketLimiter("ip:" + ctx.Connection.RemoteIpAddress, _ => Bucket(anonymousPerMinute));
        });
    }

    public int PerMinute => perMinute;

    /// <summary>A bucket as large as a minute's allowance, refilled a little at a time.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        bool perSecond = perMinute >= 60;
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perSecond ? (int)Math.Ceiling(perMinute / 60.0) : 1,
            ReplenishmentPeriod = perSecond ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    /// <summary>Permits a request takes: by endpoint, plus one per 16 KB of body for the text-heavy ones.</summary>
    public static int Cost(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        string? name = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        int size = (int)Math.Min(64, (http.Request.ContentLength ?? 0) / (16 * 1024));
        return name switch
        {
            "DraftSection" => 10,
            "UploadReport" or "UploadReportsBulk" => 10 + size,
            "CreateBatch" => 20 + size,
            "SendMessage" => 5 + size,
            "VerifyText" => 3 + size,
            "ExplainIndicator" or "SearchCorpus" => 2,
            "ScoreEvaluation" or "EvaluationFacts" or "StoreEvaluation" => 1 + size,
            _ => 1,
        };
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => inner.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        inner.AttemptAcquire(resource, permitCount == 0 ? 0 : Permits(resource));

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        inner.AcquireAsync(resource, permitCount == 0 ? 0 : Permits(resource), cancellationToken);

    private int Permits(HttpContext resource) =>
        Math.Min(Cost(resource), resource.User.Identity?.IsAuthenticated == true ? perMinute : anonymousPerMinute);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
