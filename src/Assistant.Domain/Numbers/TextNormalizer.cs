namespace Assistant.Domain.Numbers;

/// <summary>Folds full-width and other scripts' digits, signs and spaces to their ASCII forms, keeping string length.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Full-width ASCII (U+FF01–U+FF5E) becomes ASCII; ideographic and no-break spaces become spaces.
    /// Decimal digits of every script (Arabic-Indic ٩٨, Devanagari १२, Thai ๑…) are read as the digits they
    /// are, with the Arabic decimal and thousands separators (٫ ٬): a regex <c>\d</c> matches them, so they
    /// must reach the number parser as ASCII. The result has the same length as the input, so indices into
    /// it are indices into the original.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Most text needs nothing: return it as it is, without a copy.
        int first = 0;
        while (first < text.Length && Map(text[first]) == text[first])
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan(0, state.first).CopyTo(span);
            for (int i = state.first; i < span.Length; i++)
            {
                span[i] = Map(state.text[i]);
            }
        });
    }

    /// <summary>
    /// <see cref="char.IsWhiteSpace(char)"/>, answered without the Unicode tables for the characters tables are made of:
    /// no white space lies between U+00FF and U+1680 or after U+3000 (CJK, full-width forms), so only Latin-1 and
    /// U+1680–U+3000 are asked (held equal for all 65,536 code units by <c>ScoringPathSession33Tests</c> and
    /// <c>ScoringPathSession34Tests</c>).
    /// </summary>
    public static bool IsWhiteSpace(char c) => c <= '\u00FF' ? char.IsWhiteSpace(c) : c is >= '\u1680' and <= '\u3000' && char.IsWhiteSpace(c);

    /// <summary><see cref="string.IsNullOrWhiteSpace(string?)"/> through <see cref="IsWhiteSpace(char)"/> (a CJK character is not asked of the Unicode tables).</summary>
    public static bool IsBlank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? text)
    {
        if (text is null)
        {
            return true;
        }

        foreach (char c in text)
        {
            if (!IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see cref="string.Trim()"/> through <see cref="IsWhiteSpace(char)"/>: the same text (the instance itself
    /// when there is nothing to trim, as <see cref="string.Trim()"/> returns it).
    /// </summary>
    public static string TrimWhiteSpace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = 0, end = text.Length - 1;
        while (start <= end && IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end >= start && IsWhiteSpace(text[end]))
        {
            end--;
        }

        return start == 0 && end == text.Length - 1 ? text : text[start..(end + 1)];
    }

    /// <summary>One character as <see cref="Normalize"/> folds it.</summary>
    public static char Map(char c) => c switch
    {
        <= '\u007F' => c,
        // CJK unified ideographs (most of a Chinese text): letters, no digit among them, kept without the Unicode lookup.
        >= '\u4E00' and <= '\u9FFF' => c,
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => ' ',
        '\u2265' => '≥',
        '\u2264' => '≤',
        // ≧ ≦ (the signs of Japanese and some Chinese fonts) and the small ﹤ ﹥ are the comparators; ∕ (division slash) is /.
        '\u2267' => '≥',
        '\u2266' => '≤',
        '\uFE64' => '<',
        '\uFE65' => '>',
        '\u2215' => '/',
        '\u00B7' or '\u066B' => '.',
        '\u066C' => ',',
        _ when char.IsDigit(c) => (char)('0' + (int)char.GetNumericValue(c)),
        _ => c,
    };
}
