using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Hostile;

/// <summary>
/// Session 38 (outside tester's report §13): bad route values, query values and JSON types are 400s naming the field in
/// Chinese and English. Route values are judged on every endpoint the app maps (walked from its endpoint list, so a
/// route added later is covered); a row number past an evaluation's rows names <c>index</c> and its range; a field
/// present with the wrong JSON type says so rather than calling it missing.
/// </summary>
public sealed class Session38InputTests(FuzzFactory factory) : IClassFixture<FuzzFactory>
{
    private static string Table(string name = "zhongwei-2024-internship-subsidy") => File.ReadAllText(Shared.Reference(name));

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using HttpResponseMessage response = await (client ?? factory.CreateClient()).SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    private static string Message(JsonNode? body, string field)
    {
        Assert.NotNull(body);
        JsonObject errors = body!["errors"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"no errors: {body.ToJsonString()}");
        Assert.True(errors.ContainsKey(field), $"errors: {errors.ToJsonString()}");
        string message = (string)errors[field]![0]!;
        Assert.Contains(" / ", message, StringComparison.Ordinal);
        return message;
    }

    private async Task<string> StoreAsync(string table)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v1/evaluations", table);
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"{status} {body?.ToJsonString()}");
        return (string)body!["id"]!;
    }

    /// <summary>Every mapped route with a constrained value (guid, int): a value the constraint refuses is a 400 naming it, for each such value.</summary>
    [Fact]
    public async Task Every_route_value_its_constraint_refuses_is_a_400_naming_the_value()
    {
        EndpointDataSource sources = factory.Services.GetRequiredService<EndpointDataSource>();
        var checkedRoutes = new List<string>();
        var failures = new List<string>();
        foreach (RouteEndpoint endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            RoutePattern pattern = endpoint.RoutePattern;
            string method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            foreach (RoutePatternParameterPart bad in pattern.Parameters.Where(p => p.ParameterPolicies.Any(c => c.Content is "guid" or "int")))
            {
                string constraint = bad.ParameterPolicies.First(c => c.Content is "guid" or "int").Content!;
                string path = "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
                {
                    RoutePatternLiteralPart l => l.Content,
                    RoutePatternSeparatorPart sep => sep.Content,
                    RoutePatternParameterPart p when p.Name == bad.Name => constraint == "guid" ? "not-a-guid" : "abc",
                    RoutePatternParameterPart p when p.ParameterPolicies.Any(c => c.Content == "int") => "0",
                    RoutePatternParameterPart => Guid.NewGuid().ToString(),
                    _ => string.Empty,
                }))));
                var (status, body) = await SendAsync(new HttpMethod(method), path, method is "POST" or "PUT" or "PATCH" ? "{}" : null);
                checkedRoutes.Add($"{method} {path}");
                if (status != HttpStatusCode.BadRequest || body?["errors"]?[bad.Name] is not JsonArray { Count: > 0 } messages
                    || !((string)messages[0]!).Contains(bad.Name, StringComparison.Ordinal) || !((string)messages[0]!).Contains(" / ", StringComparison.Ordinal))
                {
                    failures.Add($"{method} {path}: {(int)status} {body?.ToJsonString()}");
                }
            }
        }

        // The walk is not empty: evaluations, drafts, conversations, reports, submissions, batches, webhooks, jobs all take ids.
        Assert.True(checkedRoutes.Count >= 20, string.Join('\n', checkedRoutes));
        Assert.Contains(checkedRoutes, r => r.Contains("/indicators/abc/explanation", StringComparison.Ordinal));
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("/api/v1/evaluations/not-a-guid", "id", "GUID")]
    [InlineData("/api/v1/evaluations/12345", "id", "12345")]
    [InlineData("/api/v1/drafts/%E7%BC%96%E5%8F%B7", "id", "编号")]
    [InlineData("/api/v1/evaluations/3f2504e0-4f89-11d3-9a0c-0305e82c3301/indicators/abc/explanation", "index", "从0起")]
    [InlineData("/api/v1/evaluations/3f2504e0-4f89-11d3-9a0c-0305e82c3301/indicators/1.5/explanation", "index", "1.5")]
    [InlineData("/api/v1/evaluations/not-a-guid/indicators/abc/explanation", "index", "整数")]
    public async Task A_malformed_id_or_index_names_it(string path, string field, string says)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(says, Message(body, field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_id_without_a_key_is_still_401()
    {
        HttpClient anonymous = factory.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        var (status, _) = await SendAsync(HttpMethod.Get, "/api/v1/evaluations/not-a-guid", client: anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("/api/v1/evaluationz")]
    [InlineData("/api/v1/evaluations/3f2504e0-4f89-11d3-9a0c-0305e82c3301/nothing-here")]
    public async Task An_address_no_route_fits_is_a_404_that_says_so_in_both_languages(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        string detail = (string)body!["detail"]!;
        Assert.Contains("没有这个地址", detail, StringComparison.Ordinal);
        Assert.Contains("No such address", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(12)]
    [InlineData(-1)]
    public async Task A_row_number_past_the_evaluations_rows_names_index_and_its_range(int index)
    {
        string id = await StoreAsync(Table());
        int rows = JsonNode.Parse(Table())!["indicators"]!.AsArray().Count;
        var (status, body) = await SendAsync(HttpMethod.Get, $"/api/v1/evaluations/{id}/indicators/{index}/explanation");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        string message = Message(body, "index");
        Assert.Contains($"0到{rows - 1}", message, StringComparison.Ordinal);
        Assert.Contains($"共{rows}行", message, StringComparison.Ordinal);
        Assert.Contains($"received {index}", message, StringComparison.Ordinal);

        // The last row is still explained.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"/api/v1/evaluations/{id}/indicators/{rows - 1}/explanation?cases=0")).Status);
    }

    [Theory]
    [InlineData("cases=abc", "cases", "整数")]
    [InlineData("cases=1.5", "cases", "1.5")]
    [InlineData("cases=", "cases", "整数")]
    public async Task A_query_value_that_does_not_bind_names_the_parameter(string query, string field, string says)
    {
        string id = await StoreAsync(Table());
        var (status, body) = await SendAsync(HttpMethod.Get, $"/api/v1/evaluations/{id}/indicators/0/explanation?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(says, Message(body, field), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> VerifyBodies => new()
    {
        // raw JSON of the text field, the field, what the message says
        { "12345", "text", "收到的是数字" },
        { "[\"一段话\"]", "text", "收到的是数组" },
        { "true", "text", "收到的是true/false" },
        { "{\"a\":1}", "text", "收到的是对象" },
    };

    [Theory]
    [MemberData(nameof(VerifyBodies))]
    public async Task Verify_text_of_the_wrong_type_says_so_and_is_not_called_missing(string raw, string field, string says)
    {
        string body = $"{{\"evaluation\":{Table()},\"text\":{raw}}}";
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/verify", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        string message = Message(problem, field);
        Assert.Contains(says, message, StringComparison.Ordinal);
        Assert.DoesNotContain("缺少", message, StringComparison.Ordinal);
        Assert.Contains("must be", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_fields_missing_or_of_the_wrong_type_each_say_which()
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/verify", "{\"evaluation\":\"表\",\"text\":null,\"policy\":7}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("收到的是字符串", Message(problem, "evaluation"), StringComparison.Ordinal);
        Assert.Contains("缺少", Message(problem, "text"), StringComparison.Ordinal);
        Assert.Contains("收到的是数字", Message(problem, "policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_bodies_name_a_field_of_the_wrong_type_and_what_was_received()
    {
        string id = await StoreAsync(Table());
        var (created, conversation) = await SendAsync(HttpMethod.Post, "/api/v1/conversations", $"{{\"evaluationId\":\"{id}\"}}");
        Assert.True(created is HttpStatusCode.Created or HttpStatusCode.OK, created.ToString());

        var (s1, p1) = await SendAsync(HttpMethod.Post, $"/api/v1/conversations/{(string)conversation!["id"]!}/messages", "{\"content\":12345}");
        Assert.Equal(HttpStatusCode.BadRequest, s1);
        Assert.Contains("应为字符串，收到的是数字", Message(p1, "content"), StringComparison.Ordinal);

        var (s2, p2) = await SendAsync(HttpMethod.Put, $"/api/v1/evaluations/{id}/report/parts/1", "{\"text\":[\"一\",\"二\"]}");
        Assert.Equal(HttpStatusCode.BadRequest, s2);
        Assert.Contains("收到的是数组", Message(p2, "text"), StringComparison.Ordinal);

        var (s3, p3) = await SendAsync(HttpMethod.Post, $"/api/v1/evaluations/{id}/drafts", "{\"section\":{\"name\":\"deviation\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, s3);
        Assert.Contains("收到的是对象", Message(p3, "section"), StringComparison.Ordinal);
    }
}
