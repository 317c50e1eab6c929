using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>Answers that single out: the fund lines a question names, the worst or best row or line, a figure quoted back.</summary>
public static partial class TableAnswers
{
    internal static void FundRates(AnswerWriter w, bool all, IReadOnlyList<int>? only = null, string? message = null)
    {
        FactSheet s = w.Sheet;
        string? asked = AskedMoneyUnit(message);
        foreach (FundLineResult line in s.Report.Funds.Where(l => (all || l.IsRoot) && Asked(l, only)))
        {
            FundRate(w, line, asked);
        }
    }

    /// <summary>One line's 执行率 worked out (and in the money unit asked, when the table's is another).</summary>
    private static void FundRate(AnswerWriter w, FundLineResult line, string? asked = null)
    {
        string p = $"funds.lines[{line.Index}]";
        if (w.Has(p + ".rate"))
        {
            w.Line($"{line.Name}：全年执行数{w.F(p + ".executed")} ÷ 全年预算数{w.F(p + ".budget")} = 执行率{w.F(p + ".rate")}。");
            if (asked is not null && w.Sheet.Find(p + ".executed") is { } ex && ex.Unit != asked && YuanPer(ex.Unit) is not null && YuanPer(asked) is not null)
            {
                // 执行了多少万元 on a table in 元: the amounts in the unit asked, each with the table's figure.
                w.Line($"按{asked}计：全年执行数{AmountAsked(w, p + ".executed", asked, "全年执行数")}，全年预算数{AmountAsked(w, p + ".budget", asked, "全年预算数")}。");
            }
        }
    }

    internal static void FundScore(AnswerWriter w, int f)
    {
        string p = $"funds.lines[{f}]";
        if (!w.Has(p + ".score") || !w.Has("funds.weight"))
        {
            return;
        }

        Fact weight = w.Sheet.Find("funds.weight")!;
        decimal score = w.Sheet.Report.Funds.First(l => l.Index == f).Score ?? 0m;
        w.Line($"资金得分 = 分值 × 执行率（不超过分值）：{w.F("funds.weight")} × {w.F(p + ".rate")} = {w.F(p + ".score")}。");
        if (weight.Value - score > 0)
        {
            w.Line($"预算执行这一项扣{w.N(weight.Value - score, "分", 2, "资金扣分（分值减资金得分）")}。");
        }
    }

    /// <summary>Whether a line is answered: every line when none is named; else the total and the named ones.</summary>
    internal static bool Asked(FundLineResult line, IReadOnlyList<int>? only) => only is not { Count: > 0 } || line.IsRoot || only.Contains(line.Index);

    /// <summary>For each named line: the unit's own reason for it, or that the table gives none where one is due.</summary>
    internal static void FundReasons(AnswerWriter w, IReadOnlyList<int> funds, ScoringPolicy policy)
    {
        // No line named: the whole project's line, when the unit explained it.
        IReadOnlyList<int> lines = funds.Count > 0 ? funds
            : RootFund(w.Sheet) is { } root && root < w.Sheet.Evaluation.Funds.Lines.Count && DeviationItems.Clean(w.Sheet.Evaluation.Funds.Lines[root].DeviationNote) is not null ? [root] : [];
        foreach (int f in lines)
        {
            FundLineResult line = w.Sheet.Report.Funds.First(l => l.Index == f);
            if (line.Rate is not { } rate)
            {
                continue;
            }

            string? note = f < w.Sheet.Evaluation.Funds.Lines.Count ? DeviationItems.Clean(w.Sheet.Evaluation.Funds.Lines[f].DeviationNote) : null;
            if (note is not null)
            {
                w.Line($"表中对{line.Name}填报的原因：{AnswerWriter.Quoted(w.Quote(note, "原因中的数字（表中所填）"))}");
                if (ReviewAnswers.PartOfGap(w, note, $"funds.lines[{f}]") is { } part)
                {
                    w.Line(part + "。");
                }
            }
            else if (!line.IsRoot && RootNoteNaming(w.Sheet, line) is { } rootNote)
            {
                // 省级资金12月下旬才下达，部分未能支出 written on the total line: the unit's reason for this part, where it wrote it.
                w.Line($"{line.Name}一栏没有单独填写原因，资金总额一栏的说明写到了它：{AnswerWriter.Quoted(w.Quote(rootNote, "原因中的数字（表中所填）"))}");
            }
            else if (rate < policy.LowExecutionThreshold && Borrowed(w.Sheet, line, policy) is { Count: > 0 } borrowed)
            {
                // What the draft of 三 says for it too (BorrowedReasons): the unit's reasons for its cost lines or its funding, where they were written.
                w.Line($"{line.Name}一栏没有单独填写原因；单位在绩效指标中说明的相关原因是："
                    + string.Join("；", borrowed.Select(b => $"“{w.Quote(b.Cause, "原因中的数字（表中所填）")}”（写在“{b.Item.Name}”的偏差原因栏）")) + "。");
            }
            else if (rate < policy.LowExecutionThreshold)
            {
                w.Line($"表中没有填写{line.Name}执行率偏低的原因。执行率低于{w.Percent(policy.LowExecutionThreshold, "说明原因的执行率界限（评分规则）")}，"
                    + "自评报告须说明结余的原因（资金何时到位、哪些支出没有发生或尚未结算、涉及多少）和下一步措施。");
                if (line.IsRoot)
                {
                    PartsOwnReasons(w, line, policy);
                }
            }
        }
    }

    /// <summary>The reasons a line without its own may borrow (the cost lines', the funding's), as the draft of 三 borrows them.</summary>
    private static IReadOnlyList<(DeviationItem Item, string Cause)> Borrowed(FactSheet sheet, FundLineResult line, ScoringPolicy policy) =>
        BorrowedReasons.Sources(sheet, DeviationItems.Find(sheet, policy, lowParts: true), line.Name, line.IsRoot);

    /// <summary>
    /// The total without a reason of its own: each low part's own note said for that part only (never the total's reason), and the low
    /// parts without one said to have none — as the draft of 三 says them (session 39, probe 38 §5 t4).
    /// </summary>
    private static void PartsOwnReasons(AnswerWriter w, FundLineResult root, ScoringPolicy policy)
    {
        var lows = w.Sheet.Report.Funds.Where(l => !l.IsRoot && l.Index != root.Index && l.Rate < policy.LowExecutionThreshold && w.Has($"funds.lines[{l.Index}].rate")).ToList();
        var noted = lows.Where(l => l.Index < w.Sheet.Evaluation.Funds.Lines.Count && DeviationItems.Clean(w.Sheet.Evaluation.Funds.Lines[l.Index].DeviationNote) is not null).ToList();
        if (noted.Count == 0)
        {
            return;
        }

        foreach (FundLineResult part in noted)
        {
            string note = DeviationItems.Clean(w.Sheet.Evaluation.Funds.Lines[part.Index].DeviationNote)!;
            w.Line($"分资金来源看，{part.Name}执行率{w.F($"funds.lines[{part.Index}].rate")}，{part.Name}一栏填写的原因是{AnswerWriter.Quoted(w.Quote(note, "原因中的数字（表中所填）"))}这条原因只说明{part.Name}，不能当作资金总额的原因。");
        }

        foreach (FundLineResult part in lows.Except(noted))
        {
            w.Line($"{part.Name}执行率{w.F($"funds.lines[{part.Index}].rate")}，也低于{w.Percent(policy.LowExecutionThreshold, "说明原因的执行率界限（评分规则）")}，表中没有填写它的原因。");
        }
    }

    /// <summary>
    /// The note of the line above a part (its parent, else the root) when it names the part (省级资金12月下旬才下达 names 省级资金 by 省级);
    /// null when it does not.
    /// </summary>
    public static string? RootNoteNaming(FactSheet sheet, FundLineResult part)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(part);
        var lines = sheet.Evaluation.Funds.Lines;
        FundLineResult? above = sheet.Report.Funds.FirstOrDefault(l => l.Index != part.Index && part.Parent is { } parent && string.Equals(l.Name.Trim(), parent.Trim(), StringComparison.Ordinal))
            ?? sheet.Report.Funds.FirstOrDefault(l => l.IsRoot && l.Index != part.Index);
        if (above is null || above.Index >= lines.Count || DeviationItems.Clean(lines[above.Index].DeviationNote) is not { } note)
        {
            return null;
        }

        string name = part.Name.Trim();
        string source = PartWord().Replace(name, string.Empty);
        return note.Contains(name, StringComparison.Ordinal) || (source.Length >= 2 && note.Contains(source, StringComparison.Ordinal)) ? note : null;
    }

    /// <summary>What a fund line's name adds to its source (县级配套资金 → 县级, 中央补助资金 → 中央).</summary>
    [GeneratedRegex("(?:财政)?(?:配套|补助|专项|衔接|转移支付)?(?:资金|经费)$")]
    private static partial Regex PartWord();

    /// <summary>The worst or best: rows by 完成率 (positive rows only; rows short without a rate named after), lines by 执行率.</summary>
    internal static void Ranked(AnswerWriter w, string topic, ScoringPolicy policy)
    {
        FactSheet s = w.Sheet;
        bool low = topic is Topics.Lowest or Topics.FundLowest;
        if (topic is Topics.FundLowest or Topics.FundHighest)
        {
            RankedFunds(w, low, policy);
            return;
        }

        var rows = s.Report.Indicators.Where(r => r.Rule == IndicatorRule.Positive && r.Completion is not null && w.Has(P(r.Index) + ".completion")).ToList();
        var ordered = (low ? rows.OrderBy(r => r.Completion) : rows.OrderByDescending(r => r.Completion)).ThenBy(r => r.Index).ToList();
        if (ordered.Count == 0)
        {
            w.Line("表中没有能算出完成率的指标（都是定性、时间或越低越好的指标），无法按完成率比较。");
            ListShort(w, policy);
            return;
        }

        w.Line($"完成率{(low ? "最低" : "最高")}的是“{Name(s, ordered[0].Index)}”：");
        RowFigures(w, ordered[0].Index, withName: false);
        if (ordered.Count > 1)
        {
            w.Line("其次是：");
            foreach (var r in ordered.Skip(1).Take(2))
            {
                RowFigures(w, r.Index);
            }
        }

        var unranked = low ? s.Report.Indicators.Where(r => r.Status == IndicatorStatus.Short && !rows.Contains(r)).ToList() : [];
        if (unranked.Count > 0)
        {
            w.Line("下列指标没有完成率可比（定性、时间或越低越好的指标），同样未达到指标值：");
            foreach (var r in unranked)
            {
                RowFigures(w, r.Index);
            }
        }
    }

    private static void RankedFunds(AnswerWriter w, bool low, ScoringPolicy policy)
    {
        FactSheet s = w.Sheet;
        var lines = s.Report.Funds.Where(l => !l.IsRoot && l.Rate is not null && w.Has($"funds.lines[{l.Index}].rate")).ToList();
        if (lines.Count == 0)
        {
            w.Line("表中只有资金总额一行，没有分来源的资金可比：");
            FundRates(w, all: false);
            return;
        }

        var ordered = (low ? lines.OrderBy(l => l.Rate) : lines.OrderByDescending(l => l.Rate)).ThenBy(l => l.Index).ToList();
        // The line asked for first, under the sentence naming it; the whole fund's line after the others, for comparison.
        w.Line($"执行率{(low ? "最低" : "最高")}的是{ordered[0].Name}：");
        FundRate(w, ordered[0]);
        if (low)
        {
            FundReasons(w, [ordered[0].Index], policy);
        }

        if (ordered.Count > 1)
        {
            w.Line("其余资金：");
            foreach (var line in ordered.Skip(1))
            {
                string p = $"funds.lines[{line.Index}]";
                w.Line($"{line.Name}执行率{w.F(p + ".rate")}；");
            }
        }

        foreach (FundLineResult root in s.Report.Funds.Where(l => l.IsRoot))
        {
            w.Line("全部资金合计：");
            FundRate(w, root);
        }
    }

    /// <summary>A figure quoted back (19.5%怎么算的): the facts of the table it is, each worked out; or that the table has none.</summary>
    internal static void Figure(AnswerWriter w, string figure)
    {
        Match m = FigureParts().Match(figure);
        if (!m.Success || !decimal.TryParse(m.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal asked))
        {
            w.Line("没有看出问的是哪个数，请把数字连同单位写上，如“19.50%怎么算的”。");
            return;
        }

        string unit = m.Groups[2].Value == "个百分点" ? "%" : m.Groups[2].Value;
        int decimals = m.Groups[1].Value.Contains('.', StringComparison.Ordinal) ? m.Groups[1].Value.Length - m.Groups[1].Value.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var hits = w.Sheet.Facts.Where(f => f.Unit == unit && Math.Round(f.Value, decimals, MidpointRounding.AwayFromZero) == asked && !f.Id.StartsWith("turn.", StringComparison.Ordinal))
            .OrderBy(f => f.Kind == FactKind.Input ? 1 : 0).Take(3).ToList();
        if (hits.Count == 0)
        {
            w.Line($"表中没有算出等于{w.N(asked, unit, decimals, "问题中引用的数字")}的数。可以问“执行率怎么算”“每项扣了多少分”“总分怎么算”，逐项看算式。");
            return;
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (Fact f in hits)
        {
            Explain(w, f, done);
        }
    }

    private static void Explain(AnswerWriter w, Fact f, HashSet<string> done)
    {
        Match id = FactPath().Match(f.Id);
        string owner = id.Success ? $"{id.Groups[1].Value}[{id.Groups[2].Value}]" : f.Id;
        string field = id.Success ? id.Groups[3].Value : string.Empty;
        if (!done.Add(owner + "|" + (field is "score" or "lost" or "completion" or "gap" ? "row" : field)))
        {
            return;
        }

        if (owner.StartsWith("funds.lines", StringComparison.Ordinal) && int.TryParse(id.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int line))
        {
            switch (field)
            {
                case "rate":
                    FundRates(w, all: true, [line]);
                    return;
                case "score":
                    FundScore(w, line);
                    return;
                case "balance" or "unexecutedRate":
                    FundBalances(w, PolicyOf(w.Sheet), [line]);
                    return;
            }
        }
        else if (owner.StartsWith("indicators", StringComparison.Ordinal) && int.TryParse(id.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int row)
            && field is "score" or "lost" or "completion" or "gap")
        {
            if (field is "score" or "lost" && Scored(w.Sheet))
            {
                RowScore(w, row);
            }
            else
            {
                RowFigures(w, row);
            }

            return;
        }
        else if (f.Id == "total")
        {
            Total(w);
            return;
        }

        w.Line($"{DraftText.Ref(f.Id)}是表中的“{f.Label}”。");
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(%|个百分点|分|万元|亿元|元)")]
    private static partial Regex FigureParts();

    [GeneratedRegex(@"^(funds\.lines|indicators)\[(\d+)\]\.(\w+)$")]
    private static partial Regex FactPath();
}
