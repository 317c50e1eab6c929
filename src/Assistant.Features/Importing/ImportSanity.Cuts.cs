using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Importing;

/// <summary>
/// Session 38: a copy that keeps the page's layout (pdftotext -layout) but whose rows follow each other with no blank
/// line and whose long cells wrap onto the lines below (a Word or Excel table printed by LibreOffice) is read by the
/// plain text reader line by line, so the pieces of a wrapped cell become cells or rows of their own. What is left
/// shows it: a merged 一级/二级 cell cut mid-word (<c>效益指</c> / <c>标</c>, <c>满意度指标度指标</c>), a fund line named by a
/// piece of the wrapped 项目资金（万元） label (<c>金（万年度资金</c>, <c>元）总额</c>) or by one character (<c>当</c>), or a
/// table whose fund section was not read at all though the copy has its 资金总额 line. Such a reading is refused with
/// the field named and what to do, never scored.
/// </summary>
public static partial class ImportSanity
{
    private static readonly string[] FundTotals = ["年度资金总额", "资金总额"];

    /// <summary>The fields of tables read from a laid-out copy that are pieces of wrapped cells, each named; empty when none is.</summary>
    public static IReadOnlyList<InputError> CutCells(IReadOnlyList<ImportedTable> tables, string text)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var errors = new List<InputError>();
        string compact = CellText.Compact(text ?? string.Empty);
        foreach (ImportedTable t in tables)
        {
            for (int k = 0; k < t.FundLines.Count; k++)
            {
                foreach ((string field, string? value) in new[] { ("name", t.FundLines[k].Name), ("parent", t.FundLines[k].Parent) })
                {
                    if (value is { } v && CutFundName(CellText.Compact(v)))
                    {
                        errors.Add(new InputError($"funds.lines[{k}].{field}", $"{Where(t, $"funds.lines[{k}]")}资金行的名称“{v.Trim()}”是折行单元格的片段（括号不成对或只有一个字）",
                            $"{WhereEn(t, $"funds.lines[{k}]")}the fund line name \"{v.Trim()}\" is a piece of a wrapped cell (unmatched brackets, or a single character)"));
                    }
                }
            }

            for (int k = 0; k < t.Indicators.Count; k++)
            {
                foreach ((string field, string? value) in new[] { ("level1", t.Indicators[k].Level1), ("level2", t.Indicators[k].Level2) })
                {
                    if (value is { } v && CutLevel(CellText.Compact(v)))
                    {
                        errors.Add(new InputError($"indicators[{k}].{field}", $"{Where(t, $"indicators[{k}]")}{(field == "level1" ? "一级" : "二级")}指标“{v.Trim()}”是折行单元格的片段（在字中间断开或与其他片段拼在一起）",
                            $"{WhereEn(t, $"indicators[{k}]")}the {(field == "level1" ? "first" : "second")}-level indicator \"{v.Trim()}\" is a piece of a wrapped cell (cut mid-word, or joined to another piece)"));
                    }
                }
            }

            for (int k = 1; k < t.Indicators.Count; k++)
            {
                if (SplitRow(t.Indicators[k - 1], t.Indicators[k]))
                {
                    string name = t.Indicators[k].Name.Trim();
                    string above = t.Indicators[k - 1].Name.Trim();
                    errors.Add(new InputError($"indicators[{k}].name", $"{Where(t, $"indicators[{k}]")}三级指标“{name}”没有分值，与上一行“{above}”（缺指标值或完成值）是同一行折行单元格的两段，不能分开读",
                        $"{WhereEn(t, $"indicators[{k}]")}the indicator \"{name}\" has no weight and, with the row above (\"{above}\", missing its target or actual), is two pieces of one row's wrapped cells"));
                }
            }

            if (t.FundLines.Count > 0 && TotalWithFigures().IsMatch(text ?? string.Empty)
                && !t.FundLines.Any(f => FundTotals.Any(w => CellText.Compact(f.Name ?? string.Empty).Contains(w, StringComparison.Ordinal))))
            {
                errors.Add(new InputError("funds.lines[0].name", "文字中有“资金总额”一行，但读到的资金行中没有它（资金表的表头或折行单元格吞掉了这一行）",
                    "the text has a 资金总额 line but it is not among the fund lines read (the fund table's header or a wrapped cell took it)"));
            }

            if (t.FundLines.Count == 0 && t.Indicators.Count > 0 && FundTotals.Any(w => compact.Contains(w, StringComparison.Ordinal)))
            {
                errors.Add(new InputError("funds.lines", "文字中有“资金总额”一行，但没有读到任何资金行（资金表的折行单元格没有归回原行）",
                    "the text has a 资金总额 line but no fund line was read (the fund table's wrapped cells were not put back in their rows)"));
            }
        }

        return errors;
    }

    /// <summary>A 资金总额 line with its figures (年度资金总额 640.00 …), the line the fund table must have read.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"资金总额[^\n]*\d")]
    private static partial System.Text.RegularExpressions.Regex TotalWithFigures();

    /// <summary>
    /// Session 39: a row with no weight right under a row of the same 二级指标 that has a weight but no target or no actual —
    /// a cell wrapped around its row's middle line (年末高校毕业生总体就业 / 率, 帮扶就业率 / 93.27%) read as two rows.
    /// </summary>
    private static bool SplitRow(ImportedIndicator above, ImportedIndicator row) =>
        string.IsNullOrWhiteSpace(row.Weight) && !string.IsNullOrWhiteSpace(above.Weight)
        && (string.IsNullOrWhiteSpace(above.Target) || string.IsNullOrWhiteSpace(above.Actual))
        && string.Equals(CellText.Compact(above.Level2 ?? string.Empty), CellText.Compact(row.Level2 ?? string.Empty), StringComparison.Ordinal);

    /// <summary>A fund line name with an unmatched bracket (金（万, 元）总额) or of one character (当).</summary>
    private static bool CutFundName(string name) =>
        name.Length > 0 && (name.Length == 1 && char.IsLetter(name[0])
            || name.Count(c => c is '（' or '(') != name.Count(c => c is '）' or ')'));

    /// <summary>A 一级/二级 cell cut mid-word (效益指, 标, 指标 alone) or two pieces run together (满意度指标度指标).</summary>
    private static bool CutLevel(string level) =>
        level.Length > 0 && (level.EndsWith('指') || level is "标" or "指标" or "标指标"
            || level.IndexOf("指标", StringComparison.Ordinal) is int at && at >= 0 && level.IndexOf("指标", at + 2, StringComparison.Ordinal) >= 0);
}
