using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Facts;

/// <summary>Whether a fact was printed in the table or computed from printed values.</summary>
public enum FactKind
{
    Input,
    Derived,
}

/// <summary>
/// One number a text about the evaluation may state: an id the drafter cites, the exact value, its
/// unit (万元, %, 人, 万人, 分, 项…) and the decimals it is shown with.
/// </summary>
public sealed record Fact(string Id, string Label, decimal Value, string Unit, int Decimals, FactKind Kind)
{
    /// <summary>The indicator this fact belongs to, if any (for preferring nearby indicators when matching).</summary>
    public int? IndicatorIndex { get; init; }

    /// <summary>The fund line this fact belongs to, if any.</summary>
    public int? FundLineIndex { get; init; }

    /// <summary>The values the printed inputs allow (in <see cref="Unit"/>), for derived facts; null when exact.</summary>
    public Interval? Range { get; init; }

    /// <summary>The value as it should be written: rounded half-up to <see cref="Decimals"/>, with its unit.</summary>
    public string Text => UnitSpec.Write(PrintedNumber.Format(Value, Decimals), Unit);

    /// <summary>
    /// The value as a report's text writes it: <see cref="Text"/>, except that a whole amount in 元 drops the “.00” a
    /// table prints (1660000元, not 1660000.00元); the number is the same, read back at its own precision.
    /// </summary>
    public string Written => Unit == "元" && Decimals > 0 && Value == decimal.Truncate(Value) ? UnitSpec.Write(PrintedNumber.Format(Value, 0), Unit) : Text;
}

/// <summary>Every number of an evaluation, inputs and derived, with the score report they came from.</summary>
public sealed record FactSheet(Evaluation Evaluation, ScoreReport Report, IReadOnlyList<Fact> Facts)
{
    public Fact? Find(string id) => Facts.FirstOrDefault(f => f.Id == id);

    /// <summary>
    /// A fact named in words for staff, as a message says what a figure disagrees with: <c>“补贴性职业技能培训人次”的完成值2650人次</c>,
    /// <c>“年度资金总额”的扣分1.36分</c>, <c>绩效指标个数12项</c>; an id no fact has names its row or fund line (<c>“…”</c>), else
    /// the table. The id itself (<c>indicators[0].actual</c>) is for machines and stays in its own field.
    /// </summary>
    public string Describe(string? id)
    {
        if (id is null)
        {
            return "自评表";
        }

        if (Find(id) is { } f)
        {
            string? owner = f.IndicatorIndex is int i && i < Evaluation.Indicators.Count ? Evaluation.Indicators[i].Name
                : f.FundLineIndex is int l && l < Evaluation.Funds.Lines.Count ? Evaluation.Funds.Lines[l].Name
                : null;
            if (owner is not null && f.Label.StartsWith(owner, StringComparison.Ordinal) && f.Label.Length > owner.Length)
            {
                return $"“{owner.Trim()}”的{f.Label[owner.Length..]}{Written(f)}";
            }

            return $"{f.Label}{Written(f)}";
        }

        System.Text.RegularExpressions.Match row = System.Text.RegularExpressions.Regex.Match(id, @"^(indicators|funds\.lines)\[(\d+)\]");
        if (row.Success && int.TryParse(row.Groups[2].ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
        {
            string? name = row.Groups[1].Value == "indicators"
                ? n < Evaluation.Indicators.Count ? Evaluation.Indicators[n].Name : null
                : n < Evaluation.Funds.Lines.Count ? Evaluation.Funds.Lines[n].Name : null;
            if (name is not null)
            {
                return $"“{name.Trim()}”";
            }
        }

        return "自评表";
    }

    /// <summary>
    /// A fact as a report's prose writes it: <see cref="Fact.Written"/>, except that a table kept in 元 whose money is
    /// in whole hundreds of 元 (1660000.00) has its fund amounts written in 万元 (166.00万元), as reviewers read large
    /// sums; the figure is exact, not rounded. A table with any amount finer than that keeps every amount in 元, so
    /// one text never mixes the two. The annex keeps the table's own unit.
    /// </summary>
    public string Written(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact.FundLineIndex is not null && fact.Unit == "元" && YuanInWan(Evaluation)
            ? UnitSpec.Write(PrintedNumber.Format(fact.Value / 10_000m, 2), "万元")
            : fact.Written;
    }

    /// <summary>Whether a table in 元 states its money in 万元 in prose: every amount whole hundreds of 元, the largest at least 10,000元.</summary>
    public static bool YuanInWan(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Funds.Unit != "元" || evaluation.Funds.Lines.Count == 0)
        {
            return false;
        }

        var amounts = evaluation.Funds.Lines.SelectMany(l => new[] { l.InitialBudget, l.Budget, l.Executed }).Where(n => n is not null).Select(n => n!.Value.Value).ToList();
        return amounts.Count > 0 && amounts.All(v => v % 100m == 0m) && amounts.Max(Math.Abs) >= 10_000m;
    }

    /// <summary>Builds the facts of an evaluation under a policy.</summary>
    public static FactSheet Build(Evaluation evaluation, ScoringPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ScoreReport report = Calculator.Score(evaluation, policy);
        return new FactSheet(evaluation, report, FactBuilder.Collect(evaluation, report));
    }

    /// <summary>
    /// A qualitative row whose result the words make weaker than its target, yet scored at full marks: short of its
    /// target (效果良好 against 效果显著, no grade given), or met when the table graded it 达成 outright.
    /// </summary>
    public static bool IsWeakerMet(IndicatorResult r) =>
        r.Rule == IndicatorRule.Qualitative && r.Status is IndicatorStatus.Met or IndicatorStatus.Short
        && Calculator.IsWeaker(r.Target, r.Actual) && (r.Score is null || r.Score == r.Weight);
}

internal static class FactBuilder
{
    private const int PercentDecimals = 2;
    private const int ScoreDecimals = 2;

    /// <summary>
    /// Session 43: 扣分 as a reader takes it, what the printed 得分 leaves of the 分值 (5 − 4.93 = 0.07, so 得分 and 扣分 add up
    /// to the 分值 wherever both are printed; the exact 0.075 printed alone would read 0.08, and 4.93 + 0.08 = 5.01). The fact's
    /// range runs from that to the exact difference, so a unit that printed the exact one (0.08, 0.075) is still verified. No
    /// 扣分 when the printed 得分 is the 分值 (4.996 prints 5.00: nothing is shown lost).
    /// </summary>
    internal static (decimal Value, Interval? Range)? Lost(decimal weight, decimal score)
    {
        decimal exact = weight - score;
        decimal shown = weight - PrintedNumber.RoundHalfUp(score, ScoreDecimals);
        if (exact <= 0 || shown <= 0)
        {
            return null;
        }

        return shown == exact ? (exact, null) : (shown, new Interval(Math.Min(shown, exact), Math.Max(shown, exact)));
    }

    public static List<Fact> Collect(Evaluation e, ScoreReport report)
    {
        var facts = new List<Fact>();
        string unit = e.Funds.Unit;
        bool scored = e.Kind == EvaluationKind.Project;

        if (scored && e.Funds.Weight is { } fw)
        {
            facts.Add(new Fact("funds.weight", "预算执行率分值", fw.Value, "分", fw.Decimals, FactKind.Input));
        }

        for (int i = 0; i < e.Funds.Lines.Count; i++)
        {
            FundLine line = e.Funds.Lines[i];
            FundLineResult r = report.Funds[i];
            void Add(string id, string label, decimal value, string u, int decimals, FactKind kind, Interval? range = null) =>
                facts.Add(new Fact(FactIds.Of(FactIds.Funds, i, id), $"{line.Name}{label}", value, u, decimals, kind) { FundLineIndex = i, Range = range });

            if (line.InitialBudget is { } ib)
            {
                Add("initialBudget", "年初预算数", ib.Value, unit, ib.Decimals, FactKind.Input);
            }

            if (line.Budget is { } b)
            {
                Add("budget", "全年预算数", b.Value, unit, b.Decimals, FactKind.Input);
                if (line.InitialBudget is { } ib2 && ib2.Value != b.Value)
                {
                    Add("adjustment", "预算调整数", b.Value - ib2.Value, unit, Math.Max(b.Decimals, ib2.Decimals), FactKind.Derived);
                }
            }

            if (line.Executed is { } ex)
            {
                Add("executed", "全年执行数", ex.Value, unit, ex.Decimals, FactKind.Input);
            }

            if (line.Budget is { } b2 && line.Executed is { } ex2)
            {
                Add("balance", "结余（未执行）", b2.Value - ex2.Value, unit, Math.Max(b2.Decimals, ex2.Decimals), FactKind.Derived);
            }

            if (r.Rate is { } rate)
            {
                Add("rate", "执行率", rate * 100m, "%", PercentDecimals, FactKind.Derived, r.RateInterval?.Scale(100m));

                Add("unexecutedRate", "未执行比例", (1m - rate) * 100m, "%", PercentDecimals, FactKind.Derived);
            }

            if (scored && r.Score is { } s)
            {
                Add("score", "资金得分", s, "分", ScoreDecimals, FactKind.Derived);
                if (e.Funds.Weight is { } fwl && Lost(fwl.Value, s) is { } fl)
                {
                    // Session 35: the fund line's 扣分 (分值 − 得分), as each row's and the total's.
                    Add("lost", "扣分", fl.Value, "分", ScoreDecimals, FactKind.Derived, fl.Range);
                }
            }

            if (line.Parent is { } parentName && e.Funds.Lines.Select((l, k) => (l, k)).FirstOrDefault(x => x.l.Name.Trim() == parentName.Trim()) is { l: not null } parent)
            {
                if (line.Budget is { } cb && parent.l.Budget is { Value: > 0 } pb)
                {
                    Add("share.budget", $"占{parent.l.Name}预算的比例", cb.Value / pb.Value * 100m, "%", PercentDecimals, FactKind.Derived);
                }

                if (line.Executed is { } ce && parent.l.Executed is { Value: > 0 } pe)
                {
                    Add("share.executed", $"占{parent.l.Name}执行数的比例", ce.Value / pe.Value * 100m, "%", PercentDecimals, FactKind.Derived);
                }
            }
        }

        PartsSums(e, report, facts);

        for (int i = 0; i < e.Indicators.Count; i++)
        {
            Indicator ind = e.Indicators[i];
            IndicatorResult r = report.Indicators[i];
            void Add(string id, string label, decimal value, string u, int decimals, FactKind kind, Interval? range = null) =>
                facts.Add(new Fact(FactIds.Of(FactIds.Indicators, i, id), $"{ind.Name}{label}", value, u, decimals, kind) { IndicatorIndex = i, Range = range });

            if (r.Target is QuantityCell t)
            {
                Add("target", "指标值", t.Number.Value, UnitOf(t), t.Number.Decimals, FactKind.Input);
            }

            if (r.Actual is QuantityCell a)
            {
                Add("actual", "完成值", a.Number.Value, UnitOf(a), a.Number.Decimals, FactKind.Input);
            }

            if (r.Weight is { } w)
            {
                Add("weight", "分值", w, "分", ind.Weight?.Decimals ?? 0, FactKind.Input);
            }

            if (r.Score is { } s)
            {
                Add("score", "得分", s, "分", ScoreDecimals, FactKind.Derived);
                if (r.Weight is { } w2 && Lost(w2, s) is { } l)
                {
                    Add("lost", "扣分", l.Value, "分", ScoreDecimals, FactKind.Derived, l.Range);
                }
            }

            if (r.Completion is { } c)
            {
                Add("completion", "完成率", c * 100m, "%", PercentDecimals, FactKind.Derived, r.CompletionInterval?.Scale(100m));

                if (c > 1m)
                {
                    Add("excess", "超出目标的百分点", (c - 1m) * 100m, "个百分点", PercentDecimals, FactKind.Derived);
                }
                else if (c < 1m)
                {
                    Add("shortfall", "距目标的百分点", (1m - c) * 100m, "个百分点", PercentDecimals, FactKind.Derived);
                }
            }

            if (r.Gap is { } g && r.GapUnit is { } gu && g != 0)
            {
                int d = Math.Max((r.Target as QuantityCell)?.Number.Decimals ?? 0, (r.Actual as QuantityCell)?.Number.Decimals ?? 0);
                // Two percentages differ by percentage points (26% against 30% is 4个百分点, not 4%).
                Add("gap", r.Status == IndicatorStatus.Exceeded ? "超出指标值的数量" : "与指标值的差距", g, gu == "%" ? "个百分点" : gu, d, FactKind.Derived);
            }
        }

        if (scored)
        {
            foreach (LevelResult level in report.Levels)
            {
                facts.Add(new Fact($"levels[{level.Level1}].weight", $"{level.Level1}分值合计", level.WeightSum, "分", 0, FactKind.Derived));
                if (level.ScoreSum is { } ls)
                {
                    facts.Add(new Fact($"levels[{level.Level1}].score", $"{level.Level1}得分合计", ls, "分", ScoreDecimals, FactKind.Derived));
                }
            }

            if (report.Total is { } total)
            {
                facts.Add(new Fact("total", "总分", total, "分", ScoreDecimals, FactKind.Derived));
                if (report.WeightTotal is { } wt)
                {
                    facts.Add(new Fact("weightTotal", "分值合计", wt, "分", 0, FactKind.Derived));
                    if (Lost(wt, total) is { } tl)
                    {
                        facts.Add(new Fact("totalLost", "总扣分", tl.Value, "分", ScoreDecimals, FactKind.Derived) { Range = tl.Range });
                    }
                }
            }
        }

        int count = e.Indicators.Count;
        facts.Add(new Fact("count.indicators", "绩效指标个数", count, "项", 0, FactKind.Derived));
        facts.Add(new Fact("count.met", "完成（含超额完成）的指标个数", report.Indicators.Count(r => r.Status is IndicatorStatus.Met or IndicatorStatus.Exceeded), "项", 0, FactKind.Derived));
        facts.Add(new Fact("count.exceeded", "超额完成的指标个数", report.Indicators.Count(r => r.Status == IndicatorStatus.Exceeded), "项", 0, FactKind.Derived));
        facts.Add(new Fact("count.short", "未完成的指标个数", report.Indicators.Count(r => r.Status == IndicatorStatus.Short), "项", 0, FactKind.Derived));
        return facts;
    }

    /// <summary>
    /// Parts that do not add up to their line (funds.parts-sum, an error): their sum and its gap to the line are facts, so a
    /// text may say so (各来源预算数合计165.00万元，与全年预算数相差1.00万元) rather than state a sum that is not true.
    /// </summary>
    private static void PartsSums(Evaluation e, ScoreReport report, List<Fact> facts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Finding f in report.Findings.Where(f => f.Code == FindingCodes.FundsPartsSum && f.Severity == Severity.Error))
        {
            System.Text.RegularExpressions.Match m = System.Text.RegularExpressions.Regex.Match(f.Path, @"^funds\.lines\[(\d+)\]\.(initialBudget|budget|executed)$");
            if (!m.Success || !seen.Add(f.Path) || f.Expected is null || f.Actual is null
                || !decimal.TryParse(f.Expected, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out decimal sum)
                || !decimal.TryParse(f.Actual, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out decimal total))
            {
                continue;
            }

            int line = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            string column = m.Groups[2].Value;
            string label = column switch { "initialBudget" => "年初预算数", "budget" => "全年预算数", _ => "全年执行数" };
            int decimals = Math.Max(Decimals(f.Expected), Decimals(f.Actual));
            string name = e.Funds.Lines[line].Name;
            facts.Add(new Fact($"funds.lines[{line}].partsSum.{column}", $"{name}各部分{label}之和", sum, e.Funds.Unit, decimals, FactKind.Derived) { FundLineIndex = line });
            facts.Add(new Fact($"funds.lines[{line}].partsGap.{column}", $"{name}{label}与各部分之和的差额", Math.Abs(total - sum), e.Funds.Unit, decimals, FactKind.Derived) { FundLineIndex = line });
        }

        static int Decimals(string s) => s.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? s.Length - dot - 1 : 0;
    }

    private static string UnitOf(QuantityCell cell) => cell.EffectiveUnit.Text;
}
