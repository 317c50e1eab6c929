using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Hostile;

/// <summary>
/// Each class of input that used to be a 500 is a bilingual 400/404/422 naming the field: numbers past
/// decimal's range (in any number, a sum of cells, a target/actual cell), more than 28 decimals,
/// lone surrogates, NUL in stored strings, broken multipart bodies, queries that embed to nothing,
/// and errors for clients that do not accept JSON. Client errors carry nosniff and are never 5xx.
/// </summary>
public sealed class BadInputTests(FuzzFactory factory) : IClassFixture<FuzzFactory>
{
    private static string Table(string name = "zhongwei-2024-internship-subsidy") => File.ReadAllText(Shared.Reference(name));

    private static string With(Action<JsonNode> edit)
    {
        JsonNode t = JsonNode.Parse(Table())!;
        edit(t);
        return t.ToJsonString();
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? json = null, string? accept = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = content ?? (json is null ? null : new StringContent(json, Encoding.UTF8, "application/json")),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        HttpResponseMessage response = await factory.CreateClient().SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        JsonNode? body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : null;
        return (response.StatusCode, body, response);
    }

    private static void AssertNames(JsonNode? body, string field, string zh)
    {
        Assert.NotNull(body);
        JsonObject errors = body!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors: {errors.ToJsonString()}");
        string message = (string)errors[field]![0]!;
        Assert.Contains(zh, message, StringComparison.Ordinal);
        Assert.Contains(" / ", message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Numbers => new()
    {
        // field, raw JSON value, where
        { "funds.lines[0].budget", "79228162514264337593543950336", "number" },
        { "funds.lines[0].budget", "\"79228162514264337593543950335\"", "string" },
        { "funds.lines[0].executed", "0.00000000000000000000000000000123456", "29+ decimals" },
        { "funds.lines[0].executed", "\"1.12345678901234567890123456789\"", "29 decimals" },
        { "funds.weight", "1e400", "exponent" },
        { "indicators[0].target", "\"≥79228162514264337593543950336\"", "target cell" },
        { "indicators[0].actual", "\"99999999999999999999万人\"", "actual cell" },
        { "indicators[1].weight", "\"123456789012345678\"", "weight" },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public async Task NumberPastRange_Is400NamingTheField(string field, string raw, string where)
    {
        string body = Table().Replace("\"__X__\"", raw, StringComparison.Ordinal);
        JsonNode t = JsonNode.Parse(Table())!;
        string[] parts = field.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.');
        JsonNode parent = t;
        foreach (string p in parts[..^1])
        {
            parent = int.TryParse(p, out int i) ? parent[i]! : parent[p]!;
        }

        parent[parts[^1]] = "__X__";
        body = t.ToJsonString().Replace("\"__X__\"", raw, StringComparison.Ordinal);
        foreach (string path in new[] { "/api/v1/evaluations/score", "/api/v1/evaluations/facts", "/api/v1/evaluations" })
        {
            (HttpStatusCode status, JsonNode? problem, _) = await SendAsync(HttpMethod.Post, path, body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{where} at {path}: {(int)status} {problem}");
            AssertNames(problem, field, "数");
        }
    }

    [Fact]
    public async Task SumOfCellsPastRange_IsNotA500()
    {
        // Each below the limit, their sum and ratios far above what fund lines ever hold.
        string body = With(t =>
        {
            foreach (JsonNode? line in t["funds"]!["lines"]!.AsArray())
            {
                line!["budget"] = "999999999999999";
                line["executed"] = "0.0000000001";
                line["initialBudget"] = "999999999999999";
            }

            foreach (JsonNode? ind in t["indicators"]!.AsArray())
            {
                ind!["target"] = "≥0.0000000001";
                ind["actual"] = "999999999999999";
                ind["weight"] = "999999999999999";
            }
        });
        (HttpStatusCode status, JsonNode? problem, _) = await SendAsync(HttpMethod.Post, "/api/v1/evaluations/score", body);
        Assert.True((int)status is 200 or 400 or 422, $"{(int)status} {problem}");
    }

    [Theory]
    [InlineData("٩٨%", "98%")]
    [InlineData("≥١٥٠٠", "≥1500")]
    [InlineData("۹۸٫۵%", "98.5%")]
    [InlineData("१२३", "123")]
    [InlineData("５８", "58")]
    public async Task NonAsciiDigits_ReadAsTheDigitsTheyAre(string cell, string ascii)
    {
        async Task<JsonNode> ScoreAsync(string actual)
        {
            (HttpStatusCode status, JsonNode? body, _) = await SendAsync(HttpMethod.Post, "/api/v1/evaluations/score", With(t => t["indicators"]![0]!["actual"] = actual));
            Assert.Equal(HttpStatusCode.OK, status);
            return body!;
        }

        JsonNode foreign = await ScoreAsync(cell);
        JsonNode plain = await ScoreAsync(ascii);
        Assert.Equal((string?)plain["total"], (string?)foreign["total"]);
        Assert.Equal(plain["indicators"]![0]!["score"]?.ToJsonString(), foreign["indicators"]![0]!["score"]?.ToJsonString());
    }

    [Theory]
    [InlineData("/api/v1/evaluations", "title", "\"\\ud800\"", "代理")]
    [InlineData("/api/v1/evaluations", "title", "\"a\\u0000b\"", "空字符")]
    [InlineData("/api/v1/evaluations/score", "indicators[2].name", "\"x\\udc00y\"", "代理")]
    [InlineData("/api/v1/evaluations", "indicators[0].deviationNote", "\"原因\\u0000\"", "空字符")]
    public async Task LoneSurrogateOrNul_Is400NamingTheField(string path, string field, string raw, string zh)
    {
        JsonNode t = JsonNode.Parse(Table())!;
        if (field == "title")
        {
            t["title"] = "__X__";
        }
        else
        {
            int i = int.Parse(field[(field.IndexOf('[') + 1)..field.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
            t["indicators"]![i]![field[(field.IndexOf('.') + 1)..]] = "__X__";
        }

        (HttpStatusCode status, JsonNode? problem, _) = await SendAsync(HttpMethod.Post, path, t.ToJsonString().Replace("\"__X__\"", raw, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertNames(problem, field, zh);
    }

    [Fact]
    public async Task NulOrSurrogate_InChatAndVerifyAndDraftBodies_Is400()
    {
        string id = (string)(await SendAsync(HttpMethod.Post, "/api/v1/evaluations", Table())).Body!["id"]!;
        string conversation = (string)(await SendAsync(HttpMethod.Post, "/api/v1/conversations", $"{{\"evaluationId\":\"{id}\"}}")).Body!["id"]!;
        foreach ((string path, string body, string field) in new[]
        {
            ($"/api/v1/conversations/{conversation}/messages", "{\"content\":\"为什么\\u0000没完成\"}", "content"),
            ($"/api/v1/conversations/{conversation}/messages", "{\"content\":\"\\ud83d为什么\"}", "content"),
            ("/api/v1/conversations", $"{{\"evaluationId\":\"{id}\",\"title\":\"t\\u0000\"}}", "title"),
            ("/api/v1/verify", $"{{\"evaluation\":{Table()},\"text\":\"执行率\\ud800\"}}", "text"),
            ($"/api/v1/evaluations/{id}/drafts", "{\"section\":\"deviation\\u0000\"}", "section"),
        })
        {
            (HttpStatusCode status, JsonNode? problem, _) = await SendAsync(HttpMethod.Post, path, body, "text/event-stream");
            Assert.True(status == HttpStatusCode.BadRequest, $"{path} {body}: {(int)status} {problem}");
            Assert.NotNull(problem!["errors"]![field]);
        }

        // Nothing was stored by the refused message.
        JsonNode stored = (await SendAsync(HttpMethod.Get, $"/api/v1/conversations/{conversation}")).Body!;
        Assert.Empty(stored["messages"]!.AsArray());
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=\"\"")]
    [InlineData("multipart/form-data; boundary=abc")]
    public async Task BrokenMultipart_Is400OrFileError_Never500(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.txt\"\r\n\r\n报告正文"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        (HttpStatusCode status, JsonNode? problem, _) = await SendAsync(HttpMethod.Post, "/api/v1/corpus/reports", content: content);
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{(int)status} {problem}");
        Assert.True(problem!["errors"]!["body"] is not null || problem["errors"]!["file"] is not null);
    }

    [Fact]
    public async Task FileNameWithNul_IsStoredWithoutIt()
    {
        const string report = "某某县2024年度就业补助资金绩效自评报告\n三、偏离绩效目标的原因和下一步改进措施\n就业见习人数未完成，主要原因是县内企业见习岗位不足。下一步将拓展见习基地。";
        string raw = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\0b.md\"\r\n\r\n" + report
            + "\r\n--b1\r\nContent-Disposition: form-data; name=\"region\"\r\n\r\n某\0县\r\n--b1--\r\n";
        var form = new ByteArrayContent(Encoding.UTF8.GetBytes(raw));
        form.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b1");
        (HttpStatusCode status, JsonNode? body, _) = await SendAsync(HttpMethod.Post, "/api/v1/corpus/reports", content: form);
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)status} {body}");
        if (status != HttpStatusCode.BadRequest)
        {
            Assert.DoesNotContain('\0', (string)body!["fileName"]!);
            Assert.DoesNotContain('\0', (string)body["region"]!);
        }
    }

    [Theory]
    [InlineData(".")]
    [InlineData("。")]
    [InlineData(":*")]
    [InlineData("!!!")]
    [InlineData("'")]
    public async Task QueryThatEmbedsToNothing_AnswersWithoutNaN(string q)
    {
        foreach (string mode in new[] { "hybrid", "vector", "lexical" })
        {
            (HttpStatusCode status, JsonNode? body, _) = await SendAsync(HttpMethod.Get, $"/api/v1/corpus/search?q={Uri.EscapeDataString(q)}&mode={mode}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.All(body!["hits"]!.AsArray(), h => Assert.True(double.IsFinite((double)h!["score"]!)));
        }
    }

    [Theory]
    [InlineData("q", "a\0b")]
    [InlineData("region", "\0")]
    public async Task QueryWithNul_Is400NamingTheParameter(string name, string value)
    {
        (HttpStatusCode status, JsonNode? problem, _) = await SendAsync(HttpMethod.Get, $"/api/v1/corpus/search?q=x&{name}={Uri.EscapeDataString(value)}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![name]);
    }

    [Theory]
    [InlineData("text/event-stream")]
    [InlineData("text/html")]
    [InlineData("image/png")]
    [InlineData("application/xml")]
    public async Task ErrorsForClientsThatDoNotAcceptJson_AreProblemsNot500(string accept)
    {
        foreach ((HttpMethod method, string path, string? body, HttpStatusCode expected) in new (HttpMethod, string, string?, HttpStatusCode)[]
        {
            (HttpMethod.Get, $"/api/v1/evaluations/{Guid.NewGuid()}", null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/api/v1/drafts/{Guid.NewGuid()}", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/api/v1/conversations/{Guid.NewGuid()}/messages", "{\"content\":\"为什么\"}", HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/api/v1/corpus/reports/{Guid.NewGuid()}", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, "/api/v1/evaluations/score", "{", HttpStatusCode.BadRequest),
            (HttpMethod.Get, "/api/v1/corpus/search?q=", null, HttpStatusCode.BadRequest),
            (HttpMethod.Get, "/api/v1/nothing", null, HttpStatusCode.NotFound),
        })
        {
            (HttpStatusCode status, JsonNode? problem, HttpResponseMessage response) = await SendAsync(method, path, body, accept);
            Assert.True(status == expected, $"{method} {path} Accept {accept}: {(int)status}");
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            if (status != HttpStatusCode.NotFound || !path.EndsWith("nothing", StringComparison.Ordinal))
            {
                Assert.NotNull(problem);
                Assert.Contains(" / ", (string)problem!["title"]!, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Verify_TooLongOrTooManyNumbers_Is400NamingText()
    {
        foreach (string text in new[] { new string('字', 60_001), string.Concat(Enumerable.Repeat("1.5% ", 2_500)) })
        {
            var body = new JsonObject { ["evaluation"] = JsonNode.Parse(Table()), ["text"] = text };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            (HttpStatusCode status, JsonNode? problem, _) = await SendAsync(HttpMethod.Post, "/api/v1/verify", body.ToJsonString());
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.NotNull(problem!["errors"]!["text"]);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{clock.ElapsedMilliseconds} ms");
        }
    }

    [Fact]
    public async Task ChatQuestionLeftUnanswered_IsMarked_AndTheNextTurnSeesIt()
    {
        string id = (string)(await SendAsync(HttpMethod.Post, "/api/v1/evaluations", Table())).Body!["id"]!;
        string conversation = (string)(await SendAsync(HttpMethod.Post, "/api/v1/conversations", $"{{\"evaluationId\":\"{id}\"}}")).Body!["id"]!;

        // A process killed mid-turn leaves the user's message stored and no answer.
        var store = factory.Services.GetService(typeof(Assistant.Features.Conversations.ConversationStore)) as Assistant.Features.Conversations.ConversationStore;
        await store!.AppendAsync(Guid.Parse(conversation), "user", "总分是多少？", "{}", null);

        (HttpStatusCode status, _, _) = await SendAsync(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages", "{\"content\":\"得分多少\",\"provider\":\"offline\"}", "application/json");
        Assert.Equal(HttpStatusCode.OK, status);
        JsonArray messages = (await SendAsync(HttpMethod.Get, $"/api/v1/conversations/{conversation}")).Body!["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => (string)m!["role"]!).ToArray());
        Assert.Contains("没有得到回答", (string)messages[1]!["content"]!, StringComparison.Ordinal);
    }
}
