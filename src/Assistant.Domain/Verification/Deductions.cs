using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// 扣1.60分 (session 35, chat probe 34 #14): a number of 分 right after 扣 / 扣除 / 失分 is a deduction, 分值 − 得分 — of the row the
/// clause names, else of the fund line or of the 总分 (满分 − 总分), whichever the sentence spoke of last before it. Verified when it
/// is that deduction, contradicted naming it when not. Shared by the verifier and the reference the tests keep.
/// </summary>
internal static partial class Deductions
{
    public static CheckedMention? Check(FactSheet sheet, Mention m, PrintedNumber number, string before, string sentenceBefore, IReadOnlyList<int> named,
        Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        if (m.Unit.Base != "分" || !DeductionWords().IsMatch(before))
        {
            return null;
        }

        // 资金执行扣1.25分，日处理量扣1.60分 (session 36, files probe 35 #5): the words right before 扣 name the row by a part of its name.
        if (named.Count == 0 && RowNamedBefore(sheet, DeductionWords().Replace(before, string.Empty)) is { } row)
        {
            named = [row];
        }

        string said = DeductionWords().Replace(sentenceBefore, string.Empty);
        // “培训补贴资金发放时限”…，扣4.20分 (session 37, probe 37 #1c): a row named whole in the sentence owns the deduction
        // unless the fund line or the 总分 is spoken of after it; the 资金 inside a row's name speaks of no fund line.
        (int? quoted, int quotedEnd, said) = RowNamedWhole(sheet, said);
        int fund = LastIndex(FundScoreWords(), said), total = LastIndex(TotalWords(), said);
        if (named.Count == 0 && quoted is { } whole && quotedEnd > fund && quotedEnd > total)
        {
            named = [whole];
        }

        // 资金执行得分9.09分，扣0.91分；产出指标得分47.52分，扣2.58分 (session 39, probe 38 #4): a 一级指标 named after the fund line
        // or the 总分 owns the deduction: its 分值合计 − 得分合计.
        if (named.Count == 0 && (quoted is null || quotedEnd <= fund && quotedEnd <= total) && LevelDeduction(sheet, m, number, said, Math.Max(fund, total), matches) is { } level)
        {
            return level;
        }

        string id, label, scoreId;
        if (named.Count == 1 && sheet.Find($"indicators[{named[0]}].weight") is not null)
        {
            (id, scoreId) = ($"indicators[{named[0]}].lost", $"indicators[{named[0]}].score");
            label = $"“{sheet.Evaluation.Indicators[named[0]].Name.Trim()}”的扣分";
        }
        else if (named.Count == 0 && fund >= 0 && fund >= total && RootLine(sheet) is { } root && sheet.Find($"funds.lines[{root}].score") is not null)
        {
            (id, scoreId) = ($"funds.lines[{root}].lost", $"funds.lines[{root}].score");
            label = "预算执行率（资金）的扣分";
        }
        else if (named.Count == 0 && total >= 0 && sheet.Find("total") is not null)
        {
            (id, scoreId) = ("totalLost", "total");
            label = "总扣分（满分−总分）";
        }
        else
        {
            return null;
        }

        // A row at full marks has no 扣分 fact: its 得分 is cited (no id the sheet does not hold).
        Fact? fact = sheet.Find(id);
        if (fact is null && sheet.Find(scoreId) is null)
        {
            return null;
        }

        decimal lost = fact?.Value ?? 0m;
        string cited = fact?.Id ?? scoreId;
        // Session 43: the 扣分 is what the printed 得分 leaves (0.07 of 5 − 4.93); its range holds the exact difference (0.075, which
        // a unit may print 0.08 or as it is), and either is the deduction.
        return matches(m, number, lost) || fact?.Range is { } range && (matches(m, number, range.Low) || matches(m, number, range.High))
            ? new CheckedMention(m, Verdict.Verified, cited, null)
            : new CheckedMention(m, Verdict.Contradicted, cited, fact is null ? $"{label}为0（得满分，没有扣分）" : $"{label}为{fact.Text}");
    }

    /// <summary>
    /// The deduction of the 一级指标 (产出指标, 效益指标…) the words name last, when after <paramref name="after"/>: its 分值合计 −
    /// 得分合计, cited by its 得分合计. Null when no level is named there or the sheet has no score for it.
    /// </summary>
    private static CheckedMention? LevelDeduction(FactSheet sheet, Mention m, PrintedNumber number, string said, int after, Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        string? level = null;
        int at = after;
        foreach (var l in sheet.Report.Levels)
        {
            int k = l.Level1.Trim().Length >= 3 ? said.LastIndexOf(l.Level1.Trim(), StringComparison.Ordinal) : -1;
            if (k > at)
            {
                (level, at) = (l.Level1, k);
            }
        }

        if (level is null || sheet.Find($"levels[{level}].weight") is not { } weight || sheet.Find($"levels[{level}].score") is not { } score)
        {
            return null;
        }

        decimal lost = weight.Value - score.Value;
        string text = PrintedNumber.Format(lost, Math.Max(score.Decimals, number.Decimals));
        // Session 43: or what the printed 得分合计 leaves of the 分值合计 (as a row's 扣分, FactBuilder.Lost).
        return matches(m, number, lost) || matches(m, number, weight.Value - PrintedNumber.RoundHalfUp(score.Value, score.Decimals))
            ? new CheckedMention(m, Verdict.Verified, score.Id, null)
            : new CheckedMention(m, Verdict.Contradicted, score.Id, $"{level.Trim()}的扣分为{text}分（分值{weight.Text}−得分{score.Text}）");
    }

    /// <summary>
    /// The fund line's 扣分 is read only after 扣 (this rule): a bare figure in a table cell (3, 4) equal to it by chance is no
    /// deduction, so the fact is kept out of the facts a number is matched against by value.
    /// </summary>
    public static bool IsFundLost(Fact fact) =>
        fact is { FundLineIndex: not null } && fact.Id.EndsWith(".lost", StringComparison.Ordinal);

    /// <summary>
    /// The row the words right before a deduction name (日处理量 for 生活垃圾日处理量): the longest run of three or more of those words
    /// that one row's name holds and no other's, covering three fifths of them at least; null when none, or two rows tie.
    /// </summary>
    public static int? RowNamedBefore(FactSheet sheet, string words)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(words);
        int start = words.Length;
        while (start > 0 && words[start - 1] is >= '\u4e00' and <= '\u9fa5')
        {
            start--;
        }

        string subject = words[start..];
        var names = sheet.Evaluation.Indicators.Select(i => i.Name).ToList();
        for (int length = subject.Length; length >= 3; length--)
        {
            int? found = null;
            bool tie = false;
            for (int k = 0; k + length <= subject.Length; k++)
            {
                string part = subject.Substring(k, length);
                var holders = Enumerable.Range(0, names.Count).Where(i => names[i].Contains(part, StringComparison.Ordinal)).ToList();
                if (holders.Count == 1 && found != holders[0])
                {
                    tie |= found is not null;
                    found = holders[0];
                }
            }

            // The part is most of the words (吨垃圾 of 吨垃圾成本): not one word of a longer subject of its own (全区就业政策满意度).
            if (found is not null)
            {
                return tie || length * 5 < subject.Length * 3 ? null : found;
            }
        }

        return null;
    }

    /// <summary>
    /// The row whose whole name the words hold last (the longest name where several end together), where that name ends, and
    /// the words with every row's whole name blanked (so 资金 inside 培训补贴资金发放时限 is not read as the fund line).
    /// </summary>
    private static (int? Row, int End, string Blanked) RowNamedWhole(FactSheet sheet, string words)
    {
        var indicators = sheet.Evaluation.Indicators;
        char[] blanked = words.ToCharArray();
        int? row = null;
        int end = -1;
        for (int i = 0; i < indicators.Count; i++)
        {
            string name = indicators[i].Name.Trim();
            if (name.Length < 3)
            {
                continue;
            }

            for (int at = words.IndexOf(name, StringComparison.Ordinal); at >= 0; at = words.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                int stop = at + name.Length;
                if (stop > end || (stop == end && row is { } r && name.Length > indicators[r].Name.Trim().Length))
                {
                    (row, end) = (i, stop);
                }

                for (int k = at; k < stop; k++)
                {
                    blanked[k] = '\u3000';
                }
            }
        }

        // Two rows named whole and equally late (one name ends another) are no single row.
        return (row, end, new string(blanked));
    }

    /// <summary>The first fund line that is no part of another (the total); null when every line is a part.</summary>
    internal static int? RootLine(FactSheet sheet)
    {
        var lines = sheet.Evaluation.Funds.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Parent is null)
            {
                return i;
            }
        }

        return null;
    }

    private static int LastIndex(Regex regex, string text)
    {
        int last = -1;
        foreach (Match match in regex.Matches(text))
        {
            last = match.Index;
        }

        return last;
    }

    // 扣1.60分, 扣除1.6分, 共扣8.09分, 扣分1.60分, 失分0.44分.
    [GeneratedRegex(@"(?:扣(?:除|减|掉)?(?:了)?|扣分(?:为|是)?|失分(?:为|是)?|失(?:了)?)\s*$")]
    private static partial Regex DeductionWords();

    [GeneratedRegex(@"资金|预算执行|执行率")]
    private static partial Regex FundScoreWords();

    // Not 满分: 超过指标值得满分 speaks of a row's rule, not of the 总分.
    [GeneratedRegex(@"总分|自评得分|综合得分|总得分|合计得分")]
    private static partial Regex TotalWords();
}
