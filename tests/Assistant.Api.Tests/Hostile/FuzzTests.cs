using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Assistant.Api.Tests.Hostile;

/// <summary>A host whose rate limit does not get in the fuzzer's way.</summary>
public sealed class FuzzFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:PermitsPerMinute"] = "1000000",
    };
}

/// <summary>
/// Generated bodies, files, query strings and Accept headers against every endpoint: no response may
/// be a 5xx, take longer than 2 s, or be an error without a body. <c>FUZZ_CASES</c> sets the number of
/// cases (default 300; the full run is 10000), <c>FUZZ_SEED</c> the seed.
/// </summary>
public sealed class FuzzTests(FuzzFactory factory, ITestOutputHelper output) : IClassFixture<FuzzFactory>
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task EveryEndpoint_HostileInput_NoServerErrorNoSlowAnswer()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), CultureInfo.InvariantCulture, out int n) ? n : 300;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out int s) ? s : 20;
        var random = new Random(seed);
        HttpClient client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        string[] tables = Shared.Tables.Select(t => File.ReadAllText(Shared.Reference(t))).ToArray();

        // Something to point at: a stored evaluation, a draft, a conversation, a report.
        string evaluationId = await IdAsync(client, HttpMethod.Post, "/api/v1/evaluations", tables[2]);
        string draftId = await IdAsync(client, HttpMethod.Post, $"/api/v1/evaluations/{evaluationId}/drafts", "{\"section\":\"deviation\"}");
        string conversationId = await IdAsync(client, HttpMethod.Post, "/api/v1/conversations", $"{{\"evaluationId\":\"{evaluationId}\"}}");
        byte[] report = await File.ReadAllBytesAsync(Directory.GetFiles(Path.Combine(Assistant.Testing.RepoPaths.Repo, "samples", "corpus"))[0]);
        string reportId = await IdAsync(client, HttpMethod.Post, "/api/v1/corpus/reports?fileName=r.md", report);

        var failures = new List<string>();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        void Kind(HttpRequestMessage r, string what)
        {
            string path = System.Text.RegularExpressions.Regex.Replace(r.RequestUri!.OriginalString.Split('?')[0], "[0-9a-f]{8}-[0-9a-f-]{27}|not-a-guid|/-?[0-9]+/", "{x}");
            string key = $"{what} {r.Method} {path}";
            kinds[key] = kinds.GetValueOrDefault(key) + 1;
        }

        var statuses = new Dictionary<int, int>();
        TimeSpan slowest = TimeSpan.Zero;
        for (int i = 0; i < cases; i++)
        {
            using HttpRequestMessage request = Make(random, tables, evaluationId, draftId, conversationId, reportId, report);
            string accept = HostileInput.Accepts[random.Next(HostileInput.Accepts.Length)];
            if (accept.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            string what = $"#{i} {request.Method} {request.RequestUri} Accept={accept}";
            var clock = Stopwatch.StartNew();
            HttpStatusCode status;
            string body;
            try
            {
                using HttpResponseMessage response = await client.SendAsync(request);
                body = await response.Content.ReadAsStringAsync();
                status = response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                failures.Add($"{what}: {e.GetType().Name} {e.Message}");
                Kind(request, e.GetType().Name);
                continue;
            }

            clock.Stop();
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            statuses[(int)status] = statuses.GetValueOrDefault((int)status) + 1;
            if ((int)status >= 500)
            {
                failures.Add($"{what}: {(int)status} {Cap(body)}");
                Kind(request, ((int)status).ToString(CultureInfo.InvariantCulture));
            }
            else if ((int)status >= 400 && body.Length == 0)
            {
                failures.Add($"{what}: {(int)status} with an empty body");
                Kind(request, $"{(int)status}-empty");
            }
            else if (clock.Elapsed > Budget)
            {
                failures.Add($"{what}: {(int)status} took {clock.Elapsed.TotalMilliseconds:F0} ms");
                Kind(request, "slow");
            }
        }

        output.WriteLine($"{cases} cases, seed {seed}; slowest {slowest.TotalMilliseconds:F0} ms; statuses "
            + string.Join(", ", statuses.OrderBy(k => k.Key).Select(k => $"{k.Key}×{k.Value}")));
        foreach (var kind in kinds.OrderByDescending(k => k.Value))
        {
            output.WriteLine($"{kind.Value,6} × {kind.Key}");
        }

        foreach (string f in failures.Take(40))
        {
            output.WriteLine(f);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} failed; first: {string.Join(" | ", failures.Take(5))}");
    }

    private static HttpRequestMessage Make(Random random, string[] tables, string evaluationId, string draftId, string conversationId, string reportId, byte[] report)
    {
        string table = tables[random.Next(tables.Length)];
        string Mutated() => random.Next(8) == 0 ? Encoding.UTF8.GetString(HostileInput.Garbage(random)) : HostileInput.MutateJson(table, random);
        string Literal() => HostileInput.Literals[random.Next(HostileInput.Literals.Length)];
        string Q() => Uri.EscapeDataString(HostileInput.QueryValues[random.Next(HostileInput.QueryValues.Length)]);
        string Id(string real) => random.Next(5) switch { 0 => Guid.NewGuid().ToString(), 1 => "not-a-guid", _ => real };
        string Index() => random.Next(4) switch { 0 => "-1", 1 => "999999", 2 => "2147483647", _ => random.Next(12).ToString(CultureInfo.InvariantCulture) };

        switch (random.Next(20))
        {
            case 0:
                return Post($"/api/v1/evaluations/score{(random.Next(3) == 0 ? "?policy=" + Q() : string.Empty)}", Mutated());
            case 1:
                return Post("/api/v1/evaluations/facts", Mutated());
            case 2:
            case 3:
                return Post("/api/v1/verify", random.Next(3) == 0
                    ? Encoding.UTF8.GetString(HostileInput.Garbage(random))
                    : $"{{\"evaluation\":{(random.Next(2) == 0 ? table : Mutated())},\"text\":{Literal()}}}");
            case 4:
                var store = Post("/api/v1/evaluations", Mutated());
                store.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(3) == 0 ? Uri.UnescapeDataString(Q()) : Guid.NewGuid().ToString());
                return store;
            case 5:
                return Get(random.Next(3) switch
                {
                    0 => "/api/v1/evaluations?limit=" + Q(),
                    1 => "/api/v1/evaluations/" + Id(evaluationId),
                    _ => "/api/v1/policies",
                });
            case 6:
                var draft = Post($"/api/v1/evaluations/{Id(evaluationId)}/drafts",
                    random.Next(2) == 0 ? Encoding.UTF8.GetString(HostileInput.Garbage(random)) : $"{{\"section\":{Literal()},\"provider\":\"offline\",\"sourcesPerItem\":{random.Next(12)}}}");
                draft.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
                return draft;
            case 7:
                return Get(random.Next(2) == 0 ? $"/api/v1/evaluations/{Id(evaluationId)}/drafts" : $"/api/v1/drafts/{Id(draftId)}");
            case 8:
                return Post("/api/v1/conversations", random.Next(2) == 0 ? $"{{\"evaluationId\":{Literal()}}}" : $"{{\"evaluationId\":\"{Id(evaluationId)}\",\"title\":{Literal()}}}");
            case 9:
                return Get(random.Next(2) == 0 ? "/api/v1/conversations?evaluationId=" + Q() + "&limit=" + Q() : "/api/v1/conversations/" + Id(conversationId));
            case 10:
            case 11:
                return Post($"/api/v1/conversations/{Id(conversationId)}/messages",
                    random.Next(4) == 0 ? Encoding.UTF8.GetString(HostileInput.Garbage(random)) : $"{{\"content\":{Literal()},\"provider\":\"offline\"}}");
            case 12:
                return Get($"/api/v1/evaluations/{Id(evaluationId)}/indicators/{Index()}/explanation?cases=" + Q());
            case 13:
            case 14:
                string Maybe(string name, string[] good) => random.Next(3) switch
                {
                    0 => string.Empty,
                    1 => $"&{name}={Q()}",
                    _ => $"&{name}={Uri.EscapeDataString(good[random.Next(good.Length)])}",
                };
                return Get($"/api/v1/corpus/search?q={Q()}" + Maybe("top", ["1", "5", "50"]) + Maybe("section", ["deviation-reason", "funds", "other"])
                    + Maybe("fund", ["就业"]) + Maybe("region", ["县"]) + Maybe("year", ["2024"]) + Maybe("mode", ["hybrid", "vector", "lexical"]));
            case 15:
                return Get(random.Next(2) == 0 ? "/api/v1/corpus/reports" : "/api/v1/corpus/reports/" + Id(reportId));
            case 16:
                var upload = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/corpus/reports", UriKind.Relative))
                {
                    Content = HostileInput.BrokenMultipart(random, Bytes(random, report)),
                };
                return upload;
            case 17:
                return new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/corpus/reports?fileName={Uri.EscapeDataString(HostileInput.FileNames[random.Next(HostileInput.FileNames.Length)])}&year={Q()}&region={Q()}", UriKind.Relative))
                {
                    Content = new ByteArrayContent(Bytes(random, report)),
                };
            case 18:
                return Get(random.Next(2) == 0 ? "/api/v1/nothing-here" : "/api/v1/evaluations/" + Id(evaluationId) + "/indicators/x/explanation");
            default:
                return new HttpRequestMessage(random.Next(2) == 0 ? HttpMethod.Put : HttpMethod.Delete, new Uri("/api/v1/evaluations/" + evaluationId, UriKind.Relative));
        }
    }

    /// <summary>The report with bytes flipped, cut, NULs inserted, or replaced by noise.</summary>
    private static byte[] Bytes(Random random, byte[] report)
    {
        byte[] copy = (byte[])report.Clone();
        switch (random.Next(5))
        {
            case 0:
                for (int k = 0; k < 20; k++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                return copy;
            case 1:
                return copy[..random.Next(copy.Length)];
            case 2:
                string text = Encoding.UTF8.GetString(report);
                return Encoding.UTF8.GetBytes(text.Insert(random.Next(text.Length), "\0\0") + "\ud800<b>x</b>");
            case 3:
                return [(byte)'P', (byte)'K', 3, 4, .. copy[..Math.Min(copy.Length, 200)]];
            default:
                return copy;
        }
    }

    private static HttpRequestMessage Post(string path, string body) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(path, UriKind.Relative));

    private static async Task<string> IdAsync(HttpClient client, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = body is byte[] b ? new ByteArrayContent(b) : new StringContent((string)body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using HttpResponseMessage response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        JsonNode node = JsonNode.Parse(text)!;
        return (string)(node["id"] ?? node["documentId"])!;
    }

    private static string Cap(string s) => s.Length > 300 ? s[..300] : s;
}
