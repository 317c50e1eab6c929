using System.Text.RegularExpressions;

namespace Assistant.Domain.Conversation;

/// <summary>
/// A yes/no on one row's points lost (辅助器具适配扣了2.75分吗 / 是不是扣了3分) or on whether it got full marks (得满分对吧 / 拿满分了吗,
/// session 42: both had been answered with the row's figures and no 是的/不是): 是的 or 不是 first, then the row's 得分, 分值 and 扣分.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>The points lost a yes/no quotes (2.75 from 扣了2.75分吗), with its decimals; null when none.</summary>
    internal static (decimal Value, int Decimals)? ConfirmAskedLost(string message) => AskedFigure(LostYesNo(), message);

    /// <summary>Whether the message asks yes or no on full marks (得满分对吧, 是不是满分, 拿满分了吗; not 能给满分吗, a question of the rule).</summary>
    internal static bool FullMarksAsked(string message) => FullYesNo().IsMatch(IntentRouter.Canonical(message ?? string.Empty));

    /// <summary>The row's points lost or full marks, checked; false when neither is asked (or the row has no score).</summary>
    internal static bool ConfirmRowPoints(AnswerWriter w, string message, int row)
    {
        string p = P(row);
        var lost = ConfirmAskedLost(message);
        if (lost is null && !FullMarksAsked(message) || !w.Has(p + ".score") || !w.Has(p + ".weight"))
        {
            return false;
        }

        string name = Name(w.Sheet, row);
        // A row with full marks has no points-lost fact: it lost nothing.
        decimal exact = w.Has(p + ".lost") ? w.Sheet.Find(p + ".lost")!.Value : 0m;
        string figures = $"“{name}”{PointsWords(w, p)}";
        if (lost is { } asked)
        {
            // Session 43: the 扣分 shown is what the printed 得分 leaves (0.07 of 5 − 4.93); the exact difference (0.075, asked as 0.08) is
            // the same deduction, so either reading is confirmed.
            bool Same(decimal v) => Math.Round(v, asked.Decimals, MidpointRounding.AwayFromZero) == asked.Value;
            bool same = exact != 0 && (Same(exact) || w.Sheet.Find(p + ".lost")!.Range is { } range && (Same(range.Low) || Same(range.High)));
            w.Line(same ? $"是的。{figures}。" : $"不是。{figures}，不是问题中的{w.N(asked.Value, "分", asked.Decimals, "问题中的扣分（用户所问）")}。");
        }
        else
        {
            w.Line(exact == 0 ? $"是的。{figures}，得满分。" : $"不是。{figures}，没有得满分。");
        }

        RowFigures(w, row);
        return true;
    }

    /// <summary>A row's 得分 and 分值 with its 扣分 (得4.93分（分值5分），扣0.07分), or that it lost nothing; <paramref name="p"/> is the row's prefix.</summary>
    internal static string PointsWords(AnswerWriter w, string p) => w.Has(p + ".lost")
        ? $"得{w.F(p + ".score")}（分值{w.F(p + ".weight")}），扣{w.F(p + ".lost")}"
        : $"得{w.F(p + ".score")}，即该项分值{w.F(p + ".weight")}，没有扣分";

    [GeneratedRegex(@"(?:扣了?|扣掉了?|被扣了?|丢了|失了)\s*(?<n>\d{1,3}(?:\.\d+)?)\s*分\s*(?:吗|嘛|么|对吧|对吗|对不对|是吧|没错吧|没错吗)|是不是(?:扣了?|扣掉了?)\s*(?<n>\d{1,3}(?:\.\d+)?)\s*分")]
    private static partial Regex LostYesNo();

    [GeneratedRegex(@"(?:得|拿|是)了?满分了?\s*(?:吗|嘛|么|对吧|对吗|对不对|是吧|没错吧|没错吗|没有?(?![^，。？?]*(?:问题|关系)))|是不是(?:得了?|拿了?)?满分")]
    private static partial Regex FullYesNo();
}
