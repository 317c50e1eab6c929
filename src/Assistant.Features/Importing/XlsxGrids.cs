using System.Globalization;
using Assistant.Domain.Importing;
using Assistant.Domain.Numbers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Features.Importing;

/// <summary>
/// Reads every worksheet of an .xlsx as a grid. Numbers are printed through their display format
/// (<c>0.00</c> → two decimals, <c>0%</c> → a percentage), formulas give their cached value, merged
/// ranges keep their text in the first cell.
/// </summary>
public static class XlsxGrids
{
    public const int MaxRows = 20_000;
    public const int MaxColumns = 200;

    public static List<Grid> Read(byte[] content, CancellationToken ct) => Read(content, out _, ct);

    /// <summary>Every visible worksheet; <paramref name="hiddenSheets"/> names the hidden ones (not read: a hidden sheet is an old version or a lookup list, not the table).</summary>
    public static List<Grid> Read(byte[] content, out List<string> hiddenSheets, CancellationToken ct)
    {
        hiddenSheets = [];
        using var doc = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        WorkbookPart book = doc.WorkbookPart ?? throw ZipGuard.Bad("Excel 文件没有工作簿。", "the .xlsx has no workbook.");
        string[] shared = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        Stylesheet? styles = book.WorkbookStylesPart?.Stylesheet;
        var grids = new List<Grid>();
        foreach (Sheet sheet in book.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            ct.ThrowIfCancellationRequested();
            if (sheet.Id?.Value is not { } id || book.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            if (sheet.State?.Value is { } state && state != SheetStateValues.Visible)
            {
                hiddenSheets.Add(sheet.Name?.Value ?? "Sheet");
                continue;
            }

            grids.Add(Sheet(sheet.Name?.Value ?? "Sheet", part, shared, styles, ct));
        }

        return grids;
    }

    private static Grid Sheet(string name, WorksheetPart part, string[] shared, Stylesheet? styles, CancellationToken ct)
    {
        var cells = new Dictionary<(int Row, int Col), GridCell>();
        var hiddenRows = new HashSet<int>();
        HashSet<int> hiddenCols = HiddenColumns(part);
        int maxRow = 0;
        int maxCol = 0;
        foreach (Row row in part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            ct.ThrowIfCancellationRequested();
            int r = (int)(row.RowIndex?.Value ?? (uint)(maxRow + 1));
            if (r > MaxRows)
            {
                break;
            }

            if (row.Hidden?.Value == true || (row.CustomHeight?.Value == true && row.Height?.Value == 0))
            {
                hiddenRows.Add(r);
            }

            int nextCol = 1;
            foreach (Cell cell in row.Elements<Cell>())
            {
                (int rr, int c) = cell.CellReference?.Value is { } reference ? Parse(reference) : (r, nextCol);
                nextCol = c + 1;
                if (c > MaxColumns)
                {
                    continue;
                }

                (string text, ImportNote? note) = Text(cell, shared, styles);
                if (text.Length == 0 && note is null)
                {
                    continue;
                }

                cells[(rr, c)] = new GridCell(text, $"{name}!{Column(c)}{rr}") { Note = note };
                maxRow = Math.Max(maxRow, rr);
                maxCol = Math.Max(maxCol, c);
            }
        }

        var spanned = new HashSet<(int, int)>();
        var covered = new HashSet<(int, int)>();
        foreach (MergeCell merge in part.Worksheet?.Elements<MergeCells>().SelectMany(m => m.Elements<MergeCell>()) ?? [])
        {
            if (merge.Reference?.Value?.Split(':') is not [var a, var b])
            {
                continue;
            }

            (int r1, int c1) = Parse(a);
            (int r2, int c2) = Parse(b);
            for (int r = r1; r <= Math.Min(r2, MaxRows); r++)
            {
                for (int c = c1; c <= Math.Min(c2, MaxColumns); c++)
                {
                    if (r == r1 && c == c1)
                    {
                        continue;
                    }

                    covered.Add((r, c));
                    if (c > c1)
                    {
                        spanned.Add((r, c));
                    }
                }
            }

            maxRow = Math.Max(maxRow, Math.Min(r2, MaxRows));
            maxCol = Math.Max(maxCol, Math.Min(c2, MaxColumns));
            MoveHiddenAnchor(cells, covered, spanned, hiddenRows, hiddenCols, (r1, c1), (Math.Min(r2, MaxRows), Math.Min(c2, MaxColumns)));
        }

        var rows = new List<GridRow>(maxRow);
        for (int r = 1; r <= maxRow; r++)
        {
            if (hiddenRows.Contains(r))
            {
                continue;
            }

            var list = new List<GridCell>(maxCol);
            for (int c = 1; c <= maxCol; c++)
            {
                if (hiddenCols.Contains(c))
                {
                    continue;
                }

                string source = $"{name}!{Column(c)}{r}";
                GridCell cell = covered.Contains((r, c)) ? new GridCell(string.Empty, source) : cells.GetValueOrDefault((r, c)) ?? new GridCell(string.Empty, source);
                list.Add(spanned.Contains((r, c)) ? cell with { Spanned = true } : cell);
            }

            rows.Add(new GridRow(list));
        }

        return new Grid(name, rows) { Skipped = SkippedNote(cells.Keys, hiddenRows, hiddenCols) };
    }

    /// <summary>Hidden columns: <c>&lt;col hidden="1"&gt;</c> or a zero width.</summary>
    private static HashSet<int> HiddenColumns(WorksheetPart part)
    {
        var hidden = new HashSet<int>();
        foreach (Column col in part.Worksheet?.Elements<Columns>().SelectMany(c => c.Elements<Column>()) ?? [])
        {
            if (col.Hidden?.Value == true || (col.Width?.Value == 0 && col.CustomWidth?.Value == true))
            {
                for (uint c = col.Min?.Value ?? 1; c <= Math.Min(col.Max?.Value ?? 0, (uint)MaxColumns); c++)
                {
                    hidden.Add((int)c);
                }
            }
        }

        return hidden;
    }

    /// <summary>A merged range whose first cell is hidden keeps its text in its first visible cell.</summary>
    private static void MoveHiddenAnchor(Dictionary<(int, int), GridCell> cells, HashSet<(int, int)> covered, HashSet<(int, int)> spanned, HashSet<int> hiddenRows, HashSet<int> hiddenCols, (int R, int C) from, (int R, int C) to)
    {
        if ((!hiddenRows.Contains(from.R) && !hiddenCols.Contains(from.C)) || !cells.TryGetValue(from, out GridCell? anchor))
        {
            return;
        }

        for (int r = from.R; r <= to.R; r++)
        {
            for (int c = from.C; c <= to.C; c++)
            {
                if (!hiddenRows.Contains(r) && !hiddenCols.Contains(c))
                {
                    cells[(r, c)] = anchor;
                    covered.Remove((r, c));
                    spanned.Remove((r, c));
                    return;
                }
            }
        }
    }

    /// <summary>The warning for hidden rows and columns that held something: how many, and which.</summary>
    private static ImportNote? SkippedNote(IEnumerable<(int Row, int Col)> filled, HashSet<int> hiddenRows, HashSet<int> hiddenCols)
    {
        var keys = filled.ToList();
        var rows = keys.Where(k => hiddenRows.Contains(k.Row)).Select(k => k.Row).Distinct().Order().ToList();
        var cols = keys.Where(k => hiddenCols.Contains(k.Col) && !hiddenRows.Contains(k.Row)).Select(k => k.Col).Distinct().Order().ToList();
        if (rows.Count == 0 && cols.Count == 0)
        {
            return null;
        }

        var zh = new List<string>();
        var en = new List<string>();
        if (rows.Count > 0)
        {
            zh.Add($"{rows.Count}行隐藏行（第{string.Join("、", rows.Take(10))}行）");
            en.Add($"{rows.Count} hidden row(s) ({string.Join(", ", rows.Take(10))})");
        }

        if (cols.Count > 0)
        {
            zh.Add($"{cols.Count}列隐藏列（{string.Join("、", cols.Take(10).Select(Column))}列）");
            en.Add($"{cols.Count} hidden column(s) ({string.Join(", ", cols.Take(10).Select(Column))})");
        }

        return new ImportNote($"工作表中的{string.Join("和", zh)}未读取（隐藏的行列通常是作废或草稿内容）；如需读取，请在 Excel 中取消隐藏后重新导入",
            $"{string.Join(" and ", en)} of the worksheet were not read (hidden rows and columns are usually withdrawn or draft content); unhide them in Excel and import again to read them");
    }

    private static (string Text, ImportNote? Note) Text(Cell cell, string[] shared, Stylesheet? styles)
    {
        string raw = cell.CellValue?.Text ?? string.Empty;
        CellValues? type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i >= 0 && i < shared.Length ? shared[i] : string.Empty, null);
        }

        if (type == CellValues.InlineString)
        {
            return (cell.InlineString?.InnerText ?? raw, null);
        }

        if (type == CellValues.String)
        {
            return (raw, null);
        }

        if (type == CellValues.Boolean)
        {
            return (raw == "1" ? "TRUE" : "FALSE", null);
        }

        if (type == CellValues.Error)
        {
            return (string.Empty, new ImportNote($"单元格是公式错误（{raw}），未读取", $"the cell holds a formula error ({raw}); not read"));
        }

        if (raw.Length == 0)
        {
            return cell.CellFormula is not null
                ? (string.Empty, NoSavedValue(cell.CellFormula.Text))
                : (string.Empty, null);
        }

        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
        {
            return (raw, null);
        }

        string format = FormatCode(cell.StyleIndex?.Value, styles);
        return NumberFormats.Print(value, format);
    }

    /// <summary>A formula cell with no saved result (a file written by a script, never opened in Excel): the value is not guessed.</summary>
    private static ImportNote NoSavedValue(string? formula)
    {
        string f = string.IsNullOrWhiteSpace(formula) ? string.Empty : "=" + (formula.Length > 60 ? formula[..60] + "…" : formula);
        return f.Length == 0
            ? new ImportNote("公式没有保存计算结果，未读取；请在 Excel 中重新计算并保存后再导入", "the formula has no saved value and was not read; recalculate and save in Excel, then import again")
            : new ImportNote($"公式{f}没有保存计算结果，未读取；请在 Excel 中重新计算并保存后再导入", $"the formula {f} has no saved value and was not read; recalculate and save in Excel, then import again");
    }

    private static string FormatCode(uint? styleIndex, Stylesheet? styles)
    {
        if (styleIndex is null || styles?.CellFormats is null)
        {
            return "General";
        }

        CellFormat? xf = styles.CellFormats.Elements<CellFormat>().ElementAtOrDefault((int)styleIndex.Value);
        uint id = xf?.NumberFormatId?.Value ?? 0;
        string? custom = styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value;
        return custom ?? NumberFormats.BuiltIn(id);
    }

    /// <summary>A1 → (1, 1); AB12 → (12, 28).</summary>
    public static (int Row, int Col) Parse(string reference)
    {
        int col = 0;
        int i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            col = checked((col * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1));
            i++;
        }

        int row = int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out int r) ? r : 1;
        return (row, Math.Max(col, 1));
    }

    public static string Column(int col)
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
