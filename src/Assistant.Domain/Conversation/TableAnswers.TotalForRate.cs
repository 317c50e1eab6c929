using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>
/// 执行数要到多少才能到90%，还差多少钱？ on the whole project: 全年预算数 × 目标执行率 = the 全年执行数 needed, minus what is
/// executed = the amount still to spend.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>The 执行率 aimed at in an amount question (到90%，还差多少钱 → 90); null when the message asks no amount or names no rate.</summary>
    public static decimal? AmountForRateAsked(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!AmountAsk().IsMatch(message))
        {
            return null;
        }

        Match m = AnyRateAim().Match(message);
        return m.Success && decimal.TryParse(m.Groups["r"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal r) && r > 0m ? r : null;
    }

    /// <summary>The 执行率 a message aims at (到90%, 达到95%), amount asked or not (到90%呢 after a money question); null for none.</summary>
    public static decimal? RateAimed(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Match m = AnyRateAim().Match(message);
        return m.Success && decimal.TryParse(m.Groups["r"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal r) && r > 0m ? r : null;
    }

    internal static void TotalForRate(AnswerWriter w, string message)
    {
        FactSheet s = w.Sheet;
        Evaluation e = s.Evaluation;
        if (RootFund(s) is not { } root || root >= e.Funds.Lines.Count || e.Funds.Lines[root] is not { Budget: { Value: > 0m } budget, Executed: { } executed }
            || (AmountForRateAsked(message) ?? RateAimed(message)) is not { } asked)
        {
            w.Line("测算需要资金总额填写了全年预算数和全年执行数，并写明执行率要到多少（如“执行率要到90%，还差多少钱”）。");
            return;
        }

        if (asked > 100m)
        {
            w.Line("执行率不能超过100%：实际支出不能超出预算，未测算。");
            return;
        }

        string p = $"funds.lines[{root}]";
        string target = w.N(asked, "%", Math.Max(PrintedNumber.Scale(asked), 0), ScenarioLabel + "问题中的目标执行率");
        w.Line($"现在{e.Funds.Lines[root].Name.Trim()}：全年执行数{w.F(p + ".executed")} ÷ 全年预算数{w.F(p + ".budget")} = 执行率{w.F(p + ".rate")}。");
        int places = Math.Max(Math.Max(budget.Decimals, executed.Decimals), 2);
        // The least amount, to the table's own precision, whose share of the budget is at least the rate asked.
        decimal need = LeastAmountFor(budget.Value, asked, places);
        decimal more = need - executed.Value;
        string needText = w.Money(need, places, ScenarioLabel + "达到目标执行率所需的全年执行数（全年预算数 × 目标执行率）");
        if (more <= 0m)
        {
            w.Line($"执行率要到{target}，全年执行数须达到{needText}；现在已经达到，不差钱。");
            return;
        }

        w.Line($"测算：执行率要到{target}，全年执行数须达到全年预算数{w.F(p + ".budget")} × {target} = {needText}，"
            + $"还差{w.Money(more, places, ScenarioLabel + "所需再支出的金额")}。");
        w.Line("以上只是测算；自评表和报告应按截至年底的实际执行数填报，不能为得分改数。");
    }

    /// <summary>还差多少钱 / 执行数要到多少 / 至少要多少万元 / 要支出多少.</summary>
    [GeneratedRegex(@"还差多少|差多少钱|差多少万|(?:执行数|支出数|支出|花)[^，。？?]{0,6}?(?:至少)?(?:要|得|须|需)?(?:到|达到)?多少|多少(?:万元|元|钱)")]
    private static partial Regex AmountAsk();

    /// <summary>到90% / 达到90% / 上90% / 过90%.</summary>
    [GeneratedRegex(@"(?:到|达到|过|超过|上|达)\s*(?<r>\d+(?:\.\d+)?)\s*[%％]")]
    private static partial Regex AnyRateAim();
}
