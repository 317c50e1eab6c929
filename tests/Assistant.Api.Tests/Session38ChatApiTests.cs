using Assistant.Features.Records;
using Assistant.Features.Review;
using Assistant.Testing;

namespace Assistant.Api.Tests;

/// <summary>
/// Session 37's outside tester (#10, #16), through the real conversation API (offline, real PostgreSQL), on the tester's 四川武胜 table:
/// 取证人数 is the count row (and the answer says which row it took); a reason given without naming a row is kept for the row the
/// conversation is about — also when that row was named several messages back — confirmed with where it went, and drafted into
/// part 三; with no row talked about, the answer asks which row and keeps nothing.
/// </summary>
public class Session38ChatApiTests(CorpusApiFactory factory) : IClassFixture<CorpusApiFactory>
{
    private const string CountRow = "取得职业资格证书或技能等级证书人数";

    private static string Wusheng => File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", "probe37-wusheng.json"));

    private async Task<(HttpClient Client, Guid Conversation)> StartAsync()
    {
        await factory.SeedAsync();
        HttpClient client = factory.ClientFor(ApiRoles.Admin, ApiFactory.Unit);
        Guid evaluation = await client.StoreAsync("probe37-wusheng", Wusheng);
        return (client, await client.StartAsync(evaluation));
    }

    private static async Task<string> SayAsync(HttpClient client, Guid conversation, string message)
    {
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, message);
        Assert.True(events.Done().GetProperty("held").GetInt32() == 0,
            string.Join("\n", events.Of("sentence").Where(x => x.GetProperty("held").GetArrayLength() > 0).Select(x => x.GetRawText())));
        return events.Said();
    }

    public static TheoryData<string[], string, string> Conversations => new()
    {
        // The row asked of just before.
        { ["取证人数那项为什么没完成"], "原因是培训机构资质到期后复审周期长达3个月", "培训机构资质到期后复审周期长达3个月" },
        // The row asked of two messages back (the question between names none).
        { ["取证人数扣了多少分", "资金执行率多少"], "实际原因是鉴定机构换证，暂停鉴定2个月", "鉴定机构换证，暂停鉴定2个月" },
        { ["取证人数那项为什么没完成"], "原因为部分学员外出务工，没有参加鉴定", "部分学员外出务工，没有参加鉴定" },
        { ["取证人数那项为什么没完成"], "原因在于考点排期推迟，部分学员年内没能参加考试", "考点排期推迟，部分学员年内没能参加考试" },
        { ["取证人数扣了多少分"], "原因是鉴定考点少，部分学员排不上考试", "鉴定考点少，部分学员排不上考试" },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task AReasonNamingNoRow_IsKeptForTheRowTalkedAbout_ConfirmedWithWhere_AndDrafted(string[] before, string message, string reason)
    {
        (HttpClient client, Guid conversation) = await StartAsync();
        string first = await SayAsync(client, conversation, before[0]);
        Assert.Contains($"这里回答的是“{CountRow}”", first, StringComparison.Ordinal);
        Assert.DoesNotContain("这一项没有需要说明的偏差", first, StringComparison.Ordinal);
        foreach (string m in before.Skip(1))
        {
            await SayAsync(client, conversation, m);
        }

        string said = await SayAsync(client, conversation, message);
        Assert.StartsWith($"您没有说是哪一项的原因，已把“{CountRow}”（本次对话正在说的这项指标）的偏差原因记为“{reason}”", said, StringComparison.Ordinal);
        Assert.DoesNotContain("培训机构监督检查次数", said, StringComparison.Ordinal);

        string drafted = await SayAsync(client, conversation, "再把第三部分整体重写一下，然后第三部分的全文给我看看");
        Assert.True(drafted.Contains(reason.Split('，')[0], StringComparison.Ordinal), said + "\n=====\n" + drafted); // the drafter may write the reason's clauses apart
        string why = await SayAsync(client, conversation, "取得职业资格证书或技能等级证书人数为什么没完成");
        Assert.Contains($"您在对话中给出的原因：“{reason}。”", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReasonNamingNoRow_WithNoRowTalkedAbout_AsksWhich_AndKeepsNothing()
    {
        (HttpClient client, Guid conversation) = await StartAsync();
        string said = await SayAsync(client, conversation, "原因是培训机构资质到期后复审周期长达3个月");
        Assert.Contains("没有说是哪一项的，还没有记下", said, StringComparison.Ordinal);
        Assert.Contains("请说明是哪一项", said, StringComparison.Ordinal);
        string drafted = await SayAsync(client, conversation, "再把第三部分整体重写一下，然后第三部分的全文给我看看");
        Assert.Contains("取得职业资格证书或技能等级证书人数", drafted, StringComparison.Ordinal); // the whole text is shown
        Assert.DoesNotContain("复审周期", drafted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("117.60", "117.60")]
    [InlineData("286.00", "286.00")]
    [InlineData("200", "200")]
    [InlineData("794.88", "794.88")]
    public void AnAmountIsListedAsTheTablePrintedIt(string printed, string listed) =>
        Assert.Equal(listed, ReviewInsights.Printed(decimal.Parse(printed, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("403.1", new[] { "286.00", "117.10" }, "403.10")]
    [InlineData("300", new[] { "100", "100", "100" }, "300")]
    [InlineData("360", new[] { "3600000.00" }, "360.00")]
    [InlineData("0.0125", new[] { "125" }, "0.01")] // 万元 worked out from 元: two decimals since session 39
    [InlineData("0.0004", new[] { "4" }, "0.0004")] // more only where two would print 0.00
    public void AnAmountWorkedOut_HasTheDecimalsTheTablesPrinted(string amount, string[] printed, string listed) =>
        Assert.Equal(listed, ReviewInsights.Like(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), printed));
}
