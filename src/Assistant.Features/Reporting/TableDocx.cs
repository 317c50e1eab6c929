using System.Globalization;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Features.Reporting;

/// <summary>
/// The 自评表 as the report's 附件, in the official layout: 项目名称, 主管部门/实施单位, the 项目资金 block
/// (the label merged down its lines), then the indicators with 一级/二级 merged down their rows, and 总分.
/// A project table prints 分值/执行率/得分 as computed; a transfer table has no scores.
/// </summary>
public static class TableDocx
{
    private const int Font = 21; // 10.5 pt

    public static void Append(Body body, Evaluation evaluation, ScoreReport score)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(score);
        bool scored = evaluation.Kind == EvaluationKind.Project;
        Paragraph annex = ReportDocx.Paragraph("附件", ReportDocx.HeadingFont, 32, indent: false);
        annex.ParagraphProperties!.PrependChild(new PageBreakBefore());
        body.Append(ReportDocx.KeepWithNext(annex));
        string year = evaluation.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年度" : string.Empty;
        foreach (string line in TableTitleLines(evaluation))
        {
            body.Append(ReportDocx.KeepWithNext(ReportDocx.Paragraph(line, ReportDocx.TitleFont, 36, JustificationValues.Center, indent: false, lineTwips: 600)));
        }

        body.Append(ReportDocx.Paragraph($"（{year}）", ReportDocx.BodyFont, 28, JustificationValues.Center, indent: false, lineTwips: 480));
        body.Append(Funds(evaluation, score, scored));

        // A paragraph between the tables keeps them two tables: adjacent tables merge when opened, and the
        // indicators' header row would no longer be the first row, so it would not repeat on the next page.
        body.Append(ReportDocx.Paragraph(string.Empty, ReportDocx.BodyFont, 6, indent: false, lineTwips: 120));
        body.Append(Indicators(evaluation, score, scored));
        foreach (string note in new[] { PartsDiffer(score, evaluation), PrintedDiffers(score) }.OfType<string>())
        {
            body.Append(ReportDocx.Paragraph(note, ReportDocx.TableFont, Font, JustificationValues.Left, indent: false, lineTwips: 320));
        }

        body.Append(ReportDocx.Paragraph(string.Empty, ReportDocx.BodyFont, 21, indent: false, lineTwips: 240));
    }

    /// <summary>The printed values a unit's table differs from (得分, 执行率, 总分): the annex prints the calculator's, so it says which and what the unit printed.</summary>
    private static readonly HashSet<string> PrintedCodes = new(StringComparer.Ordinal)
    {
        FindingCodes.IndicatorScorePrinted, FindingCodes.FundsScorePrinted, FindingCodes.FundsRatePrinted, FindingCodes.TotalPrinted,
    };

    /// <summary>
    /// A note under the annex when the unit's own table printed a 得分, 执行率 or 总分 the rules do not give: the
    /// annex prints the computed values, so a reader comparing it with the unit's table is told why they differ.
    /// </summary>
    public static string? PrintedDiffers(ScoreReport score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var differing = score.Findings.Where(f => f.Severity == Severity.Error && PrintedCodes.Contains(f.Code)).Select(f => f.Message.TrimEnd('。')).ToList();
        return differing.Count == 0
            ? null
            : "注：本表的执行率、得分和总分按评分规则计算，与单位自评表打印的数字不同：" + string.Join("；", differing) + "。";
    }

    // 年度资金总额|全年预算数|1280.0万元与各部分之和…: the line, the column and the rest of a funds.parts-sum message.
    private static readonly System.Text.RegularExpressions.Regex PartsColumn = new("^(?<line>.+?)(?<column>年初预算数|全年预算数|全年执行数)(?<rest>.+)$");

    private static readonly System.Text.RegularExpressions.Regex PartsAgainst = new("与各部分之和");

    /// <summary>
    /// A note under the annex when the parts of a fund line do not add up to it (funds.parts-sum, an error): the annex
    /// prints the unit's figures as they are, so the reader is told which column is off and by how much.
    /// </summary>
    public static string? PartsDiffer(ScoreReport score, Evaluation? evaluation = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        var messages = score.Findings.Where(f => f.Severity == Severity.Error && f.Code == FindingCodes.FundsPartsSum).Select(f => f.Message.TrimEnd('。')).ToList();
        // The same figures in several columns (年初预算数 and 全年预算数 both 1280.0 against parts of 1250.0) are said once, naming the columns.
        var differing = new List<string>();
        foreach (var g in messages.Select(m => (Message: m, Match: PartsColumn.Match(m))).GroupBy(x => x.Match.Success ? x.Match.Groups["line"].Value + "|" + x.Match.Groups["rest"].Value : x.Message, StringComparer.Ordinal))
        {
            var first = g.First();
            differing.Add(g.Count() == 1 || !first.Match.Success ? first.Message
                : first.Match.Groups["line"].Value + string.Join("和", g.Select(x => x.Match.Groups["column"].Value)) + "均为" + PartsAgainst.Replace(first.Match.Groups["rest"].Value, "，与各部分之和", 1));
        }

        return differing.Count == 0
            ? null
            : (evaluation is not null && DepartmentBudget.Is(evaluation) ? "注：部门预算各支出类别之和与合计数不一致" : "注：项目资金各来源之和与合计数不一致") + "，本表按单位自评表填报的数字列示，需核实更正：" + string.Join("；", differing) + "。";
    }

    private static Table Funds(Evaluation e, ScoreReport score, bool scored)
    {
        // 8845 twips of text width.
        // Amounts in 元 run to eleven characters (17106482.35): their columns are widened, and an amount longer than ten
        // characters is set a size smaller (Amount), so a number never breaks over two lines.
        int[] grid = !scored ? [1300, 2045, 1850, 1850, 1800]
            : e.Funds.Unit == "元" ? [1000, 1395, 1366, 1367, 1367, 550, 1000, 800]
            : [1100, 1545, 1000, 1000, 1000, 700, 1000, 1500];
        Table t = NewTable(grid);
        // A department's whole budget is headed by the department, its money by 部门预算 (基本支出 / 项目支出 are its categories).
        bool department = DepartmentBudget.Is(e);
        t.Append(department
            ? Row(false, Cell("部门名称", grid[0], bold: true), Cell(DepartmentBudget.Unit(e), grid[1..].Sum(), span: grid.Length - 1))
            : Row(false, Cell("项目名称", grid[0], bold: true), Cell(e.Title.Trim(), grid[1..].Sum(), span: grid.Length - 1)));
        if (scored)
        {
            // A department's table is headed by the department alone (部门名称 above): a 主管部门 row would repeat it beside an empty 实施单位 (session 39).
            if (!department)
            {
                t.Append(Row(false, Cell("主管部门", grid[0], bold: true), Cell(e.Department ?? string.Empty, grid[1] + grid[2] + grid[3], span: 3),
                    Cell("实施单位", grid[4] + grid[5], span: 2, bold: true), Cell(e.Implementer ?? string.Empty, grid[6] + grid[7], span: 2)));
            }

            t.Append(Row(true, Cell((department ? "部门预算资金（万元）" : "项目资金（万元）").Replace("万元", e.Funds.Unit, StringComparison.Ordinal), grid[0], merge: MergedCellValues.Restart, bold: true),
                Cell(string.Empty, grid[1]), Cell("年初预算数", grid[2], bold: true), Cell("全年预算数", grid[3], bold: true), Cell("全年执行数", grid[4], bold: true),
                Cell("分值", grid[5], bold: true), Cell("执行率", grid[6], bold: true), Cell("得分", grid[7], bold: true)));
            for (int i = 0; i < e.Funds.Lines.Count; i++)
            {
                FundLine line = e.Funds.Lines[i];
                FundLineResult r = score.Funds[i];
                bool root = string.IsNullOrWhiteSpace(line.Parent);
                t.Append(Row(false, Cell(string.Empty, grid[0], merge: MergedCellValues.Continue),
                    Cell(TableCells.LineLabel(e.Funds.Lines, i), grid[1], left: !root),
                    Amount(TableCells.Money(line.InitialBudget), grid[2]), Amount(TableCells.Money(line.Budget), grid[3]), Amount(TableCells.Money(line.Executed), grid[4]),
                    Cell(root ? TableCells.Weight(e.Funds.Weight) : "—", grid[5]), Cell(TableCells.Rate(r.Rate), grid[6]), Cell(root ? TableCells.Score(r.Score) : "—", grid[7])));
            }
        }
        else
        {
            t.Append(Row(false, Cell("主管部门", grid[0], bold: true), Cell(e.Department ?? string.Empty, grid[1] + grid[2], span: 2),
                Cell("资金使用单位", grid[3], bold: true), Cell(e.Implementer ?? string.Empty, grid[4])));
            t.Append(Row(true, Cell($"资金情况（{e.Funds.Unit}）", grid[0], merge: MergedCellValues.Restart, bold: true), Cell(string.Empty, grid[1]),
                Cell("全年预算数（A）", grid[2], bold: true), Cell("全年执行数（B）", grid[3], bold: true), Cell("预算执行率（B/A）", grid[4], bold: true)));
            for (int i = 0; i < e.Funds.Lines.Count; i++)
            {
                FundLine line = e.Funds.Lines[i];
                bool root = string.IsNullOrWhiteSpace(line.Parent);
                t.Append(Row(false, Cell(string.Empty, grid[0], merge: MergedCellValues.Continue), Cell(TableCells.LineLabel(e.Funds.Lines, i), grid[1], left: !root),
                    Amount(TableCells.Money(line.Budget), grid[2]), Amount(TableCells.Money(line.Executed), grid[3]), Cell(TableCells.Rate(score.Funds[i].Rate), grid[4])));
            }
        }

        // The 项目资金 label is merged down its lines: the block stays on one page.
        var rows = t.Elements<TableRow>().ToList();
        for (int k = department && scored ? 1 : 2; k < rows.Count - 1; k++)
        {
            KeepWithNext(rows[k]);
        }

        return t;
    }

    private static Table Indicators(Evaluation e, ScoreReport score, bool scored)
    {
        // 一级/二级 wide enough for 产出指标 and 服务对象满意度指标 in two lines, not one character a line.
        int[] grid = scored ? [1050, 1150, 1900, 1050, 1050, 550, 700, 1395] : [1050, 1150, 2145, 1250, 1250, 2000];
        Table t = NewTable(grid);
        var head = new List<TableCell> { Cell("一级指标", grid[0], bold: true), Cell("二级指标", grid[1], bold: true), Cell("三级指标", grid[2], bold: true),
            Cell("年度指标值", grid[3], bold: true), Cell("实际完成值", grid[4], bold: true) };
        if (scored)
        {
            head.AddRange([Cell("分值", grid[5], bold: true), Cell("得分", grid[6], bold: true), Cell("偏差原因分析及改进措施", grid[7], bold: true)]);
        }
        else
        {
            head.Add(Cell("未完成原因和改进措施", grid[5], bold: true));
        }

        TableRow header = Row(true, [.. head]);
        header.TableRowProperties!.Append(new TableHeader());
        t.Append(header);

        var l1 = e.Indicators.Select(TableCells.Level1).ToList();
        var l2 = e.Indicators.Select(TableCells.Level2).ToList();
        var runs2 = TableCells.Runs(l2);
        // A merged 一级 (二级) cell split over two pages leaves the rows on the second page with empty labels:
        // a 一级 block that fits a page is merged and kept on one page (its rows kept with the next); a longer
        // one (more rows, or rows made tall by long reasons) prints its 一级 and 二级 on every row instead.
        var starts1 = new HashSet<int>();
        var starts2 = new HashSet<int>();
        var keep = new HashSet<int>();
        foreach (var (start, count) in TableCells.Runs(l1))
        {
            if (count <= MaxRowsKeptTogether && Enumerable.Range(start, count).Sum(k => Lines(e.Indicators[k])) <= MaxLinesKeptTogether)
            {
                starts1.Add(start);
                starts2.Add(start);
                starts2.UnionWith(runs2.Where(r => r.Start >= start && r.Start < start + count).Select(r => r.Start));
                keep.UnionWith(Enumerable.Range(start, count - 1));
            }
            else
            {
                starts1.UnionWith(Enumerable.Range(start, count));
                starts2.UnionWith(Enumerable.Range(start, count));
            }
        }

        for (int i = 0; i < e.Indicators.Count; i++)
        {
            Indicator ind = e.Indicators[i];
            IndicatorResult r = score.Indicators[i];
            var cells = new List<TableCell>
            {
                Cell(starts1.Contains(i) ? Level1Label(e, ind) : string.Empty, grid[0], merge: starts1.Contains(i) ? MergedCellValues.Restart : MergedCellValues.Continue),
                Cell(starts2.Contains(i) ? ind.Level2?.Trim() ?? string.Empty : string.Empty, grid[1], merge: starts2.Contains(i) ? MergedCellValues.Restart : MergedCellValues.Continue),
                Cell(TableCells.Name(ind), grid[2], left: true),
                Cell(ind.Target?.Trim() ?? string.Empty, grid[3]),
                Cell(ind.Actual?.Trim() ?? string.Empty, grid[4]),
            };
            if (scored)
            {
                cells.AddRange([Cell(TableCells.Weight(ind.Weight), grid[5]), Cell(TableCells.Score(r.ScoreForTotal ?? r.Score), grid[6]), Cell(Domain.Drafting.DeviationItems.StripLeadIn(ind.DeviationNote?.Trim() ?? string.Empty), grid[7], left: true)]);
            }
            else
            {
                cells.Add(Cell(Domain.Drafting.DeviationItems.StripLeadIn(ind.DeviationNote?.Trim() ?? string.Empty), grid[5], left: true));
            }

            TableRow row = Row(false, [.. cells]);
            if (keep.Contains(i))
            {
                KeepWithNext(row);
            }

            t.Append(row);
        }

        if (scored)
        {
            // 总分 is never left alone on a page: the last indicator row is kept with it (rows cannot split).
            if (t.Elements<TableRow>().LastOrDefault() is { } last && last != header && !last.Descendants<KeepNext>().Any())
            {
                KeepWithNext(last);
            }

            t.Append(Row(false, Cell("总分", grid[..5].Sum(), span: 5, bold: true), Cell(TableCells.WeightTotal(score), grid[5]), Cell(TableCells.Total(score), grid[6], bold: true),
                Cell(score.Grade is { } g ? $"自评等级：{g}" : string.Empty, grid[7])));
        }

        return t;
    }

    /// <summary>
    /// 项目支出绩效自评表 after the fund's name (without doubling 项目), 转移支付绩效目标自评表, or a department's
    /// 部门整体支出绩效自评表 after the department (武夷山市文化和旅游局部门整体支出绩效自评表; the year is printed below).
    /// </summary>
    public static string TableTitle(Evaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string title = e.Title.Trim();
        if (e.Kind != EvaluationKind.Project)
        {
            return title + "转移支付绩效目标自评表";
        }

        if (DepartmentBudget.Is(e))
        {
            return DepartmentBudget.Unit(e) + DepartmentBudget.TableName;
        }

        return title.EndsWith("项目", StringComparison.Ordinal) ? title + "支出绩效自评表" : title + "项目支出绩效自评表";
    }

    /// <summary>
    /// Characters of the 18-point annex title on one line: the text width (8,845 twips) holds 24.5, and a substituted
    /// font may be wider, so two are kept spare (the tester's 25-character title wrapped a lone 表 at 24).
    /// </summary>
    public const int TableTitleWidth = 22;

    /// <summary>
    /// The annex title in lines that fit: one line when it does; else the fund's name, then 项目支出绩效自评表 /
    /// 转移支付绩效目标自评表 on a line of its own (a long name broken where a reader would break it), never a lone 表.
    /// </summary>
    public static IReadOnlyList<string> TableTitleLines(Evaluation e)
    {
        string title = TableTitle(e);
        if (title.Length <= TableTitleWidth)
        {
            return [title];
        }

        string suffix = new[] { "转移支付绩效目标自评表", DepartmentBudget.TableName, "项目支出绩效自评表", "支出绩效自评表" }.First(x => title.EndsWith(x, StringComparison.Ordinal));
        string name = title[..^suffix.Length];
        return [.. ReportDocx.Break(name, TableTitleWidth), suffix];
    }

    private static string Level1Label(Evaluation e, Indicator ind)
    {
        string name = TableCells.Level1(ind);
        var printed = e.LevelWeights.FirstOrDefault(w => w.Level1 == name);
        return printed is null ? name : $"{name}\n（{TableCells.Weight(printed.Weight)}分）";
    }

    private static Table NewTable(int[] grid)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var t = new Table(new TableProperties(
            new TableWidth { Width = grid.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            border,
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })));
        t.Append(new TableGrid(grid.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        return t;
    }

    /// <summary>Rows of one 一级 block kept on one page when it has at most this many (a page holds about 20 rows).</summary>
    public const int MaxRowsKeptTogether = 14;

    /// <summary>Table lines a 一级 block may take to be kept on one page (a page holds about 45 under the header).</summary>
    public const int MaxLinesKeptTogether = 36;

    /// <summary>About how many lines a row takes: its tallest cell (三级 9, 指标值 5, 偏差原因 7 characters a line).</summary>
    private static int Lines(Indicator ind) => new[]
    {
        1, (TableCells.Name(ind).Length + 8) / 9, ((ind.Target ?? string.Empty).Trim().Length + 4) / 5, ((ind.Actual ?? string.Empty).Trim().Length + 4) / 5,
        ((ind.DeviationNote ?? string.Empty).Trim().Length + 6) / 7,
    }.Max();

    /// <summary>Keeps the row on the page of the next one (Word and LibreOffice honour keepNext on a row's paragraphs).</summary>
    private static void KeepWithNext(TableRow row)
    {
        foreach (ParagraphProperties pp in row.Descendants<ParagraphProperties>())
        {
            pp.PrependChild(new KeepNext());
        }
    }

    private static TableRow Row(bool header, params TableCell[] cells)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        if (header)
        {
            row.TableRowProperties!.Append(new TableRowHeight { Val = 500U, HeightType = HeightRuleValues.AtLeast });
        }

        row.Append(cells);
        return row;
    }

    /// <summary>The half-point size an amount is set in: 10.5 pt up to ten characters, then 9 pt, then 8 pt (a number never wraps in its cell).</summary>
    public static int AmountSize(string text) => text.Length <= 10 ? Font : text.Length <= 12 ? 18 : 16;

    private static TableCell Amount(string text, int width) => Cell(text, width, size: AmountSize(text));

    private static TableCell Cell(string text, int width, int span = 1, MergedCellValues? merge = null, bool bold = false, bool left = false, int size = Font)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            props.Append(new GridSpan { Val = span });
        }

        if (merge is { } m)
        {
            props.Append(new VerticalMerge { Val = m });
        }

        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var p = new Paragraph(new ParagraphProperties(
            new SnapToGrid { Val = false },
            new SpacingBetweenLines { Line = "280", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" },
            new Justification { Val = left ? JustificationValues.Left : JustificationValues.Center }));
        string[] parts = text.Split('\n');
        for (int i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                p.Append(new Run(new Break()));
            }

            if (parts[i].Length > 0)
            {
                p.Append(ReportDocx.Run(parts[i], ReportDocx.TableFont, size, bold));
            }
        }

        return new TableCell(props, p);
    }
}
