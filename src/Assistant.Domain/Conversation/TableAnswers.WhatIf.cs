using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// What-if questions on the money (如果年底再支出200万，执行率多少 / 县级配套全部花完总分多少): the table is
/// scored again with the executed amounts changed as asked, by the same calculator, and the answer sets the
/// new figures beside today's. Nothing is stored; the answer says it is an estimate.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>How the facts of a what-if answer are labelled (the sentence gate lets exactly these through in it).</summary>
    public const string ScenarioLabel = "测算";

    internal static void WhatIf(AnswerWriter w, string message, IReadOnlyList<int> funds)
    {
        FactSheet s = w.Sheet;
        Evaluation e = s.Evaluation;
        if (RootFund(s) is not { } root || root >= e.Funds.Lines.Count || e.Funds.Lines[root] is not { Budget: { } rootBudget, Executed: { } rootExecuted })
        {
            w.Line("表中没有同时填写全年预算数和全年执行数的资金总额行，无法测算。");
            return;
        }

        string unit = e.Funds.Unit;
        decimal added;
        string what;
        int? line = funds.Count == 1 ? funds[0] : null;
        int target = line ?? root;
        FundLine t = e.Funds.Lines[target];
        string targetName = target == root ? "资金总额" : t.Name.Trim();
        Match a = AmountWithUnit().Match(message);
        if (!a.Success)
        {
            a = AmountAfterVerb().Match(message);
        }

        decimal? amount = a.Success ? InFundUnit(a, unit) : null;
        Match pct = RateSet().Match(message);
        if (pct.Success && decimal.TryParse(pct.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal asked))
        {
            // 执行率达到95% / 省级资金执行到100%: the line's executed amount set to that share of its budget.
            if (t is not { Budget: { } tb, Executed: { } tx } || tb.Value <= 0m)
            {
                w.Line($"表中{targetName}没有同时填写全年预算数和全年执行数，无法按执行率测算。");
                return;
            }

            if (asked > 100m)
            {
                w.Line($"执行率不能超过100%：{targetName}全年预算数是{w.F($"funds.lines[{target}].budget")}，实际支出不能超出预算，未测算。");
                return;
            }

            decimal set = tb.Value * asked / 100m;
            added = set - tx.Value;
            what = $"{targetName}执行率达到{w.N(asked, "%", Math.Max(PrintedNumber.Scale(asked), 0), ScenarioLabel + "假设的执行率（问题中）")}（{(added >= 0m ? "再支出" : "少支出")}{w.Money(Math.Abs(added), 2, ScenarioLabel + "假设的该资金执行数与现执行数之差（全年预算数 × 执行率 − 全年执行数）")}）";
        }
        else if (amount is { } v && AllSpent().IsMatch(message) && t is { Budget: { } ab, Executed: { } ax } && v == ab.Value)
        {
            // 省级资金120万全部花完: the amount named is the line's own budget, so executed = budget, not 120万 more.
            added = Math.Max(ab.Value - ax.Value, 0m);
            what = $"{targetName}全部执行（再支出{w.Money(added, 2, ScenarioLabel + "假设全部执行的该资金结余（全年预算数 − 全年执行数）")}）";
        }
        else if (amount is { } sv && !AddWord().IsMatch(message) && SetWord().IsMatch(message) && t is { Executed: { } sx })
        {
            // 执行了80万 / 执行到100万: the line's executed amount becomes the amount asked.
            added = sv - sx.Value;
            what = $"{targetName}执行数为{w.Money(sv, Math.Max(PrintedNumber.Scale(sv), 0), ScenarioLabel + "假设的执行数（问题中）")}";
        }
        else if (amount is { } plus)
        {
            added = plus;
            what = $"再支出{w.Money(plus, Math.Max(PrintedNumber.Scale(plus), 0), ScenarioLabel + "假设再支出的金额（问题中）")}";
        }
        else if (AllSpent().IsMatch(message))
        {
            if (line is { } l && e.Funds.Lines[l] is { Budget: { } b, Executed: { } x })
            {
                added = Math.Max(b.Value - x.Value, 0m);
                what = $"{e.Funds.Lines[l].Name.Trim()}全部执行（再支出{w.Money(added, 2, ScenarioLabel + "假设全部执行的该资金结余（全年预算数 − 全年执行数）")}）";
            }
            else
            {
                added = Math.Max(rootBudget.Value - rootExecuted.Value, 0m);
                what = $"全部执行（再支出{w.Money(added, 2, ScenarioLabel + "假设全部执行的资金总额结余（全年预算数 − 全年执行数）")}）";
            }
        }
        else
        {
            w.Line("测算需要写明再支出多少（如“如果再支出200万元，执行率多少”）、执行到多少，或“全部花完”“执行率达到95%”。");
            return;
        }

        // Spending beyond a budget is refused with that budget named: never a 执行率 over 100 % computed silently.
        foreach (int i in target == root ? new[] { root } : new[] { target, root })
        {
            if (e.Funds.Lines[i] is { Budget: { } ob, Executed: { } ox } && ox.Value + added > ob.Value)
            {
                string name = i == root ? "资金总额" : e.Funds.Lines[i].Name.Trim();
                w.Line($"按假设{what}测算，{name}的执行数将为{w.Money(ox.Value + added, 2, ScenarioLabel + "的执行数（超出预算）")}，超过其全年预算数{w.F($"funds.lines[{i}].budget")}；实际支出不能超出预算，未测算。");
                return;
            }
        }

        var lines = e.Funds.Lines.ToArray();
        lines[root] = lines[root] with { Executed = Plus(rootExecuted, added) };
        if (line is { } named && named != root && lines[named].Executed is { } partExecuted)
        {
            lines[named] = lines[named] with { Executed = Plus(partExecuted, added) };
        }

        ScoreReport after = Calculator.Score(e with { Funds = e.Funds with { Lines = lines } }, PolicyOf(s));
        FundLineResult now = s.Report.Funds.First(f => f.Index == root);
        FundLineResult then = after.Funds.First(f => f.Index == root);
        decimal newExecuted = rootExecuted.Value + added;
        w.Line($"按假设{what}测算：全年执行数{w.Money(newExecuted, 2, ScenarioLabel + "的全年执行数")} ÷ 全年预算数{w.F($"funds.lines[{root}].budget")} = 执行率{Rate(w, then.Rate)}（现为{w.F($"funds.lines[{root}].rate")}）。");
        if (line is { } l2 && l2 != root && after.Funds.FirstOrDefault(f => f.Index == l2) is { Rate: { } partRate })
        {
            w.Line($"测算{e.Funds.Lines[l2].Name.Trim()}执行率{w.N(partRate * 100m, "%", 2, ScenarioLabel + "的该资金执行率")}（现为{w.F($"funds.lines[{l2}].rate")}）。");
        }

        if (Scored(s) && then.Score is { } score && now.Score is not null && w.Has($"funds.lines[{root}].score"))
        {
            w.Add($"相应测算资金得分{w.N(score, "分", 2, ScenarioLabel + "的资金得分")}（现为{w.F($"funds.lines[{root}].score")}）");
            if (after.TotalRounded is { } total && w.Has("total"))
            {
                w.Add($"，总分{w.N(total, "分", 2, ScenarioLabel + "的总分")}（现为{w.F("total")}），{ScenarioGrade(total, PolicyOf(s))}");
            }

            w.Line("。");
        }

        w.Line("以上只是测算；自评表和报告应按截至年底的实际执行数填报。");
    }

    /// <summary>执行到100% / 执行率达到95%: a what-if that sets a line's rate.</summary>
    internal static bool AsksRateSet(string message) => RateSet().IsMatch(message);

    private static string Rate(AnswerWriter w, decimal? rate) => rate is { } r ? w.N(r * 100m, "%", 2, ScenarioLabel + "的执行率") : "（算不出）";

    private static PrintedNumber Plus(PrintedNumber n, decimal added) => new(n.Value + added, Math.Max(n.Decimals, PrintedNumber.Scale(added)));

    /// <summary>The amount asked, in the table's money unit (万元 or 元); null when the units cannot be matched.</summary>
    private static decimal? InFundUnit(Match a, string unit)
    {
        if (!decimal.TryParse(a.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v))
        {
            return null;
        }

        decimal yuan = a.Groups[2].Value switch
        {
            "亿" or "亿元" => v * 100_000_000m,
            "万" or "万元" => v * 10_000m,
            "元" => v,
            _ => unit == "元" ? v : v * 10_000m, // a bare number is read in the table's unit
        };
        return unit switch
        {
            "元" => yuan,
            "亿元" => yuan / 100_000_000m,
            _ => yuan / 10_000m,
        };
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(亿元|亿|万元|万|元)")]
    private static partial Regex AmountWithUnit();

    [GeneratedRegex(@"(?:支出|花|拨付|执行|用)了?\s*(\d+(?:\.\d+)?)()")]
    private static partial Regex AmountAfterVerb();

    [GeneratedRegex(@"执行率?(?:能|可以|要)?(?:达到|到达|提高到|提升到|升到|到|为|是)\s*(\d+(?:\.\d+)?)\s*[%％]")]
    private static partial Regex RateSet();

    [GeneratedRegex("再|多支出|多花|多执行|多拨付|追加|另外|额外|还要?(?:支出|花|执行)")]
    private static partial Regex AddWord();

    [GeneratedRegex("执行了|执行到|支出了|支出到|花了|用了|累计|一共|总共|全年执行|共执行|共支出")]
    private static partial Regex SetWord();

    [GeneratedRegex("全部|全都|都花|花完|用完|执行完|支出完|拨付完|到位")]
    private static partial Regex AllSpent();
}
