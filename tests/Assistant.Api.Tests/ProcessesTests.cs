using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Features.Records;
using Assistant.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>
/// The work survives more than one process: real API and worker processes (<c>dotnet Assistant.Api.dll</c>)
/// on 127.0.0.1 against one PostgreSQL database.
/// </summary>
[Collection("processes")]
public class ProcessesTests
{
    /// <summary>Migrates the database and issues a key, in-process, before the real processes start.</summary>
    private static async Task<string> PrepareAsync(TestDatabase database, string unit)
    {
        await using WebApplication app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Assistant=" + database.ConnectionString, "--Jobs:Role=api"]);
        await app.StartAsync();
        string key = (await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRoles.Admin, unit, "processes")).Key;
        await app.StopAsync();
        return key;
    }

    [Fact]
    public async Task TwoApisTwoWorkers_200Submissions_NoneLostNoneTwice_WhileAWorkerIsKilled()
    {
        await using var database = new TestDatabase("processes");
        string key = await PrepareAsync(database, "某市财政局");
        var api = new Dictionary<string, string> { ["Jobs:Role"] = "api", ["RateLimits:PermitsPerMinute"] = "100000" };
        var worker = new Dictionary<string, string>
        {
            ["Jobs:Role"] = "worker", ["Jobs:Workers"] = "3", ["Jobs:BatchChunk"] = "2", ["Jobs:InvisibilitySeconds"] = "10", ["Jobs:QueuePollMilliseconds"] = "200",
        };
        await using ApiProcess api1 = await ApiProcess.StartAsync(database.ConnectionString, api);
        await using ApiProcess api2 = await ApiProcess.StartAsync(database.ConnectionString, api);
        ApiProcess worker1 = await ApiProcess.StartAsync(database.ConnectionString, worker);
        await using ApiProcess worker2 = await ApiProcess.StartAsync(database.ConnectionString, worker);
        ApiProcess? restarted = null;
        try
        {
            using HttpClient upload = api1.Client(key);
            using HttpClient watch = api2.Client(key);
            JsonElement created = await BatchSupport.UploadAsync(upload, BatchSupport.Zip(200, badEvery: 40), "200 份");
            Guid job = created.GetProperty("id").GetGuid();
            Assert.Equal(200, created.GetProperty("total").GetInt32());

            int killedAt = -1;
            JsonElement status = await BatchSupport.WaitAsync(watch, job, TimeSpan.FromSeconds(400), async s =>
            {
                int progress = s.GetProperty("done").GetInt32() + s.GetProperty("failed").GetInt32();
                if (killedAt < 0 && progress >= 30)
                {
                    killedAt = progress;
                    worker1.Kill();
                    await Task.Delay(1000);
                    restarted = await ApiProcess.StartAsync(database.ConnectionString, worker);
                }
            });
            Assert.True(killedAt is >= 30 and < 200, $"the worker was killed mid-batch (at {killedAt})");
            Assert.Equal("succeeded", status.GetProperty("state").GetString());
            Assert.Equal(195, status.GetProperty("done").GetInt32());
            Assert.Equal(5, status.GetProperty("failed").GetInt32());
            Assert.Equal(5, status.GetProperty("failures").GetArrayLength());

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using (var cmd = new NpgsqlCommand(
                "SELECT count(*), count(DISTINCT doc_key), count(*) FILTER (WHERE completions = 1), count(*) FILTER (WHERE status IN ('done','failed')), coalesce(sum(cardinality(evaluation_ids)), 0) FROM batch_items WHERE job_id = @job", connection))
            {
                cmd.Parameters.AddWithValue("job", job);
                await using var r = await cmd.ExecuteReaderAsync();
                Assert.True(await r.ReadAsync());
                Assert.Equal(200L, r.GetInt64(0));
                Assert.Equal(200L, r.GetInt64(1));
                Assert.Equal(200L, r.GetInt64(2));
                Assert.Equal(200L, r.GetInt64(3));
                Assert.Equal(195L, r.GetInt64(4));
            }

            await using (var cmd = new NpgsqlCommand("SELECT count(*) FROM evaluations WHERE id IN (SELECT unnest(evaluation_ids) FROM batch_items WHERE job_id = @job)", connection))
            {
                cmd.Parameters.AddWithValue("job", job);
                Assert.Equal(195L, (long)(await cmd.ExecuteScalarAsync())!);
            }

            // The queue through the other API process.
            JsonElement queue = JsonDocument.Parse(await watch.GetStringAsync(new Uri($"/api/v1/batches/{job}/queue?pageSize=200", UriKind.Relative))).RootElement;
            Assert.Equal(200, queue.GetProperty("items").GetArrayLength());
        }
        finally
        {
            await worker1.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task WorkerVerb_RunsAJobEnqueuedByAnApiProcess()
    {
        await using var database = new TestDatabase("workerverb");
        string key = await PrepareAsync(database, "某县财政局");
        await using ApiProcess api = await ApiProcess.StartAsync(database.ConnectionString, new Dictionary<string, string> { ["Jobs:Role"] = "api" });
        using HttpClient client = api.Client(key);

        // Queued while no worker runs: the API process only enqueues.
        using var form = JobSupport.Form("files", JobSupport.Tables(2, seed: 300));
        Guid job = (await JobSupport.AcceptedAsync(client, "/api/v1/imports", form)).GetProperty("id").GetGuid();
        await Task.Delay(1500);
        Assert.Equal("queued", (await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/jobs/{job}", UriKind.Relative))).GetProperty("state").GetString());

        await using WorkerProcess worker = await WorkerProcess.StartAsync(database.ConnectionString, new Dictionary<string, string> { ["Jobs:QueuePollMilliseconds"] = "200" }, "--workers", "2");
        JsonElement status = await BatchSupport.WaitAsync(client, job, TimeSpan.FromSeconds(120));
        Assert.True(status.GetProperty("state").GetString() == "succeeded", status + worker.Output);
        Assert.Equal(2, status.GetProperty("done").GetInt32());

        // It was the worker process that ran it (Hangfire records the server of each attempt).
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT string_agg(s.data::text, ' ') FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE s.name = 'Processing' AND j.arguments::text LIKE '%' || @job || '%'", connection);
        cmd.Parameters.AddWithValue("job", job.ToString());
        string servers = (await cmd.ExecuteScalarAsync()) as string ?? string.Empty;
        Assert.Contains($":{worker.Id}:", servers, StringComparison.Ordinal);
        Assert.Equal(2L, await JobSupport.ScalarAsync(database.ConnectionString, "SELECT count(*) FROM evaluations WHERE unit = '某县财政局'"));
    }

    [Fact]
    public async Task RateLimit_WithLeases_HoldsAcrossTwoApiProcesses()
    {
        // 64 a minute: each process may lease up to 4 permits beyond a request and hand them out itself.
        await using var database = new TestDatabase("ratelease");
        string key = await PrepareAsync(database, "单位乙");
        var settings = new Dictionary<string, string> { ["Jobs:Role"] = "api", ["RateLimits:PermitsPerMinute"] = "64" };
        await using ApiProcess a = await ApiProcess.StartAsync(database.ConnectionString, settings);
        await using ApiProcess b = await ApiProcess.StartAsync(database.ConnectionString, settings);
        using HttpClient ca = a.Client(key);
        using HttpClient cb = b.Client(key);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int ok = 0;
        int refused = 0;
        for (int i = 0; i < 120; i++)
        {
            using HttpResponseMessage r = await (i % 2 == 0 ? ca : cb).GetAsync(new Uri("/api/v1/policies", UriKind.Relative));
            if (r.StatusCode == HttpStatusCode.OK)
            {
                ok++;
            }
            else
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
                Assert.NotNull(r.Headers.RetryAfter);
                refused++;
            }
        }

        // One bucket for both: 64 and what flowed in meanwhile at most; at least 64 less what each
        // process may still hold in a lease.
        double seconds = clock.Elapsed.TotalSeconds;
        Assert.InRange(ok, 64 - (2 * 4), 64 + (int)Math.Ceiling(seconds * 64 / 60) + 1);
        Assert.Equal(120 - ok, refused);
    }

    [Fact]
    public async Task RateLimit_HoldsAcrossTwoApiProcesses()
    {
        await using var database = new TestDatabase("ratelimit");
        string key = await PrepareAsync(database, "单位甲");
        var settings = new Dictionary<string, string> { ["Jobs:Role"] = "api", ["RateLimits:PermitsPerMinute"] = "10" };
        await using ApiProcess a = await ApiProcess.StartAsync(database.ConnectionString, settings);
        await using ApiProcess b = await ApiProcess.StartAsync(database.ConnectionString, settings);
        using HttpClient ca = a.Client(key);
        using HttpClient cb = b.Client(key);
        var answers = new List<(char Process, HttpStatusCode Status)>();
        var bodies = new List<string>();
        for (int i = 0; i < 20; i++)
        {
            HttpClient c = i % 2 == 0 ? ca : cb;
            using HttpResponseMessage r = await c.GetAsync(new Uri("/api/v1/policies", UriKind.Relative));
            answers.Add((i % 2 == 0 ? 'a' : 'b', r.StatusCode));
            bodies.Add($"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
            if (r.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(r.Headers.RetryAfter);
            }
        }

        int ok = answers.Count(x => x.Status == HttpStatusCode.OK);
        // One bucket of 10 a minute for the key, whichever process answers (a second's refill at most adds one).
        Assert.True(ok is >= 10 and <= 11, string.Join("\n", bodies) + a.Output);
        Assert.Equal(20 - ok, answers.Count(x => x.Status == HttpStatusCode.TooManyRequests));
        Assert.Contains(answers, x => x.Process == 'a' && x.Status == HttpStatusCode.OK);
        Assert.Contains(answers, x => x.Process == 'b' && x.Status == HttpStatusCode.OK);
        Assert.Contains(answers, x => x.Process == 'a' && x.Status == HttpStatusCode.TooManyRequests);
        Assert.Contains(answers, x => x.Process == 'b' && x.Status == HttpStatusCode.TooManyRequests);
    }
}
