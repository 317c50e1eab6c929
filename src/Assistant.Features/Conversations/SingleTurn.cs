using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Orchestration;
using Assistant.Features.Reporting;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace Assistant.Features.Conversations;

/// <summary>A number the gate held back in an answer: the sentence (with 【待核实】 in its place) and why.</summary>
public sealed record HeldNumber(string Sentence, string Reason);

/// <summary>One question answered about an evaluation file: the released text, the tools called, what was held.</summary>
public sealed record SingleTurnResult(string Text, string Provider, string Model, FallbackDto? Fallback, bool Corpus, int Held,
    IReadOnlyList<HeldNumber> HeldNumbers, IReadOnlyList<ToolCallDto> ToolCalls, IReadOnlyList<CitationDto> Sources);

/// <summary>
/// One chat turn outside a stored conversation (the command line): the same tools, the same offline
/// assistant or model loop, the same sentence gate; nothing is stored. Without a database the tools that
/// need the corpus say so.
/// </summary>
public static class SingleTurn
{
    /// <param name="kernels">Needed with a <paramref name="model"/>: the turn's kernel carries the tools as its plugin.</param>
    public static async Task<SingleTurnResult> AskAsync(Evaluation evaluation, string? policyName, string question, IChatClient? model, AssistantKernel? kernels,
        ExplanationService? explanations, CorpusSearch? search, DraftingService? drafting, ReportService? reports = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new InputException("question", "问题不能为空。", "question is required.");
        }

        ScoringPolicy policy = EvaluationService.ResolvePolicy(policyName);
        FactSheet sheet = FactSheet.Build(evaluation, policy);
        (string provider, string modelId) = model?.Describe() ?? ("offline", ConversationService.OfflineModelId);
        if (kernels is null)
        {
            model = null;
            (provider, modelId) = ("offline", ConversationService.OfflineModelId);
        }

        Kernel? kernel = kernels?.Create(new AuditLog(new AuditScope(Guid.Empty, "cli", null)) { Model = (provider, modelId) });
        var tools = new ChatTools(new ChatCaller("cli", null, CanDraft: true), Guid.Empty, sheet, policy, explanations, search, drafting, null, _ => Task.CompletedTask, kernel, reports);
        var gate = new SentenceGate(sheet, () => tools.Sources.Count);
        tools.FactsLearned = gate.AddFacts;
        var sentences = new List<GatedSentence>();
        Task Release(IReadOnlyList<GatedSentence> released)
        {
            sentences.AddRange(released);
            return Task.CompletedTask;
        }

        FallbackDto? fallback = null;
        bool answered = false;
        if (model is not null)
        {
            try
            {
                await ConversationService.RunModelAsync(model, kernel!, evaluation, sheet, [], question, gate, Release, cancellationToken);
                answered = true;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not ToolException)
            {
                fallback = new FallbackDto(provider, modelId, $"{e.GetType().Name}: {e.Message}");
                (provider, modelId) = ("offline", ConversationService.OfflineModelId);
                await Release(gate.Push("\n大模型暂时不可用，以下由离线助手回答。\n"));
            }
        }

        if (!answered)
        {
            var offline = new OfflineAssistant();
            string answer = await offline.AnswerAsync(question, tools, sheet);
            gate.AddFacts(offline.TurnFacts);
            await Release(gate.Push(answer));
        }

        await Release(gate.Flush());
        var held = sentences.SelectMany(s => s.Held.Select(h => new HeldNumber(s.Text, h.Reason))).ToList();
        return new SingleTurnResult(gate.Released.TrimEnd('\n'), provider, modelId, fallback, search is not null, gate.HeldCount, held, tools.Calls, tools.Sources);
    }
}
