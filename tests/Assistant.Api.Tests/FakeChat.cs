using Microsoft.Extensions.AI;

namespace Assistant.Api.Tests;

/// <summary>
/// A scripted model: each call takes the next reply (text, or an exception to throw, or a delay).
/// Records what it was asked, so tests can check the repair prompt carried the verifier's complaints.
/// </summary>
public sealed class FakeChat(params Func<IList<ChatMessage>, CancellationToken, Task<string>>[] replies) : IChatClient
{
    private readonly List<IList<ChatMessage>> calls = [];

    public IReadOnlyList<IList<ChatMessage>> Calls
    {
        get
        {
            lock (calls)
            {
                return calls.ToList();
            }
        }
    }

    public static Func<IList<ChatMessage>, CancellationToken, Task<string>> Says(string text) => (_, _) => Task.FromResult(text);

    public static Func<IList<ChatMessage>, CancellationToken, Task<string>> Throws(Exception e) => (_, _) => Task.FromException<string>(e);

    public static Func<IList<ChatMessage>, CancellationToken, Task<string>> Hangs() => async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        return string.Empty;
    };

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        int n;
        lock (calls)
        {
            calls.Add(list);
            n = calls.Count - 1;
        }

        string text = await replies[Math.Min(n, replies.Length - 1)](list, cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = "fake-model" };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, "fake-model") : null;

    public void Dispose()
    {
    }
}
