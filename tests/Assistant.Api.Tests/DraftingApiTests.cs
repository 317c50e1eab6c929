using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Drafting;
using Assistant.Features.Records;
using Microsoft.Extensions.AI;
using Npgsql;

namespace Assistant.Api.Tests;

/// <summary>
/// The drafting API on real PostgreSQL with a scripted model: wrong numbers are repaired or masked,
/// failures fall back to the offline drafter, units never see each other, retries never duplicate.
/// </summary>
public class DraftingApiTests(ModelApiFactory factory) : IClassFixture<ModelApiFactory>
{
    private const string Table = "zhongwei-2024-internship-subsidy";

    /// <summary>A draft that names every item of the internship table and writes numbers as fact references.</summary>
    private const string GoodDraft = """
        三、偏离绩效目标的原因和下一步改进措施
        （一）偏离绩效目标的原因
        1. 年度资金总额预算执行率{{fact:funds.lines[0].rate}}，主要是资金下达较晚。
        2. 机关事业单位实习生数量实际完成{{fact:indicators[0].actual}}，完成率{{fact:indicators[0].completion}}，主要是岗位不足。
        3. 参加就业见习人员数量实际完成{{fact:indicators[1].actual}}，部分青年见习意愿下降。
        4. 实习及见习人员生活补助及意外伤害险完成{{fact:indicators[4].actual}}，见习人数不足导致支出减少。
        （二）下一步改进措施
        1. 拓展见习岗位，加强与上级财政部门沟通对接。
        """;

    private static readonly string BadDraft = GoodDraft.Replace("完成率{{fact:indicators[0].completion}}", "完成率96.00%", StringComparison.Ordinal);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<Guid> StoreAsync(HttpClient client, string table = Table)
    {
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), Json(await File.ReadAllTextAsync(Shared.Reference(table))));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        JsonNode body = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        Assert.Equal("85.92", (string?)body["score"]!["total"]);
        return Guid.Parse((string)body["id"]!);
    }

    private static async Task<(HttpResponseMessage Response, JsonNode Body)> DraftAsync(HttpClient client, Guid evaluation, string body = "{}", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/evaluations/{evaluation}/drafts", UriKind.Relative)) { Content = Json(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        HttpResponseMessage response = await client.SendAsync(request);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task ModelWritesAWrongNumber_RepairRoundFixesIt_DraftIsVerified()
    {
        var model = new FakeChat(FakeChat.Says(BadDraft), FakeChat.Says(GoodDraft));
        factory.Chat.Current = model;
        using HttpClient client = factory.CreateClient();
        Guid id = await StoreAsync(client);

        var (response, body) = await DraftAsync(client, id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        JsonNode draft = body["draft"]!;
        Assert.Equal("verified", (string?)draft["status"]);
        Assert.Equal(1, (int)draft["repairs"]!);
        Assert.DoesNotContain("96.00%", (string)draft["text"]!, StringComparison.Ordinal);
        Assert.Contains("完成率58.00%", (string)draft["text"]!, StringComparison.Ordinal);
        Assert.Equal(0, (int)draft["verification"]!["summary"]!["unverified"]!);
        Assert.Equal(0, (int)draft["verification"]!["summary"]!["contradicted"]!);
        Assert.Equal("fake", (string?)draft["model"]!["provider"]);
        Assert.Null(draft["model"]!["fallback"]);
        Assert.Equal("deviation-section", (string?)draft["prompt"]!["name"]);

        // The repair prompt carried the verifier's complaint about the wrong number.
        string repairPrompt = model.Calls[1].Last().Text;
        Assert.Contains("96.00%", repairPrompt, StringComparison.Ordinal);
        Assert.Contains("{{fact:indicators[0].completion}}", repairPrompt.Replace("完成率96.00%", string.Empty, StringComparison.Ordinal) + GoodDraft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelKeepsAWrongNumber_AfterTwoRepairs_ItIsMasked_AndTheDraftNeedsReview()
    {
        var model = new FakeChat(FakeChat.Says(BadDraft + "往年某地完成1200人。"));
        factory.Chat.Current = model;
        using HttpClient client = factory.CreateClient();
        Guid id = await StoreAsync(client);

        var (response, body) = await DraftAsync(client, id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        JsonNode draft = body["draft"]!;
        Assert.Equal("needs-review", (string?)draft["status"]);
        Assert.Equal(2, (int)draft["repairs"]!);
        Assert.Equal(3, model.Calls.Count);
        string text = (string)draft["text"]!;
        Assert.DoesNotContain("96.00%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1200", text, StringComparison.Ordinal);
        Assert.Contains("【待核实】", text, StringComparison.Ordinal);
        var masked = draft["masked"]!.AsArray().Select(m => (string)m!["original"]!).ToList();
        Assert.Contains(masked, m => m.Contains("96.00%", StringComparison.Ordinal));
        Assert.Contains(masked, m => m.Contains("1200", StringComparison.Ordinal));
        Assert.Equal(0, (int)draft["verification"]!["summary"]!["unverified"]!);

        // What was returned is what was stored.
        using HttpResponseMessage stored = await client.GetAsync(new Uri($"/api/v1/drafts/{(string)body["id"]!}", UriKind.Relative));
        Assert.Equal(text, (string)JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["draft"]!["text"]!);
    }

    [Fact]
    public async Task ModelThatErrors_FallsBackToOffline_AndSaysSo()
    {
        factory.Chat.Current = new FakeChat(FakeChat.Throws(new HttpRequestException("connection refused")));
        using HttpClient client = factory.CreateClient();
        Guid id = await StoreAsync(client);

        var (_, body) = await DraftAsync(client, id);

        JsonNode draft = body["draft"]!;
        Assert.Equal("offline", (string?)draft["model"]!["provider"]);
        Assert.Equal("fake", (string?)draft["model"]!["fallback"]!["provider"]);
        Assert.Contains("connection refused", (string)draft["model"]!["fallback"]!["error"]!, StringComparison.Ordinal);
        Assert.Equal("verified", (string?)draft["status"]);
        Assert.Empty(draft["uncovered"]!.AsArray());
    }

    [Fact]
    public async Task ModelThatTimesOut_IsRetriedThenFallsBackToOffline()
    {
        await using FakeOpenAIServer hanging = await FakeOpenAIServer.StartAsync();
        hanging.Hang = TimeSpan.FromSeconds(30);
        await using var model = ModelServices.Build(new Dictionary<string, string?>
        {
            ["Drafting:Provider"] = "openai", ["Drafting:Endpoint"] = hanging.OpenAIEndpoint.ToString(), ["Drafting:Model"] = "slow",
            ["Drafting:ApiKey"] = hanging.Key, ["Drafting:TimeoutSeconds"] = "1", ["Drafting:Retries"] = "1",
        });
        factory.Chat.Current = model.Chat();
        using HttpClient client = factory.CreateClient();
        Guid id = await StoreAsync(client);

        var (_, body) = await DraftAsync(client, id);

        JsonNode draft = body["draft"]!;
        Assert.Equal(2, hanging.Requests.Count);
        Assert.Equal("offline", (string?)draft["model"]!["provider"]);
        Assert.Equal("openai", (string?)draft["model"]!["fallback"]!["provider"]);
        Assert.Contains("Timeout", (string)draft["model"]!["fallback"]!["error"]!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("verified", (string?)draft["status"]);
    }

    [Fact]
    public async Task AnotherUnitsKey_Gets404OnEverything_AndSeesNothingInLists()
    {
        factory.Chat.Current = new OfflineDrafter();
        using HttpClient first = factory.ClientFor(ApiRoles.Drafter, "中卫市人社局");
        using HttpClient second = factory.ClientFor(ApiRoles.Admin, "河池市人社局");
        Guid id = await StoreAsync(first);
        var (_, draft) = await DraftAsync(first, id);
        string draftId = (string)draft["id"]!;

        foreach (string path in new[] { $"/api/v1/evaluations/{id}", $"/api/v1/drafts/{draftId}", $"/api/v1/evaluations/{id}/drafts" })
        {
            using HttpResponseMessage r = await second.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Contains("Not found", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (post, _) = await DraftAsync(second, id);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        string list = await second.GetStringAsync(new Uri("/api/v1/evaluations", UriKind.Relative));
        Assert.DoesNotContain(id.ToString(), list, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), await first.GetStringAsync(new Uri("/api/v1/evaluations", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriedPost_WithTheSameIdempotencyKey_ReturnsTheSameDraft_AndStoresOne()
    {
        factory.Chat.Current = new OfflineDrafter();
        using HttpClient client = factory.ClientFor(ApiRoles.Drafter, "幂等单位");
        Guid id = await StoreAsync(client);
        string key = Guid.NewGuid().ToString();

        var (first, a) = await DraftAsync(client, id, """{"section":"deviation"}""", key);
        var (second, b) = await DraftAsync(client, id, """{"section":"deviation"}""", key);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DraftAsync(client, id, """{"section":"deviation"}""", key)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string)a["id"]!, (string)b["id"]!);
        Assert.All(concurrent, c => Assert.Equal((string)a["id"]!, (string)c.Body["id"]!));
        Assert.Equal((string)a["draft"]!["text"]!, (string)b["draft"]!["text"]!);
        var versions = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/v1/evaluations/{id}/drafts", UriKind.Relative)))!.AsArray();
        Assert.Single(versions);

        // The same key for a different request is refused, and stores nothing.
        var (reused, problem) = await DraftAsync(client, id, """{"section":"improvement-measures"}""", key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.NotNull(problem["errors"]!["Idempotency-Key"]);
        Assert.Single(JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/v1/evaluations/{id}/drafts", UriKind.Relative)))!.AsArray());
    }

    [Fact]
    public async Task RetriedEvaluationPost_WithTheSameKey_ReturnsTheSameId()
    {
        using HttpClient client = factory.ClientFor(ApiRoles.Drafter, "幂等单位二");
        string json = await File.ReadAllTextAsync(Shared.Reference(Table));
        async Task<HttpResponseMessage> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/evaluations", UriKind.Relative)) { Content = Json(json) };
            request.Headers.Add("Idempotency-Key", "eval-1");
            return await client.SendAsync(request);
        }

        using HttpResponseMessage a = await Post();
        using HttpResponseMessage b = await Post();
        Assert.Equal((string)JsonNode.Parse(await a.Content.ReadAsStringAsync())!["id"]!, (string)JsonNode.Parse(await b.Content.ReadAsStringAsync())!["id"]!);
        Assert.Single(JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/evaluations", UriKind.Relative)))!.AsArray());
    }

    [Fact]
    public async Task EachDraftIsANewVersion_AndStoredDraftsCannotBeOverwritten()
    {
        factory.Chat.Current = new OfflineDrafter();
        using HttpClient client = factory.ClientFor(ApiRoles.Drafter, "版本单位");
        Guid id = await StoreAsync(client);
        var (_, v1) = await DraftAsync(client, id);
        var (_, v2) = await DraftAsync(client, id);
        var (_, m1) = await DraftAsync(client, id, """{"section":"improvement-measures"}""");

        Assert.Equal(1, (int)v1["version"]!);
        Assert.Equal(2, (int)v2["version"]!);
        Assert.Equal(1, (int)m1["version"]!);
        Assert.NotEqual((string)v1["id"]!, (string)v2["id"]!);

        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE drafts SET status = 'verified' WHERE id = $1", connection);
        update.Parameters.AddWithValue(Guid.Parse((string)v1["id"]!));
        var error = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        Assert.Contains("never overwritten", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_AreRequired_AndRolesAreEnforced_InChineseAndEnglish()
    {
        using HttpClient anonymous = factory.AnonymousClient();
        using HttpResponseMessage noKey = await anonymous.GetAsync(new Uri("/api/v1/evaluations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        string problem = await noKey.Content.ReadAsStringAsync();
        Assert.Contains("API 密钥", problem, StringComparison.Ordinal);
        Assert.Contains("API key", problem, StringComparison.Ordinal);

        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "ak_nothere_abc");
        using HttpResponseMessage badKey = await anonymous.GetAsync(new Uri("/api/v1/evaluations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, badKey.StatusCode);

        using HttpClient reviewer = factory.ClientFor(ApiRoles.Reviewer, "审阅单位");
        using HttpResponseMessage forbidden = await reviewer.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), Json(await File.ReadAllTextAsync(Shared.Reference(Table))));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("reviewer", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage read = await reviewer.GetAsync(new Uri("/api/v1/evaluations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        // Health and the OpenAPI document stay open; the document lists the drafting endpoints.
        Assert.Equal(HttpStatusCode.OK, (await factory.AnonymousClient().GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        string openApi = await factory.AnonymousClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/api/v1/evaluations/{id}/drafts", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/drafts/{id}", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadBodies_Get400_NamingTheField()
    {
        using HttpClient client = factory.CreateClient();
        Guid id = await StoreAsync(client);

        var (r1, p1) = await DraftAsync(client, id, """{"section":"everything","sourcesPerItem":99}""");
        Assert.Equal(HttpStatusCode.BadRequest, r1.StatusCode);
        Assert.Contains("deviation-reasons", (string)p1["errors"]!["section"]![0]!, StringComparison.Ordinal);
        Assert.Contains("0到10", (string)p1["errors"]!["sourcesPerItem"]![0]!, StringComparison.Ordinal);

        var (r2, p2) = await DraftAsync(client, id, """{"section": 5""");
        Assert.Equal(HttpStatusCode.BadRequest, r2.StatusCode);
        Assert.NotNull(p2["errors"]);

        var (r3, _) = await DraftAsync(client, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, r3.StatusCode);

        var (r4, p4) = await DraftAsync(client, id, """{"provider":"model"}""", new string('x', 300));
        Assert.Equal(HttpStatusCode.BadRequest, r4.StatusCode);
        Assert.NotNull(p4["errors"]!["Idempotency-Key"]);

        JsonNode table = JsonNode.Parse(await File.ReadAllTextAsync(Shared.Reference(Table)))!;
        table["indicators"]![0]!["name"] = new string('名', 400);
        using HttpResponseMessage r5 = await client.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), Json(table.ToJsonString()));
        Assert.Equal(HttpStatusCode.BadRequest, r5.StatusCode);
        JsonNode p5 = JsonNode.Parse(await r5.Content.ReadAsStringAsync())!;
        string message = (string)p5["errors"]!["indicators[0].name"]![0]!;
        Assert.Contains("指标名称", message, StringComparison.Ordinal);
        Assert.Contains("indicator name", message, StringComparison.Ordinal);
    }
}

public class RateLimitTests(LimitedApiFactory factory) : IClassFixture<LimitedApiFactory>
{
    [Fact]
    public async Task EachKeyHasItsOwnBudget_ThenGets429WithRetryAfter()
    {
        using HttpClient a = factory.ClientFor(ApiRoles.Reviewer, "甲");
        using HttpClient b = factory.ClientFor(ApiRoles.Reviewer, "乙");
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(new Uri("/api/v1/policies", UriKind.Relative))).StatusCode);
        }

        using HttpResponseMessage limited = await a.GetAsync(new Uri("/api/v1/policies", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync(new Uri("/api/v1/policies", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }
}
