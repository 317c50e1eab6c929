using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Importing;

/// <summary>
/// Text copied from a PDF or a Word document as a grid: one row a line, cells separated by tabs (or
/// by runs of spaces, or by single spaces around numbers), with line numbers as provenance. Text
/// copied cell by cell — one cell a line, each starting with a tab, wrapped parts on lines of their
/// own — becomes a stream grid whose rows the layout re-cuts by header width.
/// </summary>
public static partial class TextTables
{
    public static Grid Read(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = WrappedHeader.Join(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'));
        return IsCellPerLine(lines) ? CellPerLine(lines, name) : IsPlainCellPerLine(lines) ? PlainCellPerLine(lines, name) : Rows(lines, name);
    }

    /// <summary>Most tabbed lines carry a single cell after one leading tab.</summary>
    private static bool IsCellPerLine(string[] lines)
    {
        int tabbed = 0;
        int single = 0;
        foreach (string line in lines)
        {
            int tabs = line.Count(c => c == '\t');
            if (tabs == 0)
            {
                continue;
            }

            tabbed++;
            if (tabs == 1 && line.StartsWith('\t'))
            {
                single++;
            }
        }

        return tabbed >= 10 && single * 10 >= tabbed * 7;
    }

    private static Grid Rows(string[] lines, string name)
    {
        var rows = new List<GridRow>();
        List<IndicatorField>? header = null;
        Columns? columns = null;
        FundColumns? fundColumns = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] parts = Split(line);
            if (parts.Length == 0 || PageNumber().IsMatch(line.Trim()))
            {
                continue; // — 2 —, 第 1 页 共 3 页: the page's footer, not a row
            }

            string at = $"第{i + 1}行";
            if (fundColumns is not null)
            {
                if (IsFundBoundary(parts))
                {
                    fundColumns = null;
                }
                else if (FundLine(line, fundColumns, rows, at))
                {
                    continue;
                }
            }

            if (HeaderWords.IsFundHeader(parts))
            {
                fundColumns = FundColumnsOf(line);
            }

            if (HeaderWords.IsIndicatorHeader(parts))
            {
                header = [.. parts.Select(p => HeaderWords.Indicator(p, out _))];
                columns = ColumnsOf(line, header);
                if (columns is not null)
                {
                    columns.Typed = IsTyped(line);
                }
            }
            else if (header is not null && (HeaderWords.IsFundHeader(parts) || parts.Any(HeaderWords.IsTitle) || HeaderWords.IsTotal(parts[0])))
            {
                header = null;
                columns = null;
            }
            else if (columns is not null && !(columns.Typed && IsTyped(line)) && InColumns(line, columns) is { } laid && (columns.RowSeen && IsWrappedEnd(laid, columns) || FitsColumns(laid, columns)))
            {
                if (columns.RowSeen && IsWrappedEnd(laid, columns))
                {
                    var above = rows[^1].Cells.ToList();
                    for (int k = 0; k < laid.Length; k++)
                    {
                        if (laid[k].Length > 0)
                        {
                            above[k] = new GridCell(above[k].Text + laid[k], above[k].Text.Length == 0 ? $"{at}第{k + 1}格" : $"{above[k].Source},{at}");
                        }
                    }

                    rows[^1] = new GridRow(above);
                    continue;
                }

                columns.RowSeen = true;
                rows.Add(new GridRow(laid.Select((p, k) => new GridCell(p, $"{at}第{k + 1}格")).ToList()));
                continue;
            }
            else if (columns is not null)
            {
                columns = null;
            }
            else if (header is not null && SpacedCells(line, parts.Length, header) is { } aligned)
            {
                parts = aligned;
            }

            rows.Add(new GridRow(parts.Select((p, k) => new GridCell(p.Trim(), parts.Length == 1 ? at : $"{at}第{k + 1}格")).ToList()));
        }

        return new Grid(name, rows) { Loose = true };
    }

    /// <summary>The cells of one line: by tabs, else by runs of two or more spaces, else by single spaces when the line holds values or header words.</summary>
    internal static string[] Split(string line)
    {
        string md = line.Trim();
        if (md.Length > 1 && md[0] == '|')
        {
            // A Markdown table row; its |---| separator line is dropped as an empty row.
            string[] pipes = md.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            return pipes.All(c => c.Length == 0 || MarkdownRule().IsMatch(c)) ? [] : pipes;
        }

        if (line.Contains('\t', StringComparison.Ordinal))
        {
            return line.TrimEnd().Split('\t');
        }

        string trimmed = line.Trim();
        string[] wide = WideGap().Split(trimmed);
        if (wide.Length > 1)
        {
            // pdftotext -layout puts a single space between columns that stand close (年度指标值 实际完成值, 100 94.83).
            return [.. wide.SelectMany(GluedCells.Split)];
        }

        string[] tokens = JoinUnits(trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (GluedCells.HeaderRun(tokens) is { } spelled && !HeaderWords.IsIndicatorHeader(tokens) && !HeaderWords.IsFundHeader(tokens))
        {
            // A header spaced out a character at a time (一 级 指 标 二 级 指 标 …).
            return [.. spelled];
        }

        if (tokens.Length > 0 && TableLayout.IsMetaCell(tokens[0]) && tokens.Any(t => TableLayout.LabelAndValue(t) is not null))
        {
            // 项目名称：X 主管部门：Y — each label and its value apart, as if copied with gaps.
            tokens = [.. tokens.SelectMany(t => TableLayout.LabelAndValue(t) is { } lv ? new[] { lv.Label, lv.Value } : [t])];
        }

        if (tokens.Any(t => TableLayout.MetaLabelOf(t) is not null))
        {
            return AtLabels(tokens);
        }

        if (tokens.Length < 3)
        {
            return [trimmed];
        }

        if (HeaderWords.IsIndicatorHeader(tokens) || HeaderWords.IsFundHeader(tokens))
        {
            return tokens;
        }

        bool[] isValue = [.. tokens.Select(t => ValueToken().IsMatch(t))];
        if (isValue.Count(v => v) < 2)
        {
            return [trimmed];
        }

        // Words broken by the copy (当年财政 拨款) are joined back; values and 一级/二级 labels stay cells of their own.
        bool[] isLabel = [.. tokens.Select(IsLevelLabel)];
        var cells = new List<string>();
        bool lastJoinable = false;
        int qualitative = QualitativePair(tokens, isValue, isLabel);
        for (int k = 0; k < tokens.Length; k++)
        {
            string token = tokens[k];
            bool joinable = !isValue[k] && !isLabel[k] && (qualitative < 0 || (k != qualitative && k != qualitative + 1));
            if (joinable && lastJoinable && CellText.IsCjk(cells[^1][^1]) && CellText.IsCjk(token[0]))
            {
                cells[^1] += token;
            }
            else
            {
                cells.Add(token);
            }

            lastJoinable = joinable;
        }

        return [.. cells];
    }

    /// <summary>
    /// A value the copy cut at a space: a percent sign or a per-period unit after its number (<c>90.00 %</c>,
    /// <c>≥1 次/年</c>, <c>100% /年</c>) joins the number, a comparator alone (<c>≥ 1次/年</c>) the number after it.
    /// </summary>
    internal static string[] JoinUnits(string[] tokens)
    {
        if (tokens.Length < 2)
        {
            return tokens;
        }

        var cells = new List<string>(tokens.Length);
        for (int k = 0; k < tokens.Length; k++)
        {
            string t = tokens[k].Trim();
            if (cells.Count > 0 && UnitPiece().IsMatch(CellText.Compact(t)) && EndsInNumber().IsMatch(CellText.Compact(cells[^1])))
            {
                cells[^1] += t;
            }
            else if (cells.Count > 0 && ComparatorAlone().IsMatch(CellText.Compact(cells[^1])) && StartsWithNumber().IsMatch(CellText.Compact(t)))
            {
                cells[^1] += t;
            }
            else
            {
                cells.Add(tokens[k]);
            }
        }

        return [.. cells];
    }

    /// <summary>
    /// A single-spaced indicator row whose words are one cell each, column for column under its header
    /// (<c>产出指标 重点工作任务完成 城镇新增就业人数（万人） ≥1.2 1.31 15 15</c>, <c>… 意愿不强 开展一对一帮扶</c>
    /// under <c>偏差原因分析 改进措施</c>): the words are kept apart instead of joined as a word the copy
    /// broke. Null unless every column up to 得分 is there and each word fits its column: the 一级 label
    /// recognised, the 二级 and the name words, target and actual both values or both words, 分值 and 得分
    /// numbers up to 100, explanations not numbers.
    /// </summary>
    private static string[]? SpacedCells(string line, int joined, List<IndicatorField> header)
    {
        if (line.Contains('\t', StringComparison.Ordinal) || WideGap().IsMatch(line.Trim()))
        {
            return null;
        }

        string[] tokens = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int last = Math.Max(header.IndexOf(IndicatorField.Score), header.IndexOf(IndicatorField.Actual));
        if (tokens.Length <= joined || tokens.Length > header.Count || tokens.Length <= last || header.IndexOf(IndicatorField.Level1) != 0)
        {
            return null;
        }

        bool? targetIsValue = null;
        for (int k = 0; k < tokens.Length; k++)
        {
            string t = tokens[k];
            bool value = ValueToken().IsMatch(t);
            bool fits = header[k] switch
            {
                IndicatorField.Level1 => HeaderWords.IsLevel1(t, out _, out _),
                IndicatorField.Level2 or IndicatorField.Name => !value && !HeaderWords.IsLevel1(t, out _, out _) || HeaderWords.IsLevel2(t, out _) && header[k] == IndicatorField.Level2,
                IndicatorField.Target => (targetIsValue = value) is not null,
                IndicatorField.Actual => targetIsValue is null || targetIsValue == value,
                IndicatorField.Weight or IndicatorField.Score => PlainNumber().IsMatch(t) && MatchedNumber.Decimal(t) <= 100m,
                IndicatorField.Note => !PlainNumber().IsMatch(t),
                _ => false,
            };
            if (!fits)
            {
                return null;
            }
        }

        return tokens;
    }

    /// <summary>A 项目名称 / 主管部门 / 实施单位 line: each label a cell, the words up to the next label its value.</summary>
    private static string[] AtLabels(string[] tokens)
    {
        var cells = new List<string>();
        bool inValue = false;
        foreach (string token in tokens)
        {
            if (TableLayout.MetaLabelOf(token) is not null)
            {
                cells.Add(token);
                inValue = false;
            }
            else if (inValue)
            {
                cells[^1] += CellText.IsCjk(cells[^1][^1]) && CellText.IsCjk(token[0]) ? token : " " + token;
            }
            else
            {
                cells.Add(token);
                inValue = true;
            }
        }

        return [.. cells];
    }

    private static bool IsLevelLabel(string token) => HeaderWords.IsLevel1(token, out _, out _) || HeaderWords.IsLevel2(token, out _);

    /// <summary>
    /// Where a row's worded 指标值 and 实际完成值 start (<c>保障水平 逐步提高 有所提高 15 15</c>), or -1: the row's only
    /// values are its 分值 and 得分, two plain numbers side by side, after at least three worded cells besides
    /// its 一级/二级 labels; the two words before them are the target and the actual, the rest its name.
    /// </summary>
    private static int QualitativePair(string[] tokens, bool[] isValue, bool[] isLabel)
    {
        int first = Array.IndexOf(isValue, true);
        if (first < 3 || first + 1 >= tokens.Length || !PlainNumber().IsMatch(tokens[first]) || !PlainNumber().IsMatch(tokens[first + 1])
            || Array.IndexOf(isValue, true, first + 2) >= 0)
        {
            return -1;
        }

        int worded = isLabel.Take(first).Count(label => !label);
        bool shortPair = tokens[first - 1].Length <= 12 && tokens[first - 2].Length <= 12;
        return worded >= 3 && shortPair && !isLabel[first - 1] && !isLabel[first - 2] ? first - 2 : -1;
    }

    private static Grid CellPerLine(string[] lines, string name)
    {
        var rows = new List<GridRow>();
        var piece = new List<GridCell>();
        string? text = null;
        string? source = null;
        bool blankSeen = false;

        void EndCell()
        {
            if (text is not null)
            {
                piece.Add(new GridCell(text, source!));
                text = null;
            }
        }

        void EndPiece()
        {
            EndCell();
            if (piece.Count > 0)
            {
                rows.Add(new GridRow(piece));
                piece = [];
            }
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Trim().Length == 0 && !line.StartsWith('\t'))
            {
                blankSeen = true;
                continue;
            }

            if (line.StartsWith('\t'))
            {
                if (blankSeen)
                {
                    EndPiece();
                }

                EndCell();
                foreach (string part in line[1..].Split('\t'))
                {
                    EndCell();
                    text = part.Trim();
                    source = $"第{i + 1}行";
                }
            }
            else if (text is not null)
            {
                // A wrapped part of the cell above (after a blank line too: Word's empty paragraphs).
                text = CellText.Clean(text + "\n" + line.Trim());
            }
            else
            {
                EndPiece();
                rows.Add(new GridRow([new GridCell(line.Trim(), $"第{i + 1}行")]));
            }

            blankSeen = false;
        }

        EndPiece();
        return new Grid(name, rows) { Stream = true, Loose = true };
    }

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^(%|％|%?/[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]{1,3}(/[\u4e00-\u9fff]{1,2}([·.•][\u4e00-\u9fff]{1,2})?){1,2})$")]
    private static partial Regex UnitPiece();

    [GeneratedRegex(@"^([≥≤><=≧≦]|>=|<=)?[+-]?\d[\d,]*(\.\d+)?%?$")]
    private static partial Regex EndsInNumber();

    [GeneratedRegex(@"^([≥≤><=≧≦]|>=|<=)$")]
    private static partial Regex ComparatorAlone();

    [GeneratedRegex(@"^[+-]?\d")]
    private static partial Regex StartsWithNumber();

    [GeneratedRegex(@"^([-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}\s*页?|共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页)$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^:?-{3,}:?$")]
    private static partial Regex MarkdownRule();

    [GeneratedRegex(@"\s{2,}|\u3000+")]
    private static partial Regex WideGap();

    /// <summary>A figure as a table cell prints it (<c>≥1200</c>, <c>90.00%</c>, <c>12500人</c>, <c>—</c>).</summary>
    internal static bool IsValueToken(string token) => ValueToken().IsMatch(token);

    [GeneratedRegex(@"^(([≥≤><=＞＜≧≦]|>=|<=|＞＝|＜＝)?[+-]?\d[\d,]*(\.\d+)?%?[万亿]?[\u4e00-\u9fff]{0,2}(/[\u4e00-\u9fff]{1,2}([·.•][\u4e00-\u9fff]{1,2})?){0,2}|——|—|-)$")]
    private static partial Regex ValueToken();
}
