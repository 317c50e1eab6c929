using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Scoring;

/// <summary>How an indicator was scored (contract values: positive | reverse | zero | qualitative | restated | cancelled | unscorable).</summary>
public enum IndicatorRule
{
    Positive,
    Reverse,
    Zero,
    Qualitative,
    Restated,
    Cancelled,
    Unscorable,
}

/// <summary>Where an indicator stands against its target (met | exceeded | short | not-applicable | unknown).</summary>
public enum IndicatorStatus
{
    Met,
    Exceeded,
    Short,
    NotApplicable,
    Unknown,
}

public static class ScoringNames
{
    public static string ToContract(this IndicatorRule rule) => rule switch
    {
        IndicatorRule.Positive => "positive",
        IndicatorRule.Reverse => "reverse",
        IndicatorRule.Zero => "zero",
        IndicatorRule.Qualitative => "qualitative",
        IndicatorRule.Restated => "restated",
        IndicatorRule.Cancelled => "cancelled",
        _ => "unscorable",
    };

    public static string ToContract(this IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "met",
        IndicatorStatus.Exceeded => "exceeded",
        IndicatorStatus.Short => "short",
        IndicatorStatus.NotApplicable => "not-applicable",
        _ => "unknown",
    };

    public static string ToContract(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The status in Chinese, as a report would say it.</summary>
    public static string ToChinese(this IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "完成",
        IndicatorStatus.Exceeded => "超额完成",
        IndicatorStatus.Short => "未完成",
        IndicatorStatus.NotApplicable => "不适用",
        _ => "无法判断",
    };
}

/// <summary>A fund line's computed 执行率 and 得分.</summary>
public sealed record FundLineResult(int Index, string Name, string? Parent, bool IsRoot, decimal? Rate, Interval? RateInterval, decimal? Score, Interval? ScoreInterval);

/// <summary>An indicator's computed result, with the trace a reviewer can follow.</summary>
public sealed record IndicatorResult
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required IndicatorRule Rule { get; init; }
    public required IndicatorStatus Status { get; init; }
    public required Cell Target { get; init; }
    public required Cell Actual { get; init; }
    public decimal? Weight { get; init; }
    /// <summary>完成值 ÷ 指标值 (for quantities), unrounded.</summary>
    public decimal? Completion { get; init; }
    /// <remarks>
    /// A quantity row's is computed when read (since session 45; see <see cref="RowIntervals"/>), from the actual's interval and
    /// the trace's target. Setting it (or <see cref="ScoreInterval"/>) on a copy gives both as values.
    /// </remarks>
    public Interval? CompletionInterval
    {
        get => intervals.Completion(quantityTrace);
        init => intervals = RowIntervals.Given(value, intervals.Score(quantityTrace));
    }

    /// <summary>Unrounded computed score; null when unscored (transfer tables) or unscorable.</summary>
    public decimal? Score { get; init; }
    /// <remarks>A quantity row's is computed when read, as <see cref="CompletionInterval"/>.</remarks>
    public Interval? ScoreInterval
    {
        get => intervals.Score(quantityTrace);
        init => intervals = RowIntervals.Given(intervals.Completion(quantityTrace), value);
    }

    /// <summary>|指标值 − 完成值| in <see cref="GapUnit"/>.</summary>
    public decimal? Gap { get; init; }
    public string? GapUnit { get; init; }
    /// <summary>
    /// A missed deadline (时效, 未按期完成): the target is a date and the row fell short of it. Part 二, 三 and 五 of a report
    /// and a draft's item kind (<c>late</c>) say 未按期完成, never “实际效果弱于指标值”.
    /// </summary>
    public bool IsLate => Target is DeadlineCell && Status == IndicatorStatus.Short;

    /// <summary>
    /// How a qualitative row was placed (a missed deadline, a graded row): the grade band it was scored in, null for other rules.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public QualitativeGrade? Band { get; init; }

    /// <summary>
    /// Whether the score is the band's default share (the policy's rule, e.g. a missed deadline without a grade: 时效指标逾期的评分规则),
    /// not the table's printed score kept because it lies inside the band. Part 五, the chat and the trace say which was done (probe 38 #9).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool BandDefault { get; init; }

    /// <summary>A missed deadline scored by the policy's late rule (no grade given, no printed score inside a band).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool LateRule { get; init; }

    /// <summary>The score that went into the total (the computed score, or the printed one for an unscorable row).</summary>
    public decimal? ScoreForTotal { get; init; }
    /// <summary>
    /// The computation in words and numbers (分值 × 完成值 ÷ 指标值 = …). Built on first read when the
    /// calculator gave it as a <see cref="Scoring.QuantityTrace"/> (most callers of a score never read it; the
    /// text is the same either way). Such a trace reads this row's status, weight, score and completion: a copy
    /// made with <c>with</c> that changed one of them before the trace was read would tell the copy's numbers
    /// (no code makes such a copy).
    /// </summary>
    public string Trace
    {
        get => trace ??= quantityTrace.ToString(Status, Weight, Score, Completion ?? 0m);
        init => trace = value;
    }

    /// <summary>The trace as its arguments, built when first read (set instead of <see cref="Trace"/>).</summary>
    internal QuantityTrace QuantityTrace
    {
        init => quantityTrace = value;
    }

    /// <summary>The two intervals, given or kept as their inputs (set instead of <see cref="CompletionInterval"/> and <see cref="ScoreInterval"/>).</summary>
    internal RowIntervals Intervals
    {
        init => intervals = value;
    }

    private string? trace;
    private readonly QuantityTrace quantityTrace;
    private readonly RowIntervals intervals;

    /// <summary>
    /// Writes the trace into <paramref name="destination"/> without making its string, when it is kept as its
    /// arguments and has not been read yet (the score answer's writer). False otherwise — it is a string already
    /// (read <see cref="Trace"/>) — or when it does not fit.
    /// </summary>
    public bool TryWriteTrace(Span<char> destination, out int written)
    {
        if (trace is null && quantityTrace.IsKept)
        {
            return quantityTrace.TryFormat(destination, out written, Status, Weight, Score, Completion ?? 0m);
        }

        written = 0;
        return false;
    }

    /// <summary>Equal when every field is, the trace compared as text (however it was given).</summary>
    public bool Equals(IndicatorResult? other) =>
        other is not null && (ReferenceEquals(this, other) || (Index == other.Index && Name == other.Name && Rule == other.Rule
            && Status == other.Status && Equals(Target, other.Target) && Equals(Actual, other.Actual) && Weight == other.Weight
            && Completion == other.Completion && CompletionInterval == other.CompletionInterval && Score == other.Score
            && ScoreInterval == other.ScoreInterval && Gap == other.Gap && GapUnit == other.GapUnit
            && ScoreForTotal == other.ScoreForTotal && Trace == other.Trace));

    public override int GetHashCode() => HashCode.Combine(Index, Name, Rule, Status, Score, Trace);
}

/// <summary>Sums per 一级指标.</summary>
public sealed record LevelResult(string Level1, decimal WeightSum, decimal? ScoreSum, decimal? PrintedWeight);

/// <summary>The whole scored and reconciled table.</summary>
public sealed record ScoreReport
{
    public required string PolicyName { get; init; }
    public required IReadOnlyList<FundLineResult> Funds { get; init; }
    public required IReadOnlyList<IndicatorResult> Indicators { get; init; }
    public required IReadOnlyList<LevelResult> Levels { get; init; }
    /// <summary>Sum of the unrounded scores (null for a transfer table).</summary>
    public decimal? Total { get; init; }
    /// <summary><see cref="Total"/> rounded half-up to 2 decimals.</summary>
    public decimal? TotalRounded { get; init; }
    public string? Grade { get; init; }
    public decimal? WeightTotal { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
}
