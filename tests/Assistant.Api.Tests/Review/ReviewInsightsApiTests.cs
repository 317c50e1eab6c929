using System.Net;
using System.Text.Json.Nodes;

namespace Assistant.Api.Tests.Review;

/// <summary>Questions across units through the API: from the latest submitted version of each unit in the reviewer's subtree, numbers from the calculator.</summary>
public sealed class ReviewInsightsApiTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private readonly SemaphoreSlim gate = new(1, 1);

    private async Task<ReviewWorld> SubmittedAsync()
    {
        ReviewWorld w = await factory.WorldAsync();
        await gate.WaitAsync();
        try
        {
            foreach (string unit in w.Units)
            {
                var (status, _) = await ReviewWorld.TrySendAsync(w.Drafters[unit], HttpMethod.Post, "/api/v1/submissions", $$"""{"evaluationId":"{{w.Evaluations[unit]}}"}""");
                Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Conflict);
            }
        }
        finally
        {
            gate.Release();
        }

        return w;
    }

    [Fact]
    public async Task WhichUnitsFellShortOn_城镇新增就业人数_AndWhy()
    {
        ReviewWorld w = await SubmittedAsync();
        JsonNode a = await ReviewWorld.SendAsync(w.Reviewers["gx.c1"], HttpMethod.Get, "/api/v1/review/indicators?name=" + Uri.EscapeDataString("城镇新增就业人数") + "&year=2024", null, HttpStatusCode.OK);
        Assert.Equal(4, (int)a["tables"]!);
        Assert.Equal(4, (int)a["matched"]!);
        Assert.Equal(2, (int)a["short"]!);
        JsonArray rows = a["rows"]!.AsArray();
        Assert.Equal(["gx.c1.k1.u2", "gx.c1.k2.u2"], rows.Take(2).Select(r => (string)r!["unit"]!).Order(StringComparer.Ordinal));
        JsonNode first = rows[0]!;
        Assert.Equal("short", (string?)first["indicatorStatus"]);
        Assert.Equal("80.00", (string?)first["completion"]);
        Assert.Equal("8.00", (string?)first["score"]);
        Assert.Equal("2.00", (string?)first["lostPoints"]);
        Assert.All(rows, r => Assert.StartsWith("gx.c1.", (string)r!["unit"]!, StringComparison.Ordinal));
        Assert.Contains(rows, r => (string?)r!["reason"] == "受经济下行影响，企业用工需求减少");
        Assert.Contains(a["shortReasons"]!.AsArray(), k => (string?)k!["kind"] == "资金下达或拨付滞后" && (int)k["count"]! == 1);

        // A county reviewer sees its two units only; a unit its own row.
        JsonNode county = await ReviewWorld.SendAsync(w.Reviewers["gx.c2.k2"], HttpMethod.Get, "/api/v1/review/indicators?name=新增就业人数", null, HttpStatusCode.OK);
        Assert.Equal(["gx.c2.k2.u1", "gx.c2.k2.u2"], county["rows"]!.AsArray().Select(r => (string)r!["unit"]!).Order(StringComparer.Ordinal));
        JsonNode own = await ReviewWorld.SendAsync(w.Drafters["gx.c2.k2.u1"], HttpMethod.Get, "/api/v1/review/indicators?name=城镇新增就业人数", null, HttpStatusCode.OK);
        Assert.Equal("gx.c2.k2.u1", (string?)Assert.Single(own["rows"]!.AsArray())!["unit"]);

        var (missing, body) = await ReviewWorld.TrySendAsync(w.Reviewers["gx.c1"], HttpMethod.Get, "/api/v1/review/indicators");
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Contains("\"name\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReviewWorld.TrySendAsync(w.Reviewers["gx.c1"], HttpMethod.Get, "/api/v1/review/reasons?year=20245")).Status);
    }

    [Fact]
    public async Task ExecutionRateByUnit_LowestFirst_WithTheOverallRate()
    {
        ReviewWorld w = await SubmittedAsync();
        JsonNode a = await ReviewWorld.SendAsync(w.Reviewers["gx.c1"], HttpMethod.Get, "/api/v1/review/execution?year=2024", null, HttpStatusCode.OK);
        JsonArray rows = a["rows"]!.AsArray();
        Assert.Equal(["75.00", "77.50", "80.00", "82.50"], rows.Select(r => (string)r!["rate"]!));
        Assert.Equal("gx.c1.k1.u1", (string?)rows[0]!["unit"]);
        Assert.Equal("78.75", (string?)a["overallRate"]);
        Assert.Equal("200.00", (string?)rows[0]!["budget"]); // as the table prints it (200.00), never trimmed (session 37 tester #16)
        JsonNode province = await ReviewWorld.SendAsync(w.Reviewers[ReviewWorld.Province], HttpMethod.Get, "/api/v1/review/execution", null, HttpStatusCode.OK);
        Assert.Equal(8, (int)province["tables"]!);
    }

    [Fact]
    public async Task TheReasonsMostGiven_CountedByKindAcrossTheSubtree()
    {
        ReviewWorld w = await SubmittedAsync();
        JsonNode a = await ReviewWorld.SendAsync(w.Reviewers[ReviewWorld.Province], HttpMethod.Get, "/api/v1/review/reasons?year=2024", null, HttpStatusCode.OK);
        JsonArray kinds = a["kinds"]!.AsArray();
        JsonNode economy = kinds.First(k => (string?)k!["kind"] == "经济形势和市场变化")!;
        Assert.Equal(2, (int)economy["count"]!);
        Assert.Equal(2, (int)economy["units"]!);
        // Classified kinds most frequent first; 其他原因 (16 here, the largest heap) after them all (session 35).
        var counts = kinds.Where(k => (string?)k!["kind"] != "其他原因").Select(k => (int)k!["count"]!).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.Equal("其他原因", (string?)kinds[^1]!["kind"]);
        Assert.Equal(counts.Sum() + (int)kinds[^1]!["count"]!, (int)a["reasons"]!);
        JsonNode none = await ReviewWorld.SendAsync(w.Reviewers[ReviewWorld.Province], HttpMethod.Get, "/api/v1/review/reasons?year=2023", null, HttpStatusCode.OK);
        Assert.Equal(0, (int)none["tables"]!);
    }
}
