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

    /// <summary>A count no row names (养老机构床位数, 没领到补贴的老人): said plainly, then the nearest rows' figures, in case one of them is what was meant.</summary>
    internal static void Uncounted(AnswerWriter w, IReadOnlyList<int> rows)
    {
        w.Line("表中没有单列这个数：自评表只记资金和各项绩效指标的指标值、完成值，没有这一项，不能据表回答，需查项目台账或统计数据。");
        if (rows.Count == 0)
        {
            return;
        }

        w.Line("表中相关的指标如下，如果您问的就是下面某个指标，以表中的数为准：");
        foreach (int i in rows)
        {
            RowFigures(w, i);
        }
    }

    /// <summary>
    /// A question about an item the table does not have: said plainly, with the nearest items it does have
    /// (by the words they share), or, for a fund source, the table's own lines; never another row's figures.
    /// </summary>
    public static OfflineAnswer NoSuchItem(FactSheet sheet, string asked)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(asked);
        var w = new AnswerWriter(sheet);
        bool fund = asked.EndsWith("资金", StringComparison.Ordinal) && sheet.Evaluation.Indicators.All(i => !i.Name.Contains(asked, StringComparison.Ordinal));
        if (fund)
        {
            var lines = sheet.Evaluation.Funds.Lines.Select(l => l.Name.Trim()).Where(n => n.Length > 0).ToList();
            w.Line($"这张自评表的资金中没有“{asked}”这一来源，表中回答不了它的执行情况。");
            w.Line(lines.Count > 0 ? $"表中的资金为：{string.Join("、", lines.Select(n => $"“{w.Quote(n, "表中资金名称里的数字")}”"))}；可以问其中任一项的执行率或结余。" : "表中没有填写资金情况。");
            return w.Done();
        }

        w.Line($"这张自评表中没有“{asked}”这一项指标，无法回答这一项的完成、得分或整改；我不会拿其他指标来代替回答。");
        var near = Nearest(sheet, asked);
        if (near.Count > 0)
        {
            w.Line($"表中相近的指标有：{string.Join("、", near.Select(i => $"“{w.Quote(Name(sheet, i), "表中指标名称里的数字")}”"))}。如果您问的是其中某个指标，请写出它的名称或序号。");
        }
        else
        {
            w.Line($"表中没有与之相近的指标；表中共有{w.Count(sheet.Evaluation.Indicators.Count, "项", "表中绩效指标的项数")}绩效指标，可以问“哪些没完成”或按名称、序号询问。");
        }

        return w.Done();
    }

    /// <summary>Rows sharing the asked name's words (pairs first, then single characters that say something), at most three.</summary>
    internal static List<int> Nearest(FactSheet sheet, string asked)
    {
        var pairs = IndicatorMatcher.Bigrams(asked).ToHashSet(StringComparer.Ordinal);
        var chars = asked.Where(c => c is >= '\u4e00' and <= '\u9fff' && !CommonChars.Contains(c)).ToHashSet();
        return sheet.Evaluation.Indicators
            .Select((ind, i) => (i, score: (IndicatorMatcher.Bigrams(ind.Name).Distinct(StringComparer.Ordinal).Count(pairs.Contains) * 3) + ind.Name.Distinct().Count(chars.Contains)))
            .Where(x => x.score > 0).OrderByDescending(x => x.score).ThenBy(x => x.i).Take(3).Select(x => x.i).ToList();
    }

    /// <summary>Characters in most indicator names (率, 数, 人…): sharing one says nothing.</summary>
    private const string CommonChars = "的率数量度人次项目指标完成情况年及和与等个户元万费用合格";
}
