using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Cli;
using Assistant.Features.Corpus;
using Assistant.Features.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Tests;

/// <summary>One resolution of the database for every host and script; settings checked at start; one set of input limits.</summary>
public class StartupSettingsTests
{
    [Theory]
    [InlineData("Host=db.example;Port=5432;Database=x", null, null, "db.example:5432/x")]
    [InlineData(null, null, null, "127.0.0.1:55432/assistant")]
    [InlineData(null, "55999", null, "127.0.0.1:55999/assistant")]
    [InlineData(null, "55999", "other", "127.0.0.1:55999/other")]
    [InlineData("", "55433", null, "127.0.0.1:55433/assistant")]
    public void ConnectionString_ComesFromTheSettingElseTheScriptsVariables(string? setting, string? port, string? database, string expected)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Assistant"] = setting,
            ["ASSISTANT_PG_PORT"] = port,
            ["ASSISTANT_PG_DB"] = database,
        }).Build();
        Assert.Equal(expected, StorageSetup.Describe(StorageSetup.ConnectionString(configuration)));
    }

    [Theory]
    [InlineData("five")]
    [InlineData("0")]
    [InlineData("70000")]
    public void ConnectionString_BadPort_NamesTheVariable(string port)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ASSISTANT_PG_PORT"] = port }).Build();
        var e = Assert.Throws<InvalidOperationException>(() => StorageSetup.ConnectionString(configuration));
        Assert.Contains("ASSISTANT_PG_PORT", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Embeddings:Provider", "openai", "Embeddings:Endpoint")]
    [InlineData("Embeddings:Provider", "word2vec", "Embeddings:Provider")]
    [InlineData("Embeddings:Dimensions", "4", "Embeddings:Dimensions")]
    public async Task ABadSetting_StopsTheStart_NamingIt(string key, string value, string named)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Assistant"] = "Host=127.0.0.1;Port=1", [key] = value });
        builder.AddStorage().AddCorpus();
        using IHost host = builder.Build();
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandLine_FollowsTheScriptsPort_AndSaysWhereItLooked()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "assistant.dll"));
        psi.ArgumentList.Add("keys");
        psi.ArgumentList.Add("list");
        psi.Environment.Remove("ConnectionStrings__Assistant");
        psi.Environment["ASSISTANT_PG_PORT"] = "1";
        using Process p = Process.Start(psi)!;
        string stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(CliApp.BadInput, p.ExitCode);
        Assert.Contains("127.0.0.1:1/assistant", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandLine_StopsOnABadSetting_NamingIt()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "assistant.dll"));
        psi.ArgumentList.Add("keys");
        psi.ArgumentList.Add("list");
        psi.Environment["Embeddings__Provider"] = "openai";
        using Process p = Process.Start(psi)!;
        string stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(CliApp.BadInput, p.ExitCode);
        Assert.Contains("Embeddings:Endpoint", stderr, StringComparison.Ordinal);
    }

    /// <summary>The same table is refused by both hosts, for the same reason (the first release let the command line take 5,000 indicators and the API 500).</summary>
    [Theory]
    [InlineData(501, "indicators")]
    [InlineData(0, "title")]
    public async Task OneValidator_BothHostsRefuseTheSameTable(int indicators, string field)
    {
        JsonNode table = JsonNode.Parse(await File.ReadAllTextAsync(Shared.Reference(Shared.Tables[0])))!;
        if (indicators > 0)
        {
            JsonArray rows = table["indicators"]!.AsArray();
            JsonNode first = rows[0]!;
            while (rows.Count < indicators)
            {
                rows.Add(first.DeepClone());
            }
        }
        else
        {
            table["title"] = new string('长', 301);
        }

        string path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, table.ToJsonString());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(CliApp.BadInput, await CliApp.RunAsync(["score", path], stdout, stderr));
        Assert.Contains(field + ":", stderr.ToString(), StringComparison.Ordinal);
        File.Delete(path);

        await using var factory = new ApiFactory();
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/v1/evaluations/score", UriKind.Relative), new StringContent(table.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }
}
