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
        int tableNo = 0;
        int paragraphNo = 0;
        foreach (OpenXmlElement element in body.ChildElements)
        {
            ct.ThrowIfCancellationRequested();
            switch (element)
            {
                case W.Paragraph p:
                    paragraphNo++;
                    string line = p.InnerText;
                    text.AppendLine(line);
                    string compact = CellText.Compact(line);
                    if (compact.Length is > 0 and <= 60 && (HeaderWords.IsTitle(line) || HeaderWords.Year(line) is not null && compact.Length <= 12 || compact.StartsWith("附表", StringComparison.Ordinal)))
                    {
                        rows.Add(new GridRow([new GridCell(line.Trim(), $"第{paragraphNo}段")]));
                    }

                    break;
                case W.Table t:
                    tableNo++;
                    Table(t, tableNo, rows, text, ct);
                    break;
            }
        }

        return (new Grid(name, rows), text.ToString(), tableNo);
    }

    private static void Table(W.Table table, int tableNo, List<GridRow> rows, StringBuilder text, CancellationToken ct)
    {
        int r = 0;
        foreach (W.TableRow row in table.Elements<W.TableRow>())
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
            foreach (W.TableCell cell in row.Elements<W.TableCell>())
            {
                W.TableCellProperties? props = cell.TableCellProperties;
                int span = props?.GridSpan?.Val?.Value ?? 1;
                W.VerticalMerge? vmerge = props?.VerticalMerge;
                bool continued = vmerge is not null && (vmerge.Val is null || vmerge.Val.Value == W.MergedCellValues.Continue);
                string cellText = continued ? string.Empty : string.Join('\n', cell.Elements<W.Paragraph>().Select(p => p.InnerText));
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
