using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// What the words right before a number bind it to, beyond its indicator: a comparison with last year
/// (the table has none), the list a count counts, a range, the 总分, the 预算 or the 执行 of a fund line,
/// a 完成值 (not the target), the fund line whose 结余 or 执行率 it is.
/// </summary>
public sealed partial class Verifier
{
    /// <summary>较上年提高1.2个百分点, 同比增长12.5%: a change over last year, which the table does not hold.</summary>
    private static bool IsPriorYearChange(string before) => PriorYearChange().IsMatch(before);

    /// <summary>…才能使执行率达到 / 如果…达到: the number after it is a threshold in a condition.</summary>
    private static bool IsConditionThreshold(string before) => ConditionThreshold().IsMatch(before);

    [GeneratedRegex(@"(?:才能|才可以|才可|才会)(?:使|让)?[^，,。；;？?]{0,10}?(?:达到|提高到|提升到|上升到|到)\s*(?:约|近)?\s*$|^\s*(?:若|如果|假如|要是|倘若)[^，,。；;？?]{0,14}?(?:达到|提高到|提升到|上升到|到)\s*(?:约|近)?\s*$")]
    private static partial Regex ConditionThreshold();

    /// <summary>
    /// "资助参保、住院救助、门诊救助三项指标的完成值分别为…": a count right after a list of 、-separated items
    /// counts the list; verified when it has that many items (null when the words are no such list).
    /// </summary>
    private static CheckedMention? ListCount(Mention m, PrintedNumber number, string before)
    {
        Match list = ListBefore().Match(before);
        if (!list.Success)
        {
            return null;
        }

        int items = list.Value.Split('、', '和', '及').Count(s => s.Trim().Length > 0);
        return items >= 2 && number.Value == items && number.Decimals == 0
            ? new CheckedMention(m, Verdict.Verified, null, $"句中列出的{items}项")
            : null;
    }

    /// <summary>自评总分86.46分, 综合得分为84.46分: a score the words call the total must be the total.</summary>
    /// <summary>
    /// 自评总分86.46分, 综合得分为84.46分, 预算执行率得分8.79分: a score the words call the total (or the 预算执行率's)
    /// must be that score; any other score of the table it equals is not what the sentence says.
    /// </summary>
    private CheckedMention? ScoreOf(Mention m, PrintedNumber number, string before, IReadOnlyList<int> named, bool fundWords, IReadOnlyList<int> fundLines)
    {
        if (m.Unit.Base != "分" || named.Count > 0)
        {
            return null;
        }

        Candidate? own = TotalScoreWords(before, fundWords) ? FactNamed("total")
            : FundScoreWords().IsMatch(before) ? FundFact(fundLines.Count > 0 ? fundLines[0] : TotalLine(), "score") : null;
        if (own is null)
        {
            return null;
        }

        if (Direct(m, number, new Scope(ScopeKind.All, named, fundWords, Role.None, m)) is { FactId: { } id } hit
            && (id == own.Fact.Id || id is "weightTotal" or "funds.weight"))
        {
            return hit;
        }

        return new CheckedMention(m, Verdict.Contradicted, own.Fact.Id, $"{own.Fact.Label}为{own.Fact.Text}");
    }

    /// <summary>
    /// 自评得分 right before the score, in a clause without words about funds — or whose only such words name the kind of
    /// evaluation (部门整体支出绩效自评得分96.5分 is the 总分).
    /// </summary>
    internal static bool TotalScoreWords(string before, bool fundWords) =>
        TotalWords().IsMatch(before) && (!fundWords || !FundWords().IsMatch(before.Replace("整体支出", string.Empty, StringComparison.Ordinal)));

    /// <summary>
    /// The column the words before a sum name, once the fund line's own name is set aside: 基本支出1625.60万元 names no
    /// column (支出 is the line's name), 基本支出执行1620.30万元 names 执行.
    /// </summary>
    private string? LineColumn(string? column, string before, IReadOnlyList<int> clauseLines)
    {
        if (column is null || clauseLines.Count == 0)
        {
            return column;
        }

        foreach (int line in clauseLines)
        {
            string name = _sheet.Evaluation.Funds.Lines[line].Name;
            before = before.Replace(name, string.Empty, StringComparison.Ordinal).Replace(SheetIndex.FundCore(name), string.Empty, StringComparison.Ordinal);
        }

        return MoneyColumn(before);
    }

    /// <summary>项目全年预算数 → 全年: the words before a sum without its column words and the evaluation's own subject (项目, 部门).</summary>
    internal static string SubjectWithoutColumn(string lineless) =>
        OwnSubjectWords().Replace(ColumnAtEnd().Replace(lineless, string.Empty), string.Empty);

    private Candidate? FactNamed(string id)
    {
        foreach (Candidate c in _candidates)
        {
            if (c.Fact.Id == id)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>
    /// 危桥改造完成12座 when 12 is the target and 9 the actual: a number the words call what was done
    /// (完成, 实际完成, 达到, …为) that is the target but not the actual is contradicted by the actual.
    /// </summary>
    private CheckedMention? TargetAsActual(CheckedMention hit, PrintedNumber number, string before, string after, Binding binding, Clause clause)
    {
        if (hit.Verdict != Verdict.Verified || hit.FactId is not { } id || !id.EndsWith(".target", StringComparison.Ordinal)
            || _index.Find(id) is not { IndicatorIndex: { } i } || TargetAhead().IsMatch(WithoutRowName(before, i)) || FollowsTarget().IsMatch(after) || TargetAfterUnit(after)
            || StatedAsTarget(before, clause.SentenceBefore(hit.Mention.Start))
            || !(DoneWords().IsMatch(before) || (binding.Explicit && (IsWords().IsMatch(before) || DoneBeforeName().IsMatch(before)))
                || NameStatesDone(before, _sheet.Evaluation.Indicators[i].Name, clause.Sentence, clause.SentenceStart, hit.Mention)))
        {
            return null;
        }

        // 实际完成, 完成值为: what was done, always. 完成, 达到, 为: read so only when the row fell short (达到90% of a
        // ≥90% target that came to 93.6% says the target was reached, which is true).
        if (!ActualOnlyWords().IsMatch(before) && _sheet.Report.Indicators[i].Status != Scoring.IndicatorStatus.Short)
        {
            return null;
        }

        // The actual read in any of its units (25 against 25万元 and its 元 reading): equal to the number in one
        // of them, the words are true; else the first reading names what was done. A bare number is read in the
        // unit it matched the target in (25 for 25万元 is 25万元, so an actual printed 250000元 is the same).
        Candidate? first = null;
        UnitSpec reading = ReadingUnit(hit, number);
        foreach (Candidate c in _index.OfIndicator(i))
        {
            if (c.Measure == "actual" && Compatible(hit.Mention.Unit, c.Unit) && _sheet.Report.Indicators[i].Actual is QuantityCell)
            {
                if (Matches(hit.Mention, number, c.InMentionUnits(reading).Value))
                {
                    return null;
                }

                first ??= c;
            }
        }

        if (first is not null)
        {
            return new CheckedMention(hit.Mention, Verdict.Contradicted, first.Fact.Id,
                $"“{_sheet.Evaluation.Indicators[i].Name}”的完成值为{first.Fact.Text}（{hit.Mention.Text.Trim()}是指标值）");
        }

        return null;
    }

    /// <summary>
    /// The unit a number was read in when it matched the fact <paramref name="hit"/> names: its own, or — a bare number
    /// that matched the fact as printed (25 in a 万元 column for 25万元) — the fact's. Another fact compared with the same
    /// number (the actual of the row, the other column of the line) is read in that unit too, not in 元.
    /// </summary>
    private UnitSpec ReadingUnit(CheckedMention hit, PrintedNumber number)
    {
        Mention m = hit.Mention;
        if (!m.Unit.IsEmpty || hit.FactId is not { } id)
        {
            return m.Unit;
        }

        foreach (Candidate c in _candidates)
        {
            if (c.Fact.Id == id)
            {
                return c.Unit.Base.Length > 0 && !Matches(m, number, c.InMentionUnits(m.Unit).Value) && Matches(m, number, c.Fact.Value) ? c.Unit : m.Unit;
            }
        }

        return m.Unit;
    }

    /// <summary>
    /// Of the fund lines a sentence names, the one named last before the number (…当年财政拨款执行率87.5%；上年结转…执行率81.18%
    /// is 上年结转's), or the first when no name is written out in full.
    /// </summary>
    internal int NearestLine(IReadOnlyList<int> lines, string sentenceBefore)
    {
        int best = lines[0], where = -1;
        foreach (int i in lines)
        {
            string name = _sheet.Evaluation.Funds.Lines[i].Name.Trim();
            int at = name.Length > 0 ? sentenceBefore.LastIndexOf(name, StringComparison.Ordinal) : -1;
            if (at > where)
            {
                where = at;
                best = i;
            }
        }

        return best;
    }

    /// <summary>A row's own label after its quoted name: 的完成率, but 与指标值的差距 without a 的 before it.</summary>
    internal static string OwnLabel(string label) =>
        label.StartsWith('与') || label.StartsWith('的') ? label : "的" + label;

    /// <summary>
    /// The 完成率 of a named reverse row (≤, costs, rates of harm) that went over its limit, written as 指标值 ÷ 完成值 (76.92%
    /// for 2.6‰ against ≤2‰): the ratio the policy's ratio variant scores such a row by, verified beside the contract's
    /// 完成值 ÷ 指标值 (130.00%). A row that kept its limit scores full under every policy: its 完成率 is 完成值 ÷ 指标值 (84.00%
    /// for 4.2‰ against ≤5‰) or 100 % capped, and 指标值 ÷ 完成值 (119.05%) measures nothing the rules use — contradicted, the
    /// note saying why (probe 33 #7: both readings only where both are legitimate).
    /// </summary>
    private CheckedMention? ReverseCompletion(IReadOnlyList<int> named, Mention m, PrintedNumber number)
    {
        foreach (int i in named)
        {
            if (_sheet.Report.Indicators[i] is { Rule: Scoring.IndicatorRule.Reverse, Status: Scoring.IndicatorStatus.Short, Target: QuantityCell t, Actual: QuantityCell a }
                && t.EffectiveUnit.Equals(a.EffectiveUnit) && t.Number.Value > 0 && a.Number.Value > 0 && Matches(m, number, t.Number.Value / a.Number.Value * 100m))
            {
                return new CheckedMention(m, Verdict.Verified, $"indicators[{i}].completion",
                    $"逆向指标完成率按指标值÷完成值计算为{PrintedNumber.Format(t.Number.Value / a.Number.Value * 100m, 2)}%");
            }
        }

        return null;
    }

    /// <summary>
    /// 家长满意度实际完成98% when the actual is 88% and 98% only the rounded 完成率 (97.78%): a number the words call
    /// the actual (实际完成, 实际达到, 完成值为) is compared with the row's actual, not with another of its facts.
    /// </summary>
    private CheckedMention? CompletionAsActual(CheckedMention hit, PrintedNumber number, string before)
    {
        if (hit.Verdict != Verdict.Verified || hit.FactId is not { } id || !id.EndsWith(".completion", StringComparison.Ordinal)
            || _index.Find(id) is not { IndicatorIndex: { } i } || !ActualOnlyWords().IsMatch(before)
            || _sheet.Report.Indicators[i].Actual is not QuantityCell)
        {
            return null;
        }

        Candidate? first = null;
        foreach (Candidate c in _index.OfIndicator(i))
        {
            if (c.Measure == "actual" && Compatible(hit.Mention.Unit, c.Unit))
            {
                if (Matches(hit.Mention, number, c.InMentionUnits(hit.Mention.Unit).Value))
                {
                    return new CheckedMention(hit.Mention, Verdict.Verified, c.Fact.Id, null);
                }

                first ??= c;
            }
        }

        return first is null ? null
            : new CheckedMention(hit.Mention, Verdict.Contradicted, first.Fact.Id,
                $"“{_sheet.Evaluation.Indicators[i].Name}”的完成值为{first.Fact.Text}（{hit.Mention.Text.Trim()}与完成率相近，但不是完成值）");
    }

    /// <summary>
    /// 主要产出目标为：…，完成地质灾害治理工程≥12处: a number written with a comparator (≥12处, ≤3.5万元) or listed
    /// under a goal the sentence states first (目标为, 年度目标, 计划, 指标值为…) with nothing said of what was done
    /// in between (实际, 完成值) is the target, whatever words the row's name holds.
    /// </summary>
    internal static bool StatedAsTarget(string before, string sentenceBefore) =>
        ComparatorAtEnd().IsMatch(before) || GoalLeads(sentenceBefore);

    /// <summary>Whether the sentence so far states a goal (目标为…) and says nothing of what was done after it.</summary>
    private static bool GoalLeads(string sentenceBefore)
    {
        Match? last = null;
        foreach (Match g in GoalLead().Matches(sentenceBefore))
        {
            last = g;
        }

        return last is not null && !DoneSince().IsMatch(sentenceBefore.AsSpan(last.Index + last.Length));
    }

    /// <summary>
    /// Whether the words say a limit was kept (控制在…以内, 不超过…, 降至…) and not as a goal: no goal word before the
    /// number (the row's own name left out, <paramref name="beforeWithoutName"/>) and no goal leading the sentence.
    /// </summary>
    internal static bool SaysLimitKept(Mention m, string before, string after, string beforeWithoutName, string sentenceBefore)
    {
        bool kept = KeptBefore().IsMatch(before) || m.Qualifier is "不超过" or "不高于" or "以下"
            || (KeptAfter().IsMatch(after) && !ComparatorAtEnd().IsMatch(before));
        return kept && !NotKeptBefore().IsMatch(before) && !GoalWords().IsMatch(beforeWithoutName) && !GoalLeads(sentenceBefore);
    }

    /// <summary>
    /// 设备单套成本控制在3.5万元/套以内 when the row's actual broke that ceiling (4.9): a limit said to be kept, stated
    /// with the target of a reverse row that was exceeded, is contradicted by the actual (not a goal: 目标为控制在…以内 stands).
    /// </summary>
    private CheckedMention? LimitKept(CheckedMention hit, string before, string after, Clause clause)
    {
        if (hit.Verdict != Verdict.Verified || hit.FactId is not { } id || !id.EndsWith(".target", StringComparison.Ordinal)
            || _index.Find(id) is not { IndicatorIndex: { } i }
            || _sheet.Report.Indicators[i] is not { Rule: Scoring.IndicatorRule.Reverse, Status: Scoring.IndicatorStatus.Short }
            || _sheet.Report.Indicators[i].Actual is not QuantityCell)
        {
            return null;
        }

        if (!SaysLimitKept(hit.Mention, before, after, WithoutRowName(before, i), clause.SentenceBefore(hit.Mention.Start)))
        {
            return null;
        }

        foreach (Candidate c in _index.OfIndicator(i))
        {
            if (c.Measure == "actual")
            {
                return new CheckedMention(hit.Mention, Verdict.Contradicted, c.Fact.Id,
                    $"“{_sheet.Evaluation.Indicators[i].Name}”的完成值为{c.Fact.Text}，超出了{hit.Mention.Text.Trim()}的控制标准，没有控制在标准以内");
            }
        }

        return null;
    }

    /// <summary>
    /// 渗滤液超标排放0次, 道路交通事故数3起: a number written straight after the row's name (or its name less 次数/数量/数…)
    /// states what was done, unless the sentence speaks of a goal before it or states what was done after it
    /// (危桥改造12座，实际完成9座 gives the target first).
    /// </summary>
    internal static bool NameStatesDone(string before, string rowName, string sentence, int sentenceStart, Mention m)
    {
        string name = rowName.Split('（', '(')[0].Trim();
        string written = before.TrimEnd();
        if (name.Length < 2 || written.Length < 2)
        {
            return false;
        }

        bool named = written.EndsWith(name, StringComparison.Ordinal);
        foreach (string suffix in (string[])["次数", "个数", "人数", "数量", "数", "量"])
        {
            named = named || (name.Length - suffix.Length >= 3 && name.EndsWith(suffix, StringComparison.Ordinal)
                && written.EndsWith(name[..^suffix.Length], StringComparison.Ordinal));
        }

        if (!named)
        {
            return false;
        }

        int end = Math.Clamp(m.Start + m.Length - sentenceStart, 0, sentence.Length);
        return !TargetAhead().IsMatch(sentence[..Math.Max(0, end - m.Length - written.Length)])
            && !DoneLater().IsMatch(sentence.AsSpan(end));
    }

    /// <summary>The words without the row's own name, whose words are no target words (新建高标准农田面积 holds 标准).</summary>
    private string WithoutRowName(string before, int row)
    {
        string name = _sheet.Evaluation.Indicators[row].Name.Split('（', '(')[0].Trim();
        return name.Length > 0 ? before.Replace(name, string.Empty, StringComparison.Ordinal) : before;
    }

    /// <summary>Which column of a fund line the words right before a sum of money name: its 预算 or its 执行 (null for neither).</summary>
    private static string? MoneyColumn(string before) =>
        BudgetWords().IsMatch(before) ? "budget" : SpentWords().IsMatch(before) ? "executed" : null;

    /// <summary>
    /// 全年预算数3012.46万元 when 3012.46 is what was spent (and 实际执行3820万元 when 3820 is the budget): a sum the
    /// words call one column of a fund line that is the other column is contradicted by that line's own.
    /// </summary>
    private CheckedMention? SwappedColumn(CheckedMention hit, string? column)
    {
        if (column is null || hit.FactId is not { } id || _index.Find(id) is not { FundLineIndex: { } line } fact)
        {
            return null;
        }

        string measure = Candidate.MeasureOf(fact);
        bool swapped = column == "budget" ? measure == "executed" : measure is "budget" or "initialBudget";
        if (!swapped || FundFact(line, column) is not { } own || hit.Mention.Number is not { } number)
        {
            return null;
        }

        // A line that spent all its budget: both columns hold the number, and it is the one the words name.
        return Matches(hit.Mention, number, own.InMentionUnits(ReadingUnit(hit, number)).Value)
            ? hit with { FactId = own.Fact.Id }
            : hit with { Verdict = Verdict.Contradicted, FactId = own.Fact.Id, Note = $"{own.Fact.Label}为{own.Fact.Text}（{fact.Text}是{fact.Label}）" };
    }

    /// <summary>
    /// The words before a number without the fund line's name: 县级资金全年预算 has no subject of its own beyond the line,
    /// 其他就业补助支出 has (a spending category, not the 其他资金 line).
    /// </summary>
    private string WithoutLineName(string before, IReadOnlyList<int> fundLines)
    {
        if (fundLines.Count == 0)
        {
            return before;
        }

        string name = _sheet.Evaluation.Funds.Lines[fundLines[0]].Name;
        return before.Replace(name, string.Empty, StringComparison.Ordinal).Replace(SheetIndex.FundCore(name), string.Empty, StringComparison.Ordinal);
    }

    private Candidate? FundFact(int line, string measure)
    {
        foreach (Candidate c in _index.FundCandidates)
        {
            if (c.Fact.FundLineIndex == line && c.Measure == measure)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The fund line of a fact id (funds.lines[2].balance → 2), null when it is no fund line's.</summary>
    private static int? LineOf(string? factId)
    {
        const string prefix = "funds.lines[";
        if (factId is null || !factId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        int close = factId.IndexOf(']', prefix.Length);
        return close > prefix.Length && int.TryParse(factId.AsSpan(prefix.Length, close - prefix.Length), out int line) ? line : null;
    }

    /// <summary>
    /// A 结余 or 执行率 of a fund line its clause names is that line's (地方资金结余…, 中央资金执行率…); with no line
    /// named in the sentence, a 执行率 the words call the budget's (预算执行率, 资金执行率) is the total's, not a part's
    /// that happens to fit.
    /// </summary>
    private bool OtherLine(CheckedMention hit, Role role, IReadOnlyList<int> clauseLines, IReadOnlyList<int> sentenceLines, string before)
    {
        if (role is not (Role.Balance or Role.Execution) || hit.FactId is not { } id)
        {
            return false;
        }

        var lines = id.Split(" - ").Select(LineOf).ToList();
        if (lines.Any(l => l is null))
        {
            return false;
        }

        // 县级资金执行60万元，执行率20%: one line's figure over another's is a share, a 执行率 only when the words say 占/比重/比例.
        if (role == Role.Execution && id.Split([" - ", " / "], StringSplitOptions.None).Select(LineOf).Distinct().Count() > 1 && !before.Contains('占', StringComparison.Ordinal) && !before.Contains("比重", StringComparison.Ordinal) && !before.Contains("比例", StringComparison.Ordinal))
        {
            return true;
        }

        if (clauseLines.Count > 0)
        {
            // Not when the named line holds the same figure (a line equal to the total, first in the sheet's order).
            return lines.Any(l => IndexOf(clauseLines, l!.Value) < 0) && !OnNamedLine(hit, clauseLines);
        }

        int total = TotalLine();
        return role == Role.Execution && WholeRateWords().IsMatch(before) && sentenceLines.All(l => l == total) && lines.Any(l => l != total);
    }

    private bool OnNamedLine(CheckedMention hit, IReadOnlyList<int> clauseLines)
    {
        if (hit.FactId is not { } id || id.Contains(' ', StringComparison.Ordinal) || _index.Find(id) is not { } fact || hit.Mention.Number is not { } number)
        {
            return false;
        }

        string measure = Candidate.MeasureOf(fact);
        UnitSpec reading = ReadingUnit(hit, number);
        foreach (int line in clauseLines)
        {
            if (FundFact(line, measure) is { } own && Matches(hit.Mention, number, own.InMentionUnits(reading).Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number whose neighbour forms a range with it (在75%至80%之间): the other end, or null.</summary>
    private static Mention? RangePartner(Mention m, VerificationContext ctx)
    {
        foreach (Mention x in ctx.Mentions)
        {
            if (x.IsIdentifier || x.Number is null || x.Unit.Base != m.Unit.Base || x.Start == m.Start)
            {
                continue;
            }

            (Mention lo, Mention hi) = x.Start < m.Start ? (x, m) : (m, x);
            int gapStart = lo.Start + lo.Length;
            if (gapStart <= hi.Start && hi.Start - gapStart <= 2 && RangeJoin().IsMatch(ctx.Normalized[gapStart..hi.Start]))
            {
                return x;
            }
        }

        return null;
    }

    /// <summary>A contradicted end of a range whose fact lies inside the range: the range is right.</summary>
    private CheckedMention InRange(CheckedMention c, VerificationContext ctx)
    {
        if (c.Verdict != Verdict.Contradicted || c.FactId is not { } id || c.Mention.Number is not { } n
            || RangePartner(c.Mention, ctx) is not { Number: { } other } || _index.Find(id) is not { } fact)
        {
            return c;
        }

        decimal value = fact.Value;
        decimal lo = Math.Min(n.Value, other.Value), hi = Math.Max(n.Value, other.Value);
        return c.Mention.Unit.Multiplier == 1m && lo <= value && value <= hi
            ? c with { Verdict = Verdict.Verified, Note = $"{fact.Label}为{fact.Text}，在所说的范围内" }
            : c;
    }

    [GeneratedRegex(@"(?:较|比|与|同)?(?:上年|去年|上一年|上年度|前一年|上年同期)(?:同期)?(?:相比)?[，,]?\s*(?:提高|增长|增加|下降|减少|降低|上升|多|少|高|低)了?\s*(?:约|近)?\s*$|(?:同比|环比)(?:提高|增长|增加|下降|减少|降低|上升)?了?\s*(?:约|近)?\s*$")]
    private static partial Regex PriorYearChange();

    [GeneratedRegex(@"(?:[\u4e00-\u9fa5“”""]{2,20}[、和及]){1,}[\u4e00-\u9fa5“”""]{2,20}$")]
    private static partial Regex ListBefore();

    [GeneratedRegex(@"(?:(?:总分|总得分|自评得分|综合得分|评价得分|自评分|自评分数|绩效得分|最终得分|得分合计)|(?:本|该)(?:项目|部门|单位)(?:整体|总体)?(?:绩效)?(?:自评)?(?:总)?得分)(?:为|是|达到?|共)?\s*$")]
    private static partial Regex TotalWords();

    [GeneratedRegex(@"(?:预算执行率?|资金执行率?|执行率|资金)(?:指标)?得分(?:为|是)?\s*$")]
    private static partial Regex FundScoreWords();

    [GeneratedRegex(@"(?:实际完成|完成了?|实际达到|达到了?|实现了?|完成值(?:为|是)?|实际(?:为|是))\s*$")]
    private static partial Regex DoneWords();

    [GeneratedRegex(@"(?:实际完成|实际达到|完成值(?:为|是)?|实际(?:为|是))\s*$")]
    private static partial Regex ActualOnlyWords();

    [GeneratedRegex(@"(?:(?:全年|年度)?预算(?:数|资金|金额|总额|总数)?|(?:实际)?(?:执行|支出)(?:数|资金|金额|总额)?)(?:为|是|共|了|合计|总计)?\s*$")]
    private static partial Regex ColumnAtEnd();

    [GeneratedRegex(@"^(?:本|该)?(?:项目|部门|单位)")]
    private static partial Regex OwnSubjectWords();

    // 危桥改造12座，实际完成9座: what was done is stated after the number, which is then the target.
    [GeneratedRegex(@"(?:实际|完成|达到|实现)[^，,。；;\d]{0,8}\d")]
    private static partial Regex DoneLater();

    [GeneratedRegex(@"(?:为|是)\s*$")]
    private static partial Regex IsWords();

    // 完成高效节水灌溉面积0.8万亩: the done word before the row's name, the number right after it (not 用于完成…, 未完成…).
    [GeneratedRegex(@"(?<!未|没有|尚未|用于|以|为|需|要|将|拟)(?:实际完成|完成了?|建成|实现)(?![率值])[^\d，,。；;、]{2,30}$")]
    private static partial Regex DoneBeforeName();

    [GeneratedRegex(@"(?:≥|≤|>|<|＞|＜|≧|≦)\s*$")]
    private static partial Regex ComparatorAtEnd();

    // What a sentence states as its goal before a list of figures (主要产出目标为：…, 年度计划…, 指标值为…).
    [GeneratedRegex(@"(?:目标|计划|指标值|预期|任务|要求)(?:值|任务|数)?\s*(?:为|是|[：:])")]
    private static partial Regex GoalLead();

    // Words saying what was done, after which a figure is no longer the goal (目标12处，实际完成9处).
    [GeneratedRegex(@"实际|完成值|完成了|已完成|共完成|累计完成|完成情况|达到了|实现了")]
    private static partial Regex DoneSince();

    // A goal said in the clause itself (目标为控制在…以内, 标准为不超过…): the ceiling, not a claim it was kept.
    [GeneratedRegex(@"目标|计划|指标值|预期|设定|要求|标准为|标准是|考核|力争|争取|确保|拟")]
    private static partial Regex GoalWords();

    [GeneratedRegex(@"(?:" + DirectionTerms.KeepVerbs + @"|不超过|未超过|未超出|没有超过|没有超出|不高于|低于|少于)\s*$")]
    private static partial Regex KeptBefore();

    // 未能控制在15/10万以内, 没有降至…以下: the words say the limit was not kept.
    [GeneratedRegex(@"(?:未能|没能|没有|未|不能|无法|难以)\s*(?:" + DirectionTerms.KeepVerbs + @")\s*$")]
    private static partial Regex NotKeptBefore();

    [GeneratedRegex(@"^\s*(?:/\s*[\u4e00-\u9fa5]{1,3}\s*)?(?:以内|之内|以下|内)")]
    private static partial Regex KeptAfter();

    /// <summary>Words that make the number a goal, not what was done (目标, 计划完成, 力争达到…).</summary>
    [GeneratedRegex(@"目标|计划|任务|预期|指标值|指标为|要求|标准|控制|设定|设置|考核|拟|力争|争取|确保|应")]
    private static partial Regex TargetAhead();

    [GeneratedRegex(@"^\s*(?:至|到|~|～|-|—|－)\s*$")]
    private static partial Regex RangeJoin();
}
