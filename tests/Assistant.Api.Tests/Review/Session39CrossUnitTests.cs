using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Session 39 (probe 38 #11): the cross-unit views (<c>/review/*</c> and the reviewer's chat) warn when a unit submitted the same table
/// more than once (it is counted once, by its latest submission), and money converted from 元 to 万元 is rounded to two decimals
/// (35116871.52元 → 3511.69万元, never 3511.687152) in rows, groups and the chat's sums.
/// </summary>
public sealed class Session39CrossUnitTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(Assistant.Testing.RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures", name));

    private async Task<HttpClient> ReviewerAsync()
    {
        var units = new JsonArray
        {
            new JsonObject { ["code"] = "t39", ["name"] = "某市财政局", ["level"] = "city" },
            new JsonObject { ["code"] = "t39.a", ["name"] = "陆良县卫生健康局", ["parent"] = "t39", ["level"] = "county" },
            new JsonObject { ["code"] = "t39.b", ["name"] = "洋县农业农村局", ["parent"] = "t39", ["level"] = "county" },
            new JsonObject { ["code"] = "t39.c", ["name"] = "郸城县人社局", ["parent"] = "t39", ["level"] = "county" },
        };
        await ReviewWorld.SendAsync(factory.CreateClient(), HttpMethod.Post, "/api/v1/units", units.ToJsonString(), HttpStatusCode.Created);
        // 陆良 (元) submitted twice; 洋县 (万元) once; 郸城 (元, with fen) once.
        foreach (var (unit, file) in new[]
                 {
                     ("t39.a", "p38-t2-yunnan-luliang-gonggongweisheng.json"), ("t39.a", "p38-t2-yunnan-luliang-gonggongweisheng.json"),
                     ("t39.b", "p38-t5-shaanxi-yangxian-xianjie.json"), ("t39.c", "p37-t2b-dancheng-yuan.json"),
                 })
        {
            HttpClient drafter = factory.ClientFor(ApiRoles.Drafter, unit);
            string id = (string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/evaluations", Fixture(file), HttpStatusCode.Created))["id"]!;
            await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/submissions", $$"""{"evaluationId":"{{id}}"}""", HttpStatusCode.Created);
        }

        return factory.ClientFor(ApiRoles.Reviewer, "t39");
    }

    private static void AssertDuplicateWarning(JsonNode answer)
    {
        JsonNode d = Assert.Single(answer["duplicates"]!.AsArray())!;
        Assert.Equal(("t39.a", 2), ((string)d["unit"]!, (int)d["submissions"]!));
        Assert.Single(d["notCounted"]!.AsArray());
        Assert.Contains("提交了2次", (string)d["note"]!, StringComparison.Ordinal);
        Assert.Contains("只计最新一次", (string)d["note"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCrossUnitView_WarnsOfTheTableSubmittedTwice_AndRoundsConvertedMoney()
    {
        HttpClient client = await ReviewerAsync();
        JsonNode a = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/execution?year=2024", null, HttpStatusCode.OK);
        AssertDuplicateWarning(a);
        JsonArray rows = a["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        JsonNode luliang = Assert.Single(rows, r => (string)r!["unit"]! == "t39.a")!;
        Assert.Equal(("万元", "3865.24", "3511.69"), ((string)luliang["fundUnit"]!, (string)luliang["budget"]!, (string)luliang["executed"]!));
        JsonNode dancheng = Assert.Single(rows, r => (string)r!["unit"]! == "t39.c")!;
        Assert.Equal(("351.23", "318.77"), ((string)dancheng["budget"]!, (string)dancheng["executed"]!));
        // No amount anywhere in the answer carries more than two decimals.
        Assert.DoesNotMatch(@"""(?:budget|executed)"":""\d+\.\d{3,}""", a.ToJsonString());

        foreach (string url in new[] { "/api/v1/review/reasons?year=2024", "/api/v1/review/indicators?name=满意度&year=2024" })
        {
            AssertDuplicateWarning(await ReviewWorld.SendAsync(client, HttpMethod.Get, url, null, HttpStatusCode.OK));
        }

        string said = await ReviewWorld.AskOfflineAsync(client, "各单位预算执行率是多少？");
        Assert.Contains("陆良县卫生健康局", said, StringComparison.Ordinal);
        Assert.Contains("重复提交了同一张表", said, StringComparison.Ordinal);
        Assert.Contains("只计最新一次提交", said, StringComparison.Ordinal);
        Assert.DoesNotContain("【待核实】", said, StringComparison.Ordinal);
        Assert.DoesNotContain("3511.687152", said, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+\.\d{3,}万元", said);

        said = await ReviewWorld.AskOfflineAsync(client, "哪些单位没写偏差原因？");
        Assert.Contains("重复提交了同一张表", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneSubmissionEach_HasNoWarning()
    {
        var units = new JsonArray
        {
            new JsonObject { ["code"] = "u39", ["name"] = "某市财政局", ["level"] = "city" },
            new JsonObject { ["code"] = "u39.a", ["name"] = "洋县农业农村局", ["parent"] = "u39", ["level"] = "county" },
        };
        await ReviewWorld.SendAsync(factory.CreateClient(), HttpMethod.Post, "/api/v1/units", units.ToJsonString(), HttpStatusCode.Created);
        HttpClient drafter = factory.ClientFor(ApiRoles.Drafter, "u39.a");
        string id = (string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/evaluations", Fixture("p38-t5-shaanxi-yangxian-xianjie.json"), HttpStatusCode.Created))["id"]!;
        await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/submissions", $$"""{"evaluationId":"{{id}}"}""", HttpStatusCode.Created);
        HttpClient client = factory.ClientFor(ApiRoles.Reviewer, "u39");
        JsonNode a = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/execution?year=2024", null, HttpStatusCode.OK);
        Assert.Empty(a["duplicates"]!.AsArray());
        Assert.DoesNotContain("重复提交", await ReviewWorld.AskOfflineAsync(client, "各单位预算执行率是多少？"), StringComparison.Ordinal);
    }
}
