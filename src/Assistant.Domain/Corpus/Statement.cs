using System.Text.RegularExpressions;

namespace Assistant.Domain.Corpus;

/// <summary>An indicator statement found in one clause of a report: name, target, actual, verdict words.</summary>
internal sealed partial record Statement(string Name, string? Target, string? Actual, bool? NumericShortfall, bool ShortfallWords, bool OvershootWords, string InlineReason)
{
    private const string Value = @"[≥≤＞＜><]?\s*\d[\d,，.]*\s*(?:万人次|万人|万户|万元|亿元|人次|人|户|家|个|件|元/人/月|元/人|元|%|％|天|项|次)?";

    /// <summary>Tries the statement forms the seed reports use, most specific first.</summary>
    public static bool TryMatch(string clause, out Statement statement)
    {
        statement = null!;
        var text = ListMarker().Replace(clause, string.Empty).Trim();
        foreach (var pattern in Patterns)
        {
            var m = pattern.Match(text);
            if (!m.Success)
            {
                continue;
            }

            var name = CleanName(m.Groups["name"].Value);
            if (name.Length < 2 || name.Length > 40)
            {
                continue;
            }

            var verdict = m.Groups["verdict"].Value;
            var after = text[(m.Index + m.Length)..];
            var inline = InlineReasonPattern().Match(after);
            var target = Clean(m.Groups["target"].Value);
            var actual = Clean(m.Groups["actual"].Value);
            bool? numeric = Compare(target, actual);
            bool shortfall = verdict is "低于" or "未完成" or "未达到" || ShortfallWordsPattern().IsMatch(text);
            bool overshoot = verdict is "超额完成" || text.Contains("超额", StringComparison.Ordinal);
            statement = new Statement(
                ReportParser.CompactName(name),
                target,
                actual,
                numeric,
                shortfall,
                overshoot,
                inline.Success ? after[inline.Index..].TrimStart('，', ',').Trim() : string.Empty);
            return true;
        }

        return false;
    }

    private static readonly Regex[] Patterns =
    [
        // ③享受就业见习补贴人数，指标值180，全年实际完成值132。
        new(@"^(?<name>[^，,。；]{2,60}?)[，,]\s*(?:年度)?指标值\s*为?\s*(?<target>[^，,。；]*?)\s*[，,]\s*(?:全年)?实际完成值?\s*为?\s*(?<actual>[^，,。；]+)"),
        // (1) 社会保险补贴人数年度目标指标值为 2300 人，2024 年实际完成 2865 人，…
        new(@"^(?<name>[^，,。；]{2,60}?)\s*(?:年度目标指标值|年度指标值|目标指标值|年度目标值|年度目标|指标值)\s*为?\s*(?<target>[^，,。；]+?)\s*[，,]\s*(?:\d{4}\s*年(?:度)?)?\s*(?:全年)?实际完成值?\s*为?\s*(?<actual>[^，,。；]+)"),
        // 带动城镇新增就业人数目标任务1.6万人，实际完成1.51万人，低于目标任务0.09万人
        new(@"^(?<name>[^，,。；]{2,60}?)\s*目标任务\s*为?\s*(?<target>" + Value + @")\s*[，,]\s*实际完成\s*(?<actual>" + Value + @")(?:\s*[，,]\s*(?<verdict>低于|超过|超额完成|完成))?"),
        // 全区享受社会保险补贴人数25.41万人，完成目标任务15万人的169%
        new(@"^(?<name>[^，,。；]{2,60}?)\s*(?<actual>" + Value + @")\s*[，,]\s*(?<verdict>超额完成|完成|低于|未完成|未达到|达到)目标(?:任务)?\s*(?<target>" + Value + @")\s*的\s*\d[\d.]*\s*[%％]"),
        // 享受社会保险补贴人数25.41万人，超额完成目标任务超过15万人的要求
        new(@"^(?<name>[^，,。；]{2,60}?)\s*(?<actual>" + Value + @")\s*[，,]\s*(?<verdict>超额完成|完成|低于|未完成|未达到|达到|与)目标任务\s*(?<target>[^，,。；]*?)(?:的要求|一致)"),
    ];

    /// <summary>True when the actual is below a plain (≥ or bare) target in the same unit; null when not comparable.</summary>
    internal static bool? Compare(string? target, string? actual)
    {
        if (target is null || actual is null)
        {
            return null;
        }

        var t = Quantity().Match(target.Replace(" ", string.Empty, StringComparison.Ordinal));
        var a = Quantity().Match(actual.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (!t.Success || !a.Success || t.Groups["cmp"].Value is "≤" or "<" or "＜"
            || !string.Equals(t.Groups["unit"].Value, a.Groups["unit"].Value, StringComparison.Ordinal)
            || a.Groups["cmp"].Value.Length > 0)
        {
            return null;
        }

        return decimal.TryParse(t.Groups["n"].Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var tv)
            && decimal.TryParse(a.Groups["n"].Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var av)
            ? av < tv
            : null;
    }

    private static string? Clean(string value)
    {
        var v = value.Trim().TrimEnd('。', '；', ';');
        return v.Length == 0 ? null : v;
    }

    private static string CleanName(string name)
    {
        var n = NamePrefix().Replace(name.Trim(), string.Empty);
        n = NamePrefix().Replace(n, string.Empty);
        return n.Trim('，', ',', '：', ':', ' ');
    }

    [GeneratedRegex(@"^(?:超过|不低于|不少于)?(?<cmp>[≥≤＞＜><]?)(?<n>\d+(?:\.\d+)?)(?<unit>[^\d]*)$")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"^(?:[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[\u2460-\u249B]|\d{1,2}\s*[、.．](?!\d))\s*")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?:\d{4}\s*年度?|全区|全市|全旗|全县|全盟|全省|我市|我区|我县|我旗|年末|其中[，,：:]?|其中)\s*")]
    private static partial Regex NamePrefix();

    [GeneratedRegex(@"[，,]\s*(?:(?:未完成|超额完成|完成)?(?:的)?(?:主要)?原因|因为|由于|因|受)")]
    private static partial Regex InlineReasonPattern();

    [GeneratedRegex(@"未完成|未达到|低于目标|未能完成|完成年度预期目标的\s*0\s*%")]
    private static partial Regex ShortfallWordsPattern();
}
