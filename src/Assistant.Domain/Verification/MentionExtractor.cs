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
            foreach ((int index, int length) in DocumentNumbers(s))
            {
                if (Free(taken, index, length))
                {
                    Add(index, length, MentionKind.DocumentNumber, null, UnitSpec.None, null);
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

        // 2023—2025年, 2023-2025年: the first year of a range is a year too, not a bare number (session 38).
        foreach (ValueMatch m in YearBeforeRange().EnumerateMatches(s))
        {
            if (Free(taken, m.Index, m.Length))
            {
                Add(m.Index, m.Length, MentionKind.Year, null, UnitSpec.None, null);
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

        // A rate per 10万 (13.5/10万, 2例/10万人, ≤10/万): the denominator is the number's unit, not a number of its own.
        List<(int Index, int Length, string Denominator)>? per = null;
        if (s.Contains('/', StringComparison.Ordinal))
        {
            foreach (Match m in PerDenominator().Matches(s))
            {
                if (Free(taken, m.Index, m.Length))
                {
                    taken.AsSpan(m.Index, m.Length).Fill(true);
                    (per ??= []).Add((m.Index, m.Length, m.Groups["d"].Value.Replace(" ", string.Empty, StringComparison.Ordinal)));
                }
            }
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
            int length = m.Length;
            if (per is not null && Per(s, m.Index + m.Length, per) is { } p)
            {
                // 13.5/10万 is 13.5 in the unit 1/10万; 2例/10万 in 例/10万.
                baseUnit = (baseUnit.Length > 0 ? baseUnit : p.Word.Length > 0 ? p.Word : "1") + "/" + p.Denominator;
                length = p.End - m.Index;
            }

            var unit = new UnitSpec(n.Mag, UnitSpec.MultiplierOf(n.Mag) ?? 1m, baseUnit);
            Add(m.Index, length, KindOf(unit), number, unit, n.Qual ?? n.Tail);
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

        foreach (Mention c in ChineseAmounts(text, s))
        {
            if (Free(taken, c.Start, c.Length))
            {
                Add(c.Start, c.Length, c.Kind, c.Number, c.Unit, c.Qualifier);
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>
    /// Amounts and counts in Chinese numerals with a place word (二百六十八万元, 一点二万亩, 一万零五百亩, 十二个, 两千余人,
    /// 廿三项, 约三百万元), read exactly in decimal: a trailing 万/亿 is the magnitude, 余/多 after the numeral read as 逾
    /// (more than), 约/近 before it as the Arabic qualifiers. A numeral of one digit alone (一个, 两人) is no amount,
    /// nor one that starts with its place word (超百个, 千家万户). Candidates only: the caller keeps those not already taken.
    /// </summary>
    public static IEnumerable<Mention> ChineseAmounts(string text, string s)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(s);
        if (s.AsSpan().IndexOfAny(PlaceChars) < 0)
        {
            yield break;
        }

        foreach (Match m in ChineseAmount().Matches(s))
        {
            string cn = m.Groups["cn"].Value;
            if (cn.AsSpan().IndexOfAny(PlaceChars) < 0)
            {
                continue;
            }

            string mag = m.Groups["mag"].Value;
            if (mag.Length == 0 && cn.Length > 1 && cn[^1] is '万' or '亿')
            {
                // 二百六十八万元: the numeral's last 万 or 亿 is the amount's magnitude (一万零五百亩 keeps its inner 万).
                mag = cn.EndsWith("万亿", StringComparison.Ordinal) ? "万亿" : cn[^1].ToString();
                cn = cn[..^mag.Length];
            }

            // 一亿二千五百六十万元: 1亿2560万 is 12560万, not (1亿 + 2560)万.
            decimal? read = mag == "万" && cn.Contains('亿', StringComparison.Ordinal) ? ChineseNumber(cn + "万") / 10000m : ChineseNumber(cn);
            if (read is not { } value)
            {
                continue;
            }

            string baseUnit = UnitSpec.Canonical(m.Groups["unit"].Value);
            var unit = new UnitSpec(mag, UnitSpec.MultiplierOf(mag) ?? 1m, baseUnit);
            string? qualifier = m.Groups["qual"].Success ? m.Groups["qual"].Value : m.Groups["more"].Success ? "逾" : m.Groups["tail"].Success ? m.Groups["tail"].Value : null;
            yield return new Mention(m.Index, m.Length, text.Substring(m.Index, m.Length), KindOf(unit), PrintedNumber.Exact(value), unit, qualifier);
        }
    }

    private static readonly System.Buffers.SearchValues<char> PlaceChars = System.Buffers.SearchValues.Create("十百千万亿廿点零〇");

    /// <summary>
    /// A Chinese numeral of any size: 二百六十八 → 268, 一万零五百 → 10500, 三亿二千万 → 320000000, 廿三 → 23, 一点零五 → 1.05,
    /// 二〇五 → 205 (digit by digit); null for anything else.
    /// </summary>
    public static decimal? ChineseNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int point = text.IndexOf('点', StringComparison.Ordinal);
        string whole = point >= 0 ? text[..point] : text;
        if (whole.Length == 0 || (point >= 0 && point == text.Length - 1))
        {
            return null;
        }

        decimal total = 0m, section = 0m, current = 0m;
        bool lastDigit = false;
        foreach (char c in whole)
        {
            int d = c == '〇' ? 0 : Digit(c);
            decimal place = c switch { '十' => 10m, '百' => 100m, '千' => 1000m, _ => 0m };
            if (d >= 0)
            {
                current = lastDigit && current > 0 ? current * 10m + d : d;
                lastDigit = true;
                continue;
            }

            lastDigit = false;
            if (place > 0)
            {
                section += (current == 0 ? 1 : current) * place;
                current = 0;
            }
            else if (c == '廿')
            {
                section += 20m;
            }
            else if (c == '万')
            {
                total += (section + current) * 10000m;
                section = current = 0;
            }
            else if (c == '亿')
            {
                total = (total + section + current) * 100000000m;
                section = current = 0;
            }
            else
            {
                return null;
            }
        }

        decimal value = total + section + current, scale = 0.1m;
        for (int k = point + 1; point >= 0 && k < text.Length; k++)
        {
            int d = text[k] == '〇' ? 0 : Digit(text[k]);
            if (d < 0)
            {
                return null;
            }

            value += d * scale;
            scale /= 10m;
        }

        return value;
    }

    private static bool Free(bool[] taken, int index, int length) => !taken.AsSpan(index, length).Contains(true);

    private static MentionKind KindOf(UnitSpec unit) => unit.Base switch
    {
        "%" or "‰" or "个百分点" or "个千分点" => MentionKind.Percent,
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

    /// <summary>The pattern <see cref="DocumentNumbers"/> finds the matches of (kept for the tests that hold the two equal).</summary>
    [GeneratedRegex(@"[\u4e00-\u9fa5A-Za-z]{1,16}\s*[〔\[【（(]\s*\d{4}\s*[〕\]】）)]\s*\d{1,4}\s*号")]
    internal static partial Regex DocumentNumber();

    [GeneratedRegex(@"(?:https?://|(?<![\w/])/api/v\d+/)[A-Za-z0-9._~%/?#=&+\-]+")]
    private static partial Regex Link();

    // ListMarker and DatePattern read only the normalized text (TextNormalizer.Normalize folds every Unicode decimal digit to
    // ASCII), where \d and [0-9] match the same characters: [0-9] lets the search for a start skip the Chinese characters
    // vectorized instead of asking each one's Unicode category.
    [GeneratedRegex(@"(?:(?<=^|[\n。；;：:])[ \t]*[（(]\s*[0-9]{1,2}\s*[)）])|(?:(?<=^|\n)[ \t]*[0-9]{1,2}(?:[、]|\.(?![0-9])))|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|第\s*[0-9]{1,3}\s*(?=[项条款章节部分批期次个])")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?<![0-9.])(?:(?<y>[0-9]{4})\s*年(?:度)?\s*(?:(?<m>[0-9]{1,2})\s*月(?:份)?\s*(?:(?<d>[0-9]{1,2})\s*[日号])?(?:底|末|初|中旬|上旬|下旬)?)?|(?<![个0-9])(?<m>[0-9]{1,2})\s*月(?:份)?\s*(?:(?<d>[0-9]{1,2})\s*[日号])?(?:底|末|初|中旬|上旬|下旬)?)")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<![0-9.])(?:19|20)[0-9]{2}\s*年?(?=\s*[—–\-－~～至到]{1,2}\s*(?:(?:19|20)[0-9]{2}|[0-9]{2})\s*年)")]
    private static partial Regex YearBeforeRange();

    // The number pattern's word lists, in its order (the first alternative that fits is the one the regex
    // takes); NumberSpan reads the groups back from the matched characters with the same lists.
    internal const string QualWords = "约为|约|大约|将近|接近|近|超过|逾|不低于|不少于|不高于|不超过";
    internal const string MagWords = "万亿|千万|百万|亿|万|千";
    internal const string UnitWords = "个百分点|百分点|个千分点|元/人/月|元/人/年|元/人次|元/人|元|人次|户次|人|户|家|个工作日|个月|个|件|起|项|次|倍|分钟|分|天|名|所|期|场|批|份|篇|条|处|座|套|台|亩|年|周|张|辆|艘|株|棵|盏|栋|幢|宗|架|例|位|笔";
    internal const string TailWords = "左右|以上|以下";

    /// <summary>
    /// Before a qualifier: 约 is the marker “about” only when it is not the end of a word — 节约, 制约, 契约, 合约 (but 折合约/综合约 is
    /// 折合 + 约), 签约, 履约, 违约, 解约, 毁约, 失约, 践约, 邀约, 预约, 缔约, 续约, 集约, 俭约, 简约, 隐约 (节约资金12.5万元, 签约120户:
    /// exact figures, session 44). A match may not start at such a 约; the number is then read without a qualifier.
    /// </summary>
    internal const string NotWordEnd = @"(?:(?<!(?:[节制契签履违解毁失践邀预缔续集俭简隐]|(?<![折综])合))|(?!约))";

    [GeneratedRegex(NotWordEnd + @"(?<qual>" + QualWords + @")?\s*(?<![\d.])(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])\s*(?:(?<pct>%|‰)|(?<mag>" + MagWords + @")?\s*(?<unit>" + UnitWords + @")?)(?<tail>" + TailWords + ")?")]
    internal static partial Regex NumberPattern();

    /// <summary>The denominator that follows a number at <paramref name="at"/> (after a count word such as 例), or null.</summary>
    public static (string Word, string Denominator, int End)? Per(string s, int at, List<(int Index, int Length, string Denominator)> per)
    {
        string word = at < s.Length && s[at] == '例' ? "例" : string.Empty;
        foreach (var (index, length, denominator) in per)
        {
            if (index == at + word.Length)
            {
                return (word, denominator, index + length);
            }
        }

        return null;
    }

    // A denominator of a power of ten right after a number (or its count word): /10万, /万, /1000, /10万人.
    [GeneratedRegex(@"(?<=\d(?:\s*(?:例|人次|人|次|个|件|起|户|%|‰))?)\s*/\s*(?<d>(?:[1-9]0*\s*)?(?:万|千|百|亿)(?:人口|人|活产|户|例)?|10{2,}(?:人口|人|活产|户|例)?)")]
    public static partial Regex PerDenominator();

    [GeneratedRegex(@"百分之(?<cn>[零一二两三四五六七八九十百点]+)")]
    private static partial Regex ChinesePercent();

    // 二百六十八万元, 两千余人, 一点二万亩, 约三百万元: a numeral that starts with a digit or 十/廿, then a unit (no 分, 年, 天:
    // 十分重要, 十年, 十天 are words as often as quantities).
    [GeneratedRegex(NotWordEnd + @"(?<qual>约|近|超过|逾)?(?<![第统唯之这那哪每任同某单零〇一二两三四五六七八九十廿百千万亿])(?<![零〇一二两三四五六七八九十廿百千万亿]点)(?<cn>[一二两三四五六七八九十廿][零〇一二两三四五六七八九十廿百千万亿点]{0,12})(?<more>余|多)?(?<mag>万亿|亿|万)?(?<unit>个百分点|元/人|元|人次|户次|人|户|家|个(?![月工])|件|起|项|座|所|名|处|套|台|亩|公里|吨|只|头|辆|条|篇|场|批)(?<tail>左右|以上|以下)?")]
    private static partial Regex ChineseAmount();

    [GeneratedRegex(@"(?<![第统唯之万这那哪每任同某单一二两三四五六七八九十])(?<cn>[一二两三四五六七八九十]{1,3})(?<unit>项|家|批|期)(?![目性])")]
    private static partial Regex ChineseCount();
}
