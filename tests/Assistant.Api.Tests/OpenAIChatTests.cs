using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Drafting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Api.Tests;

/// <summary>
/// The OpenAI-compatible chat adapter against a fake server on 127.0.0.1, through the real SDK: plain
/// and streaming text, tool calls both ways, retries on 500, none on 401, and a whole draft over HTTP.
/// </summary>
public sealed class OpenAIChatTests : IAsyncLifetime
{
    private WebApplication server = null!;
    private readonly List<JsonNode> requests = [];
    private readonly Queue<int> failures = new();
    private string reply = "你好";
    private bool toolCall;

    private Uri Endpoint => new(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/v1/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!;
            lock (requests)
            {
                requests.Add(body);
            }

            if (http.Request.Headers.Authorization.ToString() != "Bearer chat-key")
            {
                http.Response.StatusCode = 401;
                await http.Response.WriteAsJsonAsync(new { error = new { message = "bad key", type = "invalid_request_error" } });
                return;
            }

            if (failures.TryDequeue(out int status))
            {
                http.Response.StatusCode = status;
                await http.Response.WriteAsJsonAsync(new { error = new { message = "overloaded", type = "server_error" } });
                return;
            }

            string model = (string)body["model"]!;
            if (body["stream"] is JsonValue s && s.GetValue<bool>())
            {
                http.Response.ContentType = "text/event-stream";
                async Task Send(object chunk)
                {
                    await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
                    await http.Response.Body.FlushAsync();
                }

                object Chunk(object delta, string? finish) => new
                {
                    id = "chatcmpl-1", @object = "chat.completion.chunk", created = 1, model,
                    choices = new[] { new { index = 0, delta, finish_reason = finish } },
                };

                if (toolCall)
                {
                    await Send(Chunk(new { role = "assistant", tool_calls = new[] { new { index = 0, id = "call_1", type = "function", function = new { name = "search_reports", arguments = "" } } } }, null));
                    await Send(Chunk(new { tool_calls = new[] { new { index = 0, function = new { arguments = "{\"query\":" } } } }, null));
                    await Send(Chunk(new { tool_calls = new[] { new { index = 0, function = new { arguments = "\"见习\"}" } } } }, null));
                    await Send(Chunk(new { }, "tool_calls"));
                }
                else
                {
                    foreach (string piece in Pieces(reply))
                    {
                        await Send(Chunk(new { content = piece }, null));
                    }

                    await Send(Chunk(new { }, "stop"));
                }

                await http.Response.WriteAsync("data: [DONE]\n\n");
                return;
            }

            object message = toolCall
                ? new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = "search_reports", arguments = "{\"query\":\"见习\"}" } } } }
                : new { role = "assistant", content = (string?)reply, tool_calls = (object[]?)null };
            await http.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-1", @object = "chat.completion", created = 1, model,
                choices = new[] { new { index = 0, message, finish_reason = toolCall ? "tool_calls" : "stop" } },
                usage = new { prompt_tokens = 11, completion_tokens = 7, total_tokens = 18 },
            });
        });
        await server.StartAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static IEnumerable<string> Pieces(string text)
    {
        for (int i = 0; i < text.Length; i += 3)
        {
            yield return text.Substring(i, Math.Min(3, text.Length - i));
        }
    }

    private OpenAIChatClient Client(string key = "chat-key") => new(Endpoint, "fake-chat", key, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Plain_SendsModelMessagesAndSettings_ReturnsTextAndUsage()
    {
        reply = "资金下达较晚，执行率偏低。";
        using IChatClient client = Client();
        ChatResponse response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "系统"), new ChatMessage(ChatRole.User, "起草")],
            new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 300 });

        Assert.Equal("资金下达较晚，执行率偏低。", response.Text);
        Assert.Equal("fake-chat", response.ModelId);
        Assert.Equal(18, response.Usage!.TotalTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        JsonNode sent = requests.Single();
        Assert.Equal("fake-chat", (string)sent["model"]!);
        Assert.Equal("system", (string)sent["messages"]![0]!["role"]!);
        Assert.Equal("起草", (string)sent["messages"]![1]!["content"]!);
        Assert.Equal(0.2, (double)sent["temperature"]!, 3);
        Assert.Equal(300, (int)(sent["max_completion_tokens"] ?? sent["max_tokens"])!);
        Assert.Equal(("openai", "fake-chat"), client.Describe());
    }

    [Fact]
    public async Task Streaming_YieldsTheTextInPieces()
    {
        reply = "见习岗位不足，部分青年见习意愿下降。";
        using IChatClient client = Client();
        var updates = new List<ChatResponseUpdate>();
        await foreach (ChatResponseUpdate u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "起草")]))
        {
            updates.Add(u);
        }

        Assert.True(updates.Count(u => u.Text.Length > 0) > 3);
        Assert.Equal(reply, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Stop, updates.Last().FinishReason);
        Assert.True(requests.Single()["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ToolCalls_AreReadPlainAndStreamed_AndToolResultsAreSentBack()
    {
        toolCall = true;
        using IChatClient client = Client();
        AIFunction search = AIFunctionFactory.Create((string query) => $"结果：{query}", "search_reports", "检索往年报告");
        var options = new ChatOptions { Tools = [search] };

        ChatResponse plain = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "找见习的原因")], options);
        FunctionCallContent call = plain.Messages.Single().Contents.OfType<FunctionCallContent>().Single();
        Assert.Equal("search_reports", call.Name);
        Assert.Equal("见习", call.Arguments!["query"]!.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, plain.FinishReason);
        Assert.Equal("search_reports", (string)requests[0]["tools"]![0]!["function"]!["name"]!);

        var streamed = new List<FunctionCallContent>();
        await foreach (ChatResponseUpdate u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "找见习的原因")], options))
        {
            streamed.AddRange(u.Contents.OfType<FunctionCallContent>());
        }

        Assert.Equal("见习", streamed.Single().Arguments!["query"]!.ToString());
        Assert.Equal("call_1", streamed.Single().CallId);

        toolCall = false;
        reply = "见习岗位不足。";
        ChatResponse final = await client.GetResponseAsync(
        [
            new ChatMessage(ChatRole.User, "找见习的原因"),
            new ChatMessage(ChatRole.Assistant, [call]),
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", "结果：见习")]),
        ], options);
        Assert.Equal("见习岗位不足。", final.Text);
        JsonArray messages = requests[^1]["messages"]!.AsArray();
        Assert.Equal("call_1", (string)messages[1]!["tool_calls"]![0]!["id"]!);
        Assert.Equal("tool", (string)messages[2]!["role"]!);
        Assert.Equal("call_1", (string)messages[2]!["tool_call_id"]!);
    }

    [Fact]
    public async Task ServerErrors_AreRetried_ButABadKeyIsNot()
    {
        reply = "好";
        failures.Enqueue(500);
        failures.Enqueue(503);
        using IChatClient resilient = new ResilientChatClient(Client(), TimeSpan.FromSeconds(5), retries: 2, firstDelay: TimeSpan.FromMilliseconds(5));
        Assert.Equal("好", (await resilient.GetResponseAsync([new ChatMessage(ChatRole.User, "x")])).Text);
        Assert.Equal(3, requests.Count);

        using IChatClient badKey = new ResilientChatClient(Client("wrong"), TimeSpan.FromSeconds(5), retries: 2, firstDelay: TimeSpan.FromMilliseconds(5));
        var error = await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() => badKey.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));
        Assert.Equal(401, error.Status);
        Assert.Equal(4, requests.Count);
    }

    [Fact]
    public void Settings_FailFast_NamingTheMissingSetting()
    {
        Assert.Null(new DraftingSettings().CreateClient());
        var noEndpoint = Assert.Throws<InvalidOperationException>(() => new DraftingSettings { Provider = "openai", Model = "m" }.CreateClient());
        Assert.Contains("Drafting:Endpoint", noEndpoint.Message, StringComparison.Ordinal);
        var noModel = Assert.Throws<InvalidOperationException>(() => new DraftingSettings { Provider = "openai", Endpoint = Endpoint }.CreateClient());
        Assert.Contains("Drafting:Model", noModel.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<InvalidOperationException>(() => new DraftingSettings { Provider = "gpt" }.CreateClient());
        Assert.Contains("offline or openai", unknown.Message, StringComparison.Ordinal);
        using IChatClient configured = new DraftingSettings { Provider = "openai", Endpoint = Endpoint, Model = "fake-chat", ApiKey = "chat-key" }.CreateClient()!;
        Assert.Equal(("openai", "fake-chat"), configured.Describe());
    }

    [Fact]
    public async Task AWholeDraft_ThroughTheApi_ByTheConfiguredModel_IsVerified()
    {
        reply = """
            三、偏离绩效目标的原因和下一步改进措施
            （一）偏离绩效目标的原因
            1. 年度资金总额预算执行率{{fact:funds.lines[0].rate}}，主要是第四季度资金下达较晚。
            2. 机关事业单位实习生数量完成{{fact:indicators[0].actual}}，完成率{{fact:indicators[0].completion}}，岗位不足。
            3. 参加就业见习人员数量完成{{fact:indicators[1].actual}}，见习意愿下降。
            4. 实习及见习人员生活补助及意外伤害险完成{{fact:indicators[4].actual}}，见习人数不足导致支出减少。
            （二）下一步改进措施
            1. 拓展见习岗位；加强与上级财政部门沟通对接。
            """;
        await using var api = new ConfiguredModelFactory(Endpoint);
        using HttpClient client = api.CreateClient();
        using HttpResponseMessage stored = await client.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative),
            new StringContent(await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-internship-subsidy")), Encoding.UTF8, "application/json"));
        string id = (string)JsonNode.Parse(await stored.Content.ReadAsStringAsync())!["id"]!;
        using HttpResponseMessage drafted = await client.PostAsync(new Uri($"/api/v1/evaluations/{id}/drafts", UriKind.Relative), new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        JsonNode draft = JsonNode.Parse(await drafted.Content.ReadAsStringAsync())!["draft"]!;
        Assert.Equal("verified", (string?)draft["status"]);
        Assert.Equal("openai", (string?)draft["model"]!["provider"]);
        Assert.Equal("fake-chat", (string?)draft["model"]!["model"]);
        Assert.Contains("执行率19.50%", (string)draft["text"]!, StringComparison.Ordinal);
        string prompt = (string)requests.Single()["messages"]![1]!["content"]!;
        Assert.Contains("indicators[0].completion：机关事业单位实习生数量完成率 = 58.00%", prompt, StringComparison.Ordinal);
    }

    private sealed class ConfiguredModelFactory(Uri endpoint) : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Drafting:Provider"] = "openai",
            ["Drafting:Endpoint"] = endpoint.ToString(),
            ["Drafting:Model"] = "fake-chat",
            ["Drafting:ApiKey"] = "chat-key",
            ["Drafting:Retries"] = "0",
        };
    }
}
