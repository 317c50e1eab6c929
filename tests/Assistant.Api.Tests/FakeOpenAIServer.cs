using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Api.Tests;

/// <summary>One request the fake server received.</summary>
public sealed record FakeRequest(string Path, string Query, string? Authorization, string? ApiKey, JsonNode Body)
{
    public bool Streamed => Body["stream"] is JsonValue s && s.GetValue<bool>();
}

/// <summary>
/// An OpenAI-compatible and Azure OpenAI server on 127.0.0.1 speaking the real wire format:
/// <c>POST /v1/chat/completions</c> and <c>/v1/embeddings</c>, and <c>POST /openai/deployments/{d}/chat/completions</c>
/// and <c>/openai/deployments/{d}/embeddings</c> (with <c>?api-version=</c>). Chat answers plain JSON or
/// server-sent chunks (<c>"stream": true</c>), text or tool calls; failures (a status, or a hang) are
/// scripted ahead. Keys: <c>Authorization: Bearer KEY</c> or <c>api-key: KEY</c>, else 401.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<FakeRequest> requests = [];
    private readonly Queue<Reply> replies = new();
    private readonly Queue<int> failures = new();

    private FakeOpenAIServer(WebApplication app) => this.app = app;

    /// <summary>The key the server accepts.</summary>
    public string Key { get; set; } = "test-key";

    /// <summary>What chat answers when nothing is queued.</summary>
    public Reply DefaultReply { get; set; } = Reply.Text("好。");

    /// <summary>Size of the vectors served.</summary>
    public int Dimensions { get; set; } = 8;

    /// <summary>When set, chat requests wait this long (until the client gives up) before answering.</summary>
    public TimeSpan? Hang { get; set; }

    public string BaseAddress => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    /// <summary>The OpenAI-compatible base, <c>…/v1/</c>.</summary>
    public Uri OpenAIEndpoint => new(BaseAddress + "/v1/");

    /// <summary>The Azure resource, <c>…/</c>.</summary>
    public Uri AzureEndpoint => new(BaseAddress + "/");

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToList();
            }
        }
    }

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.ChatAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.ChatAsync);
        app.MapPost("/v1/embeddings", server.EmbeddingsAsync);
        app.MapPost("/openai/deployments/{deployment}/embeddings", server.EmbeddingsAsync);
        await app.StartAsync();
        return server;
    }

    public void Enqueue(params Reply[] next)
    {
        lock (replies)
        {
            foreach (Reply r in next)
            {
                replies.Enqueue(r);
            }
        }
    }

    /// <summary>The next requests fail with these statuses, in order.</summary>
    public void Fail(params int[] statuses)
    {
        lock (failures)
        {
            foreach (int s in statuses)
            {
                failures.Enqueue(s);
            }
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<FakeRequest?> AcceptAsync(HttpContext http)
    {
        JsonNode body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!;
        string? auth = http.Request.Headers.Authorization.FirstOrDefault();
        string? apiKey = http.Request.Headers["api-key"].FirstOrDefault();
        var request = new FakeRequest(http.Request.Path, http.Request.QueryString.Value ?? string.Empty, auth, apiKey, body);
        lock (requests)
        {
            requests.Add(request);
        }

        if (auth != $"Bearer {Key}" && apiKey != Key)
        {
            http.Response.StatusCode = 401;
            await http.Response.WriteAsJsonAsync(new { error = new { message = "Incorrect API key provided.", type = "invalid_request_error", code = "invalid_api_key" } });
            return null;
        }

        int? failure = null;
        lock (failures)
        {
            if (failures.TryDequeue(out int s))
            {
                failure = s;
            }
        }

        if (failure is { } status)
        {
            http.Response.StatusCode = status;
            await http.Response.WriteAsJsonAsync(new { error = new { message = $"scripted {status}", type = "server_error" } });
            return null;
        }

        return request;
    }

    private async Task ChatAsync(HttpContext http)
    {
        if (await AcceptAsync(http) is not { } request)
        {
            return;
        }

        if (Hang is { } hang)
        {
            await Task.Delay(hang, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (http.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        Reply reply;
        lock (replies)
        {
            reply = replies.Count > 0 ? replies.Dequeue() : DefaultReply;
        }

        string model = (string?)request.Body["model"] ?? "unknown";
        if (request.Streamed)
        {
            http.Response.ContentType = "text/event-stream";
            async Task Send(object chunk)
            {
                await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
                await http.Response.Body.FlushAsync();
            }

            object Chunk(object delta, string? finish) => new
            {
                id = "chatcmpl-fake", @object = "chat.completion.chunk", created = 1, model,
                choices = new[] { new { index = 0, delta, finish_reason = finish } },
            };

            if (reply.Calls.Count > 0)
            {
                for (int i = 0; i < reply.Calls.Count; i++)
                {
                    var (id, name, arguments) = reply.Calls[i];
                    await Send(Chunk(new { role = "assistant", tool_calls = new[] { new { index = i, id, type = "function", function = new { name, arguments = "" } } } }, null));
                    int half = arguments.Length / 2;
                    await Send(Chunk(new { tool_calls = new[] { new { index = i, function = new { arguments = arguments[..half] } } } }, null));
                    await Send(Chunk(new { tool_calls = new[] { new { index = i, function = new { arguments = arguments[half..] } } } }, null));
                }

                await Send(Chunk(new { }, "tool_calls"));
            }
            else
            {
                for (int i = 0; i < reply.Content.Length; i += 3)
                {
                    await Send(Chunk(new { content = reply.Content.Substring(i, Math.Min(3, reply.Content.Length - i)) }, null));
                }

                await Send(Chunk(new { }, "stop"));
            }

            await http.Response.WriteAsync("data: [DONE]\n\n");
            return;
        }

        object message = reply.Calls.Count > 0
            ? new { role = "assistant", content = (string?)null, tool_calls = reply.Calls.Select(c => new { id = c.Id, type = "function", function = new { name = c.Name, arguments = c.Arguments } }).ToArray() }
            : new { role = "assistant", content = (string?)reply.Content, tool_calls = (object[]?)null };
        await http.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-fake", @object = "chat.completion", created = 1, model,
            choices = new[] { new { index = 0, message, finish_reason = reply.Calls.Count > 0 ? "tool_calls" : "stop" } },
            usage = new { prompt_tokens = 11, completion_tokens = 7, total_tokens = 18 },
        });
    }

    private async Task EmbeddingsAsync(HttpContext http)
    {
        if (await AcceptAsync(http) is not { } request)
        {
            return;
        }

        JsonNode input = request.Body["input"]!;
        var inputs = input is JsonArray a ? a.Select(i => (string)i!).ToList() : [(string)input!];
        var data = inputs.Select((text, index) => new
        {
            @object = "embedding",
            index,
            embedding = Enumerable.Range(0, Dimensions).Select(d => (float)((text.Length + d) % 7) / 7f).ToArray(),
        });
        await http.Response.WriteAsJsonAsync(new { @object = "list", data, model = (string?)request.Body["model"] ?? "unknown", usage = new { prompt_tokens = 3, total_tokens = 3 } });
    }

    /// <summary>A scripted chat answer: text, or tool calls (id, function name, JSON arguments).</summary>
    public sealed record Reply(string Content, IReadOnlyList<(string Id, string Name, string Arguments)> Calls)
    {
        public static Reply Text(string content) => new(content, []);

        public static Reply Tool(string id, string name, string arguments = "{}") => new(string.Empty, [(id, name, arguments)]);
    }
}
