using Assistant.Testing;

namespace Assistant.Api.Tests;

/// <summary>
/// A model provider without its endpoint, model or deployment stops the start naming the setting:
/// <c>assistant serve</c> (what <c>scripts/run</c> runs last) and <c>assistant ingest</c> (what it runs first).
/// </summary>
public sealed class ModelStartupTests : IAsyncLifetime
{
    private readonly TestDatabase database = new("cli_model");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "openai", "Drafting__Model=qwen2.5", "Missing configuration: Drafting:Endpoint" },
        { "openai", "Drafting__Endpoint=http://127.0.0.1:1/v1/", "Missing configuration: Drafting:Model" },
        { "azure", "Drafting__Endpoint=http://127.0.0.1:1/", "Missing configuration: Drafting:Deployment" },
        { "azure", "Drafting__Deployment=gpt-4o", "Missing configuration: Drafting:Endpoint" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Serve_And_Ingest_RefuseToStart_NamingTheSetting(string provider, string setting, string expected)
    {
        var environment = new Dictionary<string, string> { ["Drafting__Provider"] = provider };
        string[] kv = setting.Split('=', 2);
        environment[kv[0]] = kv[1];

        (int exit, string stdout, string stderr) = await CliProcess.RunWithAsync(database.ConnectionString, environment, "serve", "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", stdout, StringComparison.Ordinal);

        (exit, _, stderr) = await CliProcess.RunWithAsync(database.ConnectionString, environment, "ingest", Path.Combine(RepoPaths.Repo, "samples", "corpus"));
        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }
}
