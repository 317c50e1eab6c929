using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace Assistant.Features.Drafting;

/// <summary>
/// Any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI's v1 endpoint, DeepSeek, Qwen/DashScope,
/// vLLM, Ollama) behind <see cref="IChatClient"/>, through the official SDK. This file is the whole
/// adapter: messages, options, function tools, plain and streaming responses. Retries and timeouts
/// are added around it by <see cref="ResilientChatClient"/>; the SDK's own retries are off.
/// </summary>
public sealed class OpenAIChatClient : IChatClient
{
    private readonly ChatClient client;
    private readonly ChatClientMetadata metadata;

    public OpenAIChatClient(Uri endpoint, string model, string? apiKey, TimeSpan networkTimeout)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        client = new ChatClient(
            model,
            new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "unused" : apiKey),
            new OpenAIClientOptions { Endpoint = endpoint, NetworkTimeout = networkTimeout, RetryPolicy = new ClientRetryPolicy(0) });
        metadata = new ChatClientMetadata("openai", endpoint, model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ClientResult<ChatCompletion> result = await client.CompleteChatAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken).ConfigureAwait(false);
        ChatCompletion completion = result.Value;
        var message = new AIChatMessage(AIChatRole.Assistant, [])
        {
            MessageId = completion.Id,
        };
        string text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (text.Length > 0)
        {
            message.Contents.Add(new TextContent(text));
        }

        foreach (ChatToolCall call in completion.ToolCalls)
        {
            message.Contents.Add(new FunctionCallContent(call.Id, call.FunctionName, ParseArguments(call.FunctionArguments)));
        }

        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = completion.Usage is { } u
                ? new UsageDetails { InputTokenCount = u.InputTokenCount, OutputTokenCount = u.OutputTokenCount, TotalTokenCount = u.TotalTokenCount }
                : null,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Tool calls arrive in pieces keyed by index; they are emitted whole when the stream ends.
        var calls = new SortedDictionary<int, (string? Id, string? Name, System.Text.StringBuilder Arguments)>();
        string? model = null;
        string? id = null;
        await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken).ConfigureAwait(false))
        {
            model ??= update.Model;
            id ??= update.CompletionId;
            foreach (StreamingChatToolCallUpdate call in update.ToolCallUpdates)
            {
                if (!calls.TryGetValue(call.Index, out var c))
                {
                    c = (null, null, new System.Text.StringBuilder());
                }

                c.Id ??= call.ToolCallId;
                c.Name ??= call.FunctionName;
                if (call.FunctionArgumentsUpdate is { } args && !args.ToMemory().IsEmpty)
                {
                    c.Arguments.Append(args.ToString());
                }

                calls[call.Index] = c;
            }

            string text = string.Concat(update.ContentUpdate.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            if (text.Length > 0 || update.FinishReason is not null || update.Usage is not null)
            {
                var contents = new List<AIContent>();
                if (text.Length > 0)
                {
                    contents.Add(new TextContent(text));
                }

                if (update.FinishReason is not null)
                {
                    contents.AddRange(calls.Values.Select(c => new FunctionCallContent(c.Id ?? string.Empty, c.Name ?? string.Empty, ParseArguments(BinaryData.FromString(c.Arguments.Length == 0 ? "{}" : c.Arguments.ToString())))));
                    calls.Clear();
                }

                if (update.Usage is { } u)
                {
                    contents.Add(new UsageContent(new UsageDetails { InputTokenCount = u.InputTokenCount, OutputTokenCount = u.OutputTokenCount, TotalTokenCount = u.TotalTokenCount }));
                }

                yield return new ChatResponseUpdate(AIChatRole.Assistant, contents)
                {
                    ModelId = model,
                    ResponseId = id,
                    MessageId = id,
                    FinishReason = update.FinishReason is { } f ? ToFinishReason(f) : null,
                };
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static List<OpenAIChatMessage> ToOpenAI(IEnumerable<AIChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var result = new List<OpenAIChatMessage>();
        foreach (AIChatMessage m in messages)
        {
            if (m.Role == AIChatRole.System)
            {
                result.Add(new SystemChatMessage(m.Text));
            }
            else if (m.Role == AIChatRole.User)
            {
                result.Add(new UserChatMessage(m.Text));
            }
            else if (m.Role == AIChatRole.Assistant)
            {
                var calls = m.Contents.OfType<FunctionCallContent>()
                    .Select(c => ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name, BinaryData.FromString(JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>()))))
                    .ToList();
                if (calls.Count > 0)
                {
                    var assistant = new AssistantChatMessage(calls);
                    if (m.Text.Length > 0)
                    {
                        assistant.Content.Add(ChatMessageContentPart.CreateTextPart(m.Text));
                    }

                    result.Add(assistant);
                }
                else
                {
                    result.Add(new AssistantChatMessage(m.Text));
                }
            }
            else if (m.Role == AIChatRole.Tool)
            {
                foreach (FunctionResultContent r in m.Contents.OfType<FunctionResultContent>())
                {
                    result.Add(new ToolChatMessage(r.CallId, r.Result is string s ? s : JsonSerializer.Serialize(r.Result)));
                }
            }
        }

        return result;
    }

    private static ChatCompletionOptions ToOpenAI(ChatOptions? options)
    {
        var o = new ChatCompletionOptions();
        if (options is null)
        {
            return o;
        }

        o.Temperature = options.Temperature;
        o.MaxOutputTokenCount = options.MaxOutputTokens;
        o.TopP = options.TopP;
        foreach (AIFunctionDeclaration f in options.Tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            o.Tools.Add(ChatTool.CreateFunctionTool(f.Name, f.Description, BinaryData.FromString(f.JsonSchema.GetRawText())));
        }

        return o;
    }

    private static Dictionary<string, object?> ParseArguments(BinaryData arguments)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(arguments.ToString());
            return parsed?.ToDictionary(kv => kv.Key, kv => (object?)kv.Value) ?? [];
        }
        catch (JsonException)
        {
            // A model that writes broken JSON gets its arguments back as one string the tool loop can reject.
            return new Dictionary<string, object?> { ["_raw"] = arguments.ToString() };
        }
    }

    private static Microsoft.Extensions.AI.ChatFinishReason ToFinishReason(OpenAI.Chat.ChatFinishReason reason) => reason switch
    {
        OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
        OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
        OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
        _ => Microsoft.Extensions.AI.ChatFinishReason.Stop,
    };
}
