using System.Text.RegularExpressions;

namespace Assistant.Domain.Verification;

/// <summary>
/// The groups <c>MentionExtractor</c>'s number pattern captures (qual, num, pct, mag, unit, tail), read
/// back from the characters it matched instead of from a <see cref="Match"/>: no Match, Group or string
/// per number. Everything after the number in the pattern is optional, so the regex's first successful
/// path is the greedy one at every step (the first alternative of each list that fits); only the number
/// itself backtracks (1,234,5678 reads 1,234), which <see cref="NumEnd"/> follows. The words are the
/// pattern's own literals, so nothing is allocated. <see cref="TryRead"/> is false when the reading
/// does not end where the match ends (never, for the pattern as it is: the property tests compare every
/// group with the regex's on generated texts).
/// </summary>
internal readonly record struct NumberSpan(string? Qual, int NumStart, int NumLength, string Pct, string Mag, string Unit, string? Tail)
{
    // The pattern's own word lists (MentionExtractor), in its order: the first alternative that fits is the one the regex takes.
    private static readonly string[] Quals = MentionExtractor.QualWords.Split('|');
    private static readonly string[] Mags = MentionExtractor.MagWords.Split('|');
    private static readonly string[] Units = MentionExtractor.UnitWords.Split('|');
    private static readonly string[] Tails = MentionExtractor.TailWords.Split('|');

    /// <summary>Reads the groups of <paramref name="match"/>, the exact characters the number pattern matched.</summary>
    public static bool TryRead(ReadOnlySpan<char> match, out NumberSpan groups)
    {
        groups = default;
        int p = 0;
        string? qual = null;
        if (match.Length > 0 && !char.IsDigit(match[0]) && !char.IsWhiteSpace(match[0]))
        {
            qual = FirstQual(match);
            if (qual is null)
            {
                return false;
            }

            p = qual.Length;
        }

        p = SkipSpace(match, p);
        int numStart = p;
        p = NumEnd(match, p);
        if (p < 0)
        {
            return false;
        }

        int numLength = p - numStart;
        p = SkipSpace(match, p);
        string pct = string.Empty, mag = string.Empty, unit = string.Empty;
        if (p < match.Length && match[p] is '%' or '‰')
        {
            pct = match[p] == '%' ? "%" : "‰";
            p++;
        }
        else
        {
            mag = First(Mags, match[p..]) ?? string.Empty;
            p = SkipSpace(match, p + mag.Length);
            unit = First(Units, match[p..]) ?? string.Empty;
            p += unit.Length;
        }

        string? tail = First(Tails, match[p..]);
        p += tail?.Length ?? 0;
        if (p != match.Length)
        {
            return false;
        }

        groups = new NumberSpan(qual, numStart, numLength, pct, mag, unit, tail);
        return true;
    }

    /// <summary>The groups as the regex captured them (the fallback of <see cref="TryRead"/>); the number's start is relative to the match.</summary>
    public static NumberSpan Of(Match m)
    {
        Group num = m.Groups["num"];
        return new NumberSpan(
            m.Groups["qual"].Success ? m.Groups["qual"].Value : null,
            num.Index - m.Index,
            num.Length,
            m.Groups["pct"].Value,
            m.Groups["mag"].Value,
            m.Groups["unit"].Value,
            m.Groups["tail"].Success ? m.Groups["tail"].Value : null);
    }

    /// <summary>
    /// Where <c>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?</c> followed by <c>(?!\d)</c> ends, from
    /// <paramref name="p"/>, as the regex backtracks to it; -1 when no digit is there.
    /// </summary>
    internal static int NumEnd(ReadOnlySpan<char> s, int p)
    {
        int run = Digits(s, p);
        if (run == 0)
        {
            return -1;
        }

        if (run <= 3)
        {
            // Thousands groups, as many as fit, then one fewer while a digit follows the last (no decimals).
            int groups = 0, q = p + run;
            while (q + 3 < s.Length && s[q] == ',' && Digits(s, q + 1) >= 3)
            {
                groups++;
                q += 4;
            }

            for (; groups > 0; groups--, q -= 4)
            {
                if (Decimals(s, q) is var d and > 0)
                {
                    return q + d;
                }

                if (q == s.Length || !char.IsDigit(s[q]))
                {
                    return q;
                }
            }
        }

        int end = p + run;
        return end + Decimals(s, end);
    }

    /// <summary>The length of <c>\.\d+</c> at <paramref name="p"/> (the dot and every digit after it), or 0.</summary>
    private static int Decimals(ReadOnlySpan<char> s, int p) =>
        p < s.Length && s[p] == '.' && Digits(s, p + 1) is var d and > 0 ? d + 1 : 0;

    private static int Digits(ReadOnlySpan<char> s, int p)
    {
        int q = p;
        while (q < s.Length && char.IsDigit(s[q]))
        {
            q++;
        }

        return q - p;
    }

    private static int SkipSpace(ReadOnlySpan<char> s, int p)
    {
        while (p < s.Length && char.IsWhiteSpace(s[p]))
        {
            p++;
        }

        return p;
    }

    /// <summary>The first qualifier followed (after spaces) by a digit, as the regex requires of it.</summary>
    private static string? FirstQual(ReadOnlySpan<char> s)
    {
        foreach (string q in Quals)
        {
            if (s.StartsWith(q, StringComparison.Ordinal) && SkipSpace(s, q.Length) is var p && p < s.Length && char.IsDigit(s[p]))
            {
                return q;
            }
        }

        return null;
    }

    private static string? First(string[] words, ReadOnlySpan<char> s)
    {
        foreach (string w in words)
        {
            if (s.StartsWith(w, StringComparison.Ordinal))
            {
                return w;
            }
        }

        return null;
    }
}

/// <summary>Which parts <c>MentionExtractor</c>'s date pattern matched, read from the matched characters.</summary>
internal static class DateSpan
{
    /// <summary>
    /// The pattern's first branch (a year) always holds 年 and holds 月 exactly when its optional month
    /// matched; its second branch (a month alone) holds 月 and never 年. The year is the first four characters.
    /// </summary>
    public static (bool HasYear, bool HasMonth) Parts(ReadOnlySpan<char> match) => (match.Contains('年'), match.Contains('月'));
}
