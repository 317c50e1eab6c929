using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>Questions the table cannot answer (another year, names and lists it does not hold): said plainly, then what it does hold.</summary>
public static partial class TableAnswers
{
    internal static void Outside(AnswerWriter w, string topic, IReadOnlyList<int> rows)
    {
        FactSheet s = w.Sheet;
        if (topic == Topics.PriorYear)
        {
            string year = s.Evaluation.Year is { } y ? $"{w.N(y, "年", 0, "自评表的年度")}的" : "一个年度的";
            w.Line($"这张自评表只有{year}数，没有上年的执行率、完成值和得分，无法与上年比较；要比较，请提供上年的自评表或报告。本年的情况：");
            FundRates(w, all: false);
            if (Scored(s) && w.Has("total"))
            {
                w.Line($"总分{w.F("total")}。");
            }

            return;
        }

        w.Line("自评表只记资金和各项绩效指标的数，没有具体的名单、名称或明细（如哪几处、哪些单位、承建方），表中回答不了，需查项目档案或实施方案。");
        if (rows.Count > 0)
        {
            w.Line("表中相关的指标：");
        }

        foreach (int i in rows.Take(3))
        {
            RowFigures(w, i);
        }
    }
}
