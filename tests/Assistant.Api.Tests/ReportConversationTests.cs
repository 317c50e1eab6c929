using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Features.Records;
using DocumentFormat.OpenXml.Packaging;

namespace Assistant.Api.Tests;

/// <summary>
/// The whole report from the chat (offline): a part asked for is drafted through the report service and
/// stored as a new report version holding that part (never part 三 instead), its text is the answer, and
/// export answers carry download links that work.
/// </summary>
public partial class ReportConversationTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    private const string Table = "zhongwei-2024-employment-service-demo";

    private async Task<(HttpClient Client, Guid Evaluation, Guid Conversation)> StartAsync(string role = ApiRoles.Admin)
    {
        await factory.SeedAsync();
        HttpClient writer = factory.ClientFor(ApiRoles.Admin, ApiFactory.Unit);
        Guid evaluation = await writer.StoreAsync(Table);
        HttpClient client = role == ApiRoles.Admin ? writer : factory.ClientFor(role, ApiFactory.Unit);
        return (client, evaluation, await client.StartAsync(evaluation));
    }

    [Theory]
    [InlineData("帮我写第一部分")]
    [InlineData("第一部分能起草吗？")]
    [InlineData("目标分解下达情况那部分写一下")]
    public async Task DraftingPartOne_StoresANewReportVersionWithPartOne_AndNoPartThree(string question)
    {
        var (client, evaluation, conversation) = await StartAsync();
        IReadOnlyList<Sse> turn = await client.AskAsync(conversation, question);

        JsonElement tool = Assert.Single(turn.Of("tool"));
        Assert.Equal("draft_report_part", tool.GetProperty("name").GetString());
        Assert.False(tool.GetProperty("failed").GetBoolean());
        Assert.Empty(turn.Of("draft"));
        Assert.Equal(1, Assert.Single(turn.Of("report")).GetProperty("version").GetInt32());

        JsonElement report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{evaluation}/report");
        Assert.Equal(1, report.GetProperty("version").GetInt32());
        Assert.Equal("targets", report.GetProperty("part").GetString());
        var parts = report.GetProperty("report").GetProperty("parts").EnumerateArray().ToList();
        JsonElement part = Assert.Single(parts);
        Assert.Equal("targets", part.GetProperty("key").GetString());
        Assert.DoesNotContain(parts, p => p.GetProperty("key").GetString() == "deviation");

        // The answer says which version was stored and quotes the part as stored, every number verified.
        string said = turn.Said();
        Assert.Contains("保存为报告的第1版", said, StringComparison.Ordinal);
        Assert.DoesNotContain("三、偏离绩效目标的原因", said, StringComparison.Ordinal);
        foreach (string line in part.GetProperty("text").GetString()!.Split('\n').Where(l => l.Trim().Length > 0))
        {
            Assert.Contains(line.Trim(), said, StringComparison.Ordinal);
        }

        Assert.Equal(0, turn.Done().GetProperty("held").GetInt32());
        JsonElement drafts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{evaluation}/drafts");
        Assert.Equal(0, drafts.GetArrayLength());
    }

    [Fact]
    public async Task ASecondPart_IsANewVersion_KeepingTheFirst_AndARedraftIsAnother()
    {
        var (client, evaluation, conversation) = await StartAsync();
        await client.AskAsync(conversation, "帮我写第一部分");
        IReadOnlyList<Sse> second = await client.AskAsync(conversation, "第二部分能起草吗？");
        Assert.Contains("保存为报告的第2版", second.Said(), StringComparison.Ordinal);
        Assert.Contains("二、绩效情况分析", second.Said(), StringComparison.Ordinal);
        Assert.Equal(0, second.Done().GetProperty("held").GetInt32());

        JsonElement v2 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{evaluation}/report");
        Assert.Equal(["targets", "performance"], v2.GetProperty("report").GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("key").GetString()));
        JsonElement v1 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{evaluation}/report?version=1");
        Assert.Equal(v1.GetProperty("report").GetProperty("parts")[0].GetProperty("text").GetString(), v2.GetProperty("report").GetProperty("parts")[0].GetProperty("text").GetString());

        IReadOnlyList<Sse> fifth = await client.AskAsync(conversation, "第五部分");
        Assert.Contains("五、其他需要说明的问题", fifth.Said(), StringComparison.Ordinal);
        IReadOnlyList<Sse> again = await client.AskAsync(conversation, "把第四部分重写一下");
        Assert.Contains("保存为报告的第4版", again.Said(), StringComparison.Ordinal);
        JsonElement v4 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/evaluations/{evaluation}/report");
        Assert.Equal(["targets", "performance", "application", "other"], v4.GetProperty("report").GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Export_AnswersWithLinksThatDownload_AndSaysWhatToDoBeforeAReportExists()
    {
        var (client, _, conversation) = await StartAsync();

        // No report yet: the table's link works, and the answer says to draft the report first.
        IReadOnlyList<Sse> early = await client.AskAsync(conversation, "能导出成Word吗？");
        Assert.Equal("export_links", Assert.Single(early.Of("tool")).GetProperty("name").GetString());
        Assert.Contains("起草全文", early.Said(), StringComparison.Ordinal);
        Assert.DoesNotContain("report.docx", early.Said(), StringComparison.Ordinal);
        string table = Assert.Single(Links().Matches(early.Said())).Value;
        Assert.EndsWith("/table.xlsx", table, StringComparison.Ordinal);
        HttpResponseMessage xlsx = await client.GetAsync(table);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        await client.AskAsync(conversation, "帮我写第一部分");
        IReadOnlyList<Sse> turn = await client.AskAsync(conversation, "能导出成Word吗？");
        Assert.Equal(0, turn.Done().GetProperty("held").GetInt32());
        string link = Links().Matches(turn.Said()).Select(m => m.Value).Single(l => l.EndsWith("/report.docx", StringComparison.Ordinal));

        HttpResponseMessage docx = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        await using Stream stream = await docx.Content.ReadAsStreamAsync();
        using var ms = new MemoryStream();
        await stream.CopyToAsync(ms);
        ms.Position = 0;
        using WordprocessingDocument doc = WordprocessingDocument.Open(ms, false);
        string text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("一、绩效目标分解下达情况", text, StringComparison.Ordinal);

        // The stored answer keeps the link as it was said (the page shows it as a link when reopened).
        JsonElement stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}");
        Assert.Contains(link, stored.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReviewer_CannotDraftAPart_AndNothingIsStored()
    {
        var (client, evaluation, conversation) = await StartAsync(ApiRoles.Reviewer);
        IReadOnlyList<Sse> turn = await client.AskAsync(conversation, "帮我写第一部分");
        Assert.True(Assert.Single(turn.Of("tool")).GetProperty("failed").GetBoolean());
        Assert.Contains("不能起草", turn.Said(), StringComparison.Ordinal);
        HttpResponseMessage report = await client.GetAsync($"/api/v1/evaluations/{evaluation}/report");
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
    }

    [Fact]
    public async Task RewritingOffline_SaysAModelIsNeeded_AndOffersWhatCanBeDone()
    {
        var (client, _, conversation) = await StartAsync();
        IReadOnlyList<Sse> turn = await client.AskAsync(conversation, "把这段改正式一点");
        string said = turn.Said();
        Assert.Contains("需要大模型", said, StringComparison.Ordinal);
        Assert.Contains("不能改写", said, StringComparison.Ordinal);
        Assert.Contains("起草", said, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/api/v1/evaluations/[0-9a-f-]{36}/(report\.docx|table\.xlsx)")]
    private static partial Regex Links();
}
