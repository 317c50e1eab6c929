using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Units the number pattern reads only in part (session 37), mended before a text is checked, the way the table's cells read them
/// (<see cref="CellUnits"/>): a compound unit after a number (188元/台, 1.2万元/公里, 12000人次/年, 4次/月, 1500元/人·年) is one
/// unit, not 188元 followed by words; a rate per ten thousand (6‱, 万分之三, 万分之3) is ‱ and one per thousand written in words
/// (千分之六, 千分之2.5) is ‰, not a bare number; and a bare number right after 执行率 / 完成率 (执行率为0, 完成率达到95) is the
/// rate in %. Such a number is then compared only with facts of its own unit. Shared by the verifier and its reference.
/// </summary>
public static partial class UnitsInText
{
    /// <summary>The mentions with each such unit read whole (the list itself when there is none).</summary>
    public static IReadOnlyList<Mention> Mend(IReadOnlyList<Mention> mentions, string text, string normalized)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(normalized);
        List<Mention>? mended = null;
        for (int k = 0; k < mentions.Count; k++)
        {
            Mention m = mentions[k];
            if (m.IsIdentifier || m.Number is null)
            {
                continue;
            }

            if (Compound(m, text, normalized) is { } compound)
            {
                (mended ??= [.. mentions])[k] = compound;
            }
            else if (PerTenThousand(m, text, normalized) is { } perTenThousand)
            {
                (mended ??= [.. mentions])[k] = perTenThousand;
            }
            else if (Fraction(m, text, normalized) is { } fraction)
            {
                (mended ??= [.. mentions])[k] = fraction;
            }
            else if (RateWithoutSign(m, normalized) is { } rate)
            {
                (mended ??= [.. mentions])[k] = rate;
            }
        }

        // 千分之六, 万分之三: a rate in words that no other pattern reads.
        if (normalized.Contains("分之", StringComparison.Ordinal))
        {
            foreach (Match w in FractionInWords().Matches(normalized))
            {
                if (MentionExtractor.ChineseNumeral(w.Groups["cn"].Value) is not { } value)
                {
                    continue;
                }

                var list = mended ?? mentions;
                if (list.Any(x => x.Start < w.Index + w.Length && x.Start + x.Length > w.Index))
                {
                    continue;
                }

                mended ??= [.. mentions];
                string sign = w.Groups["per"].Value == "千" ? "‰" : "‱";
                mended.Add(new Mention(w.Index, w.Length, text.Substring(w.Index, w.Length), MentionKind.Percent, PrintedNumber.Exact(value), UnitSpec.Bare(sign), null));
            }

            mended?.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        // 超过七成, 不足四成: a rate in tenths written in words (session 43).
        return Tenths(mended ?? mentions, text, normalized);
    }

    /// <summary>Whether <paramref name="unitBase"/> is a unit this pass reads (a compound one or ‱), which only a fact of the same unit can verify.</summary>
    public static bool IsOwnUnit(string unitBase) =>
        unitBase == "‱" || (unitBase.Contains('/', StringComparison.Ordinal) && CellUnits.IsCompound(unitBase));

    /// <summary>The note on such a number when no fact of its unit is in the table.</summary>
    public static string NoFactOfUnit(UnitSpec unit) =>
        $"文中单位为{unit.Text}，只与表中同单位的数字比较（不与金额、百分比等其他单位的数字比较），表中没有相符的数字";

    private static Mention? Compound(Mention m, string text, string s)
    {
        int end = m.Start + m.Length;
        if (m.Unit.Base is "%" or "‰" or "个百分点" or "个千分点" || end >= s.Length)
        {
            return null;
        }

        Match after = CompoundAfter().Match(s, end);
        if (!after.Success || after.Index != end)
        {
            return null;
        }

        // 10场次/年: the pattern read 10场, and 次 is the rest of the first part's word.
        string word = after.Groups["w"].Value, head = m.Unit.Base + after.Groups["w"].Value;

        // The denominator's words run on into the sentence (188元/台高于标准): the longest start of them that makes a unit.
        Group d = after.Groups["d"];
        for (int n = d.Length; n >= 1; n--)
        {
            string per = d.Value[..n];
            if (per[^1] is '.' or '·' or '•' or '・')
            {
                continue;
            }

            // 元/人 read by the pattern, then ·年 (元/人·年); else a base and /台, or a bare number and 公里/年.
            string unit = after.Groups["dot"].Success
                ? (head.Contains('/', StringComparison.Ordinal) && word.Length == 0 ? head + "·" + per : string.Empty)
                : head + "/" + per;
            unit = unit.Length == 0 ? unit : CellUnits.Spell(unit.Replace('.', '·'));
            if (unit.Length > 0 && CellUnits.IsCompound(unit))
            {
                int length = d.Index + n - m.Start;
                var spec = new UnitSpec(m.Unit.Magnitude, m.Unit.Multiplier, unit);
                return m with { Length = length, Text = text.Substring(m.Start, length), Kind = unit.StartsWith('元') ? MentionKind.Money : MentionKind.Quantity, Unit = spec };
            }
        }

        return null;
    }

    private static Mention? PerTenThousand(Mention m, string text, string s)
    {
        int end = m.Start + m.Length;
        if (!m.Unit.IsEmpty || end >= s.Length || s[end] != '‱')
        {
            return null;
        }

        return m with { Length = m.Length + 1, Text = text.Substring(m.Start, m.Length + 1), Kind = MentionKind.Percent, Unit = UnitSpec.Bare("‱") };
    }

    /// <summary>千分之2.5 / 万分之3: the Arabic number after the words is the rate in ‰ / ‱.</summary>
    private static Mention? Fraction(Mention m, string text, string s)
    {
        if (!m.Unit.IsEmpty || m.Qualifier is not null || m.Start < 3 || s[m.Start - 1] != '之' || s[m.Start - 2] != '分' || s[m.Start - 3] is not ('千' or '万')
            || (m.Start > 3 && (char.IsDigit(s[m.Start - 4]) || "零〇一二两三四五六七八九十百千万亿".Contains(s[m.Start - 4], StringComparison.Ordinal))))
        {
            return null;
        }

        string sign = s[m.Start - 3] == '千' ? "‰" : "‱";
        return m with { Start = m.Start - 3, Length = m.Length + 3, Text = text.Substring(m.Start - 3, m.Length + 3), Kind = MentionKind.Percent, Unit = UnitSpec.Bare(sign) };
    }

    /// <summary>执行率为0, 完成率达到95: a bare number right after the words of a rate is that rate in %.</summary>
    private static Mention? RateWithoutSign(Mention m, string s)
    {
        int end = m.Start + m.Length;
        if (!m.Unit.IsEmpty || m.Start == 0 || (end < s.Length && NotARate(s[end])))
        {
            return null;
        }

        int from = Math.Max(0, m.Start - 16);
        if (!RateWords().IsMatch(s.AsSpan(from, m.Start - from)))
        {
            return null;
        }

        return m with { Kind = MentionKind.Percent, Unit = UnitSpec.Bare("%") };
    }

    /// <summary>A character after the number that makes it no rate without its sign (a unit word, a decimal dot, another sign).</summary>
    private static bool NotARate(char c) => c is '%' or '‰' or '‱' or '/' or '.' || (char.IsLetter(c) && !IsClauseWord(c));

    /// <summary>Words that may follow a rate without its sign (执行率为0，…; 完成率达到95，较上年…).</summary>
    private static bool IsClauseWord(char c) => c is '，' or '。' or '；' or '、' or '：' or '）' or '的' or '左' or '以' or '及' or '和' or '与' or '较' or '比' or '而' or '但' or '也' or '均';

    [GeneratedRegex(@"(?:执行率|完成率)\s*(?:为|是|达到|达|仅为|只有|仅|约为|约|近|超过)?\s*$")]
    private static partial Regex RateWords();

    // After a number: a unit word (when the pattern read none) and /part, or ·part after a compound the pattern read (元/人·年).
    [GeneratedRegex(@"\G\s*(?:(?<dot>[.·•・])(?<d>[\u4e00-\u9fa5]{1,4})|(?<w>[\u4e00-\u9fa5]{0,3})\s*/\s*(?<d>[\u4e00-\u9fa5]{1,5}(?:[.·•・][\u4e00-\u9fa5]{1,2})?))")]
    private static partial Regex CompoundAfter();

    [GeneratedRegex(@"(?<![零〇一二两三四五六七八九十百千万亿\d])(?<per>千|万)分之(?<cn>[零一二两三四五六七八九十百点]+)")]
    private static partial Regex FractionInWords();
}
