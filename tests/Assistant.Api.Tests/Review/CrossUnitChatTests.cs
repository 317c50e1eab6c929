using System.Net;
using System.Text.Json.Nodes;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Cross-unit questions in the chat (offline assistant, real PostgreSQL): a reviewer's conversation
/// answers from the stored evaluations of its subtree with the numbers GET /review/… gives; a sibling
/// city's units never appear; a unit key gets its own unit only; a reviewer cannot draft on a unit's table.
/// </summary>
public sealed class CrossUnitChatTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
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

    private static async Task<string> ConversationAsync(HttpClient client, string evaluationId) =>
        (string)(await ReviewWorld.SendAsync(client, HttpMethod.Post, "/api/v1/conversations", $$"""{"evaluationId":"{{evaluationId}}"}""", HttpStatusCode.Created))["id"]!;

    private static async Task<JsonNode> AskAsync(HttpClient client, string conversation, string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/conversations/{conversation}/messages", UriKind.Relative))
        {
            Content = new StringContent(new JsonObject { ["content"] = question, ["provider"] = "offline" }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using HttpResponseMessage r = await client.SendAsync(request);
        string text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["turn"]!;
    }

    /// <summary>Phrasings of "which units fell short on 城镇新增就业人数 and why".</summary>
    public static TheoryData<string> ShortfallPhrasings => new()
    {
        "哪些单位城镇新增就业人数没完成，为什么",
        "哪几个单位的城镇新增就业人数未达标？原因是什么",
        "各单位城镇新增就业人数完成得怎么样",
        "哪个县的城镇新增就业人数没有达到目标",
        "下属单位里“城镇新增就业人数”谁没完成",
    };

    [Theory]
    [MemberData(nameof(ShortfallPhrasings))]
    public async Task ACityReviewer_AsksWhichUnitsFellShort_AndGetsTheCalculatorsNumbers(string question)
    {
        ReviewWorld w = await SubmittedAsync();
        HttpClient reviewer = w.Reviewers["gx.c1"];
        string conversation = await ConversationAsync(reviewer, w.Evaluations["gx.c1.k1.u1"]);
        JsonNode turn = await AskAsync(reviewer, conversation, question);
        string text = (string)turn["text"]!;
        Assert.True((int)turn["held"]! == 0, text);
        Assert.Equal("units_indicator", (string?)turn["toolCalls"]![0]!["name"]);

        JsonNode api = await ReviewWorld.SendAsync(reviewer, HttpMethod.Get, "/api/v1/review/indicators?name=" + Uri.EscapeDataString("城镇新增就业人数"), null, HttpStatusCode.OK);
        var shortRows = api["rows"]!.AsArray().Where(r => (string?)r!["indicatorStatus"] == "short").ToList();
        Assert.Equal(2, shortRows.Count);
        foreach (JsonNode? r in shortRows)
        {
            Assert.Contains($"{(string)r!["unitName"]!}（《", text, StringComparison.Ordinal);
            Assert.Contains($"完成率{(string)r["completion"]!}%", text, StringComparison.Ordinal);
            Assert.Contains($"扣{(string)r["lostPoints"]!}分", text, StringComparison.Ordinal);
            Assert.Contains((string)r["reason"]!, text, StringComparison.Ordinal);
        }

        // The units that completed it are not listed as short, and the sibling city never appears.
        Assert.DoesNotContain("某1市1县第1单位（《", text, StringComparison.Ordinal);
        Assert.DoesNotContain("某2市", text, StringComparison.Ordinal);
        Assert.DoesNotContain("gx.c2", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string[]> OtherPhrasings => new()
    {
        { "各单位执行率", "units_execution", ["75.00%", "77.50%", "80.00%", "82.50%", "合计执行率", "78.75%"] },
        { "执行率最低的单位是哪个", "units_execution", ["由低到高", "75.00%"] },
        { "按单位列一下预算执行情况", "units_execution", ["78.75%"] },
        { "今年最常见的偏差原因是什么", "units_reasons", ["经济形势和市场变化", "资金下达或拨付滞后"] },
        { "下属单位填报的原因主要集中在哪些方面", "units_reasons", ["经济形势和市场变化"] },
        { "哪些单位没完成指标，为什么", "units_reasons", ["受经济下行影响，企业用工需求减少"] },
        { "执行率低于九成的单位有哪些？哪个最低，为什么", "units_execution", ["75.00%", "其中执行率最低的是"] },
        { "执行率不到90%的是哪些单位，最低的是谁、原因是什么", "units_execution", ["75.00%", "其中执行率最低的是"] },
        { "今年最常见的偏差原因是什么？哪些是套话", "units_reasons", ["经济形势和市场变化", "哪些是套话："] },
    };

    [Theory]
    [MemberData(nameof(OtherPhrasings))]
    public async Task ACityReviewer_AsksExecutionAndReasons_AcrossItsSubtreeOnly(string question, string tool, string[] expected)
    {
        ReviewWorld w = await SubmittedAsync();
        HttpClient reviewer = w.Reviewers["gx.c1"];
        string conversation = await ConversationAsync(reviewer, w.Evaluations["gx.c1.k2.u1"]);
        JsonNode turn = await AskAsync(reviewer, conversation, question);
        string text = (string)turn["text"]!;
        Assert.Equal(tool, (string?)turn["toolCalls"]![0]!["name"]);
        Assert.True((int)turn["held"]! == 0, text);
        Assert.All(expected, e => Assert.Contains(e, text, StringComparison.Ordinal));
        Assert.DoesNotContain("某2市", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUnitKey_GetsItsOwnUnitOnly_AndASiblingCitysTableCannotBeOpened()
    {
        ReviewWorld w = await SubmittedAsync();
        HttpClient unit = w.Drafters["gx.c2.k2.u2"];
        string conversation = await ConversationAsync(unit, w.Evaluations["gx.c2.k2.u2"]);
        string text = (string)(await AskAsync(unit, conversation, "哪些单位城镇新增就业人数没完成，为什么"))["text"]!;
        Assert.Contains("本单位", text, StringComparison.Ordinal);
        Assert.Contains("某2市2县第2单位（《", text, StringComparison.Ordinal);
        Assert.DoesNotContain("某2市2县第1单位", text, StringComparison.Ordinal);
        Assert.DoesNotContain("某1市", text, StringComparison.Ordinal);
        string execution = (string)(await AskAsync(unit, conversation, "各单位执行率"))["text"]!;
        Assert.DoesNotContain("某2市2县第1单位", execution, StringComparison.Ordinal);

        // A city reviewer cannot open a conversation on the sibling city's table, nor a unit on its sibling's.
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(w.Reviewers["gx.c1"], HttpMethod.Post, "/api/v1/conversations", $$"""{"evaluationId":"{{w.Evaluations["gx.c2.k1.u1"]}}"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(unit, HttpMethod.Post, "/api/v1/conversations", $$"""{"evaluationId":"{{w.Evaluations["gx.c2.k2.u1"]}}"}""")).Status);
    }

    [Fact]
    public async Task AReviewer_OnAUnitsTable_IsToldDraftingStaysWithTheUnit()
    {
        ReviewWorld w = await SubmittedAsync();
        HttpClient reviewer = w.Reviewers["gx.c1.k1"];
        string conversation = await ConversationAsync(reviewer, w.Evaluations["gx.c1.k1.u2"]);
        JsonNode turn = await AskAsync(reviewer, conversation, "帮我起草偏离原因");
        Assert.Contains("只能由该单位自己的密钥", (string)turn["text"]!, StringComparison.Ordinal);
        JsonNode score = await AskAsync(reviewer, conversation, "总分是多少");
        Assert.Equal("complete", (string?)score["status"]);
    }

    /// <summary>A conversation about the units of the key's scope: no table to choose first.</summary>
    [Theory]
    [InlineData("哪些单位城镇新增就业人数没完成，为什么", "units_indicator", new[] { "受经济下行影响，企业用工需求减少", "扣" })]
    [InlineData("各单位执行率", "units_execution", new[] { "75.00%", "82.50%", "78.75%" })]
    [InlineData("今年最常见的偏差原因是什么", "units_reasons", new[] { "经济形势和市场变化" })]
    public async Task AReviewer_AsksWithoutOpeningATable_AndGetsItsSubtree(string question, string tool, string[] expected)
    {
        ReviewWorld w = await SubmittedAsync();
        HttpClient reviewer = w.Reviewers["gx.c1"];
        JsonNode created = await ReviewWorld.SendAsync(reviewer, HttpMethod.Post, "/api/v1/conversations", "{}", HttpStatusCode.Created);
        Assert.Null(created["evaluationId"]);
        Assert.Equal("各单位情况", (string?)created["title"]);
        string conversation = (string)created["id"]!;

        JsonNode turn = await AskAsync(reviewer, conversation, question);
        string text = (string)turn["text"]!;
        Assert.Equal(tool, (string?)turn["toolCalls"]![0]!["name"]);
        Assert.True((int)turn["held"]! == 0, text);
        Assert.All(expected, e => Assert.Contains(e, text, StringComparison.Ordinal));
        Assert.DoesNotContain("某2市", text, StringComparison.Ordinal);

        JsonNode stored = await ReviewWorld.SendAsync(reviewer, HttpMethod.Get, $"/api/v1/conversations/{conversation}", null, HttpStatusCode.OK);
        Assert.Null(stored["evaluationId"]);
        Assert.Equal(2, stored["messages"]!.AsArray().Count);
    }

    [Fact]
    public async Task WithoutATable_TableQuestionsAndDraftingAreRedirected_AndAUnitKeySeesItsOwnUnit()
    {
        ReviewWorld w = await SubmittedAsync();
        HttpClient reviewer = w.Reviewers["gx.c1"];
        string conversation = (string)(await ReviewWorld.SendAsync(reviewer, HttpMethod.Post, "/api/v1/conversations", "{\"title\":\"一季度抽查\"}", HttpStatusCode.Created))["id"]!;
        foreach (string question in new[] { "总分是多少", "帮我写第一部分", "导出Word", "哪些指标没完成" })
        {
            JsonNode turn = await AskAsync(reviewer, conversation, question);
            string text = (string)turn["text"]!;
            Assert.Contains("这个对话没有选定自评表", text, StringComparison.Ordinal);
            Assert.Empty(turn["toolCalls"]!.AsArray());
        }

        // A unit key may open one too; it reads its own unit only.
        HttpClient unit = w.Drafters["gx.c2.k2.u2"];
        string own = (string)(await ReviewWorld.SendAsync(unit, HttpMethod.Post, "/api/v1/conversations", "{}", HttpStatusCode.Created))["id"]!;
        string execution = (string)(await AskAsync(unit, own, "各单位执行率"))["text"]!;
        Assert.Contains("本单位", execution, StringComparison.Ordinal);
        Assert.Contains("某2市2县第2单位（《", execution, StringComparison.Ordinal);
        Assert.DoesNotContain("某2市2县第1单位", execution, StringComparison.Ordinal);

        // The empty GUID is refused, naming the field; nobody else reads the conversation.
        var (status, body) = await ReviewWorld.TrySendAsync(reviewer, HttpMethod.Post, "/api/v1/conversations", $$"""{"evaluationId":"{{Guid.Empty}}"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("evaluationId", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(w.Reviewers["gx.c2"], HttpMethod.Get, $"/api/v1/conversations/{conversation}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReviewWorld.TrySendAsync(unit, HttpMethod.Get, $"/api/v1/conversations/{conversation}")).Status);
    }
}
