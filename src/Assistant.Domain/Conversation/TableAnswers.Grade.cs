using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

public static partial class TableAnswers
{
    internal static string GradeOf(decimal total, ScoringPolicy p) =>
        total >= p.GradeExcellent ? "优" : total >= p.GradeGood ? "良" : total >= p.GradePass ? "中" : "差";

    private static void Grade(AnswerWriter w, ScoringPolicy p)
    {
        w.Line($"等级按总分划分：{w.N(p.GradeExcellent, "分", 0, "优的下限（评分规则）")}及以上为优，{w.N(p.GradeGood, "分", 0, "良的下限（评分规则）")}及以上为良，{w.N(p.GradePass, "分", 0, "中的下限（评分规则）")}及以上为中，以下为差。");
        if (w.Sheet.Report.Total is { } t && w.Has("total"))
        {
            w.Line($"本表总分{w.F("total")}，等级为“{GradeOf(t, p)}”。");
            GradeDistance(w, t, p);
        }
        else
        {
            w.Line("本表是转移支付自评表，不计总分，也不评等级。");
        }
    }

    /// <summary>How far the total is from the next grade up, and from 优 when that is further (nothing at 优).</summary>
    private static void GradeDistance(AnswerWriter w, decimal total, ScoringPolicy p)
    {
        if (total >= p.GradeExcellent)
        {
            return;
        }

        decimal next = total >= p.GradeGood ? p.GradeExcellent : total >= p.GradePass ? p.GradeGood : p.GradePass;
        string Gap(decimal bar) => w.N(Math.Round(bar - total, 2, MidpointRounding.AwayFromZero), "分", 2, $"总分距“{GradeOf(bar, p)}”的下限差的分数");
        string line = $"距“{GradeOf(next, p)}”（{w.N(next, "分", 0, $"“{GradeOf(next, p)}”的下限（评分规则）")}）还差{Gap(next)}";
        if (next != p.GradeExcellent)
        {
            line += $"，距“优”还差{Gap(p.GradeExcellent)}";
        }

        w.Line(line + "；要提高等级，只能从扣分的指标和资金执行上找分。");
    }
}
