using System.Net.Http.Json;
using System.Text.Json;

namespace Assistant.Api.Tests;

/// <summary>
/// A conversation turn with the configured OpenAI-compatible model over the wire (<see cref="FakeOpenAIServer"/>):
/// the model calls a kernel function by function choice, streams an answer with one wrong number, and the
/// gate holds that number back; the turn's audit (the rendered prompt, the tool call) is stored with it.
/// </summary>
public sealed class ModelConversationWireTests : IAsyncLifetime
{
    private const string Table = "zhongwei-2024-entrepreneurship-fund";
    private FakeOpenAIServer server = null!;
    private OpenAIChatTests.SettingsFactory api = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        api = new OpenAIChatTests.SettingsFactory(new Dictionary<string, string>
        {
            ["Drafting:Provider"] = "openai",
            ["Drafting:Endpoint"] = server.OpenAIEndpoint.ToString(),
            ["Drafting:Model"] = "fake-chat",
            ["Drafting:ApiKey"] = server.Key,
            ["Drafting:Retries"] = "0",
        });
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task TheModelCallsAKernelFunction_AndAWrongStreamedNumberIsHeldBack()
    {
        server.Enqueue(
            FakeOpenAIServer.Reply.Tool("call_1", "evaluation_get_score"),
            FakeOpenAIServer.Reply.Text("总分{{fact:total}}，等级良。享受公益性岗位补贴人员数量完成4321人，需要说明原因。"));
        HttpClient client = api.CreateClient();
        Guid conversation = await client.StartAsync(await client.StoreAsync(Table));

        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "总分是多少？哪些没完成？");

        Assert.Equal("get_score", Assert.Single(events.Of("tool")).GetProperty("name").GetString());
        var sentences = events.Of("sentence").ToList();
        Assert.Equal("总分89.47分，等级良。", sentences[0].GetProperty("text").GetString());
        Assert.Contains("【待核实】", sentences[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(events, e => e.Data.GetRawText().Contains("4321", StringComparison.Ordinal));
        JsonElement done = events.Done();
        Assert.Equal(1, done.GetProperty("held").GetInt32());
        Assert.Equal(1, done.GetProperty("toolRounds").GetInt32());
        Assert.Equal("openai", done.GetProperty("provider").GetString());
        Assert.Equal("fake-chat", done.GetProperty("model").GetString());

        // On the wire: the tools offered by function choice, streaming, and the tool's result sent back.
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.True(r.Streamed));
        Assert.Equal(0.2, (double)server.Requests[0].Body["temperature"]!, 3);
        Assert.Equal(1200, (int)(server.Requests[0].Body["max_completion_tokens"] ?? server.Requests[0].Body["max_tokens"])!);
        Assert.Equal("auto", (string?)server.Requests[0].Body["tool_choice"]);
        var offered = server.Requests[0].Body["tools"]!.AsArray().Select(t => (string)t!["function"]!["name"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["evaluation_draft_report_part", "evaluation_draft_section", "evaluation_explain_indicator", "evaluation_export_links", "evaluation_get_score", "evaluation_search_reports", "evaluation_units_execution", "evaluation_units_indicator", "evaluation_units_reasons", "evaluation_units_shortfalls", "evaluation_verify_text"], offered);
        string tools = server.Requests[0].Body["tools"]!.ToJsonString();
        Assert.Contains("\"index\"", tools, StringComparison.Ordinal);
        Assert.DoesNotContain("cancellationToken", tools, StringComparison.OrdinalIgnoreCase);
        var second = server.Requests[1].Body["messages"]!.AsArray();
        var toolMessage = second.Single(m => (string?)m!["role"] == "tool")!;
        Assert.Equal("call_1", (string?)toolMessage["tool_call_id"]);
        Assert.Contains("89.47", toolMessage["content"]!.ToJsonString(), StringComparison.Ordinal);

        // The audit: the chat prompt rendered (with its version), then the tool, both for this evaluation and model.
        var audit = done.GetProperty("audit").EnumerateArray().ToList();
        Assert.Equal(["prompt:chat@4", "tool:get_score@"], audit.Select(a => $"{a.GetProperty("kind").GetString()}:{a.GetProperty("name").GetString()}@{a.GetProperty("version").GetString()}"));
        Assert.All(audit, a => Assert.Equal("fake-chat", a.GetProperty("model").GetString()));
        Assert.All(audit, a => Assert.Equal(ApiFactory.Unit, a.GetProperty("unit").GetString()));
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("keyPrefix").GetString())));

        JsonElement stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}");
        JsonElement answer = stored.GetProperty("messages")[1];
        Assert.Equal(2, answer.GetProperty("payload").GetProperty("audit").GetArrayLength());
    }

    [Fact]
    public async Task TheOfflineAssistant_InvokesTheSameKernelFunctions_AndIsAudited()
    {
        HttpClient client = api.CreateClient();
        Guid evaluation = await client.StoreAsync(Table);
        Guid conversation = await client.StartAsync(evaluation);

        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "为什么享受公益性岗位补贴人员数量没有完成？", provider: "offline");

        Assert.Empty(server.Requests);
        JsonElement done = events.Done();
        Assert.Equal("offline", done.GetProperty("provider").GetString());
        JsonElement entry = Assert.Single(done.GetProperty("audit").EnumerateArray());
        Assert.Equal("tool", entry.GetProperty("kind").GetString());
        Assert.Equal("explain_indicator", entry.GetProperty("name").GetString());
        Assert.Contains("\"index\":1", entry.GetProperty("arguments").GetString(), StringComparison.Ordinal);
        Assert.Equal(evaluation, entry.GetProperty("evaluationId").GetGuid());
        Assert.Equal("offline-router-v1", entry.GetProperty("model").GetString());
    }

    [Fact]
    public async Task ADraftMadeThroughTheChat_CarriesItsOwnAudit()
    {
        HttpClient client = api.CreateClient();
        Guid evaluation = await client.StoreAsync(Table);
        Guid conversation = await client.StartAsync(evaluation);

        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "帮我起草偏离原因", provider: "offline");

        JsonElement entry = Assert.Single(events.Done().GetProperty("audit").EnumerateArray());
        Assert.Equal("draft_section", entry.GetProperty("name").GetString());
        Guid draftId = Assert.Single(events.Of("draft")).GetProperty("id").GetGuid();
        JsonElement stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{draftId}");
        JsonElement draft = stored.GetProperty("draft");
        var prompts = draft.GetProperty("audit").EnumerateArray().ToList();

        // The draft tool drafts with the configured model: its prompt first, then one repair prompt per repair round.
        Assert.Equal(("prompt", "deviation-reasons", "1"), (prompts[0].GetProperty("kind").GetString(), prompts[0].GetProperty("name").GetString(), prompts[0].GetProperty("version").GetString()));
        Assert.Equal(draft.GetProperty("repairs").GetInt32(), prompts.Count(p => p.GetProperty("name").GetString() == "repair"));
        Assert.Equal(1 + draft.GetProperty("repairs").GetInt32(), prompts.Count);
        Assert.All(prompts, p => Assert.Equal(evaluation, p.GetProperty("evaluationId").GetGuid()));
        Assert.All(prompts, p => Assert.Equal("fake-chat", p.GetProperty("model").GetString()));
    }

    [Fact]
    public async Task AFailingModel_FallsBackToOffline_AndTheAuditSaysWhichModelServedEachStep()
    {
        server.Fail(401);
        HttpClient client = api.CreateClient();
        Guid conversation = await client.StartAsync(await client.StoreAsync(Table));

        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "总分是多少");

        JsonElement done = events.Done();
        Assert.Equal("offline", done.GetProperty("provider").GetString());
        Assert.Contains("401", done.GetProperty("fallback").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
        var audit = done.GetProperty("audit").EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("model").GetString())).ToList();
        Assert.Equal([("chat", "fake-chat"), ("get_score", "offline-router-v1")], audit);
        Assert.Contains("总分89.47分", events.Said(), StringComparison.Ordinal);
    }
}
