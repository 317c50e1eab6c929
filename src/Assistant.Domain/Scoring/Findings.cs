namespace Assistant.Domain.Scoring;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>One thing a reviewer should know: a code clients can switch on, a Chinese message, where, and what was expected.</summary>
public sealed record Finding(string Code, Severity Severity, string Message, string Path, string? Expected = null, string? Actual = null);

/// <summary>The finding codes of the public contract, plus a few the contract allows us to add.</summary>
public static class FindingCodes
{
    public const string FundsPartsSum = "funds.parts-sum";
    public const string FundsRatePrinted = "funds.rate-printed";
    public const string FundsScorePrinted = "funds.score-printed";
    public const string FundsLowExecution = "funds.low-execution";
    public const string IndicatorScorePrinted = "indicator.score-printed";
    public const string IndicatorScoreOverWeight = "indicator.score-over-weight";
    public const string IndicatorShortfallUnexplained = "indicator.shortfall-unexplained";
    public const string IndicatorOvershootUnexplained = "indicator.overshoot-unexplained";
    public const string IndicatorTargetMissing = "indicator.target-missing";
    public const string IndicatorActualMissing = "indicator.actual-missing";
    public const string IndicatorCancelled = "indicator.cancelled";
    public const string IndicatorQualitativeWeaker = "indicator.qualitative-weaker";
    public const string WeightsTotal = "weights.total";
    public const string WeightsLevel = "weights.level";
    public const string TotalPrinted = "total.printed";

    // Added beyond the contract's list (the contract allows new codes).
    /// <summary>A cell that could not be compared (words after a number, several numbers, units that differ).</summary>
    public const string IndicatorCellUnreadable = "indicator.cell-unreadable";
    /// <summary>A qualitative target whose actual gives no grade word; scored as 达成.</summary>
    public const string IndicatorQualitativeUnrated = "indicator.qualitative-unrated";
    /// <summary>The actual names a measure (帮扶就业率) other than the indicator (总体就业率).</summary>
    public const string IndicatorActualLabel = "indicator.actual-label";
    /// <summary>A weighted row whose score cannot be computed; the printed score is carried into the total.</summary>
    public const string IndicatorUnscorable = "indicator.unscorable";
    /// <summary>A target or actual cell prints a unit other than the row's unit column (≤8000元/台 under 元); the cell's unit is used.</summary>
    public const string IndicatorUnitColumn = "indicator.unit-column";
    /// <summary>A fund line with money spent against a budget of 0: its 执行率 cannot be computed.</summary>
    public const string FundsRateUncomputable = "funds.rate-uncomputable";
    /// <summary>A scored table gives the money a 分值 but no 年度资金总额 with its budget and spending: the 资金得分 is 0 (session 40).</summary>
    public const string FundsLinesMissing = "funds.lines-missing";
    /// <summary>A fund line spent more than its 全年预算数 (执行率 over 100 %): to be checked, the score is capped (session 40).</summary>
    public const string FundsOverspent = "funds.overspent";
    /// <summary>A weighted row of a scored table names no 一级指标: its 分值 counts in no level (session 40).</summary>
    public const string IndicatorLevelMissing = "indicator.level1-missing";
    /// <summary>A weighted row or weight cell is missing in a scored table.</summary>
    public const string IndicatorWeightMissing = "indicator.weight-missing";
}
