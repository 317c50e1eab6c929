using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>Reasons the staff member typed into the conversation: acknowledged, and named where the table still lacks them.</summary>
public static partial class TableAnswers
{
    /// <summary>
    /// A reason given for a row (孕产妇死亡率超标的原因是：全县年活产数少（约9500人），2例死亡…), confirmed in one sentence with the
    /// staff member's own words and figures quoted; the table itself is not changed.
    /// </summary>
    /// <param name="sheet">The table.</param>
    /// <param name="rows">The rows the reason was kept for; none when the message named none and none could be told (the answer asks which).</param>
    /// <param name="reason">The reason, in the staff member's words.</param>
    /// <param name="unnamed">Whether the message named no row (the answer then says which row it went to, and why that one).</param>
    /// <param name="aboutRow">For an unnamed reason: whether the row was the one the conversation is about (else the table's only short row).</param>
    public static OfflineAnswer GivenReason(FactSheet sheet, IReadOnlyList<int> rows, string? reason, bool unnamed = false, bool aboutRow = true)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(rows);
        var w = new AnswerWriter(sheet);
        var valid = rows.Where(i => i >= 0 && i < sheet.Evaluation.Indicators.Count).ToList();
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ReviewAnswers.Help(sheet);
        }

        string quoted = w.Quote(reason.Trim().TrimEnd('。'), "您在对话中给出的原因中的数字");
        if (valid.Count == 0)
        {
            // 原因是… with no row named, none talked about, and several rows short: which one, never a guess.
            var shortRows = Enumerable.Range(0, sheet.Report.Indicators.Count).Where(i => sheet.Report.Indicators[i].Status == IndicatorStatus.Short).ToList();
            string which = shortRows.Count > 0 ? $"表中未完成的有{string.Join("、", shortRows.Select(i => $"“{Name(sheet, i)}”"))}，" : string.Empty;
            w.Line($"您给出的原因“{quoted}”没有说是哪一项的，还没有记下。{which}请说明是哪一项，例如“{(shortRows.Count > 0 ? Name(sheet, shortRows[0]) : "某某指标")}的原因是……”。");
            return w.Done();
        }

        string names = string.Join("、", valid.Select(i => $"“{Name(sheet, i)}”"));
        if (unnamed)
        {
            string? fit = aboutRow || OnlyShort(sheet) ? null : ReasonRowFit.Fit(sheet, reason) is { } f && f.Row == valid[0] ? f.Word : null;
            w.Line($"您没有说是哪一项的原因，已把{names}（{ReasonRowFit.Why(aboutRow, fit)}）的偏差原因记为“{quoted}”，本次对话中后面的回答和起草都按这条原因写；"
                + "如果说的不是这项指标，请写明指标名称。自评表里的偏差原因栏没有改动，定稿前请同步填写。需要写进报告时，请说“重新起草第三部分”。");
            return w.Done();
        }

        w.Line($"已记下您给出的{names}的原因：“{quoted}”，本次对话中后面的回答和起草都按这条原因写；"
            + "自评表里的偏差原因栏没有改动，定稿前请同步填写。需要写进报告时，请说“重新起草第三部分”。");
        return w.Done();
    }

    private static bool OnlyShort(FactSheet sheet) => sheet.Report.Indicators.Count(r => r.Status == IndicatorStatus.Short) == 1;

    /// <summary>
    /// After the rows still lacking a reason (哪些指标没写原因): the ones whose reason was given only in this conversation, which the
    /// stored table does not hold yet. Null when none was given.
    /// </summary>
    public static OfflineAnswer? GivenInChat(FactSheet sheet, IReadOnlyDictionary<int, string> given)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(given);
        var rows = given.Keys.Where(i => i >= 0 && i < sheet.Evaluation.Indicators.Count).Order().ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var w = new AnswerWriter(sheet, "turn.g");
        w.Line($"另有{w.Count(rows.Count, "项", "对话中给出原因的指标数")}的原因是您在本次对话中给出的，自评表的偏差原因栏里还没有，定稿前请填入：");
        foreach (int i in rows)
        {
            w.Line($"“{Name(sheet, i)}”：您给出的原因是{AnswerWriter.Quoted(w.Quote(given[i].Trim().TrimEnd('。'), "您在对话中给出的原因中的数字"))}");
        }

        return w.Done();
    }

    /// <summary>
    /// 居民健康素养水平那条不用写了，删掉后重新出一版: a row part 三 must explain stays, with the rule that requires it; a row it does not
    /// explain is not in the draft to begin with.
    /// </summary>
    public static OfflineAnswer DropItem(FactSheet sheet, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(rows);
        var w = new AnswerWriter(sheet);
        ScoringPolicy policy = PolicyOf(sheet);
        var items = DeviationItems.Find(sheet, policy);
        foreach (int i in rows.Where(i => i >= 0 && i < sheet.Evaluation.Indicators.Count))
        {
            string p = P(i);
            DeviationItem? item = items.FirstOrDefault(x => x.IndicatorIndex == i);
            string? why = item?.Kind switch
            {
                DeviationKind.Overshoot => $"完成值{w.F(p + ".actual")}是指标值{w.F(p + ".target")}的{w.F(p + ".completion")}，达到{w.Percent(policy.OvershootThreshold, "须说明超额原因的完成率界限（评分规则）")}及以上，超得较多的须分析原因（目标是否定低了）",
                DeviationKind.Shortfall when sheet.Report.Indicators[i].Rule == IndicatorRule.Reverse && w.Has(p + ".actual") && w.Has(p + ".target")
                    => $"完成值{w.F(p + ".actual")}超出上限{w.F(p + ".target")}，未完成的须说明原因",
                DeviationKind.Shortfall when w.Has(p + ".actual") && w.Has(p + ".target") => $"完成值{w.F(p + ".actual")}没有达到指标值{w.F(p + ".target")}，未完成的须说明原因",
                DeviationKind.Shortfall => "没有达到指标值，未完成的须说明原因",
                DeviationKind.QualitativeWeaker => "完成情况的评价弱于指标值，须说明原因",
                DeviationKind.Late => "未按期完成，须说明原因",
                DeviationKind.Cancelled => "年中取消了这一指标，须说明取消的原因",
                null => null,
                _ => "属于偏离绩效目标、须说明的事项",
            };
            w.Line(why is null
                ? $"“{Name(sheet, i)}”已完成指标值，不属于须说明偏差的事项，第三部分本来就不单独写它，不需要删。"
                : $"“{Name(sheet, i)}”不能删：{why}。第三部分须逐项说明偏离绩效目标的事项，删掉后审核会认为漏报，所以重出的版本仍保留这一项；可以把这一段写短，只说原因和措施。");
        }

        return w.Done();
    }
}
