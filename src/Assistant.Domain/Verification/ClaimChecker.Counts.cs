using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>Claims that follow a count (8项全部完成, 7个指标中有3个未完成): the count, not the names, says which rows.</summary>
internal sealed partial class ClaimChecker
{
    // 8项全部完成 (a count right before the claim) or 除两项指标外…均已完成 (the exception is a count, no names): the claim
    // is about a set the words only count; the count is checked against the table's statuses, not the claim.

    /// <summary>Whether a claim follows a count of a part of the indicators (7个指标中有3个未完成, 全部指标中2项未达标).</summary>
    internal static bool IsCountedPart(string clauseBefore, string sentenceBefore) =>
        CountRightBefore().IsMatch(clauseBefore) && IsCountClaim(clauseBefore, sentenceBefore);

    /// <summary>
    /// The sentence before a claim that follows a count, with the sentence before it when the count's own sentence has no subject
    /// (共设置7个绩效指标。3个未完成。, session 37): the count is then of the indicators that sentence counted.
    /// </summary>
    internal static string CarriedBeforeCount(string normalized, int sentenceStart, string clauseBefore, string sentenceBefore)
    {
        Match count = CountRightBefore().Match(clauseBefore);
        if (!count.Success)
        {
            return sentenceBefore;
        }

        string head = sentenceBefore[..Math.Clamp(sentenceBefore.Length - (clauseBefore.Length - count.Index), 0, sentenceBefore.Length)];
        string carried = Verifier.CarriedSubject(normalized, sentenceStart, head);
        return carried.Length == head.Length ? sentenceBefore : carried[..^head.Length] + sentenceBefore;
    }

    internal static bool IsCountClaim(string clauseBefore, string sentenceBefore)
    {
        Match count = CountRightBefore().Match(clauseBefore);
        if (count.Success)
        {
            // 其中8项全部完成 counts a part; 设置的绩效指标8项全部完成 (no part named, no total before it) says all were completed.
            int cut = sentenceBefore.Length - (clauseBefore.Length - count.Index);
            return IsSubsetCount(sentenceBefore[..Math.Clamp(cut, 0, sentenceBefore.Length)]);
        }

        Match except = Exception().Match(sentenceBefore);
        return except.Success && CountOnly().IsMatch(except.Groups["x"].Value);
    }

    /// <summary>
    /// Whether a count of indicators, by the sentence before it, counts a part of them (其中8项, 10项指标中3项, 共10项…，8项):
    /// a 其中/中 right before it, or a count written earlier in the sentence.
    /// </summary>
    internal static bool IsSubsetCount(string sentenceBeforeCount) =>
        SubsetMark().IsMatch(sentenceBeforeCount) || EarlierCount().IsMatch(sentenceBeforeCount);

    [GeneratedRegex(@"(?:其中|中)\s*$")]
    private static partial Regex SubsetMark();

    [GeneratedRegex(@"[\d一二两三四五六七八九十]\s*(?:项|个)")]
    private static partial Regex EarlierCount();

    [GeneratedRegex(@"[\d一二两三四五六七八九十]\s*(?:项|个)\s*(?:绩效|三级)?(?:指标)?\s*$")]
    private static partial Regex CountRightBefore();

    [GeneratedRegex(@"^\s*[\d一二两三四五六七八九十]+\s*(?:项|个)\s*(?:绩效|三级)?(?:指标)?\s*$")]
    private static partial Regex CountOnly();
}
