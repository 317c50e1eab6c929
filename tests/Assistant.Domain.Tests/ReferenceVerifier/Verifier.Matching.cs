// Frozen restatement, split from Verifier.cs (session 32): how a number matches a fact (direct, through rounding,
// derived), the roles keywords give it, and the facts written inside text cells.
using Assistant.Domain.Verification;
using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests.ReferenceVerifier;

public sealed partial class Verifier
{
    private static string FundCore(string s) => s.Replace("财政", string.Empty, StringComparison.Ordinal).Replace("资金", string.Empty, StringComparison.Ordinal)
        .Replace("年度", string.Empty, StringComparison.Ordinal).Replace("其中", string.Empty, StringComparison.Ordinal);

    private CheckedMention? Direct(Mention m, PrintedNumber number, List<Candidate> scope)
    {
        CheckedMention? throughRounding = null;
        foreach (Candidate c in scope)
        {
            if (!Compatible(m.Unit, c.Unit))
            {
                continue;
            }

            (decimal value, Interval? range) = c.InMentionUnits(m.Unit);

            if (Matches(m, number, value) || (m.Unit.IsEmpty && c.Unit.Base.Length > 0 && Matches(m, number, c.Fact.Value)))
            {
                return new CheckedMention(m, Verdict.Verified, c.Fact.Id, null);
            }

            if (throughRounding is null && range is { } r && RoundsTo(number.Interval, r) && !m.IsApproximate
                && !(c.Fact.Kind == FactKind.Derived && c.Fact.IndicatorIndex is { } row && ExactOperands(row))
                && !HalfUpRates.RefusesTolerance(_sheet, c.Fact, number))
            {
                throughRounding = new CheckedMention(m, Verdict.Verified, c.Fact.Id,
                    $"按表中数字计算为{c.Fact.Text}；仅在表中数字的四舍五入范围内一致");
            }
        }

        if (throughRounding is null && m.Unit.Base.Length > 0)
        {
            // 20.72万人 for 20.72万人次, 1200元 for 1200元/人: the same printed figure with its unit shortened.
            foreach (Candidate c in scope)
            {
                if (c.Unit.Base.Length > m.Unit.Base.Length && c.Unit.Base.StartsWith(m.Unit.Base, StringComparison.Ordinal)
                    && c.Unit.Base is not "个百分点" && Matches(m, number, c.InMentionUnits(new UnitSpec(m.Unit.Magnitude, m.Unit.Multiplier, c.Unit.Base)).Value))
                {
                    return new CheckedMention(m, Verdict.Verified, c.Fact.Id, $"表中单位为{c.Unit.Text}，文中写作{m.Unit.Text}");
                }
            }
        }

        return throughRounding;
    }

    /// <summary>
    /// Whether some value the printed inputs allow prints as the mention. Half-up rounding makes both
    /// half-open: 102 % stands for [101.5, 102.5), and an input printed as 100 % for [99.5, 100.5).
    /// </summary>
    private static bool RoundsTo(Interval mention, Interval range) =>
        range.IsPoint
            ? mention.Low <= range.Low && range.Low < mention.High
            : mention.Low < range.High && range.Low < mention.High;

    private static bool Matches(Mention m, PrintedNumber number, decimal value)
    {
        if (PrintedNumber.RoundHalfUp(value, number.Decimals) == number.Value)
        {
            return true;
        }

        if (number.Value == 0)
        {
            return false;
        }

        return m.Qualifier switch
        {
            "约" or "约为" or "大约" or "左右" => Approximately(number, value),
            "近" or "将近" or "接近" => value <= number.Value && value >= number.Value * 0.9m,
            "超过" or "逾" or "以上" or "不低于" or "不少于" => value >= number.Value && value <= number.Value * 1.5m,
            "不超过" or "不高于" or "以下" => value <= number.Value && value >= number.Value * 0.5m,
            _ => false,
        };
    }

    /// <summary>The interval a printed fact stands for (its last printed digit ± half), in the mention's magnitude.</summary>
    private Interval Printed(Candidate c, UnitSpec mention)
    {
        decimal factor = c.Unit.Multiplier / mention.Multiplier;
        // A target is set, not measured, and a whole count (2903人) is counted: exact as printed.
        if (c.Fact.Kind == FactKind.Derived || (c.Fact.IndicatorIndex is { } i && (Measure(c.Fact) == "target"
            || (Measure(c.Fact) == "actual" && (_sheet.Report.Indicators[i].Actual is QuantityCell { IsExactCount: true } || ExactOperands(i))))))
        {
            return c.Fact.Range?.Scale(factor) ?? Interval.Point(c.Fact.Value * factor);
        }

        decimal half = 0.5m * PrintedNumber.Unit(c.Fact.Decimals);
        return new Interval(c.Fact.Value - half, c.Fact.Value + half).Scale(factor);
    }

    private enum Role
    {
        None,
        Completion,
        Execution,
        Balance,
        Gap,
    }

    /// <summary>What a keyword right before the number names: a rate (完成率为, 执行率), a 结余, a gap (低于目标…).</summary>
    private static Role RoleOf(string before, string after, bool percent)
    {
        if (percent && CompletionWords().IsMatch(before))
        {
            return Role.Completion;
        }

        if (percent && ExecutionWords().IsMatch(before))
        {
            return Role.Execution;
        }

        if (BalanceWords().IsMatch(before))
        {
            return Role.Balance;
        }

        return DirectionWords().IsMatch(before) && !FollowsTarget().IsMatch(after) ? Role.Gap : Role.None;
    }

    private static string Measure(Fact f)
    {
        int bracket = f.Id.LastIndexOf(']');
        int from = bracket >= 0 && bracket + 1 < f.Id.Length && f.Id[bracket + 1] == '.' ? bracket + 2 : f.Id.LastIndexOf('.') + 1;
        return f.Id[from..];
    }

    private static bool IsGapFact(Fact f) => Measure(f) is "gap" or "excess" or "shortfall";

    private static bool Plays(Fact f, Role role) => role switch
    {
        Role.Completion => Measure(f) == "completion",
        Role.Execution => Measure(f) == "rate" && f.FundLineIndex is not null,
        Role.Balance => Measure(f) == "balance",
        _ => true,
    };

    private static bool IsOperandOf(Fact f, Role role) => role switch
    {
        Role.Completion => f.IndicatorIndex is not null && Measure(f) is "actual" or "target",
        Role.Execution or Role.Balance => f.FundLineIndex is not null && Measure(f) is "executed" or "budget",
        _ => true,
    };

    /// <summary>A 结余 is what one line (or the total) left of its budget: budget − executed, nothing else.</summary>
    private static bool Balance(Fact a, Fact b) =>
        a.FundLineIndex is not null && a.FundLineIndex == b.FundLineIndex && Measure(a) == "budget" && Measure(b) == "executed";

    /// <summary>Two rates whose difference means something: an indicator's actual and target; two fund lines' 执行率; a rate and its target.</summary>
    private static bool RateGap(Fact a, Fact b)
    {
        if (a.IndicatorIndex is { } ai)
        {
            return ai == b.IndicatorIndex && Measure(a) is "actual" or "target" && Measure(b) is "actual" or "target" && Measure(a) != Measure(b);
        }

        return a.FundLineIndex is not null && b.FundLineIndex is not null && Measure(a) == "rate" && Measure(b) == "rate";
    }

    /// <summary>Differences that mean something: an indicator's actual and target; a fund line's budget and spending; two fund lines' same column.</summary>
    private static bool Gap(Fact a, Fact b)
    {
        if (a.IndicatorIndex is not null)
        {
            return Measure(a) is "actual" or "target" && Measure(b) is "actual" or "target";
        }

        return a.FundLineIndex == b.FundLineIndex
            ? Measure(a) is "budget" or "initialBudget" && Measure(b) is "executed" or "budget"
            : Measure(a) == Measure(b);
    }

    /// <summary>Ratios that mean something: actual ÷ target; executed ÷ budget of one line; a part ÷ its whole in one column.</summary>
    private static bool Ratio(Fact a, Fact b)
    {
        if (a.IndicatorIndex is not null)
        {
            return Measure(a) == "actual" && Measure(b) == "target";
        }

        return a.FundLineIndex == b.FundLineIndex
            ? Measure(a) is "executed" && Measure(b) is "budget" or "initialBudget"
            : Measure(a) == Measure(b) && a.Value <= b.Value;
    }

    private static decimal Distance(Mention m, PrintedNumber number, Candidate c) =>
        Math.Abs(c.InMentionUnits(m.Unit).Value - number.Value);

    /// <summary>A mention's unit and a fact's unit can describe the same thing.</summary>
    private static bool Compatible(UnitSpec mention, UnitSpec fact)
    {
        if (mention.Base.Length == 0 || fact.Base.Length == 0)
        {
            // A bare number: compatible with counts and amounts, not with percentages or scores.
            return mention.Base.Length == 0 ? fact.Base is not ("%" or "个百分点" or "分") || mention.Magnitude.Length == 0 : mention.Base is not ("%" or "个百分点" or "个千分点");
        }

        return mention.Base == fact.Base || (mention.Base is "%" or "个百分点" && fact.Base is "%" or "个百分点")
            || (mention.Base is "‰" or "个千分点" && fact.Base is "‰" or "个千分点")
            || Assistant.Domain.Cells.CellUnits.SameUnit(mention.Base, fact.Base) // 171.5/10万 of a row in 例/10万人 (session 36)
            || Assistant.Domain.Verification.Verifier.SamePersons(mention.Base, fact.Base); // 46215名 of a row in 人 (session 38)
    }

    /// <summary>Numbers written inside text cells (<c>不超过其实际缴费额的2/3</c>) are facts of their indicator too.</summary>
    private static IEnumerable<Fact> TextNumberFacts(FactSheet sheet)
    {
        for (int i = 0; i < sheet.Report.Indicators.Count; i++)
        {
            IndicatorResult r = sheet.Report.Indicators[i];
            foreach ((Cell cell, string which) in new[] { (r.Target, "target"), (r.Actual, "actual") })
            {
                if (cell is CompoundCell c)
                {
                    for (int k = 0; k < c.Numbers.Count; k++)
                    {
                        yield return new Fact($"indicators[{i}].{which}Text[{k}]", $"{r.Name}{(which == "target" ? "指标值" : "完成值")}文字中的数字",
                            c.Numbers[k].Value, string.Empty, c.Numbers[k].Decimals, FactKind.Input) { IndicatorIndex = i };
                    }
                }
            }
        }
    }
}
