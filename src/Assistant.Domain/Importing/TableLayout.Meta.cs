using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>The 项目名称 / 主管部门 / 实施单位 rows, the 总分 row, and the title a heading gives when no 项目名称 is printed.</summary>
public static partial class TableLayout
{
    private sealed partial class LayoutReader
    {
        private bool MetaRow(List<GridCell> row, List<string> texts, List<int> filled)
        {
            bool any = false;
            for (int k = 0; k < filled.Count; k++)
            {
                string? label = MetaLabel(Stripped(texts[filled[k]]));
                if (label is null)
                {
                    continue;
                }

                int? valueAt = k + 1 < filled.Count && MetaLabel(Stripped(texts[filled[k + 1]])) is null ? filled[k + 1] : null;

                any = true;
                if (label == "title")
                {
                    if (cur is not null && (HasContent(cur) || cur.Title is not null))
                    {
                        Finish();
                    }

                    Start();
                    mode = Mode.None;
                }
                else
                {
                    Start();
                }

                if (valueAt is int v)
                {
                    // 项目名称 ：X copied with a space before the colon: the colon went with the value.
                    string value = texts[v].TrimStart(':', '：', ' ', '\u3000');
                    if (value.Length == 0)
                    {
                        continue;
                    }

                    if (label == "department" && cur!.Department is not null && !Stripped(texts[filled[k]]).StartsWith("地方", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    Set(label, value, row[v]);
                }
            }

            return any;
        }

        /// <summary>
        /// A 项目名称 / 主管部门 / 实施单位 row whose cells hold a label and its value together (<c>项目名称：X</c>,
        /// <c>主管部门:X</c>, <c>实施单位 ：X</c>; a PDF copy keeps them in one run): each such cell becomes the label's
        /// cell and the value's, both from the same place. Other rows are returned as they are.
        /// </summary>
        private static List<GridCell> LabelledCells(List<GridCell> row)
        {
            GridCell? first = row.FirstOrDefault(c => !CellText.IsBlank(c.Text));
            if (first is null || !row.Any(c => LabelAndValue(c.Text) is not null) || !IsMetaCell(first.Text))
            {
                return row;
            }

            var cells = new List<GridCell>(row.Count + 2);
            foreach (GridCell c in row)
            {
                if (LabelAndValue(c.Text) is { } lv)
                {
                    cells.Add(c with { Text = lv.Label, Note = null });
                    cells.Add(c with { Text = lv.Value });
                }
                else
                {
                    cells.Add(c);
                }
            }

            return cells;
        }

        internal static string? MetaLabel(string key) => key switch
        {
            "项目名称" or "转移支付名称" or "转移支付项目名称" or "资金名称" or "专项名称" or "专项资金名称" => "title",
            "主管部门" or "中央主管部门" or "地方主管部门" or "主管单位" or "预算部门" or "省级主管部门" or "部门名称" or "单位名称" => "department",
            "实施单位" or "资金使用单位" or "项目实施单位" or "项目单位" or "预算单位" => "implementer",
            _ => null,
        };

        private void TotalRow(List<GridCell> row, List<string> texts, int totalAt)
        {
            var numbers = new List<(string? Text, GridCell Cell)>();
            for (int i = totalAt + 1; i < texts.Count; i++)
            {
                if (CellText.Number(texts[i], out bool pct, out _) is { } n && !pct)
                {
                    numbers.Add((n, row[i]));
                }
                else if (CellText.IsBlank(texts[i]) && row[i].Note is not null)
                {
                    // A formula with no saved value holds its place (the 总分 after the 分值 合计), and is warned about, not skipped.
                    numbers.Add((null, row[i]));
                }
            }

            if (numbers.Count >= 2)
            {
                // The 总分 row follows the header above it: 得分 printed before 分值 (贵州, 浙江) puts the total first.
                int weightAt = indicatorFields.IndexOf(IndicatorField.Weight), scoreAt = indicatorFields.IndexOf(IndicatorField.Score);
                bool scoreFirst = weightAt >= 0 && scoreAt >= 0 && scoreAt < weightAt;
                (int w, int s) = scoreFirst ? (1, 0) : (0, 1);
                foreach ((string field, int at) in new[] { ("printedWeightTotal", w), ("printedTotal", s) })
                {
                    if (numbers[at].Text is null && numbers[at].Cell.Note is { } note)
                    {
                        cur?.Warn(field, numbers[at].Cell.Source, note.Zh, note.En);
                    }

                    Set(field, numbers[at].Text, numbers[at].Cell);
                }
            }
            else if (numbers.Count == 1 && numbers[0].Text is null)
            {
                cur?.Warn("printedTotal", numbers[0].Cell.Source, numbers[0].Cell.Note!.Zh, numbers[0].Cell.Note!.En);
            }
            else if (numbers.Count == 1)
            {
                Set("printedTotal", numbers[0].Text, numbers[0].Cell);
                cur!.Warn("printedTotal", numbers[0].Cell.Source, "总分行只有一个数，按总分读取（推测）", "the 总分 row has one number; read as the total (guessed)");
            }
        }

        private void Set(string field, string? value, GridCell cell)
        {
            if (value is null || cur is null)
            {
                return;
            }

            switch (field)
            {
                case "title": cur.Title = value; break;
                case "department": cur.Department = value; break;
                case "implementer": cur.Implementer = value; break;
                case "year": cur.Year = value; break;
                case "printedWeightTotal": cur.PrintedWeightTotal = value; break;
                case "printedTotal": cur.PrintedTotal = value; break;
            }

            cur.Sources[field] = cell.Source;
            if (cell.Note is { } note)
            {
                cur.Warn(field, cell.Source, note.Zh, note.En);
            }
        }
    }

    /// <summary>
    /// The title a heading gives when no 项目名称 is printed (<c>乡村道路项目支出绩效自评表</c> → 乡村道路), or null when the
    /// heading names nothing but the year and the form (<c>2024年度项目支出绩效自评表</c>, <c>绩效自评表（2024年度）</c>).
    /// </summary>
    private static string? TitleFrom(string heading)
    {
        string c = CellText.Compact(heading);
        string rest = YearPart().Replace(c, string.Empty);
        string title = c;
        foreach (string suffix in new[] { "转移支付绩效目标自评表", "项目支出绩效自评表", "绩效目标自评表", "绩效自评表", "自评表" })
        {
            if (c.EndsWith(suffix, StringComparison.Ordinal) && c.Length > suffix.Length)
            {
                title = c[..^suffix.Length];
            }

            if (rest.EndsWith(suffix, StringComparison.Ordinal))
            {
                rest = rest[..^suffix.Length];
            }

            if (title != c)
            {
                break;
            }
        }

        return rest is "" or "项目" or "项目支出" or "支出项目" or "转移支付" or "专项资金" ? null : title;
    }

    [GeneratedRegex(@"[(（]?(19|20)\d{2}年度?[)）]?")]
    private static partial Regex YearPart();

    /// <summary>A cell holding a 项目名称-style label and its value after a colon (<c>项目名称：X</c>), split; null for any other cell.</summary>
    internal static (string Label, string Value)? LabelAndValue(string text)
    {
        Match m = LabelColon().Match(CellText.Clean(text).Trim());
        if (!m.Success || LayoutReader.MetaLabel(LayoutReader.Stripped(m.Groups["l"].Value)) is null)
        {
            return null;
        }

        return (m.Groups["l"].Value.Trim(), m.Groups["v"].Value.Trim());
    }

    /// <summary>A 项目名称 / 主管部门 / 实施单位 label, alone or with its value after a colon: a cell that starts the table's top rows.</summary>
    internal static bool IsMetaCell(string text) => MetaLabelOf(text) is not null || LabelAndValue(text) is not null;

    [GeneratedRegex(@"^(?<l>[^:：]{2,12}?)\s*[:：]\s*(?<v>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex LabelColon();
}
