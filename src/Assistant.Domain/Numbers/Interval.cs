namespace Assistant.Domain.Numbers;

/// <summary>A closed interval of decimals, for carrying printed precision through a computation.</summary>
public readonly record struct Interval(decimal Low, decimal High)
{
    public static Interval Point(decimal value) => new(value, value);

    public bool IsPoint => Low == High;

    public bool Contains(decimal value) => Low <= value && value <= High;

    public bool Overlaps(Interval other) => Low <= other.High && other.Low <= High;

    /// <summary>
    /// Whether a value the inputs allow (<paramref name="computed"/>) prints as <paramref name="printed"/>.
    /// Half-up rounding makes a printed interval half-open — 100 stands for [99.5, 100.5) — and the
    /// ends of a computed interval are limits its inputs never reach, so meeting at an end is not agreement.
    /// </summary>
    public static bool Allows(Interval printed, Interval computed) =>
        computed.IsPoint
            ? printed.Low <= computed.Low && computed.Low < printed.High
            : printed.Low < computed.High && computed.Low < printed.High;

    public static Interval operator +(Interval a, Interval b) => new(a.Low + b.Low, a.High + b.High);

    public static Interval operator -(Interval a, Interval b) => new(a.Low - b.High, a.High - b.Low);

    /// <summary>Multiplication by a non-negative scalar.</summary>
    public Interval Scale(decimal factor) =>
        factor >= 0 ? new(Low * factor, High * factor) : new(High * factor, Low * factor);

    /// <summary>Division by a positive scalar (exact where <c>Scale(1 / d)</c> would lose the last digits).</summary>
    public Interval Divide(decimal divisor) =>
        divisor > 0 ? new(Low / divisor, High / divisor) : throw new ArgumentOutOfRangeException(nameof(divisor), "Divisor must be positive.");

    /// <summary>Division of intervals; the divisor must be strictly positive.</summary>
    public Interval DivideBy(Interval divisor)
    {
        if (divisor.Low <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(divisor), "Divisor interval must be strictly positive.");
        }

        decimal a = Low / divisor.Low, b = Low / divisor.High, c = High / divisor.Low, d = High / divisor.High;
        return new(Math.Min(Math.Min(a, b), Math.Min(c, d)), Math.Max(Math.Max(a, b), Math.Max(c, d)));
    }

    /// <summary>Applies a monotone function (increasing or decreasing) to both ends.</summary>
    public Interval Map(Func<decimal, decimal> monotone)
    {
        decimal a = monotone(Low), b = monotone(High);
        return a <= b ? new(a, b) : new(b, a);
    }

    public override string ToString() => $"[{PrintedNumber.FormatTrimmed(Low)}, {PrintedNumber.FormatTrimmed(High)}]";
}
