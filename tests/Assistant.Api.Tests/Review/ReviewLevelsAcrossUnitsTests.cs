using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Session-32 tester, items 9 and 11, through the API with a real database: four county bureaus in three sectors
/// (卫健 in 元, 农业 in 万元 with two tables, 教育 in 元, another 农业 in 元 — one program in two money units).
/// 执行率 groups total in 万元 whatever unit each table is in; a count of units counts units (one unit's two tables
/// are 1个（2张表）); a part of the money below 90 % with no reason is missing a reason; a weaker qualitative result
/// at full marks stays a risk reason after 退回 and an unchanged resubmission; a submission with no risk point is
/// 无 (none) and the review queue filters on it.
/// </summary>
public sealed class ReviewLevelsAcrossUnitsTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private const string City = "i33";

    private static readonly (string Code, string Name)[] Counties =
    [
        ("i33.jia", "甲县卫生健康局"), ("i33.yi", "乙县农业农村局"), ("i33.bing", "丙县教育局"), ("i33.ding", "丁县农业农村局"),
    ];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReviewFactory, World> Worlds = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The generated batch goes to two units of another city, so its tables stay out of the four counties' answers.</summary>
    private static readonly string[] BatchUnits = ["i33x.a", "i33x.b"];

    private sealed record World(HttpClient Reviewer, Dictionary<string, HttpClient> Drafters, Dictionary<string, string> Submissions, HttpClient BatchReviewer);

    private static string Table(string title, string region, string unit, (string Name, string? Parent, string Budget, string Executed, string? Note)[] lines,
        (string L1, string L2, string Name, string Unit, string Target, string Actual, string Weight, string? Note)[] rows) =>
        Assistant.Testing.TableJson.Build(title, region, unit, lines, rows, region + "主管局", region + "项目中心").ToJsonString();

    private static (string, string, string, string, string, string, string, string?)[] Rows(string output, string unit, string target, string actual,
        (string, string, string, string, string, string, string, string?)? effect = null) =>
    [
        ("产出指标", "数量指标", output, unit, target, actual, "30", null),
        ("产出指标", "时效指标", "资金拨付及时率", "%", "100%", "100%", "20", null),
        effect ?? ("效益指标", "社会效益指标", "政策知晓率", "%", "≥90%", "93%", "30", null),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "%", "≥90%", "94%", "10", null),
    ];

    /// <summary>The qualitative row of 乙县's 农田 table (index 2): 有所改善 against 明显改善, with a reason, at full marks.</summary>
    private const int WeakerRow = 2;

    private static IEnumerable<(string Unit, string Key, string Body)> Tables() =>
    [
        ("i33.jia", "health", Table("2024年妇幼健康服务项目", "某省甲县", "元",
            [("年度资金总额", null, "3600000", "3024000", "县级配套资金到位较晚，部分设备采购延至次年"), ("中央补助资金", "年度资金总额", "2000000", "1800000", null),
             ("县级配套资金", "年度资金总额", "1600000", "1224000", null)],
            Rows("孕产妇系统管理人数", "人", "≥1200", "1210"))),
        ("i33.yi", "farm", Table("2024年高标准农田建设项目", "某省乙县", "万元",
            [("年度资金总额", null, "5000", "4000", null), ("中央资金", "年度资金总额", "3000", "2900", null), ("省级资金", "年度资金总额", "1200", "800", null),
             ("县级资金", "年度资金总额", "800", "300", null)],
            Rows("新建高标准农田面积", "亩", "≥20000", "20150", ("效益指标", "可持续影响指标", "项目区农业生产条件", string.Empty, "明显改善", "有所改善", "30", "部分地块年底完工，灌溉效果尚未完全显现")))),
        ("i33.yi", "village", Table("2024年农村人居环境整治项目", "某省乙县", "万元",
            [("年度资金总额", null, "1000", "700", "部分村庄规划调整，污水管网工程延至次年")],
            Rows("完成改厕户数", "户", "≥1500", "1520"))),
        ("i33.bing", "school", Table("2024年学生资助补助经费", "某省丙县", "元",
            [("年度资金总额", null, "2000000", "1840000", null), ("中央资金", "年度资金总额", "1500000", "1500000", null), ("县级资金", "年度资金总额", "500000", "340000", null)],
            Rows("资助学生人数", "人", "≥3200", "3260"))),
        ("i33.ding", "farm", Table("2024年高标准农田建设项目", "某省丁县", "元",
            [("年度资金总额", null, "3000000", "2850000", null)],
            Rows("新建高标准农田面积", "亩", "≥12000", "12050"))),
    ];

    private async Task<World> WorldAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (Worlds.TryGetValue(factory, out World? world))
            {
                return world;
            }

            var units = new JsonArray { new JsonObject { ["code"] = City, ["name"] = "某市财政局", ["level"] = "city" } };
            foreach (var (code, name) in Counties)
            {
                units.Add(new JsonObject { ["code"] = code, ["name"] = name, ["parent"] = City, ["level"] = "county" });
            }

            units.Add(new JsonObject { ["code"] = "i33x", ["name"] = "某乙市财政局", ["level"] = "city" });
            foreach (string code in BatchUnits)
            {
                units.Add(new JsonObject { ["code"] = code, ["name"] = "某乙市" + code[^1] + "单位", ["parent"] = "i33x", ["level"] = "county" });
            }

            await ReviewWorld.SendAsync(factory.CreateClient(), HttpMethod.Post, "/api/v1/units", units.ToJsonString(), HttpStatusCode.Created);
            var drafters = Counties.ToDictionary(c => c.Code, c => factory.ClientFor(ApiRoles.Drafter, c.Code));
            var submissions = new Dictionary<string, string>();
            foreach (var (unit, key, body) in Tables())
            {
                string id = (string)(await ReviewWorld.SendAsync(drafters[unit], HttpMethod.Post, "/api/v1/evaluations", body, HttpStatusCode.Created))["id"]!;
                JsonNode s = await ReviewWorld.SendAsync(drafters[unit], HttpMethod.Post, "/api/v1/submissions", $$"""{"evaluationId":"{{id}}"}""", HttpStatusCode.Created);
                submissions[$"{unit}/{key}"] = (string)s["id"]!;
            }

            world = new World(factory.ClientFor(ApiRoles.Reviewer, City), drafters, submissions, factory.ClientFor(ApiRoles.Reviewer, "i33x"));
            Worlds.Add(factory, world);
            return world;
        }
        finally
        {
            Gate.Release();
        }
    }

    [Fact]
    public async Task ExecutionGroups_TotalInWan_WhateverEachTablesMoneyUnit_AndTheChatCountsUnitsNotTables()
    {
        World w = await WorldAsync();
        JsonNode a = await ReviewWorld.SendAsync(w.Reviewer, HttpMethod.Get, "/api/v1/review/execution?year=2024", null, HttpStatusCode.OK);
        Assert.Equal(5, (int)a["tables"]!);
        JsonArray groups = a["groups"]!.AsArray();
        JsonNode Group(string program) => groups.Single(g => ((string)g!["program"]!).Contains(program, StringComparison.Ordinal))!;

        // One table in 元: 3600000 元 = 360 万元, 84.00 % — not “无法合计”. Session 39: an amount the conversion gives decimals is
        // printed with two (3024000 元 → 302.40 万元), as 万元 is read.
        JsonNode health = Group("妇幼健康");
        Assert.Equal(("360", "302.40", "84.00"), ((string?)health["budget"], (string?)health["executed"], (string?)health["rate"]));
        Assert.Equal(["甲县卫生健康局"], health["units"]!.AsArray().Select(u => (string)u!));

        // One program in 万元 (乙县 5000/4000) and in 元 (丁县 3000000/2850000 = 300/285 万元): 4285 ÷ 5300 = 80.85 %.
        JsonNode farm = Group("高标准农田");
        Assert.Equal(2, (int)farm["tables"]!);
        Assert.Equal(("5300", "4285", "80.85"), ((string?)farm["budget"], (string?)farm["executed"], (string?)farm["rate"]));
        Assert.Equal(["丁县农业农村局", "乙县农业农村局"], farm["units"]!.AsArray().Select(u => (string)u!).Order(StringComparer.Ordinal));

        JsonNode school = Group("学生资助");
        Assert.Equal(("200", "184", "92.00"), ((string?)school["budget"], (string?)school["executed"], (string?)school["rate"]));
        Assert.All(groups, g => Assert.NotNull((string?)g!["rate"]));

        // Below 90 %: 甲县 (84 %) and 乙县's two tables (80 %, 70 %) — two units, three tables.
        string said = await ReviewWorld.AskOfflineAsync(w.Reviewer, "执行率低于90%的单位有哪些？");
        Assert.Contains("单位有2个（3张表）", said, StringComparison.Ordinal);
        Assert.DoesNotContain("单位有3个", said, StringComparison.Ordinal);
        Assert.DoesNotContain("无法合计", said, StringComparison.Ordinal);

        string all = await ReviewWorld.AskOfflineAsync(w.Reviewer, "各单位预算执行率怎么样？");
        Assert.Contains("（须说明原因）的单位有2个（3张表）：甲县卫生健康局、乙县农业农村局", all.Replace("乙县农业农村局、甲县卫生健康局", "甲县卫生健康局、乙县农业农村局", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("其中1张表没有说明原因", all, StringComparison.Ordinal);
        Assert.DoesNotContain("无法合计", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentPartsOfTheMoney_AreMissingReasons_AndRiskOfTheirSubmissions()
    {
        World w = await WorldAsync();
        JsonNode a = await ReviewWorld.SendAsync(w.Reviewer, HttpMethod.Get, "/api/v1/review/reasons?year=2024", null, HttpStatusCode.OK);
        var missing = a["missing"]!.AsArray().Select(m => $"{(string)m!["unitName"]!}/{(string)m["subject"]!}").ToHashSet();
        // 丙县: total 92 %, 县级资金 68 % with no reason; 乙县: total 80 % silent, 省级 66.67 %, 县级 37.5 %.
        Assert.Superset(missing, new HashSet<string> { "丙县教育局/县级资金", "乙县农业农村局/年度资金总额", "乙县农业农村局/省级资金", "乙县农业农村局/县级资金" });
        Assert.DoesNotContain("乙县农业农村局/中央资金", missing);
        // 甲县's total line explains its 县级配套资金 (76.5 %); 丁县 spent 95 %.
        Assert.DoesNotContain(missing, m => m.StartsWith("甲县", StringComparison.Ordinal) || m.StartsWith("丁县", StringComparison.Ordinal));

        JsonNode school = await ReviewWorld.SendAsync(w.Reviewer, HttpMethod.Get, $"/api/v1/submissions/{w.Submissions["i33.bing/school"]}", null, HttpStatusCode.OK);
        Assert.Contains(school["score"]!["findings"]!.AsArray(), f => (string?)f!["code"] == "funds.low-execution" && (string?)f["path"] == "funds.lines[2]");
        Assert.Contains(school["submission"]!["risk"]!["reasons"]!.AsArray(), r => ((string)r!).StartsWith("未完成指标或低执行率未说明原因（1处）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WeakerQualitativeAtFullMarks_StaysARiskReason_AfterReturnAndAnUnchangedResubmission()
    {
        World w = await WorldAsync();
        string id = w.Submissions["i33.yi/farm"];
        const string Weaker = "定性指标的完成情况弱于指标值却给了满分";
        JsonNode v1 = await ReviewWorld.SendAsync(w.Reviewer, HttpMethod.Get, $"/api/v1/submissions/{id}", null, HttpStatusCode.OK);
        Assert.Contains(v1["submission"]!["risk"]!["reasons"]!.AsArray(), r => ((string)r!).StartsWith(Weaker, StringComparison.Ordinal));
        Assert.Contains(v1["findings"]!.AsArray(), f => (string?)f!["source"] == "risk" && ((string)f["message"]!).Contains(Weaker, StringComparison.Ordinal));

        string decision = $$"""{"decision":"退回","comments":[{"indicator":{{WeakerRow}},"text":"有所改善不应满分"},{"finding":"indicator.qualitative-weaker","text":"按部分达成复核"}]}""";
        await ReviewWorld.SendAsync(w.Reviewer, HttpMethod.Post, $"/api/v1/submissions/{id}/decisions", decision, HttpStatusCode.Created);
        JsonNode v2 = await ReviewWorld.SendAsync(w.Drafters["i33.yi"], HttpMethod.Post, $"/api/v1/submissions/{id}/versions", "{}", HttpStatusCode.Created);
        Assert.Equal(2, (int)v2["version"]!);
        Assert.Contains(v2["risk"]!["reasons"]!.AsArray(), r => ((string)r!).StartsWith(Weaker, StringComparison.Ordinal));
        Assert.NotEqual("none", (string?)v2["risk"]!["level"]);
    }

    [Fact]
    public async Task ABatchOfGeneratedSubmissions_SpreadsFromNoneToHigh_AndTheQueueFiltersEachLevel()
    {
        World w = await WorldAsync();
        const int Count = 10;
        byte[] zip = WithUnits(BatchSupport.Zip(Count), string.Concat(Enumerable.Range(0, Count).Select(i => $"{i:0000},{BatchUnits[i % BatchUnits.Length]}\n")));
        HttpClient reviewer = w.BatchReviewer;
        JsonElement job = await BatchSupport.UploadAsync(reviewer, zip, "生成批次");
        Guid jobId = job.GetProperty("id").GetGuid();
        JsonElement status = await BatchSupport.WaitAsync(reviewer, jobId, TimeSpan.FromMinutes(4));
        Assert.Equal(Count, status.GetProperty("done").GetInt32());

        var byLevel = new Dictionary<string, JsonArray>();
        foreach (string level in new[] { "none", "low", "medium", "high" })
        {
            JsonArray list = (await ReviewWorld.SendAsync(reviewer, HttpMethod.Get, $"/api/v1/submissions?batch={jobId}&risk={level}", null, HttpStatusCode.OK)).AsArray();
            Assert.All(list, s => Assert.Equal(level, (string?)s!["risk"]!["level"]));
            byLevel[level] = list;
        }

        Assert.Equal(Count, byLevel.Values.Sum(l => l.Count));
        // The clean ones (every fifth) carry no risk point at all, a target set too low alone is low (10 points); the others reach medium and high.
        Assert.InRange(byLevel["none"].Count + byLevel["low"].Count, Count / 5, 2 * Count / 5);
        Assert.All(byLevel["none"], s => Assert.Equal(0, (int)s!["risk"]!["score"]!));
        Assert.All(byLevel["none"], s => Assert.Empty(s!["risk"]!["reasons"]!.AsArray()));
        Assert.NotEmpty(byLevel["high"]);
        Assert.NotEmpty(byLevel["none"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReviewWorld.TrySendAsync(reviewer, HttpMethod.Get, "/api/v1/submissions?risk=zero")).Status);
    }

    private static byte[] WithUnits(byte[] inner, string unitsCsv)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var source = new ZipArchive(new MemoryStream(inner), ZipArchiveMode.Read))
            {
                foreach (ZipArchiveEntry e in source.Entries)
                {
                    using Stream from = e.Open();
                    using Stream to = zip.CreateEntry(e.FullName).Open();
                    from.CopyTo(to);
                }
            }

            using Stream csv = zip.CreateEntry("units.csv").Open();
            csv.Write(Encoding.UTF8.GetBytes(unitsCsv));
        }

        return ms.ToArray();
    }
}
