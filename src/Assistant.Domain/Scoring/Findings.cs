namespace Assistant.Domain.Scoring;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>One thing a reviewer should know: a code clients can switch on, a Chinese message, where, and what was expected.</summary>
/// <remarks>
/// Since session 42 the reconciliation may give the message as its parts (<see cref="FindingMessage"/>), made into text when
/// <see cref="Message"/> is first read: a score whose findings are counted or filtered but never shown (a table never seen,
/// a batch's risk) builds none of the 40-odd messages of a large table. The text is the same either way; equality, the hash,
/// <c>with</c>, printing and JSON read <see cref="Message"/>, so they see the text however it was given.
/// </remarks>
public sealed record Finding(string Code, Severity Severity, string Message, string Path, string? Expected = null, string? Actual = null)
{
    private string? message = Message;
    private readonly FindingMessage? parts;

    /// <summary>A finding whose message is made from <paramref name="parts"/> when first read.</summary>
    internal Finding(string code, Severity severity, FindingMessage parts, string path, string? expected, string? actual)
        : this(code, severity, (string)null!, path, expected, actual)
    {
        this.parts = parts;
    }

    /// <summary>The message in Chinese (made from its parts on first read when it was given so).</summary>
    public string Message
    {
        get => message ?? (parts is null ? message! : message = parts.Build());
        init => message = value;
    }

    /// <summary>
    /// Writes the message into <paramref name="destination"/> without making its string, when it is kept as its parts and has
    /// not been read yet (the score answer's writer). False otherwise (read <see cref="Message"/>), or when it does not fit.
    /// </summary>
    public bool TryWriteMessage(Span<char> destination, out int written)
    {
        if (message is null && parts is not null)
        {
            return parts.TryWrite(destination, out written);
        }

        written = 0;
        return false;
    }

    /// <summary>Equal when every field is, the message compared as text (however it was given).</summary>
    public bool Equals(Finding? other) =>
        other is not null && (ReferenceEquals(this, other) || (Code == other.Code && Severity == other.Severity && Path == other.Path
            && Expected == other.Expected && Actual == other.Actual && Message == other.Message));

    public override int GetHashCode() => HashCode.Combine(Code, Severity, Message, Path, Expected, Actual);
}

/// <summary>The parts of a finding's message, made into its text once, when the message is first read (or written).</summary>
internal abstract class FindingMessage
{
    /// <summary>The message's text.</summary>
    public abstract string Build();

    /// <summary>The same text written into <paramref name="destination"/>; false when it does not fit (nothing then is promised of the span).</summary>
    public virtual bool TryWrite(Span<char> destination, out int written)
    {
        string text = Build();
        written = text.Length;
        return text.AsSpan().TryCopyTo(destination);
    }
}

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
