using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Probe 40 §6, for session 41: a reviewer's chat over four counties' tables of four programs (the outside tester's 峰峰, 蕲春, 乳源,
/// 武隆). A money question scoped to one county (蕲春县的执行数是多少万元) is that county's execution in 万元, not an indicator named
/// “执行数是万元”; a threshold (执行率低于85%的县有哪些) lists the counties below it and then only their programs' totals, not every program.
/// </summary>
public sealed class Session41ReviewerChatTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private static readonly (string Code, string Name, string File)[] Units =
    [
        ("t41.f", "峰峰矿区人力资源和社会保障局", "probe40-fengfeng"),
        ("t41.q", "蕲春县医疗保障局", "probe40-qichun"),
        ("t41.r", "乳源瑶族自治县住房和城乡建设管理局", "probe40-ruyuan"),
        ("t41.w", "重庆市武隆区林业局", "probe40-wulong"),
    ];

    private Task<HttpClient> WorldAsync() => factory.SubmittedAsync(
        new("t41", "某省财政厅", "province"),
        Units.Select(u => new ReviewFactory.Member(u.Code, u.Name)),
        () => Units.Select(u => (u.Code, ReviewFactory.Fixture(u.File))));

    [Theory]
    [InlineData("蕲春县的执行数是多少万元", "蕲春县医疗保障局", "执行数1710.65万元")]
    [InlineData("蕲春县全年预算数是多少", "蕲春县医疗保障局", "全年预算数1865.23万元")]
    [InlineData("武隆区的结余有多少", "重庆市武隆区林业局", "执行数2015.84万元")]
    public async Task MoneyOfOneCounty_IsThatCountysExecution(string question, string unit, string figure)
    {
        HttpClient reviewer = await WorldAsync();
        string said = await ReviewWorld.AskOfflineAsync(reviewer, question);
        Assert.Contains(unit, said, StringComparison.Ordinal);
        Assert.Contains(figure, said, StringComparison.Ordinal);
        Assert.DoesNotContain("没有找到", said, StringComparison.Ordinal);
        foreach (var other in Units.Where(u => u.Name != unit))
        {
            Assert.DoesNotContain(other.Name, said, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("执行率低于85%的县有哪些", new[] { "乳源瑶族自治县住房和城乡建设管理局", "重庆市武隆区林业局" }, new[] { "城乡医疗救助补助资金", "就业补助资金" })]
    [InlineData("执行率低于80%的县有哪些", new[] { "乳源瑶族自治县住房和城乡建设管理局" }, new[] { "城乡医疗救助补助资金", "就业补助资金", "林业改革发展资金" })]
    public async Task ThresholdForCounties_ListsOnlyTheProgramsOfTheCountiesBelowIt(string question, string[] below, string[] programsLeftOut)
    {
        HttpClient reviewer = await WorldAsync();
        string said = await ReviewWorld.AskOfflineAsync(reviewer, question);
        foreach (string unit in below)
        {
            Assert.Contains(unit, said, StringComparison.Ordinal);
        }

        foreach (string program in programsLeftOut)
        {
            Assert.DoesNotContain(program, said, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("蕲春县医疗保障局", said, StringComparison.Ordinal);
    }
}
