namespace Assistant.Domain.Importing;

/// <summary>
/// Text copied one cell a line where the empty cells left no line at all (Acrobat's copy of a table:
/// an empty 偏差原因 vanishes, a merged 一级 label stands once, in the middle of its rows). Cutting
/// by the header's width shifts every cell after the first short row; the rows are rebuilt by the
/// shapes of their cells instead: each row ends at its 分值 and 得分 (the last two plain numbers up to
/// 100 in a run), the target and the actual are the cells just before them, the name and its
/// 一级/二级 labels before those, and the explanation after them. A row whose cells can be placed more
/// than one way is marked unsure on every cell.
/// </summary>
public static partial class TextTables
{
    private static readonly Dictionary<string, string> Level1OfLevel2 = new(StringComparer.Ordinal)
    {
        ["数量指标"] = "产出指标", ["质量指标"] = "产出指标", ["时效指标"] = "产出指标",
        ["经济效益指标"] = "效益指标", ["社会效益指标"] = "效益指标", ["生态效益指标"] = "效益指标", ["可持续影响指标"] = "效益指标",
        ["服务对象满意度指标"] = "满意度指标", ["满意度指标"] = "满意度指标",
    };

    private static readonly ImportNote Unsure = new(
        "复制的文字中空格子没有留下空行，本行各格按内容对应，有不止一种可能（推测），请核对",
        "the copy left no line for empty cells and this row's cells could be placed more than one way (guessed); please check");

    /// <summary>The rows of the indicator block <c>cells[start..end)</c> under <paramref name="header"/>, or null when the shapes do not say.</summary>
    private static List<GridRow>? ByShape(List<GridCell> cells, int start, int end, List<IndicatorField> header)
    {
        int nameAt = header.IndexOf(IndicatorField.Name);
        int weightAt = header.IndexOf(IndicatorField.Weight);
        int scoreAt = header.IndexOf(IndicatorField.Score);
        if (nameAt < 0 || weightAt <= nameAt || scoreAt != weightAt + 1 || header.Skip(scoreAt + 1).Any(f => f != IndicatorField.Note))
        {
            return null;
        }

        var levelCols = Enumerable.Range(0, nameAt).Where(k => header[k] is IndicatorField.Level1 or IndicatorField.Level2).ToList();
        int middle = weightAt - nameAt - 1;
        int notes = header.Count - scoreAt - 1;
        var anchors = new List<int>();
        for (int k = start + 1; k < end; k++)
        {
            // 得分 at k: the last of a run of plain numbers, the one before it the 分值.
            if (IsScoreNumber(cells[k].Text) && IsScoreNumber(cells[k - 1].Text) && (k + 1 >= end || !CellText.IsPlainNumber(cells[k + 1].Text)))
            {
                anchors.Add(k);
            }
        }

        var rows = new List<GridRow>();
        int from = start;
        for (int a = 0; a < anchors.Count; a++)
        {
            int score = anchors[a];
            int firstValue = score - 1 - middle;
            int prefix = firstValue - from; // notes of the row above, labels, the name
            if (prefix < 1)
            {
                return null;
            }

            int labels = 0;
            while (labels < Math.Min(levelCols.Count, prefix - 1) && IsLabel(cells[firstValue - 2 - labels].Text))
            {
                labels++;
            }

            int carried = prefix - 1 - labels; // cells left before the labels: the row above's explanations, or unrecognised labels
            bool unsure = false;
            if (a == 0)
            {
                labels += carried;
                unsure = labels > levelCols.Count;
                carried = 0;
            }
            else if (carried > notes)
            {
                unsure = true;
                int extra = Math.Min(carried - notes, levelCols.Count - labels);
                labels += extra;
                carried -= extra;
            }
            else if (carried > 0 && labels == 0 && levelCols.Count > 0 && carried == notes && notes > 0 && !IsLabel(cells[from].Text))
            {
                // One cell that may be the row above's explanation or this row's unrecognised 二级: explanation (the normal case), but unsure.
                unsure = carried > 1;
            }

            if (unsure && labels > levelCols.Count)
            {
                return null;
            }

            if (a > 0 && carried > 0)
            {
                AddNotes(rows[^1], cells.GetRange(from, carried), scoreAt + 1, notes);
            }

            int rowStart = from + carried;
            var row = Enumerable.Range(0, header.Count).Select(k => new GridCell(string.Empty, cells[rowStart].Source)).ToArray();
            var labelCells = cells.GetRange(rowStart, labels);
            PlaceLabels(row, labelCells, levelCols, header);
            row[nameAt] = cells[firstValue - 1];
            for (int k = 0; k < middle; k++)
            {
                row[nameAt + 1 + k] = cells[firstValue + k];
            }

            row[weightAt] = cells[score - 1];
            row[scoreAt] = cells[score];
            if (unsure)
            {
                for (int k = 0; k < row.Length; k++)
                {
                    row[k] = row[k] with { Note = Unsure };
                }
            }

            rows.Add(new GridRow(row));
            from = score + 1;
        }

        if (rows.Count == 0)
        {
            return null;
        }

        if (from < end)
        {
            AddNotes(rows[^1], cells.GetRange(from, end - from), scoreAt + 1, notes);
        }

        FillLevel1(rows, header);
        return rows;
    }

    /// <summary>The width-cut rows fit: every row's 分值 and 得分 where the header puts them.</summary>
    private static bool FitsWidth(List<GridCell> cells, int start, int end, List<IndicatorField> header)
    {
        int weightAt = header.IndexOf(IndicatorField.Weight);
        int scoreAt = header.IndexOf(IndicatorField.Score);
        if (weightAt < 0 || scoreAt < 0)
        {
            return true;
        }

        for (int r = start; r < end; r += header.Count)
        {
            if (r + scoreAt >= end || !IsScoreNumber(cells[r + weightAt].Text) || !IsScoreNumber(cells[r + scoreAt].Text))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsScoreNumber(string text) =>
        CellText.IsPlainNumber(text) && decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out decimal v) && v <= 100m;

    private static bool IsLabel(string text) => HeaderWords.IsLevel1(text, out _, out _) || HeaderWords.IsLevel2(text, out _);

    private static void PlaceLabels(GridCell[] row, List<GridCell> labels, List<int> levelCols, List<IndicatorField> header)
    {
        if (labels.Count >= levelCols.Count)
        {
            for (int k = 0; k < levelCols.Count; k++)
            {
                row[levelCols[k]] = labels[labels.Count - levelCols.Count + k];
            }

            return;
        }

        // Fewer labels than columns: a 一级 label goes under 一级, the rest fill the columns from the right.
        int col = levelCols.Count - 1;
        for (int k = labels.Count - 1; k >= 0; k--)
        {
            int at = HeaderWords.IsLevel1(labels[k].Text, out _, out _) && !HeaderWords.IsLevel2(labels[k].Text, out _)
                ? levelCols.FirstOrDefault(c => header[c] == IndicatorField.Level1, levelCols[col])
                : levelCols[col];
            row[at] = labels[k];
            col = Math.Max(0, levelCols.IndexOf(at) - 1);
        }
    }

    private static void AddNotes(GridRow row, List<GridCell> texts, int noteAt, int notes)
    {
        var cells = (GridCell[])row.Cells;
        for (int k = 0; k < texts.Count && notes > 0; k++)
        {
            int at = noteAt + Math.Min(k, notes - 1);
            cells[at] = cells[at].Text.Length == 0 ? texts[k] : cells[at] with { Text = cells[at].Text + texts[k].Text };
        }
    }

    /// <summary>
    /// A merged 一级 label stands once, in the middle of its rows: a row without one takes the 一级 its
    /// standard 二级 belongs to (数量指标 → 产出指标, 社会效益指标 → 效益指标), so rows above the label are not left without one.
    /// </summary>
    private static void FillLevel1(List<GridRow> rows, List<IndicatorField> header)
    {
        int l1 = header.IndexOf(IndicatorField.Level1);
        int l2 = header.IndexOf(IndicatorField.Level2);
        if (l1 < 0 || l2 < 0)
        {
            return;
        }

        foreach (GridRow row in rows)
        {
            var cells = (GridCell[])row.Cells;
            if (cells[l1].Text.Length == 0 && HeaderWords.IsLevel2(cells[l2].Text, out string name) && Level1OfLevel2.TryGetValue(name, out string? level1))
            {
                cells[l1] = new GridCell(level1, cells[l2].Source) { Note = cells[l2].Note };
            }
        }
    }
}
