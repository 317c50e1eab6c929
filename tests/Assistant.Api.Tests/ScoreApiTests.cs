using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Api.Tests;

public class ScoreApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpStatusCode Status, JsonNode Body, string? ContentType)> PostAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("zhongwei-2024-entrepreneurship-fund", "89.47", "良", 1)]
    [InlineData("zhongwei-2024-employment-service-demo", "91.97", "优", 1)]
    [InlineData("zhongwei-2024-internship-subsidy", "85.92", "良", 2)]
    [InlineData("zhongwei-2024-employment-operating-funds", "100.00", "优", 1)]
    [InlineData("guangxi-2024-employment-transfer", null, null, 0)]
    public async Task Score_ReferenceTable(string table, string? total, string? grade, int errors)
    {
        (HttpStatusCode status, JsonNode body, _) = await PostAsync("/api/v1/evaluations/score", await File.ReadAllTextAsync(Shared.Reference(table)));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(total, (string?)body["total"]);
        Assert.Equal(grade, (string?)body["grade"]);
        Assert.Equal(errors, (int)body["summary"]!["errors"]!);
        Assert.Equal("assistant.score/v1", (string?)body["schema"]);
        JsonArray indicators = body["indicators"]!.AsArray();
        Assert.All(indicators, i => Assert.Contains((string)i!["rule"]!, new[] { "positive", "reverse", "zero", "qualitative", "restated", "cancelled", "unscorable" }));
    }

    [Fact]
    public async Task Score_ContractShape_ForTheFirstIndicator()
    {
        (_, JsonNode body, _) = await PostAsync("/api/v1/evaluations/score", await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[0])));
        JsonNode first = body["indicators"]![0]!;
        Assert.Equal("short", (string?)first["status"]);
        Assert.Equal("0.9760", (string?)first["completion"]);
        Assert.Equal("97.60%", (string?)first["completionText"]);
        Assert.Equal("4.88", (string?)first["score"]);
        Assert.Equal("36", (string?)first["gap"]);
        JsonNode fund = body["funds"]![0]!;
        Assert.Equal("0.8080", (string?)fund["rate"]);
        Assert.Equal("80.80%", (string?)fund["rateText"]);
        Assert.Equal("4.04", (string?)fund["score"]);
        Assert.Contains(body["findings"]!.AsArray(), f => (string?)f!["code"] == "weights.level" && (string?)f["severity"] == "error");
    }

    [Fact]
    public async Task Score_AcceptsJsonNumbersAndKeepsPrecision()
    {
        const string json = """
            {"kind":"project","title":"t","funds":{"weight":5.00,"lines":[{"name":"年度资金总额","budget":2700.00,"executed":2181.57,"printedRate":80.80,"printedScore":4.04}]},
             "indicators":[{"name":"a","target":"≥1500","actual":1464,"weight":95,"printedScore":92.72}],"printedTotal":96.76}
            """;
        (HttpStatusCode status, JsonNode body, _) = await PostAsync("/api/v1/evaluations/score", json);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("96.76", (string?)body["total"]);
        Assert.Equal(0, (int)body["summary"]!["errors"]!);
    }

    [Fact]
    public async Task Facts_ListsTheNumbersWithIds()
    {
        (HttpStatusCode status, JsonNode body, _) = await PostAsync("/api/v1/evaluations/facts", await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[1])));
        Assert.Equal(HttpStatusCode.OK, status);
        JsonArray facts = body["facts"]!.AsArray();
        Assert.Contains(facts, f => (string?)f!["id"] == "total" && (string?)f["text"] == "91.97分");
        Assert.Contains(facts, f => (string?)f!["id"] == "funds.lines[0].rate" && (string?)f["text"] == "38.75%");
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "{\"kind\":", "body" },
        { "not json at all", "body" },
        { "[1,2,3]", "body" },
        { "{\"kind\":\"project\",\"title\":\"t\",\"funds\":{\"lines\":[{\"name\":\"a\",\"budget\":\"-5\"}]},\"indicators\":[]}", "funds.lines[0].budget" },
        { "{\"kind\":\"project\",\"title\":\"t\",\"funds\":{},\"indicators\":[{\"name\":\"a\",\"weight\":\"五\"}]}", "indicators[0].weight" },
        { "{\"kind\":\"project\",\"title\":\"t\",\"funds\":{},\"indicators\":[{\"name\":\"a\",\"weight\":[5]}]}", "indicators[0].weight" },
        { "{\"kind\":\"project\",\"title\":7,\"funds\":{},\"indicators\":\"x\"}", "indicators" },
        { "{\"kind\":\"project\",\"title\":\"t\",\"funds\":\"x\",\"indicators\":[]}", "funds" },
        { "{\"kind\":\"project\",\"title\":\"t\",\"funds\":{},\"indicators\":[],\"printedTotal\":\"满分\"}", "printedTotal" },
        { "{\"kind\":\"project\",\"title\":\"t\",\"funds\":{},\"indicators\":[{\"name\":\"a\",\"weight\":1e400}]}", "indicators[0].weight" },
        { new string('[', 5000) + new string(']', 5000), "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInput_Is400ProblemDetails_NamingTheField(string body, string field)
    {
        (HttpStatusCode status, JsonNode problem, string? type) = await PostAsync("/api/v1/evaluations/score", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(400, (int)problem["status"]!);
        Assert.Contains("输入有误", (string?)problem["title"], StringComparison.Ordinal);
        Assert.Contains("Invalid input", (string?)problem["title"], StringComparison.Ordinal);
        JsonArray messages = problem["errors"]![field]!.AsArray();
        Assert.NotEmpty(messages);
        Assert.Contains(" / ", (string?)messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenMegabyteBody_Is400NotA500()
    {
        string big = "{\"kind\":\"project\",\"title\":\"" + new string('a', 10 * 1024 * 1024) + "\",\"funds\":{},\"indicators\":[]}";
        (HttpStatusCode status, JsonNode problem, _) = await PostAsync("/api/v1/evaluations/score", big);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("过大", (string?)problem["errors"]!["body"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenMegabyteBody_WithoutContentLength_Is400()
    {
        byte[] big = Encoding.UTF8.GetBytes(new string(' ', 10 * 1024 * 1024));
        using var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/evaluations/score") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EmptyBody_Is400()
    {
        (HttpStatusCode status, JsonNode problem, _) = await PostAsync("/api/v1/evaluations/score", "");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem["errors"]!["body"]);
    }

    [Fact]
    public async Task UnknownPolicy_Is400_NamingPolicy()
    {
        (HttpStatusCode status, JsonNode problem, _) = await PostAsync("/api/v1/evaluations/score?policy=nope", await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[0])));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem["errors"]!["policy"]);
    }

    [Fact]
    public async Task Policy_ChangesTheScore()
    {
        const string json = """{"kind":"project","title":"t","funds":{},"indicators":[{"name":"a","target":"≥100","actual":"150","weight":"100"}]}""";
        (_, JsonNode normal, _) = await PostAsync("/api/v1/evaluations/score", json);
        (_, JsonNode strict, _) = await PostAsync("/api/v1/evaluations/score?policy=caiyu-2020-10-strict-targets", json);
        Assert.Equal("100.00", (string?)normal["total"]);
        Assert.Equal("50.00", (string?)strict["total"]);
    }

    [Fact]
    public async Task RandomGarbage_NeverGivesA500()
    {
        var random = new Random(20261121);
        string valid = await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[0]));
        for (int i = 0; i < 200; i++)
        {
            char[] chars = valid.ToCharArray();
            for (int k = 0; k < 3; k++)
            {
                const string alphabet = "{}[]\",:-0123456789aé≥%";
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            (HttpStatusCode status, _, _) = await PostAsync("/api/v1/evaluations/score", new string(chars));
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"mutation {i} gave {(int)status}");
        }
    }

    [Fact]
    public async Task Policies_HealthAndOpenApi()
    {
        JsonNode policies = JsonNode.Parse(await _client.GetStringAsync(new Uri("/api/v1/policies", UriKind.Relative)))!;
        Assert.Contains(policies.AsArray(), p => (string?)p!["name"] == "caiyu-2020-10" && (bool)p["isDefault"]!);
        using HttpResponseMessage health = await _client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        string openapi = await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using JsonDocument doc = JsonDocument.Parse(openapi);
        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/api/v1/evaluations/score", out _));
    }
}

public class ContentTypeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Score_AcceptsTheBodyWhateverItsContentType(string? contentType)
    {
        using HttpClient client = factory.CreateClient();
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(Shared.Reference(Shared.Tables[0])));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/v1/evaluations/score", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("89.47", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["total"]);
    }

    [Fact]
    public async Task OpenApi_DescribesTheJsonBody()
    {
        using HttpClient client = factory.CreateClient();
        using JsonDocument doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        JsonElement body = doc.RootElement.GetProperty("paths").GetProperty("/api/v1/evaluations/score").GetProperty("post").GetProperty("requestBody");
        Assert.True(body.GetProperty("content").TryGetProperty("application/json", out _));
    }
}
