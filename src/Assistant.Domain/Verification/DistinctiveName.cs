using System.Text.RegularExpressions;

namespace Assistant.Domain.Verification;

/// <summary>
/// A row named by a distinctive part of its name (session 35, chat probe 34 #10): 老年人健康管理完成率 names
/// “65岁及以上老年人健康管理人数” when the run it shares with the name (five characters or more) is held by no other
/// row's name and is followed in the text by the words that open a row's figure (完成率, 完成, 达到, 为, a number…), not by
/// more words of another subject (老年人健康管理服务满意度 names no row). Shared by the verifier and its reference restatement.
/// </summary>
public static partial class DistinctiveName
{
    /// <summary>The shortest run that may name a row by this rule.</summary>
    public const int MinRun = 5;

    /// <summary>Whether <paramref name="text"/> names <c>cores[i]</c> by a run of <paramref name="run"/> Chinese characters (45 % of the name or more) no other core holds.</summary>
    public static bool Names(IReadOnlyList<string> cores, int i, ReadOnlySpan<char> text, int run)
    {
        ArgumentNullException.ThrowIfNull(cores);
        // The part covers nearly half the name at least (高校毕业生 is too little of 年末高校毕业生总体就业率).
        if (run < MinRun || i < 0 || i >= cores.Count || cores[i].Length < run || run * 20 < cores[i].Length * 9)
        {
            return false;
        }

        string name = cores[i];
        for (int k = 0; k + run <= name.Length; k++)
        {
            ReadOnlySpan<char> part = name.AsSpan(k, run);
            if (!AllWords(part) || !OpensAFigure(text, part) || HeldByAnother(cores, i, part))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private static bool OpensAFigure(ReadOnlySpan<char> text, ReadOnlySpan<char> part)
    {
        int from = 0;
        while (from + part.Length <= text.Length)
        {
            int at = text[from..].IndexOf(part, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            at += from;
            ReadOnlySpan<char> rest = text[(at + part.Length)..];
            if (Opens().IsMatch(rest))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    // Only Chinese words make a name's distinctive part (2024年 of 2024年安排经费 is a year, not a name).
    private static bool AllWords(ReadOnlySpan<char> part)
    {
        foreach (char c in part)
        {
            if (c < '\u4e00' || c > '\u9fa5')
            {
                return false;
            }
        }

        return true;
    }

    private static bool HeldByAnother(IReadOnlyList<string> cores, int i, ReadOnlySpan<char> part)
    {
        for (int o = 0; o < cores.Count; o++)
        {
            if (o != i && cores[o].AsSpan().IndexOf(part, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // What opens a row's figure right after its name: 完成率 / 完成值 / 实际 / 得分 / 扣分, 完成 / 达到 / 为 — not a number straight
    // after it (就业见习补贴5.54万元 is money of a subsidy, not the row 享受就业见习补贴人员数量), the end of the words, a stop or a
    // list mark (高校毕业生、流动人员… lists subjects, it states no row's figure).
    [GeneratedRegex(@"^(?:的?(?:完成率|完成值|完成情况|实际|指标值|目标值|得分|扣)|完成|实现|达到|达|为|是|共|全年|年度)")]
    private static partial Regex Opens();
}
