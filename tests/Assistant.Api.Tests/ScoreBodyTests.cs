using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;

namespace Assistant.Api.Tests;

/// <summary>
/// /score and /facts read the body as received (pooled bytes, no string of the whole body) and write the
/// answer through the source generator's handlers (session 24): the checks and their errors, and the
/// answer's bytes, are those of the string path and the framework's serializer.
/// </summary>
public class ScoreBodyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpStatusCode Status, string Text, string? ContentType)> PostAsync(string path, HttpContent content, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = chunked ? true : null;
        using HttpResponseMessage response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    private static ByteArrayContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [Theory]
    [InlineData("/api/v1/evaluations/score")]
    [InlineData("/api/v1/evaluations/facts")]
    public async Task Answer_IsTheSerializersBytes_AsReceivedOrChunked(string path)
    {
        foreach (string table in Shared.Tables)
        {
            string json = await File.ReadAllTextAsync(Shared.Reference(table));
            Evaluation evaluation = EvaluationJson.Parse(json);
            // Since session 38 the API answers compact JSON by default (the same JSON as the indented form, checked by CompactAnswers).
            string expected = path.EndsWith("score", StringComparison.Ordinal)
                ? CompactAnswers.Of(EvaluationService.Score(evaluation))
                : CompactAnswers.Of(EvaluationService.Facts(evaluation));

            (HttpStatusCode status, string text, string? type) = await PostAsync(path, Bytes(Encoding.UTF8.GetBytes(json)));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("application/json; charset=utf-8", type);
            Assert.Equal(expected, text);

            // Without a declared length the pooled buffer grows as the body arrives.
            using var stream = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)), 512);
            stream.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            (status, text, _) = await PostAsync(path, stream, chunked: true);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(expected, text);
        }
    }

    [Fact]
    public async Task LargeTable_WithoutContentLength_ScoresAsTheString()
    {
        // 500 indicators: far past the first pooled buffer, so the body crosses several growths.
        var table = SyntheticTables.Project(500, 2);
        string json = JsonSerializer.Serialize(new
        {
            kind = "project",
            title = table.Title,
            funds = new { unit = "万元", weight = "5.00", lines = table.Funds.Lines.Select(l => new { name = l.Name, parent = l.Parent, budget = l.Budget.ToString(), executed = l.Executed.ToString() }) },
            indicators = table.Indicators.Select(i => new { level1 = i.Level1, level2 = i.Level2, name = i.Name, unit = i.Unit, target = i.Target, actual = i.Actual, weight = i.Weight.ToString() }),
        });
        Assert.True(json.Length > 64 * 1024, "the body crosses several buffer growths");
        string expected = CompactAnswers.Of(EvaluationService.Score(EvaluationJson.Parse(json)));
        using var stream = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)), 1000);
        stream.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        (HttpStatusCode status, string text, _) = await PostAsync("/api/v1/evaluations/score", stream, chunked: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, text);
    }

    public static TheoryData<string, byte[], string, string> BadBodies() => new()
    {
        { "/api/v1/evaluations/score", [0x7B, 0xC3, 0x28, 0x7D], "body", "UTF-8" },
        { "/api/v1/evaluations/facts", [0xEF, 0xBB, 0xBF, 0x7B, 0xFF, 0x7D], "body", "UTF-8" },
        { "/api/v1/evaluations/score", [], "body", "为空" },
        { "/api/v1/evaluations/facts", [], "body", "为空" },
        { "/api/v1/evaluations/score", Encoding.UTF8.GetBytes("{\"kind\":\"project\",\"title\":\"a\\u0000b\",\"funds\":{},\"indicators\":[]}"), "title", "空字符" },
        { "/api/v1/evaluations/facts", Encoding.UTF8.GetBytes("{\"kind\":\"project\",\"title\":\"\\ud800\",\"funds\":{},\"indicators\":[]}"), "title", "代理" },
        { "/api/v1/evaluations/score", Encoding.UTF8.GetBytes("{\"kind\":\"project\",\"title\":"), "body", "JSON格式错误" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadBody_Is400NamingTheField(string path, byte[] body, string field, string zh)
    {
        (HttpStatusCode status, string text, string? type) = await PostAsync(path, Bytes(body));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("application/problem+json", type, StringComparison.Ordinal);
        JsonNode problem = JsonNode.Parse(text)!;
        Assert.Contains(zh, (string?)problem["errors"]![field]![0], StringComparison.Ordinal);
    }
}
