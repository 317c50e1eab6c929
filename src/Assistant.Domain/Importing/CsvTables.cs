using System.Text;

namespace Assistant.Domain.Importing;

/// <summary>
/// A CSV as Excel saves it ("CSV (逗号分隔)", "CSV UTF-8"): one row a record, cells separated by
/// commas (or semicolons, when a record's semicolons outnumber its commas outside quotes), a quoted
/// cell may hold commas, doubled quotes and line breaks. Cells keep their row and column as provenance
/// (<c>第3行第2列</c>). Limits as for a worksheet: 20 000 rows, 200 columns.
/// </summary>
public static class CsvTables
{
    public const int MaxRows = 20_000;
    public const int MaxColumns = 200;

    public static Grid Read(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        char separator = Separator(text);
        var rows = new List<GridRow>();
        var cells = new List<GridCell>();
        var cell = new StringBuilder();
        bool quoted = false;
        bool wasQuoted = false;
        int line = 1;
        int startLine = 1;

        void EndCell()
        {
            if (cells.Count < MaxColumns)
            {
                string value = wasQuoted ? cell.ToString() : cell.ToString().Trim();
                cells.Add(new GridCell(value, $"第{startLine}行第{cells.Count + 1}列"));
            }

            cell.Clear();
            wasQuoted = false;
        }

        void EndRow()
        {
            EndCell();
            if (rows.Count < MaxRows)
            {
                rows.Add(new GridRow(cells));
            }

            cells = [];
            startLine = line;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c == '\r' ? '\n' : c);
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                        line++;
                    }
                }

                continue;
            }

            if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
                wasQuoted = true;
            }
            else if (c == separator)
            {
                EndCell();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                EndRow();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            EndRow();
        }

        return new Grid(name, rows);
    }

    /// <summary>Comma, unless the first records have more semicolons than commas outside quotes (a European-locale Excel).</summary>
    private static char Separator(string text)
    {
        int commas = 0;
        int semicolons = 0;
        bool quoted = false;
        int lines = 0;
        foreach (char c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == '\n' && ++lines >= 50)
            {
                break;
            }
        }

        return semicolons > commas ? ';' : ',';
    }
}
