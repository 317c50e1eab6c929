using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>
/// Text copied out of Word or a PDF one cell a line, without tabs, an empty line for an empty cell
/// (<c>绩效指标 / 一级指标 / … / 得分</c> each on its own line). The rows are rebuilt from the headers:
/// a run of header words is a header row, and the cells after it are cut into rows of its width.
/// A cell broken over lines is joined back when the break is plain: a bracket on its own line
/// (<c>见习人数</c> / <c>（人）</c>), a line ending in a comma, a label printed downwards
/// (<c>绩</c> / <c>效</c> / <c>指</c> / <c>标</c>), text where a row's always-empty label column is.
/// </summary>
public static partial class TextTables
{
    private static readonly string[] DownwardLabels = ["绩效指标", "年度绩效指标", "年度总体目标", "总体目标", "项目资金", "资金情况", "预算资金", "绩效目标"];

    /// <summary>No tabs, and the header of a 绩效指标 block stands one word a line.</summary>
    private static bool IsPlainCellPerLine(string[] lines)
    {
        if (lines.Any(l => l.Contains('\t', StringComparison.Ordinal)))
        {
            return false;
        }

        List<GridCell> cells = LineCells(lines);
        return Enumerable.Range(0, cells.Count).Any(p => HeaderAt(cells, p, indicator: true) > 0);
    }

    private static Grid PlainCellPerLine(string[] lines, string name)
    {
        List<GridCell> cells = LineCells(lines);
        var rows = new List<GridRow>();
        int width = 0;
        bool labelColumn = false;
        bool fundBlock = false;
        bool lastWasData = false;
        int p = 0;
        while (p < cells.Count)
        {
            GridCell cell = cells[p];
            int header = HeaderAt(cells, p, indicator: true);
            if (header == 0)
            {
                header = HeaderAt(cells, p, indicator: false);
            }

            if (header > 0)
            {
                rows.Add(new GridRow(cells.GetRange(p, header)));
                if (IndicatorBlock(cells, p, header) is { } block)
                {
                    rows.AddRange(block.Rows);
                    width = 0;
                    lastWasData = false;
                    p = block.End;
                    continue;
                }

                width = header;
                fundBlock = HeaderAt(cells, p, indicator: true) == 0;
                labelColumn = HeaderWords.Indicator(cell.Text, out _) == IndicatorField.Label || HeaderWords.Fund(cell.Text) == FundField.Label || !IsHeaderWord(cell.Text, false);
                lastWasData = false;
                p += header;
                continue;
            }

            if (cell.Text.Length == 0 && width == 0)
            {
                p++;
                continue;
            }

            if (IsStop(cell.Text))
            {
                width = 0;
                lastWasData = false;
                int end = p + 1;
                if (TableLayout.MetaLabelOf(cell.Text) is not null)
                {
                    // The label and its value (the next filled cell that is no label).
                    while (end < cells.Count && cells[end].Text.Length == 0)
                    {
                        end++;
                    }

                    end = end < cells.Count && !IsStop(cells[end].Text) ? end + 1 : p + 1;
                }
                else if (HeaderWords.IsTotal(cell.Text))
                {
                    while (end < cells.Count && end - p <= 10 && (cells[end].Text.Length == 0 || CellText.Number(cells[end].Text, out _, out _) is not null))
                    {
                        end++;
                    }
                }

                rows.Add(new GridRow(cells.GetRange(p, end - p).Where(c => c.Text.Length > 0).ToList()));
                p = end;
                continue;
            }

            if (width > 0)
            {
                IReadOnlyList<GridCell> prev = lastWasData ? rows[^1].Cells : [];
                if (labelColumn && cell.Text.Length >= 4 && prev.Count > 0 && prev[^1].Text.Length > 0 && !HeaderWords.IsLevel1(cell.Text, out _, out _)
                    && CellText.Number(cell.Text, out _, out _) is null && CellText.Number(prev[^1].Text, out _, out _) is null && !CellText.IsBlank(prev[^1].Text))
                {
                    // Text where the label column is always empty: the second line of the row's last cell.
                    var joined = prev.ToList();
                    joined[^1] = joined[^1] with { Text = joined[^1].Text + cell.Text };
                    rows[^1] = new GridRow(joined);
                    p++;
                    continue;
                }

                int take = Math.Min(width, cells.Count - p);
                int stop = Enumerable.Range(p + 1, take - 1).FirstOrDefault(k => IsStop(cells[k].Text) || HeaderAt(cells, k, true) > 0 || fundBlock && NextFundLine(cells, p, k), -1);
                if (stop > 0)
                {
                    take = stop - p;
                }

                rows.Add(new GridRow(cells.GetRange(p, take)));
                lastWasData = true;
                p += take;
                continue;
            }

            rows.Add(new GridRow([cell]));
            p++;
        }

        return new Grid(name, rows) { Loose = true };
    }

    /// <summary>
    /// In a 项目资金 block whose empty cells left no line (Acrobat), a line with no 分值/得分 is shorter than
    /// the header: the next line starts at a name (text, not a number) that follows this line's figures
    /// and is followed by figures of its own (中央资金 1420 1420 100% | 省级资金 300 300 100%).
    /// </summary>
    private static bool NextFundLine(List<GridCell> cells, int p, int k) =>
        k + 1 < cells.Count && IsFigure(cells[k - 1].Text) && IsFigure(cells[k + 1].Text)
        && cells[k].Text.Any(c => c is >= '\u4e00' and <= '\u9fff') && CellText.Number(cells[k].Text, out _, out _) is null; // a name, not a — placeholder

    private static bool IsFigure(string text) => text.Length > 0 && CellText.Number(text, out _, out _) is not null;

    /// <summary>
    /// The rows of the indicator block whose header is <c>cells[p..p+header)</c>, rebuilt by the shapes of
    /// their cells, when the copy left no empty line in the block and cutting it by the header's width
    /// puts no 分值 and 得分 where they belong; null otherwise (the block is cut by width).
    /// </summary>
    private static (List<GridRow> Rows, int End)? IndicatorBlock(List<GridCell> cells, int p, int header)
    {
        var fields = cells.GetRange(p, header).Select(c => HeaderWords.Indicator(c.Text, out _)).ToList();
        if (!HeaderWords.IsIndicatorHeader(cells.GetRange(p, header).Select(c => c.Text)))
        {
            return null;
        }

        int start = p + header;
        int end = start;
        while (end < cells.Count && !IsStop(cells[end].Text) && HeaderAt(cells, end, true) == 0 && HeaderAt(cells, end, false) == 0)
        {
            end++;
        }

        if (end - start < 3 || Enumerable.Range(start, end - start).Any(k => cells[k].Text.Length == 0) || FitsWidth(cells, start, end, fields))
        {
            return null;
        }

        return ByShape(cells, start, end, fields) is { } rows ? (rows, end) : null;
    }

    /// <summary>One cell a line (an empty line an empty cell), with the plain line breaks inside a cell joined.</summary>
    private static List<GridCell> LineCells(string[] lines)
    {
        var cells = new List<GridCell>();
        bool prevBlank = true;
        for (int i = 0; i < lines.Length; i++)
        {
            string text = CellText.Clean(lines[i]);
            string at = $"第{i + 1}行";
            if (text.Length == 0)
            {
                cells.Add(new GridCell(string.Empty, at));
                prevBlank = true;
                continue;
            }

            if (!prevBlank && cells.Count > 0 && (BracketLine().IsMatch(text) || cells[^1].Text[^1] is '，' or ',' or '、' or '；'))
            {
                cells[^1] = cells[^1] with { Text = cells[^1].Text + text };
                continue;
            }

            cells.Add(new GridCell(text, at));
            prevBlank = false;
        }

        for (int p = 0; p < cells.Count; p++)
        {
            string joined = cells[p].Text;
            for (int q = p + 1; cells[p].Text.Length is > 0 and <= 2 && q < cells.Count && q - p < 6 && cells[q].Text.Length is > 0 and <= 2; q++)
            {
                joined += cells[q].Text;
                if (DownwardLabels.Contains(joined))
                {
                    cells[p] = cells[p] with { Text = joined };
                    cells.RemoveRange(p + 1, q - p);
                    break;
                }
            }
        }

        while (cells.Count > 0 && cells[^1].Text.Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        return cells;
    }

    /// <summary>
    /// The length of the header row starting at cell <paramref name="p"/>, or 0: header words one after
    /// the other (an empty cell among them when a header word follows it) that together name the
    /// block's columns. A fund header may start with a label of any wording (<c>年度预算资金（万元）</c>).
    /// </summary>
    private static int HeaderAt(List<GridCell> cells, int p, bool indicator)
    {
        string first = cells[p].Text;
        bool fundLabel = !indicator && first.Length is > 0 and <= 20 && (first.Contains("资金", StringComparison.Ordinal) || first.Contains("预算", StringComparison.Ordinal) || first.Contains("经费", StringComparison.Ordinal));
        if (!IsHeaderWord(first, indicator) && !fundLabel)
        {
            return 0;
        }

        if (indicator && HeaderWords.Indicator(first, out bool exact) != IndicatorField.Label && !exact && p + 1 < cells.Count && HeaderAt(cells, p + 1, indicator) > 0)
        {
            // A value before the header that only looks like a header word (完成年度任务 under 年度总体目标, read
            // as 实际完成值 by its 完成): the header is the run after it.
            return 0;
        }

        int q = p + 1;
        while (q < cells.Count && (IsHeaderWord(cells[q].Text, indicator)
            || cells[q].Text.Length == 0 && q + 1 < cells.Count && IsHeaderWord(cells[q + 1].Text, indicator) && !IsLabelWord(cells[q + 1].Text, indicator)))
        {
            q++;
        }

        var texts = cells.GetRange(p, q - p).Select(c => c.Text).ToList();
        return (indicator ? HeaderWords.IsIndicatorHeader(texts) : HeaderWords.IsFundHeader(texts)) ? q - p : 0;
    }

    private static bool IsHeaderWord(string text, bool indicator) =>
        text.Length > 0 && text.Length <= 16 && (indicator ? HeaderWords.Indicator(text, out _) != IndicatorField.Unknown : HeaderWords.Fund(text) != FundField.Unknown);

    private static bool IsLabelWord(string text, bool indicator) =>
        indicator ? HeaderWords.Indicator(text, out _) == IndicatorField.Label : HeaderWords.Fund(text) == FundField.Label;

    /// <summary>A cell that ends a block: a title, a 项目名称-style label, the 总分 row, the 年度总体目标 block.</summary>
    private static bool IsStop(string text)
    {
        string c = CellText.Compact(text);
        return HeaderWords.IsTitle(text) || HeaderWords.IsTotal(text) || TableLayout.IsMetaCell(text)
            || c.StartsWith("年度总体目标", StringComparison.Ordinal) || c.StartsWith("总体目标", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[（(][^()（）]{1,10}[)）]$")]
    private static partial Regex BracketLine();
}
