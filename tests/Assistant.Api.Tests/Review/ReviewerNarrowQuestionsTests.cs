using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// A city reviewer's questions that narrow the view (the session 30 probe: four 邵阳 county tables of four
/// different programs, Fixtures/shaoyang30-*.json): one source of the money against a threshold (县级配套资金
/// 执行率低于70%: the part lines, not the totals), one named county's row (绥宁县森林火灾受害率超标了多少),
/// the units by total score, a total across different programs, and one kind of indicator named differently
/// in each county (满意度).
/// </summary>
public sealed class ReviewerNarrowQuestionsTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private static readonly (string File, string Code, string Name)[] Units =
    [
        ("xs", "sy30.xs", "新邵县"), ("lh", "sy30.lh", "隆回县"), ("dk", "sy30.dk", "洞口县"), ("sn", "sy30.sn", "绥宁县"),
    ];

    private Task<HttpClient> ReviewerAsync() => factory.SubmittedAsync(
        new("sy30", "邵阳市财政局", "city"),
        Units.Select(u => new ReviewFactory.Member(u.Code, u.Name)),
        () => Units.Select(u => (u.Code, ReviewFactory.Fixture($"shaoyang30-{u.File}"))));

    [Theory]
    [InlineData("县级配套资金执行率低于70%的有哪些", new[] { "洞口县", "50.00%", "新邵县", "65.00%", "绥宁县", "69.00%", "不是资金总额的执行率" }, new[] { "隆回县（《" })]
    [InlineData("省级资金执行率不到九成的单位", new[] { "新邵县", "62.50%", "洞口县", "71.00%" }, new[] { "隆回县（《" })]
    [InlineData("哪些单位有分项资金执行率低于70%", new[] { "新邵县", "62.50%", "65.00%", "洞口县", "50.00%", "绥宁县", "69.00%" }, new[] { "隆回县（《" })]
    [InlineData("各县县级资金执行率", new[] { "洞口县", "50.00%", "隆回县", "78.67%" }, new string[0])]
    public async Task AQuestionAboutOneSourceOfTheMoney_ComparesThatLine_NotTheTotal(string question, string[] said, string[] notSaid)
    {
        string answer = await ReviewWorld.AskOfflineAsync(await ReviewerAsync(), question);
        Assert.All(said, s => Assert.Contains(s, answer, StringComparison.Ordinal));
        Assert.All(notSaid, s => Assert.DoesNotContain(s, answer, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("绥宁县森林火灾受害率超标了多少", new[] { "绥宁县", "森林火灾受害率", "0.9", "1.2" }, "隆回县")]
    [InlineData("隆回县为什么差错金额扣那么多", new[] { "隆回县", "补贴资金发放差错金额", "3.6", "扣8.00分", "已死亡" }, "绥宁县")]
    [InlineData("洞口县群众满意度完成得怎么样", new[] { "洞口县", "88%", "内容单一" }, "新邵县")]
    public async Task ACountyAndAnIndicatorNamed_AnswerThatCountysRow(string question, string[] said, string other)
    {
        string answer = await ReviewWorld.AskOfflineAsync(await ReviewerAsync(), question);
        Assert.DoesNotContain("这个对话没有选定自评表", answer, StringComparison.Ordinal);
        Assert.All(said, s => Assert.Contains(s, answer, StringComparison.Ordinal));
        Assert.DoesNotContain(other, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoresTotalsAndKindsOfIndicators_AreAnsweredAsAsked()
    {
        HttpClient client = await ReviewerAsync();
        string answer = await ReviewWorld.AskOfflineAsync(client, "哪个单位总分最高？执行率和总分匹配吗");
        Assert.Contains("总分最高的是绥宁县", answer, StringComparison.Ordinal);
        Assert.Contains("90.75分（总分，优）", answer, StringComparison.Ordinal);
        Assert.Contains("执行率83.00%", answer, StringComparison.Ordinal);

        answer = await ReviewWorld.AskOfflineAsync(client, "哪个单位总分最高，哪个最低");
        Assert.Contains("各单位总分由高到低", answer, StringComparison.Ordinal);
        Assert.Contains("86.16分（总分，良）", answer, StringComparison.Ordinal);

        answer = await ReviewWorld.AskOfflineAsync(client, "各县总分排名");
        Assert.True(answer.IndexOf("绥宁县", StringComparison.Ordinal) < answer.IndexOf("洞口县", StringComparison.Ordinal), answer);

        // Four programs: their tables summed only for reference (2912.80 ÷ 3380.00), each program's own rate beside.
        answer = await ReviewWorld.AskOfflineAsync(client, "四个县合计执行率");
        Assert.Contains("86.18%", answer, StringComparison.Ordinal);
        Assert.Contains("不同的项目", answer, StringComparison.Ordinal);

        answer = await ReviewWorld.AskOfflineAsync(client, "哪些指标未完成的单位最多");
        Assert.Contains("满意度类", answer, StringComparison.Ordinal);
        Assert.Contains("4个单位存在缺口", answer, StringComparison.Ordinal);
        Assert.True(answer.IndexOf("满意度类", StringComparison.Ordinal) < answer.IndexOf("- “", StringComparison.Ordinal), answer);

        answer = await ReviewWorld.AskOfflineAsync(client, "满意度没达标的有哪几个单位，为什么");
        Assert.Contains("有“满意度”的表", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("满意度有", answer, StringComparison.Ordinal);
    }
}
