using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Assistant.Api.Tests;

/// <summary>One server-sent event as read off the wire.</summary>
public sealed record Sse(string Type, JsonElement Data);

/// <summary>Helpers to store a table, start a conversation and read a streamed answer.</summary>
public static class ChatClientExtensions
{
    public static async Task<Guid> StoreAsync(this HttpClient client, string table, string? body = null)
    {
        body ??= await File.ReadAllTextAsync(Shared.Reference(table));
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage r = await client.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> StartAsync(this HttpClient client, Guid evaluationId)
    {
        using HttpResponseMessage r = await client.PostAsJsonAsync(new Uri("/api/v1/conversations", UriKind.Relative), new { evaluationId });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Posts a message and reads the whole event stream.</summary>
    public static async Task<IReadOnlyList<Sse>> AskAsync(this HttpClient client, Guid conversation, string content, string? provider = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/conversations/{conversation}/messages", UriKind.Relative))
        {
            Content = JsonContent.Create(new { content, provider }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using HttpResponseMessage r = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("text/event-stream", r.Content.Headers.ContentType?.MediaType);
        return Parse(await r.Content.ReadAsStringAsync());
    }

    public static IReadOnlyList<Sse> Parse(string stream)
    {
        var events = new List<Sse>();
        foreach (string block in stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? type = null;
            var data = new StringBuilder();
            foreach (string line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Append(line[6..]);
                }
                else
                {
                    Assert.Fail($"unexpected line in the event stream: {line}");
                }
            }

            Assert.NotNull(type);
            events.Add(new Sse(type, JsonDocument.Parse(data.ToString()).RootElement.Clone()));
        }

        return events;
    }

    public static IEnumerable<JsonElement> Of(this IReadOnlyList<Sse> events, string type) => events.Where(e => e.Type == type).Select(e => e.Data);

    /// <summary>The released text, sentence by sentence, as the page shows it.</summary>
    public static string Said(this IReadOnlyList<Sse> events) =>
        string.Concat(events.Of("sentence").Select(s => s.GetProperty("text").GetString() + (s.GetProperty("paragraphEnd").GetBoolean() ? "\n" : string.Empty)));

    public static JsonElement Done(this IReadOnlyList<Sse> events) => Assert.Single(events.Of("done"));
}

/// <summary>
/// A scripted model that streams: each call plays the next step (text in small pieces, or tool calls)
/// and records the messages and tools it was given.
/// </summary>
public sealed class ToolChat(params ToolChat.Step[] steps) : IChatClient
{
    private readonly List<(List<ChatMessage> Messages, ChatOptions? Options)> calls = [];

    public delegate IEnumerable<AIContent> Step(IReadOnlyList<ChatMessage> messages);

    public IReadOnlyList<(List<ChatMessage> Messages, ChatOptions? Options)> Calls
    {
        get
        {
            lock (calls)
            {
                return calls.ToList();
            }
        }
    }

    /// <summary>Text, streamed in pieces of <paramref name="piece"/> characters.</summary>
    public static Step Says(string text, int piece = 3) => _ =>
        Enumerable.Range(0, (text.Length + piece - 1) / piece).Select(i => (AIContent)new TextContent(text.Substring(i * piece, Math.Min(piece, text.Length - (i * piece)))));

    public static Step Calls_(string callId, string name, Dictionary<string, object?>? arguments = null) => _ =>
        [new FunctionCallContent(callId, name, arguments ?? [])];

    public static Step Fails(Exception e) => _ => throw e;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("the chat streams");

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        int n;
        lock (calls)
        {
            calls.Add((list, options));
            n = calls.Count - 1;
        }

        foreach (AIContent content in steps[Math.Min(n, steps.Length - 1)](list))
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, [content]) { ModelId = "tool-model" };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, "tool-model") : null;

    public void Dispose()
    {
    }
}
