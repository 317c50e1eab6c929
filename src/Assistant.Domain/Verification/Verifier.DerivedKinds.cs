using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 45: where the words say what a derived figure is, only a difference of that kind is taken. Before, 全年节约250万元 on a
/// table whose 省级执行数 − 区级执行数 came to 249.55 was judged derived: two unrelated lines' difference, found by coincidence.
/// After 节约/结余/结转/未支出 (a saving) or 差/缺口 (a shortfall), a difference is one line's 预算 − 执行 (or 年初预算 − 全年预算) or a
/// row's 指标值 − 完成值 — never two lines' difference, nor a sum of lines (资金缺口2400万元 is no 1600 + 800). With no such words a
/// difference of two lines in one column is still taken as before: restricting it to a total and its part turned some twenty bare
/// numbers of the reports (list ordinals the labelled reports mark as identifiers) from derived to unverified.
/// </summary>
public sealed partial class Verifier
{
    /// <summary>What the words right before a derived number call it: a saving or balance, a shortfall, or nothing said.</summary>
    internal enum Derivation
    {
        Any,
        Saving,
        Shortfall,
    }

    internal static Derivation DerivationAsked(string before)
    {
        // Both patterns end at the number, their words within its last eleven characters (a word of at most three, then at most
        // eight others; 相 before 差 within twelve): only that tail is read.
        ReadOnlySpan<char> tail = before.AsSpan(Math.Max(0, before.Length - 12));
        if (SavingBefore().IsMatch(tail))
        {
            return Derivation.Saving;
        }

        if (ShortfallBefore().IsMatch(tail))
        {
            return Derivation.Shortfall;
        }

        return Derivation.Any;
    }

    /// <summary>Whether a − b of two facts of one column is a difference of the kind the words ask for (see the type's remarks).</summary>
    internal static bool GapMeans(Fact a, Fact b, Derivation asked) =>
        asked == Derivation.Any || a.FundLineIndex is not { } la || b.FundLineIndex is not { } lb || la == lb;

    // 全年节约250万元 / 结余资金 / 结转下年 / 未支出部分: a saving or balance — one line's 预算 − 执行, or a ceiling row's 指标值 − 完成值.
    [GeneratedRegex(@"(?:节约|节省|节余|结余|结转|未支出|未执行|未使用|未拨付|剩余)[^，,。；;！？!?\d]{0,8}$")]
    private static partial Regex SavingBefore();

    // 还差36人 / 缺口120万元 / 尚差: a row's or a line's shortfall, not a difference of two lines.
    [GeneratedRegex(@"(?:(?<!相)差|缺口|短缺|不足)[^，,。；;！？!?\d]{0,6}$")]
    private static partial Regex ShortfallBefore();
}
