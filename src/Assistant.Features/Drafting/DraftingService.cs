using System.Diagnostics;
using System.Globalization;
using System.Text;
using Assistant.Domain.Corpus;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Corpus;
using Assistant.Features.Evaluations;
using Microsoft.Extensions.AI;
using Assistant.Features.Orchestration;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Assistant.Features.Drafting;

/// <summary>The configured model client, or none (the offline drafter writes everything).</summary>
public sealed record DraftingModel(IChatClient? Client)
{
    /// <summary>
    /// Whether a request's <c>provider</c> (default | offline | model) means the model: default uses it
    /// when one is configured; asking for a model that is not configured, or an unknown name, is a 400.
    /// </summary>
    public bool Chooses(string? provider) => provider?.Trim().ToLowerInvariant() switch
    {
        null or "" or "default" => Client is not null,
        "offline" => false,
        "model" or "openai" or "azure" when Client is not null => true,
        "model" or "openai" or "azure" => throw new InputException("provider", "服务器未配置大模型（Drafting:Provider），只能使用 offline。", "No model is configured on this server (Drafting:Provider); use offline."),
        _ => throw new InputException("provider", $"未知的provider“{provider}”，可选：default、offline、model。", $"Unknown provider '{provider}'; use default, offline or model."),
    };
}

/// <summary>
/// The drafting pipeline: evaluation → facts → items to explain → retrieval per item → prompt with
/// fact ids and sources → draft with numbers as fact references, rendered by code → verifier → at most
/// two repair rounds → anything still unverified masked as 【待核实】 and the draft marked needs-review.
/// A model that fails (after its retries) is replaced by the offline drafter, and the draft says so.
/// </summary>
public sealed partial class DraftingService(CorpusSearch search, DraftingModel model, OfflineDrafter offline, AssistantKernel kernels, ILogger<DraftingService> logger)
{
    public const int MaxRepairRounds = 2;
    private const int MaxSources = 40;

    /// <param name="audit">Whom the draft is for; its prompts are audited into the result (<see cref="DraftResult.Audit"/>).</param>
    public async Task<DraftResult> DraftAsync(Evaluation evaluation, DraftRequest request, AuditScope? audit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        ScoringPolicy policy = EvaluationService.ResolvePolicy(request.Policy);
        FactSheet sheet = FactSheet.Build(evaluation, policy);
        IReadOnlyList<DeviationItem> items = DeviationItems.Find(sheet, policy, lowParts: true);
        DraftBrief brief = await BriefAsync(request, sheet, items, cancellationToken);

        IChatClient client = ChooseClient(request.Provider);
        (string provider, string modelId) = client.Describe();
        var log = new AuditLog(audit ?? new AuditScope()) { Model = (provider, modelId) };
        Kernel kernel = kernels.Create(log);
        FallbackDto? fallback = null;
        PromptTemplate prompt = PromptLibrary.Embedded[request.Section.PromptName()];
        ChatOptions options = prompt.ChatOptions() ?? new ChatOptions();
        (options.AdditionalProperties ??= [])[DraftBrief.OptionKey] = brief;
        string facts = FactList(sheet, items);
        var first = new List<ChatMessage>
        {
            new(ChatRole.System, prompt.System),
            new(ChatRole.User, await prompt.RenderAsync(kernel, new Dictionary<string, string>
            {
                ["title"] = evaluation.Title,
                ["year"] = evaluation.Year?.ToString(CultureInfo.InvariantCulture) ?? "本",
                ["region"] = evaluation.Region ?? "本地区",
                ["facts"] = facts,
                ["items"] = ItemList(brief),
                ["sources"] = SourceList(brief),
            }, cancellationToken)),
        };

        async Task<string> AskAsync(List<ChatMessage> messages, bool isRepair)
        {
            if (client is not OfflineDrafter)
            {
                try
                {
                    ChatResponse response = await client.GetResponseAsync(messages, options, cancellationToken);
                    return response.Text;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    LogFallback(logger, provider, modelId, e.GetType().Name, e.Message);
                    fallback = new FallbackDto(provider, modelId, $"{e.GetType().Name}: {Shorten(e.Message)}");
                    client = offline;
                    (provider, modelId) = client.Describe();
                    log.Model = (provider, modelId);
                    if (isRepair)
                    {
                        return string.Empty;
                    }
                }
            }

            return (await offline.GetResponseAsync(first, options, cancellationToken)).Text;
        }

        string raw = await AskAsync(first, isRepair: false);
        Attempt best = Check(raw, brief, client is not OfflineDrafter);
        int repairs = 0;
        PromptTemplate repair = PromptLibrary.Embedded[PromptLibrary.Repair];
        while (best.Complaints.Count > 0 && repairs < MaxRepairRounds && client is not OfflineDrafter)
        {
            repairs++;
            var messages = new List<ChatMessage>
            {
                new(ChatRole.System, repair.System),
                new(ChatRole.User, await repair.RenderAsync(kernel, new Dictionary<string, string>
                {
                    ["draft"] = best.Raw,
                    ["problems"] = string.Join('\n', best.Complaints.Select((c, i) => $"{i + 1}. {c}")),
                    ["facts"] = facts,
                }, cancellationToken)),
            };
            string revised = await AskAsync(messages, isRepair: true);
            if (string.IsNullOrWhiteSpace(revised))
            {
                // The model failed during repair: the offline drafter starts again from the brief.
                best = Check((await offline.GetResponseAsync(first, options, cancellationToken)).Text, brief, sanitize: false);
                break;
            }

            Attempt next = Check(revised, brief, sanitize: true);
            if (next.Complaints.Count <= best.Complaints.Count)
            {
                best = next;
            }
        }

        if (client is not OfflineDrafter && Unexplained(best.Draft, brief).Count > 0)
        {
            // What the model left after the struck sentences does not cover every item, or leaves the
            // largest gap without a reason, even after repair: the offline drafter writes the section.
            fallback = new FallbackDto(provider, modelId, "草稿删去不合格句子后仍有事项未说明原因 / items still unexplained after the draft was cleaned and repaired: " + string.Join(", ", Unexplained(best.Draft, brief)));
            client = offline;
            (provider, modelId) = client.Describe();
            log.Model = (provider, modelId);
            best = Check((await offline.GetResponseAsync(first, options, cancellationToken)).Text, brief, sanitize: false);
        }

        // Only what the drafter itself asserts is masked; names and the unit's quoted words are never touched.
        (RenderedDraft final, IReadOnlyList<MaskedSpan> masked) = DraftText.Mask(best.Draft, best.Gate.Mask);
        VerificationReport report = StatedReasonCheck.Verify(sheet, final.Text, items);
        GateOutcome after = DraftGate.Judge(report, final.Text, evaluation, items);
        var coverage = Coverage(final, brief.Items);
        var uncovered = brief.Items.Where(i => coverage[i.Item.Id].Count == 0).Select(i => i.Item.Id).ToList();
        bool clean = after.IsClean && best.Gate.IsClean && masked.Count == 0 && uncovered.Count == 0 && best.Draft.UnknownFactIds.Count == 0;

        var citations = brief.Sources.ToDictionary(s => s.Number, Citation);
        var result = new DraftResult(
            request.Section.ToName(),
            clean ? DraftResult.Verified : DraftResult.NeedsReview,
            final.Text,
            final.Paragraphs.Select((p, i) => new ParagraphDto(
                i,
                p.Text,
                brief.Items.Where(it => coverage[it.Item.Id].Contains(i)).Select(it => it.Item.Id).ToList(),
                p.Sources.Select(s => citations[s]).ToList(),
                p.FactIds)).ToList(),
            brief.Items.Select(it => new DraftItemDto(it.Item.Id, it.Item.KindName, it.Item.Name, it.Item.IndicatorIndex, it.Item.FundLineIndex,
                it.Item.StatedReason, coverage[it.Item.Id].Count > 0, coverage[it.Item.Id])).ToList(),
            uncovered,
            masked.Select(m => new MaskedDto(m.Paragraph, m.Original, m.Reason)).ToList(),
            VerificationContract.ToResponse(report),
            new ModelDto(provider, modelId, fallback),
            new PromptDto(prompt.Name, prompt.Version),
            repairs,
            brief.Sources.Select(Citation).ToList(),
            Notes(brief, policy, final, best.Notes.Concat(best.Gate.Kept).ToList()).Select(ReviewNoteDto.From).ToList(),
            log.Entries);

        LogDrafted(logger, result.Section, brief.Items.Count, provider, modelId, result.Status, repairs, masked.Count, uncovered.Count, fallback is not null, clock.ElapsedMilliseconds);
        return result;
    }

    /// <summary>Items to explain and, for each, the most similar past reasons and measures.</summary>
    public async Task<DraftBrief> BriefAsync(DraftRequest request, FactSheet sheet, IReadOnlyList<DeviationItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(items);
        var sources = new List<DraftSource>();
        var byPassage = new Dictionary<long, int>();
        var briefItems = new List<BriefItem>();
        int k = Math.Clamp(request.SourcesPerItem, 0, 10);
        foreach (DeviationItem item in items)
        {
            var reasons = new List<int>();
            var measures = new List<int>();
            if (k > 0)
            {
                await RetrieveAsync(ReasonQuery(item, sheet.Evaluation), SectionKind.DeviationReason, reasons);
                await RetrieveAsync(MeasureQuery(item, sheet.Evaluation), SectionKind.ImprovementMeasure, measures);
            }

            briefItems.Add(new BriefItem(item, reasons, measures));
        }

        return new DraftBrief(request.Section, sheet, briefItems, sources);

        async Task RetrieveAsync(string query, SectionKind kind, List<int> into)
        {
            SearchResponse found = await search.SearchAsync(new SearchRequest(query, k, kind), cancellationToken);
            foreach (SearchHit hit in found.Hits)
            {
                // The report's own table or text (same document, or same unit and year) is never its own precedent.
                if (PrecedentFit.IsSelf(hit.Title, hit.Region, hit.Year, sheet.Evaluation))
                {
                    continue;
                }

                // A past report of another sector (an employment fund's report for a water works table) is no precedent.
                if (PrecedentFit.OtherSector(hit.Title, sheet.Evaluation))
                {
                    continue;
                }

                if (!byPassage.TryGetValue(hit.PassageId, out int number))
                {
                    if (sources.Count >= MaxSources)
                    {
                        continue;
                    }

                    number = sources.Count + 1;
                    sources.Add(new DraftSource(number, hit));
                    byPassage[hit.PassageId] = number;
                }

                into.Add(number);
            }
        }
    }

    /// <summary>
    /// What the unit must confirm or supply and what a reviewer will ask, listed beside the draft and never
    /// written into it: reasons the table lacks, stated reasons too weak for their gap, the reviewer's
    /// criteria the table meets, the precedents the draft leans on, and notes struck from a model's text.
    /// </summary>
    public static IReadOnlyList<ReviewNote> Notes(DraftBrief brief, ScoringPolicy policy, RenderedDraft final, IReadOnlyList<ReviewNote> struck)
    {
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(struck);
        const string Part = "三";
        var items = brief.Items.Select(i => i.Item).ToList();
        var notes = new List<ReviewNote>();
        foreach (DeviationItem item in items.Where(i => i.StatedReason is null))
        {
            bool cited = final.Paragraphs.Any(p => p.Sources.Count > 0 && p.Text.Contains(item.Name, StringComparison.Ordinal));
            string basis = cited ? "参考往年同类项目" : "根据指标性质和完成情况";
            // The unit's own words are said to be used only where the text quotes them for this line (a hedged
            // first analysis, 经初步分析…, is the draft's own and says so).
            bool ownWords = item.Kind == DeviationKind.LowExecution && final.Paragraphs.Any(p => p.Text.Contains(item.Name, StringComparison.Ordinal)
                && p.Text.Contains(OfflineDrafter.CostLinesLead, StringComparison.Ordinal));
            bool partWords = item.Kind == DeviationKind.LowExecution && !ownWords && LowParts(brief, item).Any(l => Domain.Review.ReasonText.IsGiven(brief.Evaluation.Funds.Lines[l].DeviationNote));
            // The total line's paragraph (预算执行率偏低…) need not name the line.
            bool saidNone = final.Paragraphs.Any(p => (p.Text.Contains(item.Name, StringComparison.Ordinal)
                || (item.Kind == DeviationKind.LowExecution && p.Text.Contains("预算执行率偏低", StringComparison.Ordinal))) && OfflineDrafter.SaysNoCause(p.Text));
            string message = item.Kind == DeviationKind.Cancelled
                ? $"自评表未说明“{item.Name}”取消的原因和审批依据，请单位补充。"
                : ownWords
                    ? $"自评表未填写“{item.Name}”{item.Situation}的原因；草稿采用了单位在绩效指标中填报的原因，请单位确认，并补充结余资金的构成和去向。"
                    : partWords
                    ? $"自评表未填写“{item.Name}”{item.Situation}的原因；草稿采用了单位在分项资金中填报的原因，请单位确认，并补充其余资金的结余去向。"
                    : saidNone && !cited
                        ? $"自评表未填写“{item.Name}”{item.Situation}的原因；草稿没有推测原因，只写明了单位未说明，请单位补充造成差距的具体原因和相关数据。"
                        : $"自评表未填写“{item.Name}”{item.Situation}的原因；草稿中的原因是{basis}分析得出的，请单位确认或改为实际原因，并补充相关数据。";
            notes.Add(new ReviewNote(ReviewNoteKinds.MissingReason, message, item.Id, item.IndicatorIndex, item.Name, Part));
        }

        notes.AddRange(PartsUnexplained(brief, items).Select(n => n with { Part = Part }));
        notes.AddRange(ReasonStrength.Judge(brief.Sheet, items).Select(n => n with { Part = Part }));
        // The stated reasons' own weaknesses (repeated, only measures) are the notes ReasonStrength gave above.
        foreach (ReviewerFinding f in ReviewerFindings.Find(brief.Sheet, policy).Where(f => !ReviewerFindingCodes.IsBoilerplate(f.Code)))
        {
            DeviationItem? about = items.FirstOrDefault(i => (f.IndicatorIndex is { } ii && i.IndicatorIndex == ii) || (f.IndicatorIndex is null && f.FundLineIndex is { } fl && i.FundLineIndex == fl));
            notes.Add(new ReviewNote(ReviewNoteKinds.ReviewerCriterion, f.Message, about?.Id, f.IndicatorIndex, f.IndicatorName ?? about?.Name, Part));
        }

        foreach (int s in final.Paragraphs.SelectMany(p => p.Sources).Distinct().Order())
        {
            SearchHit hit = brief.Sources[s - 1].Hit;
            string year = hit.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年度" : string.Empty;
            notes.Add(new ReviewNote(ReviewNoteKinds.CheckPrecedent,
                $"草稿引用了[S{s}]《{hit.Title}》{year}的表述（改写为本单位口径），请确认与本单位实际情况相符。", null, null, null, Part));
        }

        notes.AddRange(struck.Select(n => n with { Part = Part }));
        return notes;
    }

    /// <summary>
    /// A fund line below the 执行率 threshold whose stated reason speaks of some of its low parts only (筹资筹劳 explained,
    /// 县级奖补资金 at 76 % not): a note for each part the reason leaves out.
    /// </summary>
    private static IEnumerable<ReviewNote> PartsUnexplained(DraftBrief brief, List<DeviationItem> items)
    {
        var lines = brief.Evaluation.Funds.Lines;
        foreach (DeviationItem item in items.Where(i => i.Kind == DeviationKind.LowExecution && i.StatedReason is { Length: > 0 }))
        {
            var parts = LowParts(brief, item).Select(l => (Id: $"funds.lines[{l.ToString(CultureInfo.InvariantCulture)}].rate", Line: l)).ToList();
            bool Named(int line) => DraftPhrases.NamesFundLine(item.StatedReason!, lines[line].Name)
                || (SourcePrefix().Replace(lines[line].Name.Trim().Replace("财政", string.Empty, StringComparison.Ordinal).Replace("资金", string.Empty, StringComparison.Ordinal), string.Empty) is { Length: >= 2 } core && item.StatedReason!.Contains(core, StringComparison.Ordinal));
            if (!parts.Any(p => Named(p.Line)))
            {
                continue;
            }

            foreach (var (id, line) in parts.Where(p => !Named(p.Line)))
            {
                string rate = brief.Sheet.Find(id)?.Text ?? string.Empty;
                yield return new ReviewNote(ReviewNoteKinds.MissingReason,
                    $"单位对“{item.Name}”说明的原因只涉及其中部分资金，“{lines[line].Name.Trim()}”执行率{rate}的原因没有说明，请单位补充该部分资金未支出的原因和结余去向。",
                    item.Id, null, lines[line].Name.Trim());
            }
        }
    }

    /// <summary>The fund lines whose 执行率 an under-spent line's paragraph states as its low parts.</summary>
    private static IEnumerable<int> LowParts(DraftBrief brief, DeviationItem item) =>
        item.FactIds.Where(f => f.StartsWith("funds.lines[", StringComparison.Ordinal) && f.EndsWith("].rate", StringComparison.Ordinal)
                && !f.StartsWith(item.Path + ".", StringComparison.Ordinal))
            .Select(f => int.Parse(f["funds.lines[".Length..f.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture))
            .Where(l => l < brief.Evaluation.Funds.Lines.Count);

    [System.Text.RegularExpressions.GeneratedRegex("^(?:中央|省级|省|市级|市|县级|县|区级|区|村级|村|本级|其他)")]
    private static partial System.Text.RegularExpressions.Regex SourcePrefix();

    private IChatClient ChooseClient(string? requested) => model.Chooses(requested) ? model.Client! : offline;

    private static string ReasonQuery(DeviationItem item, Evaluation e) => item.Kind switch
    {
        DeviationKind.LowExecution => $"{e.Title}预算执行率偏低 资金结余 未支出的原因",
        DeviationKind.Overshoot => $"{item.Name}超额完成 完成值高于指标值的原因 目标设定偏低",
        DeviationKind.Cancelled => $"{item.Name}指标取消的原因",
        DeviationKind.Late => $"{item.Name}未按期完成 进度滞后的原因",
        _ => $"{item.Name}未完成的原因",
    };

    private static string MeasureQuery(DeviationItem item, Evaluation e) => item.Kind switch
    {
        DeviationKind.LowExecution => $"{e.Title}加快预算执行进度 资金拨付 改进措施",
        DeviationKind.Overshoot => $"{item.Name}科学合理设置绩效目标 改进措施",
        _ => $"{item.Name}下一步改进措施",
    };

    /// <summary>Renders, verifies and lists what is wrong with one draft (a model's is first cleaned of what a reviewer would strike).</summary>
    private static Attempt Check(string raw, DraftBrief brief, bool sanitize)
    {
        IReadOnlyList<ReviewNote> notes = [];
        if (sanitize)
        {
            SanitizedDraft clean = DraftSanitizer.Clean(raw, brief.Evaluation, brief.Items.Select(i => i.Item).ToList(),
                brief.Sources.ToDictionary(x => x.Number, x => x.Hit.Indicator));
            raw = ReportText.Renumber(clean.Text);
            notes = clean.Notes;
        }

        RenderedDraft draft = DraftText.Render(raw, brief.Sheet, brief.Sources.Count);
        var items = brief.Items.Select(i => i.Item).ToList();
        VerificationReport report = StatedReasonCheck.Verify(brief.Sheet, draft.Text, items);
        GateOutcome gate = DraftGate.Judge(report, draft.Text, brief.Evaluation, items);
        var complaints = gate.Mask.Select(p => p.Reason).ToList();
        complaints.AddRange(draft.UnknownFactIds.Select(id => $"事实编号 {id} 不存在，请改用列出的编号"));
        complaints.AddRange(draft.UnknownSources.Select(s => $"来源 [S{s}] 不存在，请删去或改用列出的来源"));
        var coverage = Coverage(draft, brief.Items);
        complaints.AddRange(brief.Items.Where(i => coverage[i.Item.Id].Count == 0).Select(i => $"漏写了事项 {i.Item.Id}（“{i.Item.Name}”{i.Item.Situation}）"));
        complaints.AddRange(Heaviest(draft, brief).Select(i => $"偏差最大的事项 {i.Id}（“{i.Name}”）没有说明原因，请写出具体原因"));
        return new Attempt(raw, draft, gate, complaints, notes);
    }

    /// <summary>Items not covered, and the heaviest deviations (most points lost, most money unspent) left without a reason.</summary>
    private static List<string> Unexplained(RenderedDraft draft, DraftBrief brief)
    {
        var coverage = Coverage(draft, brief.Items);
        return brief.Items.Where(i => coverage[i.Item.Id].Count == 0).Select(i => i.Item.Id)
            .Concat(Heaviest(draft, brief).Select(i => i.Id)).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<DeviationItem> Heaviest(RenderedDraft draft, DraftBrief brief)
    {
        var coverage = Coverage(draft, brief.Items);
        return DraftQuality.Heaviest(brief.Sheet, brief.Items.Select(i => i.Item).ToList())
            .Where(h => coverage[h.Id].Count > 0 && !coverage[h.Id].Any(p => CauseWords().IsMatch(draft.Paragraphs[p].Text)));
    }

    /// <summary>For each item, the paragraphs that talk about it (by name or by citing one of its facts).</summary>
    private static Dictionary<string, List<int>> Coverage(RenderedDraft draft, IReadOnlyList<BriefItem> items)
    {
        var result = items.ToDictionary(i => i.Item.Id, _ => new List<int>(), StringComparer.Ordinal);
        for (int p = 0; p < draft.Paragraphs.Count; p++)
        {
            RenderedParagraph paragraph = draft.Paragraphs[p];
            string text = TextNormalizer.Normalize(paragraph.Text);
            foreach (BriefItem bi in items)
            {
                DeviationItem item = bi.Item;
                bool named = text.Contains(TextNormalizer.Normalize(item.Name), StringComparison.Ordinal);
                bool cited = paragraph.FactIds.Any(f => f.StartsWith(item.Path + ".", StringComparison.Ordinal));
                if (named || cited)
                {
                    result[item.Id].Add(p);
                }
            }
        }

        return result;
    }

    private static string FactList(FactSheet sheet, IReadOnlyList<DeviationItem> items)
    {
        var wanted = new HashSet<string>(items.SelectMany(i => i.FactIds), StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (Fact f in sheet.Facts)
        {
            bool relevant = wanted.Contains(f.Id)
                || f.Id is "total" or "totalLost" or "count.short" or "count.exceeded" or "count.indicators"
                || (f.FundLineIndex == 0 && f.Id.EndsWith(".rate", StringComparison.Ordinal))
                || items.Any(i => f.Id.StartsWith(i.Path + ".", StringComparison.Ordinal));
            if (relevant)
            {
                sb.Append("- ").Append(f.Id).Append('：').Append(f.Label).Append(" = ").Append(f.Text).Append('\n');
            }
        }

        return sb.Length == 0 ? "（无）\n" : sb.ToString();
    }

    private static string ItemList(DraftBrief brief)
    {
        if (brief.Items.Count == 0)
        {
            return "（无：各项指标均已完成，执行率达到要求）";
        }

        var sb = new StringBuilder();
        foreach (BriefItem bi in brief.Items)
        {
            DeviationItem i = bi.Item;
            sb.Append("- ").Append(i.Id).Append('【').Append(i.Situation).Append("】").Append(i.Name);
            if (i.Level1 is not null || i.Level2 is not null)
            {
                sb.Append('（').Append(string.Join("/", new[] { i.Level1, i.Level2 }.Where(x => !string.IsNullOrWhiteSpace(x)))).Append('）');
            }

            if (i.IndicatorIndex is { } ix)
            {
                IndicatorResult r = brief.Sheet.Report.Indicators[ix];
                sb.Append("；指标值“").Append(r.Target.Text.Trim()).Append("”，完成值“").Append(r.Actual.Text.Trim()).Append('”');
            }

            sb.Append("；可引用的事实：").Append(i.FactIds.Count == 0 ? "无" : string.Join("、", i.FactIds));
            sb.Append("；单位填报的偏差原因：").Append(i.StatedReason ?? "未填写");
            if (bi.ReasonSources.Count > 0)
            {
                sb.Append("；相似原因见 ").Append(string.Join("", bi.ReasonSources.Select(DraftText.Cite)));
            }

            if (bi.MeasureSources.Count > 0)
            {
                sb.Append("；相似措施见 ").Append(string.Join("", bi.MeasureSources.Select(DraftText.Cite)));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string SourceList(DraftBrief brief)
    {
        if (brief.Sources.Count == 0)
        {
            return "（语料库中没有找到相似段落）";
        }

        var sb = new StringBuilder();
        foreach (DraftSource s in brief.Sources)
        {
            SearchHit h = s.Hit;
            sb.Append(DraftText.Cite(s.Number)).Append(" 《").Append(h.Title).Append("》");
            if (h.Year is { } y)
            {
                sb.Append(y.ToString(CultureInfo.InvariantCulture)).Append("年度");
            }

            sb.Append(" · ").Append(h.SectionPath);
            if (h.Indicator is { } ind)
            {
                sb.Append(" · 指标：").Append(ind);
            }

            sb.Append("：").Append(h.Text.Replace('\n', ' ')).Append('\n');
        }

        return sb.ToString();
    }

    public static CitationDto Citation(DraftSource s) =>
        new(s.Number, s.Hit.DocumentId, s.Hit.Title, s.Hit.Region, s.Hit.Year, s.Hit.Section, s.Hit.SectionPath, s.Hit.PassageId,
            s.Hit.Text.Length > 160 ? s.Hit.Text[..160] + "…" : s.Hit.Text, s.Hit.Indicator);

    private static string Shorten(string message) => message.Length > 300 ? message[..300] + "…" : message;

    private sealed record Attempt(string Raw, RenderedDraft Draft, GateOutcome Gate, List<string> Complaints, IReadOnlyList<ReviewNote> Notes);

    [System.Text.RegularExpressions.GeneratedRegex(@"原因|由于|因为|受[^，。]{1,20}影响|导致|所致|造成")]
    private static partial System.Text.RegularExpressions.Regex CauseWords();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Provider}:{Model} failed ({ErrorType}: {Error}); falling back to the offline drafter")]
    private static partial void LogFallback(ILogger logger, string provider, string model, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drafted {Section}: {Items} items by {Provider}:{Model}, {Status}, {Repairs} repairs, {Masked} masked, {Uncovered} uncovered, fallback {Fallback}, {ElapsedMs} ms")]
    private static partial void LogDrafted(ILogger logger, string section, int items, string provider, string model, string status, int repairs, int masked, int uncovered, bool fallback, long elapsedMs);
}
