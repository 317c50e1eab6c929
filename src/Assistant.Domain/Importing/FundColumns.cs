using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>
/// The 项目资金 block of a PDF copy laid out with spaces (pdftotext -layout): each figure of a line is put
/// under the header column it stands under, so that a line with empty cells (no 分值/得分 on a 其中 line, no
/// 年初预算数) keeps its 执行率 in its column. Positions are measured both with a Chinese character two
/// columns wide (text aligned for the eye) and one column wide (pdftotext counts characters); the reading
/// that puts the figures in distinct columns and the percentage under 执行率 wins. A percent sign split
/// from its number joins it, and a line holding only the end of a 执行率 (<c>%</c>, or the rate wrapped
/// under its line) or the end of a name (<c>拨款</c>) continues the line above.
/// </summary>
public static partial class TextTables
{
    private sealed class FundColumns(List<FundField> fields, List<int>[] starts, List<int>[] ends)
    {
        public List<FundField> Fields { get; } = fields;

        /// <summary>Column starts and ends of the header words, per measure (0: Chinese two columns wide, 1: one).</summary>
        public List<int>[] Starts { get; } = starts;

        public List<int>[] Ends { get; } = ends;

        /// <summary>The index in the grid's rows of the last fund line placed, or -1.</summary>
        public int LastRow { get; set; } = -1;

        public int FirstData => Fields.FindIndex(f => f != FundField.Label);
    }

    /// <summary>The fund header's columns when it is laid out with runs of spaces, else null.</summary>
    private static FundColumns? FundColumnsOf(string line)
    {
        if (line.Contains('\t', StringComparison.Ordinal) || line.TrimStart().StartsWith('|'))
        {
            return null;
        }

        var two = Spans(line);
        var one = Spans(line, wide: 1);
        var fields = two.Select(s => HeaderWords.Fund(s.Text)).ToList();
        if (two.Count < 3 || !HeaderWords.IsFundHeader(two.Select(s => s.Text)))
        {
            return null;
        }

        for (int i = 0; i < fields.Count && fields[i] is FundField.Unknown or FundField.Label; i++)
        {
            fields[i] = FundField.Label;
        }

        if (fields[0] != FundField.Label || fields.FindIndex(f => f != FundField.Label) < 0)
        {
            return null;
        }

        return new FundColumns(fields, [[.. two.Select(s => s.Start)], [.. one.Select(s => s.Start)]], [[.. two.Select(s => s.End)], [.. one.Select(s => s.End)]]);
    }

    /// <summary>Where the fund block ends: a header, a title, a 项目名称 row, the 年度总体目标 or the 总分.</summary>
    private static bool IsFundBoundary(string[] parts)
    {
        string first = parts.FirstOrDefault(p => !CellText.IsBlank(p)) ?? string.Empty;
        string key = CellText.Compact(first);
        return HeaderWords.IsIndicatorHeader(parts) || HeaderWords.IsFundHeader(parts) || HeaderWords.LooksLikeIndicatorHeader(parts) || HeaderWords.IsTitle(first)
            || TableLayout.IsMetaCell(first) || key.StartsWith("年度总体目标", StringComparison.Ordinal) || key.StartsWith("总体目标", StringComparison.Ordinal)
            || key.StartsWith("绩效目标", StringComparison.Ordinal) || key.StartsWith("绩效指标", StringComparison.Ordinal) || key.StartsWith("一级指标", StringComparison.Ordinal)
            || key is "总分" or "综合得分" or "自评得分" or "总得分" or "说明" or "预期目标";
    }

    /// <summary>
    /// Places one line of the fund block under the header's columns: a new row (the name, then one cell per
    /// figure column), or the continuation of the row above. False when the line is not a fund line (left to
    /// the ordinary reading).
    /// </summary>
    private static bool FundLine(string line, FundColumns columns, List<GridRow> rows, string at)
    {
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            return false;
        }

        // A line with a cell for every column (cells set apart by gaps, not laid out under the header) is read in order.
        var parts = new List<string>();
        foreach (string part in Split(line))
        {
            if (parts.Count > 0 && CellText.Compact(part) is "%" or "％")
            {
                parts[^1] += "%";
            }
            else
            {
                parts.Add(part.Trim());
            }
        }

        if (parts.Count >= 1 + columns.Fields.Count - columns.FirstData && CellText.Number(parts[0], out _, out _) is null)
        {
            rows.Add(new GridRow(parts.Select((p, k) => new GridCell(p, $"{at}第{k + 1}格")).ToList()));
            columns.LastRow = rows.Count - 1;
            return true;
        }

        string[]? cells = PlaceFundWords(line, columns);
        if (cells is null)
        {
            return false;
        }

        bool labelOnly = cells.Skip(1).All(c => c.Length == 0);
        if (columns.LastRow >= 0 && columns.LastRow == rows.Count - 1 && IsFundContinuation(cells, columns, labelOnly, rows[^1].Cells[0].Text))
        {
            var above = rows[^1].Cells.ToList();
            int rateAt = 1 + columns.Fields.Skip(columns.FirstData).ToList().IndexOf(FundField.Rate);
            for (int k = 0; k < cells.Length && k < above.Count; k++)
            {
                if (cells[k] is "%" or "％")
                {
                    // The percent sign of the rate above, wherever it fell: after the 执行率, else the nearest number to its left.
                    int to = rateAt > 0 && rateAt < above.Count && CellText.IsPlainNumber(above[rateAt].Text) ? rateAt
                        : Enumerable.Range(1, Math.Min(k, above.Count - 1)).Reverse().FirstOrDefault(j => CellText.IsPlainNumber(above[j].Text), -1);
                    if (to > 0)
                    {
                        above[to] = new GridCell(above[to].Text + "%", $"{above[to].Source},{at}");
                        continue;
                    }
                }

                if (cells[k].Length > 0)
                {
                    above[k] = new GridCell(above[k].Text + cells[k], above[k].Text.Length == 0 ? $"{at}第{k + 1}格" : $"{above[k].Source},{at}");
                }
            }

            rows[^1] = new GridRow(above);
            return true;
        }

        if (labelOnly && (columns.LastRow < 0 || !LooksLikeFundName(cells[0])))
        {
            return false; // （万元） under the header, or a stray line: read as it stands
        }

        if (cells[0].Length == 0 || CellText.Number(cells[0], out _, out _) is not null)
        {
            return false;
        }

        rows.Add(new GridRow(cells.Select((c, k) => new GridCell(c, $"{at}第{k + 1}格")).ToList()));
        columns.LastRow = rows.Count - 1;
        return true;
    }

    /// <summary>The end of the row above: a percent sign or a rate alone under 执行率/分值/得分, or a short piece of a name alone.</summary>
    private static bool IsFundContinuation(string[] cells, FundColumns columns, bool labelOnly, string above)
    {
        if (labelOnly)
        {
            // 拨款 under 其中：当年财政, 补助资金 under 其中：中央财政: the name above is not complete, or the piece is no name of its own.
            string c = CellText.Compact(cells[0]);
            return c.Length is > 0 and <= 8 && c.All(CellText.IsCjk) && !c.StartsWith('（') && !c.StartsWith("其中", StringComparison.Ordinal)
                && (!NameComplete(CellText.Compact(above)) || !LooksLikeFundName(c));
        }

        if (cells[0].Length > 0)
        {
            return false;
        }

        var data = columns.Fields.Where(f => f != FundField.Label).ToList();
        for (int k = 1; k < cells.Length; k++)
        {
            if (cells[k].Length == 0)
            {
                continue;
            }

            if (data[k - 1] is not (FundField.Rate or FundField.Weight or FundField.Score or FundField.Unknown) || !RatePiece().IsMatch(CellText.Compact(cells[k])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A fund line's name that ends as names do (资金, 拨款, 收入, 总额, 合计, 经费, 结转, 结余).</summary>
    private static bool NameComplete(string name) =>
        name.EndsWith("资金", StringComparison.Ordinal) || name.EndsWith("拨款", StringComparison.Ordinal) || name.EndsWith("收入", StringComparison.Ordinal)
        || name.EndsWith("总额", StringComparison.Ordinal) || name.EndsWith("合计", StringComparison.Ordinal) || name.EndsWith("总计", StringComparison.Ordinal)
        || name.EndsWith("经费", StringComparison.Ordinal) || name.EndsWith("结转", StringComparison.Ordinal) || name.EndsWith("结余", StringComparison.Ordinal)
        || name.EndsWith("资金）", StringComparison.Ordinal) || name.EndsWith("补助", StringComparison.Ordinal);

    private static bool LooksLikeFundName(string text)
    {
        string c = CellText.Compact(text);
        return c.StartsWith("其中", StringComparison.Ordinal) || c.EndsWith("资金", StringComparison.Ordinal) || c.Contains("总额", StringComparison.Ordinal)
            || c.Contains("合计", StringComparison.Ordinal) || c.Contains("总计", StringComparison.Ordinal) || c.EndsWith("拨款", StringComparison.Ordinal) && c.Length > 2
            || c.Contains("结转", StringComparison.Ordinal) || c.EndsWith("收入", StringComparison.Ordinal);
    }

    /// <summary>The line's words under the header: [name, one cell per figure column], by the better of the two measures.</summary>
    private static string[]? PlaceFundWords(string line, FundColumns columns)
    {
        string[]? best = null;
        int bestScore = int.MinValue;
        for (int m = 0; m < 2; m++)
        {
            var words = Spans(line, words: true, wide: m == 0 ? 2 : 1);
            if (words.Count == 0)
            {
                return null;
            }

            (string[] cells, int score) = PlaceFundWords(words, columns, m);
            if (score > bestScore)
            {
                best = cells;
                bestScore = score;
            }
        }

        return best;
    }

    private static (string[] Cells, int Score) PlaceFundWords(List<(string Text, int Start, int End)> words, FundColumns columns, int m)
    {
        int firstData = columns.FirstData;
        List<int> starts = columns.Starts[m];
        List<int> ends = columns.Ends[m];
        int n = columns.Fields.Count;
        var data = Enumerable.Range(firstData, n - firstData).ToList();
        string[] cells = new string[1 + data.Count];
        Array.Fill(cells, string.Empty);
        int score = 0;
        int lastCell = -1;
        for (int w = 0; w < words.Count; w++)
        {
            (string text, int start, int end) = words[w];
            int cell;
            if (text is "%" or "％" && lastCell > 0)
            {
                cell = lastCell; // the percent sign split from its number
            }
            else if (start < starts[firstData] && (w == 0 || lastCell == 0) && CellText.Number(text, out _, out _) is null)
            {
                cell = 0; // the name, however far it runs
            }
            else
            {
                // The figure column whose span (between the midpoints of the header words' centres) it overlaps most.
                cell = 1;
                double bestOverlap = double.MinValue;
                for (int j = 0; j < data.Count; j++)
                {
                    int k = data[j];
                    double from = j == 0 ? starts[k] - ((starts[k] - (double)ends[k - 1]) / 2) : (Centre(starts, ends, k - 1) + Centre(starts, ends, k)) / 2;
                    double to = j + 1 < data.Count ? (Centre(starts, ends, k) + Centre(starts, ends, k + 1)) / 2 : double.MaxValue;
                    double overlap = Math.Min(end, to) - Math.Max(start, from);
                    if (overlap > bestOverlap)
                    {
                        bestOverlap = overlap;
                        cell = j + 1;
                    }
                }
            }

            if (cell > 0 && cells[cell].Length > 0 && text is not ("%" or "％"))
            {
                score -= 3; // two figures in one column: this measure does not fit
            }

            cells[cell] = cells[cell].Length == 0 ? text : cell == 0 ? cells[cell] + text : cells[cell] + (text is "%" or "％" ? string.Empty : " ") + text;
            lastCell = cell;
        }

        for (int j = 0; j < data.Count; j++)
        {
            string c = CellText.Compact(cells[j + 1]);
            if (c.Length == 0)
            {
                continue;
            }

            bool percent = c.EndsWith('%');
            FundField f = columns.Fields[data[j]];
            score += percent && f == FundField.Rate ? 2 : percent ? -1 : 0;
        }

        return (cells, score);
    }

    private static double Centre(List<int> starts, List<int> ends, int k) => (starts[k] + ends[k]) / 2.0;

    [GeneratedRegex(@"^(\d+(\.\d+)?%?|%|％)$")]
    private static partial Regex RatePiece();
}
