using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Answers a reviewer's questions without a model: one indicator explained, whether a stated reason
/// convinces (does it explain the size of the gap, is it the same sentence on several rows, does it
/// contradict the numbers), which row was meant, and an honest answer for what needs a model (rewriting). Pure.
/// </summary>
public static partial class ReviewAnswers
{
    /// <summary>The report's five parts.</summary>
    public static readonly IReadOnlyDictionary<string, string> Parts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["一"] = "一、绩效目标分解下达情况",
        ["二"] = "二、绩效情况分析",
        ["三"] = "三、偏离绩效目标的原因和下一步改进措施",
        ["四"] = "四、绩效自评结果拟应用和公开情况",
        ["五"] = "五、其他需要说明的问题",
        ["全文"] = "绩效自评报告全文",
    };

    /// <summary>One indicator: figures, rule and computation, the stated reason (or its absence), contradictions, similar cases.</summary>
    /// <param name="w">The answer being written.</param>
    /// <param name="e">The row's explanation.</param>
    /// <param name="similar">Similar past cases, already cited.</param>
    /// <param name="reasonGivenInChat">Whether the row's reason is one the user gave in this conversation (the table's cell is unchanged): it is then not called the unit's.</param>
    public static void Explain(AnswerWriter w, IndicatorExplanation e, IEnumerable<string>? similar = null, bool reasonGivenInChat = false)
    {
        int i = e.Trace.Index;
        string p = TableAnswers.P(i);
        w.Add(e.Situation is { } sit ? $"“{e.Trace.Name}”{sit}：" : $"“{e.Trace.Name}”{e.Trace.StatusText}：");
        TableAnswers.RowFigures(w, i, withName: false);
        if (w.Has(p + ".score"))
        {
            TableAnswersScore(w, i);
            // 为什么得0分？表里填的是15分: the printed score that differs from the rule's is said to be wrong (session 41).
            if (w.Sheet.Evaluation.Indicators[i].PrintedScore is { } printed && w.Sheet.Find(p + ".score") is { } computed
                && Math.Round(computed.Value, printed.Decimals, MidpointRounding.AwayFromZero) != printed.Value)
            {
                w.Line($"表中填报的得分是{w.N(printed.Value, "分", printed.Decimals, "表中填报的得分（表中）")}，与按评分规则计算的{w.F(p + ".score")}不一致，请按计算结果更正。");
            }
        }

        bool unscorable = Unscorable(w, i);
        w.Line(e.StatedReason is not { } reason ? e.ReasonFinding ?? (unscorable ? "表中无法判断这一项是否达到指标值，请人工核对后再决定是否需要说明偏差。" : "这一项没有需要说明的偏差。")
            : reasonGivenInChat ? $"您在对话中给出的原因：“{reason}”（自评表的偏差原因栏没有改动，定稿前请同步填写）。"
            : $"单位填报的偏差原因：{AnswerWriter.Quoted(reason)}");
        if (e.StatedReason is { } stated && PartOfGap(w, stated, p) is { } part)
        {
            w.Line(part + "。");
        }

        // 受疫情影响 in a 2025 table: a cause of another period, likely copied from an earlier year's table (session 44).
        if (e.StatedReason is { } dated && !reasonGivenInChat && OutOfPeriod(w, dated) is { } outOfPeriod)
        {
            w.Line("这条原因" + outOfPeriod + "。");
        }
        foreach (Contradiction c in e.Contradictions.Take(3))
        {
            w.Line($"{c.Source}中有与表格不符之处：{w.Quote(c.Note, "核对说明中的数字")}。");
        }

        // A precedent cited twice (two passages of one report) is named once.
        var cases = similar?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (cases.Count > 0)
        {
            w.Line("相似的往年情况：" + string.Join("；", cases) + "。");
        }
    }

    /// <summary>
    /// A row the calculator cannot score (两个数值的单元格, 无法比较的单位): why, and that the score printed in the table went into the
    /// total as it is — the answer to 为啥没算分. False for any other row.
    /// </summary>
    private static bool Unscorable(AnswerWriter w, int i)
    {
        IndicatorResult r = w.Sheet.Report.Indicators[i];
        if (r.Rule != IndicatorRule.Unscorable)
        {
            return false;
        }

        string p = TableAnswers.P(i);
        var why = w.Sheet.Report.Findings
            .Where(f => f.Code is FindingCodes.IndicatorCellUnreadable && (f.Path == p || f.Path.StartsWith(p + ".", StringComparison.Ordinal)))
            .Select(f => f.Message.Trim().TrimEnd('。')).Distinct(StringComparer.Ordinal).Take(1).ToList();
        string reason = why.Count > 0 ? "：" + string.Join("；", why.Select(m => w.Quote(m, "检查结果中的数字（表中单元格）"))) : string.Empty;
        w.Line($"这一项没有按规则算分，因为指标值或完成值不能按数值比较{reason}。");
        Indicator row = w.Sheet.Evaluation.Indicators[i];
        if (!TableAnswers.Scored(w.Sheet))
        {
            return true;
        }

        if (r.ScoreForTotal is { } carried && row.PrintedScore is { } printed)
        {
            w.Line($"总分里用的是表中打印的得分{w.N(carried, "分", printed.Decimals, "表中打印的得分（无法计分的指标按打印得分计入总分）")}"
                + (w.Has(p + ".weight") ? $"（分值{w.F(p + ".weight")}）" : string.Empty) + "，计算器没有改动它；请核对这一项的指标值和完成值，确认打印得分是否合理。");
        }
        else
        {
            w.Line("表中也没有打印这一项的得分，总分无法把它计入，请补填可比较的指标值、完成值或得分。");
        }

        return true;
    }

    private static void TableAnswersScore(AnswerWriter w, int i)
    {
        string p = TableAnswers.P(i);
        IndicatorResult r = w.Sheet.Report.Indicators[i];
        w.Line($"计分：{TableAnswers.RuleWords(w, r)}，得分{w.F(p + ".score")}（分值{w.F(p + ".weight")}）{(w.Has(p + ".lost") ? $"，扣{w.F(p + ".lost")}" : string.Empty)}。");
    }

    public static OfflineAnswer Explain(FactSheet sheet, IReadOnlyList<int> rows)
    {
        var w = new AnswerWriter(sheet);
        var list = rows.Count > 0 ? rows : IndicatorExplainer.ShortRows(sheet);
        if (list.Count == 0)
        {
            w.Line("没有未完成或扣分的绩效指标。");
            TableAnswers.ListShort(w, TableAnswers.PolicyOf(sheet));
            return w.Done();
        }

        if (rows.Count == 0)
        {
            w.Line($"您没有指明哪一项，下面逐项说明未完成或扣分的{w.Count(list.Count, "项", "未完成或扣分的指标数")}指标。");
        }

        foreach (int i in list.Take(5))
        {
            Explain(w, IndicatorExplainer.Explain(sheet, i, null, TableAnswers.PolicyOf(sheet)));
        }

        if (list.Count > 5)
        {
            w.Line("其余指标请逐项询问。");
        }

        return w.Done();
    }

    /// <summary>
    /// Whether the reason given for a row (or a pasted reason) would convince a reviewer: it must explain
    /// the size of the gap, be specific to the row, and not contradict the table.
    /// </summary>
    public static OfflineAnswer Assess(FactSheet sheet, IReadOnlyList<int> rows, string? pasted)
    {
        var w = new AnswerWriter(sheet);
        ScoringPolicy policy = TableAnswers.PolicyOf(sheet);
        var items = DeviationItems.Find(sheet, policy);
        var targets = rows.Count > 0 ? rows.ToList()
            : items.Where(x => x.IndicatorIndex is not null && (pasted is not null || x.StatedReason is not null)).Select(x => x.IndicatorIndex!.Value).ToList();
        if (targets.Count == 0)
        {
            w.Line("表中没有填写偏差原因的指标，无从判断；需要说明而未填写的事项如下。");
            return Append(w, TableAnswers.List(Topics.Unexplained, sheet));
        }

        w.Line("审核看三点：原因能否解释差距的大小；是否针对这一项而不是套话；有没有与表中数字矛盾。");
        var reasons = items.Where(x => x.StatedReason is not null).GroupBy(x => x.StatedReason!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (int i in targets.Take(6))
        {
            IndicatorExplanation e = IndicatorExplainer.Explain(sheet, i, null, policy);
            string? reason = pasted ?? e.StatedReason;
            string p = TableAnswers.P(i);
            IndicatorResult r = sheet.Report.Indicators[i];
            TableAnswers.RowFigures(w, i);
            if (reason is null)
            {
                w.Line(e.ReasonFinding ?? "这一项没有填写原因，也没有需要说明的偏差。");
                continue;
            }

            w.Line($"所填原因：{AnswerWriter.Quoted(w.Quote(reason, pasted is null ? "原因中的数字（表中所填）" : "原因中的数字（所引文字）"))}");
            var problems = new List<string>();
            if (OutOfPeriod(w, reason) is { } outOfPeriod)
            {
                problems.Add(outOfPeriod);
            }

            // A reason whose quantities add up to the gap says how it came about, part by part: not “one sentence”.
            string? accounted = AccountsForGap(w, reason, p);
            bool vague = accounted is null && (reason.Length < 15 || !Cause().IsMatch(reason));
            if (vague)
            {
                string size = w.Has(p + ".gap") ? $"差距{w.F(p + ".gap")}" : "这一偏差";
                problems.Add(r.Status == IndicatorStatus.Exceeded
                    ? $"只有一句话，没有说明为什么超出指标值那么多（{size}），也没有回答目标是否定得偏低"
                    : $"只有一句话，没有说明{size}是怎么造成的（哪个环节、影响多少）");
            }

            if (reasons.TryGetValue(reason, out int same) && same > 1)
            {
                problems.Add($"同一句话重复用在{w.Count(same, "项", "使用同一原因的事项数")}事项上，审核会视为套话");
            }

            bool money = Money().IsMatch(reason);
            string unit = sheet.Find(p + ".target")?.Unit ?? string.Empty;
            if (money && !unit.Contains('元', StringComparison.Ordinal) && r.Status == IndicatorStatus.Short)
            {
                // 资金下达较晚 on a coverage or a count: the timing of the money, not how it cut this row by the gap.
                string size = w.Has(p + ".gap") ? $"差距{w.F(p + ".gap")}" : "这一偏差";
                problems.Add(LateMoney().IsMatch(reason)
                    ? $"只说资金下达（到位）晚，没有说明资金晚到具体怎样影响了这一项（哪些服务或工程延后、少了多少），说明不了{size}"
                    : "说的是资金怎么安排，没有说明这项实物量为什么没有完成：资金来源不同不会直接减少人数或数量");
            }

            if (r.Status == IndicatorStatus.Exceeded && ShortWords().IsMatch(reason))
            {
                problems.Add("原因按未完成来写，但表中这一项是超额完成，与数字矛盾");
            }
            else if (r.Status == IndicatorStatus.Short && OverWords().IsMatch(reason))
            {
                problems.Add("原因按超额完成来写，但表中这一项未完成，与数字矛盾");
            }

            var verdicts = new Verifier(sheet).Verify($"{TableAnswers.Name(sheet, i)}：{reason}");
            int contradicted = verdicts.Summary.Contradicted + verdicts.Summary.ClaimsContradicted;
            if (contradicted > 0)
            {
                problems.Add($"其中有{w.Count(contradicted, "处", "与表不符的数字或判断")}数字或判断与表不符");
            }

            if (accounted is not null)
            {
                w.Line(accounted);
            }
            else if (PartOfGap(w, reason, p) is { } part)
            {
                problems.Add(part);
            }

            w.Line(problems.Count == 0
                ? accounted is null ? "这条原因针对这一项、与数字不矛盾，基本可以；最好再写明影响的程度。" : "这条原因针对这一项，数量上能解释差距，审核一般可以接受。"
                : "不够有说服力：" + string.Join("；", problems) + "。");
        }

        w.Line("可以让我“起草偏离原因”，按每项的差距重写。");
        return w.Done();
    }

    public static OfflineAnswer Clarify(FactSheet sheet, IReadOnlyList<int> candidates)
    {
        var w = new AnswerWriter(sheet);
        w.Line("有几项名称都对得上，您问的是哪一项？");
        foreach (int i in candidates.Take(5))
        {
            w.Line($"第{w.Count(i + 1, "项", "表中序号")}“{TableAnswers.Name(sheet, i)}”；");
        }

        w.Line("请回复序号或更完整的名称。");
        return w.Done();
    }

    /// <summary>Rewriting needs a model: say so plainly, and offer what can be done without one.</summary>
    public static OfflineAnswer RewriteOffline(FactSheet sheet, string? text, string? topic)
    {
        var w = new AnswerWriter(sheet);
        string how = topic == Topics.Concise ? "精简" : "改得更正式";
        w.Line($"把段落{how}需要大模型，当前是离线模式（没有配置模型），我不能改写文字，也不会假装改写。");
        if (text is null)
        {
            w.Line("请把要改的段落贴在冒号后面。");
        }
        else
        {
            VerificationReport v = new Verifier(sheet).Verify(text);
            int bad = v.Summary.Unverified + v.Summary.Contradicted + v.Summary.ClaimsContradicted;
            w.Line(bad == 0
                ? $"我核对了这段文字里的{w.Count(v.Summary.Numbers, "个", "段落中的数字个数")}数字，没有发现与自评表不符的。"
                : $"我核对了这段文字：有{w.Count(bad, "处", "段落中有问题的数字或判断")}数字或判断与表不符或找不到依据，改写前请先改正（发“核对：……”可看到具体位置）。");
        }

        w.Line("也可以让我按表中数字重新起草第三部分，再自行润色。");
        return w.Done();
    }

    /// <summary>A pasted text checked: each number that agrees, by the fact it is; each problem, by where it is and why.</summary>
    public static OfflineAnswer Verify(FactSheet sheet, string text)
    {
        var w = new AnswerWriter(sheet);
        VerificationReport v = new Verifier(sheet).Verify(text);
        VerificationSummary s = v.Summary;
        w.Line($"这段文字共有{w.Count(s.Numbers, "个", "数字个数")}数字：与自评表一致或可由表中数字推算的{w.Count(s.Verified, "个", "一致的数字个数")}，编号或日期{w.Count(s.Identifiers, "个", "编号或日期个数")}，找不到依据的{w.Count(s.Unverified, "个", "找不到依据的数字个数")}，与表不符的{w.Count(s.Contradicted, "个", "不符的数字个数")}。");
        var agreeing = v.Mentions.Where(m => m.Verdict == Verdict.Verified && m.FactId is not null && sheet.Find(m.FactId) is not null)
            .Select(m => w.Quote(sheet.Find(m.FactId!)!.Label, "表中项目名称里的数字")).Distinct(StringComparer.Ordinal).Take(8).ToList();
        if (agreeing.Count > 0)
        {
            w.Line($"对得上的有：{string.Join("、", agreeing)}。");
        }

        int k = 0;
        foreach (CheckedMention m in v.Mentions.Where(m => m.Verdict is Verdict.Unverified or Verdict.Contradicted))
        {
            k++;
            w.Line($"第{w.Count(k, "处", "问题序号")}问题（原文第{w.Count(m.Mention.Start + 1, "个字", "问题在原文中的位置")}起）：{(m.Verdict == Verdict.Contradicted ? "与表不符" : "找不到依据")}，{Correction(w, m.Note)}。");
        }

        foreach (CheckedClaim c in v.Claims.Where(c => c.Verdict == Verdict.Contradicted))
        {
            w.Line($"原文第{w.Count(c.Start + 1, "个字", "判断在原文中的位置")}起的判断与表中该指标的实际情况不符{(c.Note is { Length: > 0 } note ? "：" + Correction(w, note) : string.Empty)}，请改正。");
        }

        if (k == 0 && s.ClaimsContradicted == 0)
        {
            w.Line("没有发现问题。");
        }

        return w.Done();
    }

    public static OfflineAnswer Help(FactSheet sheet)
    {
        var w = new AnswerWriter(sheet);
        string example = sheet.Evaluation.Indicators.FirstOrDefault()?.Name.Trim() ?? "某项指标";
        w.Line("我可以帮您做这些事：");
        w.Line("解释规则和算法，如“执行率是什么意思”“总分怎么算”；");
        w.Line("算出表中的数，如“每项扣了多少分”“资金扣了几分”“差了多少”；");
        w.Line("列出指标，如“哪些没完成”“哪些超额较多”“哪些没写原因”“有哪些问题”；");
        w.Line($"解释某项指标，如“{example}为什么没完成”，也认简称和“第几项”；");
        w.Line("判断原因是否站得住，如“这个原因有说服力吗”；");
        w.Line("起草或重写报告的任一部分，如“帮我写第一部分”“第二部分能起草吗”“起草偏离原因”“只写改进措施”“写一下实习生那项的段落”，保存为报告的新版本；");
        w.Line("导出Word版报告或Excel版自评表（“能导出成Word吗”）；");
        w.Line("查找往年相似案例；核对一段文字里的数字（“核对：……”）。");
        return w.Done();
    }

    private static OfflineAnswer Append(AnswerWriter w, OfflineAnswer more) =>
        new(w.Done().Text + more.Text, [.. w.Done().TurnFacts, .. more.TurnFacts]);

    /// <summary>
    /// The verifier's note on a problem, with the table's right value shown (总分为92.35分), not hidden: the numbers in
    /// its notes are the table's own figures and the names of its rows, quoted as facts of the turn.
    /// </summary>
    private static string Correction(AnswerWriter w, string? note) => note is { Length: > 0 } ? w.Quote(note, "自评表中的数字（核对说明）") : string.Empty;

    /// <summary>
    /// The reason's own quantities in the row's unit (2座…1座) adding up to the gap (3座): the reason accounts for
    /// the whole shortfall, which is the strongest thing a reviewer can find in it. Null when they do not.
    /// </summary>
    private static string? AccountsForGap(AnswerWriter w, string reason, string p) =>
        GapAccounting.Of(w.Sheet, p, reason) is { Whole: true } all && w.Has(p + ".gap")
            ? $"原因中列出的数量合计{w.Gap(all.Stated, all.Unit, all.Decimals, "原因中列出的数量之和")}，正好等于差距{w.F(p + ".gap")}，差距的每一部分都有交代。"
            : null;

    /// <summary>
    /// The reason's quantities cover only part of the gap (96万元 of a 335.70万元 结余, 2座 of 5座): both numbers
    /// and the rest, computed in decimal, as the calculator prints them. Null when they add up, or give no quantity.
    /// </summary>
    internal static string? PartOfGap(AnswerWriter w, string reason, string p)
    {
        if (GapAccounting.Of(w.Sheet, p, reason) is not { Whole: false } part)
        {
            return null;
        }

        bool fund = p.StartsWith("funds.", StringComparison.Ordinal);
        string gap = w.F(p + (fund ? ".balance" : ".gap"));
        string stated = w.Gap(part.Stated, part.Unit, part.Decimals, "原因中交代的数量之和");
        string rest = w.Gap(part.Rest, part.Unit, part.Decimals, fund ? "结余中原因未交代的部分（结余减原因中交代的数）" : "差距中原因未交代的部分（差距减原因中交代的数）");
        return fund
            ? $"单位的说明只交代了其中{stated}的去向，结余共{gap}，其余{rest}没有说明原因"
            : $"原因中交代的数量合计{stated}，只是差距{gap}的一部分，其余{rest}没有说明原因";
    }

    [GeneratedRegex("由于|因为|导致|造成|受.{1,12}影响|原因|减少|下降|不足|较晚|滞后|延迟|推迟|缩减|调整|取消|暂停|未能|放缓|保守|萎缩|变化|加大|增加|提高|扩大|宣传|直补快办|主动|落实")]
    private static partial Regex Cause();

    [GeneratedRegex("(?:下达|到位|拨付|下拨|拨款)[^，。；]{0,4}(?:较晚|晚|迟|滞后|不及时|延迟)")]
    private static partial Regex LateMoney();

    [GeneratedRegex("资金|经费|预算|拨款|中央|自治区|省级|财政")]
    private static partial Regex Money();

    [GeneratedRegex("不足|减少|下降|较少|偏少|未能|没能|滞后|较晚")]
    private static partial Regex ShortWords();

    [GeneratedRegex("超额|超出|大幅增加|高于")]
    private static partial Regex OverWords();

    /// <summary>
    /// A reason that blames a cause of another period than the table's year (受疫情影响 in a 2025 table; session 44): the finding in
    /// full the first time the answer says it, referred back to after; null when the reason fits its year.
    /// </summary>
    private static string? OutOfPeriod(AnswerWriter w, string reason)
    {
        if (w.Sheet.Evaluation.Year is not { } year || Assistant.Domain.Review.ReasonQuality.OutOfPeriodCause(reason, year) is not { } cause)
        {
            return null;
        }

        string note = Assistant.Domain.Review.ReasonQuality.OutOfPeriodNote(cause, year);
        return w.Says(note) ? $"同样把偏差归于{cause.Name}，与年度不符（见上）" : note;
    }
}
