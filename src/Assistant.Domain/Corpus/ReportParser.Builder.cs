using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Domain.Corpus;

/// <summary>The structure a report is read into: sections, statements, table rows and passages, built block by block.</summary>
public static partial class ReportParser
{
    // ---------------------------------------------------------------- structure

    private sealed class Builder
    {
        private readonly List<string> styles = [];
        private readonly List<(string Heading, SectionKind Kind)> path = [];
        private readonly List<string> paragraphs = [];
        private int tableIndex = -1;
        private bool inRows;
        private string? tableFund;
        private bool tableHasReasonColumn;
        private bool seenPart;
        private string? subFund;
        private bool awaitingTitle;
        private string? lastRun;

        public List<ReportSection> Sections { get; } = [];
        public List<IndicatorStatement> Statements { get; } = [];
        public List<TableRow> Rows { get; } = [];
        public List<Passage> Passages { get; } = [];
        public List<string> Preamble { get; } = [];

        private SectionKind CurrentKind => path.Count == 0 ? SectionKind.Other : path[^1].Kind;

        private string CurrentPath => string.Join(" / ", path.Select(p => p.Heading));

        public void Run(List<Block> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block.Type)
                {
                    case BlockType.Heading:
                        inRows = false;
                        if (block.Style == "Z" && !seenPart)
                        {
                            // 附件4 above the title is a label, not a section.
                            Preamble.Add(block.Text);
                            continue;
                        }

                        if (block.Style is "A" or "Z")
                        {
                            seenPart = true;
                        }

                        if (!seenPart && block.Style is "md" or "C" && Sections.Count == 0)
                        {
                            Preamble.Add(block.Text);
                            continue;
                        }

                        Flush();
                        Enter(block);
                        break;
                    case BlockType.Row:
                        if (!inRows)
                        {
                            tableIndex++;
                            inRows = true;
                            tableHasReasonColumn = false;
                        }

                        Rows.Add(new TableRow(tableIndex, Rows.Count(r => r.Table == tableIndex), block.Cells!));
                        Row(block.Cells!);
                        break;
                    default:
                        inRows = false;
                        if (awaitingTitle && block.Text.Length <= 60 && !EndsSentence(block.Text))
                        {
                            // 附表3's title line names the table's project: its section and its fund.
                            awaitingTitle = false;
                            string title = ReportSubject.TitleOf(block.Text);
                            if (ReportSubject.Project(title) is not null)
                            {
                                int at = path.Count - 1;
                                path[at] = (path[at].Heading + " " + title, path[at].Kind);
                                Sections[^1] = Sections[^1] with { Heading = path[at].Heading, Path = CurrentPath };
                                subFund = ReportSubject.Project(title);
                                continue;
                            }
                        }

                        if (!seenPart && Sections.Count == 0)
                        {
                            Preamble.Add(block.Text);
                            if (block.Text.Length <= 60)
                            {
                                continue;
                            }
                        }

                        paragraphs.Add(block.Text);
                        break;
                }
            }

            Flush();
        }

        private void Enter(Block block)
        {
            var style = block.Style;
            if (style is "A" or "Z")
            {
                styles.Clear();
                path.Clear();
                tableFund = null;
            }

            awaitingTitle = style == "Z";

            int at = styles.IndexOf(style);
            if (at >= 0)
            {
                styles.RemoveRange(at, styles.Count - at);
                path.RemoveRange(Math.Min(at, path.Count), path.Count - Math.Min(at, path.Count));
            }

            if (style == "md" && FundName().IsMatch(block.Text))
            {
                // 扎兰屯 groups indicators under the fund they belong to.
                subFund = block.Text;
            }
            else if (style is "A" or "B" or "C" or "Z")
            {
                subFund = ReportSubject.Project(block.Text);
            }

            var parent = CurrentKind;
            bool inDeviationPart = path.Count > 0 && path[0].Kind is SectionKind.DeviationReason or SectionKind.ImprovementMeasure;
            var kind = Classify(block.Text, parent, inDeviationPart, path.Count == 0);
            styles.Add(style);
            path.Add((block.Text, kind));
            Sections.Add(new ReportSection(Sections.Count, path.Count, block.Number, block.Text, CurrentPath, kind, string.Empty));
        }

        private void Flush()
        {
            if (paragraphs.Count == 0)
            {
                return;
            }

            var text = string.Join("\n", paragraphs);
            if (Sections.Count == 0)
            {
                Sections.Add(new ReportSection(0, 1, string.Empty, "前言", "前言", SectionKind.Other, text));
                path.Add(("前言", SectionKind.Other));
                styles.Add("preamble");
            }
            else
            {
                var last = Sections[^1];
                Sections[^1] = last with { Text = last.Text.Length == 0 ? text : last.Text + "\n" + text };
            }

            foreach (var paragraph in MergeShort(paragraphs))
            {
                if (ReasonCell().Match(paragraph) is { Success: true } cell && lastRun is { } row)
                {
                    // 未完成原因：… under a row (带动城镇新增就业人数（万人） 1.6 1.51): that row's reason.
                    string? indicator = RowLabel(row);
                    var values = RowLabelPattern().Match(row);
                    string reasonText = indicator is null || !values.Success
                        ? paragraph
                        : $"{indicator}：年度指标值{values.Groups["t"].Value}，实际完成值{values.Groups["a"].Value}。{paragraph}";
                    if (indicator is not null && values.Success)
                    {
                        Statements.Add(new IndicatorStatement(indicator, values.Groups["t"].Value, values.Groups["a"].Value, paragraph, null,
                            paragraph.StartsWith('未'), subFund ?? tableFund, CurrentPath, reasonText));
                    }

                    Add(reasonText, SectionKind.DeviationReason, CurrentPath, indicator, null);
                    lastRun = null;
                    continue;
                }

                lastRun = paragraph.Length < 80 && paragraph.Any(char.IsAsciiDigit) ? paragraph : null;
                Paragraph(paragraph);
            }

            paragraphs.Clear();
        }

        private void Paragraph(string paragraph)
        {
            var kind = CurrentKind;
            var sectionPath = CurrentPath;
            bool deviation = kind == SectionKind.DeviationReason;
            bool statementsAllowed = kind is SectionKind.Indicator or SectionKind.DeviationReason;
            var pending = new List<(string Text, SectionKind Kind)>();
            Draft? open = null;
            bool measuresFollow = false;

            void CloseStatement()
            {
                if (open is null)
                {
                    return;
                }

                Emit(open, sectionPath, kind);
                open = null;
            }

            foreach (var clause in Sentences(paragraph))
            {
                if (statementsAllowed && Statement.TryMatch(clause, out var found))
                {
                    FlushPending(pending, sectionPath);
                    CloseStatement();
                    open = new Draft(found, clause);
                    continue;
                }

                if (open is not null && (IsReason(clause) || (deviation && !IsMeasure(clause))))
                {
                    open.Reasons.Add(clause);
                    continue;
                }

                if (open is not null && IsMeasure(clause))
                {
                    open.Measures.Add(clause);
                    continue;
                }

                CloseStatement();
                if (deviation && (measuresFollow || (IsMeasure(clause) && !IsReason(clause))))
                {
                    measuresFollow = true;
                    pending.Add((clause, SectionKind.ImprovementMeasure));
                }
                else
                {
                    pending.Add((clause, kind));
                }
            }

            CloseStatement();
            FlushPending(pending, sectionPath);
        }

        /// <summary>Runs of short lines (a table dumped one cell per line) become one paragraph.</summary>
        /// <summary>The label of a row dumped as one line (带动城镇新增就业人数（万人） 1.6 1.51 → 带动城镇新增就业人数).</summary>
        private static string? RowLabel(string row)
        {
            var m = RowLabelPattern().Match(row);
            if (!m.Success)
            {
                return null;
            }

            // Cells before the label are level names (效 益 指 标, 经济效益 指标); the label is the run after them.
            var tokens = m.Groups["label"].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var label = new List<string>();
            for (int i = tokens.Length - 1; i >= 0 && tokens[i].Length > 1 && !tokens[i].EndsWith("指标", StringComparison.Ordinal); i--)
            {
                label.Insert(0, tokens[i]);
            }

            return label.Count == 0 ? null : CompactName(string.Concat(label));
        }

        private static IEnumerable<string> MergeShort(List<string> lines)
        {
            var run = new StringBuilder();
            foreach (var line in lines)
            {
                if (line.Length < 40 && !EndsSentence(line))
                {
                    run.Append(run.Length > 0 ? " " : string.Empty).Append(line);
                    continue;
                }

                if (run.Length > 0)
                {
                    yield return run.ToString();
                    run.Clear();
                }

                yield return line;
            }

            if (run.Length > 0)
            {
                yield return run.ToString();
            }
        }

        private void FlushPending(List<(string Text, SectionKind Kind)> pending, string sectionPath)
        {
            pending = pending.SelectMany(p => SplitLong(p.Text).Select(t => (t, p.Kind))).ToList();
            var chunk = new StringBuilder();
            SectionKind? chunkKind = null;
            foreach (var (text, kind) in pending)
            {
                if (chunk.Length > 0 && (kind != chunkKind || chunk.Length + text.Length > TargetPassageChars))
                {
                    Add(chunk.ToString(), chunkKind!.Value, sectionPath, null, null);
                    chunk.Clear();
                }

                chunkKind = kind;
                chunk.Append(text);
            }

            if (chunk.Length > 0)
            {
                Add(chunk.ToString(), chunkKind!.Value, sectionPath, null, null);
            }

            pending.Clear();
        }

        private void Emit(Draft draft, string sectionPath, SectionKind sectionKind)
        {
            var s = draft.Found;
            var inline = s.InlineReason;
            var reasonText = string.Concat(draft.Reasons);
            var reason = (inline + reasonText).Trim();
            var measure = string.Concat(draft.Measures).Trim();
            if (measure.Length == 0 && reason.Length > 0)
            {
                var split = MeasureInReason().Match(reason);
                if (split.Success && split.Index > 0)
                {
                    measure = reason[split.Index..].Trim('，', ',', '。');
                }
            }

            bool shortfall = s.NumericShortfall ?? (s.ShortfallWords || (reason.Length > 0 && !s.OvershootWords));
            var statementText = draft.Clause + reasonText;
            Statements.Add(new IndicatorStatement(
                s.Name, s.Target, s.Actual, reason.Length > 0 ? reason : null, measure.Length > 0 ? measure : null,
                shortfall, subFund ?? tableFund, sectionPath, statementText + string.Concat(draft.Measures)));
            var kind = sectionKind == SectionKind.DeviationReason || reason.Length > 0 ? SectionKind.DeviationReason : SectionKind.Indicator;
            Add(statementText, kind, sectionPath, s.Name, null);
            if (draft.Measures.Count > 0)
            {
                Add(string.Concat(draft.Measures), SectionKind.ImprovementMeasure, sectionPath, s.Name, null);
            }
        }

        private void Row(IReadOnlyList<string> cells)
        {
            var nonEmpty = cells.Where(c => c.Length > 0).ToArray();
            int nameCell = Array.FindIndex(nonEmpty, c => c is "项目名称");
            if (nameCell >= 0 && nameCell + 1 < nonEmpty.Length)
            {
                tableFund = nonEmpty[nameCell + 1];
                return;
            }

            if (nonEmpty.Any(c => c.Contains("偏差原因", StringComparison.Ordinal) || c.Contains("未完成原因", StringComparison.Ordinal)))
            {
                tableHasReasonColumn = true;
                return;
            }

            if (nonEmpty.Any(c => c is "三级指标" or "年度指标值" or "年初预算数" || c.StartsWith("年初预", StringComparison.Ordinal)))
            {
                return;
            }

            var sectionPath = path.Count == 0 ? "表" : CurrentPath;
            if (FundRow().IsMatch(nonEmpty[0]) && nonEmpty.Skip(1).Any(c => NumberCell().IsMatch(c)))
            {
                Add(string.Join("，", nonEmpty), SectionKind.Funds, sectionPath, null, tableFund);
                return;
            }

            int v = Array.FindIndex(nonEmpty, IsValueCell);
            if (v >= 1 && v + 1 < nonEmpty.Length && !IsValueCell(nonEmpty[v - 1]) && !LevelLabel().IsMatch(nonEmpty[v - 1]))
            {
                var name = CompactName(nonEmpty[v - 1]);
                var target = nonEmpty[v];
                var actual = nonEmpty[v + 1];
                string? reason = null;
                var lastCell = nonEmpty[^1];
                if (nonEmpty.Length - 1 > v + 1 && !IsValueCell(lastCell) && !NumberCell().IsMatch(lastCell) && (tableHasReasonColumn || lastCell.Length > 4))
                {
                    reason = lastCell.Replace(" ", string.Empty, StringComparison.Ordinal);
                }

                var text = string.Create(CultureInfo.InvariantCulture, $"{CjkSpace().Replace(nonEmpty[v - 1], string.Empty)}：年度指标值{target}，实际完成值{actual}");
                var scores = nonEmpty.Skip(v + 2).TakeWhile(c => NumberCell().IsMatch(c)).ToArray();
                if (scores.Length >= 2)
                {
                    text += $"，分值{scores[0]}，得分{scores[1]}";
                }

                text += "。";
                if (reason is not null)
                {
                    text += "偏差原因分析及改进措施：" + reason + (EndsSentence(reason) ? string.Empty : "。");
                }

                Statements.Add(new IndicatorStatement(name, target, actual, reason, null, reason is not null, tableFund, sectionPath, text));
                Add(text, reason is null ? SectionKind.Indicator : SectionKind.DeviationReason, sectionPath, name, tableFund);
                return;
            }

            var joined = string.Join("，", nonEmpty);
            if (joined.Length >= 8)
            {
                Add(joined, SectionKind.Other, sectionPath, null, tableFund);
            }
        }

        private void Add(string text, SectionKind kind, string sectionPath, string? indicator, string? fund)
        {
            text = text.Trim();

            // A bare label (a fund name left between headings) says nothing on its own.
            if (text.Length == 0 || (text.Length < 12 && !EndsSentence(text) && !text.Any(char.IsAsciiDigit)))
            {
                return;
            }

            Passages.Add(new Passage(Passages.Count, text, kind, sectionPath, indicator, fund ?? subFund ?? tableFund));
        }
    }

    private sealed class Draft(Statement found, string clause)
    {
        public Statement Found { get; } = found;
        public string Clause { get; } = clause;
        public List<string> Reasons { get; } = [];
        public List<string> Measures { get; } = [];
    }
}
