using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 39 (probe 38 §3): a degree the text gives a qualitative row's result (农村供水保障水平已稳步提升, 办学条件明显改善) against
/// the degree of its 完成值 (有所提升, 有所改善) with the same verb. Stronger than the table's result is contradicted, naming the
/// 完成值; as strong is verified; weaker says less than the table and is no claim. The degrees are ranked by <see cref="DegreeWords"/>
/// (session 40: the calculator's own ranking of a result against its target, so a claim and the row's status agree). Shared by
/// the verifier and the reference the tests keep.
/// </summary>
internal static partial class DegreeClaims
{
    /// <param name="sheet">The table's facts.</param>
    /// <param name="normalized">The normalized text.</param>
    /// <param name="original">The text as written (the claims quote it).</param>
    /// <param name="found">The claims found so far (a span already judged is not judged again).</param>
    /// <param name="rowsNamed">The rows the clause at a position names (the verifier's own reading of a claim's subject).</param>
    /// <param name="foreignAt">Another unit or place the text speaks of at a position, or null.</param>
    public static IEnumerable<CheckedClaim> Find(FactSheet sheet, string normalized, string original, IReadOnlyList<CheckedClaim> found,
        Func<int, string, IReadOnlyList<int>> rowsNamed, Func<int, string?> foreignAt)
    {
        var indicators = sheet.Report.Indicators;
        var made = new List<CheckedClaim>();
        for (int i = 0; i < indicators.Count; i++)
        {
            // 基本建立, 部分完成 (session 42): how far it was done, on the completion scale below, not the scale of progress.
            if (indicators[i] is not { Rule: IndicatorRule.Qualitative, Actual: QualitativeCell actual } || DegreeWords.Of(actual.Text) is not { } own
                || IsCompletionVerb(own.Verb) && CompletionOf(actual.Text) is not null)
            {
                continue;
            }

            (int rank, string verb) = own;
            for (int at = normalized.IndexOf(verb, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(verb, at + verb.Length, StringComparison.Ordinal))
            {
                Match said = SaidDegree().Match(normalized[Math.Max(0, at - 6)..at]);
                if (!said.Success)
                {
                    continue;
                }

                int start = Math.Max(0, at - 6) + said.Groups["degree"].Index;
                int end = at + verb.Length;
                int saidRank = DegreeWords.Rank(said.Groups["degree"].Value);
                if (saidRank < rank || Quoted(normalized, start, end) || foreignAt(start) is not null
                    || found.Any(c => c.Start < end && c.Start + c.Length > start) || !rowsNamed(start, normalized[start..end]).Contains(i))
                {
                    continue;
                }

                string text = original.Substring(start, end - start);
                var claim = saidRank == rank
                    ? new CheckedClaim(start, end - start, text, ClaimKind.Met, Verdict.Verified, $"indicators[{i}].actual", null)
                    : new CheckedClaim(start, end - start, text, ClaimKind.Met, Verdict.Contradicted, $"indicators[{i}].actual",
                        $"“{sheet.Evaluation.Indicators[i].Name.Trim()}”的完成值为“{actual.Text.Trim()}”，程度不及“{normalized[start..end]}”");
                made.Add(claim);
                yield return claim;
            }
        }

        foreach (CheckedClaim claim in CompletionClaims(sheet, normalized, original, [.. found, .. made], rowsNamed, foreignAt))
        {
            yield return claim;
        }
    }

    /// <summary>Inside quotes (未达到“明显提升”的目标) or followed by 的目标: the target's words, not a result.</summary>
    private static bool Quoted(string normalized, int start, int end) =>
        start > 0 && normalized[start - 1] is '“' or '"' or '「' or '『'
        || TargetAfter().IsMatch(normalized.AsSpan(end, Math.Min(6, normalized.Length - end)));

    /// <summary>The degree right before the verb, not negated (未明显提升, 没有显著改善) nor a wish (力争稳步提升, 确保).</summary>
    [GeneratedRegex(@"(?<![未没不无难争保求需要将有])(?:已经?|均已|得到|实现了?|获得)?(?<degree>显著|明显|大幅|全面|大大|稳步|持续|逐步|不断|进一步|逐年|有所|一定程度上?|初步|略有|基本)(?:地|的)?$")]
    private static partial Regex SaidDegree();

    [GeneratedRegex(@"^\s*[”""」』]?\s*的?(?:年度|预期)*(?:目标|要求)")]
    private static partial Regex TargetAfter();
}
