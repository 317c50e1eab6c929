using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;
using Npgsql;

namespace Assistant.Api.Tests.Review;

/// <summary>Submission and review through the API on real PostgreSQL: the whole round, bad transitions, validation, scope and insert-only storage.</summary>
public sealed class SubmissionApiTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    private static HttpMethod Post => HttpMethod.Post;

    private static HttpMethod Get => HttpMethod.Get;

    [Fact]
    public async Task SubmitReturnResubmitApprove_EveryStepStoredWithWhoAndWhen_NothingOverwritten()
    {
        ReviewWorld w = await factory.WorldAsync();
        string unit = "gx.c1.k1.u2";
        HttpClient drafter = w.Drafters[unit];
        HttpClient county = w.Reviewers["gx.c1.k1"];
        string evaluation = w.Evaluations[unit];
        JsonNode report = await ReviewWorld.SendAsync(drafter, Post, $"/api/v1/evaluations/{evaluation}/report", "{}", HttpStatusCode.Created);
        int reportVersion = (int)report["version"]!;

        JsonNode submitted = await ReviewWorld.SendAsync(drafter, Post, "/api/v1/submissions", $$"""{"evaluationId":"{{evaluation}}"}""", HttpStatusCode.Created);
        string id = (string)submitted["id"]!;
        Assert.Equal("pending", (string?)submitted["status"]);
        Assert.Equal(1, (int)submitted["version"]!);
        Assert.Equal(reportVersion, (int?)submitted["reportVersion"]);
        Assert.StartsWith("ak_", (string?)submitted["submittedBy"], StringComparison.Ordinal);

        // The county reviewer's queue has it; the detail shows the table, the score, the report and its paragraphs.
        JsonArray queue = (await ReviewWorld.SendAsync(county, Get, "/api/v1/submissions?status=pending", null, HttpStatusCode.OK)).AsArray();
        Assert.Contains(queue, s => (string?)s!["id"] == id);
        JsonNode detail = await ReviewWorld.SendAsync(county, Get, $"/api/v1/submissions/{id}", null, HttpStatusCode.OK);
        Assert.Contains(ReviewWorld.Marker(unit), (string?)detail["evaluation"]!["title"], StringComparison.Ordinal);
        Assert.Equal("short", (string?)detail["score"]!["indicators"]![0]!["status"]);
        JsonArray paragraphs = detail["paragraphs"]!.AsArray();
        JsonNode paragraph = paragraphs.First(p => (string?)p!["part"] == "deviation")!;

        // 退回 with a comment on a paragraph, one on the shortfall's indicator and a 抽评 score beside the self-score.
        string decision = $$"""
            {"decision":"退回","comment":"请补充原因分析",
             "comments":[{"part":"deviation","paragraph":{{(int)paragraph["index"]!}},"text":"原因不具体，请说明用工需求减少的依据"},
                         {"indicator":0,"text":"城镇新增就业人数差距较大"}],
             "scores":[{"indicator":0,"score":"6.5"},{"name":"参加就业见习人员数量","score":7}]}
            """;
        JsonNode returned = await ReviewWorld.SendAsync(county, Post, $"/api/v1/submissions/{id}/decisions", decision, HttpStatusCode.Created);
        Assert.Equal("returned", (string?)returned["decision"]);
        Assert.Equal("gx.c1.k1", (string?)returned["decidedByUnit"]);
        Assert.Equal("6.5", (string?)returned["scores"]![0]!["score"]);
        Assert.Equal("10", (string?)returned["scores"]![0]!["weight"]);
        Assert.Equal((string?)paragraph["text"]!.ToString()[..Math.Min(120, paragraph["text"]!.ToString().Length)], (string?)returned["comments"]![0]!["quote"]);

        // The unit sees the decision and its comments.
        JsonNode mine = await ReviewWorld.SendAsync(drafter, Get, $"/api/v1/submissions/{id}", null, HttpStatusCode.OK);
        Assert.Equal("returned", (string?)mine["submission"]!["status"]);
        Assert.Equal("原因不具体，请说明用工需求减少的依据", (string?)mine["decisions"]![0]!["comments"]![0]!["text"]);

        // 退回 again, or 通过 now, is a conflict: the version is decided.
        var (again, againBody) = await ReviewWorld.TrySendAsync(county, Post, $"/api/v1/submissions/{id}/decisions", """{"decision":"通过"}""");
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("\"decision\"", againBody, StringComparison.Ordinal);
        Assert.Contains("已退回", againBody, StringComparison.Ordinal);
        Assert.Contains("already returned", againBody, StringComparison.Ordinal);

        // The unit edits the report and resubmits: version 2, pending; resubmitting again while pending is a conflict.
        await ReviewWorld.SendAsync(drafter, HttpMethod.Put, $"/api/v1/evaluations/{evaluation}/report/parts/deviation",
            """{"text":"三、偏离绩效目标的原因和下一步改进措施\n城镇新增就业人数未完成，原因是辖区两家主要用工企业停产，用工需求减少。"}""", HttpStatusCode.Created);
        JsonNode v2 = await ReviewWorld.SendAsync(drafter, Post, $"/api/v1/submissions/{id}/versions", "{}", HttpStatusCode.Created);
        Assert.Equal(2, (int)v2["version"]!);
        Assert.Equal(reportVersion + 1, (int?)v2["reportVersion"]);
        var (pending, pendingBody) = await ReviewWorld.TrySendAsync(drafter, Post, $"/api/v1/submissions/{id}/versions", "{}");
        Assert.Equal(HttpStatusCode.Conflict, pending);
        Assert.Contains("\"submission\"", pendingBody, StringComparison.Ordinal);
        Assert.Contains("pending review", pendingBody, StringComparison.Ordinal);
        var (first, _) = await ReviewWorld.TrySendAsync(drafter, Post, "/api/v1/submissions", $$"""{"evaluationId":"{{evaluation}}"}""");
        Assert.Equal(HttpStatusCode.Conflict, first);

        // The city reviewer above approves version 2; approved is final: 退回 it is a conflict, so is resubmitting.
        await ReviewWorld.SendAsync(w.Reviewers["gx.c1"], Post, $"/api/v1/submissions/{id}/decisions", """{"decision":"approved"}""", HttpStatusCode.Created);
        var (late, lateBody) = await ReviewWorld.TrySendAsync(county, Post, $"/api/v1/submissions/{id}/decisions", """{"decision":"退回","comment":"再看看"}""");
        Assert.Equal(HttpStatusCode.Conflict, late);
        Assert.Contains("已通过", lateBody, StringComparison.Ordinal);
        var (closed, closedBody) = await ReviewWorld.TrySendAsync(drafter, Post, $"/api/v1/submissions/{id}/versions", "{}");
        Assert.Equal(HttpStatusCode.Conflict, closed);
        Assert.Contains("approved", closedBody, StringComparison.Ordinal);

        // Every step is there: two versions, two decisions; version 1 still shows the report as it was submitted.
        JsonNode all = await ReviewWorld.SendAsync(drafter, Get, $"/api/v1/submissions/{id}", null, HttpStatusCode.OK);
        Assert.Equal("approved", (string?)all["submission"]!["status"]);
        Assert.Equal(2, all["versions"]!.AsArray().Count);
        Assert.Equal(["returned", "approved"], all["decisions"]!.AsArray().Select(d => (string)d!["decision"]!));
        JsonNode v1 = await ReviewWorld.SendAsync(drafter, Get, $"/api/v1/submissions/{id}?version=1", null, HttpStatusCode.OK);
        Assert.Equal(1, (int)v1["shownVersion"]!);
        Assert.Equal(reportVersion, (int?)v1["versions"]![0]!["reportVersion"]);
        Assert.DoesNotContain(v1["paragraphs"]!.AsArray(), p => ((string)p!["text"]!).Contains("两家主要用工企业停产", StringComparison.Ordinal));
        Assert.Contains(all["paragraphs"]!.AsArray(), p => ((string)p!["text"]!).Contains("两家主要用工企业停产", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredSteps_RefuseUpdateAndDelete()
    {
        ReviewWorld w = await factory.WorldAsync();
        string unit = "gx.c2.k2.u1";
        JsonNode s = await ReviewWorld.SendAsync(w.Drafters[unit], Post, "/api/v1/submissions", $$"""{"evaluationId":"{{w.Evaluations[unit]}}"}""", HttpStatusCode.Created);
        await ReviewWorld.SendAsync(w.Reviewers["gx.c2"], Post, $"/api/v1/submissions/{s["id"]}/decisions", """{"decision":"退回","comment":"x"}""", HttpStatusCode.Created);
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        foreach (string sql in new[]
        {
            "UPDATE submissions SET title = 'x'", "UPDATE submission_versions SET risk_level = 'low'", "UPDATE review_decisions SET decision = 'approved'",
            "DELETE FROM review_decisions", "DELETE FROM submission_versions", "DELETE FROM submissions",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            PostgresException e = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("never overwritten", e.MessageText, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"decision":"maybe"}""", "decision")]
    [InlineData("""{}""", "decision")]
    [InlineData("""{"decision":"退回","scores":[{"indicator":0,"score":"10.01"}]}""", "scores[0].score")]
    [InlineData("""{"decision":"退回","scores":[{"indicator":0,"score":"-1"}]}""", "scores[0].score")]
    [InlineData("""{"decision":"退回","scores":[{"indicator":0,"score":"八分"}]}""", "scores[0].score")]
    [InlineData("""{"decision":"退回","scores":[{"indicator":99,"score":"1"}]}""", "scores[0].indicator")]
    [InlineData("""{"decision":"退回","scores":[{"name":"没有这项","score":"1"}]}""", "scores[0].indicator")]
    [InlineData("""{"decision":"退回","scores":[{"indicator":1,"score":"1"},{"indicator":1,"score":"2"}]}""", "scores[1].indicator")]
    [InlineData("""{"decision":"退回","comments":[{"finding":"no.such-code","text":"x"}]}""", "comments[0].finding")]
    [InlineData("""{"decision":"退回","comments":[{"part":"deviation","paragraph":0,"text":"x"}]}""", "comments[0].part")]
    [InlineData("""{"decision":"退回","comments":[{"indicator":0,"text":"  "}]}""", "comments[0].text")]
    [InlineData("""{"decision":"退回","comments":[{"indicator":0,"finding":"x","text":"y"}]}""", "comments[0]")]
    public async Task BadDecisions_Are400NamingTheField_AndStoreNothing(string body, string field)
    {
        ReviewWorld w = await factory.WorldAsync();
        string unit = "gx.c2.k1.u1";
        JsonNode queue = await ReviewWorld.SendAsync(w.Drafters[unit], Get, "/api/v1/submissions", null, HttpStatusCode.OK);
        string id = queue.AsArray().FirstOrDefault() is { } existing
            ? (string)existing["id"]!
            : (string)(await ReviewWorld.SendAsync(w.Drafters[unit], Post, "/api/v1/submissions", $$"""{"evaluationId":"{{w.Evaluations[unit]}}"}""", HttpStatusCode.Created))["id"]!;
        var (status, text) = await ReviewWorld.TrySendAsync(w.Reviewers["gx.c2.k1"], Post, $"/api/v1/submissions/{id}/decisions", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        JsonNode problem = JsonNode.Parse(text)!;
        Assert.True(problem["errors"]![field] is not null, text);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}.* / [A-Za-z]", (string)problem["errors"]![field]![0]!);
        JsonNode after = await ReviewWorld.SendAsync(w.Drafters[unit], Get, $"/api/v1/submissions/{id}", null, HttpStatusCode.OK);
        Assert.Equal("pending", (string?)after["submission"]!["status"]);
        Assert.Empty(after["decisions"]!.AsArray());
    }

    [Theory]
    [InlineData("reviewer", "drafter", "审核决定需要 reviewer 或 admin 密钥（本密钥为 drafter）。", "Deciding on a submission needs a reviewer or admin key (this key is drafter).")]
    [InlineData("admin", "drafter", "此操作需要 admin 密钥（本密钥为 drafter）。", "This needs an admin key (this key is drafter).")]
    [InlineData("admin", "reviewer", "此操作需要 admin 密钥（本密钥为 reviewer）。", "This needs an admin key (this key is reviewer).")]
    [InlineData("drafter", "reviewer", "审阅（reviewer）密钥只能读取和核对；起草和提交需要 drafter 或 admin 密钥。", "Reviewer keys read and check only; drafting and submitting need a drafter or admin key.")]
    [InlineData("drafter", null, "起草和提交需要 drafter 或 admin 密钥。", "Drafting and submitting need a drafter or admin key.")]
    [InlineData(null, "drafter", "本密钥的角色不能执行此操作（本密钥为 drafter）。", "The key's role does not allow this (this key is drafter).")]
    public void TheRefusal_SaysWhatTheActionNeeds_AndWhatTheKeyIs(string? policy, string? role, string chinese, string english)
    {
        string detail = Assistant.Api.Infrastructure.ApiSecurity.ForbiddenDetail(policy, role);
        Assert.Equal($"{chinese} / {english}", detail);
    }

    [Fact]
    public async Task WhoMayDoWhat_DrafterCannotDecide_ReviewerCannotSubmit_OutsideScopeIs404()
    {
        ReviewWorld w = await factory.WorldAsync();
        string unit = "gx.c1.k2.u1";
        JsonNode s = await ReviewWorld.SendAsync(w.Drafters[unit], Post, "/api/v1/submissions", $$"""{"evaluationId":"{{w.Evaluations[unit]}}"}""", HttpStatusCode.Created);
        string id = (string)s["id"]!;

        // Each refusal says what the action needs, in both languages: a drafter deciding is told a decision needs a
        // reviewer key (not that reviewers only read), a reviewer submitting is told drafting and submitting need a drafter key.
        var (decideStatus, decideBody) = await ReviewWorld.TrySendAsync(w.Drafters[unit], Post, $"/api/v1/submissions/{id}/decisions", """{"decision":"通过"}""");
        Assert.Equal(HttpStatusCode.Forbidden, decideStatus);
        string decideDetail = (string)JsonNode.Parse(decideBody)!["detail"]!;
        Assert.Contains("审核决定需要 reviewer 或 admin 密钥（本密钥为 drafter）", decideDetail, StringComparison.Ordinal);
        Assert.Contains("Deciding on a submission needs a reviewer or admin key (this key is drafter)", decideDetail, StringComparison.Ordinal);
        Assert.DoesNotContain("只能读取", decideDetail, StringComparison.Ordinal);

        var (submitStatus, submitBody) = await ReviewWorld.TrySendAsync(w.Reviewers["gx.c1"], Post, "/api/v1/submissions", $$"""{"evaluationId":"{{w.Evaluations[unit]}}"}""");
        Assert.Equal(HttpStatusCode.Forbidden, submitStatus);
        string submitDetail = (string)JsonNode.Parse(submitBody)!["detail"]!;
        Assert.Contains("审阅（reviewer）密钥只能读取和核对；起草和提交需要 drafter 或 admin 密钥", submitDetail, StringComparison.Ordinal);
        Assert.Contains("drafting and submitting need a drafter or admin key", submitDetail, StringComparison.Ordinal);

        // A sibling county's reviewer, the other city's reviewer and a sibling unit: 404, as if it did not exist.
        foreach (HttpClient outsider in new[] { w.Reviewers["gx.c1.k1"], w.Reviewers["gx.c2"], w.Reviewers["gx.c2.k2"] })
        {
            var (status, body) = await ReviewWorld.TrySendAsync(outsider, Post, $"/api/v1/submissions/{id}/decisions", """{"decision":"通过"}""");
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.DoesNotContain(ReviewWorld.Marker(unit), body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(outsider, Get, $"/api/v1/submissions/{id}")).Status);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(w.Drafters["gx.c1.k2.u2"], Get, $"/api/v1/submissions/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(w.Drafters["gx.c1.k2.u2"], Post, $"/api/v1/submissions/{id}/versions", "{}")).Status);

        // Submitting another unit's evaluation is 404 too; a missing evaluationId is 400 naming it.
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(w.Drafters["gx.c1.k2.u2"], Post, "/api/v1/submissions", $$"""{"evaluationId":"{{w.Evaluations[unit]}}"}""")).Status);
        var (missing, missingBody) = await ReviewWorld.TrySendAsync(w.Drafters[unit], Post, "/api/v1/submissions", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Contains("evaluationId", missingBody, StringComparison.Ordinal);
        var (noReport, noReportBody) = await ReviewWorld.TrySendAsync(w.Drafters["gx.c1.k2.u2"], Post, "/api/v1/submissions", $$"""{"evaluationId":"{{w.Evaluations["gx.c1.k2.u2"]}}","reportVersion":7}""");
        Assert.Equal(HttpStatusCode.BadRequest, noReport);
        Assert.Contains("reportVersion", noReportBody, StringComparison.Ordinal);

        // The province sees it; the queue filters by status, unit (a subtree) and risk.
        JsonArray province = (await ReviewWorld.SendAsync(w.Reviewers[ReviewWorld.Province], Get, "/api/v1/submissions?unit=gx.c1.k2&status=pending", null, HttpStatusCode.OK)).AsArray();
        Assert.Contains(province, x => (string?)x!["id"] == id);
        Assert.All(province, x => Assert.StartsWith("gx.c1.k2.", (string)x!["unit"]!, StringComparison.Ordinal));
        Assert.Equal("某1市2县第1单位", (string?)province.First(x => (string?)x!["id"] == id)!["unitName"]);
        JsonArray otherCity = (await ReviewWorld.SendAsync(w.Reviewers["gx.c2"], Get, "/api/v1/submissions?unit=gx.c1.k2", null, HttpStatusCode.OK)).AsArray();
        Assert.Empty(otherCity);
        string risk = (string)s["risk"]!["level"]!;
        JsonArray byRisk = (await ReviewWorld.SendAsync(w.Reviewers["gx.c1"], Get, $"/api/v1/submissions?risk={risk}", null, HttpStatusCode.OK)).AsArray();
        Assert.All(byRisk, x => Assert.Equal(risk, (string?)x!["risk"]!["level"]));
        Assert.Contains(byRisk, x => (string?)x!["id"] == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReviewWorld.TrySendAsync(w.Reviewers["gx.c1"], Get, "/api/v1/submissions?status=done")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReviewWorld.TrySendAsync(w.Reviewers["gx.c1"], Get, "/api/v1/submissions?risk=extreme")).Status);
    }

    [Fact]
    public async Task Scope_ReviewerReadsTheSubtreesEvaluations_UnregisteredKeysKeepTheirOwnUnit()
    {
        ReviewWorld w = await factory.WorldAsync();
        JsonArray city = (await ReviewWorld.SendAsync(w.Reviewers["gx.c1"], Get, "/api/v1/evaluations", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal(w.Units.Where(u => u.StartsWith("gx.c1.", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            city.Select(e => (string)e!["unit"]!).Distinct().Order(StringComparer.Ordinal));
        JsonArray county = (await ReviewWorld.SendAsync(w.Reviewers["gx.c2.k1"], Get, "/api/v1/evaluations", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal(["gx.c2.k1.u1", "gx.c2.k1.u2"], county.Select(e => (string)e!["unit"]!).Distinct().Order(StringComparer.Ordinal));
        JsonArray unitsSeen = (await ReviewWorld.SendAsync(w.Reviewers["gx.c2"], Get, "/api/v1/units", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal(7, unitsSeen.Count);
        Assert.DoesNotContain(unitsSeen, u => (string?)u!["code"] == ReviewWorld.Province);

        // A drafter of a registered unit sees only its own unit, like a reviewer key of an unregistered unit.
        JsonArray own = (await ReviewWorld.SendAsync(w.Drafters["gx.c1.k1.u1"], Get, "/api/v1/evaluations", null, HttpStatusCode.OK)).AsArray();
        Assert.All(own, e => Assert.Equal("gx.c1.k1.u1", (string?)e!["unit"]));
        HttpClient legacy = factory.ClientFor(ApiRoles.Reviewer, "没有登记的单位");
        Assert.Empty((await ReviewWorld.SendAsync(legacy, Get, "/api/v1/evaluations", null, HttpStatusCode.OK)).AsArray());
        HttpClient legacyDrafter = factory.ClientFor(ApiRoles.Drafter, "没有登记的单位");
        JsonNode stored = await ReviewWorld.SendAsync(legacyDrafter, Post, "/api/v1/evaluations",
            ReviewWorld.Table("旧密钥", "1000", null, 100m), HttpStatusCode.Created);
        JsonArray legacyList = (await ReviewWorld.SendAsync(legacy, Get, "/api/v1/evaluations", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal([(string)stored["id"]!], legacyList.Select(e => (string)e!["id"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(w.Reviewers[ReviewWorld.Province], Get, $"/api/v1/evaluations/{stored["id"]}")).Status);
    }
}
