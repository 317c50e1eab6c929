using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Session 44: the reviewer's cross-unit answers on reasons (units_reasons: the kinds, the boilerplate, the rows without a reason) and on
/// shortfalls (units_shortfalls) name the units they speak of; those units are the answer's subjects (as for units_execution and
/// units_indicator since session 43), so a unit's place beside a count or a reason's figure is not held as another table's.
/// With the offline wording these answers held nothing on main either (they name units by their registered names and a count
/// beside them is a fact of the view): the tests guard the answers; the wiring matters for a model that writes a place asked of
/// (乳源县) beside a count, the case session 43 recorded for units_execution.
/// </summary>
public sealed class Session44ReviewerChatTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private static readonly (string Code, string Name, string File)[] Units =
    [
        ("t44.f", "峰峰矿区人力资源和社会保障局", "probe40-fengfeng"),
        ("t44.q", "蕲春县医疗保障局", "probe40-qichun"),
        ("t44.r", "乳源瑶族自治县住房和城乡建设管理局", "probe40-ruyuan"),
        ("t44.w", "重庆市武隆区林业局", "probe40-wulong"),
        ("t44.n", "南京市鼓楼区民政局", "probe40-qichun"),
        ("t44.m", "福州市鼓楼区民政局", "probe40-wulong"),
    ];

    private Task<HttpClient> WorldAsync() => factory.SubmittedAsync(
        new("t44", "某省财政厅", "province"),
        Units.Select(u => new ReviewFactory.Member(u.Code, u.Name)),
        () => Units.Select(u => (u.Code, ReviewFactory.Fixture(u.File))));

    /// <summary>A place asked of (乳源县 for 乳源瑶族自治县…, 武隆区, 蕲春县): the answer's counts beside it are released, not held.</summary>
    [Theory]
    [InlineData("乳源县填报的偏差原因主要有哪些")]
    [InlineData("武隆区哪些指标没完成")]
    [InlineData("蕲春县的原因是不是套话")]
    [InlineData("乳源县有哪些没完成却没写原因")]
    [InlineData("峰峰矿区哪些指标没完成的最多")]
    public async Task AnAnswerOnReasonsOrShortfalls_OfAPlace_HoldsNothing(string question)
    {
        HttpClient reviewer = await WorldAsync();
        _ = await ReviewWorld.AskOfflineAsync(reviewer, question); // asserts that nothing was held
    }

    [Theory]
    [InlineData("哪些指标没完成的单位最多")]
    [InlineData("各单位填报的偏差原因主要有哪些")]
    [InlineData("哪些单位的原因是套话")]
    [InlineData("哪些单位没完成却没写原因")]
    public async Task AnAnswerOnReasonsOrShortfalls_NamesItsUnits_WithNothingHeld(string question)
    {
        HttpClient reviewer = await WorldAsync();
        string said = await ReviewWorld.AskOfflineAsync(reviewer, question); // asserts that nothing was held
        Assert.True(Units.Count(u => said.Contains(u.Name, StringComparison.Ordinal)) >= 2, said);
    }
}
