using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Api;
using Assistant.Domain.Evaluations;
using Assistant.Features.Batches;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>
/// A bounded end-to-end run of batch checking: <c>--count</c> generated submissions (an .xlsx table and
/// its report text each, varied from the reference tables, four in five with an injected error) in one
/// .zip, uploaded over HTTP to the real host on 127.0.0.1 (Kestrel, Hangfire on PostgreSQL, role all)
/// and checked by <c>--workers</c> workers; prints documents per second and where the time goes.
/// <c>dotnet run -c Release --project benchmarks/Assistant.Benchmarks -- batch [--count 1000] [--workers 4] [--chunk 8]</c>
/// </summary>
internal static class BatchLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        int count = Arg(args, "--count", 1000);
        int workers = Arg(args, "--workers", 4);
        int chunk = Arg(args, "--chunk", 8);
        var generate = Stopwatch.StartNew();
        Evaluation[] bases = [.. Directory.GetFiles(Path.Combine(RepoPaths.Shared, "reference"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => EvaluationJson.Parse(File.ReadAllText(f))).Where(e => e.Kind == EvaluationKind.Project), SyntheticTables.Project(12, 3), SyntheticTables.Project(20, 5)];
        byte[] zip = Zip(bases, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {count} submissions ({zip.Length / 1024} KB zip) in {generate.Elapsed.TotalSeconds:0.0} s (not counted)"));

        await using var database = new TestDatabase("benchbatch");
        await using WebApplication app = ApiHost.Build([
            "--urls", "http://127.0.0.1:0",
            "--ConnectionStrings:Assistant=" + database.ConnectionString,
            "--RateLimits:PermitsPerMinute=1000000",
            "--Logging:LogLevel:Default=Warning",
            "--Jobs:Role=all",
            $"--Jobs:Workers={workers}",
            $"--Jobs:BatchChunk={chunk}",
            "--Jobs:QueuePollMilliseconds=200",
        ]);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        string key = (await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRoles.Admin, "压测财政局", "load")).Key;
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        var total = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(zip), "files", "batch.zip" } };
        using HttpResponseMessage created = await http.PostAsync(new Uri("/api/v1/batches", UriKind.Relative), form);
        created.EnsureSuccessStatusCode();
        double uploadSeconds = total.Elapsed.TotalSeconds;
        Guid job = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        JsonElement status;
        while (true)
        {
            status = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/jobs/{job}", UriKind.Relative));
            if (status.GetProperty("state").GetString() is "succeeded" or "failed")
            {
                break;
            }

            await Task.Delay(100);
        }

        double seconds = total.Elapsed.TotalSeconds;
        double processing = seconds - uploadSeconds;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT count(*), sum(import_ms), sum(score_ms), sum(verify_ms), sum(store_ms), count(*) FILTER (WHERE completions = 1), count(*) FILTER (WHERE status = 'failed') FROM batch_items WHERE job_id = @job", connection);
        cmd.Parameters.AddWithValue("job", job);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        long n = r.GetInt64(0);
        double import = r.GetInt64(1), score = r.GetInt64(2), verify = r.GetInt64(3), store = r.GetInt64(4);
        long once = r.GetInt64(5), failed = r.GetInt64(6);
        double busy = processing * workers * 1000;
        double queue = Math.Max(0, busy - import - score - verify - store);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"checked {n} submissions ({status.GetProperty("done").GetInt32()} done, {failed} failed, {once} completed exactly once) with {workers} workers, chunk {chunk}, on {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(c, $"end to end {seconds:0.0} s = {n / seconds:0.0} documents/s (upload, unzip, pair, store, enqueue {uploadSeconds:0.0} s; checking {processing:0.0} s = {n / processing:0.0} documents/s)"));
        Console.WriteLine("where the time goes (per document, mean over all; worker time = checking wall time x workers):");
        foreach (var (name, ms) in new[] { ("import (xlsx + report text)", import), ("score + reviewer criteria", score), ("verify report + risk", verify), ("store (evaluations, item, counters, lock)", store), ("queue and other overhead", queue) })
        {
            Console.WriteLine(string.Create(c, $"  {name,-44} {ms / n,8:0.0} ms  {100 * ms / busy,5:0.0} %"));
        }

        await app.StopAsync();
        return once == n && n == count ? 0 : 1;
    }

    private static byte[] Zip(Evaluation[] bases, int count)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (int i = 0; i < count; i++)
            {
                SyntheticSubmission s = SyntheticSubmissions.Make(bases[i % bases.Length], i);
                string folder = s.Name;
                using (Stream t = zip.CreateEntry($"{folder}/自评表.xlsx").Open())
                {
                    t.Write(s.Table);
                }

                using Stream rep = zip.CreateEntry($"{folder}/自评报告.txt").Open();
                rep.Write(Encoding.UTF8.GetBytes(s.Report));
            }
        }

        return ms.ToArray();
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : fallback;
    }
}
