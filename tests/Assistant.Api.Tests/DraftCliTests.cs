using System.Text.Json;
using Assistant.Testing;

namespace Assistant.Api.Tests;

/// <summary><c>assistant draft</c> and <c>assistant keys</c> through the real executable, on a fresh database.</summary>
public sealed class DraftCliTests : IAsyncLifetime
{
    private readonly TestDatabase database = new("cli_draft");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Draft_PrintsAVerifiedSection_AsJsonOrText()
    {
        (int exit, string stdout, string stderr) = await RunAsync("draft", "--evaluation", Shared.Reference("zhongwei-2024-internship-subsidy"), "--section", "deviation");
        Assert.True(exit == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Equal("verified", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(4, doc.RootElement.GetProperty("items").GetArrayLength());
        Assert.StartsWith("三、偏离绩效目标的原因和下一步改进措施", doc.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);

        (exit, stdout, _) = await RunAsync("draft", "--evaluation", Shared.Reference("zhongwei-2024-internship-subsidy"), "--section", "improvement-measures", "--format", "text");
        Assert.Equal(0, exit);
        Assert.StartsWith("下一步改进措施", stdout, StringComparison.Ordinal);
        Assert.Contains("机关事业单位实习生数量", stdout, StringComparison.Ordinal);

        (exit, _, stderr) = await RunAsync("draft", "--evaluation", Shared.Reference("zhongwei-2024-internship-subsidy"), "--section", "all");
        Assert.Equal(2, exit);
        Assert.Contains("section", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_CreateListRevoke_NeverListTheSecret()
    {
        (int exit, string stdout, string stderr) = await RunAsync("keys", "create", "--role", "reviewer", "--scope", "中卫市人社局");
        Assert.True(exit == 0, stderr);
        using JsonDocument created = JsonDocument.Parse(stdout);
        string key = created.RootElement.GetProperty("key").GetString()!;
        string prefix = created.RootElement.GetProperty("prefix").GetString()!;
        Assert.StartsWith($"ak_{prefix}_", key, StringComparison.Ordinal);

        (_, stdout, _) = await RunAsync("keys", "list");
        Assert.Contains(prefix, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(key, stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("keys", "revoke", prefix)).Exit);
        Assert.Equal(2, (await RunAsync("keys", "revoke", prefix)).Exit);
        Assert.Equal(2, (await RunAsync("keys", "create", "--role", "root", "--scope", "x")).Exit);
    }

    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) => CliProcess.RunAsync(database.ConnectionString, args);
}
