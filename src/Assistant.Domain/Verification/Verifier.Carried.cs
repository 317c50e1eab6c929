using System.Text.RegularExpressions;

namespace Assistant.Domain.Verification;

/// <summary>A count of indicators whose subject is the sentence before it (session 37).</summary>
public sealed partial class Verifier
{
    /// <summary>
    /// The words a count of indicators is read in (session 37): its own sentence up to it, or — when that sentence has no subject of
    /// its own (3个未完成。 其中2项未达到年度目标值。) and the sentence before counted the indicators (共设置12个指标。 产出指标共8项。)
    /// — that sentence and its own, so the count is of the indicators (or the level) the sentence before named.
    /// </summary>
    public static string CarriedSubject(string normalized, int sentenceStart, string sentenceBefore)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(sentenceBefore);
        if (sentenceStart < 2 || sentenceStart > normalized.Length || !NoSubject().IsMatch(sentenceBefore))
        {
            return sentenceBefore;
        }

        int end = sentenceStart - 1;
        int start = normalized.LastIndexOfAny(SentenceEnds, end - 1) + 1;
        string previous = normalized[start..end];
        return CarriedTally().IsMatch(previous) ? previous + "，" + sentenceBefore : sentenceBefore;
    }


    // Nothing before the count but words that open a part of something said before.
    [GeneratedRegex(@"^\s*(?:其中|另有|有|共有|尚有|仍有|还有|但|但是|而|其余|剩余)*\s*$")]
    private static partial Regex NoSubject();

    // 共设置12个指标, 绩效指标共10项, 设置了8项绩效指标: the sentence counted indicators.
    [GeneratedRegex(@"指标\s*(?:共|总数|个数|数量|数)?\s*(?:为|有|是|计)?\s*[\d一二两三四五六七八九十]+\s*(?:个|项)|[\d一二两三四五六七八九十]+\s*(?:个|项)\s*(?:三级|绩效|考核|产出|效益|满意度)?指标")]
    private static partial Regex CarriedTally();
}
