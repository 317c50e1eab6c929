using System.Text.RegularExpressions;
using Assistant.Domain.Importing;

namespace Assistant.Features.Importing;

/// <summary>
/// The note a table read from PDF text carries for each row whose cells a reader joined from wrapped lines: the copy's
/// line of the row, in Chinese and English, so the user checks those cells. A row is joined when one of its cells, as
/// rewritten, is not found whole on the copy's own line of that row (its text came from the lines above or below).
/// </summary>
internal static partial class WrappedNotes
{
    /// <summary>The 1-based lines of the copy whose rewritten row holds a cell not printed whole on that line.</summary>
    public static HashSet<int> JoinedLines(string[] lines, string[] rewritten)
    {
        var joined = new HashSet<int>();
        for (int i = 0; i < rewritten.Length && i < lines.Length; i++)
        {
            if (!rewritten[i].Contains('\t', StringComparison.Ordinal))
            {
                continue;
            }

            string own = Squeezed(lines[i]);
            if (rewritten[i].Split('\t').Any(c => Squeezed(c) is { Length: > 0 } cell && !own.Contains(cell, StringComparison.Ordinal)))
            {
                joined.Add(i + 1);
            }
        }

        return joined;
    }

    /// <summary>Notes on each fund line and indicator of the tables read from a joined line (its provenance names that line).</summary>
    public static void Note(IReadOnlyList<ImportedTable> tables, HashSet<int> joined)
    {
        if (joined.Count == 0)
        {
            return;
        }

        foreach (ImportedTable t in tables)
        {
            for (int f = 0; f < t.FundLines.Count; f++)
            {
                NoteRow(t, $"funds.lines[{f}]", joined);
            }

            for (int i = 0; i < t.Indicators.Count; i++)
            {
                NoteRow(t, $"indicators[{i}]", joined);
            }
        }
    }

    private static void NoteRow(ImportedTable t, string row, HashSet<int> joined)
    {
        int line = t.Sources.Where(s => s.Key.StartsWith(row + ".", StringComparison.Ordinal))
            .Select(s => LineOf().Match(s.Value)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault(joined.Contains);
        if (line > 0)
        {
            t.Warn(row, $"第{line}行",
                $"第{line}行：这一行有单元格在 PDF 中折行，已按各列的位置把上下几行的文字拼成一格，请核对这一行的内容",
                $"line {line}: cells of this row wrapped in the PDF and their lines were joined by their columns into one cell each; check this row");
        }
    }

    private static string Squeezed(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal).Replace("\f", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"^第(\d+)行")]
    private static partial Regex LineOf();
}
