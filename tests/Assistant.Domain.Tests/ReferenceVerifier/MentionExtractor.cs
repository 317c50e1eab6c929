// Frozen copy of src/Assistant.Domain/Verification/MentionExtractor.cs before session 27 (Match objects and their groups), the reference the
// extraction property tests and the reference verifier use.
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests.ReferenceVerifier;

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

        void Add(Match m, MentionKind kind, PrintedNumber? number, UnitSpec unit, string? qualifier)
        {
            for (int i = m.Index; i < m.Index + m.Length; i++)
            {
                taken[i] = true;
            }

            mentions.Add(new Mention(m.Index, m.Length, text.Substring(m.Index, m.Length), kind, number, unit, qualifier));
        }

        bool Free(Match m)
        {
            for (int i = m.Index; i < m.Index + m.Length; i++)
            {
                if (taken[i])
                {
                    return false;
                }
            }

            return true;
        }

        // A link (a download address) is an identifier as a whole: its digits are no quantities.
        foreach (Match m in Link().Matches(s))
        {
            Add(m, MentionKind.DocumentNumber, null, UnitSpec.None, null);
        }

        foreach (Match m in DocumentNumber().Matches(s))
        {
            if (!Free(m))
            {
                continue;
            }

            Add(m, MentionKind.DocumentNumber, null, UnitSpec.None, null);
        }

        foreach (Match m in ListMarker().Matches(s))
        {
            if (Free(m))
            {
                Add(m, MentionKind.Ordinal, null, UnitSpec.None, null);
            }
        }

        // 2023—2025年: the first year of a range is a year too (session 38).
        foreach (Match m in YearBeforeRange().Matches(s))
        {
            if (Free(m))
            {
                Add(m, MentionKind.Year, null, UnitSpec.None, null);
            }
        }

        foreach (Match m in DatePattern().Matches(s))
        {
            if (!Free(m))
            {
                continue;
            }

            bool hasYear = m.Groups["y"].Success, hasMonth = m.Groups["m"].Success;
            if (hasYear && int.TryParse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture, out int y) && y is < 1949 or > 2100)
            {
                continue;
            }

            Add(m, hasMonth ? MentionKind.Date : MentionKind.Year, null, UnitSpec.None, null);
        }

        // A rate per 10万 (13.5/10万): the denominator is the number's unit, not a number of its own.
        var per = new List<(int Index, int Length, string Denominator)>();
        foreach (Match m in Assistant.Domain.Verification.MentionExtractor.PerDenominator().Matches(s))
        {
            if (Free(m))
            {
                for (int i = m.Index; i < m.Index + m.Length; i++)
                {
                    taken[i] = true;
                }

                per.Add((m.Index, m.Length, m.Groups["d"].Value.Replace(" ", string.Empty, StringComparison.Ordinal)));
            }
        }

        foreach (Match m in NumberPattern().Matches(s))
        {
            if (!Free(m) || !PrintedNumber.TryParse(m.Groups["num"].Value, out PrintedNumber number))
            {
                continue;
            }

            string pct = m.Groups["pct"].Value;
            string mag = m.Groups["mag"].Value;
            string baseUnit = pct.Length > 0 ? pct : UnitSpec.Canonical(m.Groups["unit"].Value);
            int length = m.Length;
            if (Assistant.Domain.Verification.MentionExtractor.Per(s, m.Index + m.Length, per) is { } p)
            {
                baseUnit = (baseUnit.Length > 0 ? baseUnit : p.Word.Length > 0 ? p.Word : "1") + "/" + p.Denominator;
                length = p.End - m.Index;
            }

            var unit = new UnitSpec(mag, UnitSpec.MultiplierOf(mag) ?? 1m, baseUnit);
            string? qualifier = m.Groups["qual"].Success ? m.Groups["qual"].Value : m.Groups["tail"].Success ? m.Groups["tail"].Value : null;
            for (int i = m.Index; i < m.Index + length; i++)
            {
                taken[i] = true;
            }

            mentions.Add(new Mention(m.Index, length, text.Substring(m.Index, length), KindOf(unit), number, unit, qualifier));
        }

        foreach (Match m in ChinesePercent().Matches(s))
        {
            if (Free(m) && Assistant.Domain.Verification.MentionExtractor.ChineseNumeral(m.Groups["cn"].Value) is { } v)
            {
                Add(m, MentionKind.Percent, PrintedNumber.Exact(v), new UnitSpec(string.Empty, 1m, "%"), null);
            }
        }

        foreach (Match m in ChineseCount().Matches(s))
        {
            if (Free(m) && Assistant.Domain.Verification.MentionExtractor.ChineseNumeral(m.Groups["cn"].Value) is { } v)
            {
                Add(m, MentionKind.Quantity, PrintedNumber.Exact(v), new UnitSpec(string.Empty, 1m, m.Groups["unit"].Value), null);
            }
        }

        // Session 30: amounts in Chinese numerals, read by the product's own reader (no second copy of its pattern).
        foreach (Mention c in Assistant.Domain.Verification.MentionExtractor.ChineseAmounts(text, s))
        {
            if (!taken.AsSpan(c.Start, c.Length).Contains(true))
            {
                taken.AsSpan(c.Start, c.Length).Fill(true);
                mentions.Add(c);
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    private static MentionKind KindOf(UnitSpec unit) => unit.Base switch
    {
        "%" or "‰" or "个百分点" or "个千分点" => MentionKind.Percent,
        "元" or "元/人" or "元/人/月" or "元/人/年" or "元/人次" => MentionKind.Money,
        _ => MentionKind.Quantity,
    };

    [GeneratedRegex(@"[\u4e00-\u9fa5A-Za-z]{1,16}\s*[〔\[【（(]\s*\d{4}\s*[〕\]】）)]\s*\d{1,4}\s*号")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"(?:https?://|(?<![\w/])/api/v\d+/)[A-Za-z0-9._~%/?#=&+\-]+")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?:(?<=^|[\n。；;：:])[ \t]*[（(]\s*\d{1,2}\s*[)）])|(?:(?<=^|\n)[ \t]*\d{1,2}(?:[、]|\.(?!\d)))|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|第\s*\d{1,3}\s*(?=[项条款章节部分批期次个])")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(?<![\d.])(?:(?<y>\d{4})\s*年(?:度)?\s*(?:(?<m>\d{1,2})\s*月(?:份)?\s*(?:(?<d>\d{1,2})\s*[日号])?(?:底|末|初|中旬|上旬|下旬)?)?|(?<![个\d])(?<m>\d{1,2})\s*月(?:份)?\s*(?:(?<d>\d{1,2})\s*[日号])?(?:底|末|初|中旬|上旬|下旬)?)")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<![0-9.])(?:19|20)[0-9]{2}\s*年?(?=\s*[—–\-－~～至到]{1,2}\s*(?:(?:19|20)[0-9]{2}|[0-9]{2})\s*年)")]
    private static partial Regex YearBeforeRange();

    // Session 44: a 约 that ends a word (节约, 签约, 违约…) is no qualifier (the product's MentionExtractor.NotWordEnd).
    [GeneratedRegex(@"(?:(?<!(?:[节制契签履违解毁失践邀预缔续集俭简隐]|(?<![折综])合))|(?!约))(?<qual>约为|约|大约|将近|接近|近|超过|逾|不低于|不少于|不高于|不超过)?\s*(?<![\d.])(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])\s*(?:(?<pct>%|‰)|(?<mag>万亿|千万|百万|亿|万|千)?\s*(?<unit>个百分点|百分点|个千分点|元/人/月|元/人/年|元/人次|元/人|元|人次|户次|人|户|家|个工作日|个月|个|件|起|项|次|倍|分钟|分|天|名|所|期|场|批|份|篇|条|处|座|套|台|亩|年|周|张|辆|艘|株|棵|盏|栋|幢|宗|架|例|位|笔)?)(?<tail>左右|以上|以下)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"百分之(?<cn>[零一二两三四五六七八九十百点]+)")]
    private static partial Regex ChinesePercent();

    [GeneratedRegex(@"(?<![第统唯之万这那哪每任同某单一二两三四五六七八九十])(?<cn>[一二两三四五六七八九十]{1,3})(?<unit>项|家|批|期)(?![目性])")]
    private static partial Regex ChineseCount();
}
