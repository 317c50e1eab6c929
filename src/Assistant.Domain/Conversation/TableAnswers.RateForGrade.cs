using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// 执行率要到多少总分才能上90分 / 想评上良，执行率得提高到多少: the lowest 执行率 at which the table, scored again by the
/// same calculator with only the money changed, reaches the score asked (a number of points, or a grade's lower bound).
/// When even a fully spent budget falls short, the answer says so and how many points the indicators must make up.
/// </summary>
public static partial class TableAnswers
{
    internal static void RateForGrade(AnswerWriter w, string message)
    {
        FactSheet s = w.Sheet;
        Evaluation e = s.Evaluation;
        ScoringPolicy policy = PolicyOf(s);
        if (!Scored(s) || s.Report.Total is not { } total || !w.Has("total"))
        {
            w.Line("这张表不计总分，也就谈不上执行率要到多少才能到某个分数。");
            return;
        }

        if (RootFund(s) is not { } root || root >= e.Funds.Lines.Count || e.Funds.Lines[root] is not { Budget: { Value: > 0m } budget, Executed: { } executed })
        {
            w.Line("表中没有同时填写全年预算数和全年执行数的资金总额行，无法测算执行率要到多少。");
            return;
        }

        decimal bar = AskedBar(message, total, policy);
        string grade = GradeOf(bar, policy);
        string barText = w.N(bar, "分", PrintedDecimals(bar), "问题中的目标分数（或该等级的下限，评分规则）");
        string goal = bar == policy.GradeExcellent || bar == policy.GradeGood || bar == policy.GradePass ? $"{barText}（“{grade}”）" : barText;
        w.Line($"本表总分{w.F("total")}，资金执行率{w.F($"funds.lines[{root}].rate")}，资金得分{w.F($"funds.lines[{root}].score")}（分值{w.F("funds.weight")}）。");
        if (s.Report.TotalRounded is { } now && now >= bar)
        {
            w.Line($"总分已经达到{goal}，不需要再靠执行率提分。");
            return;
        }

        ScoreReport full = Rescored(e, root, budget.Value, policy);
        if (full.TotalRounded is not { } fullTotal)
        {
            w.Line("重新计分时算不出总分，无法测算。");
            return;
        }

        if (fullTotal < bar)
        {
            w.Line($"测算：即使执行率达到{w.N(100m, "%", 0, ScenarioLabel + "假设的执行率上限")}（全年执行数等于全年预算数{w.F($"funds.lines[{root}].budget")}），"
                + $"资金得分最多{w.N(full.Funds.First(f => f.Index == root).Score ?? 0m, "分", 2, ScenarioLabel + "执行率100%时的资金得分")}，"
                + $"总分也只有{w.N(fullTotal, "分", 2, ScenarioLabel + "执行率100%时的总分")}，仍不到{goal}。");
            decimal more = Math.Round(bar - fullTotal, 2, MidpointRounding.AwayFromZero);
            w.Line($"所以只靠提高执行率到不了{goal}；还差{w.N(more, "分", 2, ScenarioLabel + "执行率100%后距目标分数还差的分数")}，要由扣了分的绩效指标补上（完成值须真实达到，不能为评分改数）：");
            var lost = s.Report.Indicators.Where(r => w.Has(P(r.Index) + ".lost") && r.Score is not null && r.Weight is { } wt && r.Score < wt)
                .OrderByDescending(r => r.Weight!.Value - r.Score!.Value).ThenBy(r => r.Index).ToList();
            foreach (IndicatorResult r in lost)
            {
                w.Line($"“{Name(s, r.Index)}”扣{w.F(P(r.Index) + ".lost")}。");
            }

            if (lost.Count == 0)
            {
                w.Line("各项绩效指标都已得满分，分数差在分值设置上，请核对各项分值。");
            }

            return;
        }

        // The lowest rate, in steps of 0.01 个百分点, at which the rescored total reaches the bar (the score only grows with the rate).
        int lo = (int)Math.Ceiling(executed.Value / budget.Value * 10000m), hi = 10000;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Rescored(e, root, Needed(budget.Value, mid), policy).TotalRounded >= bar)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        decimal need = Needed(budget.Value, lo);
        ScoreReport at = Rescored(e, root, need, policy);
        FundLineResult line = at.Funds.First(f => f.Index == root);
        w.Line($"按计算器重新测算（其余各项不变），执行率至少要到{w.N((line.Rate ?? 0m) * 100m, "%", 2, ScenarioLabel + "达到目标分数所需的最低执行率")}"
            + $"（全年执行数{w.Money(need, 2, ScenarioLabel + "所需的全年执行数")}，比现在再支出{w.Money(need - executed.Value, 2, ScenarioLabel + "所需再支出的金额")}），"
            + $"资金得分{w.N(line.Score ?? 0m, "分", 2, ScenarioLabel + "的资金得分")}，总分{w.N(at.TotalRounded ?? 0m, "分", 2, ScenarioLabel + "的总分")}，{ScenarioGrade(at.TotalRounded ?? 0m, policy)}。");
        w.Line("以上只是测算；自评表和报告应按截至年底的实际执行数填报。");
    }

    private static decimal Needed(decimal budget, int basisPoints) =>
        Math.Ceiling(budget * basisPoints / 10000m * 100m) / 100m;

    private static ScoreReport Rescored(Evaluation e, int root, decimal executed, ScoringPolicy policy)
    {
        var lines = e.Funds.Lines.ToArray();
        lines[root] = lines[root] with { Executed = new Numbers.PrintedNumber(executed, 2), PrintedScore = null, PrintedRate = null, PrintedRateText = null };
        return Calculator.Score(e with { Funds = e.Funds with { Lines = lines } }, policy);
    }

    /// <summary>The score asked: 90分 in the message, else the grade named (优, 良, 中/及格), else the next grade above the total.</summary>
    internal static decimal AskedBar(string message, decimal total, ScoringPolicy p)
    {
        foreach (Match m in BarPoints().Matches(message))
        {
            if (decimal.TryParse(m.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) && v > 0m && v <= 100m)
            {
                return v;
            }
        }

        if (message.Contains('优', StringComparison.Ordinal))
        {
            return p.GradeExcellent;
        }

        if (message.Contains('良', StringComparison.Ordinal))
        {
            return p.GradeGood;
        }

        if (message.Contains("及格", StringComparison.Ordinal) || message.Contains("评中", StringComparison.Ordinal))
        {
            return p.GradePass;
        }

        return total >= p.GradeGood ? p.GradeExcellent : total >= p.GradePass ? p.GradeGood : p.GradePass;
    }

    private static int PrintedDecimals(decimal v) => v == decimal.Truncate(v) ? 0 : Math.Min(2, Numbers.PrintedNumber.Scale(v));

    [GeneratedRegex(@"(?<![\d.%])(\d+(?:\.\d+)?)\s*分")]
    private static partial Regex BarPoints();
}
