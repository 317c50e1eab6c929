using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Scoring;

/// <summary>How a printed value stands against the value computed from the other printed values.</summary>
public enum Agreement
{
    /// <summary>Equal to the value computed from the inputs as printed, rounded to the printed decimals.</summary>
    Exact,
    /// <summary>Not exact, but inside what the inputs' rounding allows: information, not an error.</summary>
    ConsistentThroughRounding,
    /// <summary>Outside any value the printed inputs allow.</summary>
    Inconsistent,
}

/// <summary>Checks every printed number of a table against the calculator, aware of printed precision.</summary>
public static partial class Reconciliation
{
    /// <summary>
    /// Compares a printed value with a computed one: exact when the computed value, rounded half-up to
    /// the printed decimals, equals it; consistent when the printed interval meets the interval the
    /// printed inputs allow.
    /// </summary>
    public static Agreement Compare(PrintedNumber printed, decimal computed, Interval computedInterval)
    {
        if (PrintedNumber.RoundHalfUp(computed, printed.Decimals) == printed.Value)
        {
            return Agreement.Exact;
        }

        return Interval.Allows(printed.Interval, computedInterval) ? Agreement.ConsistentThroughRounding : Agreement.Inconsistent;
    }

    /// <summary>
    /// <see cref="Compare"/> of a row's printed score with its computed <paramref name="score"/>, the row's score interval read only
    /// when the two differ; null when they differ and the row has no score interval.
    /// </summary>
    private static Agreement? ScoreAgreement(PrintedNumber printed, decimal score, IndicatorResult r) =>
        PrintedNumber.RoundHalfUp(score, printed.Decimals) == printed.Value ? Agreement.Exact
        : r.ScoreInterval is { } si ? Compare(printed, score, si)
        : null;

    public static IReadOnlyList<Finding> Check(Evaluation evaluation, ScoreReport report, ScoringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<Finding>();
        CheckFundParts(evaluation, findings);
        CheckFundLines(evaluation, report, policy, findings);
        CheckOverspent(evaluation, report, findings);
        CheckIndicators(evaluation, report, policy, findings);
        if (evaluation.Kind == EvaluationKind.Project)
        {
            CheckFundsGiven(evaluation, report, findings);
            CheckLevelsGiven(evaluation, findings);
            CheckWeights(evaluation, report, policy, findings);
            CheckTotal(evaluation, report, policy, findings);
        }

        return findings;
    }

    private static void CheckFundParts(Evaluation evaluation, List<Finding> findings)
    {
        IReadOnlyList<FundLine> lines = evaluation.Funds.Lines;
        string unit = evaluation.Funds.Unit;
        for (int p = 0; p < lines.Count; p++)
        {
            FundLine parent = lines[p];

            // Most lines have no part below them: passed without a list of their parts (since session 41; the same names matched).
            if (!HasPart(lines, parent.Name))
            {
                continue;
            }

            var children = lines.Select((l, i) => (l, i)).Where(x => x.l.Parent is { } pn && pn.Trim() == parent.Name.Trim()).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            foreach ((string column, string label, Func<FundLine, PrintedNumber?> get) in Columns)
            {
                if (get(parent) is not { } total || children.Any(c => get(c.l) is null))
                {
                    continue;
                }

                foreach (var group in FundGroups.Split(children, c => c.l.Name, c => get(c.l)!.Value.Value, total.Value))
                {
                    CheckPartsSum(parent, p, group, column, label, get, total, unit, findings);
                }
            }
        }
    }

    /// <summary>Whether a line names <paramref name="name"/> as its parent (as <c>Parent.Trim() == name.Trim()</c>, without the copies).</summary>
    internal static bool HasPart(IReadOnlyList<FundLine> lines, string name)
    {
        ReadOnlySpan<char> trimmed = name.AsSpan().Trim();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Parent is { } pn && pn.AsSpan().Trim().SequenceEqual(trimmed))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckPartsSum(FundLine parent, int p, List<(FundLine l, int i)> children, string column, string label, Func<FundLine, PrintedNumber?> get, PrintedNumber total, string unit, List<Finding> findings)
    {
        decimal sum = children.Sum(c => get(c.l)!.Value.Value);
        Interval sumInterval = children.Aggregate(Interval.Point(0m), (acc, c) => acc + get(c.l)!.Value.Interval);
        int decimals = Math.Max(total.Decimals, children.Max(c => get(c.l)!.Value.Decimals));
        if (sum == total.Value)
        {
            return;
        }

        string parts = string.Join(" + ", children.Select(c => $"{c.l.Name}{get(c.l)}"));
        bool consistent = Interval.Allows(total.Interval, sumInterval);
        findings.Add(new Finding(
            FindingCodes.FundsPartsSum,
            consistent ? Severity.Info : Severity.Error,
            consistent
                ? $"{parent.Name}{label}{total}{unit}与各部分之和{PrintedNumber.Format(sum, decimals)}{unit}（{parts}）不等，差异在四舍五入范围内"
                : $"{parent.Name}{label}{total}{unit}与各部分之和{PrintedNumber.Format(sum, decimals)}{unit}（{parts}）不等，相差{PrintedNumber.FormatTrimmed(Math.Abs(total.Value - sum))}{unit}",
            $"funds.lines[{p}].{column}",
            PrintedNumber.Format(sum, decimals),
            total.ToString()));
    }

    private static readonly (string Column, string Label, Func<FundLine, PrintedNumber?> Get)[] Columns =
    [
        ("initialBudget", "年初预算数", l => l.InitialBudget),
        ("budget", "全年预算数", l => l.Budget),
        ("executed", "全年执行数", l => l.Executed),
    ];

    private static void CheckFundLines(Evaluation evaluation, ScoreReport report, ScoringPolicy policy, List<Finding> findings)
    {
        // A part line (其中：县级资金) below the 执行率 that must be explained needs a reason of its own when the total line gives
        // none (a reason on the total covers its parts), whether the total is above the threshold (a total at 92 % hides a
        // county's 65 %) or below it (a total at 85 % does not say that the county's part is at 54 %). A part that is the whole
        // money (当年财政拨款 with the total's budget) would only repeat the total's own finding and is left out.
        FundLineResult? rootResult = report.Funds.FirstOrDefault(f => f.IsRoot);
        bool rootCovers = rootResult is null || rootResult.Index >= evaluation.Funds.Lines.Count
            || Review.ReasonText.IsGiven(evaluation.Funds.Lines[rootResult.Index].DeviationNote);
        decimal? rootBudget = rootCovers ? null : evaluation.Funds.Lines[rootResult!.Index].Budget?.Value;
        for (int i = 0; i < evaluation.Funds.Lines.Count; i++)
        {
            FundLine line = evaluation.Funds.Lines[i];
            FundLineResult r = report.Funds[i];
            string path = $"funds.lines[{i}]";

            // Money spent against a budget of 0: no rate can be computed (nothing to divide by), and the row's score
            // then rests on nothing; the reviewer is told why instead of seeing a blank rate.
            if (line.Budget is { Value: 0 } && line.Executed is { Value: not 0 } spent)
            {
                findings.Add(new Finding(FindingCodes.FundsRateUncomputable, Severity.Warning,
                    $"{line.Name.Trim()}全年预算数为0，全年执行数却为{spent}，执行率无法计算（预算数为0不能作除数）；请核实预算数是否漏填，或说明无预算而支出的原因",
                    path + ".budget", "全年预算数大于0", line.Budget.ToString()));
            }

            if (line.PrintedRate is { } pr)
            {
                if (r.Rate is { } rate && r.RateInterval is { } ri)
                {
                    Agreement ag = Compare(pr, rate * 100m, ri.Scale(100m));
                    if (ag != Agreement.Exact)
                    {
                        findings.Add(new Finding(FindingCodes.FundsRatePrinted, SeverityOf(ag),
                            ag == Agreement.ConsistentThroughRounding
                                ? $"{line.Name}执行率打印为{pr}%，按打印的预算数{line.Budget}与执行数{line.Executed}计算为{PrintedNumber.Format(rate * 100m, pr.Decimals)}%；在预算数、执行数的四舍五入范围内（{PrintedNumber.Format(ri.Low * 100m, pr.Decimals + 2)}%–{PrintedNumber.Format(ri.High * 100m, pr.Decimals + 2)}%）一致"
                                : $"{line.Name}执行率打印为{pr}%，按全年执行数{line.Executed}÷全年预算数{line.Budget}计算应为{PrintedNumber.Format(rate * 100m, pr.Decimals)}%",
                            path + ".printedRate", PrintedNumber.Format(rate * 100m, pr.Decimals) + "%", pr + "%"));
                    }
                }
                else if (line.Budget is { Value: 0 } && pr.Value != 0)
                {
                    findings.Add(new Finding(FindingCodes.FundsRatePrinted, Severity.Error,
                        $"{line.Name}全年预算数为0，执行率不应打印为{pr}%", path + ".printedRate", "0", pr + "%"));
                }
            }

            if (line.PrintedScore is { } ps && r.Score is { } score && r.ScoreInterval is { } si)
            {
                Agreement ag = Compare(ps, score, si);
                if (ag != Agreement.Exact)
                {
                    findings.Add(new Finding(FindingCodes.FundsScorePrinted, SeverityOf(ag),
                        ag == Agreement.ConsistentThroughRounding
                            ? $"{line.Name}资金得分打印为{ps}，计算为{PrintedNumber.Format(score, ps.Decimals)}，在输入的四舍五入范围内一致"
                            : $"{line.Name}资金得分打印为{ps}，按分值{evaluation.Funds.Weight}×执行率计算应为{PrintedNumber.Format(score, Math.Max(2, ps.Decimals))}",
                        path + ".printedScore", PrintedNumber.Format(score, Math.Max(2, ps.Decimals)), ps.ToString()));
                }
            }

            if (r.IsRoot && r.Rate is { } low && low < policy.LowExecutionThreshold && Review.ReasonText.IsPlaceholder(line.DeviationNote))
            {
                findings.Add(new Finding(FindingCodes.FundsLowExecution, Severity.Warning,
                    $"{line.Name}执行率{Calculator.Pct(low)}，低于{Calculator.Pct(policy.LowExecutionThreshold)}，应说明原因",
                    path, "≥" + Calculator.Pct(policy.LowExecutionThreshold), Calculator.Pct(low)));
            }
            else if (!r.IsRoot && !rootCovers && r.Rate is { } partLow && partLow < policy.LowExecutionThreshold && Review.ReasonText.IsPlaceholder(line.DeviationNote)
                && line.Budget?.Value != rootBudget)
            {
                findings.Add(new Finding(FindingCodes.FundsLowExecution, Severity.Warning,
                    $"{line.Name}（{evaluation.Funds.Lines[rootResult!.Index].Name.Trim()}中的一部分）执行率{Calculator.Pct(partLow)}，低于{Calculator.Pct(policy.LowExecutionThreshold)}，应说明原因",
                    path, "≥" + Calculator.Pct(policy.LowExecutionThreshold), Calculator.Pct(partLow)));
            }
        }
    }

    private static void CheckIndicators(Evaluation evaluation, ScoreReport report, ScoringPolicy policy, List<Finding> findings)
    {
        bool scored = evaluation.Kind == EvaluationKind.Project;
        for (int i = 0; i < evaluation.Indicators.Count; i++)
        {
            Indicator ind = evaluation.Indicators[i];
            IndicatorResult r = report.Indicators[i];
            bool explained = Review.ReasonText.IsGiven(ind.DeviationNote);

            if (r.Target is MissingCell)
            {
                findings.Add(new Finding(FindingCodes.IndicatorTargetMissing, Severity.Warning,
                    $"“{ind.Name}”未设定年度指标值（{Shown(ind.Target)}），无法评价完成情况", Path(i, ".target"), null, ind.Target ?? string.Empty));
            }

            if (r.Actual is MissingCell && r.Rule != IndicatorRule.Cancelled)
            {
                findings.Add(new Finding(FindingCodes.IndicatorActualMissing, Severity.Warning,
                    $"“{ind.Name}”缺少实际完成值（{Shown(ind.Actual)}）", Path(i, ".actual"), null, ind.Actual ?? string.Empty));
            }

            if (r.Rule == IndicatorRule.Cancelled)
            {
                findings.Add(new Finding(FindingCodes.IndicatorCancelled, Severity.Warning,
                    scored && r.Score is { } cs
                        ? $"“{ind.Name}”指标已取消，仍按{PrintedNumber.FormatTrimmed(cs)}分计入总分（分值{PrintedNumber.FormatTrimmed(r.Weight ?? 0m)}），请确认是否应调整分值"
                        : $"“{ind.Name}”指标已取消",
                    Path(i, string.Empty), null, ind.DeviationNote ?? ind.Actual));
            }

            if (r.Rule == IndicatorRule.Unscorable && r.Target is not MissingCell && r.Actual is not MissingCell)
            {
                findings.Add(new Finding(FindingCodes.IndicatorCellUnreadable, Severity.Warning,
                    $"“{ind.Name}”：{r.Trace}", Path(i, string.Empty), ind.Target, ind.Actual));
            }

            Unreadable(ind, r, i, r.Target, ".target", findings);
            Unreadable(ind, r, i, r.Actual, ".actual", findings);
            UnitColumn(ind, r, i, findings);

            if (scored && r.Weight is not null && r.Score is null && r.ScoreForTotal is { } carried)
            {
                // The printed score as printed (94.80, not 94.8): the note quotes the table.
                string printed = ind.PrintedScore is { } shown && shown.Value == carried ? shown.ToString() : PrintedNumber.FormatTrimmed(carried);
                findings.Add(new Finding(FindingCodes.IndicatorUnscorable, Severity.Warning,
                    $"“{ind.Name}”无法计算得分，按表中打印得分{printed}计入总分", Path(i, ".printedScore"), null, printed));
            }

            if (scored && ind.Weight is null)
            {
                findings.Add(new Finding(FindingCodes.IndicatorWeightMissing, Severity.Warning,
                    $"“{ind.Name}”未填写分值，不计入总分", Path(i, ".weight")));
            }

            if (r.Status == IndicatorStatus.Short && !explained)
            {
                // The message is made when first read (since session 42; FindingMessages.Shortfall is the sentence it was).
                findings.Add(new Finding(FindingCodes.IndicatorShortfallUnexplained, Severity.Warning,
                    new FindingMessages.Shortfall(ind, r), Path(i, ".deviationNote"), ind.Target, ind.Actual));
            }

            if (r.Rule == IndicatorRule.Positive && r.Completion is { } oc && oc >= policy.OvershootThreshold && !explained)
            {
                findings.Add(new Finding(FindingCodes.IndicatorOvershootUnexplained, Severity.Warning,
                    $"“{ind.Name}”完成率{Calculator.Pct(oc)}，超过指标值{Calculator.Pct(policy.OvershootThreshold - 1m)}以上，应分析超额原因（目标是否设定偏低）",
                    Path(i, ".deviationNote"), "≤" + Calculator.Pct(policy.OvershootThreshold), Calculator.Pct(oc)));
            }

            if (r.Rule == IndicatorRule.Qualitative && Calculator.IsWeaker(r.Target, r.Actual) && r.Weight is { } qw && r.Score == qw)
            {
                findings.Add(new Finding(FindingCodes.IndicatorQualitativeWeaker, Severity.Warning,
                    new FindingMessages.Weaker(ind, qw), Path(i, ".printedScore"), "达成等级说明", ind.Actual));
            }

            if (r.Rule == IndicatorRule.Qualitative && r.Actual is not QualitativeCell { Level: not null } && !Calculator.SameText(ind.Target ?? string.Empty, ind.Actual ?? string.Empty)
                && r.Target is QualitativeCell && ind.Grade is null)
            {
                findings.Add(new Finding(FindingCodes.IndicatorQualitativeUnrated, Severity.Info,
                    $"“{ind.Name}”为定性指标（{Shown(ind.Target)}），完成值“{ind.Actual?.Trim()}”未给出评价等级，按达成计分",
                    Path(i, ".actual"), ind.Target, ind.Actual));
            }

            if (r.Actual is QuantityCell { Label: { } label } && ActualLabels.NamesAnotherMeasure(ind.Name, label))
            {
                findings.Add(new Finding(FindingCodes.IndicatorActualLabel, Severity.Info,
                    $"“{ind.Name}”的完成值注明为“{label}”，与指标名称口径不同，请核实",
                    Path(i, ".actual"), ind.Name, label));
            }

            if (ind.PrintedScore is { } ps && r.Weight is { } w)
            {
                if (ps.Value > w)
                {
                    findings.Add(new Finding(FindingCodes.IndicatorScoreOverWeight, Severity.Error,
                        $"“{ind.Name}”得分{ps}高于分值{PrintedNumber.FormatTrimmed(w)}", Path(i, ".printedScore"), "≤" + PrintedNumber.FormatTrimmed(w), ps.ToString()));
                }

                // The score's interval is read only when the printed score is not the computed one (a quantity row's is computed
                // when read, since session 45); the same agreement as Compare(ps, score, si), no finding when there is none.
                if (r.Score is { } score && ScoreAgreement(ps, score, r) is { } ag)
                {
                    if (ag != Agreement.Exact)
                    {
                        int d = Math.Max(policy.ScoreDecimals, ps.Decimals);
                        findings.Add(new Finding(FindingCodes.IndicatorScorePrinted, SeverityOf(ag),
                            ag == Agreement.ConsistentThroughRounding
                                ? $"“{ind.Name}”得分打印为{ps}，计算为{PrintedNumber.Format(score, d)}，在完成值的四舍五入范围内一致"
                                : $"“{ind.Name}”得分打印为{ps}，按规则应为{PrintedNumber.Format(score, d)}（{r.Trace}）",
                            Path(i, ".printedScore"), PrintedNumber.Format(score, d), ps.ToString()));
                    }
                }
            }
        }
    }

    private static void Unreadable(Indicator ind, IndicatorResult r, int i, Cell cell, string field, List<Finding> findings)
    {
        if (cell is CompoundCell cc && r.Rule != IndicatorRule.Restated && !(field == ".actual" && r.Rule == IndicatorRule.Qualitative))
        {
            findings.Add(new Finding(FindingCodes.IndicatorCellUnreadable, Severity.Info,
                $"“{ind.Name}”的{(field == ".target" ? "指标值" : "完成值")}“{cc.Text.Trim()}”{cc.Reason}", Path(i, field), null, cc.Text));
        }
    }

    /// <summary>
    /// A cell whose own unit is not the row's unit column (元/台 under 元, ‰ under %, 次/年 under 次): the cell's unit is what the
    /// row is scored in, and the column should say so. Spellings of one unit (% and 个百分点 of a change, 天 and 日, 1/10万 and
    /// 1/10万人) are not flagged, nor a magnitude (万元 under 元).
    /// </summary>
    private static void UnitColumn(Indicator ind, IndicatorResult r, int i, List<Finding> findings)
    {
        // Only a quantity cell that prints a unit of its own can differ from the column: a row with none (≥1250, 效果显著,
        // 12月底前) is not asked for its column's unit at all (since session 41; the answer is the same, no finding).
        if (!PrintsUnit(r.Target) && !PrintsUnit(r.Actual))
        {
            return;
        }

        if (TextNormalizer.IsBlank(ind.Unit) || UnitSpec.Parse(ind.Unit) is not { Base.Length: > 0 } column)
        {
            return;
        }

        // The target first, then the actual (no array of the two per row since session 40).
        string field = ".target";
        QuantityCell? odd = OddUnit(r.Target, column);
        if (odd is null)
        {
            field = ".actual";
            odd = OddUnit(r.Actual, column);
        }

        if (odd is null)
        {
            return;
        }

        findings.Add(new Finding(FindingCodes.IndicatorUnitColumn, Severity.Warning,
            new FindingMessages.UnitColumn(ind.Name, field == ".target", odd, ind.Unit!), Path(i, field), column.Base, odd.CellUnit.Base));
    }

    /// <summary>A quantity cell with a unit of its own (what <see cref="OddUnit"/> asks before comparing it with the column).</summary>
    private static bool PrintsUnit(Cell cell) => cell is QuantityCell { CellUnit.Base.Length: > 0 };

    /// <summary>The cell when it is a quantity whose own unit is not the column's spelling of it; null otherwise.</summary>
    private static QuantityCell? OddUnit(Cell cell, UnitSpec column) =>
        cell is QuantityCell { CellUnit.Base.Length: > 0 } q && !SameSpelling(q.CellUnit.Base, column.Base) ? q : null;

    private static bool SameSpelling(string cell, string column) =>
        CellUnits.SameUnit(cell, column)
        || (cell, column) is ("个百分点", "%") or ("%", "个百分点") or ("日", "天") or ("天", "日") or ("个月", "月") or ("月", "个月")
            or ("工作日", "个工作日") or ("个工作日", "工作日") or ("个工作日", "天") or ("工作日", "天");

    /// <summary>
    /// An indicator's path (<c>indicators[3].actual</c>), asked only when a finding needs it; since session 41 made once per row and
    /// field and kept (<see cref="IndicatorPaths"/>), as findings name the same rows' fields on every request.
    /// </summary>
    private static string Path(int i, string field) => IndicatorPaths.Of(i, field);

    private static void CheckWeights(Evaluation evaluation, ScoreReport report, ScoringPolicy policy, List<Finding> findings)
    {
        decimal fundsWeight = evaluation.Funds.Weight?.Value ?? 0m;
        decimal total = report.WeightTotal ?? 0m;
        decimal expected = evaluation.PrintedWeightTotal?.Value ?? policy.DefaultWeightTotal;
        if (total != expected)
        {
            string parts = string.Join("、", report.Levels.Select(l => $"{l.Level1}{PrintedNumber.FormatTrimmed(l.WeightSum)}"));
            findings.Add(new Finding(FindingCodes.WeightsTotal, Severity.Error,
                $"分值合计{PrintedNumber.FormatTrimmed(total)}，不等于总分值{PrintedNumber.FormatTrimmed(expected)}（资金{PrintedNumber.FormatTrimmed(fundsWeight)}、{parts}）",
                "indicators", PrintedNumber.FormatTrimmed(expected), PrintedNumber.FormatTrimmed(total)));
        }

        foreach (LevelWeight header in evaluation.LevelWeights)
        {
            string key = Calculator.NormalizeLevel(header.Level1);
            LevelResult? level = report.Levels.FirstOrDefault(l => l.Level1 == key);
            decimal sum = level?.WeightSum ?? 0m;
            if (sum != header.Weight.Value)
            {
                findings.Add(new Finding(FindingCodes.WeightsLevel, Severity.Error,
                    $"{key}表头分值为{header.Weight}，但其下各指标分值合计为{PrintedNumber.FormatTrimmed(sum)}",
                    $"levelWeights.{header.Level1}", PrintedNumber.FormatTrimmed(sum), header.Weight.ToString()));
            }
        }
    }

    private static void CheckTotal(Evaluation evaluation, ScoreReport report, ScoringPolicy policy, List<Finding> findings)
    {
        if (evaluation.PrintedTotal is not { } printed || report.Total is not { } total)
        {
            return;
        }

        // A total's tolerance is the sum of its terms' printed precision: a row whose printed score agrees with
        // its rules stands for that printed score's interval (not the wider one its actual's rounding allows),
        // so a gap made by a wrongly printed row is never excused as rounding of the other rows.
        // A total printed as computed (the common case) is exact whatever its terms' interval: Compare's first test, taken before
        // the interval of every row is summed (since session 41; the same agreement, no finding).
        if (PrintedNumber.RoundHalfUp(total, printed.Decimals) == printed.Value)
        {
            return;
        }

        FundLine? rootLine = evaluation.Funds.Lines.FirstOrDefault(l => string.IsNullOrWhiteSpace(l.Parent));
        Interval interval = report.Funds.Where(f => f.IsRoot)
            .Select(f => Term(f.ScoreInterval, f.Score ?? 0m, rootLine?.PrintedScore)).FirstOrDefault(Interval.Point(0m));
        for (int i = 0; i < report.Indicators.Count; i++)
        {
            IndicatorResult r = report.Indicators[i];
            PrintedNumber? printedScore = i < evaluation.Indicators.Count ? evaluation.Indicators[i].PrintedScore : null;
            interval += Term(r.ScoreInterval, r.ScoreForTotal ?? 0m, r.Score is null ? null : printedScore);
        }

        Agreement ag = Compare(printed, total, interval);
        if (ag == Agreement.Exact)
        {
            return;
        }

        decimal roundedCells = (evaluation.Funds.Lines.FirstOrDefault(l => string.IsNullOrWhiteSpace(l.Parent))?.PrintedScore?.Value ?? 0m)
            + evaluation.Indicators.Sum(i => i.PrintedScore?.Value ?? 0m);
        string computed = PrintedNumber.Format(total, policy.ScoreDecimals);

        // When the printed total is the sum of the printed scores, the difference comes from those scores:
        // from their rounding, or from the rows whose printed score the rules do not give (named).
        var misScored = findings.Where(f => f.Severity == Severity.Error && f.Code is FindingCodes.IndicatorScorePrinted or FindingCodes.FundsScorePrinted)
            .Select(f => f.Path.StartsWith("indicators[", StringComparison.Ordinal) && int.TryParse(f.Path.AsSpan(11, f.Path.IndexOf(']', StringComparison.Ordinal) - 11), out int k)
                ? $"“{evaluation.Indicators[k].Name.Trim()}”" : "资金得分")
            .Distinct().ToList();
        string message = ag == Agreement.ConsistentThroughRounding
            ? $"总分打印为{printed}，按未四舍五入的得分合计为{computed}，在完成值的四舍五入范围内一致"
            : PrintedNumber.RoundHalfUp(roundedCells, printed.Decimals) == printed.Value
                ? misScored.Count > 0
                    ? $"总分打印为{printed}，等于表中各项打印得分之和，但其中{string.Join("、", misScored.Take(3))}{(misScored.Count > 3 ? "等" : string.Empty)}的打印得分与评分规则不符；按规则合计应为{computed}"
                    : $"总分打印为{printed}，是各项四舍五入后得分之和；按未四舍五入的得分合计应为{computed}"
                : $"总分打印为{printed}，按各项得分（未四舍五入）合计应为{computed}";
        findings.Add(new Finding(FindingCodes.TotalPrinted, SeverityOf(ag), message, "printedTotal", computed, printed.ToString()));
    }

    /// <summary>
    /// One term of the total: the computed score's interval, narrowed to the printed score's interval when the
    /// printed score is one the rules allow (a wrong printed score leaves the computed interval).
    /// </summary>
    private static Interval Term(Interval? computed, decimal score, PrintedNumber? printed)
    {
        if (computed is not { IsPoint: false } c || printed is not { } ps || !Interval.Allows(ps.Interval, c))
        {
            return computed ?? Interval.Point(score);
        }

        Interval p = ps.Interval;
        return new Interval(Math.Max(c.Low, p.Low), Math.Min(c.High, p.High));
    }

    private static Severity SeverityOf(Agreement agreement) =>
        agreement == Agreement.ConsistentThroughRounding ? Severity.Info : Severity.Error;

    private static string Shown(string? cell) => string.IsNullOrWhiteSpace(cell) ? "空" : cell.Trim();
}
