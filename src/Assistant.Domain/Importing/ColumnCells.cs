using Assistant.Domain.Numbers;

namespace Assistant.Domain.Importing;

/// <summary>
/// A PDF copy laid out with spaces (pdftotext -layout): cells sit under their header's columns, and a
/// cell too long for its column wraps onto the next line, in the same column
/// (<c>产出指标</c> / <c>(50分)</c>, <c>城镇就业困难人员公益性岗</c> / <c>位安置人数（人）</c>). Under a header
/// so laid out, each word of a line is put in the column it overlaps most (a Chinese character is two
/// columns wide; words of one column are one cell), and a line holding no target, actual, 分值 or 得分 continues the row above, column by column.
/// </summary>
public static partial class TextTables
{
    private sealed class Columns(List<int> starts, List<IndicatorField> fields, List<int>? narrowStarts = null)
    {
        public List<int> Starts { get; } = starts;

        /// <summary>The starts with a Chinese character one column wide (pdftotext counts characters), when the header has as many words so measured.</summary>
        public List<int>? NarrowStarts { get; } = narrowStarts;

        /// <summary>A row so far fitted only with the narrow measure: the text is pdftotext's count; its lines are read so first.</summary>
        public bool Narrow { get; set; }

        /// <summary>The header was found only by its words a single space apart (pdftotext's grid): lines are measured so alone.</summary>
        public bool NarrowOnly { get; init; }

        public List<IndicatorField> Fields { get; } = fields;

        public bool RowSeen { get; set; }

        /// <summary>The header was typed with two spaces between its cells, not laid out in columns.</summary>
        public bool Typed { get; set; }
    }

    /// <summary>
    /// A line typed with exactly two spaces between its cells (<c>产出指标  数量  受益学生人次  ≥12000人次  …</c>), at
    /// least three such gaps and no indentation: its cells are in order, not in columns, so a header so typed
    /// gives no column positions for its rows to be placed by.
    /// </summary>
    private static bool IsTyped(string line)
    {
        if (line.Length == 0 || line[0] == ' ' || line.Contains('\t', StringComparison.Ordinal) || line.Contains('\u3000', StringComparison.Ordinal))
        {
            return false;
        }

        string trimmed = line.TrimEnd();
        int gaps = 0;
        int i = 0;
        while (i < trimmed.Length)
        {
            if (trimmed[i] != ' ')
            {
                i++;
                continue;
            }

            int j = i;
            while (j < trimmed.Length && trimmed[j] == ' ')
            {
                j++;
            }

            if (j - i > 2)
            {
                return false;
            }

            gaps += j - i == 2 ? 1 : 0;
            i = j;
        }

        return gaps >= 3;
    }

    /// <summary>The header's columns when the line is laid out with runs of spaces (not tabs), else null.</summary>
    private static Columns? ColumnsOf(string line, List<IndicatorField> fields)
    {
        if (line.Contains('\t', StringComparison.Ordinal) || line.TrimStart().StartsWith('|'))
        {
            return null;
        }

        List<(string Text, int Start, int End)> spans = Spans(line);
        if (spans.Count == fields.Count)
        {
            // A header spelled a character at a time (一 级 指 标) gives no column grid to measure by characters.
            List<(string Text, int Start, int End)> narrow = spans.Any(s => SpelledOut(s.Text)) ? [] : Spans(line, wide: 1);
            return new Columns([.. spans.Select(s => s.Start)], fields, narrow.Count == fields.Count ? [.. narrow.Select(s => s.Start)] : null);
        }

        // Header words a single space apart between wide gaps: pdftotext -layout, which puts each character in a
        // column of its own. (A line single-spaced throughout is no layout to place words by.)
        if (spans.Count < 2)
        {
            return null;
        }

        spans = [.. Spans(line, wide: 1).SelectMany(HeaderPieces)];
        return spans.Count == fields.Count
            ? new Columns([.. spans.Select(s => s.Start)], fields) { Narrow = true, NarrowOnly = true }
            : null;
    }

    /// <summary>
    /// The line's cells in the header's columns: measured with a Chinese character two columns wide (text
    /// aligned for the eye), else one wide (pdftotext's count) when only that reading fits.
    /// </summary>
    private static string[]? InColumns(string line, Columns columns)
    {
        if (columns.NarrowOnly)
        {
            return InColumns(line, columns.Starts, 1);
        }

        string[]? wide = InColumns(line, columns.Starts, 2);
        if (columns.NarrowStarts is null)
        {
            return wide;
        }

        string[]? narrow = InColumns(line, columns.NarrowStarts, 1);
        int w = Quality(wide, columns);
        int n = Quality(narrow, columns);
        if (n > w || (n == w && n > 0 && columns.Narrow))
        {
            columns.Narrow |= n > w && FitsColumns(narrow!, columns);
            return narrow;
        }

        return wide;
    }

    /// <summary>How well a placement fits: its cells fit their columns, 分值 and 得分 both filled, no column holding two values.</summary>
    private static int Quality(string[]? cells, Columns columns)
    {
        if (cells is null)
        {
            return int.MinValue;
        }

        int q = FitsColumns(cells, columns) ? 10 : columns.RowSeen && IsWrappedEnd(cells, columns) ? 5 : 0;
        int weight = columns.Fields.IndexOf(IndicatorField.Weight);
        int score = columns.Fields.IndexOf(IndicatorField.Score);
        if (weight >= 0 && score >= 0 && cells[weight].Length > 0 && cells[score].Length > 0)
        {
            q += 2;
        }

        foreach (string c in cells)
        {
            string[] words = c.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1 && words.Count(x => ValueToken().IsMatch(CellText.Compact(x))) > 1)
            {
                q -= 3;
            }
        }

        return q;
    }

    private static bool SpelledOut(string text) =>
        text.Length >= 3 && text.Where((c, k) => k % 2 == 1).All(c => c == ' ') && text.Where((c, k) => k % 2 == 0).All(c => c != ' ');

    /// <summary>A span cut where <see cref="GluedCells.Split"/> cuts it, each piece at the column of its first word.</summary>
    private static IEnumerable<(string Text, int Start, int End)> HeaderPieces((string Text, int Start, int End) span)
    {
        IReadOnlyList<string> pieces = GluedCells.Split(span.Text);
        if (pieces.Count < 2)
        {
            return [span];
        }

        List<(string Text, int Start, int End)> words = Spans(span.Text, words: true, wide: 1);
        var result = new List<(string, int, int)>();
        int w = 0;
        foreach (string piece in pieces)
        {
            string want = piece.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (w >= words.Count)
            {
                return [span];
            }

            int first = w;
            string got = string.Empty;
            while (w < words.Count && got.Length < want.Length)
            {
                got += words[w].Text;
                w++;
            }

            if (got != want)
            {
                return [span];
            }

            result.Add((piece, span.Start + words[first].Start, span.Start + words[w - 1].End));
        }

        return w == words.Count ? result : [span];
    }

    /// <summary>The line's cells placed in the header's columns (empty where nothing stands), or null when they do not fit.</summary>
    private static string[]? InColumns(string line, List<int> starts, int wide)
    {
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            return null;
        }

        int n = starts.Count;
        string[] cells = new string[n];
        Array.Fill(cells, string.Empty);
        foreach ((string text, int start, int end) in Spans(line, words: true, wide: wide))
        {
            int best = -1;
            int bestOverlap = 0;
            for (int k = 0; k < n; k++)
            {
                int from = starts[k];
                int to = k + 1 < n ? starts[k + 1] : int.MaxValue;
                int overlap = Math.Min(end, to) - Math.Max(start, from);
                if (overlap > bestOverlap)
                {
                    best = k;
                    bestOverlap = overlap;
                }
            }

            if (best < 0)
            {
                return null;
            }

            cells[best] = cells[best].Length == 0 ? text : cells[best] + " " + text;
        }

        return cells;
    }

    /// <summary>A line with nothing in the target, actual, 分值 and 得分 columns: the wrapped ends of the row above.</summary>
    private static bool IsWrappedEnd(string[] cells, Columns columns) =>
        cells.Any(c => c.Length > 0)
        && Enumerable.Range(0, cells.Length).All(k => cells[k].Length == 0 || columns.Fields[k] is IndicatorField.Level1 or IndicatorField.Level2 or IndicatorField.Name or IndicatorField.Note or IndicatorField.Label && !CellText.IsPlainNumber(cells[k]));

    /// <summary>Cells that fit their columns: the label column empty, a name, 分值 and 得分 numbers up to 100, 一级/二级 no values.</summary>
    private static bool FitsColumns(string[] cells, Columns columns)
    {
        bool hasValue = false;
        for (int k = 0; k < cells.Length; k++)
        {
            string c = cells[k];
            if (c.Length == 0)
            {
                continue;
            }

            bool value = ValueToken().IsMatch(CellText.Compact(c));
            bool fits = columns.Fields[k] switch
            {
                IndicatorField.Label => CellText.Compact(c) == "绩效指标",
                IndicatorField.Level1 or IndicatorField.Level2 or IndicatorField.Name => !value,
                IndicatorField.Weight or IndicatorField.Score => PlainNumber().IsMatch(c) && MatchedNumber.Decimal(c) <= 100m,
                _ => true,
            };
            if (!fits)
            {
                return false;
            }

            hasValue |= columns.Fields[k] is IndicatorField.Target or IndicatorField.Actual or IndicatorField.Weight or IndicatorField.Score;
        }

        int name = columns.Fields.IndexOf(IndicatorField.Name);
        return hasValue && name >= 0 && cells[name].Length > 0;
    }

    /// <summary>The runs of text between gaps of two or more spaces (or every word), with their display columns.</summary>
    private static List<(string Text, int Start, int End)> Spans(string line, bool words = false, int wide = 2)
    {
        var spans = new List<(string, int, int)>();
        int col = 0;
        int i = 0;
        while (i < line.Length)
        {
            if (line[i] is ' ' or '\u3000')
            {
                col += line[i] == ' ' ? 1 : wide;
                i++;
                continue;
            }

            int start = col;
            int from = i;
            while (i < line.Length && !(line[i] is ' ' or '\u3000' && (words || i + 1 >= line.Length || line[i + 1] is ' ' or '\u3000' || line[i] == '\u3000')))
            {
                col += Wide(line[i]) ? wide : 1;
                i++;
            }

            spans.Add((line[from..i], start, col));
        }

        return spans;
    }

    private static bool Wide(char c) => c >= '\u2e80' && c is not ('\u2265' or '\u2264');
}
