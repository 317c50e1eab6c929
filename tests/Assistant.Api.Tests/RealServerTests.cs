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
}
