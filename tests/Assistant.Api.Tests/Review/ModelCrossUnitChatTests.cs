using System.Net;
using System.Text.Json.Nodes;

namespace Assistant.Api.Tests.Review;

/// <summary>The review world's host with an OpenAI-compatible model over the wire (<see cref="FakeOpenAIServer"/>).</summary>
public sealed class ModelReviewFactory : ApiFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private ReviewWorld? world;

    public ModelReviewFactory() => OpenAI = FakeOpenAIServer.StartAsync().GetAwaiter().GetResult();

    public FakeOpenAIServer OpenAI { get; }

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:PermitsPerMinute"] = "1000000",
        ["Drafting:Provider"] = "openai",
        ["Drafting:Endpoint"] = OpenAI.OpenAIEndpoint.ToString(),
        ["Drafting:Model"] = "fake-chat",
        ["Drafting:ApiKey"] = OpenAI.Key,
        ["Drafting:Retries"] = "0",
    };

    public async Task<ReviewWorld> WorldAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (world is null)
            {
                world = await ReviewWorld.BuildAsync(this);
                foreach (string unit in world.Units)
                {
                    await ReviewWorld.SendAsync(world.Drafters[unit], HttpMethod.Post, "/api/v1/submissions", $$"""{"evaluationId":"{{world.Evaluations[unit]}}"}""", HttpStatusCode.Created);
                }
            }

            return world;
        }
        finally
        {
            gate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        gate.Dispose();
        await OpenAI.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A reviewer's cross-unit question answered by a model: the model reaches the units_* kernel functions by
/// function choice, the tool result it receives covers the reviewer's subtree only, and the sentence gate
/// releases the numbers that tool gave and holds one the model made up.
/// </summary>
public sealed class ModelCrossUnitChatTests(ModelReviewFactory factory) : IClassFixture<ModelReviewFactory>
{
    private static async Task<JsonNode> AskAsync(HttpClient client, string conversation, string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/conversations/{conversation}/messages", UriKind.Relative))
        {
            Content = new StringContent(new JsonObject { ["content"] = question }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using HttpResponseMessage r = await client.SendAsync(request);
        string text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["turn"]!;
    }

    [Fact]
    public async Task TheModelCallsUnitsExecution_SeesOnlyTheSubtree_AndAMadeUpRateIsHeld()
    {
        ReviewWorld w = await factory.WorldAsync();
        HttpClient reviewer = w.Reviewers["gx.c1"];
        string conversation = (string)(await ReviewWorld.SendAsync(reviewer, HttpMethod.Post, "/api/v1/conversations", $$"""{"evaluationId":"{{w.Evaluations["gx.c1.k1.u1"]}}"}""", HttpStatusCode.Created))["id"]!;
        int before = factory.OpenAI.Requests.Count;
        factory.OpenAI.Enqueue(
            FakeOpenAIServer.Reply.Tool("call_u1", "evaluation_units_execution", "{}"),
            FakeOpenAIServer.Reply.Text("四个单位中执行率最低的是75.00%，合计执行率78.75%。另有一个单位执行率为61.30%。"));

        JsonNode turn = await AskAsync(reviewer, conversation, "各单位执行率怎么样");

        Assert.Equal("units_execution", (string?)turn["toolCalls"]![0]!["name"]);
        string text = (string)turn["text"]!;
        Assert.Contains("75.00%", text, StringComparison.Ordinal);
        Assert.Contains("78.75%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("61.30", text, StringComparison.Ordinal);
        Assert.Equal(1, (int)turn["held"]!);

        // What the model was given: the units of 某1市 with the calculator's rates, nothing of 某2市.
        IReadOnlyList<FakeRequest> requests = factory.OpenAI.Requests.Skip(before).ToList();
        Assert.Equal(2, requests.Count);
        string system = requests[0].Body["messages"]![0]!["content"]!.ToString();
        Assert.Contains("evaluation_units_execution", system, StringComparison.Ordinal);
        string tool = requests[1].Body["messages"]!.AsArray().Single(m => (string?)m!["role"] == "tool")!["content"]!.ToString();
        Assert.Contains("78.75", tool, StringComparison.Ordinal);
        Assert.Contains("某1市", tool, StringComparison.Ordinal);
        Assert.DoesNotContain("某2市", tool, StringComparison.Ordinal);
    }

    /// <summary>
    /// Counts the model works out from the tool's rows — how many units are below the reviewer's 80 %, below the
    /// 90 % that must be explained, how many of those give no reason — and the two bounds themselves are facts of
    /// the view and pass; a count the view does not hold is still held.
    /// </summary>
    [Fact]
    public async Task CountsOfTheCrossUnitView_PassTheGate_AndAMadeUpCountIsHeld()
    {
        ReviewWorld w = await factory.WorldAsync();
        HttpClient reviewer = w.Reviewers["gx.c1"];
        JsonNode view = await ReviewWorld.SendAsync(reviewer, HttpMethod.Get, "/api/v1/review/execution", null, HttpStatusCode.OK);
        var rates = view["rows"]!.AsArray().Select(r => decimal.Parse((string)r!["rate"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        int below80 = rates.Count(r => r < 80m);
        int below90 = rates.Count(r => r < 90m);
        Assert.InRange(below80, 1, rates.Count - 1);
        int madeUp = Enumerable.Range(5, 20).First(n => n != rates.Count && n != below80 && n != below90);

        string conversation = (string)(await ReviewWorld.SendAsync(reviewer, HttpMethod.Post, "/api/v1/conversations", "{}", HttpStatusCode.Created))["id"]!;
        factory.OpenAI.Enqueue(
            FakeOpenAIServer.Reply.Tool("call_c1", "evaluation_units_execution", "{}"),
            FakeOpenAIServer.Reply.Text($"执行率低于80%的单位有{below80}个。执行率低于90%、须说明原因的单位有{below90}个，其中{below90}个没有说明原因。另有{madeUp}个单位正在整改。"));

        JsonNode turn = await AskAsync(reviewer, conversation, "执行率低于80%的单位有几个");

        string text = (string)turn["text"]!;
        Assert.Contains($"执行率低于80%的单位有{below80}个", text, StringComparison.Ordinal);
        Assert.Contains($"须说明原因的单位有{below90}个，其中{below90}个没有说明原因", text, StringComparison.Ordinal);
        Assert.Contains("执行率低于90%", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{madeUp}个单位", text, StringComparison.Ordinal);
        Assert.Equal(1, (int)turn["held"]!);
    }

    [Fact]
    public async Task WithoutATable_TheModelIsOfferedOnlyTheCrossUnitFunctionsAndSearch()
    {
        ReviewWorld w = await factory.WorldAsync();
        HttpClient reviewer = w.Reviewers["gx.c1"];
        string conversation = (string)(await ReviewWorld.SendAsync(reviewer, HttpMethod.Post, "/api/v1/conversations", "{}", HttpStatusCode.Created))["id"]!;
        int before = factory.OpenAI.Requests.Count;
        factory.OpenAI.Enqueue(
            FakeOpenAIServer.Reply.Tool("call_r1", "evaluation_units_reasons", "{}"),
            FakeOpenAIServer.Reply.Text("最常见的是经济形势和市场变化。"));

        JsonNode turn = await AskAsync(reviewer, conversation, "大家最常写的原因是什么");

        Assert.Equal("units_reasons", (string?)turn["toolCalls"]![0]!["name"]);
        Assert.Equal(0, (int)turn["held"]!);
        FakeRequest first = factory.OpenAI.Requests.Skip(before).First();
        var offered = first.Body["tools"]!.AsArray().Select(t => (string)t!["function"]!["name"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["evaluation_search_reports", "evaluation_units_execution", "evaluation_units_indicator", "evaluation_units_reasons", "evaluation_units_shortfalls"], offered);
        Assert.Contains(first.Body["messages"]!.AsArray(), m => (string?)m!["role"] == "system" && m["content"]!.ToString().Contains("没有选定自评表", StringComparison.Ordinal));
    }
}
