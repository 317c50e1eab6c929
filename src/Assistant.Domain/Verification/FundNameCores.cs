using Assistant.Domain.Evaluations;

namespace Assistant.Domain.Verification;

/// <summary>
/// The words that name a fund line in a text (session 36, files probe 35 #4): the parts of one total that share a word
/// (中央衔接资金, 省级衔接资金, 州市级衔接资金, 县级衔接资金 all hold 衔接) are named by what sets them apart, so 州市级资金执行率73.2%
/// and 县级资金0元 name 州市级衔接资金 and 县级衔接资金, not the total nor another part. Shared by the verifier and its reference.
/// </summary>
public static class FundNameCores
{
    /// <summary>The cores (<paramref name="cores"/>, one per line, 资金/财政 already removed) with the word every sibling part shares taken out.</summary>
    public static IReadOnlyList<string> Shorten(IReadOnlyList<FundLine> lines, IReadOnlyList<string> cores)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(cores);
        string[] result = [.. cores];
        foreach (var group in Enumerable.Range(0, Math.Min(lines.Count, cores.Count)).Where(i => lines[i].Parent is not null).GroupBy(i => lines[i].Parent!))
        {
            int[] parts = [.. group];
            // 基本支出 / 项目支出 (a department's whole budget) are named whole: 项目 alone is the 项目资金, the total's word.
            if (parts.Length < 2 || SharedWord(parts.Select(i => cores[i]).ToArray()) is not { } shared
                || parts.All(i => DepartmentBudget.IsCategory(lines[i].Name)))
            {
                continue;
            }

            string[] shortened = [.. parts.Select(i => cores[i].Replace(shared, string.Empty, StringComparison.Ordinal))];

            // Each part keeps two characters of its own at least, and no two parts fall together.
            if (shortened.All(s => s.Length >= 2) && shortened.Distinct(StringComparer.Ordinal).Count() == shortened.Length)
            {
                for (int k = 0; k < parts.Length; k++)
                {
                    result[parts[k]] = shortened[k];
                }
            }
        }

        // 本级资金 for 市本级资金, 自筹资金 for 单位自筹资金, 省级资金 for 省级财政专项资金 (session 37): a part is named by its level
        // word alone when no other line's name holds that word.
        for (int i = 0; i < result.Length && i < lines.Count; i++)
        {
            if (lines[i].Parent is null)
            {
                continue;
            }

            foreach (string level in Levels)
            {
                int own = result[i].IndexOf(level, StringComparison.Ordinal);
                if (own >= 0 && result[i] != level && !Enumerable.Range(0, result.Length).Any(k => k != i && result[k].Contains(level, StringComparison.Ordinal))
                    && (level == "本级" || !OtherLevelBefore(result[i], own)))
                {
                    result[i] = level;
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The words of a fund's level, longest first (自治区级 before 区级).</summary>
    private static readonly string[] Levels = ["自治区级", "自治区", "州市级", "本级", "自筹", "中央", "省级", "市级", "州级", "县级", "区级", "旗级", "乡级"];

    /// <summary>市县级 (the level word 县级 after 市): a level of two, not the one word's alone.</summary>
    private static bool OtherLevelBefore(string core, int at) => at > 0 && core[at - 1] is '市' or '县' or '省' or '州' or '区' or '乡' or '镇' or '旗';

    /// <summary>The longest run of two or more Chinese characters every name holds, or null.</summary>
    private static string? SharedWord(string[] names)
    {
        string first = names.MinBy(n => n.Length) ?? string.Empty;
        for (int length = first.Length - 1; length >= 2; length--)
        {
            for (int k = 0; k + length <= first.Length; k++)
            {
                string word = first.Substring(k, length);
                if (word.All(c => c is >= '\u4e00' and <= '\u9fa5') && names.All(n => n.Contains(word, StringComparison.Ordinal)))
                {
                    return word;
                }
            }
        }

        return null;
    }
}
