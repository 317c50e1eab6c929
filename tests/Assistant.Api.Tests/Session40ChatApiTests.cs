using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Domain.Conversation;
using Assistant.Features.Records;
using Assistant.Testing;

namespace Assistant.Api.Tests;

/// <summary>
/// Session 40 through the real conversation API (offline, real PostgreSQL): 执行率多少，要不要写原因 with no line named gives the
/// total first and then only the lines that need a reason, nothing said twice; a reason given without a row goes to the one short
/// row its words fit and reaches the redraft of 三; a fund line's reason is what the draft of 三 borrows for it, in the chat and in the
/// draft alike.
/// </summary>
public class Session40ChatApiTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    private static string Table(string name) => File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", name + ".json"));

    private async Task<(HttpClient Client, Guid Conversation)> StartAsync(string table)
    {
        var (client, _, conversation) = await StoreAndStartAsync(table);
        return (client, conversation);
    }

    private async Task<(HttpClient Client, Guid Evaluation, Guid Conversation)> StoreAndStartAsync(string table)
    {
        await factory.SeedAsync();
        HttpClient client = factory.ClientFor(ApiRoles.Admin, ApiFactory.Unit);
        Guid evaluation = await client.StoreAsync(table, Table(table));
        return (client, evaluation, await client.StartAsync(evaluation));
    }

    /// <summary>The offline draft of 三 as <c>POST …/drafts</c> stores it: its text.</summary>
    private static async Task<string> DraftOfThreeAsync(HttpClient client, Guid evaluation)
    {
        string body = new JsonObject { ["section"] = "deviation", ["provider"] = "offline", ["sourcesPerItem"] = 0 }.ToJsonString();
        using HttpResponseMessage r = await client.PostAsync(new Uri($"/api/v1/evaluations/{evaluation}/drafts", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (string)JsonNode.Parse(await r.Content.ReadAsStringAsync())!["draft"]!["text"]!;
    }

    private static async Task<string> SayAsync(HttpClient client, Guid conversation, string message)
    {
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, message);
        Assert.True(events.Done().GetProperty("held").GetInt32() == 0,
            string.Join("\n", events.Of("sentence").Where(x => x.GetProperty("held").GetArrayLength() > 0).Select(x => x.GetRawText())));
        return events.Said();
    }

    [Theory]
    [InlineData("probe38-yinan", "执行率多少，要不要写原因", "部分项目因汛期推迟开工，工程款按进度支付", "县级资金执行率43.33%，低于90%，需要说明原因，表中还没有填写")]
    [InlineData("probe38-luliang", "执行率多少，要不要写原因", null, "县级配套资金执行率48.08%，低于90%，需要说明原因，表中还没有填写")]
    [InlineData("session40-xichuan", "资金执行率是多少，需不需要写原因", null, "县级资金执行率55.00%，低于90%，需要说明原因")]
    public async Task MoneyAskedWithReasonNeeded_NoLineNamed_TotalFirst_NothingTwice(string table, string message, string? totalReason, string lowLine)
    {
        (HttpClient client, Guid conversation) = await StartAsync(table);
        string said = await SayAsync(client, conversation, message);
        Assert.StartsWith("年度资金总额：", said, StringComparison.Ordinal);
        Assert.Contains(lowLine, said, StringComparison.Ordinal);
        Assert.DoesNotContain("表中对年度资金总额填报的原因", said, StringComparison.Ordinal); // the total's reason said by the second part only
        Assert.True(AnswerRepeats.Find(said).Count == 0, said);
        if (totalReason is not null)
        {
            Assert.Equal(said.IndexOf(totalReason, StringComparison.Ordinal), said.LastIndexOf(totalReason, StringComparison.Ordinal)); // quoted once
        }
    }

    [Theory]
    [InlineData("probe38-yangxian", "原因是农产品价格下行，经营性收入减少", "脱贫人口人均纯收入增幅", "农产品价格下行")]
    [InlineData("session40-meitan", "原因是春茶收购价格下跌", "带动茶农增收", "春茶收购价格下跌")]
    public async Task AReasonNamingNoRow_GoesToTheRowItsWordsFit_AndIsDrafted(string table, string message, string row, string reason)
    {
        (HttpClient client, Guid conversation) = await StartAsync(table);
        string said = await SayAsync(client, conversation, message);
        Assert.StartsWith($"您没有说是哪一项的原因，已把“{row}”（原因中的“价格”说的是这项指标", said, StringComparison.Ordinal);
        string drafted = await SayAsync(client, conversation, "再把第三部分整体重写一下，然后第三部分的全文给我看看");
        Assert.Contains(reason, drafted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("session40-xichuan", "部分培训班次延至次年开班，补贴未能在年内结算", true)]
    [InlineData("session40-meitan", "受春茶收购价格下跌影响", false)]
    [InlineData("probe38-yangxian", "部分脱贫户发展意愿不足，贷款需求下降", false)]
    public async Task AFundLinesReason_TheChatAndTheDraftAgree(string table, string reason, bool borrowed)
    {
        (HttpClient client, Guid evaluation, Guid conversation) = await StoreAndStartAsync(table);
        string chat = await SayAsync(client, conversation, "县级资金为什么执行率低");
        string drafted = await DraftOfThreeAsync(client, evaluation);
        string paragraph = drafted.Split('\n').First(l => l.Contains("“县级资金”执行率偏低", StringComparison.Ordinal) && !l.Contains("针对", StringComparison.Ordinal));
        Assert.Equal(borrowed, chat.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(borrowed, paragraph.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(!borrowed, chat.Contains("表中没有填写县级资金执行率偏低的原因", StringComparison.Ordinal));
    }
}
