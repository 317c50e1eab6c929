using System.Text.RegularExpressions;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 40: 结转 read as a column. 结转资金 / 结转结余 / 结转下年 is what a line carried forward to the next year — its
/// 预算 − 执行, the 结余 — so `省级资金结转127.48万元` with 640.00 − 512.16 = 127.84 is contradicted like a wrong 结余. Money of
/// other years is not: 上年结转 (last year's money, a source of funds and often a line of its own), 结转上年, 滚存, 累计,
/// 历年/往年/以前年度. Shared by the verifier and the reference the tests keep.
/// </summary>
internal static partial class CarriedOver
{
    /// <summary>Whether the words before a 结余-like amount speak of other years' money (上年结转, 滚存, 累计…), not of this year's balance.</summary>
    public static bool IsOtherYears(string words) =>
        (words.Contains("结转", StringComparison.Ordinal) || words.Contains("滚存", StringComparison.Ordinal) || words.Contains("累计", StringComparison.Ordinal)
            || words.Contains("年", StringComparison.Ordinal)) && OtherYears().IsMatch(words);

    [GeneratedRegex(@"(?:上年度?|以前年度|往年|历年|上一年度?)(?:的)?结转|结转(?:上年|以前)|滚存|累计|历年|往年|以前年度")]
    private static partial Regex OtherYears();
}
