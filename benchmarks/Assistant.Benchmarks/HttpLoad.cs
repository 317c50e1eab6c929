using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Assistant.Api;
using Assistant.Features.Corpus;
using Assistant.Features.Records;
using Assistant.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Benchmarks;

/// <summary>
/// A bounded HTTP load run against the real host on 127.0.0.1 (Kestrel, JSON logging off, a fresh
/// database with the seeds and the demo corpus): for each scenario, <c>--concurrency</c> clients send
/// requests back to back for <c>--seconds</c>; prints requests/s and p50/p95/p99. The floor measured in
/// the same run is <c>GET /health</c> (auth-free round trip plus a database ping).
/// <c>--hot</c> (issue 21) runs instead: an authenticated static answer of the /score answer's size (the floor),
/// <c>POST /score</c> with the largest reference table, the OpenAPI document and a tiny authenticated call;
/// it warms every scenario, then each again until the JIT has settled, and reports the methods the JIT
/// still compiled during each measured window (a window with large JIT time timed partly unoptimised code).
/// <c>dotnet run -c Release --project benchmarks/Assistant.Benchmarks -- http [--seconds 20] [--concurrency 8] [--hot] [--pretty]</c>
/// Since session 38 /score answers compact JSON by default and the floor serves those bytes; <c>--pretty</c> asks
/// /score for <c>?pretty=true</c> and serves the indented bytes as the floor (the form of every run before).
/// </summary>
internal static class HttpLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        int seconds = Arg(args, "--seconds", 20);
        int concurrency = Arg(args, "--concurrency", 8);
        bool hot = args.Contains("--hot");
        bool pretty = args.Contains("--pretty");
        bool verify = args.Contains("--verify");
        hot |= verify;
        string score = pretty ? "/api/v1/evaluations/score?pretty=true" : "/api/v1/evaluations/score";
        await using var database = new TestDatabase("benchhttp");
        await using WebApplication app = ApiHost.Build([
            "--urls", "http://127.0.0.1:0",
            "--ConnectionStrings:Assistant=" + database.ConnectionString,
            "--RateLimits:PermitsPerMinute=1000000",
            "--Logging:LogLevel:Default=Warning",
        ]);
        string[] tables = Directory.GetFiles(Path.Combine(RepoPaths.Shared, "reference"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        string largest = tables.MaxBy(t => Encoding.UTF8.GetByteCount(t))!;

        // The floor for /score (issue 21): a fixed answer of the same size behind the same authentication (and key cache), no work.
        // Since session 38 the bytes /score answers by default: the compact form (the floor shrinks with the answer).
        byte[] staticAnswer = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(
            Features.Evaluations.EvaluationService.Score(Features.Evaluations.EvaluationJson.Parse(largest)),
            new System.Text.Json.JsonSerializerOptions(Features.Evaluations.ScoreContract.JsonOptions) { WriteIndented = pretty }));
        if (hot)
        {
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/score's answer {(pretty ? "indented (--pretty)" : "compact (the API's default)")}: {staticAnswer.Length} bytes (the floor serves the same bytes)"));
        }

        app.MapGet("/bench/static", () => Results.Bytes(staticAnswer, "application/json; charset=utf-8"))
            .RequireAuthorization(Assistant.Api.Infrastructure.ApiSecurity.Reader);

        // The before of session 25's leases, measured in the same run: the same /score endpoint code
        // behind the same key, with the shared rate limit asked once per request (one database take,
        // as every /api request did before leases). Not under /api, so the leasing middleware skips it.
        app.MapPost("/bench/score-unleased", async Task<IResult> (HttpContext http, FluentValidation.IValidator<Domain.Evaluations.Evaluation> validator, Features.RateLimits.RateBucketStore buckets, CancellationToken ct) =>
        {
            string caller = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
            if (!(await buckets.TryTakeAsync("bench:" + caller, 1, 1_000_000, ct)).Allowed)
            {
                return Results.StatusCode(429);
            }

            return await Assistant.Api.Evaluations.EvaluationsApi.ScoreAsync(http.Request, validator, null, pretty ? "true" : null, ct);
        }).RequireAuthorization(Assistant.Api.Infrastructure.ApiSecurity.Reader);
        // --verify (session 41): POST /verify of ~3,000 characters against the 100-indicator table, the table kept by its content
        // key (PreparedVerifiers) and a new table every call (never kept), beside a static answer of the same bytes behind the same key.
        var verifyTable = Features.Evaluations.SyntheticTables.Project(100);
        string verifyText = VerificationBenchmarks.Text(Domain.Facts.FactSheet.Build(verifyTable), string.Empty);
        string verifyBody = new System.Text.Json.Nodes.JsonObject
        {
            ["evaluation"] = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new
            {
                kind = "project",
                title = verifyTable.Title,
                funds = new { unit = "万元", weight = "5.00", lines = verifyTable.Funds.Lines.Select(l => new { name = l.Name, parent = l.Parent, budget = l.Budget.ToString(), executed = l.Executed.ToString() }) },
                indicators = verifyTable.Indicators.Select(i => new { level1 = i.Level1, level2 = i.Level2, name = i.Name, unit = i.Unit, target = i.Target, actual = i.Actual, weight = i.Weight.ToString() }),
            })),
            ["text"] = verifyText,
        }.ToJsonString();
        // The same body with the title ending in a call number: a table never seen (the key differs; nothing else does).
        string title = "\"title\":" + System.Text.Json.JsonSerializer.Serialize(verifyTable.Title);
        int titleEnd = verifyBody.IndexOf(title, StringComparison.Ordinal) + title.Length - 1;
        string VerifyBodyNew(int i) => string.Concat(verifyBody.AsSpan(0, titleEnd), "第" + i.ToString(CultureInfo.InvariantCulture) + "稿", verifyBody.AsSpan(titleEnd));
        byte[] verifyAnswer = [];
        app.MapGet("/bench/static-verify", () => Results.Bytes(verifyAnswer, "application/json; charset=utf-8"))
            .RequireAuthorization(Assistant.Api.Infrastructure.ApiSecurity.Reader);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var corpus = app.Services.GetRequiredService<CorpusStore>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "seeds")).Concat(Directory.GetFiles(Path.Combine(RepoPaths.Repo, "samples", "corpus"))))
        {
            await corpus.IngestAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file));
        }

        await corpus.AnalyzeAsync();
        string key = (await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRoles.Admin, "压测单位", "load")).Key;

        // One key per client, so the per-key rate limit (at most 1,000,000 a minute) stays out of the way.
        var keys = new string[concurrency];
        for (int k = 0; k < concurrency; k++)
        {
            keys[k] = (await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRoles.Admin, "压测单位", "load " + k)).Key;
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        var ids = new List<string>();
        foreach (string t in tables)
        {
            using HttpResponseMessage r = await http.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), new StringContent(t, Encoding.UTF8, "application/json"));
            string body = await r.Content.ReadAsStringAsync();
            ids.Add(body.Split("\"id\": \"")[1].Split('"')[0]);
        }

        if (verify)
        {
            using HttpResponseMessage v = await http.PostAsync(new Uri("/api/v1/verify", UriKind.Relative), new StringContent(verifyBody, Encoding.UTF8, "application/json"));
            verifyAnswer = await v.Content.ReadAsByteArrayAsync();
            using HttpResponseMessage v2 = await http.PostAsync(new Uri("/api/v1/verify", UriKind.Relative), new StringContent(VerifyBodyNew(0), Encoding.UTF8, "application/json"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"/verify: request {Encoding.UTF8.GetByteCount(verifyBody)} bytes, answer {verifyAnswer.Length} bytes ({(int)v.StatusCode}; a new table {(int)v2.StatusCode}); the floor serves the same answer bytes"));
        }

        int call = 0;
        string[] queries = ["见习岗位不足的原因", "预算执行率偏低 资金结余", "公益性岗位补贴人员减少", "创业担保贷款贴息 未完成", "加快预算执行进度 改进措施", "培训人数未完成的原因"];
        var scenarios = verify ? new (string Name, Func<int, HttpRequestMessage> Make)[]
        {
            ("floor: GET static answer (same bytes as the /verify answer), key required", _ => new HttpRequestMessage(HttpMethod.Get, "/bench/static-verify")),
            ("POST /api/v1/verify, ~3,000 characters, the same 100-indicator table every call (kept by its content key)", _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/verify") { Content = new StringContent(verifyBody, Encoding.UTF8, "application/json") }),
            ("POST /api/v1/verify, the same text, a new table every call (title numbered; never kept: the before, plus the key)", _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/verify") { Content = new StringContent(VerifyBodyNew(Interlocked.Increment(ref call)), Encoding.UTF8, "application/json") }),
            ("POST /api/v1/verify, the same table every call, again (after the new tables, so order favours neither)", _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/verify") { Content = new StringContent(verifyBody, Encoding.UTF8, "application/json") }),
        }
        : hot ? new (string Name, Func<int, HttpRequestMessage> Make)[]
        {
            ("floor: GET static answer (same bytes as the /score answer), key required", _ => new HttpRequestMessage(HttpMethod.Get, "/bench/static")),
            ("POST /api/v1/evaluations/score (largest reference table)", _ => new HttpRequestMessage(HttpMethod.Post, score) { Content = new StringContent(largest, Encoding.UTF8, "application/json") }),
            ("before: the same /score code with one rate-limit take in PostgreSQL per request (no leases)", _ => new HttpRequestMessage(HttpMethod.Post, "/bench/score-unleased") { Content = new StringContent(largest, Encoding.UTF8, "application/json") }),
            ("POST /api/v1/evaluations/score again (after the before, so order favours neither)", _ => new HttpRequestMessage(HttpMethod.Post, score) { Content = new StringContent(largest, Encoding.UTF8, "application/json") }),
            ("GET /openapi/v1.json (no key)", _ => new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json")),
            ("GET /api/v1/policies (key, tiny answer)", _ => new HttpRequestMessage(HttpMethod.Get, "/api/v1/policies")),
        }
        : new (string Name, Func<int, HttpRequestMessage> Make)[]
        {
            ("floor: GET /health", _ => new HttpRequestMessage(HttpMethod.Get, "/health")),
            ("POST /api/v1/evaluations/score", i => new HttpRequestMessage(HttpMethod.Post, score) { Content = new StringContent(tables[i % tables.Length], Encoding.UTF8, "application/json") }),
            ("GET /api/v1/corpus/search (hybrid, top 5)", i => new HttpRequestMessage(HttpMethod.Get, "/api/v1/corpus/search?top=5&q=" + Uri.EscapeDataString(queries[i % queries.Length]))),
            ("POST /api/v1/evaluations/{id}/drafts (offline, stored)", i => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/evaluations/{ids[i % ids.Count]}/drafts") { Content = new StringContent("{\"section\":\"deviation\",\"provider\":\"offline\"}", Encoding.UTF8, "application/json") }),
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HTTP load on {address}: {concurrency} concurrent clients, {seconds} s per scenario, {Environment.ProcessorCount} cores"));
        Console.WriteLine("| scenario | requests | errors | req/s | p50 ms | p95 ms | p99 ms | CPU ms/request (this process: client + server) | PostgreSQL CPU ms/request (BENCH_PG_PID) | methods jitted · JIT ms during the run |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        if (hot)
        {
            // --hot: every scenario warms up (as long as it runs) before any is measured — on a loaded
            // 2-core machine tiered compilation of the scoring path outlasts a short warm-up, and a third
            // of a /score run measured right after its own 3 s warm-up was the JIT.
            foreach (var (name, make) in scenarios)
            {
                await RunScenarioAsync(http, keys, make, Math.Max(3, seconds), concurrency, warmup: true, name);
            }

            // Then until the JIT has settled (session 29): on a loaded machine the runtime's background
            // tier-up (instrumented code → optimised code) can still be working through the scoring path
            // a minute in, and a window measured meanwhile times partly unoptimised code (perf showed the
            // answer writer and the calculator still "[InstrumentedTier]" in the first measured /score
            // window). Each scenario again in 2 s slices, until a slice compiles at most a few methods
            // (the whole process's count) or 30 s have passed; the measured windows report what the JIT
            // still did during them.
            foreach (var (name, make) in scenarios)
            {
                for (int slice = 0; slice < 15; slice++)
                {
                    long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                    await RunScenarioAsync(http, keys, make, 2, concurrency, warmup: true, name);
                    if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled <= SettledMethods)
                    {
                        break;
                    }
                }
            }

            foreach (var (name, make) in scenarios)
            {
                await RunScenarioAsync(http, keys, make, seconds, concurrency, warmup: false, name);
            }
        }
        else
        {
            foreach (var (name, make) in scenarios)
            {
                await RunScenarioAsync(http, keys, make, Math.Min(3, seconds), concurrency, warmup: true, name);
                await RunScenarioAsync(http, keys, make, seconds, concurrency, warmup: false, name);
            }
        }

        await app.StopAsync();
        return 0;
    }

    private static async Task RunScenarioAsync(HttpClient http, string[] keys, Func<int, HttpRequestMessage> make, int seconds, int concurrency, bool warmup, string name)
    {
        var times = new List<double>[concurrency];
        int errors = 0;
        int counter = 0;
        var clock = Stopwatch.StartNew();
        var stop = TimeSpan.FromSeconds(seconds);
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        TimeSpan jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        double pgBefore = PostgresCpuSeconds();
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            times[w] = [];
            while (clock.Elapsed < stop)
            {
                int i = Interlocked.Increment(ref counter);
                using HttpRequestMessage request = make(i);
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", keys[w]);
                long start = Stopwatch.GetTimestamp();
                using HttpResponseMessage response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                times[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        double elapsed = clock.Elapsed.TotalSeconds;
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        double pgMs = (PostgresCpuSeconds() - pgBefore) * 1000;
        long jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jittedBefore;
        double jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
        if (warmup)
        {
            return;
        }

        var all = times.SelectMany(t => t).Order().ToList();
        double P(double p) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {all.Count} | {errors} | {all.Count / elapsed:0.0} | {P(0.50):0.0} | {P(0.95):0.0} | {P(0.99):0.0} | {cpuMs / all.Count:0.000} | {pgMs / all.Count:0.000} | {jitted} · {jitMs:0} |"));
    }

    /// <summary>
    /// CPU seconds used so far by the PostgreSQL server whose postmaster is <c>BENCH_PG_PID</c> and its
    /// backends (from /proc; 0 when unset): the rate-limit store's share of a request, which the
    /// process's own CPU time does not show.
    /// </summary>
    private static double PostgresCpuSeconds()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("BENCH_PG_PID"), out int postmaster))
        {
            return 0;
        }

        long ticks = 0;
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                string[] f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                int pid = int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                if (pid == postmaster || int.Parse(f[1], CultureInfo.InvariantCulture) == postmaster)
                {
                    ticks += long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                // Not a process, or it ended.
            }
        }

        return ticks / 100.0;
    }

    /// <summary>A warm-up slice that compiles at most this many methods (the whole process) counts as settled.</summary>
    private const int SettledMethods = 5;

    private static int Arg(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);
}
