using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// A city finance bureau reviewing one program across its counties (the session 29 probe: 高标准农田建设补助资金,
/// 8 county tables and 2 部门整体支出 tables, invented data in Fixtures/jian29-*.json). The reviewer is told which
/// reasons are boilerplate (one sentence on 6 rows of 永新, copied word for word by 万安, a measure given as 新干's
/// reason), which rows have no reason, which indicators are short most often, and the 执行率 below the threshold
/// they give, with the program's total kept apart from the departments' tables.
/// </summary>
public sealed class ReviewerAcrossUnitsTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private static readonly (string File, string Code, string Name, string Level)[] Units =
    [
        ("01", "jx29.th", "泰和县", "county"), ("02", "jx29.js", "吉水县", "county"), ("03", "jx29.yf", "永丰县", "county"), ("04", "jx29.xj", "峡江县", "county"),
        ("05", "jx29.xg", "新干县", "county"), ("06", "jx29.af", "安福县", "county"), ("07", "jx29.yx", "永新县", "county"), ("08", "jx29.wa", "万安县", "county"),
        ("D1", "jx29.nyj", "吉安市农业农村局", "department"), ("D2", "jx29.slj", "吉安市水利局", "department"),
    ];

    /// <summary>xUnit makes a new instance per test: the units are stored once per database (the class fixture).</summary>
    private Task<HttpClient> ReviewerAsync() => factory.SubmittedAsync(
        new("jx29", "吉安市财政局", "city"),
        Units.Select(u => new ReviewFactory.Member(u.Code, u.Name, u.Level)),
        () => Units.Select(u => (u.Code, ReviewFactory.Fixture($"jian29-{u.File}"))));

    private static Task<string> AskAsync(HttpClient client, string question) => ReviewWorld.AskOfflineAsync(client, question);

    [Fact]
    public async Task ReasonsAcrossUnits_FlagTheRepeatedTheCopiedAndTheMeasure_AndListTheMissing()
    {
        HttpClient client = await ReviewerAsync();
        JsonNode a = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/reasons?year=2025", null, HttpStatusCode.OK);
        var flags = a["flags"]!.AsArray().Select(f => ((string)f!["code"]!, (string)f["message"]!)).ToList();
        Assert.Contains(flags, f => f.Item1 == "reason.repeated" && f.Item2.StartsWith("永新县《高标准农田建设补助资金》在6项上填写了同一句原因", StringComparison.Ordinal));
        Assert.Contains(flags, f => f.Item1 == "reason.copied" && f.Item2.Contains("永新县", StringComparison.Ordinal) && f.Item2.Contains("万安县", StringComparison.Ordinal) && f.Item2.Contains("一字不差", StringComparison.Ordinal));
        Assert.Contains(flags, f => f.Item1 == "reason.measure-only" && f.Item2.StartsWith("新干县《高标准农田建设补助资金》“新增粮食产能", StringComparison.Ordinal));
        Assert.DoesNotContain(flags, f => f.Item2.Contains("泰和县", StringComparison.Ordinal) || f.Item2.Contains("安福县", StringComparison.Ordinal));

        var missing = a["missing"]!.AsArray().Select(m => $"{(string)m!["unitName"]!}/{(string)m["subject"]!}").ToList();
        Assert.Contains(missing, m => m.StartsWith("峡江县/高效节水灌溉面积", StringComparison.Ordinal));
        Assert.Contains("万安县/年度资金总额", missing);
        Assert.DoesNotContain(missing, m => m.StartsWith("吉水县", StringComparison.Ordinal) || m.StartsWith("泰和县", StringComparison.Ordinal));

        string said = await AskAsync(client, "哪些单位的偏差原因是套话或者和别的单位一字不差？");
        Assert.Contains("一字不差", said, StringComparison.Ordinal);
        Assert.Contains("万安县", said, StringComparison.Ordinal);
        Assert.Contains("永新县《高标准农田建设补助资金》在6项上填写了同一句原因", said, StringComparison.Ordinal);
        Assert.Contains("只写了措施", said, StringComparison.Ordinal);

        said = await AskAsync(client, "哪些单位未完成指标却没写偏差原因？");
        int missingUnits = a["missing"]!.AsArray().Select(m => (string)m!["unit"]!).Distinct(StringComparer.Ordinal).Count();
        Assert.Contains($"共{a["missing"]!.AsArray().Count}项，涉及{missingUnits}个单位", said, StringComparison.Ordinal);
        Assert.Contains("峡江县", said, StringComparison.Ordinal);
        Assert.Contains("“高效节水灌溉面积（万亩）”未完成", said, StringComparison.Ordinal);
        Assert.Contains("万安县", said, StringComparison.Ordinal);
        Assert.Contains("一字不差", await AskAsync(client, "哪些是套话"), StringComparison.Ordinal);

        // Per unit, in the review queue: 永新's submission (one sentence on 6 rows) and 新干's (a measure given as the
        // reason) carry the boilerplate in their risk; 泰和's and 吉水's (their own specific reasons) do not.
        JsonArray queue = (await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/submissions", null, HttpStatusCode.OK)).AsArray();
        bool Boilerplate(string unit) => queue.Single(q => (string?)q!["unit"] == unit)!["risk"]!["reasons"]!.AsArray()
            .Any(r => ((string)r!).StartsWith("偏差原因是套话", StringComparison.Ordinal));
        Assert.True(Boilerplate("jx29.yx"));
        Assert.True(Boilerplate("jx29.xg"));
        Assert.False(Boilerplate("jx29.th"));
        Assert.False(Boilerplate("jx29.js"));
    }

    [Fact]
    public async Task Execution_KeepsTheProgramApartFromTheDepartments_AndHonoursTheThreshold()
    {
        HttpClient client = await ReviewerAsync();
        JsonNode a = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/execution?year=2025", null, HttpStatusCode.OK);
        Assert.Null((string?)a["overallRate"]);
        JsonArray groups = a["groups"]!.AsArray();
        Assert.Equal(2, groups.Count);
        Assert.Equal(("项目支出", "高标准农田建设补助资金", 8, "88.73"), ((string)groups[0]!["kind"]!, (string)groups[0]!["program"]!, (int)groups[0]!["tables"]!, (string)groups[0]!["rate"]!));
        Assert.Equal(("部门整体支出", 2), ((string)groups[1]!["kind"]!, (int)groups[1]!["tables"]!));

        string said = await AskAsync(client, "哪些单位的预算执行率低于80%？");
        // Session 41: the totals that follow are those of the listed units' programs only (one program here, so one total).
        string list = said[..said.IndexOf("合计执行率（以万元计", StringComparison.Ordinal)];
        Assert.DoesNotContain("部门整体支出", said, StringComparison.Ordinal);
        Assert.Contains("执行率低于80%的单位有2个", list, StringComparison.Ordinal);
        Assert.Contains("永新县", list, StringComparison.Ordinal);
        Assert.Contains("吉水县", list, StringComparison.Ordinal);
        Assert.DoesNotContain("安福县", list, StringComparison.Ordinal);

        // The counties only: the programs' total below is theirs too (one program, no 部门整体支出 group of the city's departments).
        said = await AskAsync(client, "执行率低于85%的县有哪些");
        list = said[..said.IndexOf("县（区）的表合计执行率（以万元计", StringComparison.Ordinal)];
        Assert.Contains("安福县", list, StringComparison.Ordinal);
        Assert.DoesNotContain("万安县", list, StringComparison.Ordinal);
        Assert.DoesNotContain("部门整体支出", said, StringComparison.Ordinal);

        said = await AskAsync(client, "高标准农田建设补助资金8个县合计执行率是多少？");
        Assert.Contains("执行率88.73%，全年预算数35000.00万元，执行数31055.50万元", said, StringComparison.Ordinal);
        // The counties' total only (8张 of 10): the city's departments are no county, so neither listed nor summed.
        Assert.Contains("其中县（区）的表8张", said, StringComparison.Ordinal);
        Assert.Contains("县（区）的表合计执行率", said, StringComparison.Ordinal);
        Assert.DoesNotContain("吉安市农业农村局", said, StringComparison.Ordinal);

        said = await AskAsync(client, "哪些指标未完成的单位最多？");
        Assert.StartsWith("- “新建高标准农田面积", said[said.IndexOf("- ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("永新县", said, StringComparison.Ordinal);
        JsonNode built = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/indicators?year=2025&name=" + Uri.EscapeDataString("新建高标准农田面积"), null, HttpStatusCode.OK);
        Assert.Contains($"有此指标的表共{(int)built["matched"]!}张，{(int)built["short"]!}个单位存在缺口", said, StringComparison.Ordinal);

        // Without a threshold: the ranking, the lowest named first when asked, and how many are below the 90 % that must be explained.
        var rates = a["rows"]!.AsArray().Select(r => decimal.Parse((string)r!["rate"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        said = await AskAsync(client, "2025年执行率最低的单位是哪个？");
        Assert.StartsWith("您可查看的各单位已提交的2025年度自评表共10张，执行率最低的单位是永新县（《", said, StringComparison.Ordinal);
        Assert.Contains($"执行率低于90%（须说明原因）的单位有{rates.Count(r => r < 90m)}个", said, StringComparison.Ordinal);
    }
}
