using System.Globalization;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>8项指标里几项没完成 on a table of 7 rows: the table's own count, said before the answer to what was asked.</summary>
public static partial class TableAnswers
{
    public static OfflineAnswer CountPremise(FactSheet sheet, string? stated)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var w = new AnswerWriter(sheet);
        int rows = sheet.Evaluation.Indicators.Count;
        string said = int.TryParse(stated, NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            ? w.Count(n, "项", ScenarioLabel + "问题中所说的指标项数")
            : "问题中所说的项数";
        w.Line($"这张表的绩效指标共{w.Count(rows, "项", "表中绩效指标的项数")}，不是{said}；下面按表中的{w.Count(rows, "项", "表中绩效指标的项数")}回答。");
        return w.Done();
    }
}
