using System.Diagnostics;
using Assistant.Features.RateLimits;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>
/// Leased permits (<see cref="RateBucketStore.TryLeaseAsync"/>, <see cref="RateLeases"/>): a process may
/// hold permits and hand them out without the database, but what everyone together lets through never
/// exceeds what one bucket would — held permits are not refilled over, handed-back permits are not
/// counted twice, and a lease that has ended frees its hold.
/// </summary>
public class RateLeasesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private RateBucketStore Store => factory.Services.GetRequiredService<RateBucketStore>();

    private async Task<(decimal Tokens, decimal Leased)> RowAsync(string key)
    {
        await using NpgsqlConnection connection = await factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var read = new NpgsqlCommand("SELECT tokens, leased FROM rate_buckets WHERE key = @key", connection);
        read.Parameters.AddWithValue("key", key);
        await using NpgsqlDataReader r = await read.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        return (r.GetDecimal(0), r.GetDecimal(1));
    }

    private async Task ExecuteAsync(string sql, string key)
    {
        await using NpgsqlConnection connection = await factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.AddWithValue("key", key);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task HeldPermits_AreNotRefilledOver_HandedBackOnce_AndFreedWhenTheLeaseEnds()
    {
        using HttpClient client = factory.CreateClient();
        string key = "test:" + Guid.NewGuid();

        // Hour-long epochs, so no lease ends while the test runs unless the test ends it.
        TimeSpan hour = TimeSpan.FromHours(1);

        // Process A: cost 1, and 30 more to hold. 60 a minute.
        RateLease a = await Store.TryLeaseAsync(key, 1, 30, 60, default, hour);
        Assert.True(a.Allowed);
        Assert.Equal(31, a.Granted);
        Assert.InRange(a.ValidFor, hour, 2 * hour);
        (decimal tokens, decimal leased) = await RowAsync(key);
        Assert.InRange(tokens, 29m, 29.1m);
        Assert.Equal(30m, leased);

        // An hour's refill with A's lease still running: the bucket stops at capacity − held, so B can
        // have at most 30, not 60 (with A's 30 that would be 90 at once: more than a bucket).
        await ExecuteAsync("UPDATE rate_buckets SET updated_at = updated_at - interval '1 hour' WHERE key = @key", key);
        RateLease b = await Store.TryLeaseAsync(key, 1, 100, 60, default, hour);
        Assert.True(b.Allowed);
        Assert.Equal(30, b.Granted);
        Assert.False((await Store.TryLeaseAsync(key, 1, 0, 60, default, hour)).Allowed);

        // A hands back 20 unspent of its 30 (it spent 10): they are usable again, and its hold is gone
        // (B's 29 still held).
        RateLease again = await Store.TryLeaseAsync(key, 1, 0, 60, new RateHandback(20, 30, a.Epoch), hour);
        Assert.True(again.Allowed);
        Assert.Equal(1, again.Granted);
        (tokens, leased) = await RowAsync(key);
        Assert.InRange(tokens, 19m, 19.2m);
        Assert.Equal(29m, leased);

        // A handback naming an epoch the row holds nothing for takes no other lease's hold away: B's
        // 29 stay held.
        Assert.True((await Store.TryLeaseAsync(key, 1, 0, 60, new RateHandback(0, 30, a.Epoch + 5), hour)).Allowed);
        (_, leased) = await RowAsync(key);
        Assert.Equal(29m, leased);

        // Two epochs later every lease has ended: nothing is held, and the bucket refills to its capacity.
        await ExecuteAsync("UPDATE rate_buckets SET lease_epoch = lease_epoch - 2, updated_at = updated_at - interval '1 hour' WHERE key = @key", key);
        RateLease whole = await Store.TryLeaseAsync(key, 1, 100, 60, default, hour);
        Assert.Equal(60, whole.Granted);
        RateLease refused = await Store.TryLeaseAsync(key, 1, 0, 60, default, hour);
        Assert.False(refused.Allowed);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task AHoldFromTheEpochBefore_CountsUntilItsEpochEnds()
    {
        using HttpClient client = factory.CreateClient();
        string key = "test:" + Guid.NewGuid();
        TimeSpan hour = TimeSpan.FromHours(1);
        RateLease a = await Store.TryLeaseAsync(key, 1, 20, 60, default, hour);
        Assert.Equal(21, a.Granted);

        // One epoch later (A's lease still runs until the end of this one): its 20 still count.
        await ExecuteAsync("UPDATE rate_buckets SET lease_epoch = lease_epoch - 1, updated_at = updated_at - interval '1 hour' WHERE key = @key", key);
        RateLease b = await Store.TryLeaseAsync(key, 1, 100, 60, default, hour);
        Assert.Equal(40, b.Granted);
        (_, decimal leased) = await RowAsync(key);
        Assert.Equal(39m, leased);

        // A hands back its lease (granted an epoch before the row's): its hold leaves the count of the
        // epoch before, not B's.
        RateLease again = await Store.TryLeaseAsync(key, 1, 0, 60, new RateHandback(5, 20, a.Epoch - 1), hour);
        Assert.True(again.Allowed);
        (decimal tokens, leased) = await RowAsync(key);
        Assert.Equal(39m, leased);
        Assert.InRange(tokens, 4m, 4.2m);
    }

    [Fact]
    public async Task ManyProcessesLeasing_NeverLetMoreThroughThanOneBucket_AndUseAlmostAllOfIt()
    {
        using HttpClient client = factory.CreateClient();
        string key = "test:" + Guid.NewGuid();
        const int perMinute = 600; // 10 a second; a lease holds at most 37 beyond its request, for 1–2 s
        var processes = Enumerable.Range(0, 3).Select(_ => new RateLeases(Store)).ToArray();
        long allowed = 0;
        long refusals = 0;
        var clock = Stopwatch.StartNew();
        var random = new Random(21);
        int[] costs = Enumerable.Range(0, 1_200).Select(_ => random.Next(1, 4)).ToArray();
        int next = -1;
        await Parallel.ForAsync(0, 12, async (worker, ct) =>
        {
            for (int i = Interlocked.Increment(ref next); i < costs.Length; i = Interlocked.Increment(ref next))
            {
                RateDecision d = await processes[worker % 3].TryTakeAsync(key, costs[i], perMinute, ct);
                if (d.Allowed)
                {
                    Interlocked.Add(ref allowed, costs[i]);
                }
                else
                {
                    Interlocked.Increment(ref refusals);
                    Assert.True(d.RetryAfter >= TimeSpan.FromSeconds(1));
                }
            }
        });
        double seconds = clock.Elapsed.TotalSeconds;

        // 2,400 permits asked for: at most a bucket (600) and what flowed in meanwhile (10 a second).
        // At the end each process may still hold a lease's permits (early refusals, never over-grants).
        Assert.InRange(allowed, 600 - (3 * 37) - 3, 600 + (long)Math.Ceiling(seconds * 10) + 1);

        // A refusal asks the database (as before leases); of the requests let through, most did not
        // (leases last 1–2 s, so on a slow machine more of them end unspent: a loose bound).
        long renewals = processes.Sum(p => p.Renewals) - refusals;
        long through = costs.Length - refusals;
        Assert.True(renewals < through / 2, $"{renewals} leases for {through} requests let through");
    }

    [Fact]
    public async Task ABusyKey_AsksTheDatabaseRarely_ASmallLimitEveryTime()
    {
        using HttpClient client = factory.CreateClient();
        var leases = new RateLeases(Store);
        string busy = "test:" + Guid.NewGuid();
        for (int i = 0; i < 2_000; i++)
        {
            Assert.True((await leases.TryTakeAsync(busy, 1, 1_000_000)).Allowed);
        }

        Assert.InRange(leases.Renewals, 1, 40);

        // Under 16 a minute nothing is leased: three of three, then refused, as the store alone.
        string small = "test:" + Guid.NewGuid();
        long before = leases.Renewals;
        Assert.True((await leases.TryTakeAsync(small, 1, 3)).Allowed);
        Assert.True((await leases.TryTakeAsync(small, 1, 3)).Allowed);
        Assert.True((await leases.TryTakeAsync(small, 1, 3)).Allowed);
        Assert.False((await leases.TryTakeAsync(small, 1, 3)).Allowed);
        Assert.Equal(before, leases.Renewals);
        (decimal _, decimal leased) = await RowAsync(small);
        Assert.Equal(0m, leased);
    }
}
