using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// A city reviewer of another province (湖南省邵阳市, invented data on the 吉水 table's shape) whose units submit
/// through the API with boilerplate reasons of other wordings than the session 29 probe's — a cause in general
/// words (受多种因素影响, 客观原因导致, 工作推进不够到位, 主客观等原因) and 疫情 in a 2025 table — beside units whose
/// reasons name what happened (some with the same general words next to it, one blaming 疫情 in 2022). The
/// boilerplate reaches each unit's submission in the review queue (偏差原因是套话), the cross-unit flags and the
/// chat; the specific reasons reach none of them.
/// </summary>
public sealed class ReviewerBoilerplateTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    /// <summary>Unit code, name, the short row's reason, the fund line's (79 %) reason (null: a specific one of its own), the table's year, whether it is boilerplate.</summary>
    private static readonly (string Code, string Name, string Row, string? Fund, int Year, bool Boilerplate)[] Units =
    [
        ("hn30.sd", "邵东市", "受多种因素影响，未能完成年度目标", null, 2025, true),
        ("hn30.xs", "新邵县", "客观原因导致", null, 2025, true),
        ("hn30.lh", "隆回县", "2个片区土地平整遇连续降雨停工，0.3万亩顺延至2026年", "工作推进不够到位", 2025, true),
        ("hn30.dk", "洞口县", "因疫情等原因，部分片区未能开工", null, 2025, true),
        ("hn30.sn", "绥宁县", "由于主客观等原因，项目进度滞后。", null, 2025, true),
        ("hn30.xn", "新宁县", "2个乡镇土地流转协议未签订，0.3万亩顺延至2026年实施", null, 2025, false),
        ("hn30.cb", "城步县", "受降雨、冻害等多种因素影响，3个标段停工40天", null, 2025, false),
        ("hn30.wg", "武冈市", "受疫情后农资价格上涨影响，部分农户推迟流转", null, 2025, false),
        ("hn30.sy", "邵阳县", "因疫情等原因，施工队伍无法进场", null, 2022, false),
    ];



    private Task<HttpClient> ReviewerAsync() => factory.SubmittedAsync(
        new("hn30", "邵阳市财政局", "city"),
        Units.Select(u => new ReviewFactory.Member(u.Code, u.Name)),
        Tables);

    /// <summary>Each unit's table: the shape of jian29-02 with the unit's year, place, reasons of its own.</summary>
    private static IEnumerable<(string Unit, string Table)> Tables()
    {
        string shape = ReviewFactory.Fixture("jian29-02");
        for (int k = 0; k < Units.Length; k++)
        {
            var u = Units[k];
            JsonNode table = JsonNode.Parse(shape)!;
            table["year"] = u.Year;
            table["region"] = $"湖南省邵阳市{u.Name}";
            table["department"] = $"{u.Name}农业农村局";
            table["implementer"] = $"{u.Name}农田建设项目管理中心";
            // Each unit's own specific fund reason (no two alike, so none is a copy of another's).
            table["funds"]!["lines"]![0]!["deviationNote"] = u.Fund ?? $"受汛期影响{k + 2}个片区工程推迟开工，工程款按进度拨付，剩余资金{300 + (10 * k)}万元结转下年使用";
            table["indicators"]![0]!["deviationNote"] = u.Row;
            yield return (u.Code, table.ToJsonString());
        }
    }

    [Fact]
    public async Task EachUnitsSubmission_CarriesItsBoilerplate_InTheReviewQueue()
    {
        HttpClient client = await ReviewerAsync();
        JsonArray queue = (await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/submissions", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal(Units.Length, queue.Count);
        foreach (var u in Units)
        {
            JsonNode s = queue.Single(x => (string?)x!["unit"] == u.Code)!;
            var reasons = s["risk"]!["reasons"]!.AsArray().Select(r => (string)r!).ToList();
            Assert.True(u.Boilerplate == reasons.Any(r => r.StartsWith("偏差原因是套话", StringComparison.Ordinal)), $"{u.Name}: {string.Join(" | ", reasons)}");

            // The same check as a batch's: the table's error (printed 执行率) and the missing report are there too.
            Assert.Contains(reasons, r => r.StartsWith("自评表有错误", StringComparison.Ordinal));
            Assert.Contains(reasons, r => r.StartsWith("未提供自评报告", StringComparison.Ordinal));
        }

        // The page reads one submission the same way.
        string sd = (string)queue.Single(x => (string?)x!["unit"] == "hn30.sd")!["id"]!;
        JsonNode detail = await ReviewWorld.SendAsync(client, HttpMethod.Get, $"/api/v1/submissions/{sd}", null, HttpStatusCode.OK);
        Assert.Contains(detail["submission"]!["risk"]!["reasons"]!.AsArray(), r => ((string)r!).StartsWith("偏差原因是套话", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCrossUnitFlags_NameTheGeneralAndTheOutOfPeriodReasons_NotTheSpecificOnes()
    {
        HttpClient client = await ReviewerAsync();
        JsonNode a = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/reasons", null, HttpStatusCode.OK);
        var flags = a["flags"]!.AsArray().Select(f => ((string)f!["code"]!, (string)f["uses"]![0]!["unitName"]!, (string)f["message"]!)).ToList();
        Assert.Equal(new[] { "邵东市", "新邵县", "隆回县", "绥宁县" }.Order(StringComparer.Ordinal), flags.Where(f => f.Item1 == "reason.vague").Select(f => f.Item2).Order(StringComparer.Ordinal));
        var period = Assert.Single(flags, f => f.Item1 == "reason.out-of-period");
        Assert.Equal("洞口县", period.Item2);
        Assert.Contains("2025年度", period.Item3, StringComparison.Ordinal);
        Assert.DoesNotContain(flags, f => Units.Any(u => !u.Boilerplate && f.Item3.Contains(u.Name, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheChat_ListsTheBoilerplateByKind_WithTheUnitsCount()
    {
        HttpClient client = await ReviewerAsync();
        string said = await AskAsync(client, "哪些单位的偏差原因是套话？");
        Assert.Contains("原因笼统", said, StringComparison.Ordinal);
        Assert.Contains("原因与年度不符", said, StringComparison.Ordinal);
        foreach (var u in Units)
        {
            Assert.True(u.Boilerplate == said.Contains(u.Name, StringComparison.Ordinal), $"{u.Name}: {said}");
        }
    }

    private static Task<string> AskAsync(HttpClient client, string question) => ReviewWorld.AskOfflineAsync(client, question);
}
