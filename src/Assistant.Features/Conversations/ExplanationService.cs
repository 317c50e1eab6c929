using Assistant.Domain.Conversation;
using Assistant.Domain.Corpus;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;

namespace Assistant.Features.Conversations;

/// <summary>Builds explanations for stored evaluations: pure calculator work plus a corpus search for similar cases.</summary>
public sealed class ExplanationService(RecordStore records, CorpusSearch search)
{
    public const int MaxCases = 10;

    /// <summary>The explanation of row <paramref name="index"/> of a stored evaluation of the unit itself.</summary>
    public Task<ExplanationResponse?> ExplainAsync(string unit, Guid evaluationId, int index, int cases, CancellationToken cancellationToken = default) =>
        ExplainAsync(Units.UnitScope.Own(unit), evaluationId, index, cases, cancellationToken);

    /// <summary>
    /// The explanation of row <paramref name="index"/> of a stored evaluation the scope reads (the same rule as
    /// <c>GET /evaluations/{id}</c>: a parent unit's reviewer reads its units' tables); null when the scope does not
    /// cover the evaluation; an <see cref="InputException"/> naming <c>index</c> and its range when it has no such row.
    /// </summary>
    public async Task<ExplanationResponse?> ExplainAsync(Units.UnitScope scope, Guid evaluationId, int index, int cases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        StoredEvaluation? stored = await records.GetEvaluationAsync(scope, evaluationId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        Evaluation evaluation = EvaluationJson.Parse(stored.Body);
        if (index < 0 || index >= evaluation.Indicators.Count)
        {
            // The evaluation exists: the row number is what is wrong, so name it and its range.
            int n = evaluation.Indicators.Count;
            throw new InputException("index", n == 0
                    ? $"该自评表没有绩效指标，index {index}无对应的行"
                    : $"index应在0到{n - 1}之间（该自评表共{n}行绩效指标），收到{index}",
                n == 0
                    ? $"the evaluation has no indicators; index {index} has no row"
                    : $"index must be between 0 and {n - 1} (the evaluation has {n} indicator rows); received {index}");
        }

        IReadOnlyList<(string Source, string Text)> texts = await DraftTextsAsync(scope, evaluationId, cancellationToken);
        ScoringPolicy policy = EvaluationService.ResolvePolicy(stored.Policy);
        FactSheet sheet = FactSheet.Build(evaluation, policy);
        return await ExplainAsync(evaluationId, sheet, index, texts, cases, policy, cancellationToken);
    }

    /// <summary>The report texts about a stored evaluation: the latest stored draft of each section, labelled.</summary>
    public Task<IReadOnlyList<(string Source, string Text)>> DraftTextsAsync(string unit, Guid evaluationId, CancellationToken cancellationToken = default) =>
        DraftTextsAsync(Units.UnitScope.Own(unit), evaluationId, cancellationToken);

    /// <summary>The report texts about a stored evaluation the scope reads (its own unit's drafts or a unit beneath).</summary>
    public async Task<IReadOnlyList<(string Source, string Text)>> DraftTextsAsync(Units.UnitScope scope, Guid evaluationId, CancellationToken cancellationToken = default)
    {
        var texts = new List<(string Source, string Text)>();
        foreach (var latest in (await records.ListDraftsAsync(scope, evaluationId, cancellationToken)).GroupBy(d => d.Section).Select(g => g.MaxBy(d => d.Version)!))
        {
            if (await records.GetDraftAsync(scope, latest.Id, cancellationToken) is { } draft)
            {
                texts.Add(($"草稿 {draft.Section} 第{draft.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}版", draft.Result.Text));
            }
        }

        return texts;
    }

    /// <summary>The explanation of one row of a scored sheet, with up to <paramref name="cases"/> similar past cases.</summary>
    public async Task<ExplanationResponse> ExplainAsync(Guid evaluationId, FactSheet sheet, int index, IReadOnlyList<(string Source, string Text)> texts, int cases, ScoringPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        IndicatorExplanation e = IndicatorExplainer.Explain(sheet, index, texts, policy);
        var similar = new List<CitationDto>();
        int k = Math.Clamp(cases, 0, MaxCases);
        // Similar past cases only for a row that has something to explain (a met row has no 往年情况 to compare), and
        // only of this table's sector: an employment fund's report is no precedent for a 孕产妇死亡率 (probe 33 chat #14).
        if (k > 0 && e.Kind is not null)
        {
            string query = e.Kind == "overshoot"
                ? $"{e.Trace.Name}超额完成 完成值高于指标值的原因"
                : $"{e.Trace.Name}未完成的原因";
            // The report's own table or text (same unit and year) is never its own similar case.
            SearchResponse found = await search.SearchAsync(new SearchRequest(query, Math.Min(k + 5, 20), SectionKind.DeviationReason), cancellationToken);
            // One case per document: two passages of one report are one precedent, not two (probe 34 chat #16).
            similar.AddRange(found.Hits.Where(h => !PrecedentFit.IsSelf(h.Title, h.Region, h.Year, sheet.Evaluation) && !PrecedentFit.OtherSector(h.Title, sheet.Evaluation))
                .DistinctBy(h => (h.Title, h.Region, h.Year)).Take(k)
                .Select((h, i) => DraftingService.Citation(new DraftSource(i + 1, h))));
        }

        return ToResponse(evaluationId, sheet, e, similar, texts.Select(t => t.Source).ToList());
    }

    public static ExplanationResponse ToResponse(Guid evaluationId, FactSheet sheet, IndicatorExplanation e, IReadOnlyList<CitationDto> similar, IReadOnlyList<string> textsChecked)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(e);
        IndicatorTrace t = e.Trace;
        var trace = new TraceDto(t.Index, t.Name, t.Level1, t.Level2, t.Rule, t.RuleText, t.Status, t.StatusText, t.Target, t.Actual,
            Num(t.Weight), Num(t.Score, 2), Num(t.Lost, 2), Num(t.Completion, 4), t.Completion is { } c ? PrintedNumber.Format(c * 100m, 2) + "%" : null,
            Num(t.Gap), t.GapUnit, t.Computation);
        return new ExplanationResponse(
            evaluationId, t.Index, e.FellShort, trace, e.Kind, e.Situation, e.StatedReason, e.ReasonFinding,
            e.Findings.Select(ScoreContract.ToDto).ToList(),
            e.Contradictions.Select(x => new ContradictionDto(x.Source, x.Text, x.FactId, x.Note)).ToList(),
            similar,
            e.FactIds.Select(id => sheet.Find(id)!).Select(f => new FactDto(f.Id, f.Label, f.Text)).ToList(),
            textsChecked);
    }

    private static string? Num(decimal? value, int? decimals = null) =>
        value is not { } v ? null : decimals is { } d ? PrintedNumber.Format(v, d) : PrintedNumber.FormatTrimmed(v);
}
