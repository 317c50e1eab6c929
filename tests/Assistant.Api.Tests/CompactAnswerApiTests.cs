using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Api.Infrastructure;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;

namespace Assistant.Api.Tests;

/// <summary>
/// Since session 38 /score and /facts answer compact JSON (no white space between tokens) unless asked for
/// <c>?pretty=true</c>, which gives the contract's indented bytes (the goldens' and the CLI's form). Both
/// forms are the same JSON, names in the same order; a <c>pretty</c> that is not true/false/1/0 is a 400
/// naming the field, in Chinese and English.
/// </summary>
public class CompactAnswerApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpStatusCode Status, string Text)> PostAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _client.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData(" true ", true)]
    [InlineData("1", true)]
    public void Layout_FromThePrettyParameter(string? pretty, bool indented) => Assert.Equal(indented, AnswerLayout.Indented(pretty));

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("ture")]
    [InlineData("true,false")]
    [InlineData("缩进")]
    public void Layout_RefusesAnythingElse_NamingTheField(string pretty)
    {
        var error = Assert.Single(Assert.Throws<InputException>(() => AnswerLayout.Indented(pretty)).Errors);
        Assert.Equal("pretty", error.Field);
        Assert.Contains("pretty", error.Zh, StringComparison.Ordinal);
        Assert.Contains("pretty", error.En, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, bool> Forms()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string path in new[] { "/api/v1/evaluations/score", "/api/v1/evaluations/facts" })
        {
            data.Add(path, string.Empty, false);
            data.Add(path, "?pretty=false", false);
            data.Add(path, "?pretty=0", false);
            data.Add(path, "?pretty=true", true);
            data.Add(path, "?pretty=1", true);
            data.Add(path, "?policy=caiyu-2020-10-strict-targets&pretty=TRUE", true);
            data.Add(path, "?pretty=false&policy=caiyu-2020-10-strict-targets", false);
        }

        return data;
    }

    /// <summary>Every reference table: the default and <c>pretty=false</c> give the serializer's compact bytes, <c>pretty=true</c> its indented bytes, and the two are the same JSON.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EveryReferenceTable_CompactByDefault_IndentedWhenAsked(string path, string query, bool indented)
    {
        string? policy = query.Contains("policy=caiyu-2020-10-strict-targets", StringComparison.Ordinal) ? "caiyu-2020-10-strict-targets" : null;
        foreach (string table in Shared.Tables)
        {
            string json = await File.ReadAllTextAsync(Shared.Reference(table));
            Evaluation evaluation = EvaluationJson.Parse(json);
            (string expected, string pretty) = path.EndsWith("score", StringComparison.Ordinal)
                ? Expect(EvaluationService.Score(evaluation, policy), indented)
                : Expect(EvaluationService.Facts(evaluation, policy), indented);
            (HttpStatusCode status, string text) = await PostAsync(path + query, json);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(expected, text);
            Assert.Equal(indented, text.Contains('\n', StringComparison.Ordinal));
            CompactAnswers.AssertSameJson(pretty, text);
        }
    }

    private static (string Expected, string Indented) Expect<T>(T answer, bool indented) =>
        (indented ? CompactAnswers.Indented(answer) : CompactAnswers.Of(answer), CompactAnswers.Indented(answer));

    /// <summary>The compact score answer of the largest reference table is under 80 % of the indented one (about two thirds; what the change is for).</summary>
    [Fact]
    public async Task CompactScoreAnswer_IsFarSmaller()
    {
        string table = Shared.Tables.MaxBy(t => new FileInfo(Shared.Reference(t)).Length)!;
        string json = await File.ReadAllTextAsync(Shared.Reference(table));
        (HttpStatusCode compactStatus, string compact) = await PostAsync("/api/v1/evaluations/score", json);
        (HttpStatusCode prettyStatus, string pretty) = await PostAsync("/api/v1/evaluations/score?pretty=true", json);
        Assert.Equal(HttpStatusCode.OK, compactStatus);
        Assert.Equal(HttpStatusCode.OK, prettyStatus);
        CompactAnswers.AssertSameJson(pretty, compact);
        Assert.True(Encoding.UTF8.GetByteCount(compact) * 10 < Encoding.UTF8.GetByteCount(pretty) * 8, $"compact {compact.Length} chars, indented {pretty.Length}");
    }

    [Theory]
    [InlineData("/api/v1/evaluations/score", "yes")]
    [InlineData("/api/v1/evaluations/score", "2")]
    [InlineData("/api/v1/evaluations/facts", "ture")]
    [InlineData("/api/v1/evaluations/facts", "%E7%BC%A9%E8%BF%9B")]
    public async Task BadPretty_Is400_NamingTheField(string path, string pretty)
    {
        (HttpStatusCode status, string text) = await PostAsync($"{path}?pretty={pretty}", await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[0])));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        JsonNode problem = JsonNode.Parse(text)!;
        Assert.Equal(400, (int)problem["status"]!);
        string message = (string)problem["errors"]!["pretty"]![0]!;
        Assert.Contains(" / ", message, StringComparison.Ordinal);
        Assert.Contains("true", message, StringComparison.Ordinal);
    }
}
