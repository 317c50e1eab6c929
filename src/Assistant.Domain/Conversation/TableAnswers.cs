using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Answers about the table itself, without a model: definitions and rules of the policy in use worked
/// through on this table's numbers, any figure worked out, lists of rows, and an overview. Pure; every
/// number is a fact reference (see <see cref="AnswerWriter"/>).
/// </summary>
public static partial class TableAnswers
{
    public static ScoringPolicy PolicyOf(FactSheet sheet) => ScoringPolicy.Find(sheet.Report.PolicyName) ?? ScoringPolicy.Default;

    internal static string Name(FactSheet s, int i) => s.Evaluation.Indicators[i].Name.Trim();

    internal static string P(int i) => $"indicators[{i}]";

    internal static bool Scored(FactSheet s) => s.Evaluation.Kind == EvaluationKind.Project;

    internal static int? RootFund(FactSheet s) => s.Report.Funds.FirstOrDefault(f => f.IsRoot)?.Index ?? (s.Report.Funds.Count > 0 ? 0 : null);

    public static OfflineAnswer Define(string? topic, IReadOnlyList<int> rows, FactSheet sheet)
    {
        var w = new AnswerWriter(sheet);
        ScoringPolicy policy = PolicyOf(sheet);
        switch (topic)
        {
            case Topics.Rate:
                w.Line("执行率是全年执行数除以全年预算数，反映预算资金实际花出去的比例。");
                FundRates(w, all: true);
                if (Scored(sheet) && RootFund(sheet) is { } f && w.Has($"funds.lines[{f}].score"))
                {
                    FundScore(w, f);
                }

                w.Line($"执行率低于{w.Percent(policy.LowExecutionThreshold, "说明原因的执行率界限（评分规则）")}的，自评报告须说明原因（{policy.Title}）。");
                break;
            case Topics.Grade:
                Grade(w, policy);
                break;
            case Topics.Cap:
                Cap(w, rows, policy);
                break;
            case Topics.Cancelled:
                Cancelled(w, rows, policy);
                break;
            case Topics.Qualitative:
                Qualitative(w, rows, policy);
                break;
            case Topics.Transfer:
                if (Scored(sheet))
                {
                    // A project table whose 得分 column was left empty: the scores below are the calculator's, not the table's (session 44).
                    bool printed = sheet.Evaluation.Indicators.Any(x => x.PrintedScore is not null) || sheet.Evaluation.PrintedTotal is not null;
                    w.Line(printed ? "这是项目支出自评表，按分值计分，总分见下。"
                        : "这是项目支出自评表，按分值计分；表中没有填写得分和总分，下面是按评分规则计算的结果（计算值，不是表中所填）。");
                    Total(w);
                }
                else
                {
                    w.Line("这是转移支付绩效目标自评表：转移支付自评表只填指标值、完成值和未完成原因，不设分值、得分和总分，看的是完成情况；"
                        + "可以计算的是各项指标的完成率和各项资金的执行率（按表中数字计算的计算值）。");
                    ListShort(w, policy);
                }

                break;
            case Topics.ReasonNeeded:
                ReasonNeeded(w, rows, policy);
                break;
            case Topics.PriorYear or Topics.NotInTable:
                Outside(w, topic, rows);
                break;
            case Topics.NotCounted:
                Uncounted(w, rows);
                break;
            case Topics.Completion:
                w.Line("完成率是完成值除以指标值。");
                foreach (int i in rows.Count > 0 ? rows : IndicatorExplainer.ShortRows(sheet))
                {
                    RowFigures(w, i);
                }

                break;
            default:
                ScoreRule(w, rows, policy);
                break;
        }

        return w.Done();
    }

    public static OfflineAnswer Compute(string? topic, IReadOnlyList<int> rows, FactSheet sheet, IReadOnlyList<int>? funds = null, string? figure = null)
    {
        funds ??= [];
        var w = new AnswerWriter(sheet);
        ScoringPolicy policy = PolicyOf(sheet);
        switch (topic)
        {
            case Topics.Lost when rows.Count > 0 && Scored(sheet):
                foreach (int i in rows)
                {
                    RowScore(w, i);
                }

                break;
            case Topics.Lost or Topics.Total or Topics.Grade when Scored(sheet):
                if (topic == Topics.Grade)
                {
                    Grade(w, policy);
                }

                Total(w);
                LostRows(w);
                if (figure is not null && AsksReviewer(figure))
                {
                    ReviewerView(w, figure);
                }

                break;
            case Topics.Funds when Scored(sheet):
                FundRates(w, all: false);
                if (RootFund(sheet) is { } f)
                {
                    FundScore(w, f);
                }

                break;
            case Topics.Weights:
                Weights(w);
                break;
            case Topics.Balance:
                FundBalances(w, policy, funds, figure);
                FundReasons(w, funds, policy);
                if (figure is not null && IntentRouter.AsksHowToWrite(figure))
                {
                    HowToWrite(w, funds, policy);
                }

                break;
            case Topics.ReasonNeeded:
                FundReasonNeeded(w, funds, policy);
                break;
            case Topics.FundReasonsDue:
                FundReasonsDue(w, policy);
                break;
            case Topics.TotalRate when RootFund(sheet) is { } rootLine:
                FundRates(w, all: false, [rootLine], figure);
                break;
            case Topics.TotalBalance when RootFund(sheet) is { } rootLine:
                FundBalances(w, policy, [rootLine], figure);
                break;
            case Topics.Rate or Topics.Funds:
                if (figure is not null && RateBoundAsked(figure) is not null)
                {
                    RateBoundAnswer(w, funds, figure); // 有没有到90%: 没有/达到了 first (session 44)
                }

                FundRates(w, all: true, funds, figure);
                if (figure is not null && funds.Count == 2 && CompareAsked(figure))
                {
                    CompareLines(w, funds); // 区级资金和省级资金哪个执行率低: which, and by how much (session 42)
                }

                FundReasons(w, funds, policy);
                if (figure is not null && (IntentRouter.AsksHowToWrite(figure) || IntentRouter.AsksReasonDraft(figure)))
                {
                    HowToWrite(w, funds, policy);
                }

                break;
            case Topics.GapCheck when rows.Count == 1:
                GapCheck(w, rows[0], figure ?? string.Empty);
                break;
            case Topics.Confirm:
                Confirm(w, figure ?? string.Empty, rows, funds);
                break;
            case Topics.Convert:
                Convert(w, figure ?? string.Empty, rows);
                break;
            case Topics.CapYesNo when rows.Count == 1:
                OverCapYesNo(w, rows[0]);
                break;
            case Topics.TargetPremise when rows.Count == 1:
                TargetPremise(w, rows[0], figure ?? string.Empty);
                break;
            case Topics.RowStatus when rows.Count == 1:
                RowStatus(w, rows[0], figure ?? string.Empty);
                break;
            case Topics.MostLost when Scored(sheet):
                MostLost(w, figure ?? string.Empty);
                break;
            case Topics.Lowest or Topics.Highest or Topics.FundLowest or Topics.FundHighest:
                Ranked(w, topic, policy);
                break;
            case Topics.WhatIf:
                WhatIf(w, figure ?? string.Empty, funds);
                break;
            case Topics.RateForGrade:
                RateForGrade(w, figure ?? string.Empty);
                break;
            case Topics.FundFull:
                FundFull(w, funds);
                break;
            case Topics.PartForTotal:
                PartForTotal(w, funds, figure ?? string.Empty);
                break;
            case Topics.TotalForRate:
                TotalForRate(w, figure ?? string.Empty);
                break;
            case Topics.WhatIfRow when rows.Count == 1:
                WhatIfRow(w, figure ?? string.Empty, rows[0]);
                break;
            case Topics.Number:
                Figure(w, figure ?? string.Empty);
                break;
            case Topics.Lost or Topics.Total or Topics.Grade:
                // No 分值 to score against: the calculator gives no total, only each row's 完成率 and each line's 执行率 (session 44: the
                // lead-in ended in a colon with nothing after it when the list had been given the part before).
                w.Line("这是转移支付自评表，不设分值，因此不计算得分和总分，也没有扣分；可以计算的是各项指标的完成率和各项资金的执行率（按表中数字计算的计算值）。");
                ListShort(w, policy);
                break;
            default:
                var list = rows.Count > 0 ? rows : IndicatorExplainer.ShortRows(sheet);
                if (list.Count == 0)
                {
                    w.Line("各项指标都达到了指标值。");
                }

                foreach (int i in list)
                {
                    RowFigures(w, i);
                }

                break;
        }

        return w.Done();
    }

    public static OfflineAnswer List(string? topic, FactSheet sheet)
    {
        var w = new AnswerWriter(sheet);
        ScoringPolicy policy = PolicyOf(sheet);
        switch (topic)
        {
            case Topics.Overshoot:
                ListOvershoot(w, policy);
                break;
            case Topics.FundReasonsDue:
                FundReasonsDue(w, policy); // 哪些资金低于90%: the lines below the threshold, each with its reason or none (session 43)
                break;
            case Topics.Unexplained:
                ListUnexplained(w, policy);
                break;
            case Topics.Findings:
                ListFindings(w);
                LowFunds(w, policy, unflaggedOnly: true);
                break;
            default:
                ListShort(w, policy);
                break;
        }

        return w.Done();
    }

    public static OfflineAnswer Summary(FactSheet sheet)
    {
        var w = new AnswerWriter(sheet);
        ScoringPolicy policy = PolicyOf(sheet);
        if (Scored(sheet) && w.Has("total"))
        {
            w.Line($"《{sheet.Evaluation.Title}》总分{w.F("total")}，等级为“{GradeOf(sheet.Report.Total!.Value, policy)}”。");
        }
        else
        {
            w.Line($"《{sheet.Evaluation.Title}》是转移支付自评表，不计总分。");
        }

        FundRates(w, all: false);
        w.Line($"共{w.F("count.indicators")}指标，其中未完成{w.F("count.short")}、超额完成{w.F("count.exceeded")}。");
        ListShort(w, policy, brief: true);
        int findings = sheet.Report.Findings.Count(f => f.Severity != Severity.Info);
        if (findings > 0)
        {
            w.Line($"表内勾稽检查发现{w.Count(findings, "处", "需要核对的问题数")}需要核对的问题，问“有哪些问题”可逐条列出。");
        }

        return w.Done();
    }

    /// <summary>The rule in words; the policy's shares (定性 grade bands) as facts of the turn.</summary>
    internal static string RuleWords(AnswerWriter w, IndicatorRule rule)
    {
        if (rule != IndicatorRule.Qualitative)
        {
            return IndicatorExplainer.RuleText(rule);
        }

        ScoringPolicy p = PolicyOf(w.Sheet);
        string a = w.Percent(p.QualitativeBandLow[QualitativeGrade.Achieved], "达成档下限（评分规则）");
        string b = w.Percent(p.QualitativeBandLow[QualitativeGrade.Partial], "部分达成档下限（评分规则）");
        return $"定性指标：达成得满分，部分达成按分值的{b}至{a}计，未达成按{b}以下计";
    }

    /// <summary>
    /// The rule that was actually applied to row <paramref name="r"/>: for a missed deadline (probe 38 #9) whether the table's printed
    /// score was kept inside a grade band or the policy's late rule set the band's default share, as the trace and part 五 say.
    /// </summary>
    internal static string RuleWords(AnswerWriter w, IndicatorResult r)
    {
        if (!r.IsLate && r.Rule == IndicatorRule.Qualitative && Calculator.IsWeaker(r.Target, r.Actual))
        {
            // 初步建立 against 进一步完善 (session 40): what the trace says — weaker, and scored as the table's grade or the 达成 band for review.
            return r.Score is { } sc && r.Weight is { } wt && sc < wt
                ? $"{RuleWords(w, r.Rule)}；完成值弱于指标值，按表中评定的分数计分"
                : $"{RuleWords(w, r.Rule)}；完成值弱于指标值，表中没有评价等级，也没有低于满分的评分，暂按“达成”档计分，须复核并在报告中说明差距";
        }

        if (!r.IsLate || r.Band is not { } band)
        {
            return RuleWords(w, r.Rule);
        }

        ScoringPolicy p = PolicyOf(w.Sheet);
        string share = w.Percent(p.QualitativeDefaultShare[band], $"“{band.ToChinese()}”档默认比例（评分规则）");
        return r.LateRule
            ? $"时效指标未按期完成，不得满分；表中没有评价等级，也没有落在分档内的评分，按评分规则中时效指标逾期的规定计入“{band.ToChinese()}”档，按该档比例{share}计分"
            : r.BandDefault
                ? $"时效指标未按期完成，不得满分；按“{band.ToChinese()}”档的默认比例{share}计分"
                : $"时效指标未按期完成，不得满分；表中评定的得分在“{band.ToChinese()}”档的分数范围内，保留表中评分（没有另按逾期规则改分）";
    }

    /// <summary>
    /// The upper bound a target cell prints before its number (≤1000, ＜5, 不高于1800, 不超过3): a cap read without it says the opposite
    /// (指标值1000元/人·月 reads as a floor). A lower bound (≥) is how every target reads and is left out, as the table's figures are.
    /// </summary>
    internal static string UpperBound(string? target)
    {
        string t = (target ?? string.Empty).Trim();
        return t.StartsWith('≤') || t.StartsWith("<=", StringComparison.Ordinal) || t.StartsWith("＜=", StringComparison.Ordinal)
            || t.StartsWith("不高于", StringComparison.Ordinal) || t.StartsWith("不超过", StringComparison.Ordinal) || t.StartsWith("不大于", StringComparison.Ordinal)
            || t.StartsWith("小于等于", StringComparison.Ordinal) || t.StartsWith("低于或等于", StringComparison.Ordinal)
            ? "≤"
            : t.StartsWith('<') || t.StartsWith('＜') || t.StartsWith("小于", StringComparison.Ordinal) || t.StartsWith("低于", StringComparison.Ordinal) ? "<" : string.Empty;
    }

    internal static void RowFigures(AnswerWriter w, int i, bool withName = true)
    {
        string p = P(i);
        string name = Name(w.Sheet, i);
        IndicatorResult r = w.Sheet.Report.Indicators[i];
        string cap = w.Has(p + ".target") ? UpperBound(r.Target.Text) : string.Empty;
        w.Add($"{(withName ? $"“{name}”：" : string.Empty)}指标值{cap}{w.F(p + ".target", $"“{w.Quote(r.Target.Text, "指标值中的数字（表中）")}”")}，完成值{w.F(p + ".actual", $"“{w.Quote(r.Actual.Text, "完成值中的数字（表中）")}”")}");
        bool reverse = r.Rule == IndicatorRule.Reverse; // ≤ a cap: below it is better
        if (w.Has(p + ".gap"))
        {
            // A target of 0 exceeded: the gap is how many happened that should not have (超出指标值2户, not 相差2户).
            string gapWord = reverse ? (r.Status == IndicatorStatus.Short ? "超出上限" : "低于上限")
                : r.Rule == IndicatorRule.Zero && r.Status == IndicatorStatus.Short ? "超出指标值" : r.Status == IndicatorStatus.Exceeded ? "超出" : "相差";
            w.Add($"，{gapWord}{w.F(p + ".gap")}");
        }

        if (w.Has(p + ".completion") && !reverse)
        {
            w.Add(w.Has(p + ".actual") && w.Has(p + ".target")
                ? $"，完成率{w.F(p + ".completion")}（{w.F(p + ".actual")} ÷ {w.F(p + ".target")}）"
                : $"，完成率{w.F(p + ".completion")}");
        }

        w.Line("。");
    }

    internal static void RowScore(AnswerWriter w, int i)
    {
        string p = P(i);
        IndicatorResult r = w.Sheet.Report.Indicators[i];
        RowFigures(w, i);
        if (!w.Has(p + ".score"))
        {
            return;
        }

        string how = r.Rule switch
        {
            IndicatorRule.Positive when r.Status == IndicatorStatus.Short && w.Has(p + ".actual") && w.Has(p + ".target")
                => $"{w.F(p + ".weight")} × {w.F(p + ".actual")} ÷ {w.F(p + ".target")} = {w.F(p + ".score")}",
            _ => $"得{w.F(p + ".score")}（分值{w.F(p + ".weight")}）",
        };
        w.Line($"计分：{RuleWords(w, r)}。{how}{(w.Has(p + ".lost") ? $"，扣{w.F(p + ".lost")}" : "，没有扣分")}。");
    }

    private static void Total(AnswerWriter w)
    {
        FactSheet s = w.Sheet;
        if (!w.Has("total"))
        {
            w.Line("这张表算不出总分（有指标无法计分），请看检查结果。");
            return;
        }

        var parts = new List<string>();
        if (RootFund(s) is { } f && w.Has($"funds.lines[{f}].score"))
        {
            parts.Add($"预算执行{w.F($"funds.lines[{f}].score")}");
        }

        parts.AddRange(s.Report.Levels.Where(l => w.Has($"levels[{l.Level1}].score")).Select(l => $"{l.Level1}{w.F($"levels[{l.Level1}].score")}"));
        w.Line($"总分{w.F("total")}，由各部分得分相加：{string.Join(" + ", parts)} = {w.F("total")}（按未四舍五入的得分相加，再保留两位小数）。");
        if (w.Has("totalLost"))
        {
            w.Line($"分值合计{w.F("weightTotal")}，共扣{w.F("totalLost")}。");
        }
    }

    private static void LostRows(AnswerWriter w)
    {
        FactSheet s = w.Sheet;
        if (RootFund(s) is { } f)
        {
            FundScore(w, f);
        }

        var lost = s.Report.Indicators.Where(r => w.Has(P(r.Index) + ".lost")).Select(r => r.Index).ToList();
        if (lost.Count == 0)
        {
            w.Line("各项绩效指标都得了满分，没有扣分。");
            return;
        }

        w.Line($"扣分的绩效指标有{w.Count(lost.Count, "项", "扣分的指标数")}：");
        if (lost.Count >= 2)
        {
            int most = lost.OrderByDescending(i => s.Find(P(i) + ".lost")!.Value).ThenBy(i => i).First();
            w.Line($"扣分最多的是“{Name(s, most)}”，扣{w.F(P(most) + ".lost")}。");
        }

        foreach (int i in lost)
        {
            RowScore(w, i);
        }
    }

    private static void ScoreRule(AnswerWriter w, IReadOnlyList<int> rows, ScoringPolicy p)
    {
        FactSheet s = w.Sheet;
        if (!Scored(s))
        {
            w.Line("转移支付自评表不计分，只看完成情况。");
            ListShort(w, p, brief: true);
            return;
        }

        w.Line($"按{p.Title}：");
        foreach (var rule in s.Report.Indicators.Select(r => r.Rule).Distinct())
        {
            w.Line($"{RuleWords(w, rule)}。");
        }

        var examples = rows.Count > 0 ? rows : s.Report.Indicators.Where(r => w.Has(P(r.Index) + ".lost")).Select(r => r.Index).Take(3).ToList();
        foreach (int i in examples)
        {
            RowScore(w, i);
        }
    }

    private static void Cap(AnswerWriter w, IReadOnlyList<int> rows, ScoringPolicy p)
    {
        FactSheet s = w.Sheet;
        // A ceiling row (≤) is better than its target when it stays below it: its words are 低于上限, never 超过/多完成.
        var asked = rows.Count > 0 ? rows.Select(i => s.Report.Indicators.First(r => r.Index == i)).ToList() : s.Report.Indicators.ToList();
        bool ceilings = asked.Any(r => r.Rule == IndicatorRule.Reverse);
        bool positives = asked.Any(r => r.Rule == IndicatorRule.Positive);
        w.Line(ceilings && !positives
            ? "反向指标（控制上限）完成值低于指标值的按满分计，得分不超过该项分值（封顶），比上限低得多也不加分；资金得分同样不超过分值。"
            : ceilings
                ? "优于指标值的指标按满分计（正向指标超过指标值、反向指标低于控制上限），得分不超过该项分值（封顶），优于指标值的部分不加分；资金得分同样不超过分值。"
                : "超过指标值的指标按满分计，得分不超过该项分值（封顶），多完成的部分不加分；资金得分同样不超过分值。");
        w.Line("第十二条要求完成值高于指标值较多的要分析原因，看目标是否定得偏低。");
        if (p.ReduceForLowTargets)
        {
            w.Line("当前规则对超额过多的指标还按偏离程度扣分。");
        }

        var over = rows.Count > 0 ? rows : s.Report.Indicators.Where(r => r.Status == IndicatorStatus.Exceeded).Select(r => r.Index).Take(5).ToList();
        foreach (int i in over)
        {
            RowFigures(w, i);
            if (w.Has(P(i) + ".score"))
            {
                w.Line($"得分{w.F(P(i) + ".score")}，即该项分值{w.F(P(i) + ".weight")}。");
            }
        }
    }

    private static void Cancelled(AnswerWriter w, IReadOnlyList<int> rows, ScoringPolicy p)
    {
        FactSheet s = w.Sheet;
        var cancelled = s.Report.Indicators.Where(r => r.Rule == IndicatorRule.Cancelled).Select(r => r.Index).ToList();
        w.Line(p.CancelledScoring == CancelledScoring.FullWeight
            ? "当前规则按表中做法，指标已取消的仍按满分计入总分，同时列为需要核对的问题：应说明取消原因，并考虑调整分值。"
            : "当前规则对指标已取消的记零分。");
        foreach (int i in cancelled.Count > 0 ? cancelled : rows)
        {
            w.Line($"“{Name(s, i)}”注明“指标已取消”，分值{w.F(P(i) + ".weight")}，计{w.F(P(i) + ".score", "（未计分）")}。");
        }
    }

    private static void Qualitative(AnswerWriter w, IReadOnlyList<int> rows, ScoringPolicy p)
    {
        FactSheet s = w.Sheet;
        string a = w.Percent(p.QualitativeBandLow[QualitativeGrade.Achieved], "达成档下限（评分规则）");
        string b = w.Percent(p.QualitativeBandLow[QualitativeGrade.Partial], "部分达成档下限（评分规则）");
        w.Line($"定性指标分三档：达成按分值的{a}及以上计，部分达成按{b}至{a}计，未达成按{b}以下计。");
        var list = rows.Count > 0 ? rows : s.Report.Indicators.Where(r => r.Rule == IndicatorRule.Qualitative).Select(r => r.Index).ToList();
        foreach (int i in list.Where(i => s.Report.Indicators[i].Rule == IndicatorRule.Qualitative))
        {
            IndicatorResult r = s.Report.Indicators[i];
            QualitativeVerdict(w, i, a, b);
        }
    }

    private static void ReasonNeeded(AnswerWriter w, IReadOnlyList<int> rows, ScoringPolicy p)
    {
        FactSheet s = w.Sheet;
        w.Line($"需要写偏差原因的：未完成指标值的；完成值达到指标值的{w.Percent(p.OvershootThreshold, "须说明超额原因的完成率界限（评分规则）")}及以上的（第十二条：完成值高于指标值较多的要分析原因）；执行率低于{w.Percent(p.LowExecutionThreshold, "说明原因的执行率界限（评分规则）")}的资金。");
        var items = DeviationItems.Find(s, p);
        foreach (int i in rows)
        {
            RowFigures(w, i);
            DeviationItem? item = items.FirstOrDefault(x => x.IndicatorIndex == i);
            // The row named in its own line: listed after others (哪些超额比较多，要不要写原因), two rows' lines are never the same sentence.
            string row = $"“{s.Evaluation.Indicators[i].Name.Trim()}”";
            w.Line(item is null ? $"{row}不需要专门说明偏差原因。"
                : item.StatedReason is { } reason ? $"{row}需要说明，表中已填：{AnswerWriter.Quoted(reason)}" : $"{row}需要说明原因，表中还没有填写。");
        }
    }

    private static void Weights(AnswerWriter w)
    {
        FactSheet s = w.Sheet;
        if (!Scored(s))
        {
            w.Line("转移支付自评表不设分值。");
            return;
        }

        foreach (LevelResult l in s.Report.Levels)
        {
            w.Line($"{l.Level1}下各指标分值合计{w.F($"levels[{l.Level1}].weight")}。");
        }

        if (w.Has("weightTotal"))
        {
            w.Line($"连同预算执行的分值{w.F("funds.weight")}，分值合计{w.F("weightTotal")}。");
        }

        ListFindings(w, f => f.Code.StartsWith("weights.", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?<![\d.〔年])(\d+(?:\.\d+)?)(%|分|人|万元|万人)?")]
    private static partial Regex NumberInText();
}
