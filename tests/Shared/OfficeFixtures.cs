using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Testing;

/// <summary>
/// Writes a table in <c>assistant.evaluation/v1</c> form as staff receive it: an .xlsx or a .docx in
/// the official layout (title, 项目名称 / 主管部门 rows, the 项目资金 block, the 绩效指标 block with
/// 一级/二级 merged down and the 绩效指标 label merged over the block, 总分). In an .xlsx the numbers
/// may be stored as numbers with display formats (<c>0.00</c>, <c>0.00%</c>) and the rates as
/// formulas with cached values. Test fixtures, eval cases and benchmarks all use it.
/// </summary>
internal static class OfficeFixtures
{
    internal sealed record LCell(string Text)
    {
        public decimal? Number { get; init; }
        public string? Format { get; init; }
        public string? Formula { get; init; }
        public int ColSpan { get; init; } = 1;
        public int RowSpan { get; init; } = 1;
    }

    /// <summary>The logical layout: rows of anchors (null where a merge covers the position).</summary>
    internal static List<LCell?[]> Layout(JsonElement t, bool numbers)
    {
        bool project = t.GetProperty("kind").GetString() == "project";
        int cols = 9;
        var rows = new List<LCell?[]>();
        LCell?[] Row() { var r = new LCell?[cols]; for (int i = 0; i < cols; i++) { r[i] = new LCell(string.Empty); } rows.Add(r); return r; }
        LCell Num(string? text, bool percent = false)
        {
            if (!numbers || string.IsNullOrEmpty(text))
            {
                return new LCell(text ?? string.Empty);
            }

            string digits = text.TrimEnd('%');
            if (!decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v))
            {
                return new LCell(text);
            }

            int dot = digits.IndexOf('.');
            int decimals = dot < 0 ? 0 : digits.Length - dot - 1;
            string fmt = decimals == 0 ? "0" : "0." + new string('0', decimals);
            return text.EndsWith('%') || percent ? new LCell(text) { Number = v / 100m, Format = fmt + "%" } : new LCell(text) { Number = v, Format = fmt };
        }

        void Span(LCell?[] row, int c, LCell cell)
        {
            row[c] = cell;
            for (int k = 1; k < cell.ColSpan; k++)
            {
                row[c + k] = null;
            }
        }

        string year = t.TryGetProperty("year", out JsonElement y) ? y.GetRawText() : "2024";
        Span(Row(), 0, new LCell(project ? "部门项目支出绩效自评表" : "转移支付绩效目标自评表") { ColSpan = cols });
        Span(Row(), 0, new LCell($"（{year}年度）") { ColSpan = cols });
        var meta = Row();
        Span(meta, 0, new LCell(project ? "项目名称" : "转移支付（项目）名称") { ColSpan = 2 });
        Span(meta, 2, new LCell(Str(t, "title")) { ColSpan = cols - 2 });
        var dept = Row();
        Span(dept, 0, new LCell(project ? "主管部门" : "地方主管部门") { ColSpan = 2 });
        Span(dept, 2, new LCell(Str(t, "department")) { ColSpan = 3 });
        Span(dept, 5, new LCell(project ? "实施单位" : "资金使用单位") { ColSpan = 2 });
        Span(dept, 7, new LCell(Str(t, "implementer")) { ColSpan = cols - 7 });

        JsonElement funds = t.GetProperty("funds");
        var lines = funds.GetProperty("lines").EnumerateArray().ToList();
        string unit = funds.TryGetProperty("unit", out JsonElement u) ? u.GetString()! : "万元";
        var fh = Row();
        fh[0] = new LCell(project ? $"项目资金（{unit}）" : $"资金情况（{unit}）") { RowSpan = lines.Count + 1 };
        string[] fundHeader = project ? ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"] : ["", "全年预算数（A）", "全年执行数（B）", "预算执行率（B/A）"];
        for (int i = 0; i < fundHeader.Length; i++)
        {
            Span(fh, i + 1, new LCell(fundHeader[i]) { ColSpan = i + 1 == fundHeader.Length ? cols - i - 1 : 1 });
        }

        int firstFundRow = rows.Count + 1;
        for (int k = 0; k < lines.Count; k++)
        {
            JsonElement l = lines[k];
            var r = Row();
            r[0] = null;
            string name = Str(l, "name");
            r[1] = new LCell(k > 0 && l.TryGetProperty("parent", out _) && k == 1 ? "其中：" + name : name);
            int rowNo = rows.Count;
            if (project)
            {
                r[2] = Num(Str(l, "initialBudget"));
                r[3] = Num(Str(l, "budget"));
                r[4] = Num(Str(l, "executed"));
                r[5] = k == 0 || Str(l, "printedScore").Length > 0 ? Num(funds.TryGetProperty("weight", out JsonElement w) ? (k == 0 || Str(l, "printedScore") != "0.00" ? w.GetString() : "0.00") : null) : new LCell("——");
                r[6] = RateCell(Str(l, "printedRate"), numbers, $"E{rowNo}/D{rowNo}");
                r[7] = Num(Str(l, "printedScore"));
            }
            else
            {
                r[2] = Num(Str(l, "budget"));
                r[3] = Num(Str(l, "executed"));
                Span(r, 4, RateCell(Str(l, "printedRate"), numbers, $"D{rowNo}/C{rowNo}") with { ColSpan = cols - 4 });
            }
        }

        _ = firstFundRow;
        var goals = Row();
        goals[0] = new LCell("年度总体目标") { RowSpan = 2 };
        Span(goals, 1, new LCell("预期目标") { ColSpan = 4 });
        Span(goals, 5, new LCell("实际完成情况") { ColSpan = cols - 5 });
        var goalText = Row();
        goalText[0] = null;
        Span(goalText, 1, new LCell("按年度计划完成各项目标任务。") { ColSpan = 4 });
        Span(goalText, 5, new LCell("见各项绩效指标完成情况。") { ColSpan = cols - 5 });

        var indicators = t.GetProperty("indicators").EnumerateArray().ToList();
        var ih = Row();
        ih[0] = new LCell("绩效指标") { RowSpan = indicators.Count + 1 };
        string[] indicatorHeader = project
            ? ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
            : ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"];
        for (int i = 0; i < indicatorHeader.Length; i++)
        {
            Span(ih, i + 1, new LCell(indicatorHeader[i]) { ColSpan = i + 1 == indicatorHeader.Length ? cols - i - 1 : 1 });
        }

        var levelWeights = t.TryGetProperty("levelWeights", out JsonElement lw) ? lw.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()) : [];
        int start = rows.Count;
        for (int k = 0; k < indicators.Count; k++)
        {
            JsonElement ind = indicators[k];
            var r = Row();
            r[0] = null;
            string l1 = Str(ind, "level1");
            string l2 = Str(ind, "level2");
            bool newL1 = k == 0 || Str(indicators[k - 1], "level1") != l1;
            bool newL2 = newL1 || Str(indicators[k - 1], "level2") != l2;
            int l1Span = newL1 ? indicators.Skip(k).TakeWhile(x => Str(x, "level1") == l1).Count() : 0;
            int l2Span = newL2 ? indicators.Skip(k).TakeWhile(x => Str(x, "level1") == l1 && Str(x, "level2") == l2).Count() : 0;
            r[1] = newL1 ? new LCell(levelWeights.TryGetValue(l1, out string? lwv) ? $"{l1}（{lwv}分）" : l1) { RowSpan = l1Span } : null;
            r[2] = newL2 ? new LCell(l2) { RowSpan = l2Span } : null;
            string unitText = Str(ind, "unit");
            r[3] = new LCell(unitText.Length > 0 ? $"{Str(ind, "name")}（{unitText}）" : Str(ind, "name"));
            r[4] = TextOrNumber(Str(ind, "target"), numbers);
            r[5] = TextOrNumber(Str(ind, "actual"), numbers);
            if (project)
            {
                r[6] = Num(Str(ind, "weight"));
                r[7] = Num(Str(ind, "printedScore"));
                r[8] = new LCell(Str(ind, "deviationNote"));
            }
            else
            {
                Span(r, 6, new LCell(Str(ind, "deviationNote") is { Length: > 0 } note ? note : "无") { ColSpan = cols - 6 });
            }
        }

        _ = start;
        if (project)
        {
            var total = Row();
            Span(total, 0, new LCell("总分") { ColSpan = 6 });
            total[6] = Num(Str(t, "printedWeightTotal"));
            total[7] = Num(Str(t, "printedTotal"));
        }

        return rows;
    }

    private static LCell RateCell(string printed, bool numbers, string formula)
    {
        if (!numbers || !printed.EndsWith('%'))
        {
            return new LCell(printed);
        }

        string digits = printed.TrimEnd('%');
        decimal v = decimal.Parse(digits, CultureInfo.InvariantCulture) / 100m;
        int dot = digits.IndexOf('.');
        int decimals = dot < 0 ? 0 : digits.Length - dot - 1;
        return new LCell(printed) { Number = v, Format = (decimals == 0 ? "0" : "0." + new string('0', decimals)) + "%", Formula = formula };
    }

    /// <summary>A target or actual: a plain number is stored as a number with its printed decimals; anything else as text.</summary>
    private static LCell TextOrNumber(string text, bool numbers)
    {
        if (numbers && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal v))
        {
            int dot = text.IndexOf('.');
            int decimals = dot < 0 ? 0 : text.Length - dot - 1;
            return new LCell(text) { Number = v, Format = decimals == 0 ? "0" : "0." + new string('0', decimals) };
        }

        return new LCell(text);
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) ? v.ValueKind switch { JsonValueKind.String => v.GetString()!, JsonValueKind.Number => v.GetRawText(), _ => string.Empty } : string.Empty;

    /// <summary>An .xlsx with the given tables: all on one sheet (a blank row between) or one sheet each.</summary>
    public static byte[] Xlsx(IReadOnlyList<JsonElement> tables, bool numbers, bool oneSheetEach = false)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart book = doc.AddWorkbookPart();
            book.Workbook = new S.Workbook();
            var sheets = book.Workbook.AppendChild(new S.Sheets());
            var formats = new List<string>();
            var shared = new List<string>();
            var sheetRows = new List<List<LCell?[]>>();
            if (oneSheetEach)
            {
                sheetRows.AddRange(tables.Select(t => Layout(t, numbers)));
            }
            else
            {
                var all = new List<LCell?[]>();
                foreach (JsonElement t in tables)
                {
                    if (all.Count > 0)
                    {
                        all.Add([]);
                    }

                    all.AddRange(Layout(t, numbers));
                }

                sheetRows.Add(all);
            }

            uint sheetId = 1;
            foreach (List<LCell?[]> layout in sheetRows)
            {
                WorksheetPart part = book.AddNewPart<WorksheetPart>();
                var data = new S.SheetData();
                var merges = new S.MergeCells();
                for (int r = 0; r < layout.Count; r++)
                {
                    var row = new S.Row { RowIndex = (uint)(r + 1) };
                    for (int c = 0; c < layout[r].Length; c++)
                    {
                        LCell? cell = layout[r][c];
                        if (cell is null || (cell.Text.Length == 0 && cell.Number is null))
                        {
                            continue;
                        }

                        string reference = Col(c + 1) + (r + 1);
                        var x = new S.Cell { CellReference = reference };
                        if (cell.Number is { } n)
                        {
                            int fi = formats.IndexOf(cell.Format!);
                            if (fi < 0)
                            {
                                formats.Add(cell.Format!);
                                fi = formats.Count - 1;
                            }

                            x.StyleIndex = (uint)(fi + 1);
                            x.CellValue = new S.CellValue(n.ToString(CultureInfo.InvariantCulture));
                            if (cell.Formula is { } f)
                            {
                                x.CellFormula = new S.CellFormula(f);
                            }
                        }
                        else
                        {
                            int si = shared.IndexOf(cell.Text);
                            if (si < 0)
                            {
                                shared.Add(cell.Text);
                                si = shared.Count - 1;
                            }

                            x.DataType = S.CellValues.SharedString;
                            x.CellValue = new S.CellValue(si.ToString(CultureInfo.InvariantCulture));
                        }

                        row.Append(x);
                        if (cell.ColSpan > 1 || cell.RowSpan > 1)
                        {
                            merges.Append(new S.MergeCell { Reference = $"{reference}:{Col(c + cell.ColSpan)}{r + cell.RowSpan}" });
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new S.Worksheet(data);
                if (merges.HasChildren)
                {
                    part.Worksheet.Append(merges);
                }

                sheets.Append(new S.Sheet { Id = book.GetIdOfPart(part), SheetId = sheetId, Name = $"表{sheetId}" });
                sheetId++;
            }

            var sst = book.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new S.SharedStringTable(shared.Select(s => new S.SharedStringItem(new S.Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            var styles = book.AddNewPart<WorkbookStylesPart>();
            var numFmts = new S.NumberingFormats();
            var xfs = new S.CellFormats(new S.CellFormat { NumberFormatId = 0 });
            uint custom = 164;
            foreach (string f in formats)
            {
                uint id = f switch { "0" => 1, "0.00" => 2, "0%" => 9, "0.00%" => 10, _ => custom++ };
                if (id >= 164)
                {
                    numFmts.Append(new S.NumberingFormat { NumberFormatId = id, FormatCode = f });
                }

                xfs.Append(new S.CellFormat { NumberFormatId = id, ApplyNumberFormat = true });
            }

            styles.Stylesheet = new S.Stylesheet(
                numFmts,
                new S.Fonts(new S.Font()),
                new S.Fills(new S.Fill(new S.PatternFill { PatternType = S.PatternValues.None })),
                new S.Borders(new S.Border()),
                xfs);
        }

        return ms.ToArray();
    }

    /// <summary>A .docx: optional narrative paragraphs, then each table after its title paragraphs, merged cells as Word merges them.</summary>
    public static byte[] Docx(IReadOnlyList<JsonElement> tables, IReadOnlyList<string>? narrative = null)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = doc.AddMainDocumentPart();
            var body = new W.Body();
            main.Document = new W.Document(body);
            foreach (string p in narrative ?? [])
            {
                body.Append(Para(p));
            }

            int n = 0;
            foreach (JsonElement t in tables)
            {
                n++;
                if (tables.Count > 1 || narrative is { Count: > 0 })
                {
                    body.Append(Para($"附表{n}"));
                }

                List<LCell?[]> layout = Layout(t, numbers: false);
                body.Append(Para(layout[0][0]!.Text));
                body.Append(Para(layout[1][0]!.Text));
                int cols = layout[0].Length;
                var table = new W.Table(new W.TableProperties(new W.TableBorders(new W.TopBorder { Val = W.BorderValues.Single }, new W.BottomBorder { Val = W.BorderValues.Single }, new W.InsideHorizontalBorder { Val = W.BorderValues.Single }, new W.InsideVerticalBorder { Val = W.BorderValues.Single }, new W.LeftBorder { Val = W.BorderValues.Single }, new W.RightBorder { Val = W.BorderValues.Single })));
                var grid = new W.TableGrid();
                for (int c = 0; c < cols; c++)
                {
                    grid.Append(new W.GridColumn { Width = "1000" });
                }

                table.Append(grid);
                var vertical = new Dictionary<int, (int Until, int Span)>();
                for (int r = 2; r < layout.Count; r++)
                {
                    var row = new W.TableRow();
                    for (int c = 0; c < cols; c++)
                    {
                        LCell? cell = layout[r][c];
                        if (cell is null)
                        {
                            if (vertical.TryGetValue(c, out var v) && r <= v.Until)
                            {
                                var props = new W.TableCellProperties(new W.VerticalMerge());
                                if (v.Span > 1)
                                {
                                    props.Append(new W.GridSpan { Val = v.Span });
                                }

                                row.Append(new W.TableCell(props, new W.Paragraph()));
                                c += v.Span - 1;
                            }

                            continue;
                        }

                        var cp = new W.TableCellProperties();
                        if (cell.ColSpan > 1)
                        {
                            cp.Append(new W.GridSpan { Val = cell.ColSpan });
                        }

                        if (cell.RowSpan > 1)
                        {
                            cp.Append(new W.VerticalMerge { Val = W.MergedCellValues.Restart });
                            vertical[c] = (r + cell.RowSpan - 1, cell.ColSpan);
                        }

                        row.Append(new W.TableCell(cp, Para(cell.Text)));
                        c += cell.ColSpan - 1;
                    }

                    table.Append(row);
                }

                body.Append(table);
            }
        }

        return ms.ToArray();
    }

    private static W.Paragraph Para(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static string Col(int col)
    {
        string s = string.Empty;
        while (col > 0)
        {
            int m = (col - 1) % 26;
            s = (char)('A' + m) + s;
            col = (col - 1) / 26;
        }

        return s;
    }
}
