using System.Text;
using Assistant.Domain.Importing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Features.Importing;

/// <summary>
/// Reads a .docx: every table as rows of cells (a <c>gridSpan</c> cell is followed by spanned cells,
/// a <c>vMerge</c> continuation is an empty cell), the short paragraphs that title a table
/// (<c>部门项目支出绩效自评表</c>, <c>（2024年度）</c>) as rows of their own, and the whole text of the
/// document (narrative and tables) for checking a report against its tables.
/// </summary>
public static class DocxGrids
{
    public static (Grid Grid, string Text, int Tables) Read(byte[] content, string name, CancellationToken ct)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false);
        W.Body body = doc.MainDocumentPart?.Document?.Body ?? throw ZipGuard.Bad("Word 文件没有正文。", "the .docx has no body.");
        var rows = new List<GridRow>();
        var text = new StringBuilder();
        var walk = new Walk(rows, text, ct);
        walk.Blocks(body.ChildElements);
        return (new Grid(name, rows), text.ToString(), walk.TableNo);
    }

    /// <summary>
    /// The document's blocks in order: paragraphs, tables, and what wraps them — content controls
    /// (<c>w:sdt</c>), custom XML, and a layout table whose cells hold the real table (a one-cell frame
    /// around the 自评表, a caption cell above it): its cells are read as blocks of their own.
    /// </summary>
    private sealed class Walk(List<GridRow> rows, StringBuilder text, CancellationToken ct)
    {
        private int paragraphNo;

        public int TableNo { get; private set; }

        /// <summary>Layout tables and content controls opened deeper than this are read as they are (a bound on recursion).</summary>
        private const int MaxDepth = 8;

        public void Blocks(IEnumerable<OpenXmlElement> elements, int depth = 0)
        {
            foreach (OpenXmlElement element in elements)
            {
                ct.ThrowIfCancellationRequested();
                switch (element)
                {
                    case W.Paragraph p:
                        Paragraph(p);
                        break;
                    case W.Table t when depth < MaxDepth && IsLayout(t):
                        foreach (W.TableCell cell in RowsOf(t).SelectMany(CellsOf))
                        {
                            Blocks(cell.ChildElements, depth + 1);
                        }

                        break;
                    case W.Table t:
                        TableNo++;
                        Table(t, TableNo, rows, text, ct);
                        break;
                    case W.SdtBlock sdt when depth < MaxDepth:
                        Blocks(sdt.SdtContentBlock?.ChildElements ?? (IEnumerable<OpenXmlElement>)[], depth + 1);
                        break;
                    case W.CustomXmlBlock custom when depth < MaxDepth:
                        Blocks(custom.ChildElements, depth + 1);
                        break;
                }
            }
        }

        private void Paragraph(W.Paragraph p)
        {
            paragraphNo++;
            string line = p.InnerText;
            text.AppendLine(line);
            string compact = CellText.Compact(line);
            if (compact.Length is > 0 and <= 60 && (HeaderWords.IsTitle(line) || HeaderWords.Year(line) is not null && compact.Length <= 12 || compact.StartsWith("附表", StringComparison.Ordinal) || UnitLine(compact)))
            {
                rows.Add(new GridRow([new GridCell(line.Trim(), $"第{paragraphNo}段")]));
            }
        }

        /// <summary>A frame around a table: a few rows, and a table inside one of its cells.</summary>
        private static bool IsLayout(W.Table t) => RowsOf(t).Take(5).Count() <= 4 && RowsOf(t).SelectMany(CellsOf).Any(c => c.Elements<W.Table>().Any());

        private static bool UnitLine(string compact) => compact.StartsWith("单位", StringComparison.Ordinal) && compact.Length <= 8 && compact.EndsWith('元');
    }

    /// <summary>A table's rows, including those wrapped in content controls or custom XML.</summary>
    private static IEnumerable<W.TableRow> RowsOf(W.Table table) => Unwrap<W.TableRow>(table.ChildElements);

    /// <summary>A row's cells, including those wrapped in content controls or custom XML.</summary>
    private static IEnumerable<W.TableCell> CellsOf(W.TableRow row) => Unwrap<W.TableCell>(row.ChildElements);

    private static IEnumerable<T> Unwrap<T>(IEnumerable<OpenXmlElement> elements, int depth = 0)
        where T : OpenXmlElement
    {
        foreach (OpenXmlElement e in elements)
        {
            if (e is T t)
            {
                yield return t;
            }
            else if (depth < 8 && e is W.SdtRow or W.SdtCell or W.CustomXmlRow or W.CustomXmlCell)
            {
                IEnumerable<OpenXmlElement> inner = e is W.SdtRow sr ? sr.SdtContentRow?.ChildElements ?? (IEnumerable<OpenXmlElement>)[]
                    : e is W.SdtCell sc ? sc.SdtContentCell?.ChildElements ?? (IEnumerable<OpenXmlElement>)[] : e.ChildElements;
                foreach (T inside in Unwrap<T>(inner, depth + 1))
                {
                    yield return inside;
                }
            }
        }
    }

    private static void Table(W.Table table, int tableNo, List<GridRow> rows, StringBuilder text, CancellationToken ct)
    {
        int r = 0;
        foreach (W.TableRow row in RowsOf(table))
        {
            ct.ThrowIfCancellationRequested();
            r++;
            var cells = new List<GridCell>();
            int before = row.TableRowProperties?.GetFirstChild<W.GridBefore>()?.Val?.Value ?? 0;
            for (int i = 0; i < before; i++)
            {
                cells.Add(new GridCell(string.Empty, $"表{tableNo} 第{r}行第{cells.Count + 1}列"));
            }

            var texts = new List<string>();
            foreach (W.TableCell cell in CellsOf(row))
            {
                W.TableCellProperties? props = cell.TableCellProperties;
                int span = props?.GridSpan?.Val?.Value ?? 1;
                W.VerticalMerge? vmerge = props?.VerticalMerge;
                bool continued = vmerge is not null && (vmerge.Val is null || vmerge.Val.Value == W.MergedCellValues.Continue);
                string cellText = continued ? string.Empty : string.Join('\n', cell.Descendants<W.Paragraph>().Select(p => p.InnerText));
                texts.Add(cellText.Replace('\n', ' '));
                string source = $"表{tableNo} 第{r}行第{cells.Count + 1}列";
                cells.Add(new GridCell(cellText, source));
                for (int s = 1; s < span; s++)
                {
                    cells.Add(new GridCell(string.Empty, $"表{tableNo} 第{r}行第{cells.Count + 1}列") { Spanned = true });
                }
            }

            text.AppendLine(string.Join('\t', texts));
            rows.Add(new GridRow(cells));
        }

        text.AppendLine();
    }
}
