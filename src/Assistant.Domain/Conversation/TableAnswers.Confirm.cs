using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>
/// 州市级资金执行率是不是73.2% / 老年人健康管理完成率是90%吗: a yes or a no first, then the exact figure and how it is
/// worked out; a figure asked with fewer decimals is right when the exact one rounds (half up) to it.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>The percentage a yes/no question quotes (73.2 from 是不是73.2%), and its decimals; null when none.</summary>
    internal static (decimal Value, int Decimals)? ConfirmAsked(string message) => AskedFigure(AskedPercent(), message);

    /// <summary>The figure (group <c>n</c>) a yes/no quotes by <paramref name="pattern"/> in the canonical message, with its printed decimals; null when none.</summary>
    internal static (decimal Value, int Decimals)? AskedFigure(Regex pattern, string message) =>
        pattern.Match(IntentRouter.Canonical(message ?? string.Empty)) is { Success: true } p && PrintedNumber.TryParse(p.Groups["n"].Value, out PrintedNumber n)
            ? (n.Value, n.Decimals)
            : null;

    /// <summary>The rate of fund line <paramref name="funds"/>[0] (else the whole project's) or row <paramref name="rows"/>[0]'s 完成率, checked against the figure asked.</summary>
    internal static void Confirm(AnswerWriter w, string message, IReadOnlyList<int> rows, IReadOnlyList<int> funds)
    {
        var s = w.Sheet;
        // 扣了2.75分吗 / 得满分对吧: that row's points lost or full marks, whatever percentages the message quotes (session 42).
        if (rows.Count == 1 && funds.Count == 0 && ConfirmRowPoints(w, message, rows[0]))
        {
            return;
        }

        if (ConfirmAsked(message) is not { } asked)
        {
            if (ConfirmAskedMoney(message) is { } money && rows.Count == 0)
            {
                ConfirmMoney(w, message, money, funds);
            }
            else if (ConfirmAskedPoints(message) is { } points)
            {
                ConfirmPoints(w, points, rows);
            }

            return;
        }

        string id, what, how;
        Numbers.PrintedNumber? printedRate = null;
        if (rows.Count == 1 && s.Report.Indicators[rows[0]].Rule == Scoring.IndicatorRule.Reverse && w.Has(P(rows[0]) + ".completion"))
        {
            ConfirmCeiling(w, rows[0], asked, message);
            return;
        }

        if (rows.Count == 1)
        {
            string p = P(rows[0]);
            id = p + ".completion";
            what = $"“{Name(s, rows[0])}”的完成率";
            how = w.Has(id) ? $"{w.F(p + ".actual")} ÷ {w.F(p + ".target")}" : string.Empty;
            if (!w.Has(id))
            {
                w.Line($"“{Name(s, rows[0])}”没有可计算的完成率（指标值或完成值不是可比较的数），无法回答是或不是；下面是这一项的情况。");
                RowFigures(w, rows[0]);
                return;
            }
        }
        else if ((funds.Count > 0 ? funds[0] : RootFund(s)) is { } f)
        {
            string p = $"funds.lines[{f}]";
            id = p + ".rate";
            what = $"“{s.Evaluation.Funds.Lines[f].Name.Trim()}”的执行率";
            printedRate = s.Evaluation.Funds.Lines[f].PrintedRate;
            how = $"全年执行数{w.F(p + ".executed")} ÷ 全年预算数{w.F(p + ".budget")}";
            if (!w.Has(id))
            {
                w.Line($"表中算不出{what}（缺少全年预算数或全年执行数），无法回答是或不是。");
                return;
            }
        }
        else
        {
            return;
        }

        decimal exact = s.Find(id)!.Value;
        decimal rounded = Math.Round(exact, asked.Decimals, MidpointRounding.AwayFromZero);
        string formula = how.Length > 0 ? $"（{how}）" : string.Empty;
        if (rounded == asked.Value)
        {
            string more = asked.Decimals < 2 && Math.Round(exact, 2, MidpointRounding.AwayFromZero) != asked.Value
                ? $"，保留{(asked.Decimals == 0 ? "整数" : "一位小数")}是{w.N(rounded, "%", asked.Decimals, "执行率或完成率按问题的位数四舍五入")}"
                : string.Empty;
            w.Line($"是的。{what}为{w.F(id)}{formula}{more}。");
        }
        else
        {
            w.Line($"不是。{what}为{w.F(id)}{formula}，不是问题中的{w.N(asked.Value, "%", asked.Decimals, "问题中的百分比（用户所问）")}。");
        }

        PrintedDiffers(w, printedRate, exact, asked, "%", "执行率", "全年执行数 ÷ 全年预算数计算");
        // 市级资金执行率６０％是不是太低了，要写原因吗: the line against the threshold, with its reason or none (session 43: dropped).
        if (rows.Count == 0 && (funds.Count > 0 ? funds[0] : RootFund(s)) is { } line && IntentRouter.AsksReasonNeeded(message))
        {
            FundReasonNeeded(w, [line], PolicyOf(s));
        }

        if (rows.Count == 1 && StatusAsked(message))
        {
            StatusLine(w, rows[0], message); // 完成率是83%吗？是不是没完成: the second half answered too
        }
    }

    /// <summary>
    /// 执行率是不是77.12% where the table prints 77.12% and the division gives 77.11%: says the figure asked is the table's own
    /// printed one and that it is wrong (the calculator's finding), so the unit corrects the table, not only its question.
    /// Also when the answer is yes to the computed figure and the table printed another.
    /// </summary>
    private static void PrintedDiffers(AnswerWriter w, Numbers.PrintedNumber? printed, decimal exact, (decimal Value, int Decimals) asked, string unit, string what, string how)
    {
        if (printed is not { } pr || Math.Round(exact, pr.Decimals, MidpointRounding.AwayFromZero) == pr.Value)
        {
            return;
        }

        string shown = w.N(pr.Value, unit, pr.Decimals, $"表中填报的{what}（表中）");
        w.Line(pr.Value == asked.Value
            ? $"表中填报的是{shown}，与按{how}的结果不一致（问题中的数正是表中填错的这一格），请按计算结果更正。"
            : $"另外，表中填报的是{shown}，与按{how}的结果不一致，请按计算结果更正。");
    }

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,3}(?:\.\d+)?)\s*%")]
    private static partial Regex AskedPercent();

    /// <summary>
    /// The points a yes/no question quotes (95.88 from 总分是不是95.88？, 5 from 那项得分是5分吗), and its decimals; null when
    /// the question quotes a percentage (that is <see cref="ConfirmAsked"/>'s) or no number of points.
    /// </summary>
    internal static (decimal Value, int Decimals)? ConfirmAskedPoints(string message)
    {
        string m = IntentRouter.Canonical(message ?? string.Empty);
        if (AskedPercent().IsMatch(m))
        {
            return null;
        }

        Match p = AskedPoints().Match(m);
        if (!p.Success)
        {
            p = AskedBareNumber().Match(m);
        }

        if (!p.Success || !decimal.TryParse(p.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value))
        {
            return null;
        }

        int dot = p.Groups["n"].Value.IndexOf('.', StringComparison.Ordinal);
        return (value, dot < 0 ? 0 : p.Groups["n"].Value.Length - dot - 1);
    }

    /// <summary>
    /// Row <paramref name="rows"/>[0]'s 得分, else the table's 总分, checked against the points asked; when the figure asked is
    /// what the table printed and the calculation differs, says so (the unit copied its own wrong figure).
    /// </summary>
    private static void ConfirmPoints(AnswerWriter w, (decimal Value, int Decimals) asked, IReadOnlyList<int> rows)
    {
        var s = w.Sheet;
        string id, what;
        Numbers.PrintedNumber? printed;
        if (rows.Count == 1)
        {
            id = P(rows[0]) + ".score";
            what = $"“{Name(s, rows[0])}”的得分";
            printed = s.Evaluation.Indicators[rows[0]].PrintedScore;
            if (!w.Has(id))
            {
                w.Line($"“{Name(s, rows[0])}”没有算出的得分（未计分或无法计分），无法回答是或不是；下面是这一项的情况。");
                RowFigures(w, rows[0]);
                return;
            }
        }
        else
        {
            id = "total";
            what = "本表总分";
            printed = s.Evaluation.PrintedTotal;
            if (!Scored(s) || !w.Has("total"))
            {
                w.Line("本表不计总分或算不出总分（缺少分值或得分），无法回答是或不是。");
                return;
            }
        }

        decimal exact = s.Find(id)!.Value;
        decimal rounded = Math.Round(exact, asked.Decimals, MidpointRounding.AwayFromZero);
        string askedText = w.N(asked.Value, "分", asked.Decimals, "问题中的分数（用户所问）");
        if (rounded == asked.Value)
        {
            string more = asked.Decimals < 2 && Math.Round(exact, 2, MidpointRounding.AwayFromZero) != asked.Value
                ? $"，保留{(asked.Decimals == 0 ? "整数" : "一位小数")}是{w.N(rounded, "分", asked.Decimals, "得分按问题的位数四舍五入")}"
                : string.Empty;
            w.Line($"是的。{what}为{w.F(id)}{more}。");
            PrintedDiffers(w, printed, exact, asked, "分", rows.Count == 1 ? "得分" : "总分", "评分规则计算");
            return;
        }

        w.Line($"不是。{what}为{w.F(id)}，不是问题中的{askedText}。");
        PrintedDiffers(w, printed, exact, asked, "分", rows.Count == 1 ? "得分" : "总分", "评分规则计算");
    }

    /// <summary>A number of points: 95.88分, 5分 (not 分之, not 满分10分's 10 when another is asked).</summary>
    [GeneratedRegex(@"(?<!满分\s*)(?<![\d.])(?<n>\d{1,3}(?:\.\d+)?)\s*分(?!之)")]
    private static partial Regex AskedPoints();

    /// <summary>
    /// A bare number right after the question's yes/no or its verb (总分是不是95.88, 得分为5吗), or right before its check word
    /// (总分87.76对不对, 得分7.2对吗: probe 38 #10).
    /// </summary>
    [GeneratedRegex(@"(?:是不是|是否为|是否|是|为|等于|有|得了|拿了|写成?|填成?)\s*(?<n>\d{1,3}(?:\.\d+)?)(?![\d.%])|(?<![\d.第])(?<n>\d{1,3}(?:\.\d+)?)\s*[，,]?\s*(?=对不对|对吗|对吧|对么|没错吧|没错吗|准不准|准确吗|行不行|行吗|可以吗|没问题)")]
    private static partial Regex AskedBareNumber();
}
