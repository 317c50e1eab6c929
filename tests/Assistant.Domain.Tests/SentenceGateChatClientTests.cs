using System.Runtime.CompilerServices;
using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Features.Conversations;
using Microsoft.Extensions.AI;

namespace Assistant.Domain.Tests;

/// <summary>The gate as a chat-client link: nothing unverified leaves it, streaming or not.</summary>
public class SentenceGateChatClientTests
{
    private static readonly FactSheet Sheet = FactSheet.Build(SharedData.LoadReference("zhongwei-2024-entrepreneurship-fund"));

    private const string Answer = "总分{{fact:total}}，等级良。享受公益性岗位补贴人员数量完成4321人，需要说明原因。\n";

    [Fact]
    public async Task Streaming_ReleasesOnlyCheckedSentences_AndHoldsTheWrongNumber()
    {
        var gate = new SentenceGate(Sheet);
        var client = new SentenceGateChatClient(new Scripted(Answer, piece: 2), gate);
        var released = new List<GatedSentence>();
        var texts = new List<string>();
        await foreach (ChatResponseUpdate u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "总分")]))
        {
            texts.Add(u.Text);
            if (SentenceGateChatClient.Sentence(u) is { } s)
            {
                released.Add(s);
            }
        }

        Assert.Equal(2, released.Count);
        Assert.Equal("总分89.47分，等级良。", released[0].Text);
        Assert.True(released[0].Clean);
        Assert.Contains("【待核实】", released[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(texts, t => t.Contains("4321", StringComparison.Ordinal) || t.Contains("{{", StringComparison.Ordinal));
        Assert.Equal(0, client.Rounds);
    }

    [Fact]
    public async Task NonStreaming_IsGatedTheSameWay()
    {
        var gate = new SentenceGate(Sheet);
        var client = new SentenceGateChatClient(new Scripted(Answer, piece: 5), gate);
        ChatResponse response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "总分")]);
        Assert.StartsWith("总分89.47分，等级良。", response.Text, StringComparison.Ordinal);
        Assert.Contains("【待核实】", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("4321", response.Text, StringComparison.Ordinal);
        Assert.Equal(1, gate.HeldCount);
    }

    [Fact]
    public async Task ToolCallsPassThrough_RoundsAreCounted_AndACallLeftOverAtTheLimitIsNoted()
    {
        var gate = new SentenceGate(Sheet);
        var inner = new Scripted(string.Empty, 1,
            new FunctionCallContent("c1", "evaluation_get_score"),
            new FunctionResultContent("c1", "ok"),
            new TextContent("总分{{fact:total}}。"),
            new FunctionCallContent("c2", "evaluation_get_score"));
        var client = new SentenceGateChatClient(inner, gate);
        var contents = new List<AIContent>();
        await foreach (ChatResponseUpdate u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "总分")]))
        {
            contents.AddRange(u.Contents);
        }

        Assert.Equal(2, contents.OfType<FunctionCallContent>().Count());
        Assert.Single(contents.OfType<FunctionResultContent>());
        Assert.Equal(1, client.Rounds);
        Assert.Contains("上限", gate.Released, StringComparison.Ordinal);
        Assert.StartsWith("总分89.47分。", gate.Released, StringComparison.Ordinal);
    }

    /// <summary>Streams a text in pieces (or the given contents, one update each).</summary>
    private sealed class Scripted(string text, int piece, params AIContent[] contents) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (AIContent c in contents)
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(c is FunctionResultContent ? ChatRole.Tool : ChatRole.Assistant, [c]);
            }

            for (int i = 0; i < text.Length; i += piece)
            {
                await Task.Yield();
                yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(piece, text.Length - i)));
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
