using System.Diagnostics;
using System.Net;
using Assistant.Features.Records;
using Assistant.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Tests;

/// <summary>
/// Valid keys are kept in memory for <c>ApiKeys:CacheSeconds</c>: the expiry and the in-process
/// eviction on their own (a manual clock), then two real hosts on one PostgreSQL database with a key
/// revoked by the real <c>assistant keys revoke</c> process and by one of the hosts.
/// </summary>
public class ApiKeyCacheTests
{
    private static readonly ApiCaller Caller = new(Guid.NewGuid(), "abc123", ApiRoles.Reviewer, "单位甲");

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static (ApiKeyCache Cache, ManualClock Clock) Make(int seconds)
    {
        var clock = new ManualClock();
        return (new ApiKeyCache(Options.Create(new ApiKeyCacheSettings { CacheSeconds = seconds }), clock), clock);
    }

    [Fact]
    public async Task ValidKey_IsLookedUpOncePerLifetime_ThenAgain()
    {
        (ApiKeyCache cache, ManualClock clock) = Make(5);
        int lookups = 0;
        Task<ApiCaller?> Lookup(string _, CancellationToken __)
        {
            lookups++;
            return Task.FromResult<ApiCaller?>(Caller);
        }

        for (int i = 0; i < 10; i++)
        {
            Assert.Same(Caller, await cache.AuthenticateAsync("ak_abc123_secret", Lookup));
        }

        Assert.Equal(1, lookups);
        clock.Now += TimeSpan.FromSeconds(4.9);
        await cache.AuthenticateAsync("ak_abc123_secret", Lookup);
        Assert.Equal(1, lookups);
        clock.Now += TimeSpan.FromSeconds(0.2);
        await cache.AuthenticateAsync("ak_abc123_secret", Lookup);
        Assert.Equal(2, lookups);

        // Another key is its own entry.
        await cache.AuthenticateAsync("ak_abc123_other", Lookup);
        Assert.Equal(3, lookups);
    }

    [Fact]
    public async Task UnknownKey_IsNeverKept_AndZeroSecondsTurnsTheCacheOff()
    {
        (ApiKeyCache cache, _) = Make(5);
        int lookups = 0;
        Task<ApiCaller?> Refuse(string _, CancellationToken __)
        {
            lookups++;
            return Task.FromResult<ApiCaller?>(null);
        }

        Assert.Null(await cache.AuthenticateAsync("ak_abc123_bad", Refuse));
        Assert.Null(await cache.AuthenticateAsync("ak_abc123_bad", Refuse));
        Assert.Equal(2, lookups);
        Assert.Equal(0, cache.Count);

        (ApiKeyCache off, _) = Make(0);
        lookups = 0;
        Task<ApiCaller?> Accept(string _, CancellationToken __)
        {
            lookups++;
            return Task.FromResult<ApiCaller?>(Caller);
        }

        await off.AuthenticateAsync("ak_abc123_secret", Accept);
        await off.AuthenticateAsync("ak_abc123_secret", Accept);
        Assert.Equal(2, lookups);
    }

    [Fact]
    public async Task Clear_ForgetsAtOnce_EvenALookupThatWasRunningDuringTheRevocation()
    {
        (ApiKeyCache cache, _) = Make(30);
        int lookups = 0;
        Task<ApiCaller?> Lookup(string _, CancellationToken __)
        {
            lookups++;
            return Task.FromResult<ApiCaller?>(Caller);
        }

        await cache.AuthenticateAsync("ak_abc123_secret", Lookup);
        cache.Clear();
        await cache.AuthenticateAsync("ak_abc123_secret", Lookup);
        Assert.Equal(2, lookups);

        // The lookup read the key as valid, then the key was revoked before the answer was stored.
        var gate = new TaskCompletionSource();
        async Task<ApiCaller?> Slow(string _, CancellationToken __)
        {
            lookups++;
            await gate.Task;
            return Caller;
        }

        cache.Clear();
        Task<ApiCaller?> running = cache.AuthenticateAsync("ak_abc123_secret", Slow);
        cache.Clear();
        gate.SetResult();
        Assert.Same(Caller, await running);
        await cache.AuthenticateAsync("ak_abc123_secret", Lookup);
        Assert.Equal(4, lookups);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("31")]
    [InlineData("many")]
    public async Task CacheSeconds_OutOfRange_StopsTheHostAtStart(string value)
    {
        await using var database = new TestDatabase("keycache_bad");
        await using WebApplication app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Assistant=" + database.ConnectionString, "--ApiKeys:CacheSeconds=" + value]);
        Exception e = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        Assert.Contains("CacheSeconds", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revocation_TwoHostsOneDatabase_RefusedAtOnceHere_AndWithinTheCacheLifetimeElsewhere()
    {
        const int Seconds = 3;
        await using var database = new TestDatabase("keycache");
        await using WebApplication a = await StartAsync(database, Seconds);
        await using WebApplication b = await StartAsync(database, Seconds);
        using HttpClient toA = Client(a);
        using HttpClient toB = Client(b);
        ApiKeyStore storeB = b.Services.GetRequiredService<ApiKeyStore>();

        // 1. Revoked by another process (the real CLI): both hosts refuse within the cache lifetime.
        IssuedApiKey first = await storeB.CreateAsync(ApiRoles.Reviewer, "单位甲", "cache test");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(toA, first.Key));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(toB, first.Key));
        (int exit, _, string stderr) = await CliProcess.RunAsync(database.ConnectionString, "keys", "revoke", first.Prefix);
        Assert.True(exit == 0, stderr);
        var sinceRevoke = Stopwatch.StartNew();
        await RefusedWithinAsync(toA, first.Key, TimeSpan.FromSeconds(Seconds + 5));
        await RefusedWithinAsync(toB, first.Key, TimeSpan.FromSeconds(Seconds + 5));
        Assert.True(sinceRevoke.Elapsed <= TimeSpan.FromSeconds(Seconds + 2), $"a host accepted the key {sinceRevoke.Elapsed.TotalSeconds:0.0} s after the CLI revoked it");

        // 2. Revoked through host B: B refuses on the very next request; A still trusts its fresh entry, then refuses within the lifetime.
        IssuedApiKey second = await storeB.CreateAsync(ApiRoles.Reviewer, "单位甲", "cache test");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(toA, second.Key));
        var cachedAt = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(toB, second.Key));
        Assert.True(await storeB.RevokeAsync(second.Prefix));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(toB, second.Key));
        HttpStatusCode stillA = await StatusAsync(toA, second.Key);
        if (cachedAt.Elapsed < TimeSpan.FromSeconds(Seconds - 1))
        {
            // Served from A's memory: the cache is doing its work (the row is already revoked).
            Assert.Equal(HttpStatusCode.OK, stillA);
        }

        TimeSpan refused = await RefusedWithinAsync(toA, second.Key, TimeSpan.FromSeconds(Seconds + 5));
        Assert.True(refused <= TimeSpan.FromSeconds(Seconds + 2), $"host A accepted a key revoked {refused.TotalSeconds:0.0} s ago");
    }

    private static async Task<WebApplication> StartAsync(TestDatabase database, int seconds)
    {
        WebApplication app = ApiHost.Build([
            "--urls", "http://127.0.0.1:0", "--ConnectionStrings:Assistant=" + database.ConnectionString,
            "--ApiKeys:CacheSeconds=" + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/policies");
        request.Headers.Add("X-Api-Key", key);
        using HttpResponseMessage response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Polls until the key is refused; returns how long that took (fails past <paramref name="limit"/>).</summary>
    private static async Task<TimeSpan> RefusedWithinAsync(HttpClient client, string key, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await StatusAsync(client, key) == HttpStatusCode.Unauthorized)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the revoked key was still accepted after {limit.TotalSeconds} s");
        return limit;
    }
}
