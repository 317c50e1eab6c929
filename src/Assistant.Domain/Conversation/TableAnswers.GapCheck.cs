using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

public static partial class TableAnswers
{
    /// <summary>差36人对吗 / 相差540人次，对不对 / 少了6座吧: the gap the message quotes and asks to be checked, or null (session 44).</summary>
    internal static PrintedNumber? GapQuoted(string? message) =>
        !string.IsNullOrEmpty(message) && GapQuote().Match(IntentRouter.Canonical(message)) is { Success: true } m
            && PrintedNumber.TryParse(m.Groups["n"].Value, out PrintedNumber n) ? n : null;

    /// <summary>
    /// A quoted gap checked against the row's own: 指标值 − 完成值 (for a ceiling row, 完成值 − 上限), said 对 or 不对 first, then the row's
    /// figures. A row without a gap (met, or qualitative) is said to have none.
    /// </summary>
    internal static void GapCheck(AnswerWriter w, int i, string message)
    {
        string p = P(i);
        string name = Name(w.Sheet, i);
        if (GapQuoted(message) is not { } said)
        {
            RowFigures(w, i);
            return;
        }

        if (w.Sheet.Find(p + ".gap") is not { } gap)
        {
            w.Line($"“{name}”没有差距：{(w.Sheet.Report.Indicators[i].Status == Scoring.IndicatorStatus.Short ? "表中无法按数字算出差距" : "这一项达到了指标值")}。");
            RowFigures(w, i);
            return;
        }

        decimal actual = PrintedNumber.RoundHalfUp(Math.Abs(gap.Value), said.Decimals);
        string quoted = w.N(said.Value, gap.Unit, said.Decimals, "问题中的差距");
        w.Line(actual == said.Value ? "对。" : $"不对，不是{quoted}。");
        RowFigures(w, i); // 指标值、完成值、相差…: the gap as the table gives it
    }

    // 差36人对吗, 相差540人次，对不对, 差了6座是吧, 少了2.5个百分点吗.
    [GeneratedRegex(@"(?:还差|差了|相差|差|少了|缺了|少|缺)\s*(?<n>\d+(?:\.\d+)?)\s*(?:个百分点|[^\d\s，,。？?、对是吗没]{0,3})\s*[，,]?\s*(?:对吗|对不对|对吧|对么|是吗|是不是|是吧|没错吧|没错吗|准不准|吗)")]
    private static partial Regex GapQuote();
}
