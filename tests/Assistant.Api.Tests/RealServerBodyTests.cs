using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests;

/// <summary>
/// Bodies read from real Kestrel's pipe (the test host has no transport, so no back-pressure): every size up
/// to the 4 MiB limit, with and without a declared length, answers as the same table sent small does.
/// Kestrel stops reading from the socket while more than its request buffer (1 MiB) sits unconsumed in the
/// pipe, so a reader that waits for the whole declared body without consuming it never gets it.
/// </summary>
public class RealServerBodyTests
{
    /// <summary>The largest reference table with <paramref name="padding"/> bytes of JSON white space inside it (still the same table).</summary>
    private static byte[] Padded(string json, int padding)
    {
        int at = json.IndexOf('{', StringComparison.Ordinal) + 1;
        var body = new StringBuilder(json.Length + padding);
        body.Append(json, 0, at);
        for (int i = 0; i < padding; i++)
        {
            body.Append((i % 64) == 63 ? '\n' : ' ');
        }

        body.Append(json, at, json.Length - at);
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    public static TheoryData<string, int, bool> Sizes() => new()
    {
        // path, padding bytes, declared length (false: chunked)
        { "/api/v1/evaluations/score", 900 * 1024, true },
        { "/api/v1/evaluations/score", 1024 * 1024, true },
        { "/api/v1/evaluations/score", 1536 * 1024, true },
        { "/api/v1/evaluations/score", 3 * 1024 * 1024, true },
        { "/api/v1/evaluations/score", (4 * 1024 * 1024) - (16 * 1024), true },
        { "/api/v1/evaluations/score", 3 * 1024 * 1024, false },
        { "/api/v1/evaluations/facts", 2 * 1024 * 1024, true },
        { "/api/v1/evaluations/facts", 2 * 1024 * 1024, false },
        { "/api/v1/verify", 2 * 1024 * 1024, true },
        { "/api/v1/verify", 2 * 1024 * 1024, false },
    };

    /// <summary>The body each path takes: the largest reference table, or (for <c>/verify</c>) the table and a sentence about it.</summary>
    private static string Json(string path)
    {
        string table = Shared.Tables.Select(t => File.ReadAllText(Shared.Reference(t))).MaxBy(t => t.Length)!;
        return path.EndsWith("verify", StringComparison.Ordinal)
            ? new System.Text.Json.Nodes.JsonObject { ["evaluation"] = System.Text.Json.Nodes.JsonNode.Parse(table), ["text"] = "项目资金执行率为95.95%，自评总分89.47分。" }.ToJsonString()
            : table;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Kestrel_BodiesUpToTheLimit_AnswerAsTheSmallBody(string path, int padding, bool declared)
    {
        await using var database = new Assistant.Testing.TestDatabase("kestrelbody");
        await using WebApplication app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Assistant=" + database.ConnectionString]);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        var key = await app.Services.GetRequiredService<Assistant.Features.Records.ApiKeyStore>().CreateAsync("reviewer", "单位甲", null);
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);

        string json = Json(path);
        (HttpStatusCode smallStatus, string expected) = await PostAsync(client, path, Encoding.UTF8.GetBytes(json), declared: true);
        Assert.Equal(HttpStatusCode.OK, smallStatus);

        byte[] body = Padded(json, padding);
        Assert.True(body.Length > padding && body.Length <= Infrastructure.RequestBody.MaxBytes);
        (HttpStatusCode status, string text) = await PostAsync(client, path, body, declared);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status} for {body.Length} bytes: {text[..Math.Min(300, text.Length)]}");
        Assert.Equal(expected, text);
        await app.StopAsync();
    }

    /// <summary>One byte over the limit, declared or not, is the 400 naming <c>body</c> (Chinese and English), not a wait or a 500.</summary>
    [Theory]
    [InlineData("/api/v1/evaluations/score", true)]
    [InlineData("/api/v1/evaluations/score", false)]
    [InlineData("/api/v1/verify", true)]
    [InlineData("/api/v1/verify", false)]
    public async Task Kestrel_BodyOverTheLimit_Is400NamingTheBody(string path, bool declared)
    {
        await using var database = new Assistant.Testing.TestDatabase("kestrelbodylimit");
        await using WebApplication app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Assistant=" + database.ConnectionString]);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        var key = await app.Services.GetRequiredService<Assistant.Features.Records.ApiKeyStore>().CreateAsync("reviewer", "单位甲", null);
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);

        string json = Json(path);
        byte[] body = Padded(json, Infrastructure.RequestBody.MaxBytes + 1 - Encoding.UTF8.GetByteCount(json));
        Assert.Equal(Infrastructure.RequestBody.MaxBytes + 1, body.Length);
        (HttpStatusCode status, string text) = await PostAsync(client, path, body, declared);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        string message = (string)System.Text.Json.Nodes.JsonNode.Parse(text)!["errors"]!["body"]![0]!;
        Assert.Contains("请求体过大", message, StringComparison.Ordinal);
        Assert.Contains("the body is too large", message, StringComparison.Ordinal);
        await app.StopAsync();
    }

    private static async Task<(HttpStatusCode Status, string Text)> PostAsync(HttpClient client, string path, byte[] body, bool declared)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (declared)
        {
            request.Content = new ByteArrayContent(body);
        }
        else
        {
            request.Content = new StreamContent(new MemoryStream(body), 16 * 1024);
            request.Headers.TransferEncodingChunked = true;
        }

        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using HttpResponseMessage response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
