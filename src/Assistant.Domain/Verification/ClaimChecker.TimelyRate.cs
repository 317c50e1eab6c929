using System.Text.RegularExpressions;
using Assistant.Domain.Cells;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 43 (held-out 武夷山 文旅): 重点项目均按期完成 where the table's row is 重点项目按期完成率 at 80 % — a claim that all were on time,
/// judged by the row that measures it in %: below 100 % contradicts it, 100 % verifies it. Before, the claim found no deadline row
/// and claimed nothing.
/// </summary>
internal sealed partial class ClaimChecker
{
    private CheckedClaim? TimelyRate(Match m, Clause clause, string original)
    {
        string before = clause.Before(m.Index);
        if (!AllOnTime().IsMatch(before))
        {
            return null;
        }

        string stem = m.Value.Length >= 4 ? m.Value[..4] : m.Value;
        var rows = sheet.Evaluation.Indicators;
        for (int i = 0; i < rows.Count; i++)
        {
            string name = rows[i].Name.Trim();
            int at = name.IndexOf(stem + "率", StringComparison.Ordinal);
            if (at < 0 || sheet.Report.Indicators[i].Actual is not QuantityCell { } done || done.EffectiveUnit.Text != "%")
            {
                continue;
            }

            // The words name what the rate is of (重点项目), or the row's name is all before the claim.
            string what = name[..at];
            if (what.Length >= 2 && !before.Contains(what, StringComparison.Ordinal))
            {
                continue;
            }

            string id = $"indicators[{i}].actual";
            string text = original.Substring(m.Index, m.Length);
            return done.Number.Value >= 100m
                ? new CheckedClaim(m.Index, m.Length, text, ClaimKind.Met, Verdict.Verified, id, $"“{name}”为{done.Text}")
                : new CheckedClaim(m.Index, m.Length, text, ClaimKind.Met, Verdict.Contradicted, id, $"“{name}”为{done.Text}，并非全部{stem}");
        }

        return null;
    }

    // 均, 全部, 都, 所有…均: the claim is that every one was on time.
    [GeneratedRegex(@"(?:均|全部|全都|都|皆|悉数)(?:已|已经|能|能够)?\s*$")]
    private static partial Regex AllOnTime();
}
