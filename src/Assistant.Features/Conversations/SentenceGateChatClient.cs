using System.Runtime.CompilerServices;
using Assistant.Domain.Conversation;
using Microsoft.Extensions.AI;

namespace Assistant.Features.Conversations;

/// <summary>
/// The sentence gate as the outermost link of a turn's chat pipeline: whatever text the model writes
/// (in any round of tool calls) goes into the <see cref="SentenceGate"/>, and only released sentences
/// come out, one update each, with the <see cref="GatedSentence"/> under <see cref="SentenceKey"/>.
/// Tool calls and results pass through as they are (without text). Non-streaming answers are gated
/// the same way. When the model still asks for tools after the last round, a note says so.
/// </summary>
public sealed class SentenceGateChatClient(IChatClient inner, SentenceGate gate) : DelegatingChatClient(inner)
{
    public const string SentenceKey = "assistant.sentence";

    public const string LimitNote = "（工具调用次数已达上限，回答到此为止。）\n";

    /// <summary>Rounds of tool calls answered in the last response.</summary>
    public int Rounds { get; private set; }

    /// <summary>The released sentence an update carries, or null.</summary>
    public static GatedSentence? Sentence(ChatResponseUpdate update) =>
        update?.AdditionalProperties?.TryGetValue(SentenceKey, out object? s) == true ? s as GatedSentence : null;

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Rounds = 0;
        bool callsPending = false;
        await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            var passed = new List<AIContent>();
            foreach (AIContent content in update.Contents)
            {
                switch (content)
                {
                    case TextContent text:
                        foreach (GatedSentence s in gate.Push(text.Text))
                        {
                            yield return Released(s, update);
                        }

                        break;
                    case FunctionCallContent:
                        if (!callsPending)
                        {
                            // The text before a tool call is a finished thought.
                            foreach (GatedSentence s in gate.Push("\n"))
                            {
                                yield return Released(s, update);
                            }
                        }

                        callsPending = true;
                        passed.Add(content);
                        break;
                    case FunctionResultContent:
                        if (callsPending)
                        {
                            Rounds++;
                            callsPending = false;
                        }

                        passed.Add(content);
                        break;
                    case TextReasoningContent:
                        break;
                    default:
                        passed.Add(content);
                        break;
                }
            }

            if (passed.Count > 0)
            {
                yield return new ChatResponseUpdate(update.Role, passed)
                {
                    ResponseId = update.ResponseId, MessageId = update.MessageId, ModelId = update.ModelId, FinishReason = update.FinishReason, CreatedAt = update.CreatedAt,
                };
            }
        }

        foreach (GatedSentence s in Finish(callsPending))
        {
            yield return Released(s, null);
        }
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Rounds = 0;
        ChatResponse response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var sentences = new List<GatedSentence>();
        bool callsPending = false;
        foreach (ChatMessage m in response.Messages)
        {
            if (m.Contents.OfType<FunctionResultContent>().Any() && callsPending)
            {
                Rounds++;
                callsPending = false;
            }

            if (m.Contents.OfType<FunctionCallContent>().Any())
            {
                sentences.AddRange(gate.Push(m.Text + "\n"));
                callsPending = true;
            }
            else if (m.Role == ChatRole.Assistant)
            {
                sentences.AddRange(gate.Push(m.Text));
            }
        }

        sentences.AddRange(Finish(callsPending));
        var answer = new ChatMessage(ChatRole.Assistant, string.Concat(sentences.Select(Text)))
        {
            AdditionalProperties = new AdditionalPropertiesDictionary { [SentenceKey] = sentences },
        };
        return new ChatResponse(answer) { ResponseId = response.ResponseId, ModelId = response.ModelId, FinishReason = response.FinishReason, Usage = response.Usage };
    }

    private IEnumerable<GatedSentence> Finish(bool callsPending)
    {
        var rest = new List<GatedSentence>();
        if (callsPending)
        {
            rest.AddRange(gate.Push("\n" + LimitNote));
        }

        rest.AddRange(gate.Flush());
        return rest;
    }

    private static string Text(GatedSentence s) => s.Text + (s.ParagraphEnd ? "\n" : string.Empty);

    private static ChatResponseUpdate Released(GatedSentence s, ChatResponseUpdate? from) =>
        new(ChatRole.Assistant, Text(s))
        {
            ResponseId = from?.ResponseId, MessageId = from?.MessageId, ModelId = from?.ModelId,
            AdditionalProperties = new AdditionalPropertiesDictionary { [SentenceKey] = s },
        };
}
