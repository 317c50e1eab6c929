namespace Assistant.Domain.Scoring;

/// <summary>A 执行率 band [<see cref="RateFrom"/>, <see cref="RateTo"/>) in which a 总分 above <see cref="MaxTotal"/> looks too high.</summary>
public sealed record TotalForRateBand(decimal RateFrom, decimal RateTo, decimal MaxTotal);

/// <summary>
/// The criteria finance bureaus apply when they review a self-evaluation (reported from provincial
/// practice), as data: each becomes a finding the draft addresses and the review notes list.
/// </summary>
public sealed record ReviewerCriteria
{
    /// <summary>总分 that is high for the 执行率: 70–80 % above 89, 60–70 % above 79, below 60 % above 69.</summary>
    public IReadOnlyList<TotalForRateBand> TotalBands { get; init; } =
    [
        new(0.70m, 0.80m, 89m),
        new(0.60m, 0.70m, 79m),
        new(0.00m, 0.60m, 69m),
    ];

    /// <summary>完成率 at or above which an over-achievement suggests a target set too low (1.30 = 130 %).</summary>
    public decimal OvershootSuspect { get; init; } = 1.30m;

    /// <summary>执行率 below which the report must give a reason (0.90 = 90 %).</summary>
    public decimal ReasonRequiredBelow { get; init; } = 0.90m;

    /// <summary>Share of the budget left unspent above which the balance must be accounted for (0.20 = 20 %).</summary>
    public decimal UnspentShareAbove { get; init; } = 0.20m;

    /// <summary>
    /// How far the indicators' score rate (得分 ÷ 分值) may run ahead of the 执行率 before the scores look
    /// out of line with the spending (0.30 = 30 percentage points).
    /// </summary>
    public decimal ScoreAheadOfSpending { get; init; } = 0.30m;

    public static readonly ReviewerCriteria Default = new();
}
