using System.Text.RegularExpressions;
using Assistant.Domain.Cells;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 43 (held-out 蕲春 医疗救助): 全年未发生因病致贫返贫 where the row 因病致贫返贫户数（户） counted 2 — saying a counted event did not
/// happen (未发生, 未出现, 没有发生, 实现零…) claims the row's 完成值 is 0: a count above 0 contradicts it, 0 verifies it. Before, the
/// words were no claim at all.
/// </summary>
internal sealed partial class ClaimChecker
{
    private IEnumerable<CheckedClaim> AbsentClaims(string original, List<CheckedClaim> found)
    {
        if (!ctx.Normalized.Contains('未', StringComparison.Ordinal) && !ctx.Normalized.Contains("没有", StringComparison.Ordinal) && !ctx.Normalized.Contains('零', StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match m in Absent().Matches(ctx.Normalized))
        {
            if (found.Any(c => c.Start < m.Index + m.Length && c.Start + c.Length > m.Index) || ctx.ForeignAt(m.Index) is not null)
            {
                continue;
            }

            string what = m.Groups["what"].Value;
            var rows = sheet.Evaluation.Indicators;
            for (int i = 0; i < rows.Count; i++)
            {
                string core = CountedCore().Replace(rows[i].Name.Trim(), string.Empty);
                if (core.Length < 3 || !what.StartsWith(core, StringComparison.Ordinal)
                    || sheet.Report.Indicators[i].Actual is not QuantityCell { } done || done.Number.Decimals != 0 || !done.EffectiveUnit.CountsWholeThings)
                {
                    continue;
                }

                string text = original.Substring(m.Index, m.Length);
                string id = $"indicators[{i}].actual";
                yield return done.Number.Value == 0m
                    ? new CheckedClaim(m.Index, m.Length, text, ClaimKind.Met, Verdict.Verified, id, $"“{rows[i].Name}”完成值为{done.Text}")
                    : new CheckedClaim(m.Index, m.Length, text, ClaimKind.Met, Verdict.Contradicted, id, $"“{rows[i].Name}”完成值为{done.Text}，并非没有发生");
                break;
            }
        }
    }

    // 未发生因病致贫返贫, 没有出现安全事故, 实现零事故: the event counted is said not to have happened.
    [GeneratedRegex(@"(?:未发生|未出现|没有发生|没有出现|未再发生|实现零)(?:一起|一例|一户)?(?<what>[\u4e00-\u9fa5]{2,16})")]
    private static partial Regex Absent();

    // The words a count row's name ends with that say what is counted (户数, 人数, 起数, （户）).
    [GeneratedRegex(@"(?:（[^）]*）|\([^)]*\))$|(?:户数|人数|人次|起数|例数|次数|数量|数)(?:（[^）]*）)?$")]
    private static partial Regex CountedCore();
}
