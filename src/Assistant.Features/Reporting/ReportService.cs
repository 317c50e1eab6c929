using System.Diagnostics;
using System.Globalization;
using System.Text;
using Assistant.Domain.Corpus;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Orchestration;
using Microsoft.SemanticKernel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Assistant.Features.Reporting;

/// <summary>
/// The whole 绩效自评报告. Parts 一/二/四/五 are composed from the facts (offline) or written by the model
/// from that composition, on section 三's path: numbers as fact references rendered by code, the verifier,
/// at most two repair rounds, whatever is still unverified taken out; part 三 comes from the deviation
/// drafter. Every part's text is then cleaned of notes to the unit (they go beside it), and verified once
/// more as it will be submitted. An edited part is verified the same way and kept as the staff wrote it.
/// </summary>
public sealed partial class ReportService(CorpusSearch search, DraftingModel model, DraftingService drafting, AssistantKernel kernels, ILogger<ReportService> logger)
{
    private const int ManagementSources = 3;
    private const string EditCheck = "修改稿中";

    public async Task<ReportDraft> DraftAsync(Evaluation evaluation, ReportRequest request, ReportDraft? previous = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        ScoringPolicy policy = EvaluationService.ResolvePolicy(request.Policy);
        bool useModel = model.Chooses(request.Provider);
        string? only = request.Part is null ? null : ReportRequests.ParsePart(request.Part);
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(evaluation, policy));

        var parts = new List<ReportPartDto>();
        foreach (ReportPartInfo info in ReportParts.All)
        {
            // One part asked: only that part is drafted; the others stay as they were (or absent, when nothing was drafted yet).
            if (only is not null && info.Key != only)
            {
                if (previous?.Part(info.Key) is { } kept)
                {
                    parts.Add(kept);
                }

                continue;
            }

            parts.Add(info.Key == ReportParts.Deviation
                ? await DeviationAsync(evaluation, request, policy, sheet, cancellationToken)
                : await PartAsync(info, sheet, policy, useModel, request.SourcesPerItem, cancellationToken));
        }

        ScoreReport score = sheet.Report;
        var draft = new ReportDraft(evaluation.Title, evaluation.Year, evaluation.Region, evaluation.Kind == EvaluationKind.Project ? "project" : "transfer", policy.Name,
            score.TotalRounded?.ToString("0.00", CultureInfo.InvariantCulture), score.Grade, ReportDraft.StatusOf(parts), parts);
        LogReport(logger, only ?? "all", draft.Status, useModel, clock.ElapsedMilliseconds);
        return draft;
    }

    /// <summary>An edited part: its text as written (the heading restored if it was removed), verified again, its problems as notes.</summary>
    public static ReportPartDto Edit(Evaluation evaluation, string? policyName, string partKey, string text, string editedBy, DateTimeOffset editedAt, ReportPartDto? previous = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(text);
        ReportPartInfo info = ReportParts.Get(ReportRequests.ParsePart(partKey));
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(evaluation, EvaluationService.ResolvePolicy(policyName)));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new InputException("text", "修改后的正文不能为空。", "The edited text must not be empty.");
        }

        // The heading is restored when it was removed; a part the unit wrote itself keeps the shape it came in (a title line before its heading, or none).
        bool headed = previous is null || previous.Text.StartsWith(info.Numeral + "、", StringComparison.Ordinal);
        if (headed && !lines[0].StartsWith(info.Numeral + "、", StringComparison.Ordinal))
        {
            lines.Insert(0, info.Heading);
        }

        string body = DraftText.Render(string.Join('\n', lines), sheet, 0).Text;
        VerificationReport report = Verifier.Verify(sheet, body);
        // The drafted part's notes still stand (what the unit must supply); the last edit's checks are replaced.
        var notes = (previous?.Notes ?? []).Where(n => !n.Message.StartsWith(EditCheck, StringComparison.Ordinal) && !n.Message.StartsWith(ReportImport.Check, StringComparison.Ordinal)).ToList();
        notes.AddRange(DraftText.Problems(report).Select(p => new ReviewNoteDto(ReviewNoteKinds.Supply, EditCheck + p.Reason + "，请核对。", null, null, null, info.Numeral)));
        if (!ReportText.IsSubmittable(body))
        {
            notes.Add(new ReviewNoteDto(ReviewNoteKinds.Supply, EditCheck + "含有【待核实】、占位符或写给单位的提示语，提交前请删去。", null, null, null, info.Numeral));
        }

        string status = report.IsClean && ReportText.IsSubmittable(body) ? DraftResult.Verified : DraftResult.NeedsReview;
        // A part under the unit's own heading (its report came with its table) keeps it, as the edited text prints it.
        string heading = previous is not null && previous.Heading != info.Heading
            ? lines.FirstOrDefault(l => l.StartsWith(info.Numeral + "、", StringComparison.Ordinal)) ?? previous.Heading
            : info.Heading;
        return new ReportPartDto(info.Key, heading, status, body, notes, [], PartVerificationDto.From(report), [],
            new ModelDto("staff", editedBy, null), new PromptDto("edit", "1"), 0, ReportPartDto.Edited, editedBy, editedAt);
    }

    private async Task<ReportPartDto> DeviationAsync(Evaluation evaluation, ReportRequest request, ScoringPolicy policy, FactSheet sheet, CancellationToken cancellationToken)
    {
        DraftResult d = await drafting.DraftAsync(evaluation, new DraftRequest(DraftSection.Deviation, policy.Name, request.Provider, request.SourcesPerItem), null, cancellationToken);
        ReportPartInfo info = ReportParts.Get(ReportParts.Deviation);
        var notes = d.Notes.ToList();
        notes.AddRange(d.Items.Where(i => !i.Covered).Select(i => new ReviewNoteDto(ReviewNoteKinds.Supply, $"“{i.Name}”需要在本部分说明，草稿未写到，请补写。", null, i.IndicatorIndex, i.Name, info.Numeral)));
        return Finish(info, d.Text, sheet, notes, d.Masked, d.Sources, d.Model, d.Prompt, d.Repairs, quoted: DeviationItems.Find(sheet, policy, lowParts: true));
    }

    private async Task<ReportPartDto> PartAsync(ReportPartInfo info, FactSheet sheet, ScoringPolicy policy, bool useModel, int sourcesPerItem, CancellationToken cancellationToken)
    {
        var hits = info.Key == ReportParts.Performance && sourcesPerItem > 0
            ? (await search.SearchAsync(new SearchRequest($"{sheet.Evaluation.Title}资金管理情况 分配科学性 下达及时性 拨付合规性 使用规范性", Math.Min(ManagementSources, sourcesPerItem) + 5, SectionKind.Management), cancellationToken)).Hits
                // Another sector's practice (补贴资金通过社保卡发放 of an employment fund) is no precedent for a health table's management.
                .Where(h => !PrecedentFit.OtherSector(h.Title, sheet.Evaluation) && !PrecedentFit.IsSelf(h.Title, h.Region, h.Year, sheet.Evaluation))
                .Take(Math.Min(ManagementSources, sourcesPerItem)).ToList()
            : [];
        var sources = hits.Select((h, i) => new DraftSource(i + 1, h)).ToList();
        var precedents = sources.Select(s => new ReportPrecedent(s.Number, s.Hit.Title, s.Hit.SectionPath, s.Hit.Text)).ToList();
        ComposedPart composed = ReportComposer.Compose(info.Key, sheet, precedents, policy);
        var notes = composed.Notes.Select(ReviewNoteDto.From).ToList();
        var citations = sources.Select(DraftingService.Citation).ToList();

        if (!useModel)
        {
            return Finish(info, composed.Draft, sheet, notes, [], citations, new ModelDto("offline", "report-composer", null), new PromptDto("report-composer", "1"), 0, sources.Count);
        }

        IChatClient client = model.Client!;
        (string provider, string modelId) = client.Describe();
        PromptTemplate prompt = PromptLibrary.Embedded[PromptLibrary.ReportPart];
        string facts = FactList(sheet, composed.Draft);
        Kernel kernel = kernels.Create(new AuditLog(new AuditScope()) { Model = (provider, modelId) });
        ChatOptions options = prompt.ChatOptions() ?? new ChatOptions();
        var first = new List<ChatMessage>
        {
            new(ChatRole.System, prompt.System),
            new(ChatRole.User, await prompt.RenderAsync(kernel, new Dictionary<string, string>
            {
                ["title"] = sheet.Evaluation.Title,
                ["year"] = sheet.Evaluation.Year?.ToString(CultureInfo.InvariantCulture) ?? "本",
                ["region"] = sheet.Evaluation.Region ?? "本地区",
                ["heading"] = info.Heading,
                ["outline"] = composed.Draft,
                ["facts"] = facts,
                ["sources"] = SourceList(sources),
            })),
        };

        try
        {
            string raw = (await client.GetResponseAsync(first, options, cancellationToken)).Text;
            Attempt best = Check(raw, sheet, sources.Count, info.Key);
            int repairs = 0;
            PromptTemplate repair = PromptLibrary.Embedded[PromptLibrary.Repair];
            while (best.Complaints.Count > 0 && repairs < DraftingService.MaxRepairRounds)
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
                    })),
                };
                Attempt next = Check((await client.GetResponseAsync(messages, options, cancellationToken)).Text, sheet, sources.Count, info.Key);
                if (next.Complaints.Count <= best.Complaints.Count)
                {
                    best = next;
                }
            }

            if (best.Omitted.Count > 0)
            {
                // A model that leaves indicators out is not trusted with the part: the composition stands.
                notes.Add(new ReviewNoteDto(ReviewNoteKinds.Supply, $"模型稿漏写了{string.Join("、", best.Omitted)}，本部分采用按自评表逐项生成的稿子。", null, null, null, info.Numeral));
                return Finish(info, composed.Draft, sheet, notes, [], citations, new ModelDto(provider, modelId, null), new PromptDto(prompt.Name, prompt.Version), repairs, sources.Count);
            }

            (RenderedDraft masked, IReadOnlyList<MaskedSpan> spans) = DraftText.Mask(best.Draft, best.Report);
            return Finish(info, masked.Text, sheet, notes, spans.Select(m => new MaskedDto(m.Paragraph, m.Original, m.Reason)).ToList(), citations,
                new ModelDto(provider, modelId, null), new PromptDto(prompt.Name, prompt.Version), repairs, 0);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not InputException)
        {
            LogFallback(logger, info.Key, provider, modelId, e.GetType().Name);
            return Finish(info, composed.Draft, sheet, notes, [], citations,
                new ModelDto("offline", "report-composer", new FallbackDto(provider, modelId, $"{e.GetType().Name}: {Shorten(e.Message)}")), new PromptDto("report-composer", "1"), 0, sources.Count);
        }
    }

    /// <summary>Renders (when the text still holds references), takes notes and unverifiable sentences out, verifies what remains.</summary>
    private static ReportPartDto Finish(ReportPartInfo info, string text, FactSheet sheet, List<ReviewNoteDto> notes, IReadOnlyList<MaskedDto> masked,
        IReadOnlyList<CitationDto> sources, ModelDto model, PromptDto prompt, int repairs, int sourceCount = 0, IReadOnlyList<DeviationItem>? quoted = null)
    {
        string rendered = DraftText.Render(text, sheet, Math.Max(sourceCount, sources.Count)).Text;
        (string clean, IReadOnlyList<ReviewNote> moved) = ReportText.Clean(rendered, info.Numeral);
        notes.AddRange(moved.Select(ReviewNoteDto.From));
        if (!clean.StartsWith(info.Heading, StringComparison.Ordinal))
        {
            clean = info.Heading + "\n" + clean;
        }

        // Part 三 quotes the unit's stated reasons: their numbers are judged as the drafter judged them.
        VerificationReport report = quoted is null ? Verifier.Verify(sheet, clean) : StatedReasonCheck.Verify(sheet, clean, quoted);
        bool checkedOut = quoted is null ? report.IsClean : DraftGate.Judge(report, clean, sheet.Evaluation, quoted).IsClean;
        bool ok = checkedOut && masked.Count == 0 && !notes.Any(n => n.Kind == ReviewNoteKinds.Supply && n.Message.StartsWith("以下句子", StringComparison.Ordinal));
        return new ReportPartDto(info.Key, info.Heading, ok ? DraftResult.Verified : DraftResult.NeedsReview, clean,
            notes.DistinctBy(n => n.Message).ToList(), masked, PartVerificationDto.From(report), sources, model, prompt, repairs, ReportPartDto.Drafted);
    }

    private static Attempt Check(string raw, FactSheet sheet, int sourceCount, string key)
    {
        RenderedDraft draft = DraftText.Render(raw, sheet, sourceCount);
        VerificationReport report = Verifier.Verify(sheet, draft.Text);
        var complaints = DraftText.Problems(report).Select(p => p.Reason).ToList();
        complaints.AddRange(draft.UnknownFactIds.Select(id => $"事实编号 {id} 不存在，请改用列出的编号"));
        complaints.AddRange(draft.UnknownSources.Select(s => $"来源 [S{s}] 不存在，请删去或改用列出的来源"));
        var omitted = new List<string>();
        if (key == ReportParts.Performance)
        {
            string text = Assistant.Domain.Numbers.TextNormalizer.Normalize(draft.Text);
            omitted.AddRange(sheet.Evaluation.Indicators.Select(i => i.Name.Trim()).Where(n => !text.Contains(Assistant.Domain.Numbers.TextNormalizer.Normalize(n), StringComparison.Ordinal)).Select(n => $"“{n}”"));
            complaints.AddRange(omitted.Select(n => $"漏写了指标{n}，请在（四）中补写"));
        }

        return new Attempt(raw, draft, report, complaints, omitted);
    }

    private static string FactList(FactSheet sheet, string outline)
    {
        var sb = new StringBuilder();
        foreach (Fact f in sheet.Facts.Where(f => outline.Contains(DraftText.Ref(f.Id), StringComparison.Ordinal) || f.Id is "total" or "count.indicators"))
        {
            sb.Append("- ").Append(f.Id).Append('：').Append(f.Label).Append(" = ").Append(f.Text).Append('\n');
        }

        return sb.Length == 0 ? "（无）\n" : sb.ToString();
    }

    private static string SourceList(IReadOnlyList<DraftSource> sources) => sources.Count == 0
        ? "（语料库中没有找到相似段落）"
        : string.Concat(sources.Select(s => $"{DraftText.Cite(s.Number)} 《{s.Hit.Title}》 · {s.Hit.SectionPath}：{s.Hit.Text.Replace('\n', ' ')}\n"));

    private static string Shorten(string message) => message.Length > 300 ? message[..300] + "…" : message;

    private sealed record Attempt(string Raw, RenderedDraft Draft, VerificationReport Report, List<string> Complaints, List<string> Omitted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report part {Part}: model {Provider}:{Model} failed ({ErrorType}); the offline composition stands")]
    private static partial void LogFallback(ILogger logger, string part, string provider, string model, string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report drafted ({Part}): {Status}, model {UsedModel}, {ElapsedMs} ms")]
    private static partial void LogReport(ILogger logger, string part, string status, bool usedModel, long elapsedMs);
}
