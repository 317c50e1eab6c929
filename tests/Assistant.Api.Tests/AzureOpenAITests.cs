using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests;

/// <summary>
/// <c>Drafting:Provider=azure</c> and <c>Embeddings:Provider=azure</c> against <see cref="FakeOpenAIServer"/>:
/// deployment URLs with the api-version, the <c>api-key</c> header (no bearer token), streaming, retries,
/// and a whole draft through the API.
/// </summary>
public sealed class AzureOpenAITests : IAsyncLifetime
{
    private FakeOpenAIServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        server.Key = "azure-key";
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Dictionary<string, string?> Settings(string? apiVersion = "2024-10-21") => new()
    {
        ["Drafting:Provider"] = "azure",
        ["Drafting:Endpoint"] = server.AzureEndpoint.ToString(),
        ["Drafting:Deployment"] = "gpt-4o-prod",
        ["Drafting:ApiVersion"] = apiVersion,
        ["Drafting:ApiKey"] = "azure-key",
        ["Drafting:Retries"] = "2",
    };

    [Theory]
    [InlineData("2024-10-21")]
    [InlineData("2025-04-01-preview")]
    public async Task Chat_CallsTheDeployment_WithTheApiVersion_AndTheApiKeyHeader(string apiVersion)
    {
        server.Enqueue(FakeOpenAIServer.Reply.Text("资金下达较晚。"));
        await using ServiceProvider services = ModelServices.Build(Settings(apiVersion));
        IChatClient client = services.Chat();
        ChatResponse response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "起草")]);

        Assert.Equal("资金下达较晚。", response.Text);
        FakeRequest sent = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/gpt-4o-prod/chat/completions", sent.Path);
        Assert.Contains($"api-version={apiVersion}", sent.Query, StringComparison.Ordinal);
        Assert.Equal("azure-key", sent.ApiKey);
        Assert.Null(sent.Authorization);
        Assert.Equal(("azure", "gpt-4o-prod"), client.Describe());
    }

    [Fact]
    public async Task Streaming_AndRetries_GoThroughTheDeployment()
    {
        server.Fail(429);
        server.Enqueue(FakeOpenAIServer.Reply.Text("见习岗位不足，见习意愿下降。"));
        await using ServiceProvider services = ModelServices.Build(Settings());
        var text = new StringBuilder();
        await foreach (ChatResponseUpdate u in services.Chat().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "起草")]))
        {
            text.Append(u.Text);
        }

        Assert.Equal("见习岗位不足，见习意愿下降。", text.ToString());
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("/openai/deployments/gpt-4o-prod/chat/completions", r.Path));
        Assert.True(server.Requests[1].Streamed);
    }

    [Fact]
    public async Task ToolCalls_RunThroughTheDeployment()
    {
        server.Enqueue(FakeOpenAIServer.Reply.Tool("call_9", "verify_text", "{\"text\":\"执行率80%\"}"), FakeOpenAIServer.Reply.Text("核对完毕。"));
        await using ServiceProvider services = ModelServices.Build(Settings());
        AIFunction verify = AIFunctionFactory.Create((string text) => $"{text}：未核实", "verify_text");
        ChatResponse response = await services.Chat().GetResponseAsync([new ChatMessage(ChatRole.User, "核对")], new ChatOptions { Tools = [verify] });
        Assert.Equal("核对完毕。", response.Text);
        Assert.Equal("call_9", (string)server.Requests[1].Body["messages"]![2]!["tool_call_id"]!);
    }

    [Fact]
    public async Task WithoutAKey_TheClientUsesEntraId_AndTheSettingsAreValid()
    {
        var settings = Settings();
        settings["Drafting:ApiKey"] = null;
        await using ServiceProvider services = ModelServices.Build(settings);
        Assert.Equal(("azure", "gpt-4o-prod"), services.Chat().Describe());
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Embeddings_CallTheDeployment_WithTheApiKeyHeader()
    {
        var settings = new EmbeddingSettings
        {
            Provider = "azure", Endpoint = server.AzureEndpoint, Deployment = "embed-prod", ApiVersion = "2024-10-21", ApiKey = "azure-key", Dimensions = 8,
        };
        using IEmbeddingGenerator<string, Embedding<float>> generator = settings.CreateGenerator();
        GeneratedEmbeddings<Embedding<float>> result = await generator.GenerateAsync(["见习", "资金下达较晚"]);

        Assert.Equal(2, result.Count);
        Assert.All(result, e => Assert.Equal(8, e.Vector.Length));
        FakeRequest sent = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/embed-prod/embeddings", sent.Path);
        Assert.Contains("api-version=2024-10-21", sent.Query, StringComparison.Ordinal);
        Assert.Equal("azure-key", sent.ApiKey);
        Assert.Equal(8, (int)sent.Body["dimensions"]!);
        Assert.Equal("azure:embed-prod:8", generator.Identity());
    }

    [Theory]
    [InlineData(null, "embed", "Embeddings:Endpoint")]
    [InlineData("http://127.0.0.1:1/", null, "Embeddings:Deployment")]
    public void EmbeddingSettings_MissingForAzure_FailNamingTheSetting(string? endpoint, string? deployment, string setting)
    {
        var settings = new EmbeddingSettings { Provider = "azure", Endpoint = endpoint is null ? null : new Uri(endpoint), Deployment = deployment };
        var error = Assert.Throws<InvalidOperationException>(() => settings.CreateGenerator());
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWholeDraft_ThroughTheApi_ByAnAzureDeployment()
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
        await using var api = new OpenAIChatTests.SettingsFactory(Settings().ToDictionary(kv => kv.Key, kv => kv.Value!));
        using HttpClient client = api.CreateClient();
        Guid id = await client.StoreAsync("zhongwei-2024-internship-subsidy");
        using HttpResponseMessage drafted = await client.PostAsync(new Uri($"/api/v1/evaluations/{id}/drafts", UriKind.Relative), new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        JsonNode draft = JsonNode.Parse(await drafted.Content.ReadAsStringAsync())!["draft"]!;
        Assert.Equal("verified", (string?)draft["status"]);
        Assert.Equal("azure", (string?)draft["model"]!["provider"]);
        Assert.Equal("gpt-4o-prod", (string?)draft["model"]!["model"]);
        Assert.Equal("/openai/deployments/gpt-4o-prod/chat/completions", Assert.Single(server.Requests).Path);
    }
}
