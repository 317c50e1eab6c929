using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Importing;

/// <summary>Reads the lines of a 项目资金 block against its header's columns.</summary>
internal static partial class FundRows
{
    /// <summary>
    /// One line of the block. With <paramref name="headerWidths"/> (a worksheet or a Word table, where every
    /// cell keeps its column) the cells are placed under the header cell above them; otherwise in order
    /// after the line's name.
    /// </summary>
    public static void Read(ImportedTable t, List<GridCell> row, List<string> texts, List<FundField> header, IReadOnlyList<int>? headerWidths = null)
    {
        Placement? placed = headerWidths is null ? null : ByColumn(row, texts, header, headerWidths);
        placed ??= InOrder(texts, header);
        if (placed is not null)
        {
            Add(t, row, texts, placed);
        }
    }

    /// <summary>Where a line's cells go: the name's cells, each value's cell and field, the explanation's cell.</summary>
    private sealed record Placement(List<int> Name, List<(int At, FundField Field)> Values, int? NoteAt, bool Unsure, bool Short);

    /// <summary>
    /// The cells under the header's columns (grids whose cells keep their columns): the label columns hold the
    /// line's name, whether merged, written in one cell with blanks beside it, split over two cells
    /// (<c>其中：</c> | <c>财政拨款</c>) or repeated in each cell; each other column its field. Null when the
    /// row does not span the header's columns or holds a number under the label.
    /// </summary>
    private static Placement? ByColumn(List<GridCell> row, List<string> texts, List<FundField> header, IReadOnlyList<int> widths)
    {
        if (widths.Count != header.Count || row.Sum(c => c.Width) != widths.Sum() || row.Count == 0)
        {
            return null;
        }

        var under = new int[row.Count];
        int col = 0;
        int h = 0;
        int hEnd = widths[0];
        for (int i = 0; i < row.Count; i++)
        {
            while (col >= hEnd && h + 1 < widths.Count)
            {
                h++;
                hEnd += widths[h];
            }

            under[i] = h;
            col += row[i].Width;
        }

        var name = new List<int>();
        var values = new List<(int, FundField)>();
        int? noteAt = null;
        bool unsure = false;
        var seen = new HashSet<int>();
        int firstData = header.FindIndex(f => f != FundField.Label);
        for (int i = 0; i < row.Count; i++)
        {
            // A blank header cell after the figures (the column of an explanation) labels nothing.
            FundField f = header[under[i]] == FundField.Label && firstData >= 0 && under[i] > firstData ? FundField.Unknown : header[under[i]];
            string text = texts[i];
            if (CellText.IsBlank(text))
            {
                // A formula with no saved value under a figure's header is placed, so the line says it was not read.
                if (row[i].Note is not null && f is not (FundField.Label or FundField.Unknown or FundField.Note) && seen.Add(under[i]))
                {
                    values.Add((i, f));
                }

                continue;
            }

            if (f == FundField.Label)
            {
                if (CellText.Number(text, out _, out _) is not null)
                {
                    return null;
                }

                if (!IsBlockLabel(text) && !(name.Count > 0 && CellText.Compact(texts[name[^1]]) == CellText.Compact(text)))
                {
                    name.Add(i);
                }

                continue;
            }

            if (f == FundField.Unknown || (seen.Contains(under[i]) && f != FundField.Note))
            {
                // Under no header of its own, or a second cell under one header: an explanation when it is a sentence.
                if (IsProse(text))
                {
                    noteAt ??= i;
                }
                else
                {
                    unsure |= f != FundField.Unknown;
                }

                continue;
            }

            seen.Add(under[i]);
            values.Add((i, f));
        }

        return name.Count == 0 ? null : new Placement(name, values, noteAt, unsure, false);
    }

    /// <summary>The cells in order after the name (text copied from a PDF, or a row that does not span the header).</summary>
    private static Placement? InOrder(List<string> texts, List<FundField> header)
    {
        // The name is the first filled cell that is not a number and not the block's own label.
        int nameAt = -1;
        for (int i = 0; i < texts.Count; i++)
        {
            if (CellText.IsBlank(texts[i]) || CellText.Number(texts[i], out _, out _) is not null)
            {
                continue;
            }

            if (IsBlockLabel(texts[i]))
            {
                continue;
            }

            nameAt = i;
            break;
        }

        if (nameAt < 0)
        {
            return null;
        }

        // The name split over cells (其中： | 财政拨款) or repeated in the cells of an unmerged range.
        var name = new List<int> { nameAt };
        int after = nameAt + 1;
        while (after < texts.Count && !CellText.IsBlank(texts[after]) && CellText.Number(texts[after], out _, out _) is null)
        {
            if (CellText.Compact(texts[after]) == CellText.Compact(texts[name[^1]]))
            {
                after++;
                continue;
            }

            if (!IsNamePiece(texts[after]))
            {
                break;
            }

            name.Add(after);
            after++;
        }

        var dataFields = header.Where(f => f is not FundField.Label).ToList();
        List<int> values = Enumerable.Range(after, texts.Count - after).ToList();
        while (values.Count > 0 && texts[values[^1]].Length == 0)
        {
            values.RemoveAt(values.Count - 1);
        }

        // Trailing label columns of the header (an empty last column) do not hold values.
        while (dataFields.Count > 0 && dataFields[^1] == FundField.Unknown && values.Count < dataFields.Count)
        {
            dataFields.RemoveAt(dataFields.Count - 1);
        }

        // An explanation of the 执行率 written in the cell after 得分, under no header of its own: the line's deviation note.
        int? noteAt = null;
        if (values.Count > 0 && !dataFields.Contains(FundField.Note) && IsProse(texts[values[^1]])
            && (values.Count > dataFields.Count || dataFields[values.Count - 1] == FundField.Unknown))
        {
            noteAt = values[^1];
            values.RemoveAt(values.Count - 1);
        }

        bool unsure = false;
        while (values.Count > dataFields.Count && values.FindIndex(v => texts[v].Length == 0) is int e and >= 0)
        {
            values.RemoveAt(e);
        }

        if (values.Count > dataFields.Count)
        {
            values = values.Take(dataFields.Count).ToList();
            unsure = true;
        }

        return new Placement(name, values.Select((v, k) => (v, dataFields[k])).ToList(), noteAt, unsure, values.Count < dataFields.Count);
    }

    /// <summary>
    /// A line that is only the wrapped end of the name above (<c>政资金</c> under <c>其中：中央财</c>): no figure in the row,
    /// a short piece of a name, and the name above cut where no fund name ends (资金, 拨款, 总额, 收入, 经费 … end one).
    /// </summary>
    private static bool WrappedNameEnd(ImportedTable t, List<string> texts, Placement placed, string piece)
    {
        if (t.FundLines.Count == 0 || placed.NoteAt is not null || placed.Values.Any(v => !CellText.IsBlank(texts[v.At])) || !IsNamePiece(piece)
            || texts.Any(x => CellText.Number(x, out _, out _) is not null) || CellText.Compact(string.Concat(placed.Name.Select(i => texts[i]))).StartsWith("其中", StringComparison.Ordinal))
        {
            return false;
        }

        string above = t.FundLines[^1].Name;
        return above.Length > 0 && !"金款额入费助贴转余数他计出支".Contains(above[^1], StringComparison.Ordinal) && t.FundLines[^1].Budget is not null;
    }

    /// <summary>The block's own label (项目资金（万元）, 资金情况) standing in a line's row, not a line's name.</summary>
    private static bool IsBlockLabel(string text) => HeaderWords.Fund(text) == FundField.Label && text.Length > 0 && !LooksLikeLineName(text);

    /// <summary>A second piece of a name split over two cells (财政拨款 after 其中：, 总额 after 年度资金): a few Chinese characters, no value word.</summary>
    private static bool IsNamePiece(string text)
    {
        string c = CellText.Compact(text);
        return c.Length is > 0 and <= 10 && c.All(ch => CellText.IsCjk(ch) || ch is '(' or ')')
            && c is not ("无" or "不适用" or "暂无" or "万元" or "元" or "亿元")
            && HeaderWords.Fund(c) is FundField.Unknown && !c.Contains("原因", StringComparison.Ordinal);
    }

    private static void Add(ImportedTable t, List<GridCell> row, List<string> texts, Placement placed)
    {
        string name = CellText.Clean(string.Concat(placed.Name.Select(i => CellText.Clean(texts[i]))));
        int nameAt = placed.Name[0];
        int? noteAt = placed.NoteAt;
        bool unsure = placed.Unsure;
        bool rateTaken = placed.Values.Any(v => v.Field == FundField.Rate && CellText.Number(texts[v.At], out _, out _) is not null);
        bool part = name.StartsWith("其中", StringComparison.Ordinal);
        name = (part ? name[2..] : name).TrimStart('：', ':', ' ').Trim().TrimEnd('：', ':');
        if (name.Length == 0)
        {
            return;
        }

        (name, _) = CellText.SplitUnit(name);
        if (WrappedNameEnd(t, texts, placed, name))
        {
            // 政资金 under 其中：中央财 (a tab-separated or typed copy that wrapped the label cell): the name above goes on.
            t.FundLines[^1].Name += name;
            string at = $"funds.lines[{t.FundLines.Count - 1}].name";
            t.Sources[at] = (t.Sources.TryGetValue(at, out string? was) ? was + "," : string.Empty) + row[nameAt].Source;
            return;
        }

        if (IsTotalLine(name))
        {
            name = TotalName; // 合计 / 总计 as the block's total line: the contract's 年度资金总额
        }

        int index = t.FundLines.Count;
        var line = new ImportedFundLine { Name = name };
        if (index > 0 && (part || IsTotalName(t.FundLines[0].Name)))
        {
            line.Parent = t.FundLines[0].Name;
        }

        string path = $"funds.lines[{index}]";
        t.Sources[path + ".name"] = row[nameAt].Source;
        if (noteAt is int n)
        {
            line.DeviationNote = CellText.Clean(texts[n]);
            t.Sources[path + ".deviationNote"] = row[n].Source;
        }

        foreach ((int at, FundField field0) in placed.Values)
        {
            FundField f = field0;
            GridCell cell = row[at];
            string text = texts[at];
            if (CellText.IsBlank(text) || f == FundField.Unknown)
            {
                // An empty cell that is a formula with no saved value (a file written by a script): said, naming the cell.
                if (f != FundField.Unknown && cell.Note is { } blankNote)
                {
                    t.Warn(f == FundField.Weight ? "funds.weight" : $"{path}.{FundFieldName(f)}", cell.Source, blankNote.Zh, blankNote.En);
                }

                continue;
            }

            if (f == FundField.Note)
            {
                line.DeviationNote = text;
                t.Sources[path + ".deviationNote"] = cell.Source;
                continue;
            }

            string? number = CellText.Number(text, out bool percent, out string? cellUnit);
            if (percent && f is FundField.Weight or FundField.Score && (!rateTaken || placed.Short))
            {
                // A percentage under 分值 or 得分 (a short line whose 分值/得分 cells are gone, or a rate printed off its column): the 执行率.
                f = FundField.Rate;
            }

            string field = FundFieldName(f);
            string fieldPath = field == "weight" ? "funds.weight" : $"{path}.{field}";
            if (number is null)
            {
                t.Warn(fieldPath, cell.Source, CellText.NotANumber(text).Zh, CellText.NotANumber(text).En);
                continue;
            }

            if (CellText.Rounded(text, number) is { } rounded)
            {
                t.Warn(fieldPath, cell.Source, rounded.Zh, rounded.En);
            }

            if (cell.Note is { } note)
            {
                t.Warn(fieldPath, cell.Source, note.Zh, note.En);
            }
            else if (unsure)
            {
                t.Warn(fieldPath, cell.Source, "本行的格数与表头不符，按顺序对应（推测）", "this row's cells do not match the header; matched in order (guessed)");
            }

            if (cellUnit is not null && cellUnit != t.FundUnit && f is FundField.InitialBudget or FundField.Budget or FundField.Executed
                && FundUnits.Convert(number, cellUnit, t.FundUnit) is { } converted)
            {
                // The cell states its own unit (1280元 under a 万元 header): the amount is the one printed, in the header's unit.
                t.Warn(fieldPath, cell.Source, $"“{text}”的单位与表头（{t.FundUnit}）不同，已换算为{converted}{t.FundUnit}",
                    $"\"{text}\" is not in the header's unit ({t.FundUnit}); converted to {converted} {t.FundUnit}");
                number = converted;
            }

            t.Sources[fieldPath] = cell.Source;
            switch (f)
            {
                case FundField.InitialBudget: line.InitialBudget = number; break;
                case FundField.Budget: line.Budget = number; break;
                case FundField.Executed: line.Executed = number; break;
                case FundField.Score: line.PrintedScore = number; break;
                case FundField.Weight:
                    t.FundWeight ??= number;
                    break;
                case FundField.Rate:
                    line.PrintedRate = percent ? number + "%" : RateWithoutPercent(t, line, number, cell, fieldPath);
                    break;
            }
        }

        t.FundLines.Add(line);
    }

    /// <summary>
    /// A rate printed without %: <c>80.80</c> is a percentage as printed; a fraction such as 0.808
    /// (a spreadsheet value without a percent format) that matches executed ÷ budget becomes 80.80%.
    /// </summary>
    private static string RateWithoutPercent(ImportedTable t, ImportedFundLine line, string number, GridCell cell, string path)
    {
        if (PrintedNumber.TryParse(number, out PrintedNumber rate) && rate.Value is > 0 and <= 1.5m
            && PrintedNumber.TryParse(line.Budget, out PrintedNumber budget) && budget.Value > 0
            && PrintedNumber.TryParse(line.Executed, out PrintedNumber executed))
        {
            decimal computed = executed.Value / budget.Value;
            if (Math.Abs(computed - rate.Value) < 0.0051m && Math.Abs(computed * 100 - rate.Value) > 0.5m)
            {
                int decimals = Math.Max(0, rate.Decimals - 2);
                string text = PrintedNumber.Format(rate.Value * 100, decimals) + "%";
                t.Warn(path, cell.Source, $"执行率{number}按比例读作{text}（推测）", $"rate {number} read as the fraction {text} (guessed)");
                return text;
            }
        }

        return number;
    }

    /// <summary>The name a block's total line takes in the contract.</summary>
    public const string TotalName = "年度资金总额";

    /// <summary><c>合计</c> / <c>总计</c> (资金合计, 合 计) naming a 项目资金 block's total line.</summary>
    public static bool IsTotalLine(string text) =>
        CellText.Compact(text).TrimEnd('：', ':') is "合计" or "总计" or "资金合计" or "资金总计" or "合计金额" or "项目资金合计" or "预算资金合计";

    /// <summary>
    /// A block whose total line stands after its parts (江西: 中央 / 省级 / 区级, then 合计; or 年度资金总额
    /// last): the total moves first and the lines above it become its parts, so that the 资金得分 is
    /// the total's and the parts are reconciled against it, as when the total is printed first.
    /// </summary>
    public static void Arrange(ImportedTable t)
    {
        List<ImportedFundLine> lines = t.FundLines;
        if (lines.Count < 2 || IsTotalName(lines[0].Name) || lines.Any(l => l.Parent is not null))
        {
            return;
        }

        var totals = Enumerable.Range(0, lines.Count).Where(i => IsTotalName(lines[i].Name)).ToList();
        if (totals.Count != 1)
        {
            return;
        }

        int from = totals[0];
        ImportedFundLine total = lines[from];
        lines.RemoveAt(from);
        lines.Insert(0, total);
        foreach (ImportedFundLine part in lines.Skip(1))
        {
            part.Parent = total.Name;
        }

        // Every path funds.lines[k] moves with its line: the total to 0, the lines above it one down.
        int Moved(int k) => k == from ? 0 : k < from ? k + 1 : k;
        string Renumber(string path) => FundPath().Replace(path, m => $"funds.lines[{Moved(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))}]");
        var sources = t.Sources.ToList();
        t.Sources.Clear();
        foreach ((string key, string value) in sources)
        {
            t.Sources[Renumber(key)] = value;
        }

        for (int w = 0; w < t.Warnings.Count; w++)
        {
            t.Warnings[w] = t.Warnings[w] with { Path = Renumber(t.Warnings[w].Path) };
        }
    }

    [GeneratedRegex(@"^funds\.lines\[(\d+)\]")]
    private static partial Regex FundPath();

    /// <summary>A sentence, not a figure or a stray label: at least four Chinese characters and no number cell.</summary>
    private static bool IsProse(string text) =>
        !CellText.IsBlank(text) && CellText.Number(text, out _, out _) is null && text.Count(c => c is >= '\u4e00' and <= '\u9fff') >= 4;

    private static bool IsTotalName(string name) =>
        name.Contains("总额", StringComparison.Ordinal) || name.Contains("合计", StringComparison.Ordinal) || name.Contains("总计", StringComparison.Ordinal) || name.Contains("小计", StringComparison.Ordinal);

    private static bool LooksLikeLineName(string text)
    {
        string c = CellText.Compact(text);
        return c.Contains("资金总额", StringComparison.Ordinal) || c.StartsWith("其中", StringComparison.Ordinal) || c.Contains("资金", StringComparison.Ordinal) && !c.StartsWith("项目资金", StringComparison.Ordinal) && !c.StartsWith("资金情况", StringComparison.Ordinal) && !c.StartsWith("资金投入", StringComparison.Ordinal);
    }

    private static string FundFieldName(FundField f) => f switch
    {
        FundField.InitialBudget => "initialBudget",
        FundField.Budget => "budget",
        FundField.Executed => "executed",
        FundField.Rate => "printedRate",
        FundField.Score => "printedScore",
        FundField.Note => "deviationNote",
        _ => "weight",
    };
}
