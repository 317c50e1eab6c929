using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// 省级资金执行率要到多少，整个项目执行率才能到90%？: the part's executed amount and 执行率 at which the whole line reaches the rate
/// asked — the amount missing from the total (全年预算数 × 目标执行率 − 全年执行数) spent from that part, both lines scored again
/// by the calculator.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>The whole project's 执行率 asked for (整个项目执行率才能到90% → 90); null when none.</summary>
    public static decimal? TotalRateAsked(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Match m = TotalAim().Match(message);
        return m.Success && decimal.TryParse(m.Groups["r"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal r) && r > 0m ? r : null;
    }

    internal static void PartForTotal(AnswerWriter w, IReadOnlyList<int> funds, string message)
    {
        FactSheet s = w.Sheet;
        Evaluation e = s.Evaluation;
        if (RootFund(s) is not { } root || root >= e.Funds.Lines.Count || e.Funds.Lines[root] is not { Budget: { Value: > 0m } rootBudget, Executed: { } rootExecuted }
            || funds.Count != 1 || funds[0] == root || funds[0] >= e.Funds.Lines.Count || e.Funds.Lines[funds[0]] is not { Budget: { Value: > 0m } partBudget, Executed: { } partExecuted }
            || TotalRateAsked(message) is not { } asked)
        {
            w.Line("测算需要资金总额和这一来源都填写了全年预算数和全年执行数，并写明整个项目的执行率要到多少（如“整个项目执行率才能到90%”）。");
            return;
        }

        int part = funds[0];
        string partName = e.Funds.Lines[part].Name.Trim();
        if (asked > 100m)
        {
            w.Line("执行率不能超过100%：实际支出不能超出预算，未测算。");
            return;
        }

        string target = w.N(asked, "%", Math.Max(PrintedNumber.Scale(asked), 0), ScenarioLabel + "问题中整个项目的目标执行率");
        w.Line($"现在资金总额：全年执行数{w.F($"funds.lines[{root}].executed")} ÷ 全年预算数{w.F($"funds.lines[{root}].budget")} = 执行率{w.F($"funds.lines[{root}].rate")}；"
            + $"{partName}：全年执行数{w.F($"funds.lines[{part}].executed")} ÷ 全年预算数{w.F($"funds.lines[{part}].budget")} = 执行率{w.F($"funds.lines[{part}].rate")}。");

        // The least amount, to the table's own precision, whose share of the budget is at least the rate asked.
        int places = Math.Max(Math.Max(rootBudget.Decimals, rootExecuted.Decimals), 2);
        decimal need = LeastAmountFor(rootBudget.Value, asked, places);
        decimal more = need - rootExecuted.Value;
        if (more <= 0m)
        {
            w.Line($"整个项目执行率已经达到{target}，不需要{partName}再支出。");
            return;
        }

        if (partExecuted.Value + more > partBudget.Value)
        {
            decimal left = partBudget.Value - partExecuted.Value;
            ScoreReport all = Spent(e, root, part, left, PolicyOf(s));
            w.Line($"测算：整个项目执行率要到{target}，全年执行数须达到{w.Money(need, places, ScenarioLabel + "达到目标执行率所需的全年执行数（全年预算数 × 目标执行率）")}，"
                + $"还要再支出{w.Money(more, places, ScenarioLabel + "所需再支出的金额")}；但{partName}全部支出也只剩{w.Money(left, places, ScenarioLabel + "该资金的结余")}，"
                + $"全部执行后整个项目执行率只有{Rate(w, all.Funds.First(f => f.Index == root).Rate)}，只靠{partName}到不了，其余资金也要支出。");
            return;
        }

        ScoreReport after = Spent(e, root, part, more, PolicyOf(s));
        w.Line($"测算：整个项目执行率要到{target}，全年执行数须达到{w.Money(need, places, ScenarioLabel + "达到目标执行率所需的全年执行数（全年预算数 × 目标执行率）")}，"
            + $"比现在再支出{w.Money(more, places, ScenarioLabel + "所需再支出的金额")}；这笔钱都由{partName}支出，{partName}执行数须达到"
            + $"{w.Money(partExecuted.Value + more, places, ScenarioLabel + "该资金所需的执行数")}，执行率{Rate(w, after.Funds.First(f => f.Index == part).Rate)}"
            + $"（现为{w.F($"funds.lines[{part}].rate")}），整个项目执行率{Rate(w, after.Funds.First(f => f.Index == root).Rate)}。");
        w.Line("以上只是测算；自评表和报告应按截至年底的实际执行数填报。");
    }

    /// <summary>The table scored again with <paramref name="added"/> more spent from the part (and so from the total).</summary>
    private static ScoreReport Spent(Evaluation e, int root, int part, decimal added, ScoringPolicy policy)
    {
        var lines = e.Funds.Lines.ToArray();
        lines[root] = lines[root] with { Executed = Plus(lines[root].Executed!.Value, added), PrintedRate = null, PrintedRateText = null, PrintedScore = null };
        lines[part] = lines[part] with { Executed = Plus(lines[part].Executed!.Value, added), PrintedRate = null, PrintedRateText = null, PrintedScore = null };
        return Calculator.Score(e with { Funds = e.Funds with { Lines = lines } }, policy);
    }

    /// <summary>整个项目执行率才能到90% / 总执行率达到90% / 项目整体执行率要到90%.</summary>
    [GeneratedRegex(@"(?:整个|整体|总体|总的|项目|总|全部|资金总额)[^，。？?]{0,8}?执行率[^，。？?\d]{0,8}?(?:到|达到|过|超过|上|达)\s*(?<r>\d+(?:\.\d+)?)\s*[%％]")]
    private static partial Regex TotalAim();

    /// <summary>The least amount, to <paramref name="places"/> decimals, whose share of <paramref name="budget"/> is at least
    /// <paramref name="percent"/> %.</summary>
    internal static decimal LeastAmountFor(decimal budget, decimal percent, int places)
    {
        decimal step = 1m;
        for (int d = 0; d < places; d++)
        {
            step /= 10m;
        }

        return Math.Ceiling(budget * percent / 100m / step) * step;
    }
}
