using Assistant.Domain.Cells;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Conversation;

/// <summary>The calculator's trace of one indicator, in the terms a reviewer checks.</summary>
public sealed record IndicatorTrace(
    int Index,
    string Name,
    string? Level1,
    string? Level2,
    string Rule,
    string RuleText,
    string Status,
    string StatusText,
    string Target,
    string Actual,
    decimal? Weight,
    decimal? Score,
    decimal? Lost,
    decimal? Completion,
    decimal? Gap,
    string? GapUnit,
    string Computation);

/// <summary>Something in a text about the table that the table refutes.</summary>
public sealed record Contradiction(string Source, string Text, string? FactId, string Note);

/// <summary>
/// Why one indicator stands where it does: the trace, the reason the unit stated (or the finding that
/// none was given), findings on the row, contradictions between texts and the table, and the item
/// section 三 must explain (if any).
/// </summary>
public sealed record IndicatorExplanation(
    IndicatorTrace Trace,
    string? Kind,
    string? Situation,
    string? StatedReason,
    string? ReasonFinding,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Contradiction> Contradictions,
    IReadOnlyList<string> FactIds)
{
    /// <summary>Whether the row lost points or fell short (what a reviewer asks about).</summary>
    public bool FellShort => Trace.Status == "short" || Trace.Lost is > 0m;
}

/// <summary>Builds <see cref="IndicatorExplanation"/>s from a fact sheet; pure.</summary>
public static class IndicatorExplainer
{
    /// <summary>
    /// Explains indicator <paramref name="index"/>. <paramref name="texts"/> are report texts about the
    /// table (drafts, the report's narrative) as (source label, text); each is verified and whatever it
    /// says that the table refutes about this indicator is a contradiction. The row's own 偏差原因 is
    /// always checked.
    /// </summary>
    public static IndicatorExplanation Explain(FactSheet sheet, int index, IEnumerable<(string Source, string Text)>? texts = null, ScoringPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (index < 0 || index >= sheet.Report.Indicators.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The table has {sheet.Report.Indicators.Count} indicators.");
        }

        IndicatorResult r = sheet.Report.Indicators[index];
        Indicator ind = sheet.Evaluation.Indicators[index];
        string path = $"indicators[{index}]";
        // Session 43: what the printed 得分 leaves of the 分值 (FactBuilder.Lost), so the trace's 得分 and 扣分 add up as printed.
        decimal? lost = r.Weight is { } w && r.Score is { } s ? FactBuilder.Lost(w, s)?.Value : null;
        var trace = new IndicatorTrace(
            index, ind.Name.Trim(), ind.Level1, ind.Level2,
            r.Rule.ToContract(), RuleText(r), r.Status.ToContract(), r.Status.ToChinese(),
            r.Target.Text.Trim(), r.Actual.Text.Trim(),
            r.Weight, r.Score, lost, r.Completion, r.Gap, r.GapUnit, r.Trace);

        DeviationItem? item = DeviationItems.Find(sheet, policy).FirstOrDefault(i => i.IndicatorIndex == index);
        string? stated = item?.StatedReason ?? DeviationItems.Clean(ind.DeviationNote);
        string? reasonFinding = null;
        if (stated is null && (item is not null || r.Status == IndicatorStatus.Short))
        {
            reasonFinding = item?.Kind == DeviationKind.Overshoot
                ? "单位未说明超额完成的原因（第十二条：完成值高于指标值较多的要分析原因）。"
                : "单位未填写偏差原因。";
        }

        var findings = sheet.Report.Findings
            .Where(f => f.Path == path || f.Path.StartsWith(path + ".", StringComparison.Ordinal))
            .ToList();

        var contradictions = new List<Contradiction>();
        var verifier = new Verifier(sheet);
        var all = new List<(string Source, string Text)>();
        if (Review.ReasonText.IsGiven(ind.DeviationNote))
        {
            // The note speaks of its own row: checked as a clause that names the indicator.
            all.Add(("偏差原因", $"{ind.Name.Trim()}：{ind.DeviationNote.Trim()}"));
        }

        all.AddRange(texts ?? []);
        foreach (var (source, text) in all)
        {
            VerificationReport report = verifier.Verify(text);
            bool own = source == "偏差原因";
            foreach (CheckedMention m in report.Mentions.Where(m => m.Verdict == Verdict.Contradicted && (own || About(m.FactId, path))))
            {
                contradictions.Add(new Contradiction(source, Around(text, m.Mention.Start, m.Mention.Length), m.FactId, m.Note ?? $"与{report.Describe(m.FactId)}不符"));
            }

            foreach (CheckedClaim c in report.Claims.Where(c => c.Verdict == Verdict.Contradicted && (own || About(c.FactId, path))))
            {
                contradictions.Add(new Contradiction(source, Around(text, c.Start, c.Length), c.FactId, c.Note ?? "与表中情况不符"));
            }
        }

        var factIds = sheet.Facts.Where(f => f.IndicatorIndex == index).Select(f => f.Id).ToList();
        return new IndicatorExplanation(trace, item?.KindName, item?.Situation, stated, reasonFinding, findings, contradictions, factIds);
    }

    /// <summary>The indices of the rows a reviewer would ask about: short of target or below full marks.</summary>
    public static IReadOnlyList<int> ShortRows(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Report.Indicators
            .Where(r => r.Status == IndicatorStatus.Short || (r.Weight is { } w && r.Score is { } s && s < w))
            .Select(r => r.Index)
            .ToList();
    }

    /// <summary>The rule applied to the row: for a missed deadline, whether the printed score was kept in its band or the late rule set it.</summary>
    public static string RuleText(IndicatorResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (!r.IsLate && r.Rule == IndicatorRule.Qualitative && Calculator.IsWeaker(r.Target, r.Actual))
        {
            // 初步建立 against 进一步完善 (session 40): as the trace and the chat's 计分 line say.
            return r.Score is { } sc && r.Weight is { } wt && sc < wt
                ? "定性指标：完成值弱于指标值，按表中评定的分数计分"
                : "定性指标：完成值弱于指标值，表中没有评价等级，暂按“达成”档计分，须复核";
        }

        if (!r.IsLate || r.Band is not { } band)
        {
            return RuleText(r.Rule);
        }

        return r.LateRule
            ? $"时效指标未按期完成：表中没有评价等级，按时效指标逾期的评分规则计入“{band.ToChinese()}”档"
            : r.BandDefault
                ? $"时效指标未按期完成：按“{band.ToChinese()}”档的默认比例计分"
                : $"时效指标未按期完成：表中评定的得分在“{band.ToChinese()}”档内，保留表中评分（按定性指标分档，没有另按逾期规则改分）";
    }

    /// <summary>The rule in Chinese, as the policy states it.</summary>
    public static string RuleText(IndicatorRule rule) => rule switch
    {
        IndicatorRule.Positive => "正向指标：完成值 ÷ 指标值 × 分值，超过指标值得满分",
        IndicatorRule.Reverse => "反向指标：不高于指标值得满分，超出部分按偏离度扣分",
        IndicatorRule.Zero => "指标值为0：完成值不超过指标值得满分，否则不得分",
        IndicatorRule.Qualitative => "定性指标：达成得满分，部分达成按80%–60%，未达成按60%–0计分",
        IndicatorRule.Restated => "完成值重述指标值，视为达成",
        IndicatorRule.Cancelled => "指标已取消，不计分",
        _ => "无法按规则计分",
    };

    private static bool About(string? factId, string path) =>
        factId is not null && (factId == path || factId.StartsWith(path + ".", StringComparison.Ordinal));

    private static string Around(string text, int start, int length)
    {
        int from = start, to = start + length;
        while (from > 0 && !IsStop(text[from - 1]))
        {
            from--;
        }

        while (to < text.Length && !IsStop(text[to]))
        {
            to++;
        }

        string clause = text[from..to].Trim();
        return clause.Length > 120 ? clause[..120] + "…" : clause;

        static bool IsStop(char c) => c is '。' or '；' or '！' or '？' or '\n' or ';';
    }
}
