using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 42: how far a qualitative row's result went, said with a completion verb (建立, 建成, 完成, 实现, 形成, 覆盖, 落实) —
/// 长效管理机制已全面建立 against a 完成值 of 部分建立. The words rank 全面/完全/全部 (or the bare verb in the cell: 建立) above 基本,
/// and 基本 above 部分/初步/局部; the ranking of progress (<see cref="DegreeWords"/>: 有所提升, 显著提升) is another scale and is
/// not used for these verbs (there 初步 outranked 基本). A text saying more than the cell is contradicted, naming the 完成值; as
/// much is verified; less says less than the table and is no claim.
/// </summary>
internal static partial class DegreeClaims
{
    /// <summary>The verbs of how far something was done, not how much it grew.</summary>
    internal static bool IsCompletionVerb(string verb) => verb is "建立" or "建成" or "完成" or "实现" or "形成" or "覆盖" or "落实" or "健全";

    /// <summary>The rank of a completion degree: 3 whole (全面, 完全, 全部, none), 2 基本, 1 部分/初步/局部.</summary>
    internal static int CompletionRank(string degree) => degree switch
    {
        "基本" => 2,
        "部分" or "初步" or "局部" or "一部分" => 1,
        _ => 3,
    };

    /// <summary>A cell that says how far it was done: 部分建立, 基本完成, 已建立, 全面实现; its rank and verb, or null.</summary>
    internal static (int Rank, string Verb)? CompletionOf(string text)
    {
        Match m = CompletionCell().Match((text ?? string.Empty).Trim());
        return m.Success ? (CompletionRank(m.Groups["degree"].Value), m.Groups["verb"].Value) : null;
    }

    private static IEnumerable<CheckedClaim> CompletionClaims(FactSheet sheet, string normalized, string original, IReadOnlyList<CheckedClaim> found,
        Func<int, string, IReadOnlyList<int>> rowsNamed, Func<int, string?> foreignAt)
    {
        var indicators = sheet.Report.Indicators;
        var made = new List<CheckedClaim>();
        for (int i = 0; i < indicators.Count; i++)
        {
            if (indicators[i] is not { Rule: IndicatorRule.Qualitative, Actual: QualitativeCell actual } || CompletionOf(actual.Text) is not { } own)
            {
                continue;
            }

            (int rank, string verb) = own;
            for (int at = normalized.IndexOf(verb, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(verb, at + verb.Length, StringComparison.Ordinal))
            {
                int from = Math.Max(0, at - 8);
                Match said = SaidCompletion().Match(normalized[from..at]);
                if (!said.Success)
                {
                    continue;
                }

                int start = from + said.Groups["degree"].Index;
                int end = at + verb.Length;
                int saidRank = CompletionRank(said.Groups["degree"].Value);
                if (saidRank < rank || Quoted(normalized, start, end) || foreignAt(start) is not null
                    || found.Concat(made).Any(c => c.Start < end && c.Start + c.Length > start) || !rowsNamed(start, normalized[start..end]).Contains(i))
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
    }

    /// <summary>部分建立, 基本完成, 已建立, 全面实现, 建成 — a cell of a degree of completion and its verb, nothing else.</summary>
    [GeneratedRegex(@"^(?:已经?|已)?(?<degree>全面|完全|全部|基本|部分|一部分|初步|局部)?(?<verb>建立|建成|完成|实现|形成|覆盖|落实|健全)$")]
    private static partial Regex CompletionCell();

    /// <summary>The degree right before the verb (已全面, 均已基本, 得到全面), not negated (未全面, 尚未完全) nor a wish (力争全面).</summary>
    [GeneratedRegex(@"(?<![未没不尚争保求需要将])(?:已经?|均已|已然|得到|实现了?)?(?<degree>全面|完全|全部|基本|部分|一部分|初步|局部)(?:地|的)?$")]
    private static partial Regex SaidCompletion();
}
