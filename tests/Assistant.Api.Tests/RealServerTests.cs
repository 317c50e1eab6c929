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
        Assert.Contains("\"total\": \"85.92\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
                ("/api/v1/evaluations/score", System.Text.Json.JsonSerializer.Serialize(Assistant.Features.Evaluations.EvaluationService.Score(evaluation), Assistant.Features.Evaluations.ScoreContract.JsonOptions)),
                ("/api/v1/evaluations/facts", System.Text.Json.JsonSerializer.Serialize(Assistant.Features.Evaluations.EvaluationService.Facts(evaluation), Assistant.Features.Evaluations.ScoreContract.JsonOptions)),
            })
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

        await app.StopAsync();
    }
}
