using Assistant.Features.RateLimits;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>
/// The shared rate limit's take (session 24: begin, <c>SET LOCAL synchronous_commit = off</c>, upsert and
/// commit in one batch): it still lets a bucket's tokens through and no more, says how long to wait, and
/// what it took is in the table for the next process to see.
/// </summary>
public class RateBucketStoreTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Take_LetsTheBucketThrough_ThenRefusesWithRetryAfter_AndIsStored()
    {
        using HttpClient client = factory.CreateClient();
        var store = factory.Services.GetRequiredService<RateBucketStore>();
        string key = "test:" + Guid.NewGuid();

        Assert.True((await store.TryTakeAsync(key, 1, 2)).Allowed);
        Assert.True((await store.TryTakeAsync(key, 1, 2)).Allowed);
        RateDecision third = await store.TryTakeAsync(key, 1, 2);
        Assert.False(third.Allowed);
        Assert.InRange(third.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(31));

        // A cost larger than what is left is refused whole, and takes nothing.
        string other = "test:" + Guid.NewGuid();
        Assert.True((await store.TryTakeAsync(other, 5, 6)).Allowed);
        Assert.False((await store.TryTakeAsync(other, 5, 6)).Allowed);
        Assert.True((await store.TryTakeAsync(other, 1, 6)).Allowed);

        await using NpgsqlConnection connection = await factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var read = new NpgsqlCommand("SELECT tokens FROM rate_buckets WHERE key = @key", connection);
        read.Parameters.AddWithValue("key", key);
        decimal tokens = (decimal)(await read.ExecuteScalarAsync())!;
        Assert.InRange(tokens, 0m, 0.9m);
    }
}
