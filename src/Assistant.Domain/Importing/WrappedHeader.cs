using System.Text;

namespace Assistant.Domain.Importing;

/// <summary>
/// A header whose cells wrap over two or three lines in a copy laid out with spaces (pdftotext -layout of a
/// table whose header cells are narrow): <c>年度</c> / <c>指标值</c>, <c>实际</c> / <c>完成值</c>, <c>偏差原因分析</c> /
/// <c>及改进措施</c>, or <c>一级指标 二级指标 三级指标</c> on a line of their own above or below the other
/// columns. The lines are joined column by column into one header line, written at the first line (the
/// others left blank), so that the readers see one header and the line numbers stay those of the copy.
/// Joined only when every line holds nothing but pieces of header words, the joined line is an indicator (or
/// fund) header whose every column is a known header word, and no line was such a header already with its
/// every word known (a header over a second header row, <c>偏差原因 | 改进措施</c>, stays as it is).
/// </summary>
public static class WrappedHeader
{
    private static readonly string[] Vocabulary =
    [
        "一级指标", "二级指标", "三级指标", "指标名称", "绩效指标", "年度指标值", "年度目标值", "实际完成值", "实际完成情况",
        "实际值", "全年实际完成值", "分值", "权重", "得分", "自评得分", "偏差原因分析及改进措施", "未完成原因和改进措施",
        "未完成原因分析及改进措施", "偏差原因及改进措施", "年初预算数", "全年预算数", "全年执行数", "执行率", "计量单位",
    ];

    /// <summary>The lines with each wrapped header joined onto its first line (same length, same line numbers).</summary>
    /// <param name="lines">The copy's lines.</param>
    /// <param name="blockStartsOnly">Join only a header that begins a block (after a blank line or at the start): the blank-separated layout's reading.</param>
    public static string[] Join(string[] lines, bool blockStartsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string[] result = [.. lines];
        for (int i = 0; i < result.Length; i++)
        {
            if (!IsPieces(result[i], tabs: true) || blockStartsOnly && i > 0 && result[i - 1].Trim().Length > 0)
            {
                continue;
            }

            // Laid out column under column first (pdftotext -layout), then flowed in reading order (a copy that
            // breaks the header's run of cells where a line ends: 年度 / 指标值 实际 / 完成值 分值 得分 …).
            int joinedLines = 0;
            for (int m = 3; m >= 2 && joinedLines == 0; m--)
            {
                if (Window(result, i, m, tabs: false) is { } window)
                {
                    string[] below = [.. result.Skip(i + m).Where(l => l.Trim().Length > 0).Take(4)];
                    if (Joined(window, below) is { } joined)
                    {
                        result[i] = joined;
                        joinedLines = m;
                    }
                }
            }

            for (int m = 4; m >= 2 && joinedLines == 0; m--)
            {
                if (Window(result, i, m, tabs: true) is { } window && Flowed(window) is { } joined)
                {
                    result[i] = joined;
                    joinedLines = m;
                }
            }

            for (int k = i + 1; k < i + joinedLines; k++)
            {
                result[k] = string.Empty;
            }

            i += Math.Max(0, joinedLines - 1);
        }

        return result;
    }

    private static string[]? Window(string[] lines, int at, int count, bool tabs) =>
        at + count <= lines.Length && Enumerable.Range(at, count).All(k => IsPieces(lines[k], tabs)) ? lines[at..(at + count)] : null;

    /// <summary>
    /// The header's cells read in order across the lines, the last word of a line joined to the first of the next
    /// when together they make (a piece of) one header word and are not two known words side by side (<c>年度</c> +
    /// <c>指标值</c>, <c>偏差原因分析</c> + <c>及改进措施</c>; never <c>分值</c> + <c>得分</c>). Null unless every cell is then a
    /// known word of one indicator (or fund) header, a cell was broken at a line's end, a line held cells side by side
    /// (text copied one cell a line is no flowed header), and the first line was no whole header already.
    /// </summary>
    private static string? Flowed(string[] window)
    {
        bool tabbed = window.Any(l => l.Contains('\t', StringComparison.Ordinal));
        var cells = new List<string>();
        bool broken = false;
        bool sideBySide = false;
        foreach (string line in window)
        {
            string[] words = Words(line);
            sideBySide |= words.Length > 1;
            if (words.Length == 0)
            {
                return null;
            }

            // A first line that is a whole header, every word known: what follows is a second header row, not its flow.
            if (cells.Count == 0 && (HeaderWords.IsIndicatorHeader(words) || HeaderWords.IsFundHeader(words)) && words.All(w => Known(w, false) || Known(w, true)))
            {
                return null;
            }

            for (int w = 0; w < words.Length; w++)
            {
                string a = cells.Count > 0 ? cells[^1] : string.Empty;
                bool across = w == 0 && a.Length > 0 && Vocabulary.Any(v => v.Contains(a + words[0], StringComparison.Ordinal))
                    && !((Known(a, false) || Known(a, true)) && (Known(words[0], false) || Known(words[0], true)));
                if (across)
                {
                    cells[^1] = a + words[0];
                    broken = true;
                }
                else
                {
                    cells.Add(words[w]);
                }
            }
        }

        // A cell broken where a line ends, and cells side by side on a line: a flowed header, not one cell a line (a Word copy).
        bool indicator = HeaderWords.IsIndicatorHeader(cells);
        bool fund = HeaderWords.IsFundHeader(cells);
        if (!broken || !sideBySide || !indicator && !fund || !cells.All(c => Known(c, fund && !indicator)))
        {
            return null;
        }

        string start = window.Any(l => l.Contains('\f', StringComparison.Ordinal)) ? "\f" : string.Empty;
        return start + string.Join(tabbed ? "\t" : "  ", cells);
    }

    private static string[] Words(string line) =>
        line.Replace('\f', ' ').Replace('\u3000', ' ').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A line of header words and their pieces only (no figure), laid out with spaces (or, when <paramref name="tabs"/>, tabs too).</summary>
    private static bool IsPieces(string line, bool tabs)
    {
        string text = line.Replace('\f', ' ').Replace('\u3000', ' ').Trim();
        if (text.Length == 0 || !tabs && line.Contains('\t', StringComparison.Ordinal) || text.Any(char.IsDigit))
        {
            return false;
        }

        return Words(text).All(w => Vocabulary.Any(v => v.Contains(w, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The joined line in the measure (a Chinese character one column wide, as pdftotext counts, or two, as text
    /// aligned for the eye) whose column starts the rows below line up with best.
    /// </summary>
    private static string? Joined(string[] window, string[] below)
    {
        string? best = null;
        int bestScore = -1;
        foreach (int wide in new[] { 1, 2 })
        {
            if (Joined(window, wide, out List<int> starts) is { } joined)
            {
                int score = below.Sum(l => Spans(l.Replace('\f', ' '), wide).Count(s => starts.Any(c => Math.Abs(c - s.Start) <= 1)));
                if (score > bestScore)
                {
                    (best, bestScore) = (joined, score);
                }
            }
        }

        return best;
    }

    private static string? Joined(string[] window, int wide, out List<int> starts)
    {
        starts = [];
        List<(int Start, int End, string Text)>[] spans = [.. window.Select(l => Spans(l.Replace('\f', ' '), wide))];
        if (spans.Any(s => s.Count == 0))
        {
            return null;
        }

        int main = 0;
        for (int k = 1; k < spans.Length; k++)
        {
            if (spans[k].Count > spans[main].Count)
            {
                main = k;
            }
        }

        var columns = spans[main].Select(s => (s.Start, s.End, Pieces: new List<(int K, string T)> { (main, s.Text) })).ToList();
        for (int k = 0; k < spans.Length; k++)
        {
            if (k == main)
            {
                continue;
            }

            foreach ((int start, int end, string text) in spans[k])
            {
                // The column the piece overlaps most (a wrapped piece is printed under or centred on its cell's).
                int best = -1;
                (int Overlap, int Distance) bestFit = (0, int.MaxValue);
                for (int c = 0; c < columns.Count; c++)
                {
                    int distance = Math.Abs(columns[c].Start - start);
                    int overlap = Math.Min(end, columns[c].End) - Math.Max(start, columns[c].Start);
                    if ((overlap > 0 || distance <= 1) && columns[c].Pieces.All(p => p.K != k)
                        && (overlap > bestFit.Overlap || overlap == bestFit.Overlap && distance < bestFit.Distance))
                    {
                        best = c;
                        bestFit = (overlap, distance);
                    }
                }

                if (best >= 0)
                {
                    columns[best].Pieces.Add((k, text));
                }
                else
                {
                    columns.Add((start, end, [(k, text)]));
                }
            }
        }

        columns = [.. columns.OrderBy(c => c.Start)];
        starts = [.. columns.Select(c => c.Start)];
        List<string> cells = [.. columns.Select(c => string.Concat(c.Pieces.OrderBy(p => p.K).Select(p => p.T)))];
        bool indicator = HeaderWords.IsIndicatorHeader(cells);
        bool fund = HeaderWords.IsFundHeader(cells);
        if (!indicator && !fund || !cells.All(c => Known(c, fund && !indicator)))
        {
            return null;
        }

        // A line that is a whole header already, every word known: a second header row under it, not a wrap.
        foreach (List<(int Start, int End, string Text)> line in spans)
        {
            List<string> words = [.. line.Select(s => s.Text)];
            if ((HeaderWords.IsIndicatorHeader(words) || HeaderWords.IsFundHeader(words)) && words.All(w => Known(w, false) || Known(w, true)))
            {
                return null;
            }
        }

        // A page break on a header line stays at the joined line's start (the page's first row begins there).
        var sb = new StringBuilder(window.Any(l => l.Contains('\f', StringComparison.Ordinal)) ? "\f" : string.Empty);
        int col = 0;
        for (int c = 0; c < columns.Count; c++)
        {
            int gap = c == 0 ? columns[c].Start - col : Math.Max(1, columns[c].Start - col);
            sb.Append(' ', Math.Max(0, gap));
            col += Math.Max(0, gap);
            sb.Append(cells[c]);
            col += cells[c].Sum(ch => Wide(ch) ? wide : 1);
        }

        return sb.ToString();
    }

    private static bool Known(string cell, bool fund) =>
        fund ? HeaderWords.Fund(cell) is not (FundField.Unknown or FundField.Label) : HeaderWords.Indicator(cell, out bool exact) is not IndicatorField.Unknown && exact;

    /// <summary>The runs of text between gaps of two or more spaces, with their columns (a Chinese character <paramref name="wide"/> wide).</summary>
    private static List<(int Start, int End, string Text)> Spans(string line, int wide)
    {
        var spans = new List<(int, int, string)>();
        int col = 0;
        int i = 0;
        while (i < line.Length)
        {
            if (line[i] == ' ' || line[i] == '\u3000')
            {
                col += line[i] == ' ' ? 1 : wide;
                i++;
                continue;
            }

            int start = col;
            var text = new StringBuilder();
            while (i < line.Length && !(line[i] == '\u3000' || line[i] == ' ' && (i + 1 >= line.Length || line[i + 1] == ' ' || line[i + 1] == '\u3000')))
            {
                col += Wide(line[i]) ? wide : 1;
                if (line[i] != ' ')
                {
                    text.Append(line[i]);
                }
                else
                {
                    text.Append(' ');
                }

                i++;
            }

            // Words a single space apart are separate columns when each is a header word (一级指标 二级指标).
            string run = text.ToString();
            string[] words = run.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 1)
            {
                int at = start;
                foreach (string w in words)
                {
                    int width = w.Sum(ch => Wide(ch) ? wide : 1);
                    spans.Add((at, at + width, w));
                    at += width + 1;
                }
            }
            else
            {
                spans.Add((start, col, run));
            }
        }

        return spans;
    }

    private static bool Wide(char c) => c >= '\u2e80' && c is not ('\u2265' or '\u2264');
}
