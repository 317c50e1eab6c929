using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

public static partial class TableAnswers
{
    /// <summary>
    /// 超出上限的是哪项: the ceiling rows (≤ a cap, 越低越好) that went over their cap, by how much and what it cost;
    /// then those within it. Not the 封顶 rule (a score never above its weight), which “上限” also names.
    /// </summary>
    public static OfflineAnswer OverCap(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var w = new AnswerWriter(sheet);
        var ceilings = sheet.Report.Indicators.Where(r => r.Rule == IndicatorRule.Reverse).ToList();
        if (ceilings.Count == 0)
        {
            w.Line("这张表没有设上限（越低越好）的指标，没有“超出上限”的问题。");
            return w.Done();
        }

        var over = ceilings.Where(r => r.Status == IndicatorStatus.Short).ToList();
        w.Line(over.Count == 0
            ? $"设上限（越低越好）的指标有{w.Count(ceilings.Count, "项", "上限类指标数")}，都没有超出上限。"
            : $"设上限（越低越好）的指标有{w.Count(ceilings.Count, "项", "上限类指标数")}，超出上限的有{w.Count(over.Count, "项", "超出上限的指标数")}：");
        foreach (IndicatorResult r in over)
        {
            string p = P(r.Index);
            w.Add($"“{Name(sheet, r.Index)}”：上限{w.F(p + ".target")}，完成值{w.F(p + ".actual")}");
            w.Add(w.Has(p + ".gap") ? $"，超出上限{w.F(p + ".gap")}" : "，超出上限");
            w.Line(w.Has(p + ".lost") ? $"，扣{w.F(p + ".lost")}。" : "。");
            DeviationItem? item = DeviationItems.Find(sheet, PolicyOf(sheet)).FirstOrDefault(x => x.IndicatorIndex == r.Index);
            w.Line(item?.StatedReason is { } reason ? $"表中所填原因：{AnswerWriter.Quoted(w.Quote(reason, "原因中的数字（表中所填）"))}" : "表中没有填写原因，自评报告须说明。");
        }

        var within = ceilings.Where(r => r.Status != IndicatorStatus.Short).ToList();
        if (within.Count > 0 && over.Count > 0)
        {
            w.Line("没有超出上限的：" + string.Join("；", within.Select(r => $"“{Name(sheet, r.Index)}”（上限{w.F(P(r.Index) + ".target")}，完成值{w.F(P(r.Index) + ".actual")}）")) + "。");
        }
        else
        {
            foreach (IndicatorResult r in within)
            {
                w.Line($"“{Name(sheet, r.Index)}”：上限{w.F(P(r.Index) + ".target")}，完成值{w.F(P(r.Index) + ".actual")}，没有超出。");
            }
        }

        return w.Done();
    }
}
