using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>What a number's words say it is (a rate, a 结余, a gap), and which facts and pairs of facts can play that part.</summary>
public sealed partial class Verifier
{
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

        // The pattern needs 执行率 written: a plain search first (the regex's own search for a start was ~3 % of a verification).
        if (percent && before.Contains("执行率", StringComparison.Ordinal) && ExecutionWords().IsMatch(before))
        {
            return Role.Execution;
        }

        if (BalanceWords().IsMatch(before))
        {
            return Role.Balance;
        }

        return DirectionWords().IsMatch(before) && !FollowsTarget().IsMatch(after) ? Role.Gap : Role.None;
    }

    /// <summary>
    /// 剩余3座, 未完成2处: after a 结余 word, a count or quantity (not money, not a rate) is what a row has left to do —
    /// its target − actual, a gap — not a fund line's 结余.
    /// </summary>
    internal static bool IsRowRemainder(Numbers.UnitSpec unit) =>
        unit.Base.Length > 0 && !unit.Base.StartsWith('元') && unit.Base is not ("%" or "‰" or "个百分点" or "个千分点" or "分");

    private static bool IsGapFact(string measure) => measure is "gap" or "excess" or "shortfall";

    private static bool Plays(Candidate c, Role role) => role switch
    {
        Role.Completion => c.Measure == "completion",
        Role.Execution => c.Measure == "rate" && c.Fact.FundLineIndex is not null,
        Role.Balance => c.Measure == "balance",
        _ => true,
    };

    private static bool IsOperandOf(Candidate c, Role role) => role switch
    {
        Role.Completion => c.Fact.IndicatorIndex is not null && c.Measure is "actual" or "target",
        Role.Execution or Role.Balance => c.Fact.FundLineIndex is not null && c.Measure is "executed" or "budget",
        _ => true,
    };

    /// <summary>A 结余 is what one line (or the total) left of its budget: budget − executed, nothing else.</summary>
    internal static bool Balance(Candidate a, Candidate b) =>
        a.Fact.FundLineIndex is not null && a.Fact.FundLineIndex == b.Fact.FundLineIndex && a.Measure == "budget" && b.Measure == "executed";

    /// <summary>Two rates whose difference means something: an indicator's actual and target; two fund lines' 执行率; a rate and its target.</summary>
    internal static bool RateGap(Candidate a, Candidate b)
    {
        if (a.Fact.IndicatorIndex is { } ai)
        {
            return ai == b.Fact.IndicatorIndex && a.Measure is "actual" or "target" && b.Measure is "actual" or "target" && a.Measure != b.Measure;
        }

        return a.Fact.FundLineIndex is not null && b.Fact.FundLineIndex is not null && a.Measure == "rate" && b.Measure == "rate";
    }

    /// <summary>Differences that mean something: an indicator's actual and target; a fund line's budget and spending; two fund lines' same column.</summary>
    internal static bool Gap(Candidate a, Candidate b)
    {
        if (a.Fact.IndicatorIndex is not null)
        {
            return a.Measure is "actual" or "target" && b.Measure is "actual" or "target";
        }

        return a.Fact.FundLineIndex == b.Fact.FundLineIndex
            ? a.Measure is "budget" or "initialBudget" && b.Measure is "executed" or "budget"
            : a.Measure == b.Measure;
    }

    /// <summary>Ratios that mean something: actual ÷ target; executed ÷ budget of one line; a part ÷ its whole in one column.</summary>
    internal static bool Ratio(Candidate a, Candidate b)
    {
        if (a.Fact.IndicatorIndex is not null)
        {
            return a.Measure == "actual" && b.Measure == "target";
        }

        return a.Fact.FundLineIndex == b.Fact.FundLineIndex
            ? a.Measure is "executed" && b.Measure is "budget" or "initialBudget"
            : a.Measure == b.Measure && a.Fact.Value <= b.Fact.Value;
    }

    [GeneratedRegex(@"(?:完成率|完成比例|完成进度|完成(?:了)?(?:年度)?(?:预期)?(?:目标|任务|目标任务|指标值|计划)的?)\s*(?:为|是|达到?|仅为|只有)?\s*(?:约|近|超过)?\s*$")]
    private static partial Regex CompletionWords();

    [GeneratedRegex(@"(?:预算)?执行率\s*(?:为|是|达到?|仅为|只有)?\s*(?:约|近|超过)?\s*$")]
    private static partial Regex ExecutionWords();

    [GeneratedRegex(@"(?<!上年|以前年度|往年|历年|上一年)(?:结余|结转(?:结余)?(?:至|到)?(?:下一?年度?)?|未执行|剩余|未支出|未使用)(?:资金|金额|部分)?\s*(?:为|是|达|共|约|计)?\s*$")]
    private static partial Regex BalanceWords();

    [GeneratedRegex(@"(?:(?:比|较)(?:年度)?(?:" + DirectionTerms.TargetNouns + @"))?(?:(?<lo>" + DirectionTerms.Lower + @")|(?<hi>" + DirectionTerms.Higher + @"))(?:了)?(?:年度)?(?:预期)?(?:目标任务|目标值|指标值|目标|任务|计划)?(?:了)?\s*$|(?:比|较)(?:年度)?(?:控制)?(?:" + DirectionTerms.TargetNouns + "|" + DirectionTerms.CeilingNouns + @")值?(?:(?<lo>低)|(?<hi>高))(?:出|了)?\s*$")]
    private static partial Regex DirectionWords();

    /// <summary>
    /// 资金方面，执行率低于90% (session 35, chat probe 34 #16): a percentage right after 执行率低于 / 不足 / 未达到 that equals the
    /// policy's threshold for explaining a low execution is that rule's figure, not an indicator's ≥90% target. Null otherwise.
    /// </summary>
    public static CheckedMention? ExecutionThreshold(FactSheet sheet, Mention m, PrintedNumber number, string before)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(m);
        if (m.Unit.Base != "%" || !ThresholdWords().IsMatch(before ?? string.Empty))
        {
            return null;
        }

        decimal threshold = (Scoring.ScoringPolicy.Find(sheet.Report.PolicyName) ?? Scoring.ScoringPolicy.Default).LowExecutionThreshold * 100m;
        return number.Value == threshold
            ? new CheckedMention(m, Verdict.Verified, "policy.lowExecutionThreshold", $"评分规则中需说明原因的执行率界限（{PrintedNumber.Format(threshold, 0)}%）")
            : null;
    }

    [GeneratedRegex(@"执行率(?:均|仍|都|若|如)?(?:低于|不足|未达到|未达|达不到|不到|不满)\s*$")]
    private static partial Regex ThresholdWords();

    /// <summary>
    /// 达到50公里的目标 (session 35, chat probe 34 #14): a unit the number pattern does not read (公里, 公斤…) between the number
    /// and 的目标 still makes the number the target the sentence quotes, judged by the claim, not a second alarm.
    /// </summary>
    public static bool TargetAfterUnit(string after) => UnitThenTarget().IsMatch(after ?? string.Empty);

    [GeneratedRegex(@"^\s*[\u4e00-\u9fa5/]{1,4}?的(?:年度|预期)?(?:目标|任务|要求)")]
    private static partial Regex UnitThenTarget();

    /// <summary>"…1.6万人的要求": the number is the target the sentence compares with, not a gap.</summary>
    [GeneratedRegex(@"^\s*(?:的)?(?:要求|目标|任务|标准)")]
    private static partial Regex FollowsTarget();
}
