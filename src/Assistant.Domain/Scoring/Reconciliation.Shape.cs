using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Scoring;

/// <summary>
/// Session 40 (outside tester): tables a reviewer would send back were scored without a word — a project table whose
/// money has a 分值 but no lines (the 10 points silently 0), spending over the budget (107.97 %, full 资金得分, nothing
/// said), and a weighted row with no 一级指标 (its 分值 counted in no level).
/// </summary>
public static partial class Reconciliation
{
    private static void CheckFundsGiven(Evaluation evaluation, ScoreReport report, List<Finding> findings)
    {
        if (evaluation.Funds.Weight is not { Value: > 0 } weight)
        {
            return;
        }

        FundLineResult? root = report.Funds.FirstOrDefault(f => f.IsRoot);
        if (root is null)
        {
            findings.Add(new Finding(FindingCodes.FundsLinesMissing, Severity.Error,
                $"预算执行率分值为{weight}分，但表中没有填写项目资金（年度资金总额的全年预算数和全年执行数），执行率无法计算，资金得分按0分计；请补填资金情况",
                "funds.lines", "年度资金总额的全年预算数和全年执行数", "无"));
            return;
        }

        FundLine line = evaluation.Funds.Lines[root.Index];
        if (line.Budget is null || line.Executed is null)
        {
            string missing = line.Budget is null && line.Executed is null ? "全年预算数和全年执行数" : line.Budget is null ? "全年预算数" : "全年执行数";
            findings.Add(new Finding(FindingCodes.FundsLinesMissing, Severity.Error,
                $"{line.Name.Trim()}没有填写{missing}，执行率无法计算，资金得分按0分计（分值{weight}分）；请补填",
                $"funds.lines[{root.Index}].{(line.Budget is null ? "budget" : "executed")}", missing, "无"));
        }
    }

    private static void CheckOverspent(Evaluation evaluation, ScoreReport report, List<Finding> findings)
    {
        string unit = evaluation.Funds.Unit;
        for (int i = 0; i < evaluation.Funds.Lines.Count && i < report.Funds.Count; i++)
        {
            FundLine line = evaluation.Funds.Lines[i];
            if (report.Funds[i].Rate is not { } rate || rate <= 1m || line.Budget is not { } budget || line.Executed is not { } executed)
            {
                continue;
            }

            findings.Add(new Finding(FindingCodes.FundsOverspent, Severity.Warning,
                $"{line.Name.Trim()}全年执行数{executed}{unit}超过全年预算数{budget}{unit}（执行率{Calculator.Pct(rate)}），支出超出预算；请核实执行数，或说明预算调整的依据（执行率按100%计分）",
                $"funds.lines[{i}].executed", "≤" + budget, executed.ToString()));
        }
    }

    private static void CheckLevelsGiven(Evaluation evaluation, List<Finding> findings)
    {
        // A table that names no 一级 at all (no level weights, no row with one) is scored as one list; a row missing its 一级
        // among rows that have one, or under printed level weights, is the gap a reviewer sends back.
        if (evaluation.LevelWeights.Count == 0 && evaluation.Indicators.All(i => string.IsNullOrWhiteSpace(i.Level1)))
        {
            return;
        }

        for (int i = 0; i < evaluation.Indicators.Count; i++)
        {
            Indicator ind = evaluation.Indicators[i];
            if (string.IsNullOrWhiteSpace(ind.Level1) && ind.Weight is { Value: > 0 } w)
            {
                findings.Add(new Finding(FindingCodes.IndicatorLevelMissing, Severity.Error,
                    $"第{i + 1}行指标“{ind.Name.Trim()}”没有填写一级指标，其分值{w}分不计入任何一级指标；请补填一级指标（产出、效益或满意度指标）",
                    $"indicators[{i}].level1", "一级指标", "无"));
            }
        }
    }
}
