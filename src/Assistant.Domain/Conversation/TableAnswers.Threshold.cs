using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

public static partial class TableAnswers
{
    /// <summary>
    /// The rows whose computed 完成率 is on the asked side of a bound (超额130%以上的, 完成率低于80%的, 超过目标值一倍的).
    /// Only rows with a 完成率 are compared: a ceiling (反向) row's ratio reads backwards, so it is named apart, by whether
    /// it went over its cap (超出上限); qualitative rows have no 完成率 and are said to be left out.
    /// </summary>
    public static OfflineAnswer Threshold(FactSheet sheet, CompletionThreshold bound)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(bound);
        var w = new AnswerWriter(sheet);
        var rows = sheet.Report.Indicators;
        var rated = rows.Where(r => r.Rule == IndicatorRule.Positive && r.Completion is not null && w.Has(P(r.Index) + ".completion")).ToList();
        var hits = rated.Where(r => bound.Holds(r.Completion!.Value))
            .OrderBy(r => bound.Above ? -r.Completion!.Value : r.Completion!.Value).ThenBy(r => r.Index).ToList();

        decimal percent = bound.Share * 100m;
        int decimals = percent == decimal.Truncate(percent) ? 0 : percent * 10m == decimal.Truncate(percent * 10m) ? 1 : 2;
        string limit = w.N(percent, "%", decimals, "问题中的完成率界限");
        string side = (bound.Above, bound.Inclusive) switch
        {
            (true, true) => $"完成率在{limit}及以上",
            (true, false) => $"完成率大于{limit}",
            (false, true) => $"完成率在{limit}及以下",
            (false, false) => $"完成率不到{limit}",
        };
        if (bound.Multiple)
        {
            decimal times = bound.Inclusive ? bound.Share : bound.Share - 1m;
            string t = w.N(times, string.Empty, times == decimal.Truncate(times) ? 0 : 1, "问题中的倍数");
            side += bound.Inclusive ? $"（完成值为指标值的{t}倍及以上）" : $"（完成值超过指标值{t}倍）";
        }

        if (hits.Count == 0)
        {
            w.Line($"按完成值除以指标值计算，没有{side}的指标。");
            var nearest = bound.Above ? rated.OrderByDescending(r => r.Completion).ThenBy(r => r.Index).FirstOrDefault()
                : rated.OrderBy(r => r.Completion).ThenBy(r => r.Index).FirstOrDefault();
            if (nearest is not null)
            {
                w.Line($"完成率{(bound.Above ? "最高" : "最低")}的是“{Name(sheet, nearest.Index)}”，为{w.F(P(nearest.Index) + ".completion")}。");
            }
        }
        else
        {
            w.Line($"按完成值除以指标值计算，{side}的指标有{w.Count(hits.Count, "项", "符合条件的指标数")}：");
            foreach (IndicatorResult r in hits)
            {
                int i = r.Index;
                w.Line(w.Has(P(i) + ".actual") && w.Has(P(i) + ".target")
                    ? $"“{Name(sheet, i)}”完成值{w.F(P(i) + ".actual")}，指标值{w.F(P(i) + ".target")}，完成率{w.F(P(i) + ".completion")}。"
                    : $"“{Name(sheet, i)}”完成率{w.F(P(i) + ".completion")}。");
            }
        }

        // A ceiling row (≤ its cap) is never “over 100%”: whether it went over its cap is what counts.
        var ceilings = rows.Where(r => r.Rule == IndicatorRule.Reverse).ToList();
        if (ceilings.Count > 0)
        {
            w.Line("上限类（越低越好）指标不按完成率比较：" + string.Join("；", ceilings.Select(r =>
                r.Status == IndicatorStatus.Short && w.Has(P(r.Index) + ".gap") ? $"“{Name(sheet, r.Index)}”超出上限{w.F(P(r.Index) + ".gap")}"
                : r.Status == IndicatorStatus.Short ? $"“{Name(sheet, r.Index)}”超出上限" : $"“{Name(sheet, r.Index)}”没有超出上限")) + "。");
        }

        if (rows.Any(r => r.Rule == IndicatorRule.Qualitative))
        {
            w.Line("定性指标没有完成率，未列入。");
        }

        return w.Done();
    }

    /// <summary>The bound of a threshold question, read again from the message the router kept.</summary>
    internal static CompletionThreshold? ThresholdOf(string? text) => text is null ? null : CompletionThreshold.Parse(text);
}
