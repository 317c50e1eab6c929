using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Features.Conversations;
using Microsoft.Extensions.AI;

namespace Assistant.Api.Tests;

/// <summary>
/// Conversations with a (scripted) model that calls tools: the bounded tool loop, multi-turn history,
/// streaming with a wrong number held back, and the fallback to the offline assistant.
/// </summary>
public class ModelConversationTests(ModelApiFactory factory) : IClassFixture<ModelApiFactory>
{
    private const string Table = "zhongwei-2024-entrepreneurship-fund";

    [Fact]
    public async Task AMultiTurnConversationWithToolCalls_StreamsOnlyVerifiedNumbers()
    {
        var model = new ToolChat(
            ToolChat.Calls_("c1", "evaluation_get_score"),
            ToolChat.Says("总分{{fact:total}}，等级良。享受公益性岗位补贴人员数量完成4321人，需要说明原因。", piece: 2),
            ToolChat.Calls_("c2", "evaluation_explain_indicator", new() { ["index"] = 1 }),
            ToolChat.Says("该指标完成334人，完成率66.80%。单位说明的原因是优先使用中央及自治区资金。", piece: 4));
        factory.Chat.Current = model;
        HttpClient client = factory.CreateClient();
        Guid conversation = await client.StartAsync(await client.StoreAsync(Table));

        // Turn 1: the model asks for the score, gets it, and answers with one wrong number.
        IReadOnlyList<Sse> first = await client.AskAsync(conversation, "总分是多少？哪些没完成？");
        Assert.Equal("get_score", Assert.Single(first.Of("tool")).GetProperty("name").GetString());
        var sentences = first.Of("sentence").ToList();
        Assert.Equal("总分89.47分，等级良。", sentences[0].GetProperty("text").GetString());
        Assert.Empty(sentences[0].GetProperty("held").EnumerateArray());
        JsonElement wrong = sentences[1];
        Assert.DoesNotContain("4321", wrong.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("【待核实】", wrong.GetProperty("text").GetString(), StringComparison.Ordinal);
        JsonElement held = Assert.Single(wrong.GetProperty("held").EnumerateArray());
        Assert.DoesNotContain("4321", held.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(first, e => e.Data.GetRawText().Contains("4321", StringComparison.Ordinal));
        JsonElement done = first.Done();
        Assert.Equal(1, done.GetProperty("held").GetInt32());
        Assert.Equal(1, done.GetProperty("toolRounds").GetInt32());
        Assert.Equal("fake", done.GetProperty("provider").GetString());

        // The model saw its tools, and got the score's result back under its call id.
        var calls = model.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(
            ["evaluation_draft_report_part", "evaluation_draft_section", "evaluation_explain_indicator", "evaluation_export_links", "evaluation_get_score", "evaluation_search_reports", "evaluation_units_execution", "evaluation_units_indicator", "evaluation_units_reasons", "evaluation_units_shortfalls", "evaluation_verify_text"],
            calls[0].Options!.Tools!.Select(t => t.Name).Order(StringComparer.Ordinal));
        FunctionResultContent result = calls[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single();
        Assert.Equal("c1", result.CallId);
        Assert.Contains("89.47", JsonSerializer.Serialize(result.Result), StringComparison.Ordinal);
        Assert.Contains(calls[0].Messages, m => m.Role == ChatRole.System && m.Text.Contains("{{fact:", StringComparison.Ordinal));

        // Turn 2: the history carries turn 1 as it was released (the held number never reaches the model again).
        IReadOnlyList<Sse> second = await client.AskAsync(conversation, "为什么享受公益性岗位补贴人员数量没有完成？");
        Assert.Equal("explain_indicator", Assert.Single(second.Of("tool")).GetProperty("name").GetString());
        Assert.Single(second.Of("explanation"));
        Assert.Equal("该指标完成334人，完成率66.80%。单位说明的原因是优先使用中央及自治区资金。", second.Said().TrimEnd('\n'));
        Assert.Equal(0, second.Done().GetProperty("held").GetInt32());
        calls = model.Calls;
        Assert.Equal(4, calls.Count);
        var history = calls[2].Messages.Where(m => m.Role != ChatRole.System).ToList();
        Assert.Equal(ChatRole.User, history[0].Role);
        Assert.Equal("总分是多少？哪些没完成？", history[0].Text);
        Assert.Equal(ChatRole.Assistant, history[1].Role);
        Assert.Contains("总分89.47分", history[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("4321", history[1].Text, StringComparison.Ordinal);
        Assert.Equal("为什么享受公益性岗位补贴人员数量没有完成？", history[2].Text);

        JsonElement stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}");
        var messages = stored.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(4, messages.Count);
        Assert.DoesNotContain("4321", messages[1].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModelThatKeepsCallingTools_IsStoppedAfterTheBound()
    {
        var model = new ToolChat(ToolChat.Calls_("again", "evaluation_get_score"));
        factory.Chat.Current = model;
        HttpClient client = factory.CreateClient();
        Guid conversation = await client.StartAsync(await client.StoreAsync(Table));
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "总分");
        Assert.Equal(ConversationService.MaxToolRounds + 1, model.Calls.Count);
        Assert.Equal(ConversationService.MaxToolRounds, events.Of("tool").Count());
        Assert.Equal(ConversationService.MaxToolRounds, events.Done().GetProperty("toolRounds").GetInt32());
        Assert.Contains("上限", events.Said(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AToolErrorGoesBackToTheModel_NotToTheUser()
    {
        var model = new ToolChat(
            ToolChat.Calls_("bad", "evaluation_explain_indicator", new() { ["index"] = 99 }),
            ToolChat.Says("没有这一项指标，请确认序号。"));
        factory.Chat.Current = model;
        HttpClient client = factory.CreateClient();
        Guid conversation = await client.StartAsync(await client.StoreAsync(Table));
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "第100项为什么没完成");
        Assert.True(Assert.Single(events.Of("tool")).GetProperty("failed").GetBoolean());
        FunctionResultContent result = model.Calls[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single();
        Assert.Contains("没有序号为99的指标", JsonSerializer.Serialize(result.Result, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Equal("没有这一项指标，请确认序号。", events.Said().TrimEnd('\n'));
    }

    [Fact]
    public async Task AFailingModel_IsReplacedByTheOfflineAssistant_AndTheTurnSaysSo()
    {
        factory.Chat.Current = new ToolChat(ToolChat.Fails(new HttpRequestException("connection refused")));
        HttpClient client = factory.CreateClient();
        Guid conversation = await client.StartAsync(await client.StoreAsync(Table));
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "总分是多少");
        JsonElement done = events.Done();
        Assert.Equal("offline", done.GetProperty("provider").GetString());
        Assert.Contains("connection refused", done.GetProperty("fallback").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("总分89.47分", events.Said(), StringComparison.Ordinal);
        Assert.Contains("离线助手", events.Said(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderOffline_SkipsTheModel()
    {
        var model = new ToolChat(ToolChat.Says("不该被调用。"));
        factory.Chat.Current = model;
        HttpClient client = factory.CreateClient();
        Guid conversation = await client.StartAsync(await client.StoreAsync(Table));
        IReadOnlyList<Sse> events = await client.AskAsync(conversation, "总分是多少", provider: "offline");
        Assert.Empty(model.Calls);
        Assert.Equal("offline", events.Done().GetProperty("provider").GetString());
    }
}
