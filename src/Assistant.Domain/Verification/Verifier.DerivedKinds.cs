using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 45: a difference of two facts is accepted only for a relation that means something, and, where the words say what
/// it is, only a difference of that kind. Before, 全年节约250万元 on a table whose 省级执行数 − 区级执行数 came to 249.55 was
/// judged derived: two unrelated lines' difference, found by coincidence.
/// <list type="bullet">
/// <item>a row's 指标值 − 完成值 (差额, 节约 on a ceiling row), and one line's 预算 − 执行 (结余) or 年初预算 − 全年预算: always;</item>
/// <item>a total − its part in one column: unless the words call the figure a 节约/结余 or a 差/缺口;</item>
/// <item>two parts of one total (省级 − 区级 in one column): only when the words compare them (比…多, 高出, 相差) and call it neither;</item>
/// <item>a sum of parts (中央 + 省级 in one column): unless the words call the figure a 节约/结余 or a 差/缺口 (资金缺口2400万元 is no sum).</item>
/// </list>
/// </summary>
public sealed partial class Verifier
{
    /// <summary>What the words right before a derived number call it: a saving or balance, a shortfall, a comparison, or nothing.</summary>
    internal enum Derivation
    {
        Any,
        Comparison,
        Saving,
        Shortfall,
    }

    internal static Derivation DerivationAsked(string before)
    {
        if (SavingBefore().IsMatch(before))
        {
            return Derivation.Saving;
        }

        if (ShortfallBefore().IsMatch(before))
        {
            return Derivation.Shortfall;
        }

        return ComparisonBefore().IsMatch(before) ? Derivation.Comparison : Derivation.Any;
    }

    /// <summary>Whether a − b of two candidates of the same column is a difference of the kind the words ask for (see the type's remarks).</summary>
    internal static bool GapMeans(FactSheet sheet, Fact a, Fact b, Derivation asked)
    {
        if (a.FundLineIndex is not { } la || b.FundLineIndex is not { } lb || la == lb)
        {
            return true;
        }

        if (asked is Derivation.Saving or Derivation.Shortfall)
        {
            return false;
        }

        return TotalAndPart(sheet, la, lb) || asked == Derivation.Comparison;
    }

    /// <summary>Whether one of two fund lines is the other's total: its parent (or an ancestor), or the root over a part.</summary>
    private static bool TotalAndPart(FactSheet sheet, int a, int b)
    {
        var lines = sheet.Evaluation.Funds.Lines;
        return Above(a, b) || Above(b, a);

        bool Above(int whole, int part)
        {
            string name = lines[whole].Name.Trim();
            for (int at = part, hops = 0; hops < lines.Count && lines[at].Parent?.Trim() is { Length: > 0 } parent; hops++)
            {
                if (parent == name)
                {
                    return true;
                }

                int next = -1;
                for (int k = 0; k < lines.Count; k++)
                {
                    if (lines[k].Name.Trim() == parent)
                    {
                        next = k;
                        break;
                    }
                }

                if (next < 0)
                {
                    // A part whose parent is not listed hangs from the root line.
                    return lines[whole].Parent is null;
                }

                at = next;
            }

            return false;
        }
    }

    // 全年节约250万元 / 结余资金 / 结转下年 / 未支出部分: a saving or balance — one line's 预算 − 执行, or a ceiling row's 指标值 − 完成值.
    [GeneratedRegex(@"(?:节约|节省|节余|结余|结转|未支出|未执行|未使用|未拨付|剩余)[^，,。；;！？!?\d]{0,8}$")]
    private static partial Regex SavingBefore();

    // 还差36人 / 缺口120万元 / 尚差: a row's or a line's shortfall, not a difference of two lines.
    [GeneratedRegex(@"(?:(?<!相)差|缺口|短缺|不足)[^，,。；;！？!?\d]{0,6}$")]
    private static partial Regex ShortfallBefore();

    // 中央资金执行数比省级资金多 / 高出 / 两者相差 / 较省级少: two figures compared by the words themselves.
    [GeneratedRegex(@"(?:比|较|相差|高出|多出|低出|少于|多于|之差|差额)[^。；;！？!?]{0,30}$")]
    private static partial Regex ComparisonBefore();
}
