using System.ComponentModel;
using System.Globalization;
using Assistant.Domain.Conversation;
using Assistant.Domain.Corpus;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Orchestration;
using Assistant.Features.Reporting;
using Microsoft.SemanticKernel;

namespace Assistant.Features.Conversations;

/// <summary>
/// Who is talking: the unit, the key, whether the key may draft (drafter and admin), the units it reads
/// (its own when null) and whether the conversation's table is its own unit's (a reviewer may read
/// one beneath it, never draft there).
/// </summary>
public sealed record ChatCaller(string Unit, Guid? KeyId, bool CanDraft, string? KeyPrefix = null, Units.UnitScope? Scope = null, bool OwnsTable = true, bool HasTable = true);

/// <summary>One server-sent event of a chat turn: its type and its JSON data.</summary>
public sealed record ChatEvent(string Type, object Data);

public sealed record ToolCallDto(string Name, IReadOnlyDictionary<string, object?> Arguments, string Summary, bool Failed);

public sealed record ShortRowDto(int Index, string Name, string Target, string Actual, string? CompletionText, string? Score, string? Lost);

public sealed record ScoreToolResult(string Title, string? Total, string? Grade, IReadOnlyList<FundScoreDto> Funds, int Indicators, IReadOnlyList<ShortRowDto> ShortRows, int Exceeded, IReadOnlyList<FindingDto> Findings);

public sealed record SearchToolResult(string Query, IReadOnlyList<CitationDto> Hits);

public sealed record DraftToolResult(Guid? DraftId, int Version, DraftResult? Draft, string? Error);

public sealed record VerifyToolResult(string Text, VerificationResponse Verification);

/// <summary>
/// The assistant's tools for one turn of a conversation about one stored evaluation, as one Semantic
/// Kernel plugin (<see cref="PluginName"/>): the score, one indicator's explanation, corpus search,
/// drafting (stored as a new version) and verification. The model calls them through function choice;
/// the offline assistant calls the public methods, which invoke the very same kernel functions, so the
/// kernel's filters audit both alike. Each call is reported as a <c>tool</c> event; sources found are
/// numbered [S1]… for the whole turn.
/// </summary>
public sealed partial class ChatTools
{
    /// <summary>The plugin's name; the model sees the functions as <c>evaluation_get_score</c> and so on.</summary>
    public const string PluginName = "evaluation";

    private readonly ChatCaller caller;
    private readonly Guid evaluationId;
    private readonly FactSheet sheet;
    private readonly ScoringPolicy policy;
    private readonly ExplanationService? explanations;
    private readonly CorpusSearch? search;
    private readonly DraftingService? drafting;
    private readonly RecordStore? records;
    private readonly ReportService? reports;
    private readonly ReportStore? reportStore;
    private readonly Func<ChatEvent, Task> emit;
    private readonly List<CitationDto> sources = [];
    private readonly List<ToolCallDto> calls = [];

    /// <param name="kernel">The turn's kernel (with its audit filters); the plugin is added to it. A bare kernel when null.</param>
    /// <remarks>
    /// Without a database (the command line, no corpus) <paramref name="explanations"/>, <paramref name="search"/>
    /// and <paramref name="drafting"/> may be null: explanations come without similar cases, searching says so,
    /// drafting is refused. Without <paramref name="records"/> a draft is returned but not stored. Without
    /// <paramref name="reports"/> report parts cannot be drafted; without <paramref name="reportStore"/> (or with
    /// no stored evaluation, <paramref name="evaluationId"/> empty) they are drafted but not stored.
    /// </remarks>
    public ChatTools(ChatCaller caller, Guid evaluationId, FactSheet sheet, ScoringPolicy policy, ExplanationService? explanations, CorpusSearch? search,
        DraftingService? drafting, RecordStore? records, Func<ChatEvent, Task> emit, Kernel? kernel = null, ReportService? reports = null, ReportStore? reportStore = null)
    {
        this.reports = reports;
        this.reportStore = reportStore;
        this.caller = caller;
        this.evaluationId = evaluationId;
        this.sheet = sheet;
        this.policy = policy;
        this.explanations = explanations;
        this.search = search;
        this.drafting = drafting;
        this.records = records;
        this.emit = emit;
        Kernel = kernel ?? new Kernel();
        Plugin = Kernel.Plugins.AddFromObject(this, PluginName);
    }

    /// <summary>The kernel the tools are registered in.</summary>
    public Kernel Kernel { get; }

    public KernelPlugin Plugin { get; }

    public IReadOnlyList<CitationDto> Sources => sources;

    /// <summary>Sources numbered in earlier turns of the conversation: they keep their numbers, new ones follow.</summary>
    public void Continue(IEnumerable<CitationDto> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        foreach (CitationDto c in earlier.OrderBy(c => c.Source))
        {
            if (sources.All(s => s.PassageId != c.PassageId) && c.Source == sources.Count + 1)
            {
                sources.Add(c);
            }
        }
    }

    public IReadOnlyList<ToolCallDto> Calls => calls;

    public Evaluation Evaluation => sheet.Evaluation;

    public Task<ScoreToolResult> ScoreAsync() => InvokeAsync<ScoreToolResult>("get_score", []);

    public Task<ExplanationResponse> ExplainAsync(int index) => InvokeAsync<ExplanationResponse>("explain_indicator", new() { ["index"] = index });

    public Task<SearchToolResult> SearchAsync(string query, string? section = null) =>
        InvokeAsync<SearchToolResult>("search_reports", new() { ["query"] = query, ["section"] = section });

    public Task<DraftToolResult> DraftAsync(string section) => InvokeAsync<DraftToolResult>("draft_section", new() { ["section"] = section });

    public Task<PartToolResult> DraftPartAsync(string part) => InvokeAsync<PartToolResult>("draft_report_part", new() { ["part"] = part });

    public Task<ExportToolResult> ExportAsync() => InvokeAsync<ExportToolResult>("export_links", []);

    public Task<VerifyToolResult> VerifyAsync(string text) => InvokeAsync<VerifyToolResult>("verify_text", new() { ["text"] = text });

    private async Task<T> InvokeAsync<T>(string function, KernelArguments arguments)
    {
        FunctionResult result = await Kernel.InvokeAsync(Plugin[function], arguments);
        return result.GetValue<T>() ?? throw new ToolException($"工具 {function} 没有返回结果。");
    }

    [KernelFunction("get_score")]
    [Description("自评表的总分、等级、预算执行率、未完成的指标和勾稽检查发现的问题。")]
    private async Task<ScoreToolResult> GetScoreAsync()
    {
        ScoreResponse score = ScoreContract.ToResponse(sheet.Evaluation, sheet.Report);
        var shortRows = IndicatorExplainer.ShortRows(sheet).Select(ShortRow).ToList();
        var result = new ScoreToolResult(sheet.Evaluation.Title, score.Total, score.Grade, score.Funds, sheet.Report.Indicators.Count, shortRows,
            sheet.Report.Indicators.Count(r => r.Status == IndicatorStatus.Exceeded),
            score.Findings.Where(f => f.Severity != "info").ToList());
        await ToolAsync("get_score", new Dictionary<string, object?>(), $"总分 {score.Total ?? "不计分"}，{shortRows.Count} 项未得满分", false);
        await emit(new ChatEvent("score", score));
        return result;
    }

    [KernelFunction("explain_indicator")]
    [Description("某项指标为什么没有完成：计算过程（指标值、完成值、差距、完成率、扣分、计分规则）、单位填报的原因、矛盾之处和相似的往年案例。")]
    private async Task<ExplanationResponse> ExplainIndicatorAsync([Description("指标序号，从0开始（表中第几行减一）")] int index)
    {
        var args = new Dictionary<string, object?> { ["index"] = index };
        if (index < 0 || index >= sheet.Report.Indicators.Count)
        {
            await ToolAsync("explain_indicator", args, $"没有第 {index} 项指标", true);
            throw new ToolException($"没有序号为{index}的指标（共{sheet.Report.Indicators.Count}项，序号从0开始）。");
        }

        ExplanationResponse explanation;
        if (explanations is null)
        {
            explanation = ExplanationService.ToResponse(evaluationId, sheet, IndicatorExplainer.Explain(sheet, index, null, policy), [], []);
        }
        else
        {
            IReadOnlyList<(string Source, string Text)> texts = await explanations.DraftTextsAsync(caller.Scope ?? Units.UnitScope.Own(caller.Unit), evaluationId);
            explanation = await explanations.ExplainAsync(evaluationId, sheet, index, texts, 3, policy);
        }

        var cases = explanation.SimilarCases.Select(Number).ToList();
        explanation = explanation with { SimilarCases = cases };
        await ToolAsync("explain_indicator", args, $"{explanation.Trace.Name}：{explanation.Trace.StatusText}", false);
        await emit(new ChatEvent("explanation", explanation));
        await EmitSourcesAsync();
        return explanation;
    }

    [KernelFunction("search_reports")]
    [Description("在往年和其他地区的绩效自评报告中查找相似段落，结果编号为 [S1]、[S2]……")]
    private async Task<SearchToolResult> SearchReportsAsync(
        [Description("要找的内容，如“见习岗位不足的原因”")] string query,
        [Description("段落类型：deviation-reason、improvement-measure、funds、indicator，可不填")] string? section = null,
        CancellationToken cancellationToken = default)
    {
        var args = new Dictionary<string, object?> { ["query"] = query, ["section"] = section };
        SearchRequest request;
        try
        {
            request = SearchRequest.FromText(query, 5, section, null, null, null, null);
        }
        catch (InputException e)
        {
            await ToolAsync("search_reports", args, e.Message, true);
            throw new ToolException(e.Message);
        }

        if (search is null)
        {
            await ToolAsync("search_reports", args, "没有连接语料库", true);
            throw new ToolException("没有连接语料库（未配置数据库），查不了往年案例。");
        }

        SearchResponse found = await search.SearchAsync(request, cancellationToken);
        var hits = found.Hits.Select((h, i) => Number(DraftingService.Citation(new DraftSource(i + 1, h)))).ToList();
        await ToolAsync("search_reports", args, $"找到 {hits.Count} 段", false);
        await EmitSourcesAsync();
        return new SearchToolResult(query, hits);
    }

    [KernelFunction("draft_section")]
    [Description("起草第三部分“偏离绩效目标的原因和下一步改进措施”，数字逐一核验后保存为新版本。")]
    private async Task<DraftToolResult> DraftSectionAsync(
        [Description("deviation（偏离原因和改进措施）、deviation-reasons 或 improvement-measures")] string section, CancellationToken cancellationToken = default)
    {
        var args = new Dictionary<string, object?> { ["section"] = section };
        if (!caller.CanDraft)
        {
            await ToolAsync("draft_section", args, "审阅密钥不能起草", true);
            return new DraftToolResult(null, 0, null, DraftRefusal);
        }

        DraftSection part;
        try
        {
            part = DraftSections.Parse(section);
        }
        catch (InputException e)
        {
            await ToolAsync("draft_section", args, e.Message, true);
            throw new ToolException(e.Message);
        }

        if (drafting is null)
        {
            await ToolAsync("draft_section", args, "没有连接语料库", true);
            return new DraftToolResult(null, 0, null, "起草需要语料库（数据库），当前没有连接。");
        }

        DraftResult result = await drafting.DraftAsync(sheet.Evaluation, new DraftRequest(part, policy.Name, "default"),
            new AuditScope(evaluationId, caller.Unit, caller.KeyPrefix), cancellationToken);
        if (records is null)
        {
            await ToolAsync("draft_section", args, $"未保存，{(result.Status == DraftResult.Verified ? "已全部核实" : "需复核")}", false);
            await emit(new ChatEvent("draft", new { id = (Guid?)null, evaluationId, section = part.ToName(), version = 0, draft = result }));
            return new DraftToolResult(null, 0, result, null);
        }

        var (stored, _) = await records.AddDraftAsync(caller.Unit, caller.KeyId, evaluationId, result,
            RecordStore.RequestHash($"chat-draft:{evaluationId}", Guid.NewGuid().ToString()), null);
        // The draft's citations take this turn's numbers, so [S2] in the conversation is always the same passage.
        var cited = result.Paragraphs.SelectMany(p => p.Citations).DistinctBy(c => c.Source).OrderBy(c => c.Source).ToDictionary(c => c.Source, c => Number(c).Source);
        result = result with
        {
            Paragraphs = result.Paragraphs.Select(p => p with { Citations = p.Citations.Select(c => c with { Source = cited[c.Source] }).ToList() }).ToList(),
            Sources = result.Sources.Where(c => cited.ContainsKey(c.Source)).Select(c => c with { Source = cited[c.Source] }).ToList(),
        };
        await EmitSourcesAsync();
        await ToolAsync("draft_section", args, $"第 {stored.Version} 版，{(result.Status == DraftResult.Verified ? "已全部核实" : "需复核")}", false);
        await emit(new ChatEvent("draft", new { id = stored.Id, evaluationId, section = stored.Section, version = stored.Version, createdAt = stored.CreatedAt, draft = result }));
        return new DraftToolResult(stored.Id, stored.Version, result, null);
    }

    [KernelFunction("verify_text")]
    [Description("把一段文字中的每个数字和判断与自评表核对。")]
    private async Task<VerifyToolResult> VerifyTextAsync([Description("要核对的文字")] string text)
    {
        var args = new Dictionary<string, object?> { ["text"] = text };
        if (string.IsNullOrWhiteSpace(text) || text.Length > VerificationContract.MaxTextLength)
        {
            await ToolAsync("verify_text", args, "没有要核对的文字", true);
            throw new ToolException("没有要核对的文字。");
        }

        VerificationResponse verification = VerificationContract.Verify(sheet, text);
        var result = new VerifyToolResult(text, verification);
        await ToolAsync("verify_text", args, $"{verification.Summary.Numbers} 个数字，{verification.Summary.Unverified} 个未核实，{verification.Summary.Contradicted} 个矛盾", false);
        await emit(new ChatEvent("verification", result));
        return result;
    }

    private ShortRowDto ShortRow(int index)
    {
        IndicatorResult r = sheet.Report.Indicators[index];
        decimal? lost = r.Weight is { } w && r.Score is { } s && w - s > 0 ? w - s : null;
        return new ShortRowDto(index, r.Name.Trim(), r.Target.Text.Trim(), r.Actual.Text.Trim(),
            CompletionWords.Shown(r) is { } c ? PrintedNumber.Format(c * 100m, 2) + "%" : CompletionWords.Limit(r),
            r.Score is { } sc ? PrintedNumber.Format(sc, 2) : null,
            lost is { } l ? PrintedNumber.Format(l, 2) : null);
    }

    /// <summary>Numbers a found passage for this turn (the same passage keeps its number).</summary>
    private CitationDto Number(CitationDto found)
    {
        CitationDto? known = sources.FirstOrDefault(s => s.PassageId == found.PassageId);
        if (known is not null)
        {
            return known;
        }

        CitationDto numbered = found with { Source = sources.Count + 1 };
        sources.Add(numbered);
        return numbered;
    }

    private Task EmitSourcesAsync() => emit(new ChatEvent("sources", new { sources = sources.ToList() }));

    private async Task ToolAsync(string name, Dictionary<string, object?> args, string summary, bool failed)
    {
        var call = new ToolCallDto(name, args, summary, failed);
        calls.Add(call);
        await emit(new ChatEvent("tool", call));
    }
}

/// <summary>A tool refused its arguments; the message (Chinese) goes back to the model or the user.</summary>
public sealed class ToolException : Exception
{
    public ToolException()
    {
    }

    public ToolException(string message)
        : base(message)
    {
    }

    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
