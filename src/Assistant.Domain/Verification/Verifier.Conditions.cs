using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>
/// A count of rows qualified by a condition (session 37, probe 37 #1b): 有1项指标未设定年度指标值, 全部9项指标中有1项指标已取消,
/// 未填报完成值的指标有2项 count the rows that meet the condition, not all rows nor any number of that size in a cell. Checked
/// against the rows the table marks so (指标值 missing, the row cancelled, 完成值 missing); verified when equal, contradicted
/// naming the true count when not.
/// </summary>
public sealed partial class Verifier
{
    private readonly string? _title;
    private readonly string[] _lineNames;

    /// <summary>The fund lines a text names, the programme's own title aside (中央财政就业补助资金 is the programme, not its 中央财政资金 line).</summary>
    private IReadOnlyList<int> LinesNamed(string text) => _fundNames.Named(SheetIndex.FundCore(ProgrammeTitle.Without(text, _title, _lineNames)));

    /// <summary>
    /// 中央财政资金和省级资金合计执行760.00万元 (session 37, probe 37 #6): a sum the words give of two or more fund lines they name is the
    /// sum of those lines' column (执行 or 预算 as the words say; either, when they say neither), never an equal figure elsewhere in the
    /// table. Null unless the words before the amount call it such a sum of named parts.
    /// </summary>
    private CheckedMention? LinesSum(Mention m, PrintedNumber number, string before, IReadOnlyList<int> lines)
    {
        var parts = lines.Distinct().Where(l => !lines.Any(o => o != l && _sheet.Evaluation.Funds.Lines[o].Parent is { } parent
            && parent.Trim() == _sheet.Evaluation.Funds.Lines[l].Name.Trim())).ToList();
        // All the parts of one whole (中央资金、省级资金 of a total with no other part) are the whole: left to the total's own check.
        bool whole = parts.Count > 0 && _sheet.Evaluation.Funds.Lines[parts[0]].Parent is { } of
            && parts.All(l => _sheet.Evaluation.Funds.Lines[l].Parent == of)
            && _sheet.Evaluation.Funds.Lines.Count(l => l.Parent == of) == parts.Count;
        if (whole || parts.Count < 2 || TotalBefore().Match(before) is not { Success: true } total || !PartsJoined().IsMatch(before[..total.Index]))
        {
            return null;
        }

        string[] columns = total.Groups["col"].Success
            ? [total.Groups["col"].Value is "预算" or "安排" ? "budget" : "executed"]
            : ["executed", "budget"];
        decimal? first = null;
        foreach (string column in columns)
        {
            decimal sum = 0m;
            foreach (int line in parts)
            {
                if (FundFact(line, column) is not { } fact)
                {
                    return null;
                }

                sum += fact.InMentionUnits(m.Unit).Value;
            }

            if (Matches(m, number, sum))
            {
                return new CheckedMention(m, Verdict.Derived, string.Join(' ', parts.Select(l => $"funds.lines[{l}].{column}")), null);
            }

            first ??= sum;
        }

        string names = string.Join("、", parts.Select(l => _sheet.Evaluation.Funds.Lines[l].Name.Trim()));
        string what = columns.Length == 1 && columns[0] == "budget" ? "预算" : "执行";
        return new CheckedMention(m, Verdict.Contradicted, string.Join(' ', parts.Select(l => $"funds.lines[{l}].{columns[0]}")),
            $"{names}合计{what}为{UnitSpec.Write(first!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Unit.Text)}");
    }

    /// <summary>
    /// 取得证书人数 for 取得职业资格证书或技能等级证书人数 (session 37, probe 37 #6): the clause's opening words, four or more, that
    /// begin as one row's name begins, end as it ends (人数, 次数, 率) and are all its characters in order — of that row only.
    /// Null when no row, or more than one, is so abbreviated.
    /// </summary>
    private int? AbbreviatedRow(string before)
    {
        string trimmed = before.TrimStart();
        int length = 0;
        while (length < trimmed.Length && trimmed[length] is >= '\u4e00' and <= '\u9fa5')
        {
            length++;
        }

        var names = _sheet.Evaluation.Indicators;
        if (length < 4 || !names.Any(n => n.Name.TrimStart() is { Length: > 0 } name && name[0] == trimmed[0]))
        {
            return null;
        }

        for (int l = length; l >= 4; l--)
        {
            string words = trimmed[..l];
            int? found = null;
            for (int i = 0; i < names.Count; i++)
            {
                string name = names[i].Name.Trim();
                if (name.Length > words.Length && name[0] == words[0] && name.EndsWith(words[^2..], StringComparison.Ordinal)
                    && IndicatorNames.Subsequence(name, words) == words.Length)
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = i;
                }
            }

            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    // 中央财政资金和省级资金合计…, 中央、省级资金共计…: the parts are joined before the sum word.
    [GeneratedRegex(@"[和与及、]|以及")]
    private static partial Regex PartsJoined();

    private CheckedMention? ConditionedCount(Mention m, PrintedNumber number, string before, string after)
    {
        string own = before[(before.LastIndexOfAny(SegmentEnds) + 1)..];
        string? condition = null;
        foreach ((string Name, Regex After, Regex Before) c in Conditions)
        {
            if (c.After.IsMatch(after) || c.Before.IsMatch(own))
            {
                condition = c.Name;
                break;
            }
        }

        if (condition is null)
        {
            return null;
        }

        var rows = _sheet.Report.Indicators;
        (int expected, string id, string label) = condition switch
        {
            "unset" => (rows.Count(r => r.Target is MissingCell && r.Rule != IndicatorRule.Cancelled), "count.unset", "未设定指标值的指标"),
            "cancelled" => (rows.Count(r => r.Rule == IndicatorRule.Cancelled), "count.cancelled", "已取消的指标"),
            _ => (rows.Count(r => r.Actual is MissingCell && r.Rule != IndicatorRule.Cancelled), "count.noActual", "未填报完成值的指标"),
        };
        return number.Value == expected
            ? new CheckedMention(m, Verdict.Verified, id, null)
            : new CheckedMention(m, Verdict.Contradicted, id, $"{label}有{expected}项");
    }

    private static readonly (string Name, Regex After, Regex Before)[] Conditions =
    [
        ("unset", UnsetAfter(), UnsetBefore()),
        ("cancelled", CancelledAfter(), CancelledBefore()),
        ("noActual", NoActualAfter(), NoActualBefore()),
    ];

    // 1项指标未设定年度指标值, 1项指标的指标值未设定, 1项指标没有设置目标值.
    [GeneratedRegex(@"^\s*(?:绩效|三级|考核)?指标\s*(?:的)?(?:(?:未|没有|尚未)(?:设定|设置|填写|填报|明确)(?:年度)?(?:指标值|目标值|目标)|(?:年度)?(?:指标值|目标值)(?:未|没有|尚未)(?:设定|设置|填写|填报|明确)|缺少(?:年度)?(?:指标值|目标值)|无(?:年度)?(?:指标值|目标值))")]
    private static partial Regex UnsetAfter();

    // 未设定指标值的指标有1项.
    [GeneratedRegex(@"(?:未|没有|尚未)(?:设定|设置|填写|填报|明确)(?:年度)?(?:指标值|目标值)的(?:绩效|三级)?(?:指标)?\s*(?:有|共|为|共有|计)?\s*$")]
    private static partial Regex UnsetBefore();

    // 1项指标已取消, 1项指标年度内被取消.
    [GeneratedRegex(@"^\s*(?:绩效|三级|考核)?指标\s*(?:在)?(?:年度内|年内|年中)?(?:已|被|已被|已经)?取消")]
    private static partial Regex CancelledAfter();

    // 已取消的指标有1项.
    [GeneratedRegex(@"(?:已|被|已被|已经)?取消的(?:绩效|三级)?(?:指标)?\s*(?:有|共|为|共有|计)?\s*$")]
    private static partial Regex CancelledBefore();

    // 2项指标未填报完成值.
    [GeneratedRegex(@"^\s*(?:绩效|三级|考核)?指标\s*(?:的)?(?:(?:未|没有|尚未)(?:填写|填报)(?:实际)?(?:完成值|完成情况)|(?:实际)?完成值(?:未|没有|尚未)(?:填写|填报))")]
    private static partial Regex NoActualAfter();

    [GeneratedRegex(@"(?:未|没有|尚未)(?:填写|填报)(?:实际)?完成值的(?:绩效|三级)?(?:指标)?\s*(?:有|共|为|共有|计)?\s*$")]
    private static partial Regex NoActualBefore();
}
