using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenTelemetry.Trace;

namespace Assistant.Api.Tests;

/// <summary>What an integrator and an operator rely on: the OpenAPI document, the health endpoints, traces.</summary>
public sealed class HostApiTests(TracedApiFactory factory) : IClassFixture<TracedApiFactory>
{
    private static readonly string[] ProblemCodes = ["401", "403", "429"];

    [Fact]
    public async Task OpenApiDocument_Parses_AndDescribesEveryOperation()
    {
        using HttpClient client = factory.AnonymousClient();
        string json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        ReadResult read = OpenApiDocument.Parse(json, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        OpenApiDocument document = read.Document!;

        Assert.Equal(SecuritySchemeType.Http, document.Components!.SecuritySchemes!["Bearer"].Type);
        Assert.Equal("bearer", document.Components.SecuritySchemes["Bearer"].Scheme);
        Assert.Equal(SecuritySchemeType.ApiKey, document.Components.SecuritySchemes["ApiKey"].Type);
        Assert.Equal("X-Api-Key", document.Components.SecuritySchemes["ApiKey"].Name);

        var operations = document.Paths!.SelectMany(p => p.Value.Operations!.Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value))).ToList();
        Assert.True(operations.Count >= 19, $"{operations.Count} operations");
        foreach (var (path, method, op) in operations)
        {
            string name = $"{method} {path}";
            Assert.False(string.IsNullOrEmpty(op.OperationId), name);
            Assert.False(string.IsNullOrEmpty(op.Summary), name);
            Assert.NotEmpty(op.Responses!);
            Assert.All(op.Responses!, r => Assert.False(string.IsNullOrEmpty(r.Value.Description), $"{name} {r.Key}"));
            if (op.RequestBody is { } body)
            {
                Assert.NotEmpty(body.Content!);
                Assert.All(body.Content!, c => Assert.NotNull(c.Value.Schema));
                Assert.Contains("400", op.Responses!.Keys);
                Assert.Contains("415", op.Responses!.Keys);
            }

            if (path.StartsWith("/api/v1", StringComparison.Ordinal))
            {
                Assert.NotEmpty(op.Security!);
                Assert.All(ProblemCodes, code => Assert.Contains(code, op.Responses!.Keys));
            }
        }

        // Every POST and PUT names a schema for its body.
        Assert.All(operations.Where(o => o.Method == HttpMethod.Post), o => Assert.NotNull(o.Operation.RequestBody));

        OpenApiOperation store = operations.Single(o => o.Operation.OperationId == "StoreEvaluation").Operation;
        Assert.Contains(store.Parameters!, p => p.Name == "Idempotency-Key" && p.In == ParameterLocation.Header);
        Assert.Contains("201", store.Responses!.Keys);
        Assert.Contains("422", store.Responses!.Keys);
        Assert.NotNull(store.RequestBody!.Content!["application/json"].Example);
        OpenApiOperation draft = operations.Single(o => o.Operation.OperationId == "DraftSection").Operation;
        Assert.Contains(draft.Parameters!, p => p.Name == "Idempotency-Key");
        Assert.Contains("404", draft.Responses!.Keys);
        Assert.Contains("multipart/form-data", operations.Single(o => o.Operation.OperationId == "UploadReport").Operation.RequestBody!.Content!.Keys);
        Assert.Contains("EvaluationV1", document.Components.Schemas!.Keys);

        // Open endpoints carry no security requirement.
        Assert.True(operations.Where(o => !o.Path.StartsWith("/api/v1", StringComparison.Ordinal)).All(o => o.Operation.Security is null or { Count: 0 }));
    }

    [Theory]
    [InlineData("/health/live", 0)]
    [InlineData("/health/ready", 1)]
    [InlineData("/health", 1)]
    public async Task Health_AnswersJson_ReadyChecksTheDatabase(string path, int checks)
    {
        using HttpClient client = factory.AnonymousClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(checks, body.RootElement.GetProperty("checks").EnumerateObject().Count());
        if (checks > 0)
        {
            Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Health_Ready_Is503_WhenTheDatabaseIsGone()
    {
        await using var broken = new UnreachableDatabaseFactory();
        using HttpClient client = broken.CreateClientWithoutKey();
        using HttpResponseMessage live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using HttpResponseMessage ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Telemetry_TracesTheRequest_AndItsDatabaseCommands()
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.GetAsync(new Uri("/api/v1/evaluations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The exporter receives a span when it ends; the server span ends just after the response.
        Activity? request = null;
        for (int i = 0; i < 50 && request is null; i++)
        {
            lock (factory.Spans)
            {
                // Other tests on this host also list evaluations (one with the database down, answered 503): take this request's kind of answer.
                request = factory.Spans.FirstOrDefault(a => a.Kind == ActivityKind.Server && a.DisplayName == "GET /api/v1/evaluations" && Equals(a.GetTagItem("http.response.status_code"), 200));
            }

            await Task.Delay(100);
        }

        Assert.NotNull(request);
        Assert.Equal(200, request.GetTagItem("http.response.status_code"));
        lock (factory.Spans)
        {
            Activity database = Assert.Single(factory.Spans, a => a.Source.Name == "Npgsql" && a.TraceId == request.TraceId && (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement")) is string sql && sql.Contains("FROM evaluations", StringComparison.Ordinal));
            Assert.Equal(request.SpanId, database.ParentSpanId);
        }
    }
}
