using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Session 43: yes/no questions on one row that had been answered with the rule or the figures alone —
/// whether a ceiling row went over its cap (平均支持金额285万，是不是超了上限 / 补助标准刚好3000，算不算超上限: 不是 first);
/// a target quoted wrongly (企业满意度93%，不是要求95%吗: the table's 指标值 is 90%, not 95%); whether a row was met (达标了吗,
/// also on a row judged by words, 较上年提升); and which fund lines are below the rate that needs a reason (哪些资金低于90%).
/// </summary>
public static partial class TableAnswers
{
    /// <summary>Whether the message asks yes or no on a ceiling row going over its cap (是不是超了上限, 超没超, 算不算超, 有没有超出).</summary>
    internal static bool OverCapYesNoAsked(string message) => OverCapYesNo().IsMatch(IntentRouter.Canonical(message ?? string.Empty));

    /// <summary>The target a message says the table requires (95 of 不是要求95%吗, 指标值是95%吧), with its decimals; null when none.</summary>
    internal static (decimal Value, int Decimals, bool Percent)? TargetPremiseAsked(string message)
    {
        Match m = TargetPremise().Match(IntentRouter.Canonical(message ?? string.Empty));
        return m.Success && PrintedNumber.TryParse(m.Groups["n"].Value, out PrintedNumber n) ? (n.Value, n.Decimals, m.Groups["u"].Success) : null;
    }

    /// <summary>
    /// Whether the message asks which fund lines are below the rate that needs a reason (哪些资金低于90%, 哪几块资金没到９０％,
    /// 低于90%的原因写了吗): true only when the bound asked is the policy's own (another bound is a question of its own).
    /// </summary>
    internal static bool FundsBelowAsked(string message, FactSheet sheet)
    {
        string c = IntentRouter.Canonical(message ?? string.Empty);
        Match m = FundsBelow().Match(c);
        return m.Success && !c.Contains("指标", StringComparison.Ordinal) && !c.Contains("完成率", StringComparison.Ordinal)
            && decimal.TryParse(m.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal bound)
            && bound == PolicyOf(sheet).LowExecutionThreshold * 100m && sheet.Report.Funds.Count > 1;
    }

    /// <summary>是不是超了上限 on a ceiling row: 是的 or 不是 first, then the row's figures and its score.</summary>
    internal static void OverCapYesNo(AnswerWriter w, int i)
    {
        string p = P(i);
        IndicatorResult r = w.Sheet.Report.Indicators[i];
        string name = Name(w.Sheet, i);
        bool equal = w.Sheet.Find(p + ".actual") is { } a && w.Sheet.Find(p + ".target") is { } t && a.Value == t.Value && a.Unit == t.Unit;
        w.Line(r.Status switch
        {
            IndicatorStatus.Short => $"是的，超出了上限：“{name}”设的是上限（越低越好），完成值高于上限，没有完成。",
            IndicatorStatus.Met or IndicatorStatus.Exceeded when equal => $"不算超：“{name}”的完成值正好等于上限，没有超出，已完成。",
            IndicatorStatus.Met or IndicatorStatus.Exceeded => $"不是，没有超出上限：“{name}”的完成值低于上限，已完成。",
            _ => $"表中无法判断“{name}”是否超出上限，请人工核对。",
        });
        RowFigures(w, i);
        if (w.Has(p + ".score") && w.Has(p + ".weight"))
        {
            w.Line(PointsWords(w, p) + "。");
        }
    }

    /// <summary>不是要求95%吗: the table's 指标值 first (是的 when the figure asked is it, 不是 when not), then the row's figures and score.</summary>
    internal static void TargetPremise(AnswerWriter w, int i, string message)
    {
        string p = P(i);
        string name = Name(w.Sheet, i);
        IndicatorResult r = w.Sheet.Report.Indicators[i];
        if (TargetPremiseAsked(message) is not { } asked || w.Sheet.Find(p + ".target") is not { } target)
        {
            RowScore(w, i);
            return;
        }

        string cap = UpperBound(r.Target.Text);
        string unit = asked.Percent ? "%" : target.Unit;
        string said = w.N(asked.Value, unit, asked.Decimals, "问题中所说的指标值（用户所问）");
        w.Line(target.Value == asked.Value
            ? $"是的。表中“{name}”的指标值是{cap}{w.F(p + ".target")}。"
            : $"不是。表中“{name}”的指标值是{cap}{w.F(p + ".target")}，不是{said}；下面按表中的指标值{w.F(p + ".target")}回答。");
        RowScore(w, i);
        StatusLine(w, i, message);
    }

    /// <summary>达标了吗 / 完成了没 on one row: its figures, then whether it was met in words (a row judged by words included).</summary>
    internal static void RowStatus(AnswerWriter w, int i, string message)
    {
        RowFigures(w, i);
        StatusLine(w, i, message);
    }

    [GeneratedRegex("(?:是不是|算不算|有没有|有无|是否)(?:已经)?(?:超|超过|超出|超标)|超没超|超了没|超了吗|超出了吗|超过了吗|超标了吗|超标没")]
    private static partial Regex OverCapYesNo();

    [GeneratedRegex(@"(?:要求|目标值?|指标值|标准|定的)(?:不是|是|为|要|得)?\s*(?:≥|>=|不低于|达到|达)?\s*(?<n>\d{1,9}(?:\.\d+)?)\s*(?<u>%)?[^，。？?\d]{0,4}(?:吗|嘛|么|吧|对吧|对吗)")]
    private static partial Regex TargetPremise();

    [GeneratedRegex(@"(?:低于|没到|不到|没达到|未达到|没有达到|不足|没过|没超过)\s*(?<n>\d{1,3}(?:\.\d+)?)\s*%")]
    private static partial Regex FundsBelow();
}
