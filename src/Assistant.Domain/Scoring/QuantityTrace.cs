using Assistant.Domain.Numbers;

namespace Assistant.Domain.Scoring;

/// <summary>
/// A positive or reverse quantity row's trace (分值 × 完成值 ÷ 指标值 = …) kept as the arguments its row does not
/// hold already (the target and actual in base units, the unit they are shown in, the policy, the direction) —
/// not as a string or a closure: stored inline in the <see cref="IndicatorResult"/> (nothing allocated per
/// row), written as characters into a caller's span by <see cref="TryFormat"/> (the score answer writes it
/// without a string) and made into <see cref="IndicatorResult.Trace"/> by <see cref="ToString(IndicatorStatus, decimal?, decimal?, decimal)"/>
/// — one method for both, so the characters are the same. The status, weight, score and completion are the
/// row's own (the values the calculator gave both). Since session 31; until then a closure and its delegate
/// per row, and a string.
/// </summary>
internal readonly struct QuantityTrace
{
    private readonly UnitSpec? display;
    private readonly ScoringPolicy? policy;
    private readonly decimal target;
    private readonly decimal actual;
    private readonly bool reverse;

    /// <summary>The target and actual are in base units; the sentence shows them in <paramref name="display"/>'s.</summary>
    public QuantityTrace(bool reverse, decimal target, decimal actual, UnitSpec display, ScoringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(policy);
        this.reverse = reverse;
        this.target = target;
        this.actual = actual;
        this.display = display;
        this.policy = policy;
    }

    /// <summary>The target in base units (the row's divisor; <see cref="RowIntervals"/> divides by it).</summary>
    public decimal Target => target;

    /// <summary>Whether the row is a reverse one (a ceiling).</summary>
    public bool Reverse => reverse;

    /// <summary>The policy the row was scored under.</summary>
    public ScoringPolicy Policy => policy!;

    /// <summary>Whether a trace is kept (the default value keeps none).</summary>
    public bool IsKept => display is not null;

    /// <summary>The longest a trace can be: six numbers of at most 64 characters and some 40 of text.</summary>
    internal const int MaxLength = 512;

    public string ToString(IndicatorStatus status, decimal? weight, decimal? score, decimal completion)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        if (TryFormat(buffer, out int written, status, weight, score, completion))
        {
            return new string(buffer[..written]);
        }

        // Not reached with the numbers a decimal can hold; kept so that a longer sentence is still whole.
        for (int length = MaxLength * 2; ; length *= 2)
        {
            char[] larger = new char[length];
            if (TryFormat(larger, out written, status, weight, score, completion))
            {
                return new string(larger, 0, written);
            }
        }
    }

    /// <summary>The sentence into <paramref name="destination"/>; false when it does not fit.</summary>
    public bool TryFormat(Span<char> destination, out int written, IndicatorStatus status, decimal? weight, decimal? score, decimal completion)
    {
        PrintedText t = PrintedText.Trimmed(display!.Over(target)), a = PrintedText.Trimmed(display.Over(actual));
        NumberOrWord w = new(weight, trimmed: true, "分值");
        NumberOrWord s = new(score, trimmed: false, "—");
        if (reverse)
        {
            return status != IndicatorStatus.Short
                ? destination.TryWrite($"反向指标：完成值{a}不高于指标值{t}，得满分{w}", out written)
                : policy!.ReverseFormula == ReverseFormula.Ratio
                    ? destination.TryWrite($"反向指标超出：{w} × {t} ÷ {a} = {s}", out written)
                    : destination.TryWrite($"反向指标超出：{w} × (1 − ({a} − {t}) ÷ {t}) = {s}", out written);
        }

        PrintedText pct = PrintedText.Fixed(completion * 100m, 2);
        if (status == IndicatorStatus.Short)
        {
            return destination.TryWrite($"正向指标：{w} × {a} ÷ {t} = {s}（完成率{pct}%）", out written);
        }

        return policy!.ReduceForLowTargets && completion >= policy.OvershootThreshold
            ? destination.TryWrite($"正向指标超额{pct}%，目标设定偏低，按偏离度扣分：{w} × (2 − {pct}%) = {s}", out written)
            : destination.TryWrite($"正向指标：完成值{a}不低于指标值{t}（完成率{pct}%），得满分{w}", out written);
    }

    /// <summary>A number as <see cref="PrintedText"/> prints it (trimmed, or with two decimals), or a word when there is none.</summary>
    private readonly struct NumberOrWord(decimal? value, bool trimmed, string word) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            if (value is { } v)
            {
                return (trimmed ? PrintedText.Trimmed(v) : PrintedText.Fixed(v, 2)).TryFormat(destination, out charsWritten, format, provider);
            }

            if (word.TryCopyTo(destination))
            {
                charsWritten = word.Length;
                return true;
            }

            charsWritten = 0;
            return false;
        }

        public override string ToString() => value is { } v ? (trimmed ? PrintedText.Trimmed(v) : PrintedText.Fixed(v, 2)).ToString() : word;

        public string ToString(string? format, IFormatProvider? formatProvider) => ToString();
    }
}
