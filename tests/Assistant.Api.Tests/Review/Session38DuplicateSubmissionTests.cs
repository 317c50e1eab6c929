using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Probe 38 #11: one unit submitted the same 部门整体支出 table twice (two submissions of one title and year). Across units the
/// table counts once — its budget is not summed twice into the 部门整体支出 group, its row is listed once, its missing reasons
/// once — while another unit's department table still adds to the group.
/// </summary>
public sealed class Session38DuplicateSubmissionTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(Assistant.Testing.RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures", name));

    private async Task<HttpClient> ReviewerAsync()
    {
        var units = new JsonArray
        {
            new JsonObject { ["code"] = "t38", ["name"] = "某市财政局", ["level"] = "city" },
            new JsonObject { ["code"] = "t38.a", ["name"] = "武夷山市文化和旅游局", ["parent"] = "t38", ["level"] = "county" },
            new JsonObject { ["code"] = "t38.b", ["name"] = "江安县教育局", ["parent"] = "t38", ["level"] = "county" },
        };
        await ReviewWorld.SendAsync(factory.CreateClient(), HttpMethod.Post, "/api/v1/units", units.ToJsonString(), HttpStatusCode.Created);
        foreach (var (unit, file) in new[] { ("t38.a", "p38-t7-wuyishan-bumen.json"), ("t38.a", "p38-t7-wuyishan-bumen.json"), ("t38.b", "p38-d1-jiangan-jiaoyu.json") })
        {
            HttpClient drafter = factory.ClientFor(ApiRoles.Drafter, unit);
            string id = (string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/evaluations", Fixture(file), HttpStatusCode.Created))["id"]!;
            await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/submissions", $$"""{"evaluationId":"{{id}}"}""", HttpStatusCode.Created);
        }

        return factory.ClientFor(ApiRoles.Reviewer, "t38");
    }

    [Fact]
    public async Task ATableSubmittedTwice_CountsOnce_InExecutionAndMissingReasons()
    {
        HttpClient client = await ReviewerAsync();
        JsonNode a = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/execution?year=2024", null, HttpStatusCode.OK);
        JsonArray rows = a["rows"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => ((string)r!["title"]!).Contains("武夷山", StringComparison.Ordinal));
        JsonNode group = Assert.Single(a["groups"]!.AsArray())!;
        Assert.Equal("部门整体支出", (string)group["kind"]!);
        // 4386.52 + 16412.58, not 4386.52 twice + 16412.58.
        Assert.Equal((2, "20799.10"), ((int)group["tables"]!, (string)group["budget"]!));

        JsonNode r = await ReviewWorld.SendAsync(client, HttpMethod.Get, "/api/v1/review/reasons?year=2024", null, HttpStatusCode.OK);
        var missing = r["missing"]!.AsArray().Where(m => (string)m!["unit"]! == "t38.a").Select(m => (string)m!["subject"]!).ToList();
        Assert.NotEmpty(missing);
        Assert.Equal(missing.Distinct(StringComparer.Ordinal).Count(), missing.Count);
    }
}
