using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Drafting;

/// <summary>Why an item belongs in section 三.</summary>
public enum DeviationKind
{
    /// <summary>A quantitative indicator short of its target.</summary>
    Shortfall,

    /// <summary>At or above the policy's over-achievement threshold (第十二条: 完成值高于指标值较多的要分析原因).</summary>
    Overshoot,

    /// <summary>A fund line whose 执行率 is below the policy threshold.</summary>
    LowExecution,

    /// <summary>A qualitative result weaker than its target (效果良好 against 效果显著).</summary>
    QualitativeWeaker,

    /// <summary>An indicator cancelled during the year (指标已取消).</summary>
    Cancelled,

    /// <summary>A deadline missed (时效指标, 未按期完成): completed after its 指标值's date, or said to be late.</summary>
    Late,
}

/// <summary>
/// One thing section 三 must explain: an indicator or fund line, why it needs explaining, the facts a
/// paragraph about it may cite, and the reason the unit stated in the table (if any).
/// </summary>
public sealed record DeviationItem(
    string Id,
    DeviationKind Kind,
    string Name,
    int? IndicatorIndex,
    int? FundLineIndex,
    string? Level1,
    string? Level2,
    string? StatedReason,
    IReadOnlyList<string> FactIds)
{
    /// <summary>The contract name of <see cref="Kind"/>.</summary>
    public string KindName => Kind switch
    {
        DeviationKind.Shortfall => "shortfall",
        DeviationKind.Overshoot => "overshoot",
        DeviationKind.LowExecution => "low-execution",
        DeviationKind.QualitativeWeaker => "qualitative-weaker",
        DeviationKind.Late => "late",
        _ => "cancelled",
    };

    /// <summary>
    /// A row held under a limit that it exceeded: <see cref="IndicatorRule.Reverse"/> (≤ a ceiling) or <see cref="IndicatorRule.Zero"/>
    /// (a target of 0, 因病致贫返贫户数 0户); null for any other item. What it counts happened: it is no task left undone.
    /// </summary>
    public IndicatorRule? Limit { get; init; }

    /// <summary>What happened, in the words a report uses (no numbers).</summary>
    public string Situation => Kind switch
    {
        DeviationKind.Shortfall when Limit == IndicatorRule.Zero => "超出年度指标值",
        DeviationKind.Shortfall when Limit == IndicatorRule.Reverse => "超出年度控制标准",
        DeviationKind.Shortfall => "未完成年度指标值",
        DeviationKind.Overshoot => "完成值高于指标值较多",
        DeviationKind.LowExecution => "预算执行率偏低",
        DeviationKind.QualitativeWeaker => "实际效果弱于年度目标",
        DeviationKind.Late => "未按期完成",
        _ => "年度内指标已取消",
    };

    /// <summary>The fact path prefix of the row this item is about (<c>indicators[3]</c> or <c>funds.lines[0]</c>).</summary>
    public string Path => IndicatorIndex is { } i ? $"indicators[{i}]" : $"funds.lines[{FundLineIndex}]";
}

/// <summary>Finds what section 三 must explain, in table order: the fund lines first, then the indicators.</summary>
public static partial class DeviationItems
{
    /// <param name="sheet">The table's facts and score.</param>
    /// <param name="policy">The scoring policy (its 执行率 threshold); the default when null.</param>
    /// <param name="lowParts">
    /// Also a part of the funds (上年结转, 地方资金, 其他资金) below the threshold when the total is not: a
    /// reviewer asks about a 25 % line even when the total reaches 91 %.
    /// </param>
    public static IReadOnlyList<DeviationItem> Find(FactSheet sheet, ScoringPolicy? policy = null, bool lowParts = false)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        policy ??= ScoringPolicy.Default;
        var items = new List<DeviationItem>();
        Evaluation e = sheet.Evaluation;
        var factIds = sheet.Facts.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

        List<string> Present(string prefix, params string[] names) =>
            names.Select(n => $"{prefix}.{n}").Where(factIds.Contains).ToList();

        // 执行率: the root line (年度资金总额) when it is low, with every low part cited in the same paragraph.
        foreach (FundLineResult root in sheet.Report.Funds.Where(f => f.IsRoot && f.Rate is { } r && r < policy.LowExecutionThreshold))
        {
            FundLine line = e.Funds.Lines[root.Index];
            var ids = Present($"funds.lines[{root.Index}]", "budget", "executed", "rate", "balance", "score");
            foreach (FundLineResult part in sheet.Report.Funds.Where(f => !f.IsRoot && f.Rate is { } pr && pr < policy.LowExecutionThreshold
                && string.Equals(f.Parent?.Trim(), line.Name.Trim(), StringComparison.Ordinal)))
            {
                ids.AddRange(Present($"funds.lines[{part.Index}]", "budget", "executed", "rate"));
            }

            items.Add(new DeviationItem(string.Empty, DeviationKind.LowExecution, line.Name, null, root.Index, null, null, Clean(line.DeviationNote), ids));
        }

        if (lowParts)
        {
            foreach (FundLineResult root in sheet.Report.Funds.Where(f => f.IsRoot && f.Rate is { } r && r >= policy.LowExecutionThreshold))
            {
                string rootName = e.Funds.Lines[root.Index].Name.Trim();
                foreach (FundLineResult part in sheet.Report.Funds.Where(f => !f.IsRoot && f.Rate is { } pr && pr < policy.LowExecutionThreshold
                    && string.Equals(f.Parent?.Trim(), rootName, StringComparison.Ordinal) && sheet.Find($"funds.lines[{f.Index}].budget")?.Value > 0m))
                {
                    FundLine line = e.Funds.Lines[part.Index];
                    var ids = Present($"funds.lines[{part.Index}]", "budget", "executed", "rate", "balance", "unexecutedRate");
                    items.Add(new DeviationItem(string.Empty, DeviationKind.LowExecution, line.Name.Trim(), null, part.Index, null, null, Clean(line.DeviationNote), ids));
                }
            }
        }

        var weaker = sheet.Report.Findings
            .Where(f => f.Code == FindingCodes.IndicatorQualitativeWeaker)
            .Select(f => IndexOf(f.Path))
            .ToHashSet();

        foreach (IndicatorResult r in sheet.Report.Indicators)
        {
            Indicator ind = e.Indicators[r.Index];
            string p = $"indicators[{r.Index}]";
            DeviationKind? kind = null;
            if (r.Rule == IndicatorRule.Cancelled || r.Actual is CancelledCell)
            {
                kind = DeviationKind.Cancelled;
            }
            else if (r.Status == IndicatorStatus.Short)
            {
                kind = r.IsLate ? DeviationKind.Late : r.Rule == IndicatorRule.Qualitative ? DeviationKind.QualitativeWeaker : DeviationKind.Shortfall;
            }
            else if (weaker.Contains(r.Index))
            {
                kind = DeviationKind.QualitativeWeaker;
            }
            else if (r.Status == IndicatorStatus.Exceeded && r.Completion is { } c && c >= policy.OvershootThreshold)
            {
                kind = DeviationKind.Overshoot;
            }

            if (kind is not { } k)
            {
                continue;
            }

            List<string> ids = k switch
            {
                DeviationKind.Shortfall => Present(p, "target", "actual", "completion", "gap", "lost"),
                DeviationKind.Overshoot => Present(p, "target", "actual", "completion", "gap"),
                DeviationKind.QualitativeWeaker or DeviationKind.Late => Present(p, "lost"),
                _ => [],
            };
            items.Add(new DeviationItem(string.Empty, k, ind.Name.Trim(), r.Index, null, ind.Level1, ind.Level2, Clean(ind.DeviationNote), ids)
            {
                Limit = k == DeviationKind.Shortfall && r.Rule is IndicatorRule.Reverse or IndicatorRule.Zero ? r.Rule : null,
            });
        }

        return items.Select((item, n) => item with { Id = $"item-{n + 1}" }).ToList();
    }

    /// <summary>
    /// A 偏差原因 as stated, or null when it says nothing (empty, 无, /, —). It is the unit's text, so it
    /// is data: markup, fact references (<c>{{fact:…}}</c>) and source markers (<c>[S1]</c>) are taken
    /// out before it can reach a draft, control characters too, and it is kept to
    /// <see cref="MaxStatedChars"/> characters. Its numbers are checked where it is quoted
    /// (<see cref="StatedReasonCheck"/>).
    /// </summary>
    internal static string? Clean(string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return null;
        }

        string t = UntrustedText.Strip(note);
        t = Spaces().Replace(t, " ").Trim();
        t = StripLeadIn(t);
        if (t.Length > MaxStatedChars)
        {
            t = t[..MaxStatedChars] + "…";
        }

        return Review.ReasonText.IsPlaceholder(t) ? null : t;
    }

    /// <summary>
    /// A reason without its own lead-in: “原因是：部分高危孕产妇转诊不及时”, “原因改一下：部分企业停产”, “偏差原因：…”
    /// are quoted as “部分高危孕产妇转诊不及时” (a draft writes its own “单位说明的原因是”).
    /// </summary>
    public static string StripLeadIn(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        string t = reason;
        for (int n = 0; n < 3; n++)
        {
            string next = LeadIn().Replace(t, string.Empty, 1).Trim();
            if (next.Length == 0 || next == t)
            {
                break;
            }

            t = next;
        }

        return t;
    }

    /// <summary>Longest stated reason a draft quotes.</summary>
    public const int MaxStatedChars = 300;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:(?:主要|偏差|未完成的?|具体)?原因(?:分析)?(?:是|为|如下|说明)?\s*[：:]|(?:主要|偏差|具体)?原因(?:是|为)(?![：:])|原因(?:改一下|改为|改成|更正为|修改为|补充|补充一下|如下)\s*[：:]?)\s*")]
    private static partial System.Text.RegularExpressions.Regex LeadIn();

    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t\r\n]+")]
    private static partial System.Text.RegularExpressions.Regex Spaces();

    private static int IndexOf(string path)
    {
        int open = path.IndexOf('[', StringComparison.Ordinal);
        int close = path.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(path.AsSpan(open + 1, close - open - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) ? i : -1;
    }
}
