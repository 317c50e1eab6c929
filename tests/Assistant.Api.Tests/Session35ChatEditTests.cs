using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Features.Records;

namespace Assistant.Api.Tests;

/// <summary>
/// Session 34's tester (chat #1, #6, #7; offline, real PostgreSQL): a measure typed in chat (第2条措施…措施改成：…) replaces that
/// item's measure in the next part 三 — never stored as a reason, never with the instruction words, never on another row; a
/// reason changed (原因改一下：…) redrafts the whole 三; 完整的第三部分，措施也要 drafts both halves; 第三部分的全文给我看看 shows
/// the stored text; drafts made outside the chat (POST /drafts, the staff page) carry what was given in it.
/// </summary>
public partial class Session35ChatEditTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    private static string Health => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "health32-yuan-parts.json"));

    private async Task<(HttpClient Client, Guid Evaluation, Guid Conversation)> StartAsync(string table, string? body = null)
    {
        await factory.SeedAsync();
        HttpClient client = factory.ClientFor(ApiRoles.Admin, ApiFactory.Unit);
        Guid evaluation = await client.StoreAsync(table, body);
        return (client, evaluation, await client.StartAsync(evaluation));
    }

    private static void NothingHeld(IReadOnlyList<Sse> events) =>
        Assert.True(events.Done().GetProperty("held").GetInt32() == 0,
            string.Join("\n", events.Of("sentence").Where(x => x.GetProperty("held").GetArrayLength() > 0).Select(x => x.GetRawText())));

    private static JsonElement Drafted(IReadOnlyList<Sse> events) => Assert.Single(events.Of("draft"));

    /// <summary>The draft's paragraphs under （二）下一步改进措施, and those under （一） (the reasons).</summary>
    private static (List<string> Reasons, List<string> Measures) Halves(JsonElement draft)
    {
        var reasons = new List<string>();
        var measures = new List<string>();
        List<string>? into = null;
        foreach (JsonElement p in draft.GetProperty("draft").GetProperty("paragraphs").EnumerateArray())
        {
            string text = p.GetProperty("text").GetString()!;
            if (text.StartsWith("（一）", StringComparison.Ordinal))
            {
                into = reasons;
            }
            else if (text.StartsWith("（二）", StringComparison.Ordinal))
            {
                into = measures;
            }
            else if (Numbered().IsMatch(text))
            {
                into?.Add(text);
            }
        }

        return (reasons, measures);
    }

    /// <summary>The row names quoted in the <paramref name="number"/>th measure paragraph (针对“A”“B”未完成的问题：both).</summary>
    private static List<string> MeasureRows(JsonElement draft, int number)
    {
        string paragraph = Halves(draft).Measures.Single(p => p.StartsWith($"{number}.", StringComparison.Ordinal));
        string subject = paragraph[..paragraph.IndexOf('，', StringComparison.Ordinal)];
        return Quoted().Matches(subject).Select(m => m.Groups[1].Value).ToList();
    }

    private static async Task<List<JsonElement>> DraftsAsync(HttpClient client, Guid evaluation)
    {
        using HttpResponseMessage r = await client.GetAsync(new Uri($"/api/v1/evaluations/{evaluation}/drafts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    public static TheoryData<int, string, string> NumberedMeasures => new()
    {
        { 2, "第2条措施跟原因对不上，实习生少是因为岗位减少，措施改成：拓展国有企业和科研院所实习岗位", "拓展国有企业和科研院所实习岗位" },
        { 3, "第三条措施换成：对接工业园区企业增设见习岗位，按月通报上岗人数", "对接工业园区企业增设见习岗位，按月通报上岗人数" },
        { 1, "措施第1条改为按月调度实习补助发放进度", "按月调度实习补助发放进度" },
    };

    [Theory]
    [MemberData(nameof(NumberedMeasures))]
    public async Task AMeasureNumberedInTheLastDraft_ReplacesThatItemsMeasure_InTheChatAndInEveryLaterDraft(int number, string message, string measure)
    {
        (HttpClient client, Guid evaluation, Guid conversation) = await StartAsync("zhongwei-2024-internship-subsidy");
        IReadOnlyList<Sse> first = await client.AskAsync(conversation, "帮我起草第三部分");
        NothingHeld(first);
        JsonElement v1 = Drafted(first);
        // The rows the numbered measure is about (a measure of 预算执行率偏低 is the total line's).
        List<string> rows = MeasureRows(v1, number) is { Count: > 0 } named ? named : ["年度资金总额"];

        IReadOnlyList<Sse> edit = await client.AskAsync(conversation, message);
        NothingHeld(edit);
        string said = edit.Said();
        Assert.Contains($"已把{string.Join("、", rows.Select(r => $"“{r}”"))}的改进措施改为“{measure}”", said, StringComparison.Ordinal);
        Assert.DoesNotContain("已记下您给出的", said, StringComparison.Ordinal); // no reason taken from it
        JsonElement v2 = Drafted(edit);
        Assert.Equal("deviation", v2.GetProperty("section").GetString());
        Assert.Equal("verified", v2.GetProperty("draft").GetProperty("status").GetString());
        (List<string> reasons1, _) = Halves(v1);
        (List<string> reasons2, List<string> measures2) = Halves(v2);
        Assert.Equal(reasons1, reasons2); // the reasons are untouched
        Assert.Contains(measure, measures2.Single(p => p.StartsWith($"{number}.", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Single(measures2, p => p.Contains(measure, StringComparison.Ordinal)); // on no other row
        string text2 = v2.GetProperty("draft").GetProperty("text").GetString()!;
        Assert.DoesNotContain("措施改", text2, StringComparison.Ordinal); // the instruction words are not in the text
        Assert.DoesNotContain("措施换", text2, StringComparison.Ordinal);
        Assert.DoesNotContain("条改为", text2, StringComparison.Ordinal);
        Assert.DoesNotContain("改进措施：", text2, StringComparison.Ordinal);

        // The next redraft in the chat keeps it.
        IReadOnlyList<Sse> again = await client.AskAsync(conversation, "重新起草第三部分");
        NothingHeld(again);
        Assert.Contains(measure, Halves(Drafted(again)).Measures.Single(p => p.StartsWith($"{number}.", StringComparison.Ordinal)), StringComparison.Ordinal);

        // A draft made outside the chat (the staff page's button) carries it too, and /drafts lists only whole drafts of 三.
        using HttpResponseMessage posted = await client.PostAsJsonAsync(new Uri($"/api/v1/evaluations/{evaluation}/drafts", UriKind.Relative), new { section = "deviation" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        JsonElement page = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(measure, page.GetProperty("draft").GetProperty("text").GetString()!, StringComparison.Ordinal);
        List<JsonElement> drafts = await DraftsAsync(client, evaluation);
        Assert.All(drafts, d => Assert.Equal("deviation", d.GetProperty("section").GetString()));
        Assert.Equal(4, drafts.Count);

        // 第三部分的全文给我看看: the latest stored 三, as it is (not drafted again, not the help text).
        IReadOnlyList<Sse> shown = await client.AskAsync(conversation, "现在第三部分的全文给我看看");
        NothingHeld(shown);
        string text = shown.Said();
        Assert.Contains("这是最近保存的第三部分（第4版", text, StringComparison.Ordinal);
        Assert.Contains(measure, text, StringComparison.Ordinal);
        Assert.Contains("（二）下一步改进措施", text, StringComparison.Ordinal);
        Assert.Empty(shown.Of("draft"));
        Assert.Equal(4, (await DraftsAsync(client, evaluation)).Count);
    }

    [Fact]
    public async Task ANumberedMeasure_BeforeAnyDraft_IsNotTaken_AndNothingIsDrafted()
    {
        (HttpClient client, Guid evaluation, Guid conversation) = await StartAsync("zhongwei-2024-internship-subsidy");
        IReadOnlyList<Sse> edit = await client.AskAsync(conversation, "第2条措施改成：拓展国有企业和科研院所实习岗位");
        NothingHeld(edit);
        Assert.Contains("这条措施没有记下", edit.Said(), StringComparison.Ordinal);
        Assert.Empty(edit.Of("draft"));
        IReadOnlyList<Sse> draft = await client.AskAsync(conversation, "帮我起草第三部分");
        Assert.DoesNotContain("拓展国有企业和科研院所实习岗位", Drafted(draft).GetRawText(), StringComparison.Ordinal);
        Assert.Single(await DraftsAsync(client, evaluation));
    }

    public static TheoryData<string, string, string> NamedEdits => new()
    {
        // A reason changed: the whole 三 again, with it (and with the measures), never a reasons-only draft.
        { "孕产妇死亡率原因改一下：外县高危孕产妇转入我县分娩增加，全年转入37例", "孕产妇死亡率", "外县高危孕产妇转入我县分娩增加" },
        { "把孕产妇死亡率的措施换成：建立危重孕产妇救治绿色通道，每季度开展产科急救演练", "孕产妇死亡率", "建立危重孕产妇救治绿色通道，每季度开展产科急救演练" },
        { "孕产妇及家属满意度这条，改进措施写：推行产前检查分时段预约", "孕产妇及家属满意度", "推行产前检查分时段预约" },
    };

    [Theory]
    [MemberData(nameof(NamedEdits))]
    public async Task AReasonOrMeasureChanged_RedraftsTheWholePartThree_WithIt(string message, string row, string words)
    {
        (HttpClient client, Guid evaluation, Guid conversation) = await StartAsync("health32-yuan-parts", Health);
        IReadOnlyList<Sse> edit = await client.AskAsync(conversation, message);
        NothingHeld(edit);
        JsonElement drafted = Drafted(edit);
        Assert.Equal("deviation", drafted.GetProperty("section").GetString());
        (List<string> reasons, List<string> measures) = Halves(drafted);
        Assert.NotEmpty(reasons);
        Assert.NotEmpty(measures);
        bool isMeasure = message.Contains("措施", StringComparison.Ordinal);
        List<string> half = isMeasure ? measures : reasons;
        Assert.Contains(words, Assert.Single(half, p => p.Contains($"“{row}”", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(isMeasure ? reasons : measures, p => p.Contains(words, StringComparison.Ordinal));

        // 把完整的第三部分再出一版，措施也要: both halves again, still with it.
        IReadOnlyList<Sse> whole = await client.AskAsync(conversation, "把完整的第三部分再出一版，措施也要");
        NothingHeld(whole);
        JsonElement again = Drafted(whole);
        Assert.Equal("deviation", again.GetProperty("section").GetString());
        Assert.Contains(words, again.GetProperty("draft").GetProperty("text").GetString()!, StringComparison.Ordinal);
        Assert.NotEmpty(Halves(again).Measures);
        Assert.All(await DraftsAsync(client, evaluation), d => Assert.Equal("deviation", d.GetProperty("section").GetString()));
    }

    [GeneratedRegex(@"^\d+\.")]
    private static partial Regex Numbered();

    [GeneratedRegex("“([^”]+)”")]
    private static partial Regex Quoted();
}
