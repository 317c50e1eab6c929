using System.Globalization;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Features.Reporting;

/// <summary>
/// The 自评表 alone as a workbook: sheet 自评表 in the official layout with formulas for 执行率 (B/A),
/// 资金得分 (分值 × 执行率, capped) and 总分 (ROUND(SUM of the unrounded scores), 2), each with the value the
/// calculator computed cached, so it reads right before recalculation; sheet 审核发现 lists the findings.
/// </summary>
public static class TableXlsx
{
    private const uint Plain = 0;
    private const uint Boxed = 1;
    private const uint BoxedHeader = 2;
    private const uint BoxedPercent = 3;
    private const uint BoxedTwo = 4;
    private const uint TitleStyle = 5;
    private const uint BoxedOne = 6;

    public static void Write(Stream output, Evaluation evaluation, ScoreReport score)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(score);
        using var stream = new MemoryStream();
        using (SpreadsheetDocument doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            AddStyles(wb);
            var sheets = wb.Workbook.AppendChild(new Sheets());
            var table = new SheetBuilder();
            Fill(table, evaluation, score);
            AddSheet(wb, sheets, 1, "自评表", table, [12, 16, 36, 14, 14, 10, 12, 36]);
            var findings = new SheetBuilder();
            Findings(findings, score);
            AddSheet(wb, sheets, 2, "审核发现", findings, [28, 10, 70, 24, 14, 14]);
            wb.Workbook.Append(new CalculationProperties { FullCalculationOnLoad = true });
        }

        stream.Position = 0;
        stream.CopyTo(output);
    }

    private static void Fill(SheetBuilder s, Evaluation e, ScoreReport score)
    {
        bool scored = e.Kind == EvaluationKind.Project;
        string year = e.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年度" : string.Empty;
        s.Text(1, 1, $"{TableDocx.TableTitle(e)}（{year}）", TitleStyle);
        s.Merge(1, 1, 1, 8);
        s.Text(2, 1, "项目名称", BoxedHeader);
        s.Text(2, 2, e.Title.Trim(), Boxed);
        s.Merge(2, 2, 2, 8);
        s.Text(3, 1, "主管部门", BoxedHeader);
        s.Text(3, 2, e.Department ?? string.Empty, Boxed);
        s.Merge(3, 2, 3, 4);
        s.Text(3, 5, scored ? "实施单位" : "资金使用单位", BoxedHeader);
        s.Merge(3, 5, 3, 6);
        s.Text(3, 7, e.Implementer ?? string.Empty, Boxed);
        s.Merge(3, 7, 3, 8);

        int row = 4;
        int fundTop = row;
        s.Text(row, 1, $"项目资金（{e.Funds.Unit}）", BoxedHeader);
        string[] heads = ["", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"];
        for (int c = 0; c < heads.Length; c++)
        {
            s.Text(row, c + 2, heads[c], BoxedHeader);
        }

        int rootRow = 0;
        for (int i = 0; i < e.Funds.Lines.Count; i++)
        {
            row++;
            FundLine line = e.Funds.Lines[i];
            FundLineResult r = score.Funds[i];
            bool root = string.IsNullOrWhiteSpace(line.Parent);
            rootRow = root && rootRow == 0 ? row : rootRow;
            s.Text(row, 1, string.Empty, Boxed);
            s.Text(row, 2, TableCells.LineLabel(e.Funds.Lines, i), Boxed);
            s.Number(row, 3, line.InitialBudget?.Value, Money(line.InitialBudget));
            s.Number(row, 4, line.Budget?.Value, Money(line.Budget));
            s.Number(row, 5, line.Executed?.Value, Money(line.Executed));
            s.Formula(row, 7, r.Rate is null ? null : $"IF(D{row}=0,\"\",E{row}/D{row})", r.Rate, BoxedPercent);
            if (scored && root)
            {
                s.Number(row, 6, e.Funds.Weight?.Value, Boxed);
                s.Formula(row, 8, r.Score is null ? null : $"MIN(F{row},F{row}*G{row})", r.Score, BoxedTwo);
            }
            else
            {
                s.Text(row, 6, string.Empty, Boxed);
                s.Text(row, 8, string.Empty, Boxed);
            }
        }

        s.Merge(fundTop, 1, row, 1);

        row++;
        string[] ih = scored
            ? ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
            : ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "", "", "未完成原因和改进措施"];
        for (int c = 0; c < ih.Length; c++)
        {
            s.Text(row, c + 1, ih[c], BoxedHeader);
        }

        int first = row + 1;
        var l1 = e.Indicators.Select(TableCells.Level1).ToList();
        var l2 = e.Indicators.Select(TableCells.Level2).ToList();
        for (int i = 0; i < e.Indicators.Count; i++)
        {
            row++;
            Indicator ind = e.Indicators[i];
            IndicatorResult r = score.Indicators[i];
            s.Text(row, 1, TableCells.Level1(ind), Boxed);
            s.Text(row, 2, ind.Level2?.Trim() ?? string.Empty, Boxed);
            s.Text(row, 3, TableCells.Name(ind), Boxed);
            s.Text(row, 4, ind.Target?.Trim() ?? string.Empty, Boxed);
            s.Text(row, 5, ind.Actual?.Trim() ?? string.Empty, Boxed);
            if (scored)
            {
                s.Number(row, 6, ind.Weight?.Value, Boxed);
                s.Number(row, 7, r.ScoreForTotal ?? r.Score, BoxedTwo);
            }
            else
            {
                s.Text(row, 6, string.Empty, Boxed);
                s.Text(row, 7, string.Empty, Boxed);
            }

            s.Text(row, 8, ind.DeviationNote?.Trim() ?? string.Empty, Boxed);
        }

        foreach (var (start, count) in TableCells.Runs(l1).Where(r => r.Count > 1))
        {
            s.Merge(first + start, 1, first + start + count - 1, 1);
        }

        foreach (var (start, count) in TableCells.Runs(l2).Where(r => r.Count > 1))
        {
            s.Merge(first + start, 2, first + start + count - 1, 2);
        }

        if (scored)
        {
            row++;
            int last = row - 1;
            s.Text(row, 1, "总分", BoxedHeader);
            s.Merge(row, 1, row, 5);
            string fund = rootRow > 0 ? $"H{rootRow}+" : string.Empty;
            s.Formula(row, 6, rootRow > 0 ? $"F{rootRow}+SUM(F{first}:F{last})" : $"SUM(F{first}:F{last})", score.WeightTotal, Boxed);
            s.Formula(row, 7, $"ROUND({fund}SUM(G{first}:G{last}),2)", score.TotalRounded, BoxedTwo);
            s.Text(row, 8, score.Grade is { } g ? $"自评等级：{g}" : string.Empty, Boxed);
        }
    }

    /// <summary>Money keeps the decimals it was printed with (2700.00 stays 2700.00, 1280.0 stays 1280.0, as the Word annex prints it).</summary>
    private static uint Money(Assistant.Domain.Numbers.PrintedNumber? n) => n switch
    {
        { Decimals: 2 } => BoxedTwo,
        { Decimals: 1 } => BoxedOne,
        _ => Boxed,
    };

    private static void Findings(SheetBuilder s, ScoreReport score)
    {
        string[] heads = ["代码", "级别", "说明", "位置", "应为", "实际"];
        for (int c = 0; c < heads.Length; c++)
        {
            s.Text(1, c + 1, heads[c], BoxedHeader);
        }

        int row = 1;
        foreach (Finding f in score.Findings)
        {
            row++;
            s.Text(row, 1, f.Code, Boxed);
            s.Text(row, 2, f.Severity switch { Severity.Error => "错误", Severity.Warning => "警告", _ => "提示" }, Boxed);
            s.Text(row, 3, f.Message, Boxed);
            s.Text(row, 4, FindingPlaces.Of(f.Path, score), Boxed);
            s.Text(row, 5, f.Expected ?? string.Empty, Boxed);
            s.Text(row, 6, f.Actual ?? string.Empty, Boxed);
        }

        if (score.Findings.Count == 0)
        {
            s.Text(2, 1, "无", Boxed);
        }
    }

    private static void AddSheet(WorkbookPart wb, Sheets sheets, uint id, string name, SheetBuilder builder, double[] widths)
    {
        WorksheetPart part = wb.AddNewPart<WorksheetPart>();
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        var ws = new Worksheet(new SheetProperties(new PageSetupProperties { FitToPage = true }), columns, builder.Data());
        if (builder.Merges.Count > 0)
        {
            ws.Append(new MergeCells(builder.Merges.Select(m => new MergeCell { Reference = m })));
        }

        // A4 landscape, one page wide, as the table is printed for signing.
        ws.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        ws.Append(new PageSetup { PaperSize = 9U, Orientation = OrientationValues.Landscape, FitToWidth = 1U, FitToHeight = 0U });

        part.Worksheet = ws;
        sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static void AddStyles(WorkbookPart wb)
    {
        WorkbookStylesPart styles = wb.AddNewPart<WorkbookStylesPart>();
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var wrap = new Alignment { Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center, WrapText = true };
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.00%" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "0.00" }, new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0" }) { Count = 3 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
                new Font(new Bold(), new FontSize { Val = 16 }, new FontName { Val = "方正小标宋简体" })) { Count = 3 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(), thin) { Count = 2 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { BorderId = 1, ApplyBorder = true, Alignment = (Alignment)wrap.CloneNode(true), ApplyAlignment = true },
                new CellFormat { FontId = 1, BorderId = 1, ApplyBorder = true, ApplyFont = true, Alignment = (Alignment)wrap.CloneNode(true), ApplyAlignment = true },
                new CellFormat { BorderId = 1, NumberFormatId = 164, ApplyNumberFormat = true, ApplyBorder = true, Alignment = (Alignment)wrap.CloneNode(true), ApplyAlignment = true },
                new CellFormat { BorderId = 1, NumberFormatId = 165, ApplyNumberFormat = true, ApplyBorder = true, Alignment = (Alignment)wrap.CloneNode(true), ApplyAlignment = true },
                new CellFormat { FontId = 2, ApplyFont = true, Alignment = (Alignment)wrap.CloneNode(true), ApplyAlignment = true },
                new CellFormat { BorderId = 1, NumberFormatId = 166, ApplyNumberFormat = true, ApplyBorder = true, Alignment = (Alignment)wrap.CloneNode(true), ApplyAlignment = true }) { Count = 7 });
    }

    /// <summary>Cells by row and column, written in order.</summary>
    private sealed class SheetBuilder
    {
        private readonly SortedDictionary<int, SortedDictionary<int, Cell>> rows = [];

        public List<string> Merges { get; } = [];

        public void Text(int row, int col, string text, uint style) =>
            Put(row, col, new Cell { DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) });

        public void Number(int row, int col, decimal? value, uint style)
        {
            if (value is null)
            {
                Text(row, col, string.Empty, style);
                return;
            }

            Put(row, col, new Cell { StyleIndex = style, CellValue = new CellValue(value.Value.ToString(CultureInfo.InvariantCulture)) });
        }

        public void Formula(int row, int col, string? formula, decimal? cached, uint style)
        {
            if (formula is null)
            {
                Text(row, col, string.Empty, style);
                return;
            }

            var cell = new Cell { StyleIndex = style, CellFormula = new CellFormula(formula) };
            if (cached is { } v)
            {
                cell.CellValue = new CellValue(v.ToString(CultureInfo.InvariantCulture));
            }

            Put(row, col, cell);
        }

        public void Merge(int r1, int c1, int r2, int c2)
        {
            for (int r = r1; r <= r2; r++)
            {
                for (int c = c1; c <= c2; c++)
                {
                    if (!rows.TryGetValue(r, out var cells) || !cells.ContainsKey(c))
                    {
                        Text(r, c, string.Empty, Boxed);
                    }
                }
            }

            Merges.Add($"{Ref(r1, c1)}:{Ref(r2, c2)}");
        }

        public SheetData Data()
        {
            var data = new SheetData();
            foreach (var (r, cells) in rows)
            {
                var row = new Row { RowIndex = (uint)r };
                foreach (var (c, cell) in cells)
                {
                    cell.CellReference = Ref(r, c);
                    row.Append(cell);
                }

                data.Append(row);
            }

            return data;
        }

        private void Put(int row, int col, Cell cell)
        {
            if (!rows.TryGetValue(row, out var cells))
            {
                rows[row] = cells = [];
            }

            cells[col] = cell;
        }

        private static string Ref(int row, int col) => $"{(char)('A' + col - 1)}{row}";
    }
}
