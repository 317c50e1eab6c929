using System.Text.RegularExpressions;
using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Importing;

/// <summary>
/// Text copied from a PDF in a way that loses the table's columns: pdftotext without -layout (one cell a line, the
/// cells in the page's column order) or a -layout copy whose lines were left-trimmed (the wrapped pieces of a cell
/// no longer stand under it). When the rows read from such a copy are scrambled, the import is refused with what
/// to do instead, never answered with indicators made of pieces of others.
/// </summary>
internal static partial class CopyChecks
{
    private static readonly string[] LevelWords =
    [
        "产出指标", "效益指标", "满意度指标", "成本指标", "数量指标", "质量指标", "时效指标", "经济效益指标", "社会效益指标",
        "生态效益指标", "可持续影响指标", "服务对象满意度指标", "分值", "得分",
    ];

    /// <summary>
    /// At least two indicators, and half of them or more made of pieces of others: a name that is a figure, a 一级/二级
    /// label or a header word inside a name, value or explanation, a bare (50分), or no 分值 nor 得分 in a scored table.
    /// </summary>
    public static bool Scrambled(IReadOnlyList<ImportedTable> tables)
    {
        var rows = tables.SelectMany(t => t.Indicators.Select(i => (Table: t, Row: i))).ToList();
        if (rows.Count < 2)
        {
            return false;
        }

        bool scored = tables.Any(t => t.Kind == "project");
        int suspect = rows.Count(x => Suspect(x.Row, scored && x.Table.Kind == "project"));
        return suspect * 2 >= rows.Count;
    }

    private static bool Suspect(ImportedIndicator i, bool scored)
    {
        // A figure as the name, or a comparator inside it (城镇调查失业率 ≤4.5%: the target run into the name).
        if (CellText.Number(i.Name, out _, out _) is not null || Comparator().IsMatch(CellText.Compact(i.Name)) || i.Name.IndexOfAny(['≥', '≤']) >= 0
            || scored && i.Weight is null && i.PrintedScore is null)
        {
            return true;
        }

        string[] cells = [i.Name, i.Target ?? string.Empty, i.Actual ?? string.Empty, i.DeviationNote ?? string.Empty];
        return cells.Any(c => WeightOnly().IsMatch(CellText.Compact(c)) || LevelWords.Any(w => CellText.Compact(c).Contains(w, StringComparison.Ordinal)))
            || cells.Take(3).Any(c => HeaderWords.Indicator(c, out bool exact) is not (IndicatorField.Unknown or IndicatorField.Label) && exact);
    }

    /// <summary>The refusal for a copy that lost its columns, or null when the copy is neither kind (its reading stands).</summary>
    public static UnreadableDocumentException? Refusal(string[] lines, bool rawOrder)
    {
        if (rawOrder)
        {
            return new UnreadableDocumentException(
                "这段文字像是不保留版式从 PDF 复制的（一格一行，表格的行列顺序已打乱），读出的指标行互相错位：请用保留版式的方式复制（如 pdftotext -layout），或上传 .docx / .xlsx 原件。",
                "this text looks copied from a PDF without its layout (one cell a line, the table's rows and columns lost); the indicator rows read from it are mixed up: copy it keeping the layout (pdftotext -layout, for one), or upload the .docx / .xlsx.");
        }

        string[] text = [.. lines.Select(l => l.TrimStart('\f').Replace('\f', ' ')).Where(l => l.Trim().Length > 0)];
        // Every line flush left (a page's first line after its form feed may keep its indent), and most laid out with gaps.
        bool leftTrimmed = text.Length >= 10 && text.Count(l => char.IsWhiteSpace(l[0])) <= 2 && text.Count(l => l.Contains("  ", StringComparison.Ordinal)) * 3 >= text.Length;
        return leftTrimmed
            ? new UnreadableDocumentException(
                "这段从 PDF 复制的文字去掉了行首的空格，折行的单元格（如“偏差原因 / 分析及改进措施”、跨行的一级指标）已无法对应到所在的列，读出的指标行互相错位：请保留行首空格原样复制（如 pdftotext -layout 的输出），或上传 .docx / .xlsx 原件。",
                "this text copied from a PDF lost the spaces at the start of its lines, so the wrapped pieces of cells (a two-line 偏差原因 header, a 一级指标 spanning rows) no longer stand under their columns and the indicator rows read from it are mixed up: copy it with the leading spaces kept (as pdftotext -layout prints it), or upload the .docx / .xlsx.")
            : null;
    }

    /// <summary>
    /// The refusal for a copy whose rows read scrambled though it is neither kind above (a -layout copy whose wrapped
    /// cells and merged 一级/二级 cells could not be put back in their rows): the suspect rows named, with what to do.
    /// </summary>
    public static UnreadableDocumentException Mixed(IReadOnlyList<ImportedTable> tables, bool laidOut)
    {
        var errors = new List<InputError>
        {
            new("file",
                ImportSanity.Advice.Zh("这段从 PDF 复制的文字中，折行的单元格（跨行的一级/二级指标、分几行写的指标名称或偏差原因）无法确定属于哪一行，读出的指标行一半以上互相错位", laidOut),
                ImportSanity.Advice.En("in this text copied from a PDF, the wrapped cells (一级/二级 cells spanning rows, names or reasons written over several lines) cannot be given to their rows, and half or more of the indicator rows read from it are mixed up", laidOut)),
        };
        foreach (ImportedTable t in tables)
        {
            bool scored = t.Kind == "project";
            for (int k = 0; k < t.Indicators.Count && errors.Count < 9; k++)
            {
                if (Suspect(t.Indicators[k], scored))
                {
                    string name = t.Indicators[k].Name.Trim();
                    string cell = t.Sources.TryGetValue($"indicators[{k}].name", out string? at) ? $"{at}：" : string.Empty;
                    errors.Add(new InputError($"indicators[{k}].name", $"{cell}“{name}”不像一行完整的指标（名称、指标值、分值或得分不全或混有其他行的文字）",
                        $"{(cell.Length > 0 ? at + ": " : string.Empty)}\"{name}\" is not a whole indicator row (its name, target, weight or score missing or mixed with another row's text)"));
                }
            }
        }

        return new UnreadableDocumentException(errors);
    }

    /// <summary>
    /// A copy of a PDF (text without a tab) read with a piece of a wrapped cell taken as a row of its own, or with its
    /// fund section lost: a fund line or an indicator with a name and not one figure or value (the wrapped end of a
    /// name, 年度资金总 / 额), or no fund line at all though the text has the fund section's header. Such a reading is
    /// refused naming the row, never answered (session 42: plain HTML tables printed by LibreOffice and chromium).
    /// Null when the reading stands.
    /// </summary>
    public static UnreadableDocumentException? Fragments(IReadOnlyList<ImportedTable> tables, string[] lines, bool laidOut)
    {
        if (tables.Count == 0 || lines.Any(l => l.Contains('\t', StringComparison.Ordinal)))
        {
            return null;
        }

        var errors = new List<InputError>();
        foreach (ImportedTable t in tables)
        {
            for (int k = 0; k < t.FundLines.Count && errors.Count < 8; k++)
            {
                ImportedFundLine f = t.FundLines[k];
                if (FundPiece(f))
                {
                    errors.Add(Piece(t, $"fundLines[{k}].name", f.Name, "资金行", "fund line"));
                }
            }

            for (int k = 0; k < t.Indicators.Count && errors.Count < 8; k++)
            {
                ImportedIndicator i = t.Indicators[k];
                if (new[] { i.Target, i.Actual, i.Weight, i.PrintedScore }.All(string.IsNullOrWhiteSpace))
                {
                    errors.Add(Piece(t, $"indicators[{k}].name", i.Name, "指标行", "indicator row"));
                }
            }
        }

        int header = Array.FindIndex(lines, l => l.Contains("项目资金", StringComparison.Ordinal) || l.Contains("预算数", StringComparison.Ordinal));
        if (errors.Count == 0 && header >= 0 && tables.All(t => t.FundLines.Count == 0))
        {
            errors.Add(new InputError("fundLines", $"第{header + 1}行：这段从 PDF 复制的文字有项目资金部分，却一行资金也没有读出（资金表头折行或各列错开）",
                $"line {header + 1}: this text copied from a PDF has a fund section, yet no fund line was read from it (its header wraps or its columns shift)"));
        }

        if (errors.Count == 0)
        {
            return null;
        }

        errors.Insert(0, new InputError("file",
            ImportSanity.Advice.Zh("这段从 PDF 复制的表格中，折行的单元格无法确定属于哪一行，读出的行不完整或缺了一部分", laidOut),
            ImportSanity.Advice.En("in this table copied from a PDF the wrapped cells cannot be given to their rows, and the rows read from it are not whole or a part is missing", laidOut)));
        return new UnreadableDocumentException(errors);
    }

    /// <summary>A fund line with no figure under a name that is no whole fund-source name: the wrapped piece of another line's name.</summary>
    public static bool FundPiece(ImportedFundLine f) =>
        new[] { f.InitialBudget, f.Budget, f.Executed, f.PrintedRate, f.PrintedScore, f.Weight }.All(string.IsNullOrWhiteSpace) && !WholeFundName(f.Name);

    /// <summary>
    /// A fund source's whole name (其他资金, 其中：当年财政拨款, 财政资金): a line printed without figures under such a name is
    /// read as printed. The wrapped pieces of a name (年度资金总 / 额, 中央 / 财政资金 split as 央资金) are not whole names.
    /// </summary>
    private static bool WholeFundName(string name)
    {
        string n = CellText.Compact(name);
        n = n.StartsWith("其中：", StringComparison.Ordinal) || n.StartsWith("其中:", StringComparison.Ordinal) ? n[3..] : n;
        return n.Length >= 4 && (n.EndsWith("资金", StringComparison.Ordinal) || n.EndsWith("资金总额", StringComparison.Ordinal) || n.EndsWith("拨款", StringComparison.Ordinal));
    }

    private static InputError Piece(ImportedTable t, string path, string name, string zhKind, string enKind)
    {
        string cell = t.Sources.TryGetValue(path, out string? at) ? at : string.Empty;
        return new InputError(path,
            $"{(cell.Length > 0 ? cell + "：" : string.Empty)}{zhKind}“{name.Trim()}”只有名称，没有一个数值，像是另一行折行的文字",
            $"{(cell.Length > 0 ? cell + ": " : string.Empty)}the {enKind} \"{name.Trim()}\" has a name and not one figure, like the wrapped text of another row");
    }

    [GeneratedRegex(@"^([≥≤><=＞＜≧≦]|>=|<=)\d")]
    private static partial Regex Comparator();

    [GeneratedRegex(@"^[(（]\d{1,3}分[)）]$")]
    private static partial Regex WeightOnly();
}
