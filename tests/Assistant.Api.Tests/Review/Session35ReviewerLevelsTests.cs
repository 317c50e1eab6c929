using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Session 34's chat tester, for session 35: a city reviewer's 执行率 threshold by level. The counties are registered as such
/// but named as their health bureaus (甲县卫生健康局 at 84 %, 乙县卫生健康局 at 95 %); a 市直 department (某市卫生健康委员会, 80 %)
/// sits under the city. 执行率低于九成的县 names 甲县 — not “县（区）的表0张” above a list that shows it — and the programs'
/// totals below are the level's own. A trailing clause (差了几个千分点) keeps the indicator question whole; a 抽评 score may name
/// its row under <c>indicator</c>.
/// </summary>
public sealed class Session35ReviewerLevelsTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private static readonly (string Code, string Name, string Level, string File, decimal? Executed)[] Units =
    [
        ("t35.a", "甲县卫生健康局", "county", "probe34-health-jia", null),
        ("t35.b", "乙县卫生健康局", "county", "probe34-health-yi", null),
        ("t35.w", "某市卫生健康委员会", "department", "probe34-health-yi", 640m),
    ];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ReviewFactory, Dictionary<string, string>> Submissions = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private async Task<(HttpClient Reviewer, Dictionary<string, string> Submissions)> WorldAsync()
    {
        await Gate.WaitAsync();
        try
        {
            HttpClient reviewer = factory.ClientFor(ApiRoles.Reviewer, "t35");
            if (Submissions.TryGetValue(factory, out var known))
            {
                return (reviewer, known);
            }

            var units = new JsonArray { new JsonObject { ["code"] = "t35", ["name"] = "某市财政局", ["level"] = "city" } };
            foreach (var u in Units)
            {
                units.Add(new JsonObject { ["code"] = u.Code, ["name"] = u.Name, ["parent"] = "t35", ["level"] = u.Level });
            }

            await ReviewWorld.SendAsync(factory.CreateClient(), HttpMethod.Post, "/api/v1/units", units.ToJsonString(), HttpStatusCode.Created);
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var u in Units)
            {
                JsonNode table = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", u.File + ".json")))!;
                if (u.Executed is { } spent)
                {
                    table["title"] = "2024年市本级基本公共卫生服务项目";
                    table["region"] = "四川省某市";
                    table["funds"]!["lines"]![0]!["executed"] = spent.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
                }

                HttpClient drafter = factory.ClientFor(ApiRoles.Drafter, u.Code);
                string id = (string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/evaluations", table.ToJsonString(), HttpStatusCode.Created))["id"]!;
                ids[u.Code] = (string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/submissions", $$"""{"evaluationId":"{{id}}"}""", HttpStatusCode.Created))["id"]!;
            }

            Submissions.Add(factory, ids);
            return (reviewer, ids);
        }
        finally
        {
            Gate.Release();
        }
    }

    [Theory]
    [InlineData("执行率低于九成的县有哪些", new[] { "其中县（区）的表2张", "执行率低于90%的县（区）有1个", "甲县卫生健康局", "84.00%" })]
    [InlineData("执行率不到八成五的县（区）有哪些", new[] { "执行率低于85%的县（区）有1个", "甲县卫生健康局", "84.00%" })]
    [InlineData("哪些区县执行率没达到90%", new[] { "执行率低于90%的县（区）有1个", "甲县卫生健康局" })]
    [InlineData("执行率低于80%的县有哪些", new[] { "其中县（区）的表2张", "没有执行率低于80%的县（区）" })]
    public async Task AThresholdForCounties_TakesTheCountiesAsRegistered_AndTheListAgreesWithItsHeader(string question, string[] expected)
    {
        var (reviewer, _) = await WorldAsync();
        string said = await ReviewWorld.AskOfflineAsync(reviewer, question);
        foreach (string e in expected)
        {
            Assert.Contains(e, said, StringComparison.Ordinal);
        }

        // The city's own department is no county: not in the list, nor in the programs' totals under it.
        Assert.DoesNotContain("某市卫生健康委员会", said, StringComparison.Ordinal);
        Assert.DoesNotContain("县（区）的表0张", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("执行率低于九成的市有哪些")]
    [InlineData("哪些市执行率没达到85%")]
    public async Task AThresholdForCities_TakesTheCitysOwnUnits(string question)
    {
        var (reviewer, _) = await WorldAsync();
        string said = await ReviewWorld.AskOfflineAsync(reviewer, question);
        Assert.Contains("某市卫生健康委员会", said, StringComparison.Ordinal);
        Assert.Contains("80.00%", said, StringComparison.Ordinal);
        Assert.DoesNotContain("甲县卫生健康局", said, StringComparison.Ordinal);
        Assert.DoesNotContain("乙县卫生健康局", said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("哪些单位婴儿死亡率没完成？为什么？差了几个千分点")]
    [InlineData("各县婴儿死亡率超标了多少，超了几个千分点，原因是什么")]
    public async Task ATrailingClause_KeepsTheIndicatorQuestion(string question)
    {
        var (reviewer, _) = await WorldAsync();
        string said = await ReviewWorld.AskOfflineAsync(reviewer, question);
        Assert.DoesNotContain("没有找到", said, StringComparison.Ordinal);
        Assert.Contains("“婴儿死亡率”", said, StringComparison.Ordinal);
        Assert.Contains("甲县卫生健康局", said, StringComparison.Ordinal);
        Assert.Contains("辖区流动人口增加", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScoreNamingItsRowUnderIndicator_IsTaken_AndAnUnknownOneIs400NamingTheField()
    {
        var (reviewer, ids) = await WorldAsync();
        string path = $"/api/v1/submissions/{ids["t35.b"]}/decisions";
        foreach (string bad in new[] { "\"没有这项\"", "true", "1.5", "\"99\"" })
        {
            var (status, text) = await ReviewWorld.TrySendAsync(reviewer, HttpMethod.Post, path, $$"""{"decision":"退回","scores":[{"indicator":{{bad}},"score":"1"}]}""");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            JsonNode problem = JsonNode.Parse(text)!;
            Assert.True(problem["errors"]!["scores[0].indicator"] is not null, text);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}.* / [A-Za-z]", (string)problem["errors"]!["scores[0].indicator"]![0]!);
        }

        JsonNode returned = await ReviewWorld.SendAsync(reviewer, HttpMethod.Post, path,
            """{"decision":"退回","scores":[{"indicator":"城乡居民满意度","score":"8"},{"indicator":"1","score":"9"},{"indicator":0,"score":"14"}]}""", HttpStatusCode.Created);
        JsonArray scores = returned["scores"]!.AsArray();
        Assert.Equal(3, scores.Count);
        Assert.Equal(("城乡居民满意度", "8"), ((string)scores[0]!["name"]!, (string)scores[0]!["score"]!));
        Assert.Equal(("高血压患者规范管理率", "9"), ((string)scores[1]!["name"]!, (string)scores[1]!["score"]!));
        Assert.Equal(("65岁及以上老年人健康管理人数", "14"), ((string)scores[2]!["name"]!, (string)scores[2]!["score"]!));
    }
}
