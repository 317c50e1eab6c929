using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Conversation;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Models;
using Assistant.Features.Orchestration;
using Assistant.Features.Reporting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Assistant.Features.Conversations;

/// <summary>What a turn ended with (the <c>done</c> event, and what is stored with the assistant's message).</summary>
public sealed record TurnResult(
    Guid ConversationId,
    Guid UserMessageId,
    Guid? AssistantMessageId,
    string Status,
    string Text,
    int Held,
    string Provider,
    string Model,
    FallbackDto? Fallback,
    int ToolRounds,
    IReadOnlyList<ToolCallDto> ToolCalls,
    IReadOnlyList<CitationDto> Sources,
    long ElapsedMs,
    IReadOnlyList<AuditEntry> Audit);

/// <summary>
/// One turn of a conversation: the user's message is stored, the model (with tools, in a bounded loop)
/// or the offline router answers, every sentence goes through the <see cref="SentenceGate"/> before it
/// is emitted, and the released answer is stored with the turn's tool calls, sources and events.
/// </summary>
public sealed partial class ConversationService(
    ConversationStore conversations,
    RecordStore records,
    ExplanationService explanations,
    CorpusSearch search,
    DraftingService drafting,
    DraftingModel model,
    AssistantKernel kernels,
    ILogger<ConversationService> logger,
    ReportService? reports = null,
    ReportStore? reportStore = null,
    Review.ReviewInsights? insights = null)
{
    /// <summary>At most this many rounds of tool calls per turn; then the model must answer.</summary>
    public const int MaxToolRounds = ModelPipeline.MaxToolRounds;

    public const int MaxMessageChars = 8000;

    /// <summary>Earlier messages given to the model (most recent last).</summary>
    public const int HistoryMessages = 20;

    /// <summary>Checks a message before anything is stored; <see cref="InputException"/> names the field.</summary>
    public void Validate(string? content, string? provider)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new InputException("content", "消息内容不能为空。", "content is required.");
        }

        if (content.Length > MaxMessageChars)
        {
            throw new InputException("content", $"消息不能超过{MaxMessageChars}字。", $"content must be at most {MaxMessageChars} characters.");
        }

        _ = UseModel(provider);
    }

    /// <summary>What an unanswered question is marked with when the next turn begins.</summary>
    public const string InterruptedAnswer = "（上一条消息没有得到回答：服务在回答前中断了，请重新提问。 / The previous message got no answer: the service stopped before answering; please ask again.）";

    public async Task<TurnResult> RunAsync(ChatCaller caller, StoredConversation conversation, string content, string? provider, Func<ChatEvent, Task> emit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(emit);
        Validate(content, provider);
        bool useModel = UseModel(provider);
        var clock = Stopwatch.StartNew();

        Evaluation evaluation;
        ScoringPolicy policy;
        if (conversation.EvaluationId is { } evaluationId)
        {
            // A reviewer's conversation may be about a table of a unit beneath it: read there, never drafted.
            StoredEvaluation stored = await records.GetEvaluationAsync(caller.Scope ?? Units.UnitScope.Own(caller.Unit), evaluationId, cancellationToken)
                ?? throw new KeyNotFoundException($"evaluation {evaluationId}");
            if (stored.Unit != caller.Unit)
            {
                caller = caller with { CanDraft = false, OwnsTable = false };
            }

            evaluation = EvaluationJson.Parse(stored.Body);
            policy = EvaluationService.ResolvePolicy(stored.Policy);
        }
        else
        {
            // About the units the key reads: no table, so nothing to score, draft or export here.
            caller = caller with { CanDraft = false, OwnsTable = false, HasTable = false };
            evaluation = ScopeEvaluation;
            policy = EvaluationService.ResolvePolicy(null);
        }

        IReadOnlyList<StoredMessage> history = await conversations.MessagesAsync(conversation.Id, cancellationToken);
        FactSheet sheet = FactSheet.Build(evaluation, policy);

        // Reasons and measures the staff member gave in this conversation (原因是…, 第2条措施改成…) are the rows' 偏差原因 and
        // measures for the rest of it: every later answer and draft uses them. The stored table is not changed.
        ChatEdits edits = caller.HasTable && caller.OwnsTable ? ChatEdits.Read([history], sheet, content) : ChatEdits.None;
        IReadOnlyDictionary<int, string> given = edits.Reasons;
        if (edits.Any)
        {
            evaluation = edits.Apply(evaluation);
            sheet = FactSheet.Build(evaluation, policy);
        }

        // A question left without an answer (the process stopped mid-turn) is marked as such, so the
        // conversation shows it and this turn's history says so, instead of two questions in a row.
        if (history.Count > 0 && history[^1].Role == "user")
        {
            await conversations.AppendAsync(conversation.Id, "assistant", InterruptedAnswer,
                JsonSerializer.Serialize(new { status = "interrupted" }, ScoreContract.JsonOptions), null, cancellationToken);
            history = await conversations.MessagesAsync(conversation.Id, cancellationToken);
        }

        StoredMessage user = await conversations.AppendAsync(conversation.Id, "user", content, "{}", caller.KeyId, cancellationToken);
        var events = new List<ChatEvent>();
        async Task Emit(ChatEvent e)
        {
            if (e.Type != "sentence")
            {
                events.Add(e);
            }

            await emit(e);
        }

        await Emit(new ChatEvent("message", new { conversationId = conversation.Id, userMessageId = user.Id, seq = user.Seq }));

        IChatClient? client = useModel ? model.Client : null;
        (string providerName, string modelId) = client?.Describe() ?? ("offline", OfflineModelId);
        var audit = new AuditLog(new AuditScope(conversation.EvaluationId, caller.Unit, caller.KeyPrefix)) { Model = (providerName, modelId) };
        Kernel kernel = kernels.Create(audit);
        var tools = new ChatTools(caller, conversation.EvaluationId ?? Guid.Empty, sheet, policy, explanations, search, drafting, records, Emit, kernel, reports, reportStore)
        {
            Insights = insights, Question = content,
        };
        tools.Continue(EarlierSources(history));
        var gate = new SentenceGate(sheet, () => tools.Sources.Count);
        tools.FactsLearned = gate.AddFacts;
        tools.AcrossUnits = units => gate.Rebase(SentenceGate.AcrossUnitsSheet(evaluation, units, policy));
        var sentences = new List<GatedSentence>();
        async Task ReleaseAsync(IReadOnlyList<GatedSentence> released)
        {
            foreach (GatedSentence s in released)
            {
                sentences.Add(s);
                await Emit(new ChatEvent("sentence", s));
            }
        }

        FallbackDto? fallback = null;
        int rounds = 0;
        string status = "complete";
        try
        {
            if (client is not null)
            {
                try
                {
                    rounds = await RunModelAsync(client, kernel, evaluation, sheet, history, content, gate, ReleaseAsync, cancellationToken, caller.HasTable ? null : tools);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not ToolException)
                {
                    LogFallback(logger, providerName, modelId, e.GetType().Name, e.Message);
                    fallback = new FallbackDto(providerName, modelId, $"{e.GetType().Name}: {(e.Message.Length > 300 ? e.Message[..300] + "…" : e.Message)}");
                    (providerName, modelId) = ("offline", OfflineModelId);
                    audit.Model = (providerName, modelId);
                    client = null;
                    await ReleaseAsync(gate.Push("\n"));
                    await ReleaseAsync(gate.Push("大模型暂时不可用，以下由离线助手回答。\n"));
                }
            }

            if (client is null)
            {
                var offline = new OfflineAssistant { GivenReasons = given, GivenMeasure = edits.Current, UnnamedReason = edits.CurrentReason };
                string answer = await offline.AnswerAsync(content, tools, sheet, history.LastOrDefault(h => h.Role == "user")?.Content);
                gate.AddFacts(offline.TurnFacts);
                await StreamAsync(answer, gate, ReleaseAsync, cancellationToken);
            }

            await ReleaseAsync(gate.Flush());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = "cancelled";
        }

        string text = gate.Released.TrimEnd('\n');
        var payload = new
        {
            status,
            provider = providerName,
            model = modelId,
            fallback,
            toolRounds = rounds,
            held = gate.HeldCount,
            toolCalls = tools.Calls,
            sources = tools.Sources,
            sentences,
            events = events.Where(e => e.Type != "message").ToList(),
            audit = audit.Entries,
        };

        // The answer is stored even when the reader went away: what was released is what was said.
        StoredMessage assistant = await conversations.AppendAsync(conversation.Id, "assistant", text,
            JsonSerializer.Serialize(payload, ScoreContract.JsonOptions), caller.KeyId, CancellationToken.None);
        var result = new TurnResult(conversation.Id, user.Id, assistant.Id, status, text, gate.HeldCount, providerName, modelId, fallback, rounds,
            tools.Calls, tools.Sources, clock.ElapsedMilliseconds, audit.Entries);
        if (!cancellationToken.IsCancellationRequested)
        {
            await emit(new ChatEvent("done", result));
        }

        LogTurn(logger, conversation.Id, providerName, modelId, tools.Calls.Count, gate.HeldCount, status, clock.ElapsedMilliseconds);
        return result;
    }

    public const string OfflineModelId = "offline-router-v1";

    /// <summary>The default title of a conversation about the units a key reads (no table).</summary>
    public const string ScopeTitle = "各单位情况";

    /// <summary>What a conversation without a table is "about": no indicators, no funds, the units of the scope.</summary>
    private static Evaluation ScopeEvaluation => new() { Kind = EvaluationKind.Project, Title = ScopeTitle, Funds = new FundSection { Unit = "万元" }, Indicators = [] };

    /// <summary>Said to the model, after the chat prompt, in a conversation without a table.</summary>
    private const string ScopeInstruction =
        "这个对话没有选定自评表：只回答您可查看的各单位的问题（调用 evaluation_units_indicator、evaluation_units_execution、evaluation_units_reasons），" +
        "或查找相似案例（evaluation_search_reports）。问某张表的得分、起草或导出时，请用户在那张表上开始对话。";

    /// <summary>
    /// The model's turn: the chat prompt rendered through the kernel, the last <see cref="HistoryMessages"/>
    /// messages, and the plugin's functions offered by function choice. The pipeline's function
    /// invocation runs the tools (at most <see cref="MaxToolRounds"/> rounds); the gate, outermost,
    /// releases only checked sentences. Returns the rounds of tool calls.
    /// </summary>
    internal static async Task<int> RunModelAsync(IChatClient client, Kernel kernel, Evaluation evaluation, FactSheet sheet, IReadOnlyList<StoredMessage> history,
        string content, SentenceGate gate, Func<IReadOnlyList<GatedSentence>, Task> release, CancellationToken cancellationToken, ChatTools? scopeOnly = null)
    {
        PromptTemplate prompt = PromptLibrary.Embedded[PromptLibrary.Chat];
        IReadOnlyList<DeviationItem> items = DeviationItems.Find(sheet);
        string rendered = await prompt.RenderAsync(kernel, new Dictionary<string, string>
        {
            ["title"] = evaluation.Title,
            ["year"] = evaluation.Year?.ToString(CultureInfo.InvariantCulture) ?? "本",
            ["region"] = evaluation.Region ?? "本地区",
            ["facts"] = KeyFacts(sheet, items),
            ["items"] = items.Count == 0 ? "（无）" : string.Join('\n', items.Select(i => $"- {i.Name}：{i.Situation}；单位填报的原因：{i.StatedReason ?? "未填写"}")),
        }, cancellationToken);
        var messages = new List<ChatMessage> { new(ChatRole.System, prompt.System + "\n" + rendered) };
        if (scopeOnly is not null)
        {
            messages.Add(new ChatMessage(ChatRole.System, ScopeInstruction));
        }

        foreach (StoredMessage m in history.TakeLast(HistoryMessages))
        {
            messages.Add(new ChatMessage(m.Role == "user" ? ChatRole.User : ChatRole.Assistant, m.Content));
        }

        messages.Add(new ChatMessage(ChatRole.User, content));
        var settings = new PromptExecutionSettings
        {
            ExtensionData = prompt.Config.DefaultExecutionSettings?.ExtensionData,
            // Without a table only the cross-unit functions and the corpus search are offered.
            FunctionChoiceBehavior = scopeOnly is null
                ? FunctionChoiceBehavior.Auto()
                : FunctionChoiceBehavior.Auto(scopeOnly.Plugin.Where(f => f.Name.StartsWith("units_", StringComparison.Ordinal) || f.Name == "search_reports").ToList()),
        };
        ChatOptions options = settings.ToChatOptions(kernel)!;

        // Not disposed: disposing a delegating client disposes the shared model client inside it.
#pragma warning disable CA2000
        var gated = new SentenceGateChatClient(client, gate);
#pragma warning restore CA2000
        await foreach (ChatResponseUpdate update in gated.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            if (SentenceGateChatClient.Sentence(update) is { } sentence)
            {
                await release([sentence]);
            }
        }

        return gated.Rounds;
    }

    /// <summary>The sources earlier answers of the conversation numbered (the last answer that had any holds them all).</summary>
    private static IReadOnlyList<CitationDto> EarlierSources(IReadOnlyList<StoredMessage> history)
    {
        foreach (StoredMessage m in history.Reverse())
        {
            if (m.Role == "assistant" && m.Payload.ValueKind == JsonValueKind.Object && m.Payload.TryGetProperty("sources", out JsonElement s)
                && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() > 0)
            {
                return s.Deserialize<List<CitationDto>>(ScoreContract.JsonOptions) ?? [];
            }
        }

        return [];
    }

    /// <summary>Feeds composed text to the gate in small pieces, as a model would stream it.</summary>
    private static async Task StreamAsync(string text, SentenceGate gate, Func<IReadOnlyList<GatedSentence>, Task> release, CancellationToken cancellationToken)
    {
        const int Piece = 12;
        for (int i = 0; i < text.Length; i += Piece)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await release(gate.Push(text.Substring(i, Math.Min(Piece, text.Length - i))));
        }
    }

    private bool UseModel(string? provider) => model.Chooses(provider);

    private static string KeyFacts(FactSheet sheet, IReadOnlyList<DeviationItem> items)
    {
        var wanted = new HashSet<string>(items.SelectMany(i => i.FactIds), StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (Fact f in sheet.Facts.Where(f => wanted.Contains(f.Id) || f.Id is "total" or "totalLost" or "count.indicators" or "count.short" or "count.exceeded"
            || (f.FundLineIndex is not null && (f.Id.EndsWith(".rate", StringComparison.Ordinal) || f.Id.EndsWith(".score", StringComparison.Ordinal)))))
        {
            sb.Append("- ").Append(f.Id).Append('：').Append(f.Label).Append(" = ").Append(f.Text).Append('\n');
        }

        return sb.Length == 0 ? "（无）" : sb.ToString().TrimEnd('\n');
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat model {Provider}:{Model} failed ({ErrorType}: {Error}); the offline assistant answers")]
    private static partial void LogFallback(ILogger logger, string provider, string model, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat turn in {ConversationId} by {Provider}:{Model}: {Tools} tool calls, {Held} held, {Status}, {ElapsedMs} ms")]
    private static partial void LogTurn(ILogger logger, Guid conversationId, string provider, string model, int tools, int held, string status, long elapsedMs);
}
