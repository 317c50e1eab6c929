using System.Text.Json;
using Assistant.Testing;

namespace Assistant.Api.Tests;

/// <summary><c>assistant ask</c>: one turn through the real executable, with a database (corpus) and without one.</summary>
public sealed class AskCliTests : IAsyncLifetime
{
    private readonly TestDatabase database = new("cli_ask");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Ask_AnswersOneTurn_AsJsonWithToolsAndHeldNumbers_OrAsText()
    {
        string table = Shared.Reference("zhongwei-2024-entrepreneurship-fund");
        (int exit, string stdout, string stderr) = await CliProcess.RunAsync(database.ConnectionString, "ask", "--evaluation", table, "资金执行率才80.8%，扣了多少分？");
        Assert.True(exit == 0, stderr);
        using (JsonDocument doc = JsonDocument.Parse(stdout))
        {
            JsonElement r = doc.RootElement;
            Assert.Contains("5.00分 × 80.80% = 4.04分", r.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Contains("扣0.96分", r.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal("get_score", Assert.Single(r.GetProperty("toolCalls").EnumerateArray()).GetProperty("name").GetString());
            Assert.Equal(0, r.GetProperty("held").GetInt32());
            Assert.Empty(r.GetProperty("heldNumbers").EnumerateArray());
            Assert.Equal("offline", r.GetProperty("provider").GetString());
            Assert.True(r.GetProperty("corpus").GetBoolean());
        }

        (exit, stdout, _) = await CliProcess.RunAsync(database.ConnectionString, "ask", "--evaluation", table, "--format", "text", "公益岗补贴人数为什么没完成");
        Assert.Equal(0, exit);
        Assert.StartsWith("“享受公益性岗位补贴人员数量”", stdout, StringComparison.Ordinal);
        Assert.Contains("完成率66.80%", stdout, StringComparison.Ordinal);

        (exit, _, stderr) = await CliProcess.RunAsync(database.ConnectionString, "ask", "--evaluation", table, "--format", "xml", "总分");
        Assert.Equal(2, exit);
        Assert.Contains("format", stderr, StringComparison.Ordinal);
        Assert.Equal(2, (await CliProcess.RunAsync(database.ConnectionString, "ask", "--evaluation", "/nonexistent.json", "总分")).Exit);
    }

    [Fact]
    public async Task Ask_WithoutADatabase_StillAnswersFromTheTable_AndSaysTheCorpusIsMissing()
    {
        const string Nowhere = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2";
        string table = Shared.Reference("guangxi-2024-employment-transfer");
        (int exit, string stdout, string stderr) = await CliProcess.RunAsync(Nowhere, "ask", "--evaluation", table, "哪些指标没有完成？为什么？");
        Assert.True(exit == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        string text = doc.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("地方资金执行率69.14%", text, StringComparison.Ordinal);
        Assert.Contains("“就业困难人员就业人数”", text, StringComparison.Ordinal);
        Assert.DoesNotContain("均已完成", text, StringComparison.Ordinal);
        Assert.False(doc.RootElement.GetProperty("corpus").GetBoolean());

        (exit, stdout, _) = await CliProcess.RunAsync(Nowhere, "ask", "--evaluation", table, "--format", "text", "有没有类似的案例");
        Assert.Equal(0, exit);
        Assert.Contains("没有连接语料库", stdout, StringComparison.Ordinal);
    }
}
