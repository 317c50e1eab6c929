using System.Text.Json;
using Assistant.Features.Records;

namespace Assistant.Api.Tests;

/// <summary>
/// What a staff member tells the assistant in a conversation (offline, real PostgreSQL): a reason given for a row
/// is kept for the next turns and used when that row is redrafted; a measure asked for is included; "重新起草第三部分"
/// drafts instead of refusing. Every sentence passes the gate.
/// </summary>
public class ReasonsInConversationTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    private static string Health => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "health32-yuan-parts.json"));

    private async Task<(HttpClient Client, Guid Conversation)> StartAsync()
    {
        await factory.SeedAsync();
        HttpClient client = factory.ClientFor(ApiRoles.Admin, ApiFactory.Unit);
        Guid evaluation = await client.StoreAsync("health32-yuan-parts", Health);
        return (client, await client.StartAsync(evaluation));
    }

    private static void NothingHeld(IReadOnlyList<Sse> events) =>
        Assert.True(events.Done().GetProperty("held").GetInt32() == 0,
            string.Join("\n", events.Of("sentence").Where(x => x.GetProperty("held").GetArrayLength() > 0).Select(x => x.GetRawText())));

    public static TheoryData<string, string, string, string> ReasonThenMeasure => new()
    {
        {
            "孕产妇死亡率那段原因写得太空了，改一下，原因是辖区高龄高危孕产妇比例上升，有2例产后大出血转诊不及时",
            "高龄高危孕产妇比例上升",
            "再把改进措施写具体点，加上建立危重孕产妇救治绿色通道",
            "绿色通道"
        },
        {
            "孕产妇及家属满意度没达到的原因是产科病房改造期间床位紧张，陪护条件差",
            "产科病房改造期间床位紧张",
            "孕产妇及家属满意度的改进措施加上改造期间开设临时陪护休息区",
            "临时陪护休息区"
        },
    };

    [Theory]
    [MemberData(nameof(ReasonThenMeasure))]
    public async Task AReasonGivenInChat_IsKept_AndTheNextRedraftUsesIt_WithTheAskedMeasure(string giveReason, string reason, string askMeasure, string measure)
    {
        (HttpClient client, Guid conversation) = await StartAsync();
        IReadOnlyList<Sse> first = await client.AskAsync(conversation, giveReason);
        NothingHeld(first);
        string said = first.Said();
        Assert.Contains(reason, said, StringComparison.Ordinal);
        Assert.DoesNotContain("不能改写", said, StringComparison.Ordinal);
        // The user's reason is not presented as the one the unit filled in, and a quotation is not followed by a second full stop.
        Assert.DoesNotContain("单位填报的偏差原因：“" + reason, said, StringComparison.Ordinal);
        Assert.DoesNotContain("。”。", said, StringComparison.Ordinal);

        IReadOnlyList<Sse> second = await client.AskAsync(conversation, askMeasure);
        NothingHeld(second);
        string next = second.Said();
        Assert.Contains(measure, next, StringComparison.Ordinal);
        Assert.Contains(reason, next, StringComparison.Ordinal);
        Assert.DoesNotContain("表中没有填写原因", next, StringComparison.Ordinal);
        Assert.DoesNotContain("。”。", next, StringComparison.Ordinal);

        // The stored table is not changed by a chat turn: its row still has no 偏差原因 of the user's words.
        using HttpResponseMessage stored = await client.GetAsync(new Uri($"/api/v1/conversations/{conversation}", UriKind.Relative));
        Assert.True(stored.IsSuccessStatusCode);
        JsonElement conv = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonElement>(stored.Content);
        Guid evaluation = conv.GetProperty("evaluationId").GetGuid();
        using HttpResponseMessage table = await client.GetAsync(new Uri($"/api/v1/evaluations/{evaluation}", UriKind.Relative));
        Assert.DoesNotContain(reason, await table.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("第三部分的改进措施第1条太长了，帮我重新起草第三部分")]
    [InlineData("帮我重新起草第三部分")]
    [InlineData("第三部分重新写一版")]
    public async Task ARedraftOfPartThree_IsDrafted_NotRefused(string ask)
    {
        (HttpClient client, Guid conversation) = await StartAsync();
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, ask);
        NothingHeld(events);
        string said = events.Said();
        Assert.DoesNotContain("不能改写", said, StringComparison.Ordinal);
        Assert.DoesNotContain("需要大模型", said, StringComparison.Ordinal);
        Assert.Equal("draft_section", Assert.Single(events.Of("tool")).GetProperty("name").GetString());
        Assert.Contains("保存为第1版", said, StringComparison.Ordinal);
        JsonElement drafted = Assert.Single(events.Of("draft"));
        Assert.Equal("verified", drafted.GetProperty("draft").GetProperty("status").GetString());

        // The short rows of the table are in the drafted section, with the calculator's figures.
        string text = drafted.GetRawText();
        Assert.All(new[] { "孕产妇系统管理人数", "孕产妇死亡率", "84.00%" }, w => Assert.True(text.Contains(w, StringComparison.Ordinal), text));
    }

    [Theory]
    [InlineData("孕产妇死亡率超标的原因是：全县年活产数少（约8600人），2例死亡就让比率升到24/10万，其中1例为外县转入的危重孕妇。请把这个原因加进去，重写第三部分。", "约8600人")]
    [InlineData("重写第三部分，孕产妇死亡率那项的原因写：全县活产数少，3例中有2例为外县转入，比率波动较大。", "3例中有2例为外县转入")]
    public async Task AReasonTypedWithItsOwnFigures_RedraftsPartThree_QuotingThem_AndIsListedAsNotYetInTheTable(string message, string figures)
    {
        (HttpClient client, Guid conversation) = await StartAsync();
        IReadOnlyList<Sse> first = await client.AskAsync(conversation, message);
        NothingHeld(first);
        string said = first.Said();
        Assert.Contains("已记下您给出的“孕产妇死亡率”的原因", said, StringComparison.Ordinal);
        Assert.DoesNotContain("没有找到", said, StringComparison.Ordinal); // not a failed lookup across units (全县 in the reason)
        Assert.Contains("保存为第1版", said, StringComparison.Ordinal);
        Assert.Contains(figures, said, StringComparison.Ordinal); // the row's paragraph, with the staff member's own figures
        Assert.DoesNotContain("【待核实】", said, StringComparison.Ordinal);
        Assert.DoesNotContain("请把这个原因", said, StringComparison.Ordinal); // the request is not part of the reason

        IReadOnlyList<Sse> second = await client.AskAsync(conversation, "哪些指标没写原因");
        NothingHeld(second);
        string next = second.Said();
        Assert.Contains("自评表的偏差原因栏里还没有", next, StringComparison.Ordinal);
        Assert.Contains("“孕产妇死亡率”：您给出的原因是", next, StringComparison.Ordinal);
    }
}
