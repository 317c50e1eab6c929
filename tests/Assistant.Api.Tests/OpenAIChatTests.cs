using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Features.Drafting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Tests;

/// <summary>
/// The configured OpenAI-compatible model, through the whole pipeline (SDK, resilience handler, logging,
/// telemetry, function invocation) against <see cref="FakeOpenAIServer"/>: plain and streaming text, tool
/// calls run by the pipeline, retries on 429/5xx and timeouts, none on 401/400, settings checked at start.
/// </summary>
public sealed class OpenAIChatTests : IAsyncLifetime
{
    private FakeOpenAIServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        server.Key = "chat-key";
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Dictionary<string, string?> Settings(string key = "chat-key", int retries = 2, int timeoutSeconds = 10) => new()
    {
        ["Drafting:Provider"] = "openai",
        ["Drafting:Endpoint"] = server.OpenAIEndpoint.ToString(),
        ["Drafting:Model"] = "fake-chat",
        ["Drafting:ApiKey"] = key,
        ["Drafting:Retries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Drafting:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Plain_SendsModelMessagesAndSettings_ReturnsTextAndUsage()
    {
        server.Enqueue(FakeOpenAIServer.Reply.Text("资金下达较晚，执行率偏低。"));
        await using ServiceProvider services = ModelServices.Build(Settings());
        IChatClient client = services.Chat();
        ChatResponse response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "系统"), new ChatMessage(ChatRole.User, "起草")],
            new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 300 });

        Assert.Equal("资金下达较晚，执行率偏低。", response.Text);
        Assert.Equal("fake-chat", response.ModelId);
        Assert.Equal(18, response.Usage!.TotalTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        FakeRequest sent = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", sent.Path);
        Assert.Equal("Bearer chat-key", sent.Authorization);
        Assert.Equal("fake-chat", (string)sent.Body["model"]!);
        Assert.Equal("system", (string)sent.Body["messages"]![0]!["role"]!);
        Assert.Equal("起草", (string)sent.Body["messages"]![1]!["content"]!);
        Assert.Equal(0.2, (double)sent.Body["temperature"]!, 3);
        Assert.Equal(300, (int)(sent.Body["max_completion_tokens"] ?? sent.Body["max_tokens"])!);
        Assert.Equal(("openai", "fake-chat"), client.Describe());
    }

    [Fact]
    public async Task EveryModelCall_IsTracedUnderTheAssistantSource_WithoutTheMessages()
    {
        var spans = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name == Assistant.Features.Models.ModelPipeline.ActivitySource,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        server.Enqueue(FakeOpenAIServer.Reply.Text("好。"));
        await using ServiceProvider services = ModelServices.Build(Settings());
        await services.Chat().GetResponseAsync([new ChatMessage(ChatRole.User, "秘密的问题")], new ChatOptions { ModelId = "traced-model" });

        System.Diagnostics.Activity span;
        lock (spans)
        {
            span = Assert.Single(spans, a => (string?)a.GetTagItem("gen_ai.request.model") == "traced-model");
        }

        Assert.Equal("chat traced-model", span.DisplayName);
        Assert.Equal(11, Convert.ToInt32(span.GetTagItem("gen_ai.usage.input_tokens"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(7, Convert.ToInt32(span.GetTagItem("gen_ai.usage.output_tokens"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(span.Tags, t => t.Value?.Contains("秘密", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Streaming_YieldsTheTextInPieces()
    {
        const string Reply = "见习岗位不足，部分青年见习意愿下降。";
        server.Enqueue(FakeOpenAIServer.Reply.Text(Reply));
        await using ServiceProvider services = ModelServices.Build(Settings());
        var updates = new List<ChatResponseUpdate>();
        await foreach (ChatResponseUpdate u in services.Chat().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "起草")]))
        {
            updates.Add(u);
        }

        Assert.True(updates.Count(u => u.Text.Length > 0) > 3);
        Assert.Equal(Reply, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Stop, updates.Last(u => u.FinishReason is not null).FinishReason);
        Assert.True(Assert.Single(server.Requests).Streamed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ToolCalls_AreRunByThePipeline_AndTheirResultsSentBack(bool streaming)
    {
        server.Enqueue(FakeOpenAIServer.Reply.Tool("call_1", "search_reports", "{\"query\":\"见习\"}"), FakeOpenAIServer.Reply.Text("见习岗位不足。"));
        await using ServiceProvider services = ModelServices.Build(Settings());
        var seen = new List<string>();
        AIFunction search = AIFunctionFactory.Create((string query) => { seen.Add(query); return $"结果：{query}"; }, "search_reports", "检索往年报告");
        var options = new ChatOptions { Tools = [search] };
        List<ChatMessage> messages = [new ChatMessage(ChatRole.User, "找见习的原因")];

        string answer;
        if (streaming)
        {
            var text = new StringBuilder();
            await foreach (ChatResponseUpdate u in services.Chat().GetStreamingResponseAsync(messages, options))
            {
                text.Append(u.Text);
            }

            answer = text.ToString();
        }
        else
        {
            answer = (await services.Chat().GetResponseAsync(messages, options)).Text;
        }

        Assert.Equal("见习岗位不足。", answer);
        Assert.Equal(["见习"], seen);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("search_reports", (string)server.Requests[0].Body["tools"]![0]!["function"]!["name"]!);
        JsonArray sent = server.Requests[1].Body["messages"]!.AsArray();
        Assert.Equal("call_1", (string)sent[1]!["tool_calls"]![0]!["id"]!);
        Assert.Equal("tool", (string)sent[2]!["role"]!);
        Assert.Equal("call_1", (string)sent[2]!["tool_call_id"]!);
        Assert.Contains("结果：见习", sent[2]!["content"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, 500)]
    [InlineData(503, 408)]
    [InlineData(502, 504)]
    public async Task TransientFailures_AreRetried(int first, int second)
    {
        server.Fail(first, second);
        server.Enqueue(FakeOpenAIServer.Reply.Text("好。"));
        await using ServiceProvider services = ModelServices.Build(Settings(retries: 2));
        Assert.Equal("好。", (await services.Chat().GetResponseAsync([new ChatMessage(ChatRole.User, "x")])).Text);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task StreamingRequests_AreRetriedBeforeTheAnswerStarts()
    {
        server.Fail(429);
        server.Enqueue(FakeOpenAIServer.Reply.Text("好。"));
        await using ServiceProvider services = ModelServices.Build(Settings(retries: 1));
        var text = new StringBuilder();
        await foreach (ChatResponseUpdate u in services.Chat().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")]))
        {
            text.Append(u.Text);
        }

        Assert.Equal("好。", text.ToString());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task MoreFailuresThanRetries_SurfaceTheLastStatus()
    {
        server.Fail(500, 500, 500);
        await using ServiceProvider services = ModelServices.Build(Settings(retries: 1));
        var error = await Assert.ThrowsAsync<ClientResultException>(() => services.Chat().GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));
        Assert.Equal(500, error.Status);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ABadKey_IsNotRetried()
    {
        await using ServiceProvider services = ModelServices.Build(Settings(key: "wrong", retries: 2));
        var error = await Assert.ThrowsAsync<ClientResultException>(() => services.Chat().GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));
        Assert.Equal(401, error.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ABadRequest_IsNotRetried()
    {
        server.Fail(400);
        await using ServiceProvider services = ModelServices.Build(Settings(retries: 2));
        var error = await Assert.ThrowsAsync<ClientResultException>(() => services.Chat().GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));
        Assert.Equal(400, error.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AHangingServer_TimesOutPerAttempt_AndIsRetried()
    {
        server.Hang = TimeSpan.FromSeconds(30);
        await using ServiceProvider services = ModelServices.Build(Settings(retries: 1, timeoutSeconds: 1));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => services.Chat().GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));
        Assert.Contains("Timeout", error.GetType().Name + error.Message + error.InnerException?.GetType().Name, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("openai", null, "m", null, null, "Missing configuration: Drafting:Endpoint")]
    [InlineData("openai", "http://127.0.0.1:1/v1/", null, null, null, "Missing configuration: Drafting:Model")]
    [InlineData("azure", "http://127.0.0.1:1/", null, null, null, "Missing configuration: Drafting:Deployment")]
    [InlineData("azure", null, null, "d", null, "Missing configuration: Drafting:Endpoint")]
    [InlineData("azure", "http://127.0.0.1:1/", null, "d", "1999-01-01", "Drafting:ApiVersion")]
    [InlineData("gpt", null, null, null, null, "Drafting:Provider 'gpt' (use offline, openai or azure)")]
    public void Settings_MissingOrWrong_FailNamingTheSetting(string provider, string? endpoint, string? model, string? deployment, string? apiVersion, string expected)
    {
        using ServiceProvider services = ModelServices.Build(new Dictionary<string, string?>
        {
            ["Drafting:Provider"] = provider,
            ["Drafting:Endpoint"] = endpoint,
            ["Drafting:Model"] = model,
            ["Drafting:Deployment"] = deployment,
            ["Drafting:ApiVersion"] = apiVersion,
        });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<DraftingModel>());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_NeedsNoSettings_AndHasNoModel()
    {
        using ServiceProvider services = ModelServices.Build(new Dictionary<string, string?>());
        Assert.Null(services.GetRequiredService<DraftingModel>().Client);
        Assert.Empty(new DraftingSettings().Problems());
    }

    [Fact]
    public async Task TheWebHost_RefusesToStart_NamingTheMissingSetting()
    {
        await using var api = new SettingsFactory(new Dictionary<string, string>
        {
            ["Drafting:Provider"] = "openai",
            ["Drafting:Model"] = "fake-chat",
        });
        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("Missing configuration: Drafting:Endpoint", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWholeDraft_ThroughTheApi_ByTheConfiguredModel_IsVerified_AndAudited()
    {
        server.DefaultReply = FakeOpenAIServer.Reply.Text("""
            三、偏离绩效目标的原因和下一步改进措施
            （一）偏离绩效目标的原因
            1. 年度资金总额预算执行率{{fact:funds.lines[0].rate}}，主要是第四季度资金下达较晚。
            2. 机关事业单位实习生数量完成{{fact:indicators[0].actual}}，完成率{{fact:indicators[0].completion}}，岗位不足。
            3. 参加就业见习人员数量完成{{fact:indicators[1].actual}}，见习意愿下降。
            4. 实习及见习人员生活补助及意外伤害险完成{{fact:indicators[4].actual}}，见习人数不足导致支出减少。
            （二）下一步改进措施
            1. 拓展见习岗位；加强与上级财政部门沟通对接。
            """);
        var settings = Settings(retries: 0);
        await using var api = new SettingsFactory(settings.ToDictionary(kv => kv.Key, kv => kv.Value!));
        using HttpClient client = api.CreateClient();
        Guid id = await client.StoreAsync("zhongwei-2024-internship-subsidy");
        using HttpResponseMessage drafted = await client.PostAsync(new Uri($"/api/v1/evaluations/{id}/drafts", UriKind.Relative), new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        JsonNode draft = JsonNode.Parse(await drafted.Content.ReadAsStringAsync())!["draft"]!;
        Assert.Equal("verified", (string?)draft["status"]);
        Assert.Equal("openai", (string?)draft["model"]!["provider"]);
        Assert.Equal("fake-chat", (string?)draft["model"]!["model"]);
        Assert.Contains("执行率19.50%", (string)draft["text"]!, StringComparison.Ordinal);
        string prompt = (string)server.Requests.Single().Body["messages"]![1]!["content"]!;
        Assert.Contains("indicators[0].completion：机关事业单位实习生数量完成率 = 58.00%", prompt, StringComparison.Ordinal);
        Assert.Contains("例如 {{fact:indicators[0].actual}}", prompt, StringComparison.Ordinal);

        JsonNode audit = Assert.Single(draft["audit"]!.AsArray())!;
        Assert.Equal("prompt", (string?)audit["kind"]);
        Assert.Equal("deviation-section", (string?)audit["name"]);
        Assert.Equal("1", (string?)audit["version"]);
        Assert.Equal(id.ToString(), (string?)audit["evaluationId"]);
        Assert.Equal(ApiFactory.Unit, (string?)audit["unit"]);
        Assert.False(string.IsNullOrEmpty((string?)audit["keyPrefix"]));
        Assert.Equal("fake-chat", (string?)audit["model"]);

        // Stored with the draft: the same audit comes back when it is read.
        string draftId = (string)JsonNode.Parse(await drafted.Content.ReadAsStringAsync())!["id"]!;
        JsonNode read = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/v1/drafts/{draftId}", UriKind.Relative)))!;
        Assert.Equal("deviation-section", (string?)read["draft"]!["audit"]![0]!["name"]);
    }

    /// <summary>The web host with the given settings.</summary>
    public sealed class SettingsFactory(IReadOnlyDictionary<string, string> settings) : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => settings;
    }
}
