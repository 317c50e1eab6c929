using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Scoring;

/// <summary>
/// Scores a 自评表 under a <see cref="ScoringPolicy"/> and reconciles every printed number against
/// the computed one. Deterministic, <c>decimal</c> throughout.
/// </summary>
public static partial class Calculator
{
    public static ScoreReport Score(Evaluation evaluation, ScoringPolicy? policy = null) => Score(evaluation, policy, eagerIntervals: false);

    /// <summary>
    /// As <see cref="Score(Evaluation, ScoringPolicy?)"/>; with <paramref name="eagerIntervals"/> every quantity row's completion and
    /// score intervals are computed while scoring, as before session 45, instead of when read (the equivalence tests compare both).
    /// </summary>
    internal static ScoreReport Score(Evaluation evaluation, ScoringPolicy? policy, bool eagerIntervals)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        policy ??= ScoringPolicy.Default;
        bool scored = evaluation.Kind == EvaluationKind.Project;

        var funds = ScoreFunds(evaluation, scored);
        var indicators = new List<IndicatorResult>(evaluation.Indicators.Count);
        for (int i = 0; i < evaluation.Indicators.Count; i++)
        {
            indicators.Add(ScoreIndicator(evaluation.Indicators[i], i, policy, scored, evaluation.Year, eagerIntervals));
        }

        decimal? total = null;
        decimal? weightTotal = null;
        if (scored)
        {
            FundLineResult? root = funds.Find(f => f.IsRoot);
            decimal scores = 0m, weights = 0m;
            for (int i = 0; i < indicators.Count; i++)
            {
                scores += indicators[i].ScoreForTotal ?? 0m;
                weights += evaluation.Indicators[i].Weight?.Value ?? 0m;
            }

            total = (root?.Score ?? 0m) + scores;
            weightTotal = (evaluation.Funds.Weight?.Value ?? 0m) + weights;
        }

        var levels = Levels(evaluation, indicators, scored);

        decimal? rounded = total is { } t ? PrintedNumber.RoundHalfUp(t, policy.ScoreDecimals) : null;
        var report = new ScoreReport
        {
            PolicyName = policy.Name,
            Funds = funds,
            Indicators = indicators,
            Levels = levels,
            Total = total,
            TotalRounded = rounded,
            Grade = rounded is { } r ? policy.GradeOf(r) : null,
            WeightTotal = weightTotal,
            Findings = [],
        };
        return report with { Findings = Reconciliation.Check(evaluation, report, policy) };
    }

    /// <summary>
    /// Sums per 一级指标, in the order the levels first appear (as grouping the rows gives them); each
    /// printed text of a level is normalized once (rows that alternate 产出指标, 效益指标… are not read again).
    /// </summary>
    private static List<LevelResult> Levels(Evaluation evaluation, List<IndicatorResult> indicators, bool scored)
    {
        var keys = new List<string>();
        var weights = new List<decimal>();
        var scores = new List<decimal>();

        // The printed texts met so far and the level each one is (a table prints a handful: a short list, no dictionary).
        var texts = new List<(string? Text, int Level)>();
        string? lastText = null;
        int last = -1;
        for (int i = 0; i < indicators.Count; i++)
        {
            Indicator ind = evaluation.Indicators[i];
            if (last < 0 || !string.Equals(ind.Level1, lastText, StringComparison.Ordinal))
            {
                last = LevelOfText(texts, ind.Level1);
                if (last < 0)
                {
                    string key = NormalizeLevel(ind.Level1);
                    last = keys.IndexOf(key);
                    if (last < 0)
                    {
                        last = keys.Count;
                        keys.Add(key);
                        weights.Add(0m);
                        scores.Add(0m);
                    }

                    if (texts.Count < MaxLevelTexts)
                    {
                        texts.Add((ind.Level1, last));
                    }
                }

                lastText = ind.Level1;
            }

            weights[last] += ind.Weight?.Value ?? 0m;
            scores[last] += indicators[i].ScoreForTotal ?? 0m;
        }

        var levels = new List<LevelResult>(keys.Count);
        for (int k = 0; k < keys.Count; k++)
        {
            string key = keys[k];
            levels.Add(new LevelResult(key, weights[k], scored ? scores[k] : null,
                evaluation.LevelWeights.FirstOrDefault(l => NormalizeLevel(l.Level1) == key)?.Weight.Value));
        }

        return levels;
    }

    /// <summary>Printed texts of levels remembered in one call (past it a text is normalized every time it changes, as before).</summary>
    private const int MaxLevelTexts = 16;

    /// <summary>The level a printed text was found to be earlier in this table, or -1.</summary>
    private static int LevelOfText(List<(string? Text, int Level)> texts, string? text)
    {
        foreach ((string? seen, int level) in texts)
        {
            if (string.Equals(seen, text, StringComparison.Ordinal))
            {
                return level;
            }
        }

        return -1;
    }

    /// <summary>产出指标 (50) 分 and 产出指标 are the same level.</summary>
    public static string NormalizeLevel(string? level1)
    {
        if (string.IsNullOrWhiteSpace(level1))
        {
            return "未分级";
        }

        string s = TextNormalizer.Normalize(level1).Replace(" ", string.Empty, StringComparison.Ordinal);
        int paren = s.AsSpan().IndexOfAny('(', '（');
        return paren > 0 ? s[..paren] : s;
    }

    private static List<FundLineResult> ScoreFunds(Evaluation evaluation, bool scored)
    {
        decimal? weight = scored ? evaluation.Funds.Weight?.Value : null;
        var results = new List<FundLineResult>();
        bool rootSeen = false;
        for (int i = 0; i < evaluation.Funds.Lines.Count; i++)
        {
            FundLine line = evaluation.Funds.Lines[i];
            bool isRoot = string.IsNullOrWhiteSpace(line.Parent) && !rootSeen;
            rootSeen |= isRoot;
            decimal? rate = null;
            Interval? rateInterval = null;
            if (line.Budget is { } b && line.Executed is { } e && b.Value > 0)
            {
                rate = e.Value / b.Value;
                rateInterval = b.Interval.Low > 0 ? e.Interval.DivideBy(b.Interval) : null;
            }

            // Only the total line is scored (分值 × 执行率 of 年度资金总额): a part (当年财政拨款, 上年结转…) has
            // a 执行率 but no 资金得分 of its own, as no table prints one.
            decimal? score = null;
            Interval? scoreInterval = null;
            if (weight is { } w && isRoot && line.Budget is not null && line.Executed is not null)
            {
                score = rate is { } rr ? w * Math.Min(1m, rr) : 0m;
                scoreInterval = rateInterval?.Map(x => w * Math.Min(1m, x)) ?? Interval.Point(score.Value);
            }

            results.Add(new FundLineResult(i, line.Name, line.Parent, isRoot, rate, rateInterval, score, scoreInterval));
        }

        return results;
    }

    /// <summary>
    /// Scores one indicator row by the rule its target and actual call for. <paramref name="year"/> is the table's year: a
    /// deadline printed without one (12月31日前) falls in it, so an actual in a later year (2026年3月 in a 2025 table) is late.
    /// </summary>
    public static IndicatorResult ScoreIndicator(Indicator indicator, int index, ScoringPolicy policy, bool scored, int? year = null) =>
        ScoreIndicator(indicator, index, policy, scored, year, eagerIntervals: false);

    private static IndicatorResult ScoreIndicator(Indicator indicator, int index, ScoringPolicy policy, bool scored, int? year, bool eagerIntervals)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(policy);
        Cell target = CellParser.Parse(indicator.Target, indicator.Unit);
        Cell actual = CellParser.Parse(indicator.Actual, indicator.Unit);

        (target, actual) = CellUnits.WithPartnerUnits(target, actual, indicator.Target, indicator.Actual);
        decimal? weight = scored ? indicator.Weight?.Value : null;
        var b = new Builder(indicator, index, target, actual, weight);

        // A note cancels the row when the row has no actual (指标已取消 as the only explanation), or when it says the indicator
        // itself was cancelled; 取消 about something else (宣传活动多次取消, 培训班取消2期) on a row with its actual is a reason, not a cancellation.
        bool cancelled = target is CancelledCell || actual is CancelledCell
            || (indicator.DeviationNote is { } note && note.Contains("取消", StringComparison.Ordinal)
                && (actual is MissingCell || CancelledNotes.SayTheIndicatorWasCancelled(note)));
        if (cancelled)
        {
            decimal? s = weight is { } w ? (policy.CancelledScoring == CancelledScoring.FullWeight ? w : 0m) : null;
            return b.Done(IndicatorRule.Cancelled, IndicatorStatus.NotApplicable, s,
                policy.CancelledScoring == CancelledScoring.FullWeight ? "指标已取消，按满分计" : "指标已取消，按0分计");
        }

        return target switch
        {
            MissingCell => b.Done(IndicatorRule.Unscorable, IndicatorStatus.NotApplicable, null, "年度指标值未设定，无法计分"),
            QuantityCell t => ScoreQuantity(b, t, actual, indicator, policy, year, eagerIntervals),
            DeadlineCell t => ScoreDeadline(b, t, actual, indicator, policy, year),
            _ => ScoreQualitative(b, target, actual, indicator, policy),
        };
    }

    private static IndicatorResult ScoreQuantity(in Builder b, QuantityCell t, Cell actual, Indicator indicator, ScoringPolicy policy, int? year, bool eagerIntervals)
    {
        if (actual is MissingCell)
        {
            return b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null, "实际完成值缺失，无法计分");
        }

        if (actual is not QuantityCell a)
        {
            return b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null,
                $"实际完成值“{actual.Text}”不是可与指标值比较的数量，无法计分");
        }

        if (NotYetDue(t, a, year) is { } notDue)
        {
            return b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null, notDue);
        }

        decimal tv = t.BaseValue;
        if (FractionForRate(t, a) is { } fraction)
        {
            return b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null, fraction);
        }

        if (PerYear(t, a) is { } perYear)
        {
            // 每季度1次 against 4次: one side a frequency per period, the other a count for the year — compared per year.
            tv *= perYear.Target;
            a = a with { Number = new PrintedNumber(a.Number.Value * perYear.Actual, a.Number.Decimals) };
        }

        if (!SameBase(t.EffectiveUnit, a.EffectiveUnit))
        {
            // Two rates per a power of ten (≤3‰ against 25‱, ≤12/10万 against 1.1‱) compare once the target is in the actual's rate.
            if (CellUnits.RateFactor(t.EffectiveUnit.Base, a.EffectiveUnit.Base) is not { } factor)
            {
                return b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null,
                    $"指标值单位“{t.EffectiveUnit.Text}”与完成值单位“{a.EffectiveUnit.Text}”不一致，无法计分");
            }

            tv *= factor;
        }

        if (a.IsBound)
        {
            // The actual restates a bound (≥98 against ≥98, or ≥98 against ≥95): met only if the
            // stated bound itself satisfies the target.
            bool satisfies = a.Comparator == t.Comparator && a.BaseValue == tv
                || (t.Comparator is Comparator.AtLeast or Comparator.Above or Comparator.None && a.Comparator is Comparator.AtLeast or Comparator.Above && a.BaseValue >= tv)
                || (t.Comparator is Comparator.AtMost or Comparator.Below && a.Comparator is Comparator.AtMost or Comparator.Below && a.BaseValue <= tv);
            return satisfies
                ? b.Done(IndicatorRule.Restated, IndicatorStatus.Met, b.Weight, $"完成值“{a.Text.Trim()}”重述指标值，视为达成，得满分")
                : b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null, $"完成值“{a.Text.Trim()}”只给出范围，不能证明达到指标值“{t.Text.Trim()}”");
        }

        decimal av = a.BaseValue;
        Interval ai = a.BaseInterval;
        if (IsShare(indicator.Name, a) && av <= 100m)
        {
            // A share (下达率, 准确率, 到位率…) cannot pass 100 % or fall below 0: a printed 100 % is at most 100 %.
            ai = new Interval(Math.Max(0m, ai.Low), Math.Min(100m, ai.High));
        }

        bool reverse = t.Comparator is Comparator.AtMost or Comparator.Below
            || (t.Comparator == Comparator.None && policy.PlainCostTarget == PlainCostTarget.Reverse && IsCost(indicator));
        string unit = a.EffectiveUnit.Text;
        UnitSpec display = a.EffectiveUnit;
        decimal gap = display.Over(Math.Abs(tv - av));

        if (tv == 0 && t.Comparator is Comparator.None or Comparator.Equal or Comparator.AtMost)
        {
            bool zeroMet = av == 0;
            return b.Done(IndicatorRule.Zero, zeroMet ? IndicatorStatus.Met : IndicatorStatus.Short,
                zeroMet ? b.Weight : (b.Weight is null ? null : 0m),
                zeroMet ? "指标值为0，完成值为0，得满分" : $"指标值为0，完成值为{a.Number}，不得分",
                gap: gap, gapUnit: unit);
        }

        if (tv <= 0)
        {
            return b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null, "指标值不为正数，无法按比例计分");
        }

        decimal completion = av / tv;
        decimal? weight = b.Weight;

        // The completion's and the score's intervals are kept as the actual's interval and computed when read (since session 45:
        // most rows' are never read); eagerly, as before, when asked (the equivalence tests).
        RowIntervals intervals = eagerIntervals
            ? RowIntervals.Given(ai.Divide(tv), weight is { } w ? ScoreIntervalOf(reverse, ai, tv, w, policy) : null)
            : RowIntervals.Kept(ai, weight);
        if (!reverse)
        {
            IndicatorStatus status = av > tv ? IndicatorStatus.Exceeded : av == tv ? IndicatorStatus.Met : IndicatorStatus.Short;
            decimal? score = weight is { } wt ? wt * PositiveShare(completion, policy) : null;
            return b.Done(IndicatorRule.Positive, status, score,
                new QuantityTrace(reverse: false, tv, av, display, policy),
                completion, intervals, gap, unit);
        }

        {
            IndicatorStatus status = av < tv ? IndicatorStatus.Exceeded : av == tv ? IndicatorStatus.Met : IndicatorStatus.Short;
            decimal? score = weight is { } wt ? wt * ReverseShare(av, tv, policy) : null;
            return b.Done(IndicatorRule.Reverse, status, score,
                new QuantityTrace(reverse: true, tv, av, display, policy),
                completion, intervals, gap, unit);
        }
    }

    /// <summary>
    /// The score's interval of a quantity row whose actual lies in <paramref name="actual"/> (base units) against the target
    /// <paramref name="tv"/>: a positive row's score function over the completion's interval (<c>actual ÷ tv</c>, taking the
    /// thresholds inside), a reverse row's at both ends, in order. Read by <see cref="RowIntervals"/> when asked.
    /// </summary>
    internal static Interval ScoreIntervalOf(bool reverse, Interval actual, decimal tv, decimal weight, ScoringPolicy policy)
    {
        if (!reverse)
        {
            return MapMonotonePieces(actual.Divide(tv), weight, policy);
        }

        // As Interval.Map of the (monotone) score function: both ends, in order.
        decimal lo = weight * ReverseShare(actual.Low, tv, policy), hi = weight * ReverseShare(actual.High, tv, policy);
        return lo <= hi ? new Interval(lo, hi) : new Interval(hi, lo);
    }

    /// <summary>The share of the 分值 a positive indicator earns at completion <paramref name="c"/>.</summary>
    private static decimal PositiveShare(decimal c, ScoringPolicy policy) =>
        policy.ReduceForLowTargets && c >= policy.OvershootThreshold
            ? Math.Max(0m, 2m - c)
            : Math.Min(1m, c);

    /// <summary>The share of the 分值 a reverse indicator (ceiling <paramref name="tv"/>) earns at <paramref name="x"/>.</summary>
    private static decimal ReverseShare(decimal x, decimal tv, ScoringPolicy policy) =>
        x <= tv
            ? 1m
            : policy.ReverseFormula == ReverseFormula.Ratio ? tv / x : Math.Max(0m, 1m - ((x - tv) / tv));

    /// <summary>Applies the (piecewise monotone) positive score function, taking both the ends and any threshold inside.</summary>
    private static Interval MapMonotonePieces(Interval x, decimal weight, ScoringPolicy policy)
    {
        decimal low = weight * PositiveShare(x.Low, policy), high = low;
        Take(weight * PositiveShare(x.High, policy), ref low, ref high);
        if (x.Contains(1m))
        {
            Take(weight * PositiveShare(1m, policy), ref low, ref high);
        }

        if (x.Contains(policy.OvershootThreshold))
        {
            Take(weight * PositiveShare(policy.OvershootThreshold, policy), ref low, ref high);
        }

        return new Interval(low, high);

        static void Take(decimal v, ref decimal low, ref decimal high)
        {
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }
    }

    private static IndicatorResult ScoreDeadline(in Builder b, DeadlineCell t, Cell actual, Indicator indicator, ScoringPolicy policy, int? year)
    {
        switch (actual)
        {
            case MissingCell:
                return b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null, "实际完成值缺失，无法计分");
            case DeadlineCell a when SameText(a.Text, t.Text):
                return b.Done(IndicatorRule.Restated, IndicatorStatus.Met, b.Weight, "完成时间与指标值相同，视为达成");
            case DeadlineCell a:
                // A target without a year is in the table's year: an actual of a later year is late whatever its month, one of
                // an earlier year on time; the same year (or no table year) compares month and day.
                bool inTime = (a.Month ?? 12, a.Day ?? 31).CompareTo((t.Month ?? 12, t.Day ?? 31)) <= 0;
                bool onTime = (t.Year, a.Year, year) switch
                {
                    (null, { } ay, { } y) => ay < y || (ay == y && inTime),
                    (null, not null, null) => inTime,
                    ({ } ty, null, { } y) => y < ty || (y == ty && inTime),
                    _ => a.Key.CompareTo(t.Key) <= 0,
                };
                return onTime
                    ? b.Done(IndicatorRule.Qualitative, IndicatorStatus.Met, b.Weight, $"完成时间“{a.Text.Trim()}”不晚于“{t.Text.Trim()}”，达成")
                    : Late(b, indicator, policy, $"完成时间“{a.Text.Trim()}”晚于“{t.Text.Trim()}”，未按期完成");
            default:
                // A date the parser could not read (2026年1月中下旬完工, 6月至8月分批完工) is neither on time nor late: the
                // printed score stands, never full marks by default. Words that say it (未完工（预计2025年5月）) keep their meaning.
                if (actual is not QualitativeCell && indicator.Grade is null && SaysLate(actual.Text))
                {
                    return Late(b, indicator, policy, $"完成值“{actual.Text.Trim()}”表明未按期完成");
                }

                IndicatorResult q = ScoreQualitative(b, t, actual, indicator, policy);
                return q.Status == IndicatorStatus.Met && actual is not QualitativeCell { Level: not null } && LooksLikeADate(actual.Text)
                    ? b.Done(IndicatorRule.Unscorable, IndicatorStatus.Unknown, null, $"完成时间“{actual.Text.Trim()}”无法读作一个日期，无法与“{t.Text.Trim()}”比较，按表中打印得分")
                    : q;
        }
    }

    private static readonly string[] LateWords = ["未完工", "未完成", "未竣工", "尚未", "未按期", "未按时", "未能按期", "未能按时", "延期", "推迟", "滞后", "逾期", "超期", "延误", "延至", "顺延"];

    /// <summary>A date cell's words that say the work was not done in time (未完工（预计2025年5月）, 延期至2026年3月).</summary>
    private static bool SaysLate(string text)
    {
        foreach (string w in LateWords)
        {
            if (text.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A digit right before 年 or 月 (a year or a month written in digits).</summary>
    private static bool LooksLikeADate(string text)
    {
        for (int i = 1; i < text.Length; i++)
        {
            if (text[i] is '年' or '月' && char.IsDigit(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A deadline missed. It is not 达成; the unit's own grade stands when it is 部分达成 or 未达成 (a few weeks
    /// late with the work done is the evaluator's judgement, as for a qualitative row), and so does a printed
    /// score inside the 部分达成 band when no grade is given. Otherwise 未达成 at its default share; a unit that
    /// graded the row 达成 is told the grade does not fit the dates.
    /// </summary>
    private static IndicatorResult Late(in Builder b, Indicator indicator, ScoringPolicy policy, string why)
    {
        switch (indicator.Grade)
        {
            case QualitativeGrade.Partial or QualitativeGrade.NotAchieved:
                return Graded(b, indicator, policy, indicator.Grade.Value, $"{why}，评价等级为“{indicator.Grade.Value.ToChinese()}”");
            case QualitativeGrade.Achieved:
                return Graded(b, indicator, policy, QualitativeGrade.NotAchieved, $"{why}，表中评价等级“达成”与完成时间不符");
        }

        if (b.Weight is { } w && indicator.PrintedScore is { } p
            && p.Value >= w * policy.QualitativeBandLow[QualitativeGrade.Partial] && p.Value < w * policy.QualitativeBandLow[QualitativeGrade.Achieved])
        {
            return Graded(b, indicator, policy, QualitativeGrade.Partial, why);
        }

        // No grade and no printed score below the 达成 band: the policy's rule for a missed deadline, named in the trace.
        return Graded(b, indicator, policy, policy.LateDeadlineGrade, why, late: true);
    }

    private static bool IsCost(Indicator indicator) =>
        (indicator.Level2?.Contains("成本", StringComparison.Ordinal) ?? false);

    private static bool SameBase(UnitSpec a, UnitSpec b) => CellUnits.SameBase(a, b);

    /// <summary>A percentage of a whole (…率 that is not a growth or unemployment rate).</summary>
    private static bool IsShare(string name, QuantityCell actual) =>
        actual.EffectiveUnit.Base == "%" && name.TrimEnd().EndsWith('率')
        && !name.Contains("增长", StringComparison.Ordinal) && !name.Contains("增幅", StringComparison.Ordinal)
        && !name.Contains("失业率", StringComparison.Ordinal) && !name.Contains("完成率", StringComparison.Ordinal);

    /// <summary>Equal once normalized, ignoring white space and 。.，,；; (compared character by character, without copies).</summary>
    internal static bool SameText(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            int ca = Next(a, ref i), cb = Next(b, ref j);
            if (ca != cb)
            {
                return false;
            }

            if (ca < 0)
            {
                return true;
            }
        }

        // The next kept character, or -1 at the end.
        static int Next(string s, ref int i)
        {
            while (i < s.Length)
            {
                char c = TextNormalizer.Map(s[i++]);
                if (!TextNormalizer.IsWhiteSpace(c) && c is not ('。' or '.' or '，' or ',' or '；' or ';'))
                {
                    return c;
                }
            }

            return -1;
        }
    }

    internal static string Fmt(decimal? value) => value is { } v ? PrintedNumber.Format(v, 2) : "—";

    internal static string Pct(decimal ratio) => PrintedNumber.Format(ratio * 100m, 2) + "%";

    // A struct passed by reference (in): one per row, nothing to allocate.
    private readonly struct Builder(Indicator indicator, int index, Cell target, Cell actual, decimal? weight)
    {
        public decimal? Weight { get; } = weight;

        /// <summary>A row without a completion: no completion interval, the score's interval the score itself.</summary>
        public IndicatorResult Done(IndicatorRule rule, IndicatorStatus status, decimal? score, string trace,
            decimal? gap = null, string? gapUnit = null) =>
            Done(rule, status, score, trace, default, null, RowIntervals.Given(null, score is { } s ? Interval.Point(s) : null), gap, gapUnit);

        /// <summary>A quantity row, the trace kept as its arguments (<see cref="QuantityTrace"/>) and built when first read.</summary>
        public IndicatorResult Done(IndicatorRule rule, IndicatorStatus status, decimal? score, in QuantityTrace trace,
            decimal completion, in RowIntervals intervals, decimal gap, string gapUnit) =>
            Done(rule, status, score, null, trace, completion, intervals, gap, gapUnit);

        private IndicatorResult Done(IndicatorRule rule, IndicatorStatus status, decimal? score, string? trace, in QuantityTrace traceText,
            decimal? completion, in RowIntervals intervals, decimal? gap, string? gapUnit)
        {
            decimal? forTotal = score ?? (Weight is not null ? indicator.PrintedScore?.Value : null);
            return new IndicatorResult
            {
                Index = index,
                Name = indicator.Name,
                Rule = rule,
                Status = status,
                Target = target,
                Actual = actual,
                Weight = Weight,
                Completion = completion,
                Score = score,
                Intervals = intervals,
                Gap = gap,
                GapUnit = gapUnit,
                ScoreForTotal = Weight is null ? null : forTotal,
                Trace = trace!,
                QuantityTrace = traceText,
            };
        }
    }
}
