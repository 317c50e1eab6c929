using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>Timeliness claims (按期发放到位) about a deadline row.</summary>
internal sealed partial class ClaimChecker
{
    /// <summary>
    /// 培训补贴资金按期发放到位 (session 37, probe 37 #6): a timeliness claim (按期, 按时, 如期, 及时, 准时 with a verb of paying or
    /// finishing) about a row whose 指标值 is a deadline is a claim that the row met its deadline, judged by the row's status: a row
    /// finished after its deadline (实际完成时间2025年1月15日 against 12月底前) contradicts it. A timeliness word about no deadline row
    /// (资金及时拨付 in a sentence naming none) is no claim.
    /// </summary>
    private IEnumerable<CheckedClaim> TimelyClaims(string original, List<CheckedClaim> found)
    {
        foreach (Match m in Timely().Matches(ctx.Normalized))
        {
            if (found.Any(c => c.Start < m.Index + m.Length && c.Start + c.Length > m.Index) || ctx.ForeignAt(m.Index) is not null)
            {
                continue;
            }

            int index = Clause.IndexAt(ctx.Clauses, m.Index);
            Clause clause = ctx.Clauses[index];
            var subject = Single(index, m.Value, out _).Where(IsDeadlineRow).ToList();
            if (subject.Count == 0 && Assistant.Domain.Verification.Deductions.RowNamedBefore(sheet, clause.Before(m.Index)) is { } part && IsDeadlineRow(part))
            {
                subject = [part];
            }

            if (subject.Count == 0 && IsFinishing(m.Value))
            {
                // 项目已按期完工 (session 38): the works' own completion-time row.
                subject = WorksRows(m.Index, m.Value);
            }

            if (subject.Count == 0 && TimelyRate(m, clause, original) is { } rate)
            {
                yield return rate;
                continue;
            }

            if (subject.Count > 0)
            {
                yield return Judge(m.Index, m.Length, original.Substring(m.Index, m.Length), ClaimKind.Met, Side.None, subject, null);
            }
        }
    }

    // An occurrence of a name covering at starts in [at − length + 1, at]: only that window is searched (session 40; before, each
    // name was searched from there to its next occurrence, often the text's end, for every claim), and only for a name holding
    // the character at at.
    private bool InsideRowName(int at) => InsideRowName(ctx.Normalized, sheet.Evaluation.Indicators, at);

    internal static bool InsideRowName(string text, IReadOnlyList<Assistant.Domain.Evaluations.Indicator> rows, int at)
    {
        char c = text[at];
        foreach (var row in rows)
        {
            string name = row.Name.Trim();
            if (name.Length < 4 || name.AsSpan().IndexOf(c) < 0)
            {
                continue;
            }

            int lo = Math.Max(0, at - name.Length + 1);
            if (text.AsSpan(lo, Math.Min(text.Length, at + name.Length) - lo).IndexOf(name, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsDeadlineRow(int row) => row >= 0 && row < sheet.Report.Indicators.Count && sheet.Report.Indicators[row].Target is DeadlineCell;

    // 按期发放到位, 按时拨付, 如期完成, 及时足额发放, 准时兑付, 提前完成 (session 43: a row finished late was not 提前完成) — not 未按期 (a claim of lateness, which says the opposite).
    [GeneratedRegex(@"(?<!未|没有|未能|不能|没能)(?:按期|按时|如期|及时|准时|提前)(?:足额)?(?:发放|拨付|兑付|下达|完成|支付|办结|到位|完工|竣工|建成|交工|交付使用)(?:到位|验收)?")]
    private static partial Regex Timely();
}
