using System.Text.RegularExpressions;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// A yes/no on a row's 完成率 that also asks whether the row was met (森林火灾受害率0.3‰，完成率是33.33%吗？是不是没完成, session 41):
/// each part answered. A row with a ceiling (≤0.9‰, 越低越好) is stated by its limit, never by a 完成率 (README): the ratio of the
/// result to the cap is said to be no 完成率, then whether the row stayed under its cap.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>Whether the message also asks if the row was met (是不是没完成, 完成了吗, 达标没有, 算不算完成).</summary>
    internal static bool StatusAsked(string message) => StatusAsk().IsMatch(IntentRouter.Canonical(message ?? string.Empty));

    /// <summary>A row with a ceiling, asked by a 完成率: not a 完成率; its limit, its result, and whether it was met.</summary>
    private static void ConfirmCeiling(AnswerWriter w, int i, (decimal Value, int Decimals) asked, string message)
    {
        string p = P(i);
        string name = Name(w.Sheet, i);
        string askedText = w.N(asked.Value, "%", asked.Decimals, "问题中的百分比（用户所问）");
        string ratio = w.Has(p + ".actual") && w.Has(p + ".target") ? $"（{w.F(p + ".actual")} ÷ {w.F(p + ".target")}）" : string.Empty;
        w.Line($"不能这样说。“{name}”设的是上限（越低越好），按是否超出上限判断，不用完成率表述；问题中的{askedText}只是完成值与上限之比{ratio}，报告里不要写成完成率。");
        RowFigures(w, i);
        StatusLine(w, i, message);
    }

    /// <summary>是的/不是 to 是不是没完成 (or 完成了吗), then the row's state in words, with its score when it has one.</summary>
    private static void StatusLine(AnswerWriter w, int i, string message)
    {
        string p = P(i);
        IndicatorResult r = w.Sheet.Report.Indicators[i];
        bool reverse = r.Rule == IndicatorRule.Reverse;
        bool negative = NotMetAsk().IsMatch(IntentRouter.Canonical(message));
        string score = w.Has(p + ".score") && w.Has(p + ".weight") ? $"，得{w.F(p + ".score")}（分值{w.F(p + ".weight")}）" : string.Empty;
        switch (r.Status)
        {
            case IndicatorStatus.Met or IndicatorStatus.Exceeded:
                string how = reverse ? "没有超出上限，已完成" : "已达到指标值，已完成";
                w.Line($"{(negative ? "不是没完成：" : "完成了：")}“{Name(w.Sheet, i)}”{how}{score}。");
                break;
            case IndicatorStatus.Short:
                string shortHow = reverse ? "超出上限，没有完成" : "没有达到指标值";
                w.Line($"{(negative ? "是的，没有完成：" : "没有完成：")}“{Name(w.Sheet, i)}”{shortHow}{score}，须在报告中说明原因。");
                break;
            default:
                w.Line($"表中无法判断“{Name(w.Sheet, i)}”是否完成，请人工核对。");
                break;
        }
    }

    [GeneratedRegex("没完成|未完成|完成了吗|完成了没|完成没|是否完成|算不算完成|算完成|达标了吗|达标没|是否达标|没达标|未达标|没达到|达到了吗")]
    private static partial Regex StatusAsk();

    [GeneratedRegex("没完成|未完成|没达标|未达标|没达到")]
    private static partial Regex NotMetAsk();
}
