using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests;

/// <summary>The same host on real Kestrel, bound to 127.0.0.1 as the run command starts it.</summary>
public class RealServerTests
{
    [Fact]
    public async Task Kestrel_On127001_ScoresOverHttp()
    {
        await using var database = new Assistant.Testing.TestDatabase("kestrel");
        await using WebApplication app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Assistant=" + database.ConnectionString]);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using (var anonymous = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))
        {
            using HttpResponseMessage refused = await client.PostAsync(new Uri("/api/v1/evaluations/score", UriKind.Relative), anonymous);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var key = await app.Services.GetRequiredService<Assistant.Features.Records.ApiKeyStore>().CreateAsync("reviewer", "单位甲", null);
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        using var content = new StringContent(await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[2])), System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/v1/evaluations/score", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Compact by default since session 38 (no space after the colon).
        Assert.Contains("\"total\":\"85.92\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.StopAsync();
    }

    /// <summary>
    /// The score and facts answers go out with their length (one send, no chunk framing), and the bytes
    /// are the serializer's: on real Kestrel, where the framing is the server's (the test host never chunks).
    /// </summary>
    [Fact]
    public async Task Kestrel_ContractAnswers_CarryTheirLength()
    {
        await using var database = new Assistant.Testing.TestDatabase("kestrellength");
        await using WebApplication app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Assistant=" + database.ConnectionString]);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var key = await app.Services.GetRequiredService<Assistant.Features.Records.ApiKeyStore>().CreateAsync("reviewer", "单位甲", null);
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        foreach (string table in Shared.Tables)
        {
            string json = await File.ReadAllTextAsync(Shared.Reference(table));
            var evaluation = Assistant.Features.Evaluations.EvaluationJson.Parse(json);
            foreach ((string path, string expected) in new[]
            {
                ("/api/v1/evaluations/score", CompactAnswers.Of(Assistant.Features.Evaluations.EvaluationService.Score(evaluation))),
                ("/api/v1/evaluations/facts", CompactAnswers.Of(Assistant.Features.Evaluations.EvaluationService.Facts(evaluation))),
                ("/api/v1/evaluations/score?pretty=true", CompactAnswers.Indented(Assistant.Features.Evaluations.EvaluationService.Score(evaluation))),
                ("/api/v1/evaluations/facts?pretty=true", CompactAnswers.Indented(Assistant.Features.Evaluations.EvaluationService.Facts(evaluation))),
            })
            {
                await AssertWholeAnswerAsync(client, path, json, expected);
            }
        }

        await app.StopAsync();
    }

    /// <summary>
    /// An answer many times the size of the one before it (the pooled buffer starts at the last answer's
    /// size and grows) goes out whole with its length, and a small one after it too: 240 indicators, then
    /// the smallest reference table, then the large one again.
    /// </summary>
    [Fact]
    public async Task Kestrel_AnswersLargerThanTheLast_GoOutWhole()
    {
        await using var database = new Assistant.Testing.TestDatabase("kestrelgrow");
        await using WebApplication app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Assistant=" + database.ConnectionString]);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var key = await app.Services.GetRequiredService<Assistant.Features.Records.ApiKeyStore>().CreateAsync("reviewer", "单位甲", null);
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);

        var table = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-entrepreneurship-fund")))!;
        var indicators = table["indicators"]!.AsArray();
        var copies = new System.Text.Json.Nodes.JsonArray();
        for (int i = 0; copies.Count < 240; i++)
        {
            var copy = indicators[i % indicators.Count]!.DeepClone();
            copy["name"] = $"{copy["name"]!.GetValue<string>()}（第{i + 1}项）";
            copies.Add(copy);
        }

        table["indicators"] = copies;
        string large = table.ToJsonString();
        string small = await File.ReadAllTextAsync(Shared.Reference(Shared.Tables.MinBy(t => new FileInfo(Shared.Reference(t)).Length)!));
        foreach (string json in new[] { large, small, large })
        {
            string expected = CompactAnswers.Of(Assistant.Features.Evaluations.EvaluationService.Score(Assistant.Features.Evaluations.EvaluationJson.Parse(json)));
            await AssertWholeAnswerAsync(client, "/api/v1/evaluations/score", json, expected);
        }

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(CompactAnswers.Of(
            Assistant.Features.Evaluations.EvaluationService.Score(Assistant.Features.Evaluations.EvaluationJson.Parse(large)))) > 4 * Infrastructure.PooledAnswer.MinimumHint);
        await app.StopAsync();
    }

    /// <summary>A 200 of exactly <paramref name="expected"/>, with its length, not chunked, the contract's type and <c>nosniff</c>.</summary>
    private static async Task AssertWholeAnswerAsync(HttpClient client, string path, string json, string expected)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(body));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
