using System.Globalization;

namespace Assistant.Domain.Numbers;

/// <summary>
/// A number a pattern found in text people typed. .NET's <c>\d</c> matches every Unicode decimal digit (full-width
/// ０–９ as staff often type them, Arabic-Indic, Devanagari…), while <see cref="int.Parse(string)"/> and
/// <see cref="decimal.Parse(string)"/> read ASCII digits only and throw on a run too long for the type. These read any
/// decimal digit by its value and answer <c>null</c> for what does not fit, so a question, a cell or a text can never
/// turn a matched number into an exception.
/// </summary>
public static class MatchedNumber
{
    /// <summary>Longer matches are not numbers anyone means (a decimal holds 28–29 significant digits).</summary>
    private const int MaxLength = 64;

    /// <summary>A whole number (digits only, in any script), or null when it is not one or does not fit an <see cref="int"/>.</summary>
    public static int? Int(ReadOnlySpan<char> digits)
    {
        Span<char> ascii = stackalloc char[MaxLength];
        return Fold(digits, ascii) is int n && int.TryParse(ascii[..n], NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : null;
    }

    /// <summary>A number with the invariant culture's point and group separators (<see cref="NumberStyles.Number"/>), digits in
    /// any script, or null when it is not one or does not fit a <see cref="decimal"/>.</summary>
    public static decimal? Decimal(ReadOnlySpan<char> text)
    {
        Span<char> ascii = stackalloc char[MaxLength];
        return Fold(text, ascii) is int n && decimal.TryParse(ascii[..n], NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) ? v : null;
    }

    /// <summary>The text with every decimal digit written as its ASCII digit, and a full-width point between two digits as
    /// the ASCII point (８５．５); the instance itself when there is nothing to fold. Characters keep their places.</summary>
    public static string Ascii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = 0;
        while (first < text.Length && !IsOtherDigit(text[first]) && !IsWidePoint(text, first))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, t) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = IsOtherDigit(t[i]) ? TextNormalizer.Map(t[i]) : IsWidePoint(t, i) ? '.' : t[i];
            }
        });
    }

    /// <summary>A decimal digit other than ASCII; CJK ideographs (most of a Chinese text) are answered without the Unicode tables.</summary>
    private static bool IsOtherDigit(char c) => c > '\u007F' && c is not (>= '\u4E00' and <= '\u9FFF') && char.IsDigit(c);

    private static bool IsWidePoint(string t, int i) =>
        t[i] == '\uFF0E' && i > 0 && i + 1 < t.Length && char.IsDigit(t[i - 1]) && char.IsDigit(t[i + 1]);

    /// <summary>The digits folded into <paramref name="into"/>; the length, or null when the text is longer than it.</summary>
    private static int? Fold(ReadOnlySpan<char> text, Span<char> into)
    {
        if (text.Length > into.Length)
        {
            return null;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            into[i] = IsOtherDigit(c) ? TextNormalizer.Map(c) : c; // a digit as the normalizer folds it
        }

        return text.Length;
    }
}
