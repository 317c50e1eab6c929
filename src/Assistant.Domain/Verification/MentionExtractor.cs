using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Finds every number in a Chinese text: Arabic numbers (thousands separators, decimals, full-width
/// digits, ％), percentages and 个百分点, magnitudes 万/亿, units, qualifiers (约, 超过, 以上…), and common
/// Chinese numerals (三项, 百分之九十); and tells identifiers (years, dates, document numbers, list
/// markers) from quantities. Spans are UTF-16 indices into the original text.
/// </summary>
public static partial class MentionExtractor
{
    public static IReadOnlyList<Mention> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(text, TextNormalizer.Normalize(text));
    }

    /// <summary>The numbers of <paramref name="text"/>, given its <see cref="TextNormalizer.Normalize"/> already made.</summary>
    internal static List<Mention> Extract(string text, string s)
    {
        var taken = new bool[s.Length];
        var mentions = new List<Mention>();

        void Add(int index, int length, MentionKind kind, PrintedNumber? number, UnitSpec unit, string? qualifier)
        {
            taken.AsSpan(index, length).Fill(true);
            mentions.Add(new Mention(index, length, text.Substring(index, length), kind, number, unit, qualifier));
        }

        // Each pattern is enumerated without Match objects (ValueMatch: where and how long); the few groups
        // read are recovered from the matched characters (NumberSpan, DateSpan), exactly as the regexes capture them.
        // A link (a download address) is an identifier as a whole: its digits are no quantities.
        foreach (ValueMatch m in Link().EnumerateMatches(s))
        {
            Add(m.Index, m.Length, MentionKind.DocumentNumber, null, UnitSpec.None, null);
        }

        // A document number ends in 号: a text without one is not scanned (the pattern tries every Chinese character as a start).
        if (s.Contains('号', StringComparison.Ordinal))
        {
            foreach (ValueMatch m in DocumentNumber().EnumerateMatches(s))
            {
                if (Free(taken, m.Index, m.Length))
                {
                    Add(m.Index, m.Length, MentionKind.DocumentNumber, null, UnitSpec.None, null);
                }
            }
        }

        foreach (ValueMatch m in ListMarker().EnumerateMatches(s))
        {
            if (Free(taken, m.Index, m.Length))
            {
                Add(m.Index, m.Length, MentionKind.Ordinal, null, UnitSpec.None, null);
            }
        }

        foreach (ValueMatch m in DatePattern().EnumerateMatches(s))
        {
            if (!Free(taken, m.Index, m.Length))
            {
                continue;
            }

            ReadOnlySpan<char> date = s.AsSpan(m.Index, m.Length);
            (bool hasYear, bool hasMonth) = DateSpan.Parts(date);
            if (hasYear && int.TryParse(date[..4], System.Globalization.CultureInfo.InvariantCulture, out int y) && y is < 1949 or > 2100)
            {
                continue;
            }

            Add(m.Index, m.Length, hasMonth ? MentionKind.Date : MentionKind.Year, null, UnitSpec.None, null);
        }

        foreach (ValueMatch m in NumberPattern().EnumerateMatches(s))
        {
            if (!Free(taken, m.Index, m.Length))
            {
                continue;
            }

            if (!NumberSpan.TryRead(s.AsSpan(m.Index, m.Length), out NumberSpan n))
            {
                // Never taken for the pattern as it is (the property tests hold it): the groups as the regex captures them.
                n = NumberSpan.Of(NumberPattern().Match(s, m.Index));
            }

            if (!PrintedNumber.TryParseSpan(s.AsSpan(m.Index + n.NumStart, n.NumLength), out PrintedNumber number))
            {
                continue;
            }

            string baseUnit = n.Pct.Length > 0 ? n.Pct : UnitSpec.Canonical(n.Unit);
            var unit = new UnitSpec(n.Mag, UnitSpec.MultiplierOf(n.Mag) ?? 1m, baseUnit);
            Add(m.Index, m.Length, KindOf(unit), number, unit, n.Qual ?? n.Tail);
        }

        foreach (Match m in ChinesePercent().Matches(s))
        {
            if (Free(taken, m.Index, m.Length) && ChineseNumeral(m.Groups["cn"].Value) is { } v)
            {
                Add(m.Index, m.Length, MentionKind.Percent, PrintedNumber.Exact(v), new UnitSpec(string.Empty, 1m, "%"), null);
            }
        }

        foreach (Match m in ChineseCount().Matches(s))
        {
            if (Free(taken, m.Index, m.Length) && ChineseNumeral(m.Groups["cn"].Value) is { } v)
            {
                Add(m.Index, m.Length, MentionKind.Quantity, PrintedNumber.Exact(v), new UnitSpec(string.Empty, 1m, m.Groups["unit"].Value), null);
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    private static bool Free(bool[] taken, int index, int length) => !taken.AsSpan(index, length).Contains(true);

    private static MentionKind KindOf(UnitSpec unit) => unit.Base switch
    {
        "%" or "‰" or "个百分点" => MentionKind.Percent,
        "元" or "元/人" or "元/人/月" or "元/人/年" or "元/人次" => MentionKind.Money,
        _ => MentionKind.Quantity,
    };

    /// <summary>零一二两三…十百 (up to 999, with 点 for decimals): 九十 → 90, 三 → 3, 九十五点五 → 95.5.</summary>
    public static decimal? ChineseNumeral(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('点');
        decimal? whole = ChineseInteger(parts[0]);
        if (whole is null || parts.Length > 2)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return whole;
        }

        decimal frac = 0m, scale = 0.1m;
        foreach (char c in parts[1])
        {
            int d = Digit(c);
            if (d < 0)
            {
                return null;
            }

            frac += d * scale;
            scale /= 10m;
        }

        return whole + frac;
    }

    private static decimal? ChineseInteger(string s)
    {
        if (s.Length == 0)
        {
            return null;
        }

        decimal total = 0m, current = 0m;
        foreach (char c in s)
        {
            int d = Digit(c);
            if (d >= 0)
            {
                current = d;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else if (c == '百')
            {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
            else
            {
                return null;
            }
        }

        return total + current;
    }

    private static int Digit(char c) => "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? i : c == '两' ? 2 : -1;

    [GeneratedRegex(@"[\u4e00-\u9fa5A-Za-z]{1,16}\s*[〔\[【（(]\s*\d{4}\s*[〕\]】）)]\s*\d{1,4}\s*号")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"(?:https?://|(?<![\w/])/api/v\d+/)[A-Za-z0-9._~%/?#=&+\-]+")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?:(?<=^|[\n。；;：:])[ \t]*[（(]\s*\d{1,2}\s*[)）])|(?:(?<=^|\n)[ \t]*\d{1,2}(?:[、]|\.(?!\d)))|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|第\s*\d{1,3}\s*(?=[项条款章节部分批期次个])")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?<![\d.])(?:(?<y>\d{4})\s*年(?:度)?\s*(?:(?<m>\d{1,2})\s*月(?:份)?\s*(?:(?<d>\d{1,2})\s*[日号])?(?:底|末|初|中旬|上旬|下旬)?)?|(?<![个\d])(?<m>\d{1,2})\s*月(?:份)?\s*(?:(?<d>\d{1,2})\s*[日号])?(?:底|末|初|中旬|上旬|下旬)?)")]
    private static partial Regex DatePattern();

    // The number pattern's word lists, in its order (the first alternative that fits is the one the regex
    // takes); NumberSpan reads the groups back from the matched characters with the same lists.
    internal const string QualWords = "约为|约|大约|将近|接近|近|超过|逾|不低于|不少于|不高于|不超过";
    internal const string MagWords = "万亿|千万|百万|亿|万|千";
    internal const string UnitWords = "个百分点|百分点|元/人/月|元/人/年|元/人次|元/人|元|人次|户次|人|户|家|个工作日|个月|个|件|起|项|次|倍|分|天|名|所|期|场|批|份|篇|条|处|座|套|台|亩|年|周";
    internal const string TailWords = "左右|以上|以下";

    [GeneratedRegex(@"(?<qual>" + QualWords + @")?\s*(?<![\d.])(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])\s*(?:(?<pct>%|‰)|(?<mag>" + MagWords + @")?\s*(?<unit>" + UnitWords + @")?)(?<tail>" + TailWords + ")?")]
    internal static partial Regex NumberPattern();

    [GeneratedRegex(@"百分之(?<cn>[零一二两三四五六七八九十百点]+)")]
    private static partial Regex ChinesePercent();

    [GeneratedRegex(@"(?<![第统唯之万这那哪每任同某单一二两三四五六七八九十])(?<cn>[一二两三四五六七八九十]{1,3})(?<unit>项|家|批|期)(?![目性])")]
    private static partial Regex ChineseCount();
}
