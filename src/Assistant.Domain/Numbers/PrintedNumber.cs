using System.Globalization;

namespace Assistant.Domain.Numbers;

/// <summary>
/// A number as it was printed: its value and how many decimals were printed. A printed number stands
/// for the half-open interval of values that round to it (<c>80.80</c> is [80.795, 80.805)).
/// </summary>
public readonly partial record struct PrintedNumber(decimal Value, int Decimals)
{
    /// <summary>Half of one unit in the last printed place (0.005 for two decimals).</summary>
    public decimal HalfUnit => Decimals is >= 0 and <= 28 ? HalfUnits[Decimals] : 0.5m * Unit(Decimals);

    /// <summary>The interval of values that print as this number.</summary>
    public Interval Interval
    {
        get
        {
            decimal half = HalfUnit;
            return new(Value - half, Value + half);
        }
    }

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

    /// <summary><c>0.5m * Unit(d)</c> for d = 0…28, each the same product computed once (after <see cref="Units"/>: statics are set in order).</summary>
    private static readonly decimal[] HalfUnits = Units.Select(u => 0.5m * u).ToArray();

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

        // A plain run of ASCII digits, commas and dots (95, 0.95, 2,181.57) is what the steps below would read
        // it as (nothing to normalize, trim or refuse for an exponent), without the copies.
        bool parsed = TryParseRun(text, out number, out bool plain);
        if (plain)
        {
            return parsed;
        }

        string normalized = TextNormalizer.Normalize(text).Trim();
        if (!ValidGrouping(normalized))
        {
            return false;
        }

        string s = normalized.Replace(",", string.Empty, StringComparison.Ordinal);
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
    /// False when every number token of <paramref name="normalized"/> (text already through
    /// <see cref="TextNormalizer.Normalize"/>, so its digits are ASCII) is certainly computable: no run of
    /// ASCII digits, commas and dots holds more than ten digits, and every such run holding a comma is valid
    /// thousands grouping (<see cref="ValidGrouping"/>; session 37: 1,2 and 920,00 are no number). A token lies
    /// inside such a run, so it then has at most ten digits — at most ten decimals and below 10¹⁰ — and its
    /// commas (if any) group thousands, and <see cref="IsComputable"/> holds for it. True means only that the
    /// tokens must be checked one by one. Reads the text in place (no copy).
    /// </summary>
    public static bool MayHaveUncomputable(ReadOnlySpan<char> normalized)
    {
        int digits = 0;
        int start = -1; // where the current run of digits, commas and dots began; -1 outside a run
        bool comma = false;
        for (int i = 0; i <= normalized.Length; i++)
        {
            char c = i < normalized.Length ? normalized[i] : '\0';
            if (char.IsAsciiDigit(c) || c is ',' or '.')
            {
                if (start < 0)
                {
                    start = i;
                }

                comma |= c == ',';
                if (char.IsAsciiDigit(c) && ++digits > 10)
                {
                    return true;
                }
            }
            else
            {
                if (comma && !ValidGrouping(normalized[start..i]))
                {
                    return true;
                }

                digits = 0;
                start = -1;
                comma = false;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="TryParse"/> of a run of ASCII digits, commas and a dot (a cell's number token), without
    /// making strings of it: the same number, the same refusals. False for any other text.
    /// </summary>
    public static bool TryParseRun(ReadOnlySpan<char> token, out PrintedNumber number) => TryParseRun(token, out number, out _);

    /// <summary><see cref="TryParse"/> of a span: without a string when it is a plain run of ASCII digits, commas and a dot.</summary>
    public static bool TryParseSpan(ReadOnlySpan<char> text, out PrintedNumber number) =>
        TryParseRun(text, out number, out bool plain) || (!plain && TryParse(text.ToString(), out number));

    private static bool TryParseRun(ReadOnlySpan<char> token, out PrintedNumber number, out bool plain)
    {
        // Most runs have no thousands separator (95, 0.95, 2181.57): they are read where they are, not copied first.
        if (token.Length <= 64 && !token.ContainsAnyExcept(DigitsAndDot))
        {
            return TryParseDigits(token, out number, out plain);
        }

        return TryParseRunCopying(token, out number, out plain);
    }

    /// <summary>ASCII digits and the point: a run made only of them has nothing to take out.</summary>
    private static readonly System.Buffers.SearchValues<char> DigitsAndDot = System.Buffers.SearchValues.Create("0123456789.");

    /// <summary>
    /// The run read through a copy without its commas: every run before session 34, now those with a comma (or
    /// longer than the copy). A test holds <see cref="TryParseRun(ReadOnlySpan{char}, out PrintedNumber)"/> equal to it.
    /// </summary>
    internal static bool TryParseRunCopying(ReadOnlySpan<char> token, out PrintedNumber number, out bool plain)
    {
        number = default;
        plain = false;
        Span<char> digits = stackalloc char[64];
        int n = 0;
        foreach (char c in token)
        {
            // Anything but ASCII digits, commas and dots (a full-width １, an Arabic-Indic ٫, a sign, a space) is not a
            // plain run: the caller normalizes it first, and only then is its grouping judged (１,000 is 1,000).
            if (n == digits.Length || !(char.IsAsciiDigit(c) || c is ',' or '.'))
            {
                return false;
            }

            if (c != ',')
            {
                digits[n++] = c;
            }
        }

        if (!ValidGrouping(token))
        {
            // Not thousands grouping (920,00, 1,2345, 1.234,56): a decimal comma or a list, never read as one number
            // with the commas taken out (a silent ×100). The run is plain: nothing else would read it.
            plain = true;
            return false;
        }

        return TryParseDigits(digits[..n], out number, out plain);
    }

    /// <summary>A run of ASCII digits and dots (its commas taken out) as a number: <paramref name="plain"/> is always true.</summary>
    private static bool TryParseDigits(ReadOnlySpan<char> s, out PrintedNumber number, out bool plain)
    {
        number = default;
        plain = true;
        if (s.Length == 0 || !(TryPlainDecimal(s, out decimal value)
            || decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)))
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
    /// The decimal <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out decimal)"/> reads
    /// from a run of ASCII digits with at most one point and at most 19 digits (the common case: 95, 0.95,
    /// 2181.57), built from the digits without the framework's general parser: the digits are the mantissa
    /// (below 10¹⁹, so within 64 bits) and the digits after the point the scale — as the parser keeps them,
    /// trailing zeros included (2.50 has scale 2). False when the run is anything else (two points, a sign, more
    /// digits, no digit): the caller then asks the framework. Held equal to the framework by
    /// <c>PrintedNumberParseTests</c>.
    /// </summary>
    internal static bool TryPlainDecimal(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0m;
        ulong mantissa = 0;
        int digits = 0, dot = -1;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '.' && dot < 0)
            {
                dot = i;
            }
            else if (char.IsAsciiDigit(c) && digits < 19)
            {
                mantissa = (mantissa * 10) + (uint)(c - '0');
                digits++;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        int scale = dot < 0 ? 0 : s.Length - dot - 1;
        value = new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, false, (byte)scale);
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
    public static string Format(decimal value, int decimals)
    {
        Span<byte> buffer = stackalloc byte[48];
        return TryFormatUtf8(value, decimals, buffer, out int written)
            ? System.Text.Encoding.Latin1.GetString(buffer[..written])
            : RoundHalfUp(value, decimals).ToString(decimals is >= 0 and < 29 ? FixedFormats[decimals] : "F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <see cref="Format"/> as UTF-8 (ASCII) bytes, from the decimal's own digits (a 96-bit mantissa and
    /// its scale). False for a negative value (or negative zero) and for more than 28 decimals, which the
    /// caller formats the framework's way.
    /// </summary>
    public static bool TryFormatUtf8(decimal value, int decimals, Span<byte> destination, out int written)
    {
        written = 0;
        // The sign bit (negative zero included): TryDigits refuses those too, so this only answers sooner.
        if (decimals is < 0 or > 28 || decimal.IsNegative(value))
        {
            return false;
        }

        decimal rounded = value.Scale <= decimals ? value : RoundHalfUp(value, decimals);
        return TryDigits(rounded, decimals, trim: false, destination, out written);
    }

    /// <summary><see cref="FormatTrimmed"/> as UTF-8 (ASCII) bytes, on the same terms as <see cref="TryFormatUtf8"/>.</summary>
    public static bool TryFormatTrimmedUtf8(decimal value, Span<byte> destination, out int written)
    {
        written = 0;
        return !decimal.IsNegative(value) && TryDigits(value, 0, trim: true, destination, out written);
    }

    /// <summary>
    /// The digits of a positive decimal: integer part (at least 0), then its scale's decimals padded to
    /// <paramref name="decimals"/> (as the F format prints a value already rounded to them), or, with
    /// <paramref name="trim"/>, without trailing zeros (as the custom format 0.### does).
    /// </summary>
    private static bool TryDigits(decimal value, int decimals, bool trim, Span<byte> destination, out int written)
    {
        written = 0;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[3] < 0)
        {
            return false;
        }

        int scale = (bits[3] >> 16) & 0xFF;
        if (scale > decimals && !trim)
        {
            return false;
        }

        // The 96-bit mantissa's digits (most values fit 64 bits; unrounded scores often take all 96).
        Span<byte> buffer = stackalloc byte[MantissaDigitsLength];
        Span<byte> digits = buffer[MantissaDigits(unchecked((uint)bits[2]), unchecked((uint)bits[1]), unchecked((uint)bits[0]), buffer)..];
        int n = digits.Length;

        if (n == 1 && digits[0] == (byte)'0')
        {
            // Zero (never negative here): 0, or 0.00… padded to the decimals asked for.
            scale = 0;
            if (trim)
            {
                decimals = 0;
            }
        }

        if (trim)
        {
            while (scale > 0 && digits[n - 1] == (byte)'0')
            {
                n--;
                scale--;
            }

            decimals = scale;
        }

        int intDigits = n > scale ? n - scale : 0;
        int length = (intDigits == 0 ? 1 : intDigits) + (decimals > 0 ? 1 + decimals : 0);
        if (length > destination.Length)
        {
            return false;
        }

        int at = 0;
        if (intDigits == 0)
        {
            destination[at++] = (byte)'0';
        }
        else
        {
            digits[..intDigits].CopyTo(destination);
            at = intDigits;
        }

        if (decimals > 0)
        {
            destination[at++] = (byte)'.';
            // Leading zeros of the fraction when the digits are fewer than the scale (0.05 is 5 at scale 2).
            for (int z = n; z < scale; z++)
            {
                destination[at++] = (byte)'0';
            }

            ReadOnlySpan<byte> fraction = digits[intDigits..n];
            fraction.CopyTo(destination[at..]);
            at += fraction.Length;
            for (int z = scale; z < decimals; z++)
            {
                destination[at++] = (byte)'0';
            }
        }

        written = at;
        return true;
    }

    private static readonly string[] FixedFormats = Enumerable.Range(0, 29).Select(d => "F" + d.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Formats without trailing zeros (4.00 → "4", 0.20 → "0.2").</summary>
    public static string FormatTrimmed(decimal value)
    {
        Span<byte> utf8 = stackalloc byte[48];
        if (TryFormatTrimmedUtf8(value, utf8, out int length))
        {
            return System.Text.Encoding.Latin1.GetString(utf8[..length]);
        }

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

/// <summary>
/// A number as <see cref="PrintedNumber.Format"/> (fixed decimals, half up) or <see cref="PrintedNumber.FormatTrimmed"/>
/// prints it, for an interpolated string: written straight into the string being built, without a string of
/// its own (a trace holds four or five numbers). The same characters as those two methods, by construction:
/// the same UTF-8 digits widened, or their string when the digits cannot be written by hand (negative values).
/// </summary>
public readonly struct PrintedText : ISpanFormattable
{
    private readonly decimal value;
    private readonly int decimals;
    private readonly bool trimmed;

    private PrintedText(decimal value, int decimals, bool trimmed)
    {
        this.value = value;
        this.decimals = decimals;
        this.trimmed = trimmed;
    }

    /// <summary>As <see cref="PrintedNumber.FormatTrimmed"/>.</summary>
    public static PrintedText Trimmed(decimal value) => new(value, 0, trimmed: true);

    /// <summary>As <see cref="PrintedNumber.Format"/>.</summary>
    public static PrintedText Fixed(decimal value, int decimals) => new(value, decimals, trimmed: false);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        Span<byte> utf8 = stackalloc byte[64];
        if (trimmed ? PrintedNumber.TryFormatTrimmedUtf8(value, utf8, out int n) : PrintedNumber.TryFormatUtf8(value, decimals, utf8, out n))
        {
            if (n > destination.Length)
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                destination[i] = (char)utf8[i];
            }

            charsWritten = n;
            return true;
        }

        string text = ToString();
        if (!text.TryCopyTo(destination))
        {
            return false;
        }

        charsWritten = text.Length;
        return true;
    }

    public override string ToString() => trimmed ? PrintedNumber.FormatTrimmed(value) : PrintedNumber.Format(value, decimals);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();
}
