using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

public static partial class TableAnswers
{
    /// <summary>
    /// One qualitative row's target, result and score, and whether that score stands: a result worded weaker than the
    /// target (有所改善 against 明显改善) is the calculator's <c>indicator.qualitative-weaker</c> finding — the row is not fully
    /// achieved, so full marks need review; the same words as the target support full marks.
    /// </summary>
    private static void QualitativeVerdict(AnswerWriter w, int i, string achievedLow, string partialLow)
    {
        FactSheet s = w.Sheet;
        IndicatorResult r = s.Report.Indicators[i];
        bool weaker = s.Report.Findings.Any(f => f.Path.StartsWith(P(i), StringComparison.Ordinal) && f.Code == "indicator.qualitative-weaker");
        bool full = r.Score is { } score && r.Weight is { } weight && score >= weight;
        w.Line($"“{Name(s, i)}”：指标值“{w.Quote(r.Target.Text, "指标值中的数字（表中）")}”，完成值“{w.Quote(r.Actual.Text, "完成值中的数字（表中）")}”，"
            + $"表中得分{w.F(P(i) + ".score", "（未计分）")}（分值{w.F(P(i) + ".weight", "未填")}）。");
        if (weaker && full)
        {
            w.Line($"给满分不合理：完成值的说法弱于指标值，计算器核对时已提示这一项没有完全达到目标，应按未完成看待，需要复核。"
                + $"按实际达到的程度，一般应按“部分达成”计分（分值的{partialLow}至{achievedLow}），并在偏差原因中说明差在哪里；若确有依据认定已达成，要写明依据（如监测数据）。");
        }
        else if (weaker)
        {
            w.Line("完成值的说法弱于指标值，这一项没有完全达到目标，未得满分是对的；偏差原因中要说明差在哪里。");
        }
        else if (!full && r.Score is not null && !string.Equals(r.Target.Text.Trim(), r.Actual.Text.Trim(), StringComparison.Ordinal))
        {
            string grade = s.Evaluation.Indicators[i].Grade is { } g ? $"按“{g.ToChinese()}”" : "按达成程度";
            w.Line($"表中没有给满分，{grade}计分，与完成值的说法弱于指标值相符；偏差原因中要说明差在哪里。");
        }
        else if (full)
        {
            w.Line("完成值与指标值的说法一致，按达成给满分是合理的；报告中最好用数据或事例说明确已达到。");
        }
    }
}
