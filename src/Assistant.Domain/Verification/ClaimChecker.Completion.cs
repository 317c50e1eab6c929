using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Completion claims about a deadline row (session 38, probe 38 #3): 项目已按期完工, 工程如期竣工, 已于2024年11月底前全部完工,
/// 全部工程于2024年11月底前完工验收. A finishing verb (完工, 竣工, 建成, 交付使用, 完工验收) whose clause names no row speaks of the
/// programme's own works, so of its completion-time row (项目完工时间, 竣工时间, 建设工期…; the only deadline row when there is one).
/// 按期/如期 + the verb is a claim that the row met its deadline, judged by its status. 于＜date＞前 + the verb claims the work was
/// done by that date: judged by the row's status when the date is the row's deadline, else by the row's 完成值 (a date) against it.
/// </summary>
internal sealed partial class ClaimChecker
{
    private IEnumerable<CheckedClaim> CompletionClaims(string original, List<CheckedClaim> found)
    {
        foreach (Match m in DoneBy().Matches(ctx.Normalized))
        {
            if (found.Any(c => c.Start < m.Index + m.Length && c.Start + c.Length > m.Index) || ctx.ForeignAt(m.Index) is not null)
            {
                continue;
            }

            var rows = WorksRows(m.Index, m.Value);
            if (rows.Count == 0)
            {
                continue;
            }

            if (MatchedNumber.Int(m.Groups["y"].ValueSpan) is not int year || MatchedNumber.Int(m.Groups["m"].ValueSpan) is not int month)
            {
                continue;
            }

            string text = original.Substring(m.Index, m.Length);
            foreach (int row in rows)
            {
                var r = sheet.Report.Indicators[row];
                if (r.Target is DeadlineCell { Year: { } ty, Month: { } tm } && ty == year && tm == month)
                {
                    yield return Judge(m.Index, m.Length, text, ClaimKind.Met, Side.None, [row], null);
                    break;
                }

                if (Date(r.Actual) is ({ } ay, { } am))
                {
                    bool held = ay < year || (ay == year && am <= month);
                    string fact = $"indicators[{row}].actual";
                    yield return new CheckedClaim(m.Index, m.Length, text, ClaimKind.Met, held ? Verdict.Verified : Verdict.Contradicted, fact,
                        held ? null : $"“{sheet.Evaluation.Indicators[row].Name}”的完成值为{r.Actual.Text}，晚于{year}年{month}月");
                    break;
                }
            }
        }
    }

    /// <summary>The deadline rows a finishing verb at <paramref name="at"/> speaks of: the ones its clause names, else the works' own.</summary>
    private List<int> WorksRows(int at, string claim)
    {
        int index = Clause.IndexAt(ctx.Clauses, at);
        var named = Single(index, claim, out _).Where(IsDeadlineRow).ToList();
        if (named.Count > 0)
        {
            return named;
        }

        var deadlines = Enumerable.Range(0, sheet.Report.Indicators.Count).Where(IsDeadlineRow).ToList();
        var works = deadlines.Where(i => WorksRowName().IsMatch(sheet.Evaluation.Indicators[i].Name)).ToList();
        return works.Count > 0 ? works : deadlines.Count == 1 ? deadlines : [];
    }

    /// <summary>Whether a timeliness word's verb is one of finishing works (完工, 竣工…), which the works' own row answers.</summary>
    private static bool IsFinishing(string claim) => FinishingVerb().IsMatch(claim);

    private static (int? Year, int? Month) Date(Cell cell) => cell switch
    {
        DeadlineCell d => (d.Year, d.Month),
        _ => DateText().Match(cell.Text) is { Success: true } m
            ? (MatchedNumber.Int(m.Groups["y"].ValueSpan), MatchedNumber.Int(m.Groups["m"].ValueSpan))
            : (null, null),
    };

    [GeneratedRegex(@"完工|竣工|建成|交工|交付使用")]
    private static partial Regex FinishingVerb();

    [GeneratedRegex(@"完工|竣工|建成|工期|完成时间|交付")]
    private static partial Regex WorksRowName();

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月")]
    private static partial Regex DateText();

    // 已于2024年11月底前全部完工, 于2024年11月30日前竣工验收, 在2024年11月底之前建成.
    [GeneratedRegex(@"(?<![未没])(?:于|在)\s*(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月(?:\s*\d{1,2}\s*[日号])?(?:底|末|中旬|上旬|下旬)?\s*(?:前|之前|以前)\s*(?:已经?)?\s*(?:全部|全面|如期|顺利|按期)?\s*(?:完工|竣工|建成|完成|交工|交付使用)(?:验收)?")]
    private static partial Regex DoneBy();
}
