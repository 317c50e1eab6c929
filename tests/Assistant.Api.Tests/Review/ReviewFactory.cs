namespace Assistant.Api.Tests.Review;

/// <summary>The web host on a fresh database with the <see cref="ReviewWorld"/> built once per test class.</summary>
public sealed class ReviewFactory : ApiFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ReviewWorld? world;

    /// <summary>The isolation test sends hundreds of requests per key.</summary>
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:PermitsPerMinute"] = "1000000",
    };

    public async Task<ReviewWorld> WorldAsync()
    {
        await gate.WaitAsync();
        try
        {
            return world ??= await ReviewWorld.BuildAsync(this);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        gate.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
