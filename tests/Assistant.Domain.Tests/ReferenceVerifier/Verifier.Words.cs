// Session 28: the words that bind a number to its fact, restated simply (the product: src/Assistant.Domain/Verification/Verifier.Words.cs).
using Assistant.Domain.Verification;
using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests.ReferenceVerifier;

public sealed partial class Verifier
{
    /// <summary>A count right after a list of two or more 、-separated items that has that many items.</summary>
    private static CheckedMention? ListCount(Mention m, PrintedNumber number, string before)
    {
        Match list = Regex.Match(before, @"(?:[\u4e00-\u9fa5“”""]{2,20}[、和及]){1,}[\u4e00-\u9fa5“”""]{2,20}$");
        int items = list.Success ? list.Value.Split('、', '和', '及').Count(s => s.Trim().Length > 0) : 0;
        return m.Unit.Base is "项" or "个" && items >= 2 && number.Decimals == 0 && number.Value == items
            ? new CheckedMention(m, Verdict.Verified, null, $"句中列出的{items}项")
            : null;
    }

    private static bool IsConditionThreshold(string before) => Regex.IsMatch(before,
        @"(?:才能|才可以|才可|才会)(?:使|让)?[^，,。；;？?]{0,10}?(?:达到|提高到|提升到|上升到|到)\s*(?:约|近)?\s*$|^\s*(?:若|如果|假如|要是|倘若)[^，,。；;？?]{0,14}?(?:达到|提高到|提升到|上升到|到)\s*(?:约|近)?\s*$");

    private static bool IsPriorYearChange(string before) => Regex.IsMatch(before,
        @"(?:较|比|与|同)?(?:上年|去年|上一年|上年度|前一年|上年同期)(?:同期)?(?:相比)?[，,]?\s*(?:提高|增长|增加|下降|减少|降低|上升|多|少|高|低)了?\s*(?:约|近)?\s*$|(?:同比|环比)(?:提高|增长|增加|下降|减少|降低|上升)?了?\s*(?:约|近)?\s*$");

    /// <summary>The total (总分…) or the 预算执行率's score (…得分) the words name: that score, or contradicted by it.</summary>
    private CheckedMention? ScoreOf(Mention m, PrintedNumber number, string before, IReadOnlyList<int> named, bool fundWords, IReadOnlyList<int> fundLines)
    {
        if (m.Unit.Base != "分" || named.Count > 0)
        {
            return null;
        }

        string? id = Assistant.Domain.Verification.Verifier.TotalScoreWords(before, fundWords) ? "total"
            : Regex.IsMatch(before, @"(?:预算执行率?|资金执行率?|执行率|资金)(?:指标)?得分(?:为|是)?\s*$") ? $"funds.lines[{(fundLines.Count > 0 ? fundLines[0] : TotalLine())}].score"
            : null;
        if (id is null || _sheet.Find(id) is not { } own)
        {
            return null;
        }

        CheckedMention? hit = Direct(m, number, _candidates);
        return hit?.FactId is { } h && (h == id || h is "weightTotal" or "funds.weight")
            ? hit
            : new CheckedMention(m, Verdict.Contradicted, id, $"{own.Label}为{own.Text}");
    }

    /// <summary>A row's target, actual or gap printed without a unit has the unit its name ends with (新增粮食产能（万公斤）).</summary>
    private static string RowUnit(FactSheet sheet, Fact f)
    {
        if (f.Unit.Length > 0 || f.IndicatorIndex is not { } i || !Regex.IsMatch(f.Id, @"\.(?:target|actual|gap)$"))
        {
            return f.Unit;
        }

        Match m = Regex.Match(sheet.Evaluation.Indicators[i].Name, @"[（(]\s*(?<u>%|％|‰|1?/\s*(?:[1-9]0*)?(?:万|千|百|亿)(?:人口|人|活产|户|例)?|1?/\s*10{2,}|[万亿千]?[\u4e00-\u9fa5]{1,4}(?:/[\u4e00-\u9fa5]{1,2}){0,2})\s*[)）]\s*$");
        string? b = m.Success ? UnitSpec.Parse(m.Groups["u"].Value).Base : null;
        return b is not null && (UnitSpec.KnownBases.Contains(b) || b is "公斤" or "千克" or "吨" or "立方米" or "米" or "千瓦" or "等" || Assistant.Domain.Verification.SheetIndex.IsPerPopulation(b)) ? m.Groups["u"].Value : f.Unit;
    }

    /// <summary>The target where the words say what was done, on a row that fell short (or after 实际完成/完成值为 on any row).</summary>
    private CheckedMention? TargetAsActual(CheckedMention hit, PrintedNumber number, string before, string after, Binding binding, Clause clause)
    {
        if (hit.Verdict != Verdict.Verified || hit.FactId is not { } id || !id.EndsWith(".target", StringComparison.Ordinal) || _sheet.Find(id) is not { IndicatorIndex: { } i })
        {
            return null;
        }

        // The row's own name is no goal word (新建高标准农田面积 holds 标准).
        string ownName = _sheet.Evaluation.Indicators[i].Name.Split('（', '(')[0].Trim();
        bool goal = Regex.IsMatch(ownName.Length > 0 ? before.Replace(ownName, string.Empty, StringComparison.Ordinal) : before, "目标|计划|任务|预期|指标值|指标为|要求|标准|控制|设定|设置|考核|拟|力争|争取|确保|应") || FollowsTarget().IsMatch(after)
            || Assistant.Domain.Verification.Verifier.TargetAfterUnit(after);
        bool actualOnly = Regex.IsMatch(before, @"(?:实际完成|实际达到|完成值(?:为|是)?|实际(?:为|是))\s*$");
        bool done = Regex.IsMatch(before, @"(?:实际完成|完成了?|实际达到|达到了?|实现了?|完成值(?:为|是)?|实际(?:为|是))\s*$")
            || (binding.Explicit && Regex.IsMatch(before, @"(?:为|是)\s*$"))
            || (binding.Explicit && Regex.IsMatch(before, @"(?<!未|没有|尚未|用于|以|为|需|要|将|拟)(?:实际完成|完成了?|建成|实现)(?![率值])[^\d，,。；;、]{2,30}$"))
            || Assistant.Domain.Verification.Verifier.NameStatesDone(before, _sheet.Evaluation.Indicators[i].Name, clause.Sentence, clause.SentenceStart, hit.Mention);
        goal = goal || Assistant.Domain.Verification.Verifier.StatedAsTarget(before, clause.SentenceBefore(hit.Mention.Start));
        if (goal || !done || !(actualOnly || _sheet.Report.Indicators[i].Status == IndicatorStatus.Short) || _sheet.Report.Indicators[i].Actual is not QuantityCell)
        {
            return null;
        }

        var actuals = _candidates.Where(c => c.Fact.IndicatorIndex == i && Measure(c.Fact) == "actual" && Compatible(hit.Mention.Unit, c.Unit)).ToList();
        Candidate? actual = actuals.FirstOrDefault();
        UnitSpec reading = ReadingUnit(hit, number);
        return actual is null || actuals.Any(c => Matches(hit.Mention, number, c.InMentionUnits(reading).Value)) ? null
            : new CheckedMention(hit.Mention, Verdict.Contradicted, actual.Fact.Id,
                $"“{_sheet.Evaluation.Indicators[i].Name}”的完成值为{actual.Fact.Text}（{hit.Mention.Text.Trim()}是指标值）");
    }

    /// <summary>
    /// The 完成率 of a named reverse row (≤, costs, rates of harm) written as 指标值 ÷ 完成值, the ratio the policy's
    /// ratio variant scores by and many reports print: verified when it matches (not 完成值 ÷ 指标值 only).
    /// </summary>
    private CheckedMention? ReverseCompletion(IReadOnlyList<int> named, Mention m, PrintedNumber number)
    {
        foreach (int i in named)
        {
            if (_sheet.Report.Indicators[i] is { Rule: IndicatorRule.Reverse, Status: IndicatorStatus.Short, Target: QuantityCell t, Actual: QuantityCell a }
                && t.EffectiveUnit.Equals(a.EffectiveUnit) && t.Number.Value > 0 && a.Number.Value > 0 && Matches(m, number, t.Number.Value / a.Number.Value * 100m))
            {
                return new CheckedMention(m, Verdict.Verified, $"indicators[{i}].completion",
                    $"逆向指标完成率按指标值÷完成值计算为{PrintedNumber.Format(t.Number.Value / a.Number.Value * 100m, 2)}%");
            }
        }

        return null;
    }

    /// <summary>Of the fund lines a sentence names, the one whose name is written last before the number (else the first).</summary>
    private int NearestLine(IReadOnlyList<int> lines, string sentenceBefore) =>
        lines.Select(i => (i, at: sentenceBefore.LastIndexOf(_sheet.Evaluation.Funds.Lines[i].Name.Trim() is { Length: > 0 } n ? n : "\0", StringComparison.Ordinal)))
            .Aggregate((best: lines[0], at: -1), (acc, x) => x.at > acc.at ? (x.i, x.at) : acc).best;

    /// <summary>A 完成率 matched where the words say the actual (实际完成98% of an 88% row): compared with the actual instead.</summary>
    private CheckedMention? CompletionAsActual(CheckedMention hit, PrintedNumber number, string before)
    {
        if (hit.Verdict != Verdict.Verified || hit.FactId is not { } id || !id.EndsWith(".completion", StringComparison.Ordinal) || _sheet.Find(id) is not { IndicatorIndex: { } i }
            || !Regex.IsMatch(before, @"(?:实际完成|实际达到|完成值(?:为|是)?|实际(?:为|是))\s*$") || _sheet.Report.Indicators[i].Actual is not QuantityCell)
        {
            return null;
        }

        var actuals = _candidates.Where(c => c.Fact.IndicatorIndex == i && Measure(c.Fact) == "actual" && Compatible(hit.Mention.Unit, c.Unit)).ToList();
        if (actuals.FirstOrDefault(c => Matches(hit.Mention, number, c.InMentionUnits(hit.Mention.Unit).Value)) is { } same)
        {
            return new CheckedMention(hit.Mention, Verdict.Verified, same.Fact.Id, null);
        }

        return actuals.Count == 0 ? null
            : new CheckedMention(hit.Mention, Verdict.Contradicted, actuals[0].Fact.Id,
                $"“{_sheet.Evaluation.Indicators[i].Name}”的完成值为{actuals[0].Fact.Text}（{hit.Mention.Text.Trim()}与完成率相近，但不是完成值）");
    }

    /// <summary>A limit said to be kept (控制在…以内), stated with the target of a reverse row that broke it: contradicted by the actual.</summary>
    private CheckedMention? LimitKept(CheckedMention hit, string before, string after, Clause clause)
    {
        if (hit.Verdict != Verdict.Verified || hit.FactId is not { } id || !id.EndsWith(".target", StringComparison.Ordinal) || _sheet.Find(id) is not { IndicatorIndex: { } i }
            || _sheet.Report.Indicators[i] is not { Rule: IndicatorRule.Reverse, Status: IndicatorStatus.Short } || _sheet.Report.Indicators[i].Actual is not QuantityCell)
        {
            return null;
        }

        string ownName = _sheet.Evaluation.Indicators[i].Name.Split('（', '(')[0].Trim();
        string withoutName = ownName.Length > 0 ? before.Replace(ownName, string.Empty, StringComparison.Ordinal) : before;
        if (!Assistant.Domain.Verification.Verifier.SaysLimitKept(hit.Mention, before, after, withoutName, clause.SentenceBefore(hit.Mention.Start)))
        {
            return null;
        }

        Candidate? actual = _candidates.FirstOrDefault(c => c.Fact.IndicatorIndex == i && Measure(c.Fact) == "actual");
        return actual is null ? null : new CheckedMention(hit.Mention, Verdict.Contradicted, actual.Fact.Id,
            $"“{_sheet.Evaluation.Indicators[i].Name}”的完成值为{actual.Fact.Text}，超出了{hit.Mention.Text.Trim()}的控制标准，没有控制在标准以内");
    }

    /// <summary>预算 or 执行 right before a sum of money (not 年初预算, 调整预算, 未执行).</summary>
    private static string? MoneyColumn(string before) =>
        Regex.IsMatch(before, @"(?<!年初|调整|未)(?:全年|年度)?预算(?:数|资金|金额|总额|总数)?(?:为|是|共|合计|总计)?\s*$") ? "budget"
        : Regex.IsMatch(before, @"(?<!未|尚未)(?:实际)?(?:执行|支出)(?:数|资金|金额|总额)?(?:为|是|共|了|合计)?\s*$") ? "executed"
        : null;

    /// <summary>
    /// Session 32: a bare number that matched a fact as printed (25 for 25万元) is read in that fact's unit when
    /// another fact is compared with it; else in its own unit.
    /// </summary>
    private UnitSpec ReadingUnit(CheckedMention hit, PrintedNumber number)
    {
        Mention m = hit.Mention;
        Candidate? c = m.Unit.IsEmpty && hit.FactId is { } id ? _candidates.FirstOrDefault(x => x.Fact.Id == id) : null;
        return c is not null && c.Unit.Base.Length > 0 && !Matches(m, number, c.InMentionUnits(m.Unit).Value) && Matches(m, number, c.Fact.Value) ? c.Unit : m.Unit;
    }

    /// <summary>A line's 执行 called its 预算 (or the other way): contradicted by the column the words name, unless that holds the number too.</summary>
    private CheckedMention? SwappedColumn(CheckedMention hit, string? column)
    {
        if (column is null || hit.FactId is not { } id || _sheet.Find(id) is not { FundLineIndex: { } line } fact || hit.Mention.Number is not { } number)
        {
            return null;
        }

        string measure = Measure(fact);
        if (!(column == "budget" ? measure == "executed" : measure is "budget" or "initialBudget"))
        {
            return null;
        }

        Candidate? own = _candidates.FirstOrDefault(c => c.Fact.FundLineIndex == line && Measure(c.Fact) == column);
        if (own is null)
        {
            return null;
        }

        return Matches(hit.Mention, number, own.InMentionUnits(ReadingUnit(hit, number)).Value)
            ? hit with { FactId = own.Fact.Id }
            : hit with { Verdict = Verdict.Contradicted, FactId = own.Fact.Id, Note = $"{own.Fact.Label}为{own.Fact.Text}（{fact.Text}是{fact.Label}）" };
    }

    /// <summary>A 结余 or 执行率 found on another line than the one the clause names, or (no line named in the sentence) a 预算执行率 not the total's.</summary>
    private bool OtherLine(CheckedMention hit, Role role, IReadOnlyList<int> clauseLines, IReadOnlyList<int> sentenceLines, string before)
    {
        if (role is not (Role.Balance or Role.Execution) || hit.FactId is null)
        {
            return false;
        }

        var lines = hit.FactId.Split(" - ").Select(id => Regex.Match(id, @"^funds\.lines\[(\d+)\]")).ToList();
        if (lines.Any(l => !l.Success))
        {
            return false;
        }

        var numbers = lines.Select(l => int.Parse(l.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (role == Role.Execution && hit.FactId.Split([" - ", " / "], StringSplitOptions.None).Select(id => Regex.Match(id, @"^funds\.lines\[(\d+)\]").Value).Distinct().Count() > 1 && !Regex.IsMatch(before, "占|比重|比例"))
        {
            return true;
        }

        if (clauseLines.Count > 0)
        {
            // Unless a named line holds the same figure in the same column.
            Fact? fact = hit.FactId.Contains(' ', StringComparison.Ordinal) ? null : _sheet.Find(hit.FactId);
            bool onNamed = fact is not null && hit.Mention.Number is { } n && _candidates.Any(c => c.Fact.FundLineIndex is { } l && clauseLines.Contains(l)
                && Measure(c.Fact) == Measure(fact) && Matches(hit.Mention, n, c.InMentionUnits(ReadingUnit(hit, n)).Value));
            return numbers.Any(l => !clauseLines.Contains(l)) && !onNamed;
        }

        int total = TotalLine();
        return role == Role.Execution && Regex.IsMatch(before, "(?:预算|资金|项目|总体|整体|全年)执行率") && sentenceLines.All(l => l == total) && numbers.Any(l => l != total);
    }

    /// <summary>Two numbers joined by 至/到/~ form a range; a contradicted end whose fact lies inside is verified.</summary>
    private CheckedMention InRange(CheckedMention c, VerificationContext ctx)
    {
        if (c.Verdict != Verdict.Contradicted || c.FactId is null || c.Mention.Number is not { } n || _sheet.Find(c.FactId) is not { } fact || c.Mention.Unit.Multiplier != 1m)
        {
            return c;
        }

        Mention? other = ctx.Mentions.FirstOrDefault(x => !x.IsIdentifier && x.Number is not null && x.Unit.Base == c.Mention.Unit.Base && x.Start != c.Mention.Start
            && (x.Start < c.Mention.Start ? (x.Start + x.Length, c.Mention.Start) : (c.Mention.Start + c.Mention.Length, x.Start)) is var (from, to)
            && from <= to && to - from <= 2 && Regex.IsMatch(ctx.Normalized[from..to], @"^\s*(?:至|到|~|～|-|—|－)\s*$"));
        if (other?.Number is not { } o)
        {
            return c;
        }

        return Math.Min(n.Value, o.Value) <= fact.Value && fact.Value <= Math.Max(n.Value, o.Value)
            ? c with { Verdict = Verdict.Verified, Note = $"{fact.Label}为{fact.Text}，在所说的范围内" }
            : c;
    }

    /// <summary>A row whose target and actual are whole numbers without 万/亿, rate or money units: what is derived from them is exact.</summary>
    private bool ExactOperands(int indicator)
    {
        static bool Whole(QuantityCell q) => q.Number.Decimals == 0 && q.EffectiveUnit.Multiplier == 1m
            && q.EffectiveUnit.Base is not ("%" or "‰") && !q.EffectiveUnit.Base.StartsWith('元') && !q.EffectiveUnit.Base.Contains('/');
        return _sheet.Report.Indicators[indicator] is { Target: QuantityCell t, Actual: QuantityCell a } && Whole(t) && Whole(a);
    }

    /// <summary>约X: rounds to X at its last significant digit, and within 5 %.</summary>
    private static bool Approximately(PrintedNumber number, decimal value)
    {
        decimal place = PrintedNumber.Unit(number.Decimals);
        for (decimal v = Math.Abs(number.Value); number.Decimals == 0 && v >= 10m && v % 10m == 0m; v /= 10m)
        {
            place *= 10m;
        }

        decimal distance = Math.Abs(value - number.Value);
        return distance < place / 2m + place / 1000m && distance <= Math.Abs(number.Value) * 0.05m;
    }

    /// <summary>An amount whose clause names a fund line right before it: that line's column (the words', else the sentence's last before its first line name).</summary>
    private CheckedMention? NamedLineAmount(Mention m, PrintedNumber number, Clause clause, string before, IReadOnlyList<int> clauseLines, string? column)
    {
        if (ListedParts.Amount(_sheet, m, number, clause.SentenceBefore(m.Start), Matches) is { } listed)
        {
            return listed;
        }

        if (clauseLines.Count == 0 || Assistant.Domain.Verification.Verifier.IsStatedTotal(before))
        {
            return null;
        }

        int line = NearestLine(clauseLines, before);
        string name = _sheet.Evaluation.Funds.Lines[line].Name.Trim();
        string tail = Regex.Match(before, @"[^0-9]*$").Value;
        if (name.Length == 0 || !(tail.Contains(name, StringComparison.Ordinal) || FundCore(name).Length >= 2 && FundCore(tail).Contains(FundCore(name), StringComparison.Ordinal)
                || _fundCores[line].Length >= 2 && FundCore(tail).Contains(_fundCores[line], StringComparison.Ordinal))
            || Regex.IsMatch(tail.Replace(name, string.Empty, StringComparison.Ordinal), "占|比重|比例|增长|减少|增加|下降|结余|结转|差|缺口|还需|尚需|剩余"))
        {
            return null;
        }

        string? col = column is null ? null : MoneyColumn(clauseLines.Aggregate(before, (b, l) => b.Replace(_sheet.Evaluation.Funds.Lines[l].Name, string.Empty, StringComparison.Ordinal).Replace(FundCore(_sheet.Evaluation.Funds.Lines[l].Name), string.Empty, StringComparison.Ordinal)));
        if (col is null)
        {
            // Session 35 (chat probe 34 #2): in a 其中 list of parts with no 预算/执行 word, the amount is the part's 预算数 or 执行数;
            // another line's figure there (the parts swapped) is contradicted citing the part's own.
            if (_sheet.Evaluation.Funds.Lines[line].Parent is null || !clause.SentenceBefore(m.Start).Contains("其中", StringComparison.Ordinal)
                || Assistant.Domain.Verification.Verifier.LastNamedLine(_sheet, clause.SentenceBefore(m.Start)) != line)
            {
                // Session 36: outside a 其中 list, a figure of the named line itself is that line's (县级资金0元).
                return OwnFigure(m, number, line);
            }

            var figures = _candidates.Where(c => c.Fact.FundLineIndex is not null && Measure(c.Fact) is "budget" or "executed" or "initialBudget").ToList();
            if (figures.FirstOrDefault(c => c.Fact.FundLineIndex == line && Matches(m, number, c.InMentionUnits(m.Unit).Value)) is { } part)
            {
                return new CheckedMention(m, Verdict.Verified, part.Fact.Id, null);
            }

            var budget = figures.FirstOrDefault(c => c.Fact.FundLineIndex == line && Measure(c.Fact) == "budget");
            var executed = figures.FirstOrDefault(c => c.Fact.FundLineIndex == line && Measure(c.Fact) == "executed");
            return budget is not null && figures.Any(c => c.Fact.FundLineIndex != line && Matches(m, number, c.InMentionUnits(m.Unit).Value))
                ? new CheckedMention(m, Verdict.Contradicted, budget.Fact.Id, $"{budget.Fact.Label}为{Assistant.Domain.Verification.Verifier.Written(budget.Fact, budget.Unit, m.Unit)}"
                    + (executed is null ? string.Empty : $"，{executed.Fact.Label}为{Assistant.Domain.Verification.Verifier.Written(executed.Fact, executed.Unit, m.Unit)}"))
                : OwnFigure(m, number, line);
        }

        var own = _candidates.Where(c => c.Fact.FundLineIndex == line && (col is null ? Measure(c.Fact) is "budget" or "executed" : Measure(c.Fact) == col)).ToList();
        if (own.FirstOrDefault(c => Matches(m, number, c.InMentionUnits(m.Unit).Value)) is { } same)
        {
            return new CheckedMention(m, Verdict.Verified, same.Fact.Id, null);
        }

        return own.Count > 0 && _candidates.Any(c => c.Fact.FundLineIndex is not null && Measure(c.Fact) is "budget" or "executed" or "initialBudget" or "balance" && Matches(m, number, c.InMentionUnits(m.Unit).Value))
            ? new CheckedMention(m, Verdict.Contradicted, own[0].Fact.Id, $"{own[0].Fact.Label}为{own[0].Fact.Text}")
            : null;
    }

    /// <summary>A figure of the named line itself (its 预算数, 执行数, 年初预算数 or 结余) equal to the number, or null.</summary>
    private CheckedMention? OwnFigure(Mention m, PrintedNumber number, int line) =>
        _candidates.FirstOrDefault(c => c.Fact.FundLineIndex == line && Measure(c.Fact) is "budget" or "executed" or "initialBudget" or "balance"
            && Matches(m, number, c.InMentionUnits(m.Unit).Value)) is { } ownFigure ? new CheckedMention(m, Verdict.Verified, ownFigure.Fact.Id, null) : null;
}
