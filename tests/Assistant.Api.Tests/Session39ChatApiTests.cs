using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Features.Records;
using Assistant.Testing;

namespace Assistant.Api.Tests;

/// <summary>
/// Session 38's outside tester (#10, #12) through the real API (offline, real PostgreSQL): <c>POST …/drafts</c> takes part 三 by the
/// names <c>/report</c> takes (三, 3, 第三部分) and its halves in Chinese, and sends a request for another part to <c>/report</c> with a
/// bilingual 400 naming <c>section</c>; a reason with several short rows and none talked about is not guessed (it asks which row).
/// </summary>
public class Session39ChatApiTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    private static string Table(string name) => File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", name + ".json"));

    private async Task<(HttpClient Client, Guid Evaluation)> StoreAsync(string table)
    {
        await factory.SeedAsync();
        HttpClient client = factory.ClientFor(ApiRoles.Admin, ApiFactory.Unit);
        return (client, await client.StoreAsync(table, Table(table)));
    }

    private static async Task<string> SayAsync(HttpClient client, Guid conversation, string message)
    {
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, message);
        Assert.True(events.Done().GetProperty("held").GetInt32() == 0,
            string.Join("\n", events.Of("sentence").Where(x => x.GetProperty("held").GetArrayLength() > 0).Select(x => x.GetRawText())));
        return events.Said();
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> DraftAsync(HttpClient client, Guid evaluation, string section)
    {
        string body = new JsonObject { ["section"] = section, ["provider"] = "offline", ["sourcesPerItem"] = 0 }.ToJsonString();
        using HttpResponseMessage r = await client.PostAsync(new Uri($"/api/v1/evaluations/{evaluation}/drafts", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        return (r.StatusCode, JsonNode.Parse(await r.Content.ReadAsStringAsync())!);
    }

    [Theory]
    [InlineData("三", "deviation")]
    [InlineData("3", "deviation")]
    [InlineData("第三部分", "deviation")]
    [InlineData("三、偏离绩效目标的原因和下一步改进措施", "deviation")]
    [InlineData("原因", "deviation-reasons")]
    [InlineData("改进措施", "improvement-measures")]
    [InlineData("deviation", "deviation")]
    public async Task ADraftOfPartThree_TakesTheNamesTheReportTakes(string section, string stored)
    {
        (HttpClient client, Guid evaluation) = await StoreAsync("probe38-yinan");
        var (status, body) = await DraftAsync(client, evaluation, section);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(stored, (string?)body["section"]);
    }

    [Theory]
    [InlineData("一", "第一部分", "/report")]
    [InlineData("五", "第五部分", "/report")]
    [InlineData("targets", "第一部分", "/report")]
    [InlineData("全部", "未知的段落", "原因（deviation-reasons）")]
    [InlineData("第三段", "未知的段落", "措施（improvement-measures）")]
    public async Task ADraftOfAnotherPart_Is400_NamingSection_InBothLanguages(string section, string zh, string hint)
    {
        (HttpClient client, Guid evaluation) = await StoreAsync("probe38-yinan");
        var (status, body) = await DraftAsync(client, evaluation, section);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        string error = (string)body["errors"]!["section"]![0]!;
        Assert.Contains(zh, error, StringComparison.Ordinal);
        Assert.Contains(hint, error, StringComparison.Ordinal);
        Assert.Contains("section: ", body.ToJsonString(), StringComparison.Ordinal); // the English half names the field too
    }

    [Fact]
    public async Task AReasonNamingNoRow_WithFourShortRows_GoesToTheOneItsWordsFit()
    {
        // Session 40: 随访 is what 高血压患者规范管理率 counts, and no other short row fits, so the reason is kept for it and said so
        // (it asked which row in session 39); the redraft carries it.
        (HttpClient client, Guid evaluation) = await StoreAsync("probe38-luliang");
        Guid conversation = await client.StartAsync(evaluation);
        string said = await SayAsync(client, conversation, "原因是乡镇卫生院公卫人员不足，随访不到位");
        Assert.StartsWith("您没有说是哪一项的原因，已把“高血压患者规范管理率”（原因中的“随访”说的是这项指标", said, StringComparison.Ordinal);
        Assert.DoesNotContain("请说明是哪一项", said, StringComparison.Ordinal);
        string drafted = await SayAsync(client, conversation, "再把第三部分整体重写一下，然后第三部分的全文给我看看");
        Assert.Contains("公卫人员不足", drafted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReasonNamingNoRow_ThatFitsNoShortRow_AsksWhich()
    {
        (HttpClient client, Guid evaluation) = await StoreAsync("probe38-luliang");
        Guid conversation = await client.StartAsync(evaluation);
        string said = await SayAsync(client, conversation, "原因是工作人员不足");
        Assert.Contains("请说明是哪一项", said, StringComparison.Ordinal);
        Assert.Contains("高血压患者规范管理率", said, StringComparison.Ordinal);
        string drafted = await SayAsync(client, conversation, "再把第三部分整体重写一下，然后第三部分的全文给我看看");
        Assert.DoesNotContain("工作人员不足", drafted, StringComparison.Ordinal);
    }
}
