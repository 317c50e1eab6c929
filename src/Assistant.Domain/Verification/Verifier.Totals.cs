using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// A stated total of money that nothing in the table verified: after 合计执行/合计预算 it must be the total line's
/// column; after a bare 合计/共计/总计 it must be the sum of the amounts the sentence lists before it
/// (基本支出1625.60万元、项目支出2500.00万元，合计4215.60万元 is contradicted: the parts make 4125.60万元).
/// Runs once over the checked numbers, only for an unverified sum of money right after such a word.
/// </summary>
public sealed partial class Verifier
{
    internal static List<CheckedMention> StatedTotals(List<CheckedMention> mentions, string normalized, FactSheet sheet)
    {
        for (int k = 0; k < mentions.Count; k++)
        {
            CheckedMention c = mentions[k];
            if (c.Verdict != Verdict.Unverified || c.Mention is not { Number: { } number } m || !IsMoney(m.Unit) || m.Start > normalized.Length)
            {
                continue;
            }

            int sentence = normalized.LastIndexOfAny(SentenceEnds, Math.Max(0, m.Start - 1)) + 1;
            Match total = TotalBefore().Match(normalized[Math.Min(sentence, m.Start)..m.Start]);
            if (!total.Success)
            {
                continue;
            }

            mentions[k] = total.Groups["col"].Success
                ? OfTotalColumn(c, number, sheet, total.Groups["col"].Value is "预算" or "安排" ? "budget" : "executed")
                : OfListedParts(c, number, mentions, k, sentence, normalized, sheet);
        }

        return mentions;
    }

    /// <summary>合计执行, 共计: the words before a sum call it a total (of the total line, or of the parts before it).</summary>
    internal static bool IsStatedTotal(string before) => TotalBefore().IsMatch(before);

    private static readonly char[] SentenceEnds = ['。', '！', '？', '\n', '!', '?'];

    private static bool IsMoney(UnitSpec unit) => unit.Base == "元" || (unit.Base.Length == 0 && unit.Magnitude.Length > 0);

    /// <summary>合计执行2130万元: the total line's 执行 (or 预算) is what the words name.</summary>
    private static CheckedMention OfTotalColumn(CheckedMention c, PrintedNumber number, FactSheet sheet, string column)
    {
        SheetIndex index = SheetIndex.For(sheet);
        int line = sheet.Evaluation.Funds.Lines.Count == 0 ? -1 : Math.Max(0, sheet.Evaluation.Funds.Lines.ToList().FindIndex(l => l.Parent is null));
        foreach (Candidate f in index.FundCandidates)
        {
            if (f.Fact.FundLineIndex == line && f.Measure == column && (f.Unit.Base == "元" || f.Unit.Base.Length == 0))
            {
                return Matches(c.Mention, number, f.InMentionUnits(c.Mention.Unit).Value) ? c
                    : new CheckedMention(c.Mention, Verdict.Contradicted, f.Fact.Id, $"合计应为{f.Fact.Label}{Written(f.Fact, f.Unit, c.Mention.Unit)}");
            }
        }

        return c;
    }

    /// <summary>
    /// A money number after 结余/未支出/剩余/结转… that is what a line left of its budget this year: not a 结转 line's own
    /// figure (上年结转资金 names a source of funds), nor a 上年结转/滚存/累计 balance of past years (session 40: 结转 alone, 结转结余
    /// and 结转下年 are this year's balance, <see cref="CarriedOver"/>).
    /// </summary>
    private bool IsBalanceOf(string before, IReadOnlyList<int> fundLines)
    {
        // The line's own name (上年结转) is no word about the number: 上年结转资金结余134.4万元 is that line's 结余.
        string line = fundLines.Count > 0 ? _sheet.Evaluation.Funds.Lines[fundLines[0]].Name : string.Empty;
        string rest = line.Length > 0 ? before.Replace(line, string.Empty, StringComparison.Ordinal) : before;
        return !CarriedOver.IsOtherYears(rest) && (line.Length == 0 || !BalanceLineName().IsMatch(line) || LeftWords().IsMatch(rest));
    }

    private int TotalLine()
    {
        var lines = _sheet.Evaluation.Funds.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Parent is null)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>
    /// A money fact written in the mention's unit (session 35, chat probe 34 #14: 合计执行312.4万元 on a 元 table is corrected to
    /// 302.40万元, not 3024000.00元): the fact's own text when the units agree, else its value in the mention's magnitude with
    /// at least two decimals.
    /// </summary>
    public static string Written(Fact fact, UnitSpec factUnit, UnitSpec mention)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (factUnit.Multiplier == mention.Multiplier || mention.Multiplier == 0m || factUnit.Base != mention.Base && factUnit.Base.Length > 0 && mention.Base.Length > 0)
        {
            return fact.Text;
        }

        decimal value = fact.Value * factUnit.Multiplier / mention.Multiplier;
        int decimals = Math.Max(2, fact.Decimals);
        return PrintedNumber.Format(PrintedNumber.RoundHalfUp(value, decimals), decimals) + mention.Magnitude + (mention.Base.Length > 0 ? mention.Base : factUnit.Base);
    }

    /// <summary>合计4215.60万元 after 基本支出1625.60万元、项目支出2500.00万元: the parts listed since the sentence began (or the last total).</summary>
    private static CheckedMention OfListedParts(CheckedMention c, PrintedNumber number, List<CheckedMention> mentions, int k, int sentence, string normalized, FactSheet sheet)
    {
        decimal sum = 0m;
        int parts = 0, decimals = 0;
        for (int p = k - 1; p >= 0 && mentions[p].Mention.Start >= sentence; p--)
        {
            Mention part = mentions[p].Mention;
            if (part.Number is not { } n || !IsMoney(part.Unit) || part.Unit.Base != c.Mention.Unit.Base || mentions[p].Verdict == Verdict.OutOfScope)
            {
                continue;
            }

            sum += n.Value * part.Unit.Multiplier / c.Mention.Unit.Multiplier;
            decimals = Math.Max(decimals, n.Decimals);
            parts++;
        }

        // A list with its own parts inside (筹集2167.08万元，其中：中央…，上年结余…，合计3914.95万元) has no one reading of its sum.
        if (parts < 2 || Matches(c.Mention, number, sum) || NestedParts().IsMatch(normalized.AsSpan(sentence, c.Mention.Start - sentence)))
        {
            return c;
        }

        // The parts' sum as the table has it (年度资金总额的预算), when it is one of its figures.
        Candidate? same = null;
        foreach (Candidate f in SheetIndex.For(sheet).FundCandidates)
        {
            if (f.Unit.Base == c.Mention.Unit.Base && f.InMentionUnits(c.Mention.Unit).Value == sum)
            {
                same = f;
                break;
            }
        }

        string written = PrintedNumber.Format(sum, decimals) + c.Mention.Unit.Magnitude + c.Mention.Unit.Base;
        return new CheckedMention(c.Mention, Verdict.Contradicted, same?.Fact.Id,
            $"句中所列各部分之和为{written}" + (same is null ? string.Empty : $"（{same.Fact.Label}为{same.Fact.Text}）"));
    }

    /// <summary>
    /// 主要是2个项目因设计变更延期: a count the text quotes from a row's own 偏差原因 (the number, its unit and the next two
    /// characters as the table writes them) is that row's; only asked of a number nothing else verified.
    /// </summary>
    internal static CheckedMention? QuotedFromReason(Mention m, string normalized, Evaluations.Evaluation evaluation) =>
        QuotedFromReason(m, normalized, evaluation, NormalizedReasons(evaluation));

    /// <summary>As above, with each row's 偏差原因 already normalized (null for none): the sheet's <see cref="SheetIndex.Reasons"/>.</summary>
    internal static CheckedMention? QuotedFromReason(Mention m, string normalized, Evaluations.Evaluation evaluation, string?[] reasons)
    {
        int end = m.Start + m.Length;
        if (m.Number is null || m.Unit.Base.Length == 0 || end + 2 > normalized.Length)
        {
            return null;
        }

        string quoted = normalized.Substring(m.Start, m.Length + 2).Trim();
        var indicators = evaluation.Indicators;
        for (int i = 0; i < indicators.Count; i++)
        {
            if (reasons[i] is not { } note)
            {
                continue;
            }

            for (int at = note.IndexOf(quoted, StringComparison.Ordinal); at >= 0; at = note.IndexOf(quoted, at + 1, StringComparison.Ordinal))
            {
                if (at == 0 || !(char.IsAsciiDigit(note[at - 1]) || note[at - 1] == '.'))
                {
                    return new CheckedMention(m, Verdict.Verified, $"indicators[{i}].deviationNote", $"与“{indicators[i].Name}”偏差原因中所述一致");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Session 44: the characters below 64 (digits, '.', '%', signs) that some row's 偏差原因 holds, one bit each: a number
    /// whose first character is among them is the only kind <see cref="QuotedFromReason(Mention, string, Evaluations.Evaluation, string?[])"/> can find quoted.
    /// </summary>
    internal static ulong ReasonMask(string?[] reasons)
    {
        ulong mask = 0;
        foreach (string? note in reasons)
        {
            foreach (char c in note ?? string.Empty)
            {
                if (c < 64)
                {
                    mask |= 1UL << c;
                }
            }
        }

        return mask;
    }

    /// <summary>
    /// Whether a row's 偏差原因 may quote the number: false only when the number's first character (the first of what
    /// <see cref="QuotedFromReason(Mention, string, Evaluations.Evaluation, string?[])"/> seeks) is below 64 and no reason holds
    /// it (<see cref="ReasonMask"/>), so that search would find nothing: no copy of the words, no search of every reason.
    /// </summary>
    internal static bool ReasonsMayQuote(ulong mask, Mention m, string normalized)
    {
        if (m.Start >= normalized.Length)
        {
            return true;
        }

        char first = normalized[m.Start];
        return first >= 64 || char.IsWhiteSpace(first) || (mask & (1UL << first)) != 0;
    }

    /// <summary>Each row's 偏差原因 normalized as the text is (null when the row has none).</summary>
    internal static string?[] NormalizedReasons(Evaluations.Evaluation evaluation)
    {
        var indicators = evaluation.Indicators;
        var reasons = new string?[indicators.Count];
        for (int i = 0; i < reasons.Length; i++)
        {
            reasons[i] = indicators[i].DeviationNote is { Length: > 0 } reason ? TextNormalizer.Normalize(reason) : null;
        }

        return reasons;
    }

    [GeneratedRegex(@"其中|包括|含")]
    private static partial Regex NestedParts();

    [GeneratedRegex(@"(?:合计|共计|总计)(?<col>执行|支出|预算|安排)?(?:数|资金|金额)?(?:为|是|了|达)?\s*$")]
    private static partial Regex TotalBefore();

    /// <summary>
    /// The fund line a score's sentence names last before it (中央资金执行率90%，得分9分 → 中央资金), its own clause's first;
    /// −1 when the sentence names none. Read only for a score no indicator is named for.
    /// </summary>
    private int PartLine(Clause clause, Mention m, IReadOnlyList<int> clauseLines)
    {
        if (clauseLines.Count > 0)
        {
            return clauseLines[0];
        }

        string sentenceBefore = clause.SentenceBefore(m.Start);
        if (!FundWords().IsMatch(sentenceBefore))
        {
            return -1;
        }

        IReadOnlyList<int> lines = LinesNamed(sentenceBefore);
        return lines.Count > 0 ? NearestLine(lines, sentenceBefore) : -1;
    }
    /// <summary>
    /// An amount whose clause names a fund line right before it (no other number between): checked against that line's
    /// column the words name (or, with none, the column the sentence names: 全年预算数500万元，其中中央财政资金200万元 → 预算);
    /// verified by any of that line's figures when no column is named. Null when no line is named right before it.
    /// </summary>
    private CheckedMention? NamedLineAmount(Mention m, PrintedNumber number, Clause clause, string before, IReadOnlyList<int> clauseLines, string? column)
    {
        // 全年结余资金合计353.55万元，其中省级112.73万元、县级240.28万元: a part in a 其中 list takes its total's column (session 39).
        if (ListedParts.Amount(_sheet, m, number, clause.SentenceBefore(m.Start), Matches) is { } listed)
        {
            return listed;
        }

        if (clauseLines.Count == 0 || IsStatedTotal(before))
        {
            return null;
        }

        int line = NearestLine(clauseLines, before);
        int lastDigit = before.Length - 1;
        while (lastDigit >= 0 && !char.IsAsciiDigit(before[lastDigit]))
        {
            lastDigit--;
        }

        string name = _sheet.Evaluation.Funds.Lines[line].Name.Trim();
        string tail = before[(lastDigit + 1)..];
        string core = SheetIndex.FundCore(name);
        if (name.Length == 0 || !(tail.Contains(name, StringComparison.Ordinal) || core.Length >= 2 && SheetIndex.FundCore(tail).Contains(core, StringComparison.Ordinal)
            || _index.FundNames.Cores[line].Length >= 2 && SheetIndex.FundCore(tail).Contains(_index.FundNames.Cores[line], StringComparison.Ordinal))
            || ShareWordAfter().IsMatch(tail.Replace(name, string.Empty, StringComparison.Ordinal)))
        {
            return null;
        }

        string? col = LineColumn(column, before, clauseLines);
        if (col is null)
        {
            // 县级资金0元 (session 36): outside a 其中 list, a figure of the named line itself is that line's, not an equal one of another.
            return PartInList(m, number, clause, line) ?? OwnFigure(m, number, line);
        }

        foreach (Candidate f in _index.FundCandidates)
        {
            if (f.Fact.FundLineIndex == line && (col is null ? f.Measure is "budget" or "executed" : f.Measure == col)
                && Matches(m, number, f.InMentionUnits(m.Unit).Value))
            {
                return new CheckedMention(m, Verdict.Verified, f.Fact.Id, null);
            }
        }

        // Contradicted only when the amount is another line's (or column's) figure: the value collision the named line settles.
        bool another = false;
        foreach (Candidate f in _index.FundCandidates)
        {
            another |= f.Fact.FundLineIndex is not null && f.Measure is "budget" or "executed" or "initialBudget" or "balance" && Matches(m, number, f.InMentionUnits(m.Unit).Value);
        }

        return another && FundFact(line, col!) is { } fact
            ? new CheckedMention(m, Verdict.Contradicted, fact.Fact.Id, $"{fact.Fact.Label}为{fact.Fact.Text}")
            : null;
    }

    /// <summary>
    /// 其中中央财政资金200万元、县级资金300万元 (session 35, chat probe 34 #2): an amount after a fund part's name in a 其中 list with
    /// no 预算/执行 word is that part's 预算数 or 执行数; another line's figure there (the parts swapped) is contradicted, citing
    /// the part's own figures. Null when the amount is no line's figure (left to the ordinary checks).
    /// </summary>
    private CheckedMention? PartInList(Mention m, PrintedNumber number, Clause clause, int line)
    {
        if (_sheet.Evaluation.Funds.Lines[line].Parent is null || !clause.SentenceBefore(m.Start).Contains("其中", StringComparison.Ordinal)
            || LastNamedLine(_sheet, clause.SentenceBefore(m.Start)) != line)
        {
            return null;
        }

        Candidate? budget = null, executed = null;
        bool another = false;
        foreach (Candidate f in _index.FundCandidates)
        {
            if (f.Fact.FundLineIndex is not { } l || f.Measure is not ("budget" or "executed" or "initialBudget" or "balance"))
            {
                continue;
            }

            bool same = Matches(m, number, f.InMentionUnits(m.Unit).Value);
            if (l != line)
            {
                another |= same && f.Measure != "balance";
            }
            else if (same && f.Measure != "balance")
            {
                return new CheckedMention(m, Verdict.Verified, f.Fact.Id, null);
            }
            else
            {
                budget ??= f.Measure == "budget" ? f : null;
                executed ??= f.Measure == "executed" ? f : null;
            }
        }

        return another && budget is not null ? new CheckedMention(m, Verdict.Contradicted, budget.Fact.Id, PartNote(budget, executed, m.Unit)) : null;
    }

    private CheckedMention? OwnFigure(Mention m, PrintedNumber number, int line)
    {
        foreach (Candidate f in _index.FundCandidates)
        {
            if (f.Fact.FundLineIndex == line && f.Measure is "budget" or "executed" or "initialBudget" or "balance" && Matches(m, number, f.InMentionUnits(m.Unit).Value))
            {
                return new CheckedMention(m, Verdict.Verified, f.Fact.Id, null);
            }
        }

        return null;
    }

    /// <summary>The fund line whose full name is written last in <paramref name="said"/> (县级配套资金 after 省级资金), or −1.</summary>
    public static int LastNamedLine(FactSheet sheet, string said)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(said);
        int best = -1, where = -1;
        var lines = sheet.Evaluation.Funds.Lines;
        for (int l = 0; l < lines.Count; l++)
        {
            string name = lines[l].Name.Trim();
            int at = name.Length > 0 ? said.LastIndexOf(name, StringComparison.Ordinal) : -1;
            if (at > where || (at == where && at >= 0 && name.Length > lines[best].Name.Trim().Length))
            {
                (best, where) = (l, at);
            }
        }

        return best;
    }

    private static string PartNote(Candidate budget, Candidate? executed, UnitSpec unit) =>
        $"{budget.Fact.Label}为{Written(budget.Fact, budget.Unit, unit)}"
        + (executed is null ? string.Empty : $"，{executed.Fact.Label}为{Written(executed.Fact, executed.Unit, unit)}");

    [GeneratedRegex(@"(?<!年初|调整|未)(?:全年|年度)?预算(?:数|资金|金额|总额|总数)?(?:为|是|共|合计|总计)?\s*$")]
    private static partial Regex BudgetWords();

    [GeneratedRegex(@"(?<!未|尚未)(?:实际)?(?:执行|支出)(?:数|资金|金额|总额)?(?:为|是|共|了|合计)?\s*$")]
    private static partial Regex SpentWords();

    [GeneratedRegex(@"(?:预算|资金|项目|总体|整体|全年)执行率")]
    private static partial Regex WholeRateWords();

    [GeneratedRegex(@"占|比重|比例|增长|减少|增加|下降|结余|结转|差|缺口|还需|尚需|剩余")]
    private static partial Regex ShareWordAfter();
}
