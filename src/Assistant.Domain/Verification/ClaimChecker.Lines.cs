using System.Text.RegularExpressions;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 43: 自治区资金和市级资金执行率均未达到100%, 中央和省级资金执行率均超过90% — a comparison of several fund lines' 执行率
/// with a number is the number's to judge (every line listed, <c>Verifier.SeveralLines</c>); the comparison word is no group claim
/// over indicators (it was left unverified as 未能确定所指的指标). Shared by the checker and the reference.
/// </summary>
internal sealed partial class ClaimChecker
{
    /// <summary>Whether a claim word stands between several lines' 执行率 and the threshold it compares them with.</summary>
    internal static bool IsLinesThreshold(string before, string normalized, int end) =>
        LinesRateBefore().IsMatch(before) && ThresholdAfter().IsMatch(normalized.AsSpan(end, Math.Min(12, normalized.Length - end)));

    [GeneratedRegex(@"执行率\s*(?:均|都|全部|全都|皆|均已|都已)\s*$")]
    private static partial Regex LinesRateBefore();

    [GeneratedRegex(@"^\s*(?:的)?\s*(?:\d|[一二两三四五六七八九十]成|一半|半数)")]
    private static partial Regex ThresholdAfter();
}
