using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

public static partial class ReviewAnswers
{
    /// <summary>
    /// 这个怎么改: for each row asked (or every row that fell short), where it stands, the unit's reason, and
    /// measures that answer that reason (by its kind), or, without a reason, measures for what the row counts;
    /// a measure only follows a cause, so a row without one is told to state it first.
    /// </summary>
    /// <param name="sheet">The table.</param>
    /// <param name="rows">The rows asked about; every row that fell short when empty.</param>
    /// <param name="asked">A measure the staff member asked to add (加上建立…绿色通道): written first, in their words.</param>
    /// <param name="given">Reasons the staff member gave in the conversation, by row (already the rows' 偏差原因 in the sheet).</param>
    public static OfflineAnswer Improve(FactSheet sheet, IReadOnlyList<int> rows, string? asked = null, IReadOnlyDictionary<int, string>? given = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var w = new AnswerWriter(sheet);
        var list = rows.Count > 0 ? rows : IndicatorExplainer.ShortRows(sheet);
        if (list.Count == 0)
        {
            w.Line("各项指标都达到了指标值，没有需要整改的偏差；可保持现有做法，并关注超额较多的指标目标是否定得偏低。");
            return w.Done();
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (int i in list.Take(5))
        {
            var ind = sheet.Evaluation.Indicators[i];
            TableAnswers.RowFigures(w, i);
            string? reason = DeviationItems.Clean(ind.DeviationNote);
            var measures = new List<string>();
            if (reason is not null)
            {
                w.Line(given is not null && given.ContainsKey(i)
                    ? $"您在对话中给出的原因：{AnswerWriter.Quoted(w.Quote(reason, "原因中的数字（对话中给出）"))}"
                    : $"单位填报的原因：{AnswerWriter.Quoted(w.Quote(reason, "原因中的数字（表中所填）"))}");
                if (PartOfGap(w, reason, TableAnswers.P(i)) is { } part)
                {
                    w.Line(part + "，整改时先把其余部分的原因查清。");
                }
                measures.AddRange(DraftPhrases.AnswersFor(reason, region: sheet.Evaluation.Region, context: ind.Name + "；" + sheet.Evaluation.Title));
            }

            if (measures.Count == 0)
            {
                string? unit = sheet.Find(TableAnswers.P(i) + ".target")?.Unit ?? ind.Unit;
                Nature nature = IndicatorNature.Of(ind.Name, unit, ind.Target, ind.Level2);
                var forRow = DraftPhrases.Measures(ind.Name, nature).ToList();
                measures.AddRange(forRow.Where(m => !used.Contains(m)).DefaultIfEmpty(forRow.FirstOrDefault() ?? string.Empty).Where(m => m.Length > 0).Take(1));
                if (reason is null)
                {
                    w.Line("表中没有填写原因：先查明并写清差距是怎么造成的，措施要对着原因写。一般可以：");
                }
            }

            if (asked is not null && i == list[0])
            {
                w.Line($"下一步（按您的要求加入）：{w.Quote(asked, "措施中的数字（对话中给出）")}。");
            }

            foreach (string m in measures.Where(m => used.Add(m) || measures.Count == 1))
            {
                w.Line($"下一步：{m.TrimEnd('。')}。");
            }
        }

        if (list.Count > 5)
        {
            w.Line("其余指标请逐项询问。");
        }

        w.Line("要写进报告，可以让我“起草改进措施”。");
        return w.Done();
    }
}
