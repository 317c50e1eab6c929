using System.Text;
using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using DocumentFormat.OpenXml.Packaging;

namespace Assistant.Features.Importing;

/// <summary>A document read: its tables, its text (the report around the tables) and its format.</summary>
public sealed record ImportResult(string FileName, string Format, IReadOnlyList<ImportedTable> Tables, string Text);

/// <summary>
/// Reads the documents staff have — .xlsx workbooks, .docx tables and reports, text copied from a
/// PDF or Word (.txt, .md, pasted; UTF-8, UTF-16 or GB18030), CSV — into 自评表. Bounded: a size limit, zip
/// checks before any part is opened, cancellation between rows.
/// </summary>
public static partial class DocumentImporter
{
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>The start of the refusal of a file in which no 自评表 was found.</summary>
    private const string NoTableZh = "文件中没有找到绩效自评表";

    /// <summary>
    /// The file kinds read as tables (the staff page's pickers offer exactly these): Excel workbooks (also
    /// macro-enabled), Word, CSV as Excel saves it, and text copied from a PDF or Word (UTF-8, UTF-16 or GB18030).
    /// </summary>
    public static readonly IReadOnlyList<string> TableExtensions = [".xlsx", ".xlsm", ".docx", ".csv", ".txt", ".md"];

    public static ImportResult Import(string? fileName, byte[] content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string name = string.IsNullOrWhiteSpace(fileName) ? "document" : Path.GetFileName(fileName);
        if (content.Length == 0)
        {
            throw ZipGuard.Bad("文件为空。", "the file is empty.");
        }

        if (content.Length > MaxBytes)
        {
            throw ZipGuard.Bad($"文件超过 {MaxBytes / 1024 / 1024} MB。", $"the file is larger than {MaxBytes / 1024 / 1024} MB.");
        }

        string ext = Path.GetExtension(name).ToLowerInvariant();
        bool zip = content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        DocumentFormats.RefuseUnreadable(ext, content);
        if (zip || ext is ".xlsx" or ".docx" or ".xlsm")
        {
            if (!zip)
            {
                throw ZipGuard.Bad("文件已损坏（不是有效的 Office 文件）。", "the file is corrupt (not a valid Office file).");
            }

            string kind = ZipGuard.Inspect(content, ct);
            return kind switch
            {
                "xlsx" => Office(name, "xlsx", () => Spreadsheet(name, content, ct)),
                "docx" => Office(name, "docx", () => Word(name, content, ct)),
                _ => throw DocumentFormats.OtherZip(kind),
            };
        }

        string text = DocumentFormats.Decode(content);
        return ext == ".csv" ? FromCsv(name, text, ct) : FromText(name, text, ct);
    }

    /// <summary>
    /// Pasted or copied text. A copy no other reader takes that a browser's PDF viewer made (the text in the order the page
    /// draws it, <see cref="RunStream"/>) is read when each of its cells can be cut one way only; otherwise it is refused as before.
    /// </summary>
    public static ImportResult FromText(string name, string text, CancellationToken ct = default)
    {
        try
        {
            return FromCopy(name, text, ct);
        }
        catch (InputException) when (FromRunStream(name, text, ct) is { } read)
        {
            return read;
        }
    }

    /// <summary>A browser's copy of a printed table read by <see cref="RunStream"/>, or null (the reason the copy is refused stands).</summary>
    private static ImportResult? FromRunStream(string name, string text, CancellationToken ct)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (!IsUnlaidPdfCopy(lines) || RunStream.Rewrite(lines) is not { } rewritten)
        {
            return null;
        }

        IReadOnlyList<ImportedTable> read = TableLayout.Read(TextTables.Read(string.Join('\n', rewritten), name), ct);
        if (read.Count != 1)
        {
            return null;
        }

        ImportResult result = Unscrambled(Result(name, "text", read, text), lines);
        WrappedNotes.Note(result.Tables, WrappedNotes.JoinedLines(lines, rewritten));
        return result;
    }

    private static ImportResult FromCopy(string name, string text, CancellationToken ct)
    {
        if (text.Contains('\0', StringComparison.Ordinal) || text.Count(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') > text.Length / 100 + 1)
        {
            throw ZipGuard.Bad("文件不是文本，也不是 .xlsx/.docx 文档。", "the file is not text, nor an .xlsx/.docx document.");
        }

        string[] copied = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        // A printed page's margins (time stamp, address, page number) are no part of the table.
        // A copy pasted with a blank line after every line reads as the copy it was made from.
        string[] lines = ImportSanity.WithoutPageMargins(ImportSanity.WithoutDoubleSpacing([.. copied]) ?? copied);
        string body = lines.SequenceEqual(copied, StringComparer.Ordinal) ? text : string.Join('\n', lines);
        PdfLayoutBlocks.Outcome? laid = PdfLayoutBlocks.Rewrite(lines);
        if (laid is { Lines: null, Why: not PdfLayoutBlocks.Refusal.Between })
        {
            throw ZipGuard.Bad(
                $"第{laid.RefusedLine}行：" + ImportSanity.Advice.Zh(laid.Why switch
                {
                    PdfLayoutBlocks.Refusal.Header => "这段从 PDF 复制的表格表头折行，各列的名称（如“实际完成值”与“分值”）上下交错，无法确定每一列的位置，读出的单元格会粘连或错列",
                    PdfLayoutBlocks.Refusal.Glued => "这一行相邻两列的数值落在同一列的位置上（如分值与得分、指标值与完成值），无法确定各自属于哪一列，读出的数值会粘在一起",
                    _ => "这一行读出的指标行不完整（缺少其他行都有的分值和得分，或各格比表头错开了一列），像是上一行折行的文字，无法确定属于哪一行",
                }, laidOut: ImportSanity.LaidOut(body)),
                $"line {laid.RefusedLine}: " + ImportSanity.Advice.En(laid.Why switch
                {
                    PdfLayoutBlocks.Refusal.Header => "the headers of this table copied from a PDF wrap and their column names (实际完成值 and 分值, for one) interleave, so the columns cannot be placed with certainty and the cells read would be glued or shifted",
                    PdfLayoutBlocks.Refusal.Glued => "two figures of adjacent columns on this line fall in the place of one column (分值 and 得分, or a target and its actual), so they cannot be told apart and would be read as one glued figure",
                    _ => "the indicator row read at this line is not whole (it lacks the 分值 and 得分 every other row has, or its cells stand a column left of the header's), so it looks like the wrapped text of another row and cannot be placed",
                }, laidOut: ImportSanity.LaidOut(body)));
        }

        if (laid is { Lines: null })
        {
            throw ZipGuard.Bad(
                $"第{laid.RefusedLine}行：从 PDF 复制的表格中，这一行折行的文字夹在两行指标之间，无法确定属于哪一行。请上传 .docx 或 .xlsx 原件，或在表格中把这一格改短后再复制。",
                $"line {laid.RefusedLine}: in this table copied from a PDF, the wrapped text of this line lies between two indicator rows and cannot be placed with confidence. Upload the .docx or .xlsx, or shorten that cell and copy again.");
        }

        // Rows packed line after line, each cell beginning at the top of its row and wrapping onto the lines below (a
        // Word or Excel table printed by LibreOffice): read row by row, the wrapped lines joined to the cells above. The
        // reader takes a copy only when its cells begin at the top of their rows (a browser's centred cells, a pasted
        // table are not of this layout and are read as before); a line it cannot give to a row refuses the copy.
        int wrappedRefused = 0;
        bool printed = laid is null && IsPrintedLayout(body);
        string[]? wrapped = printed ? PdfLayoutBlocks.Wrapped(lines, out wrappedRefused) : null;
        if (wrappedRefused > 0)
        {
            throw ZipGuard.Bad(
                $"第{wrappedRefused}行：" + ImportSanity.Advice.Zh("这段从 PDF 复制的表格各行之间没有空行、单元格折行，这一行的文字无法确定是新的一行还是上一行的续行（或这一行缺少其他行都有的数值）", laidOut: true),
                $"line {wrappedRefused}: " + ImportSanity.Advice.En("in this table copied from a PDF the rows follow each other with no blank line and their cells wrap, and this line cannot be told to begin a row or carry on the one above (or it lacks a figure the other rows have)", laidOut: true));
        }

        // Cells centred in their rows (Word's or Excel's vertical centring): a wrapped cell's lines around its row's
        // middle line, where the cells that do not wrap and the row's figures are. Tried only on a printed copy the
        // top-aligned reader does not take; a copy shown to be of this layout with a piece that cannot be placed is refused.
        int centredRefused = 0;
        wrapped ??= printed ? PdfLayoutBlocks.Centred(lines, out centredRefused) : null;
        if (centredRefused > 0)
        {
            throw ZipGuard.Bad(
                $"第{centredRefused}行：" + ImportSanity.Advice.Zh("这段从 PDF 复制的表格单元格垂直居中、文字折行，这一行的文字在上下两行之间无法确定属于哪一行（或它所在的行缺少其他行都有的数值）", laidOut: true),
                $"line {centredRefused}: " + ImportSanity.Advice.En("in this table copied from a PDF the cells are centred in their rows and wrap, and the text of this line cannot be given to the row above or the row below with confidence (or its row lacks a figure the other rows have)", laidOut: true));
        }

        try
        {
            if ((laid?.Lines ?? wrapped) is { } rewritten)
            {
                IReadOnlyList<ImportedTable> read = TableLayout.Read(TextTables.Read(string.Join('\n', rewritten), name), ct);
                if (read.Count > 0)
                {
                    ImportResult result = Unscrambled(Result(name, "text", read, text), lines);
                    // The rows whose cells were joined from wrapped lines are named in the notes, for the user to check.
                    WrappedNotes.Note(result.Tables, WrappedNotes.JoinedLines(lines, rewritten));
                    return result;
                }
            }

            Grid grid = TextTables.Read(body, name);
            IReadOnlyList<ImportedTable> tables = TableLayout.Read(grid, ct);
            return Unscrambled(Result(name, "text", tables, text), lines);
        }
        catch (UnreadableDocumentException e) when (IsRawPdfOrder(lines) && e.Errors.Count == 1)
        {
            throw ZipGuard.Bad(
                e.Errors[0].Zh + "这段文字像是不保留版式从 PDF 复制的（一格一行，表格的行列顺序已打乱）：请用保留版式的方式复制（如 pdftotext -layout），或上传 .docx / .xlsx 原件。",
                e.Errors[0].En + " This text looks copied from a PDF without its layout (one cell a line, the table's rows and columns lost): copy it keeping the layout (pdftotext -layout, for one), or upload the .docx / .xlsx.");
        }
        catch (UnreadableDocumentException e) when ((printed || laid is null && ImportSanity.LaidOut(body)) && e.Errors.Count == 1 && e.Errors[0].Zh.StartsWith(NoTableZh, StringComparison.Ordinal))
        {
            // A printed copy whose headers were not recognised (a header wrapped over three lines around its middle line,
            // 实际完成情 / 况 above and below 年度目标值): told what to do as every other refused printed copy is, at the header's line.
            int at = Array.FindIndex(lines, l => l.Contains("三级指标", StringComparison.Ordinal) || l.Contains("指标名称", StringComparison.Ordinal)) + 1;
            throw ZipGuard.Bad(
                (at > 0 ? $"第{at}行：" : string.Empty) + ImportSanity.Advice.Zh("没有认出这段从 PDF 复制的表格的表头（表头的字折行、分在上下几行），文件中没有找到绩效自评表", laidOut: true),
                (at > 0 ? $"line {at}: " : string.Empty) + ImportSanity.Advice.En("the headers of this table copied from a PDF were not recognised (their words wrap over the lines above and below), so no self-evaluation table was found", laidOut: true));
        }
        catch (UnreadableDocumentException e) when (e.Errors.Count == 1 && e.Errors[0].Zh.StartsWith(NoTableZh, StringComparison.Ordinal) && IsUnlaidPdfCopy(lines))
        {
            // A browser's PDF viewer copy (chromium: the text in the order the page draws it, one run a line, the cells of a
            // row on one line single-spaced or one a line): no header found in it; told what to do, at the header's line.
            int at = Array.FindIndex(lines, l => l.Contains("三级指标", StringComparison.Ordinal) || l.Contains("项目资金", StringComparison.Ordinal)) + 1;
            throw ZipGuard.Bad(
                (at > 0 ? $"第{at}行：" : string.Empty) + ImportSanity.Advice.Zh("这段文字像是从浏览器或阅读器中的 PDF 复制的（没有保留版式，单元格按页面绘制的顺序排成行，折行的单元格分在几行），没有认出绩效自评表的表头，文件中没有找到绩效自评表"),
                (at > 0 ? $"line {at}: " : string.Empty) + ImportSanity.Advice.En("this text looks copied from a PDF shown in a browser or reader (its layout lost: the cells run in the order the page draws them and a wrapped cell is split over lines), and the self-evaluation table's headers were not recognised, so no table was found"));
        }
    }

    /// <summary>
    /// Text copied from a PDF without its layout that has a 自评表's header words (三级指标, 项目资金): no tab, and at most a
    /// tenth of its lines with a gap of two spaces. A browser's viewer gives such text (and pdftotext without -layout).
    /// </summary>
    private static bool IsUnlaidPdfCopy(string[] lines)
    {
        string[] text = [.. lines.Select(l => l.Replace('\f', ' ').Trim()).Where(l => l.Length > 0)];
        return text.Length >= 10 && !text.Any(l => l.Contains('\t', StringComparison.Ordinal))
            && text.Count(l => l.Contains("  ", StringComparison.Ordinal)) * 10 <= text.Length
            && text.Any(l => l.Contains("三级指标", StringComparison.Ordinal) || l.Contains("项目资金", StringComparison.Ordinal));
    }

    /// <summary>
    /// A copy as pdftotext -layout prints a page (most lines indented and laid out with runs of spaces, no tab), without a
    /// level weight printed under its 一级 cell (<c>(45分)</c>, which the other readers give to the level): the only
    /// copies the wrapped reader may take. A table pasted from Word or Excel (tabs, or cells two spaces apart from the
    /// line's start) is read as before.
    /// </summary>
    private static bool IsPrintedLayout(string body) =>
        ImportSanity.LaidOut(body) && !body.Contains('\t', StringComparison.Ordinal) && !LevelWeight().IsMatch(body);

    [System.Text.RegularExpressions.GeneratedRegex(@"[(（]\s*\d{1,3}\s*分\s*[)）]")]
    private static partial System.Text.RegularExpressions.Regex LevelWeight();

    /// <summary>The tables read, unless the copy lost its columns and the rows read from it are scrambled (then refused with what to do).</summary>
    private static ImportResult Unscrambled(ImportResult result, string[] lines) =>
        CopyChecks.Scrambled(result.Tables) ? throw (CopyChecks.Refusal(lines, IsRawPdfOrder(lines)) ?? CopyChecks.Mixed(result.Tables, ImportSanity.LaidOut(result.Text)))
        : CopyChecks.Fragments(result.Tables, lines, ImportSanity.LaidOut(result.Text)) is { } pieces ? throw pieces : result;

    /// <summary>
    /// Text pdftotext printed without -layout: short lines without tabs or column gaps, the header's words on
    /// lines of their own (三级指标 / 年度指标 / 值), so that no row can be told from the next.
    /// </summary>
    private static bool IsRawPdfOrder(string[] lines)
    {
        string[] text = [.. lines.Select(l => l.Replace('\f', ' ').Trim()).Where(l => l.Length > 0)];
        if (text.Length < 30 || text.Any(l => l.Contains('\t', StringComparison.Ordinal)))
        {
            return false;
        }

        int gapped = text.Count(l => l.Contains("  ", StringComparison.Ordinal));
        bool headerApart = text.Count(l => l is "一级指标" or "二级指标" or "三级指标" or "指标值" or "完成值" or "年初预算数" or "全年预算数" or "执行率" or "分值" or "得分") >= 3;
        return gapped * 10 <= text.Length && headerApart;
    }

    /// <summary>A CSV saved by Excel ("CSV (逗号分隔)" in GBK, "CSV UTF-8" with BOM): quoted cells, commas and line breaks inside quotes.</summary>
    public static ImportResult FromCsv(string name, string text, CancellationToken ct = default)
    {
        Grid grid = CsvTables.Read(text, name);
        return Result(name, "csv", TableLayout.Read(grid, ct), text);
    }

    private static ImportResult Office(string name, string format, Func<ImportResult> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or FileFormatException or InvalidOperationException or ArgumentException)
        {
            throw ZipGuard.Bad($"{(format == "xlsx" ? "Excel" : "Word")} 文件已损坏，无法读取。", $"the .{format} file is corrupt and cannot be read.");
        }
    }

    private static ImportResult Spreadsheet(string name, byte[] content, CancellationToken ct)
    {
        var tables = new List<ImportedTable>();
        var text = new StringBuilder();
        List<Grid> grids = XlsxGrids.Read(content, out List<string> hiddenSheets, ct);
        foreach (Grid grid in grids)
        {
            tables.AddRange(TableLayout.Read(grid, ct));
            foreach (GridRow row in grid.Rows)
            {
                text.AppendLine(string.Join('\t', row.Cells.Where(c => !c.Spanned).Select(c => c.Text)).TrimEnd('\t'));
            }
        }

        foreach (ImportedTable t in hiddenSheets.Count > 0 ? tables : [])
        {
            t.Warn("source", "workbook", $"隐藏的工作表（{string.Join("、", hiddenSheets)}）未读取", $"hidden worksheet(s) ({string.Join(", ", hiddenSheets)}) not read");
        }

        return Result(name, "xlsx", tables, text.ToString());
    }

    private static ImportResult Word(string name, byte[] content, CancellationToken ct)
    {
        (Grid grid, string text, int tableCount) = DocxGrids.Read(content, name, ct);
        if (tableCount == 0)
        {
            throw ZipGuard.Bad("Word 文件中没有表格（如果表格是图片，请改用 Excel 或文字版）。", "the .docx holds no table (if the tables are pictures, use the Excel or text version).");
        }

        return Result(name, "docx", TableLayout.Read(grid, ct), text);
    }

    private static ImportResult Result(string name, string format, IReadOnlyList<ImportedTable> tables, string text)
    {
        if (tables.Count == 0)
        {
            throw ZipGuard.Bad(NoTableZh + "（需要有“绩效指标”表头：三级指标、指标值、完成值，或“项目资金”表头）。",
                "no self-evaluation table found (expected a 绩效指标 header with 三级指标 / 指标值 / 完成值, or a 项目资金 header).");
        }

        IReadOnlyList<ImportedTable> joined = TableJoin.Join(tables);
        if (format == "text" && ImportSanity.Problems(joined, ImportSanity.LaidOut(text), text) is { Count: > 0 } garbage)
        {
            // Names that cannot be names (an amount in a fund's name, a page footer as an indicator): never scored.
            throw new UnreadableDocumentException(garbage);
        }

        if (joined.SelectMany(t => t.Errors.Select(e => (Table: t, Error: e))).ToList() is { Count: > 0 } errors)
        {
            // A money unit the contract cannot carry: refused by name (field and cell), never read as 万元.
            throw new UnreadableDocumentException([.. errors.Select(x => new InputError(x.Error.Path, $"{x.Error.Source}：{x.Error.Zh}", $"{x.Error.Source}: {x.Error.En}"))]);
        }

        if (joined.All(t => t.Indicators.Count == 0))
        {
            throw NoIndicators(joined, format == "text");
        }

        return new ImportResult(name, format, joined, text);
    }

    /// <summary>
    /// A file whose tables hold no 绩效指标 row (only fund lines, or the indicator columns not recognised) is no
    /// 自评表 that can be scored: 422 naming what was read and what is missing, not a 200 with an empty table.
    /// A table that has indicators keeps its warnings (a partial table is still answered).
    /// </summary>
    private static UnreadableDocumentException NoIndicators(IReadOnlyList<ImportedTable> tables, bool copied)
    {
        int lines = tables.Sum(t => t.FundLines.Count);
        // More fund lines than a 自评表 has (a copy's indicator rows taken for fund lines) is no count to report.
        bool plausible = lines <= 10;
        // A fund line that is the wrapped piece of another's name (年度资金总 / 额 in a browser's copy) makes the count no count either.
        bool pieces = copied && tables.SelectMany(t => t.FundLines).Any(CopyChecks.FundPiece);
        string read = lines == 0 ? string.Empty : pieces ? "资金行折行的文字也被当成了资金行，" : plausible ? $"只读到{lines}行资金数据，" : "资金表后面的行也被当成了资金行，";
        string readEn = lines == 0 ? string.Empty : pieces ? "the wrapped pieces of fund names were taken for fund lines and " : plausible ? $"only {lines} fund line(s) were read and " : "the rows after the fund table were taken for fund lines and ";
        // The cells that could not be read say why (a 指标值 and 完成值 in one cell: “≥50000/52360”不是数字).
        // So does an indicator header whose target or actual column was not recognised (its warning names the header).
        var unreadable = tables.SelectMany(t => t.Warnings)
            .Where(w => w.Zh.Contains("不是数字", StringComparison.Ordinal) || (w.Path == "indicators" && w.Zh.StartsWith("绩效指标表头", StringComparison.Ordinal)))
            .DistinctBy(w => w.Zh, StringComparer.Ordinal).Take(3).ToList();
        string why = unreadable.Count > 0 ? $"无法读取的内容：{string.Join("；", unreadable.Select(w => $"{w.Source} {w.Zh}"))}；" : string.Empty;
        string whyEn = unreadable.Count > 0 ? $"what could not be read: {string.Join("; ", unreadable.Select(w => $"{w.Source} {w.En}"))}; " : string.Empty;
        string pdf = copied ? "如果这段文字是从 PDF 复制的：请用 pdftotext -layout 保留版式复制并保留行首空格，或上传生成该 PDF 的 .xlsx / .docx 原件。" : string.Empty;
        string pdfEn = copied ? " If this text was copied from a PDF: copy it keeping the layout and the leading spaces (pdftotext -layout), or upload the .xlsx / .docx the PDF was made from." : string.Empty;
        return new UnreadableDocumentException(
            $"文件中没有读到任何绩效指标：{read}{why}需要“绩效指标”表头下的三级指标（指标名称）、年度指标值、实际完成值各占一列（指标值和完成值写在同一格的，请分成两列）。{pdf}",
            $"no performance indicator was read from the file: {readEn}{whyEn}a 绩效指标 header is needed with 三级指标 (indicator name), 年度指标值 (target) and 实际完成值 (actual) in columns of their own (split a cell holding both target and actual into two columns).{pdfEn}");
    }

    /// <summary>The text of a document to check: a .docx's paragraphs and tables, or text as UTF-8 or GB18030.</summary>
    public static string TextOf(string? fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        bool zip = content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return zip ? Corpus.DocumentText.Read(fileName ?? "document.docx", content) : DocumentFormats.Decode(content);
    }
}
