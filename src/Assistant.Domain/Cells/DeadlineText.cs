namespace Assistant.Domain.Cells;

/// <summary>
/// The parts of a cell that reads as a date (<c>2024年12月底前</c>, <c>11月</c>, <c>6月份</c>, <c>3月15日</c>), read without a
/// regex match object. It accepts what the anchored pattern
/// <c>^(?:(?&lt;y&gt;\d{4})年)?(?:(?&lt;m&gt;\d{1,2})月(?:份)?)?(?:(?&lt;d&gt;\d{1,2})[日号])?(?&lt;end&gt;底|末|中旬|上旬|下旬|初)?(?&lt;before&gt;前|之前|以前|内|止|以内)?$</c>
/// accepts, with the same parts (a test holds the two equal over generated cells). The parse is unique: each run of digits
/// is followed by the character that says which part it is (年, 月, 日/号), and no word of the end part is a word of the
/// before part, so reading left to right without going back finds the pattern's match.
/// </summary>
internal readonly record struct DeadlineText(int? Year, int? Month, int? Day, string? End, bool Before)
{
    /// <summary>How a text was read: as a date, as no date, or not by this reader (the pattern reads it).</summary>
    public enum Outcome
    {
        Matched,
        NotMatched,
        AskThePattern,
    }

    private static readonly string[] EndWords = ["底", "末", "中旬", "上旬", "下旬", "初"];
    private static readonly string[] BeforeWords = ["前", "之前", "以前", "内", "止", "以内"];

    /// <summary>
    /// Reads <paramref name="s"/>. A digit other than 0–9 (the pattern's <c>\d</c> takes every decimal digit) or a final line
    /// break (which <c>$</c> lets stand) is left to the pattern; the cells the parser reads have neither.
    /// </summary>
    public static Outcome TryRead(string s, out DeadlineText parts)
    {
        parts = default;
        foreach (char c in s)
        {
            if (c == '\n' || (c > '\u007F' && char.IsDigit(c)))
            {
                return Outcome.AskThePattern;
            }
        }

        int pos = 0;
        int? year = null, month = null, day = null;
        int run = DigitsAt(s, pos);
        if (run == 4 && At(s, pos + 4, '年'))
        {
            year = Number(s, pos, 4);
            pos += 5;
            run = DigitsAt(s, pos);
        }

        if (run is 1 or 2 && At(s, pos + run, '月'))
        {
            month = Number(s, pos, run);
            pos += run + 1;
            if (At(s, pos, '份'))
            {
                pos++;
            }

            run = DigitsAt(s, pos);
        }

        if (run is 1 or 2 && (At(s, pos + run, '日') || At(s, pos + run, '号')))
        {
            day = Number(s, pos, run);
            pos += run + 1;
        }

        string? end = WordAt(s, ref pos, EndWords);
        bool before = WordAt(s, ref pos, BeforeWords) is not null;
        if (pos != s.Length)
        {
            return Outcome.NotMatched;
        }

        parts = new DeadlineText(year, month, day, end, before);
        return Outcome.Matched;
    }

    /// <summary>The length of the run of ASCII digits at <paramref name="pos"/> (at most 5 counted: no part takes more than 4).</summary>
    private static int DigitsAt(string s, int pos)
    {
        int n = 0;
        while (pos + n < s.Length && n < 5 && char.IsAsciiDigit(s[pos + n]))
        {
            n++;
        }

        return n;
    }

    private static bool At(string s, int pos, char c) => pos < s.Length && s[pos] == c;

    private static int Number(string s, int pos, int length)
    {
        int v = 0;
        for (int i = pos; i < pos + length; i++)
        {
            v = (v * 10) + (s[i] - '0');
        }

        return v;
    }

    /// <summary>The word of <paramref name="words"/> at <paramref name="pos"/> (the pattern's alternation order), moving past it; null if none.</summary>
    private static string? WordAt(string s, ref int pos, string[] words)
    {
        foreach (string w in words)
        {
            if (s.AsSpan(pos).StartsWith(w, StringComparison.Ordinal))
            {
                pos += w.Length;
                return w;
            }
        }

        return null;
    }
}
