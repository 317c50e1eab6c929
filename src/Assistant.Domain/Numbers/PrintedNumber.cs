using System.Globalization;

namespace Assistant.Domain.Numbers;

/// <summary>
/// A number as it was printed: its value and how many decimals were printed. A printed number stands
/// for the half-open interval of values that round to it (<c>80.80</c> is [80.795, 80.805)).
/// </summary>
public readonly record struct PrintedNumber(decimal Value, int Decimals)
{
    /// <summary>Half of one unit in the last printed place (0.005 for two decimals).</summary>
    public decimal HalfUnit => 0.5m * Unit(Decimals);

    /// <summary>The interval of values that print as this number.</summary>
    public Interval Interval => new(Value - HalfUnit, Value + HalfUnit);

    /// <summary>An exact number: its interval is a single point.</summary>
    public static PrintedNumber Exact(decimal value) => new(value, Scale(value));

    /// <summary>One unit in the given decimal place: 1, 0.1, 0.01…</summary>
    public static decimal Unit(int decimals)
    {
        if (decimals is >= 0 and <= 28)
        {
            return Units[decimals];
        }

        decimal unit = 1m;
        for (int i = 0; i < decimals; i++)
        {
            unit /= 10m;
        }

        return unit;
    }

    /// <summary>1, 0.1, 0.01… as <c>1m / 10m / 10m…</c> gives them (1 at scale d).</summary>
    private static readonly decimal[] Units = Enumerable.Range(0, 29).Select(d => new decimal(1, 0, 0, false, (byte)d)).ToArray();

    /// <summary>The number of decimals a decimal carries (2700.00m has 2).</summary>
    public static int Scale(decimal value) => value.Scale;

    /// <summary>
    /// Parses an invariant-culture number as printed: optional sign, digits with optional thousands
    /// separators, optional decimals. Full-width digits are accepted. Nothing else.
    /// </summary>
    public static bool TryParse(string? text, out PrintedNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = TextNormalizer.Normalize(text).Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        if (s.Length == 0 || s.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
        {
            return false;
        }

        int dot = s.IndexOf('.', StringComparison.Ordinal);
        int decimals = dot < 0 ? 0 : s.Length - dot - 1;
        if (decimals > MaxDecimals || Math.Abs(value) >= MaxMagnitude)
        {
            return false;
        }

        number = new PrintedNumber(value, decimals);
        return true;
    }

    /// <summary>
    /// <see cref="TryParse"/> of a run of digits, commas and a dot (as a cell's number tokens are),
    /// without making a string of it: true when the run reads as a number within range.
    /// </summary>
    public static bool IsComputable(ReadOnlySpan<char> token) =>
        TryParseRun(token, out _, out bool plain) || (!plain && TryParse(token.ToString(), out _));

    /// <summary>
    /// <see cref="TryParse"/> of a run of ASCII digits, commas and a dot (a cell's number token), without
    /// making strings of it: the same number, the same refusals. False for any other text.
    /// </summary>
    public static bool TryParseRun(ReadOnlySpan<char> token, out PrintedNumber number) => TryParseRun(token, out number, out _);

    private static bool TryParseRun(ReadOnlySpan<char> token, out PrintedNumber number, out bool plain)
    {
        number = default;
        plain = false;
        Span<char> digits = stackalloc char[64];
        int n = 0;
        foreach (char c in token)
        {
            if (n == digits.Length || !(char.IsAsciiDigit(c) || c is ',' or '.'))
            {
                return false;
            }

            if (c != ',')
            {
                digits[n++] = c;
            }
        }

        plain = true;
        ReadOnlySpan<char> s = digits[..n];
        if (s.Length == 0 || !decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
        {
            return false;
        }

        int dot = s.IndexOf('.');
        int decimals = dot < 0 ? 0 : s.Length - dot - 1;
        if (decimals > MaxDecimals || Math.Abs(value) >= MaxMagnitude)
        {
            return false;
        }

        number = new PrintedNumber(value, decimals);
        return true;
    }

    /// <summary>
    /// Printed numbers stay below 10^15 with at most 10 decimals: far beyond any budget in 元, and sums,
    /// gaps and ratios of such numbers stay inside <see cref="decimal"/>'s range (about 7.9×10^28).
    /// </summary>
    public const int MaxDecimals = 10;

    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>True when the printed text is a number that <see cref="TryParse"/> refuses only for its size or decimals.</summary>
    public static bool IsOutOfRange(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || TryParse(text, out _))
        {
            return false;
        }

        string s = TextNormalizer.Normalize(text).Replace(",", string.Empty, StringComparison.Ordinal).Trim().TrimStart('-', '+');
        int dot = s.IndexOf('.', StringComparison.Ordinal);
        return s.Length > 0 && s.All(c => char.IsAsciiDigit(c) || c == '.') && s.Count(c => c == '.') <= 1
            && ((dot < 0 ? s.Length : dot) > 15 || (dot >= 0 && s.Length - dot - 1 > MaxDecimals));
    }

    public static PrintedNumber Parse(string text) =>
        TryParse(text, out PrintedNumber n) ? n : throw new FormatException($"Not a number: '{text}'");

    /// <summary>The number as printed, with its printed decimals.</summary>
    public override string ToString() => Format(Value, Decimals);

    /// <summary>Rounds half away from zero (四舍五入) to the given decimals.</summary>
    public static decimal RoundHalfUp(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Formats with exactly the given decimals, invariant culture, rounding half up.</summary>
    public static string Format(decimal value, int decimals) =>
        RoundHalfUp(value, decimals).ToString(decimals is >= 0 and < 29 ? FixedFormats[decimals] : "F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static readonly string[] FixedFormats = Enumerable.Range(0, 29).Select(d => "F" + d.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Formats without trailing zeros (4.00 → "4", 0.20 → "0.2").</summary>
    public static string FormatTrimmed(decimal value)
    {
        // The digits as they are, then trailing zeros cut: what the custom format gives, without parsing it on every call.
        Span<char> buffer = stackalloc char[40];
        if (value == 0m || !value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture))
        {
            return value.ToString(TrimmedFormat, CultureInfo.InvariantCulture);
        }

        ReadOnlySpan<char> s = buffer[..written];
        if (s.Contains('.'))
        {
            s = s.TrimEnd('0').TrimEnd('.');
        }

        return s.ToString();
    }

    internal const string TrimmedFormat = "0.############################";
}
