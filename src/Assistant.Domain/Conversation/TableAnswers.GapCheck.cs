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

        if (QuotedGapUnit(message) is { } asked && gap.Unit.Trim() is { Length: > 0 } unit && asked != unit && asked != "个百分点")
        {
            OtherUnit(w, i, said, gap, asked, unit);
            return;
        }

        decimal actual = PrintedNumber.RoundHalfUp(Math.Abs(gap.Value), said.Decimals);
        string quoted = w.N(said.Value, gap.Unit, said.Decimals, "问题中的差距");
        w.Line(actual == said.Value ? "对。" : $"不对，不是{quoted}。");
        RowFigures(w, i); // 指标值、完成值、相差…: the gap as the table gives it
    }

    /// <summary>The unit the quoted gap is said in (36人 → 人, 2.5万 → 万元); null when none is said.</summary>
    private static string? QuotedGapUnit(string message) =>
        GapQuote().Match(IntentRouter.Canonical(message)) is { Success: true } m && m.Groups["u"].Value.Trim() is { Length: > 0 } u
            ? IntentRouter.QuotedUnit(m.Groups["n"].Value + u) : null;

    /// <summary>
    /// 差36人对吗 of a row counted in 人次 (session 45; before: 不是36人次): the table's unit is said plainly and the gap given in it, with
    /// whether the number itself is right. An amount in another unit of money is converted (差2.5万 of a row in 元), and so is a unit with
    /// 万 before it (0.18万亩 of a row in 亩); a count of other things (人 for 人次) never is.
    /// </summary>
    private static void OtherUnit(AnswerWriter w, int i, PrintedNumber said, Fact gap, string asked, string unit)
    {
        string name = Name(w.Sheet, i);
        decimal size = Math.Abs(gap.Value);
        // A row over its target (超出150人次) or over its ceiling is not short of anything: its gap is said as what it is.
        var row = w.Sheet.Report.Indicators[i];
        string apart = row.Status == Scoring.IndicatorStatus.Exceeded ? "超出指标值" : row.Rule == Scoring.IndicatorRule.Reverse ? "超出上限" : "相差";
        if (Scale(asked, unit) is { } scale)
        {
            (decimal from, decimal to) = scale;
            decimal inAsked = size * from / to;
            // As many decimals as the exact amount needs (1800亩 = 0.18万亩), at most four, at least the question's.
            int places = said.Decimals;
            while (places < 4 && Math.Round(inAsked, places) != inAsked)
            {
                places++;
            }

            decimal shown = PrintedNumber.RoundHalfUp(inAsked, places);
            string converted = $"{(shown != inAsked ? "约" : string.Empty)}{w.N(shown, asked, places, $"相差（表中{unit}换算为问题所问的{asked}）")}";
            bool right = PrintedNumber.RoundHalfUp(inAsked, said.Decimals) == said.Value;
            w.Line(right
                ? $"对。表中“{name}”以{unit}计，{apart}{w.N(size, unit, gap.Decimals, apart)}，合{converted}。"
                : $"不对，表中“{name}”以{unit}计，{apart}{w.N(size, unit, gap.Decimals, apart)}，合{converted}，不是{w.N(said.Value, asked, said.Decimals, "问题中的差距")}。");
            RowFigures(w, i);
            return;
        }

        bool same = PrintedNumber.RoundHalfUp(size, said.Decimals) == said.Value;
        string table = w.N(size, unit, gap.Decimals, apart);
        w.Line(same
            ? $"数字对，单位不同：表中“{name}”按{unit}统计，不按{asked}统计，{apart}{table}。"
            : $"不对，表中“{name}”按{unit}统计，不按{asked}统计；{apart}{table}，不是{w.N(said.Value, string.Empty, said.Decimals, "问题中的差距")}。");
        RowFigures(w, i);
    }

    /// <summary>
    /// How many base units each of two units holds when one converts exactly into the other: two units of money (元, 万元, 亿元), or a
    /// unit and the same with 万 before it (亩 and 万亩, 人次 and 万人次); null for two counts of different things (人 and 人次, 个 and 项).
    /// </summary>
    private static (decimal From, decimal To)? Scale(string asked, string unit)
    {
        if (YuanPer(asked) is { } to && YuanPer(unit) is { } from)
        {
            return (from, to);
        }

        // 亩 and 万亩, 人次 and 万人次: the same base read by the shared unit reader, each with its magnitude.
        UnitSpec a = UnitSpec.Parse(asked), u = UnitSpec.Parse(unit);
        return a.Base.Length > 0 && a.Base == u.Base && a.Multiplier != u.Multiplier ? (u.Multiplier, a.Multiplier) : null;
    }

    // 差36人对吗, 相差540人次，对不对, 差了6座是吧, 少了2.5个百分点吗.
    [GeneratedRegex(@"(?:还差|差了|相差|差|少了|缺了|少|缺)\s*(?<n>\d+(?:\.\d+)?)\s*(?<u>个百分点|[^\d\s，,。？?、对是吗没]{0,3})\s*[，,]?\s*(?:对吗|对不对|对吧|对么|是吗|是不是|是吧|没错吧|没错吗|准不准|吗)")]
    private static partial Regex GapQuote();
}
