using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Features.Records;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Assistant.Api.Tests.Hostile;

/// <summary>
/// The database stopped for 10 s under load, then started again, on a cluster of the test's own:
/// every 503 carries Retry-After, nothing else is a 5xx, no acknowledged write is lost, and writes
/// succeed again within a second of the database accepting connections.
/// </summary>
public sealed class ResilienceTests(ITestOutputHelper output)
{
    private sealed class ClusterFactory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Assistant", connectionString);
            builder.UseSetting("RateLimits:PermitsPerMinute", "1000000");
        }
    }

    [Fact]
    public async Task DatabaseStoppedUnderLoad_503sCarryRetryAfter_NoAcknowledgedWriteLost_RecoversQuickly()
    {
        if (!ThrowawayCluster.Available)
        {
            output.WriteLine("SKIPPED: PostgreSQL 15 binaries (/usr/lib/postgresql/15/bin) are absent; the resilience test needs a cluster of its own.");
            return;
        }

        await using ThrowawayCluster cluster = await ThrowawayCluster.StartAsync();
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE assistant", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using var factory = new ClusterFactory(cluster.ConnectionString("assistant"));
        string key = (await factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRoles.Drafter, "韧性单位", "test")).Key;
        HttpClient client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        client.Timeout = TimeSpan.FromSeconds(30);
        string table = await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-internship-subsidy"));

        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        int unavailable = 0;
        DateTimeOffset? restarted = null;
        DateTimeOffset? firstWriteAfter = null;
        using var stop = new CancellationTokenSource();

        async Task Worker(int n)
        {
            int i = 0;
            while (!stop.IsCancellationRequested)
            {
                bool write = (i++ + n) % 2 == 0;
                using var request = write
                    ? new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/evaluations", UriKind.Relative)) { Content = new StringContent(table, Encoding.UTF8, "application/json") }
                    : new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/evaluations", UriKind.Relative));
                if (write)
                {
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
                }

                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Add($"transport: {e.GetType().Name} {e.Message}");
                    continue;
                }

                using (response)
                {
                    int status = (int)response.StatusCode;
                    statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                    if (status == 503)
                    {
                        Interlocked.Increment(ref unavailable);
                        if (response.Headers.RetryAfter is null)
                        {
                            failures.Add("503 without Retry-After");
                        }

                        await Task.Delay(50);
                    }
                    else if (status >= 500)
                    {
                        failures.Add($"{status}: {await response.Content.ReadAsStringAsync()}");
                    }
                    else if (write && status == 201)
                    {
                        acknowledged.Add((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!);
                        if (restarted is not null && firstWriteAfter is null)
                        {
                            firstWriteAfter = DateTimeOffset.UtcNow;
                        }
                    }
                }
            }
        }

        Task[] workers = Enumerable.Range(0, 6).Select(Worker).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(3));
        int beforeOutage = acknowledged.Count;
        await cluster.StopServerAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        int duringOutage = acknowledged.Count;
        await cluster.StartServerAsync();
        restarted = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        while (firstWriteAfter is null && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        stop.Cancel();
        await Task.WhenAll(workers);

        // Every acknowledged write is there.
        var missing = new List<string>();
        foreach (string id in acknowledged)
        {
            using HttpResponseMessage get = await client.GetAsync(new Uri($"/api/v1/evaluations/{id}", UriKind.Relative));
            if (get.StatusCode != HttpStatusCode.OK)
            {
                missing.Add($"{id}: {(int)get.StatusCode}");
            }
        }

        double recovery = firstWriteAfter is { } w ? (w - restarted.Value).TotalMilliseconds : double.NaN;
        output.WriteLine($"acknowledged writes {acknowledged.Count} ({beforeOutage} before the outage, {duringOutage - beforeOutage} during it); "
            + $"503s {unavailable}; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; "
            + $"first write {recovery:F0} ms after the database accepted connections; missing {missing.Count}; failures {failures.Count}");
        foreach (string f in failures.Distinct().Take(10))
        {
            output.WriteLine(f);
        }

        Assert.True(unavailable > 0, "the outage was seen");
        Assert.Empty(failures);
        Assert.Empty(missing);
        Assert.True(recovery < 1000, $"recovery took {recovery:F0} ms");
    }
}
