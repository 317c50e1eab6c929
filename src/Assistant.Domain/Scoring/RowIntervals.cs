using Assistant.Domain.Numbers;

namespace Assistant.Domain.Scoring;

/// <summary>
/// An indicator row's completion interval and score interval (the values its inputs' printed precision allows), stored inline in
/// the <see cref="IndicatorResult"/>: either given (two intervals, each present or not), or, for a positive or reverse quantity
/// row, kept as the actual's interval and the weight and computed when read (issue 21, session 45). Most rows' intervals are never
/// read: the reconciliation reads a score interval only when a printed score does not equal the computed one, the total's
/// only when the printed total does not, and the fact sheet reads the completion interval. Computing them when read takes two
/// decimal divisions and the score function's ends off every quantity row of a score. The target, the policy and the direction
/// are the row's <see cref="QuantityTrace"/>'s (the same numbers the calculator divided by); what is computed is what
/// <see cref="Calculator"/> computed before, by the same code (<see cref="Calculator.ScoreIntervalOf"/>), held equal by
/// <c>ScoringPathSession45Tests</c>.
/// </summary>
internal readonly struct RowIntervals
{
    /// <summary>Given: the completion interval. Kept: the actual's interval in base units (a share's clamped to [0, 100]).</summary>
    private readonly Interval first;

    /// <summary>Given: the score interval. Kept: the row's weight as its low end (when <see cref="Kind.Weighted"/>; one field for both, 72 bytes in all).</summary>
    private readonly Interval second;

    private readonly Kind kind;

    private RowIntervals(Interval first, Interval second, Kind kind)
    {
        this.first = first;
        this.second = second;
        this.kind = kind;
    }

    [Flags]
    private enum Kind : byte
    {
        None = 0,
        HasCompletion = 1,
        HasScore = 2,
        Kept = 4,
        Weighted = 8,
    }

    /// <summary>The two intervals as values (either may be absent).</summary>
    public static RowIntervals Given(Interval? completion, Interval? score) =>
        new(completion ?? default, score ?? default,
            (completion is null ? Kind.None : Kind.HasCompletion) | (score is null ? Kind.None : Kind.HasScore));

    /// <summary>
    /// A quantity row's intervals, computed when read from the actual's interval <paramref name="actual"/>, the row's
    /// <paramref name="weight"/> (no score interval without one) and its trace's target, policy and direction.
    /// </summary>
    public static RowIntervals Kept(Interval actual, decimal? weight) =>
        new(actual, new Interval(weight ?? 0m, 0m), Kind.Kept | (weight is null ? Kind.None : Kind.Weighted));

    /// <summary>完成值区间 ÷ 指标值: the actual's interval divided by the target (kept), or the one given.</summary>
    public Interval? Completion(in QuantityTrace trace) =>
        (kind & Kind.Kept) != 0 ? first.Divide(trace.Target)
        : (kind & Kind.HasCompletion) != 0 ? first : null;

    /// <summary>The score's interval: the score function over the completion's (kept), or the one given.</summary>
    public Interval? Score(in QuantityTrace trace) =>
        (kind & Kind.Kept) != 0
            ? (kind & Kind.Weighted) != 0 ? Calculator.ScoreIntervalOf(trace.Reverse, first, trace.Target, second.Low, trace.Policy) : null
            : (kind & Kind.HasScore) != 0 ? second : null;
}
