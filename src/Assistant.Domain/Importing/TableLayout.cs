using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>
/// Understands the layout of 绩效自评表 in a grid: titles and the 项目名称 / 主管部门 / 实施单位 rows,
/// the 项目资金 block, the 年度总体目标 block (skipped), the 绩效指标 block with its 一级/二级 cells
/// merged down, and the 总分 row. A grid may hold several tables one after the other.
/// </summary>
public static partial class TableLayout
{
    /// <summary>Every table found in <paramref name="grid"/>, in order; none when it holds no 自评表.</summary>
    public static IReadOnlyList<ImportedTable> Read(Grid grid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var reader = new LayoutReader(grid, cancellationToken);
        return reader.Run();
    }

    private enum Mode
    {
        None,
        Funds,
        Indicators,
        Skip,
    }

    /// <summary>The field a 项目名称 / 主管部门 / 实施单位 label names, or null when the text is no such label.</summary>
    internal static string? MetaLabelOf(string text) => LayoutReader.MetaLabel(LayoutReader.Stripped(text));

    private sealed partial class LayoutReader(Grid grid, CancellationToken ct)
    {
        private readonly List<ImportedTable> tables = [];
        private readonly RowSource rows = new(grid);
        private ImportedTable? cur;
        private string? pendingTitle;
        private string? pendingYear;
        private string? pendingUnit;
        private (string Unit, string Source, string Zh, string En)? pendingUnread;
        private Mode mode;
        private List<FundField> fundFields = [];
        private List<int>? fundWidths;
        private List<IndicatorField> indicatorFields = [];
        private string? level1;
        private string? level2;
        private int tableNo;
        private bool subHeaderMayFollow;
        private List<string> indicatorTexts = [];

        public List<ImportedTable> Run()
        {
            while (rows.Next(WidthOfMode(), IsBoundary) is { } row)
            {
                ct.ThrowIfCancellationRequested();
                Row(row);
            }

            Finish();
            return tables;
        }

        private int WidthOfMode() => mode switch
        {
            Mode.Funds => fundFields.Count,
            Mode.Indicators => indicatorFields.Count,
            _ => 0,
        };

        private void Row(List<GridCell> row)
        {
            row = LabelledCells(row);
            var texts = row.Select(c => CellText.Clean(c.Text)).ToList();
            var filled = Enumerable.Range(0, texts.Count).Where(i => !CellText.IsBlank(texts[i])).ToList();
            if (filled.Count == 0)
            {
                return;
            }

            string first = texts[filled[0]];
            string? unitCell = filled.Select(i => UnitCell().Match(CellText.Compact(texts[i]))).FirstOrDefault(m => m.Success)?.Groups["u"].Value;
            if (filled.Any(i => HeaderWords.IsTitle(texts[i])))
            {
                Finish();
                pendingUnit = unitCell;
                pendingTitle = texts[filled.First(i => HeaderWords.IsTitle(texts[i]))];
                pendingYear = filled.Select(i => HeaderWords.Year(texts[i])).FirstOrDefault(y => y is not null) ?? pendingYear;
                mode = Mode.None;
                return;
            }

            if (unitCell is null && filled.Count == 1 && OtherUnitCell().Match(CellText.Compact(first)) is { Success: true } odd)
            {
                // 单位：美元 on a line of its own: a unit the contract cannot carry, refused by name.
                Unread(odd.Groups["u"].Value, row[filled[0]].Source, $"“{first}”", $"\"{first}\"");
                return;
            }

            if (unitCell is not null && filled.Count == 1)
            {
                // 单位：元 on a line of its own (above the table, or above the 项目资金 block).
                if (cur is not null && cur.FundLines.Count == 0 && !cur.Sources.ContainsKey("funds.unit"))
                {
                    cur.FundUnit = unitCell;
                }
                else
                {
                    pendingUnit = unitCell;
                }

                return;
            }

            if (filled.Count == 1 && CellText.Compact(first).Length <= 14 && YearOnly().IsMatch(CellText.Compact(first)))
            {
                string? y = HeaderWords.Year(first);
                if (cur is not null && cur.Year is null && !HasContent(cur))
                {
                    Set("year", y, row[filled[0]]);
                }
                else
                {
                    pendingYear = y;
                }

                return;
            }

            if (MetaRow(row, texts, filled))
            {
                return;
            }

            if (HeaderWords.IsFundHeader(texts))
            {
                Start();
                mode = Mode.Funds;
                fundFields = texts.Select(HeaderWords.Fund).ToList();
                fundWidths = grid.Loose || grid.Stream ? null : row.Select(c => c.Width).ToList();

                // The cells before the first column of figures label the block, whatever their wording
                // (年度预算资金（万元）, 预算执行情况（万元）): they hold no values.
                for (int i = 0; i < fundFields.Count && fundFields[i] is FundField.Unknown or FundField.Label; i++)
                {
                    fundFields[i] = FundField.Label;
                }
                if (FundUnit().Match(CellText.Compact(string.Concat(texts))) is { Success: true } u)
                {
                    cur!.FundUnit = u.Groups["u"].Value;
                    cur.Sources["funds.unit"] = row[0].Source;
                }
                else if (MoneyUnit().Match(CellText.Compact(string.Concat(texts))) is { Success: true } other)
                {
                    // A money unit this reader does not know (美元, 十万元): named, never silently read as 万元.
                    Unread(other.Groups["u"].Value, row[0].Source, "表头", "the header");
                }

                for (int i = 0; i < fundFields.Count; i++)
                {
                    if (fundFields[i] == FundField.Unknown)
                    {
                        cur!.Warn("funds", row[i].Source, $"无法识别资金表头“{texts[i]}”，该列未读取", $"fund column \"{texts[i]}\" not recognised; its cells were not read");
                    }
                }

                return;
            }

            if (HeaderWords.IsIndicatorHeader(texts))
            {
                // The header repeated at the top of a table continued over a page break: the rows go on under the 一级/二级 above.
                bool continued = cur is { Indicators.Count: > 0 } && mode == Mode.Indicators && indicatorTexts.Select(CellText.Compact).SequenceEqual(texts.Select(CellText.Compact));
                Start();
                mode = Mode.Indicators;
                indicatorFields = [];
                indicatorTexts = texts;
                var exactFields = texts.Select(x => (Field: HeaderWords.Indicator(x, out bool e), Exact: e)).Where(x => x.Exact).Select(x => x.Field).ToHashSet();
                for (int i = 0; i < texts.Count; i++)
                {
                    IndicatorField f = HeaderWords.Indicator(texts[i], out bool exact);
                    if (!exact && exactFields.Contains(f) && HeaderWords.IsRateColumn(texts[i]))
                    {
                        // 完成率 beside 实际完成值: a ratio the scorer computes itself; the column is not read.
                        indicatorFields.Add(IndicatorField.Unknown);
                        continue;
                    }

                    indicatorFields.Add(f);
                    if (continued || (f == IndicatorField.Unknown && SerialHeader(texts[i])))
                    {
                        continue;
                    }

                    if (f == IndicatorField.Unknown)
                    {
                        cur!.Warn("indicators", row[i].Source, $"无法识别指标表头“{texts[i]}”，该列未读取", $"indicator column \"{texts[i]}\" not recognised; its cells were not read");
                    }
                    else if (f is IndicatorField.TargetActual or IndicatorField.ActualTarget)
                    {
                        cur!.Warn("indicators", row[i].Source, $"“{texts[i]}”一列中每格含指标值和完成值，按分隔符（/、换行或“目标…完成…”）拆分读取",
                            $"column \"{texts[i]}\" holds the target and the actual in each cell; each cell split at its separator");
                    }
                    else if (!exact && f != IndicatorField.Label)
                    {
                        cur!.Warn("indicators", row[i].Source, $"表头“{texts[i]}”按“{FieldName(f)}”读取（推测）", $"header \"{texts[i]}\" read as {f} (guessed)");
                    }
                }

                if (!continued)
                {
                    level1 = null;
                    level2 = null;
                }

                subHeaderMayFollow = true;
                return;
            }

            if (mode != Mode.Indicators && HeaderWords.LooksLikeIndicatorHeader(texts))
            {
                // An indicator header without a target and an actual column the importer reads: its rows are no fund lines.
                Start();
                mode = Mode.Skip;
                string columns = string.Join("、", filled.Select(i => $"“{texts[i]}”"));
                cur!.Warn("indicators", row[filled[0]].Source, $"绩效指标表头（{columns}）中未找到可读取的“年度指标值”和“实际完成值”列，本表的绩效指标未读取",
                    $"the indicator header ({columns}) has no 年度指标值 (target) and 实际完成值 (actual) columns the importer can read; no indicator of this table was read");
                return;
            }

            bool afterHeader = subHeaderMayFollow;
            subHeaderMayFollow = false;
            if (afterHeader && mode == Mode.Indicators && SubHeader(texts, filled))
            {
                return;
            }

            string firstKey = Stripped(first);
            if (firstKey.StartsWith("年度总体目标", StringComparison.Ordinal) || firstKey.StartsWith("总体目标", StringComparison.Ordinal)
                || firstKey.StartsWith("资金管理情况", StringComparison.Ordinal) || firstKey is "预期目标" or "说明" or "备注" || firstKey.StartsWith("填报说明", StringComparison.Ordinal))
            {
                mode = Mode.Skip;
                return;
            }

            if (mode == Mode.Funds && FundRows.IsTotalLine(first))
            {
                UnitInLabel(row, texts, filled);
                // 合计 / 总计 in the 项目资金 block is its total line (江西: last, under the parts), not the 总分 row.
                FundRows.Read(cur!, row, texts, fundFields, fundWidths);
                return;
            }

            if (filled.FirstOrDefault(i => HeaderWords.IsTotal(texts[i]), -1) is int totalAt and >= 0 && cur is not null)
            {
                TotalRow(row, texts, totalAt);
                mode = Mode.None;
                return;
            }

            if (mode == Mode.Funds)
            {
                UnitInLabel(row, texts, filled);
            }

            switch (mode)
            {
                case Mode.Funds:
                    FundRows.Read(cur!, row, texts, fundFields, fundWidths);
                    break;
                case Mode.Indicators when IndicatorRows.Section(cur!, row, texts, indicatorFields, ref level1, ref level2):
                    break;
                case Mode.Indicators:
                    IndicatorRows.Read(cur!, row, texts, indicatorFields, grid.Loose, ref level1, ref level2);
                    break;
            }
        }

        /// <summary>
        /// The second row of a two-row header (<c>偏差原因 | 改进措施</c> under a spanning
        /// <c>偏差原因分析及改进措施</c>): its words name the columns under the spanning cell; its empty
        /// cells keep the columns of the row above. A run of filled cells stands under one spanning cell
        /// when the row above has fewer cells.
        /// </summary>
        private bool SubHeader(List<string> texts, List<int> filled)
        {
            if (filled.Any(i => HeaderWords.Indicator(texts[i], out _) is IndicatorField.Unknown or IndicatorField.Label || CellText.Number(texts[i], out _, out _) is not null))
            {
                return false;
            }

            // The row above spans the filled run when it has fewer cells, or when its cell there names them all (偏差原因分析及改进措施 over 偏差原因 | 改进措施).
            int runAt = filled[0];
            bool spanning = texts.Count > indicatorFields.Count
                || (runAt < indicatorTexts.Count && filled.Count > 1 && filled.All(i => CellText.Compact(indicatorTexts[runAt]).Contains(CellText.Compact(texts[i]), StringComparison.Ordinal)));
            var fields = new List<IndicatorField>();
            int j = 0;
            for (int i = 0; i < texts.Count; i++)
            {
                bool word = !CellText.IsBlank(texts[i]);
                bool underSameSpan = spanning && word && i > 0 && !CellText.IsBlank(texts[i - 1]);
                if (!underSameSpan)
                {
                    j++;
                }

                if (j > indicatorFields.Count)
                {
                    return false;
                }

                fields.Add(word ? HeaderWords.Indicator(texts[i], out _) : indicatorFields[j - 1]);
            }

            fields.AddRange(indicatorFields.Skip(j));
            indicatorFields = fields;
            return true;
        }

        private bool IsBoundary(List<GridCell> piece)
        {
            var texts = piece.Select(c => CellText.Clean(c.Text)).ToList();
            string first = texts.FirstOrDefault(t => !CellText.IsBlank(t)) ?? string.Empty;
            string key = Stripped(first);
            return HeaderWords.IsTitle(first) || HeaderWords.IsTotal(first) || MetaLabel(key) is not null || LabelAndValue(first) is not null
                || key.StartsWith("总体目标", StringComparison.Ordinal) || key.StartsWith("年度总体目标", StringComparison.Ordinal)
                || key.StartsWith("资金管理情况", StringComparison.Ordinal) || key is "说明" or "预期目标"
                || HeaderWords.IsFundHeader(texts) || HeaderWords.IsIndicatorHeader(texts);
        }

        private void Start()
        {
            if (cur is not null)
            {
                return;
            }

            tableNo++;
            cur = new ImportedTable { Source = tableNo == 1 ? grid.Name : $"{grid.Name} 第{tableNo}张表" };
            cur.Year = pendingYear;
            cur.FundUnit = pendingUnit ?? cur.FundUnit;
            if (pendingUnread is { } unread)
            {
                pendingUnread = null;
                Unread(unread.Unit, unread.Source, unread.Zh, unread.En);
            }

            if (pendingTitle is not null && pendingTitle.Contains("转移支付", StringComparison.Ordinal))
            {
                cur.Kind = "transfer";
            }

            cur.Sources["tableTitle"] = pendingTitle ?? string.Empty;
            level1 = null;
            level2 = null;
        }

        private void Finish()
        {
            if (cur is null)
            {
                return;
            }

            ImportedTable t = cur;
            cur = null;
            mode = Mode.None;
            string? heading = t.Sources.TryGetValue("tableTitle", out string? h) && h.Length > 0 ? h : pendingTitle;
            t.Sources.Remove("tableTitle");
            pendingTitle = null;
            pendingUnit = null;
            pendingUnread = null;
            if (!HasContent(t))
            {
                tableNo--;
                return;
            }

            bool scored = t.Indicators.Any(i => i.Weight is not null || i.PrintedScore is not null) || t.FundWeight is not null;
            if (!scored && (t.Kind == "transfer" || !indicatorFields.Contains(IndicatorField.Weight)))
            {
                t.Kind = "transfer";
            }

            if (t.Title is null && heading is not null && t.Department is not null && FundMagnitude.IsDepartmentWide(heading))
            {
                // A 部门整体支出 table names its 部门（单位）, not a project: its title is the heading's, as printed.
                t.Title = TitleFrom(heading) ?? CellText.Compact(heading);
            }
            else if (t.Title is null)
            {
                t.Title = (heading is not null ? TitleFrom(heading) : null) ?? "未命名项目";
                t.TitleGuessed = true;
                t.Warn("title", t.Source, $"未找到项目名称，按“{t.Title}”读取（推测）", $"no 项目名称 found; title taken as \"{t.Title}\" (guessed)");
            }

            if (t.Indicators.Count == 0 && !t.Warnings.Any(w => w.Path == "indicators"))
            {
                t.Warn("indicators", t.Source, "未找到绩效指标表头（须有三级指标、年度指标值、实际完成值等列），本表未读到绩效指标",
                    "no indicator header found (it names 三级指标, 年度指标值 and 实际完成值); no indicator of this table was read");
            }

            FundRows.Arrange(t);
            t.Region = RegionOf(t.Department) ?? RegionOf(t.Implementer) ?? RegionOf(heading);
            FundUnits.ToContractUnit(t);
            FundMagnitude.Check(t, heading);
            if (grid.Skipped is { } skipped)
            {
                t.Warn("source", grid.Name, skipped.Zh, skipped.En);
            }

            tables.Add(t);
        }

        private static bool HasContent(ImportedTable t) => t.Indicators.Count > 0 || t.FundLines.Count > 0;

        internal static string Stripped(string text) => BracketText().Replace(CellText.Compact(text), string.Empty).TrimEnd(':', '：');
    }

    private static string FieldName(IndicatorField f) => f switch
    {
        IndicatorField.Level1 => "一级指标",
        IndicatorField.Level2 => "二级指标",
        IndicatorField.Name => "三级指标",
        IndicatorField.Nature => "指标性质",
        IndicatorField.Target => "年度指标值",
        IndicatorField.Unit => "计量单位",
        IndicatorField.Actual => "实际完成值",
        IndicatorField.Weight => "分值",
        IndicatorField.Score => "得分",
        IndicatorField.Note => "偏差原因分析及改进措施",
        IndicatorField.TargetActual => "年度指标值/实际完成值",
        IndicatorField.ActualTarget => "实际完成值/年度指标值",
        _ => f.ToString(),
    };

    [GeneratedRegex(@"^[(（]?(19|20)\d{2}年度?[)）]?$")]
    private static partial Regex YearOnly();

    /// <summary>A 序号 / 编号 column: numbers the rows, holds no value; not worth a warning.</summary>
    private static bool SerialHeader(string text) => CellText.Compact(text) is "序号" or "编号" or "序" or "No." or "NO." or "No";

    [GeneratedRegex(@"[（(][^()（）]*[)）]")]
    private static partial Regex BracketText();
}
