namespace Assistant.Domain.Importing;

/// <summary>
/// A table printed by <c>pdftotext -layout</c> from a PDF whose long cells wrap inside their columns, the rows packed
/// line after line with no blank line between them (Word and Excel tables printed by LibreOffice, a cell's text at
/// its top): a row's first line carries its figures (分值 and 得分, or the target and the actual in a table without
/// scores; the budget columns of a fund line), and the lines under it with text only in a column's span and nothing
/// in those figure columns are the wrapped ends of its cells (<c>机关事业单位实习</c> / <c>生数量</c>, <c>19.50</c> /
/// <c>%</c>), joined to the cell above in their column. A merged 一级/二级 cell printed once, wrapped over the rows
/// it spans (<c>产出指</c> / <c>标</c>), is joined while it is unfinished and then stands for the rows under it. Headers
/// may wrap too (<c>一级指</c> / <c>标</c>): the header is the run of lines around its main line that names the
/// most fields. The columns are where the header and the section's full lines place their words.
/// </summary>
public static partial class PdfLayoutBlocks
{
    /// <summary>
    /// The text rewritten as tab-separated rows (each at its first line, its wrapped lines blank), or null when the
    /// text has no fund or indicator header, or no cell of its tables wraps (the copy is read as it is).
    /// </summary>
    public static string[]? Wrapped(string[] lines) => Wrapped(lines, out _);

    /// <summary>
    /// As <see cref="Wrapped(string[])"/>; <paramref name="refusedLine"/> is the 1-based line whose row cannot be told
    /// (a line of words only, without 分值 and 得分, that may begin a row or carry on the one above; a row missing a figure
    /// the rows around it have), the text then not read this way and null returned. It is 0 when null is returned
    /// because the copy is not of this layout: its cells do not begin at the top of their rows (a section's first line
    /// carries no row's figures, or a line under a row's first line has a word in a column where that row has no cell
    /// yet, or a new merged 一级/二级 cell starts between two rows' first lines — a cell centred in its row, as a
    /// browser prints it, or a table pasted from elsewhere).
    /// </summary>
    public static string[]? Wrapped(string[] lines, out int refusedLine) => Read(lines, out refusedLine, centred: false);

    /// <summary>The wrapped reading shared by the top-aligned (<see cref="Wrapped(string[], out int)"/>) and centred (<see cref="Centred(string[], out int)"/>) layouts.</summary>
    private static string[]? Read(string[] lines, out int refusedLine, bool centred)
    {
        ArgumentNullException.ThrowIfNull(lines);
        refusedLine = 0;
        string[] text = [.. lines.Select(l => l.Replace('\f', ' ').Replace('\u3000', ' ').TrimEnd())];
        var output = new string[text.Length];
        var headers = new List<(int From, int To, int Main, List<(int Start, string Text)> Cells, bool Fund)>();
        for (int h = 0; h < text.Length; h++)
        {
            if (HeaderAt(text, h) is { } found)
            {
                headers.Add(found);
                h = found.To;
            }
        }

        if (headers.Count == 0)
        {
            return null;
        }

        int wraps = 0;
        int end = 0;
        int ambiguous;
        try
        {
            ambiguous = Sections(text, headers, output, ref wraps, ref end, centred);
        }
        catch (NotTopAlignedException)
        {
            return null;
        }

        if (ambiguous >= 0)
        {
            // Every section was of this layout, but a line in one of them cannot be given to a row: refused, not guessed.
            refusedLine = ambiguous + 1;
            return null;
        }

        MetaLines(text, end, text.Length, output);
        if (centred)
        {
            CentredLabels(text, headers[0].From, output);
        }

        return wraps > 0 ? output : null;
    }

    /// <summary>The section's total line (合计/总分) written as its row; true when <paramref name="ws"/> is it.</summary>
    private static bool WroteTotal(List<Word> ws, List<Col> fields, string[] output, int i)
    {
        if (!TotalWord().IsMatch(ws[0].Text))
        {
            return false;
        }

        Dictionary<int, string> total = TotalRow([ws], fields);
        output[i] = string.Join('\t', Enumerable.Range(0, fields.Count).Select(j => total.GetValueOrDefault(j, string.Empty)));
        return true;
    }

    /// <summary>Reads every section; returns the first (0-based) line that cannot be given to a row, or -1.</summary>
    private static int Sections(string[] text, List<(int From, int To, int Main, List<(int Start, string Text)> Cells, bool Fund)> headers, string[] output, ref int wraps, ref int end, bool centred = false)
    {
        int ambiguous = -1;
        for (int x = 0; x < headers.Count; x++)
        {
            var hd = headers[x];
            MetaLines(text, end, hd.From, output);
            int stop = x + 1 < headers.Count ? headers[x + 1].From : text.Length;
            for (int i = hd.From; i <= hd.To; i++)
            {
                output[i] = string.Empty;
            }

            try
            {
                end = hd.Fund
                    ? WrappedFunds(text, hd.Cells, hd.Main, hd.To + 1, stop, output, ref wraps, centred)
                    : WrappedIndicators(text, hd.Cells, hd.Main, hd.To + 1, stop, output, ref wraps, centred);
            }
            catch (AmbiguousException a)
            {
                // The other sections are still read: one of them may show the copy is not of this layout at all.
                ambiguous = ambiguous < 0 ? a.Line : ambiguous;
                end = stop;
            }
        }

        return ambiguous;
    }

    /// <summary>The copy's cells do not begin at the top of their rows: not this layout (the other readers take it).</summary>
    private sealed class NotTopAlignedException : Exception
    {
    }

    /// <summary>The header whose lines run around line <paramref name="h"/> (up to two above and two below, none with a figure), naming the most fields.</summary>
    private static (int From, int To, int Main, List<(int Start, string Text)> Cells, bool Fund)? HeaderAt(string[] text, int h)
    {
        if (text[h].Trim().Length == 0 || Words(text[h]).Any(w => IsValue(w.Text)))
        {
            return null;
        }

        (int From, int To, int Main, List<(int Start, string Text)> Cells, bool Fund)? best = null;
        int bestScore = 0;
        for (int b = 0; b <= 2; b++)
        {
            for (int a = 0; a <= 2; a++)
            {
                int from = h - a;
                int to = h + b;
                if (from < 0 || to >= text.Length || Enumerable.Range(from, to - from + 1).Any(i => text[i].Trim().Length == 0 || Words(text[i]).Any(w => IsValue(w.Text))))
                {
                    continue;
                }

                List<(int Start, string Text)> cells = Cluster(text, [.. Enumerable.Range(from, to - from + 1)], out int main);
                bool fund = IsFundHeader(cells);
                if (main != h)
                {
                    // The header's main line is its fullest; a wrapped label above it (实施 / 单位) is no part of it.
                    continue;
                }

                if (!fund && !IsWrappedIndicatorHeader(cells))
                {
                    continue;
                }

                int score = fund ? cells.Count(c => FundField(c.Text) is not Col.Other) : cells.Count(c => WrappedIndicatorField(c.Text) is not Col.Other);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = (from, to, main, cells, fund);
                }
            }
        }

        return best;
    }

    /// <summary>Lines outside the tables as they are, except a label wrapped under itself (<c>实施</c> / <c>单位</c>) joined, the line's parts tab-separated.</summary>
    private static void MetaLines(string[] text, int from, int to, string[] output)
    {
        for (int i = from; i < to; i++)
        {
            output[i] = MetaCells(Words(text[i])) is { Count: > 1 } cells && cells.Any(c => TableLayout.MetaLabelOf(c) is not null) ? string.Join('\t', cells) : text[i];
            if (i + 1 < to && text[i + 1].Trim().Length > 0 && Words(text[i]) is { Count: >= 2 } top && Words(text[i + 1]) is { Count: > 0 } under
                && under.All(u => !IsValue(u.Text) && top.Any(t => Math.Abs(t.Start - u.Start) <= 2)
                    && (u.Text.Length <= 3 || under.Count == 1 && TableLayout.MetaLabelOf(u.Text) is null && top.Last() is var value && Math.Abs(value.Start - u.Start) <= 2 && TableLayout.MetaLabelOf(value.Text) is null)))
            {
                output[i] = string.Join('\t', Cluster(text, [i, i + 1], out _).Select(c => c.Text));
                output[++i] = string.Empty;
            }
        }
    }

    /// <summary>
    /// A line's cells: words a space apart are one cell (<c>2025 年农村…</c> is <c>2025年农村…</c>), except a label
    /// (实施单位, 主管部门) set a space before its value.
    /// </summary>
    private static List<string> MetaCells(List<Word> ws)
    {
        var cells = new List<string>();
        for (int x = 0; x < ws.Count; x++)
        {
            bool glued = x > 0 && ws[x].Start - ws[x - 1].End == 1 && TableLayout.MetaLabelOf(ws[x].Text) is null && TableLayout.MetaLabelOf(ws[x - 1].Text) is null;
            if (glued)
            {
                cells[^1] += ws[x].Text;
            }
            else
            {
                cells.Add(ws[x].Text);
            }
        }

        return cells;
    }

    /// <summary>
    /// Words a single space apart joined as one piece (<c>业 4208 人</c>), unless the second begins at a column's start
    /// (<c>业，拓宽就业困难人员就 生活质量</c>: a name's end, then the target's). On a row's first line (<paramref name="afterComma"/>)
    /// only words after a comma are joined (<c>降低创业成本, 增加</c>: a cell never ends in a comma), never a figure
    /// (<c>增殖放流大黄鱼、黑鲷等 ≥800万尾</c>, <c>为就业创业服务提供保障 提升就业创业服务</c> stay two cells).
    /// </summary>
    private static List<Word> Glued(List<Word> ws, List<int> starts, bool afterComma)
    {
        var result = new List<Word> { ws[0] };
        for (int x = 1; x < ws.Count; x++)
        {
            if (ws[x].Start - result[^1].End == 1 && !starts.Any(s => Math.Abs(s - ws[x].Start) <= 1)
                && !(afterComma && (IsValue(ws[x].Text) || IsValue(result[^1].Text) || !result[^1].Text.EndsWith(',') && !result[^1].Text.EndsWith('，') && !result[^1].Text.EndsWith('、'))))
            {
                result[^1] = new Word(result[^1].Text + ws[x].Text, result[^1].Start, ws[x].End);
            }
            else
            {
                result.Add(ws[x]);
            }
        }

        return result;
    }

    /// <summary>A figure and the unit pdftotext set a space after it (<c>1200 元/人</c>): one word.</summary>
    private static List<Word> WithUnits(List<Word> ws)
    {
        var result = new List<Word>(ws.Count);
        foreach (Word w in ws)
        {
            if (result.Count > 0 && w.Start - result[^1].End == 1
                && ((EndsInDigit().IsMatch(result[^1].Text) && RateUnit().IsMatch(w.Text)) || (result[^1].Text.EndsWith('年') && MonthDay().IsMatch(w.Text))
                    || (YearOnly().IsMatch(result[^1].Text) && w.Text.StartsWith('年') && w.Text.Length > 1 && !IsValue(w.Text))))
            {
                result[^1] = new Word(result[^1].Text + w.Text, result[^1].Start, w.End);
            }
            else
            {
                result.Add(w);
            }
        }

        return result;
    }

    /// <summary>
    /// The indicator header test of the wrapped reader: as the layout readers' one, but the target column may also be
    /// headed 年度目标值 or 年初目标值 (<see cref="WrappedIndicatorField"/>). Kept apart so the blank-separated reader
    /// (<see cref="Rewrite"/>) reads its copies exactly as before.
    /// </summary>
    private static bool IsWrappedIndicatorHeader(List<(int Start, string Text)> cells) =>
        cells.Count >= 4 && cells.Any(c => c.Text is "三级指标" or "指标名称") && cells.Any(c => WrappedIndicatorField(c.Text) == Col.Target);

    /// <summary>
    /// A header cell's field for the wrapped reader: 年度目标值 / 年初目标值 / 目标值 are the target, 实际完成情况 / 全年实际值 the
    /// actual, anything else as <see cref="IndicatorField"/> reads it.
    /// </summary>
    private static Col WrappedIndicatorField(string h) =>
        h.Contains("年度目标值", StringComparison.Ordinal) || h.Contains("年初目标值", StringComparison.Ordinal) || h == "目标值" ? Col.Target
        : h.Contains("实际完成情况", StringComparison.Ordinal) || h.Contains("全年实际值", StringComparison.Ordinal) ? Col.Actual
        : IndicatorField(h);

    private static int WrappedIndicators(string[] text, List<(int Start, string Text)> header, int headerLine, int from, int to, string[] output, ref int wraps, bool centred)
    {
        List<Col> fields = [.. header.Select(h => WrappedIndicatorField(h.Text))];
        output[headerLine] = string.Join('\t', header.Select(h => h.Text));
        bool scored = fields.Contains(Col.Weight) && fields.Contains(Col.Score);
        Func<HashSet<Col>, bool> starts = scored
            ? cols => cols.Contains(Col.Weight) || cols.Contains(Col.Score)
            : cols => cols.Contains(Col.Target) && cols.Contains(Col.Actual);
        return (centred ? (RowsReader)CentredRows : Rows)(text, [.. header.Select(h => h.Start)], fields, from, to, starts, output, ref wraps, rows =>
            LevelCells.Fill(rows, fields.IndexOf(Col.Level1), fields.IndexOf(Col.Level2)));
    }

    private static int WrappedFunds(string[] text, List<(int Start, string Text)> header, int headerLine, int from, int to, string[] output, ref int wraps, bool centred)
    {
        // Words before the first fund column (项目资金（万元）, wrapped: 项目资 / 金（万 / 元）) are the label, printed down the rows.
        string lead = string.Concat(header.TakeWhile(h => FundField(h.Text) == Col.Other).Select(h => h.Text));
        header = [.. header.SkipWhile(h => FundField(h.Text) == Col.Other)];
        var starts = new List<int> { 0, Math.Max(3, header[0].Start / 2) };
        starts.AddRange(header.Select(h => h.Start));
        var fields = new List<Col> { Col.Label, Col.FundName };
        fields.AddRange(header.Select(h => FundField(h.Text)));
        string label = lead;
        int end = (centred ? (RowsReader)CentredRows : Rows)(text, starts, fields, from, to, cols => cols.Contains(Col.Budget) || cols.Contains(Col.Executed) || cols.Contains(Col.Initial), output, ref wraps, rows =>
        {
            foreach (Dictionary<int, string> r in rows)
            {
                label += r.GetValueOrDefault(0, string.Empty);
                r.Remove(0);
            }
        });
        output[headerLine] = string.Join('\t', new[] { label, string.Empty }.Concat(header.Select(h => h.Text)));
        return end;
    }

    /// <summary>A section's row reader: <see cref="Rows"/> (cells at the top of their rows) or <see cref="CentredRows"/>.</summary>
    private delegate int RowsReader(string[] text, List<int> headerStarts, List<Col> fields, int from, int to, Func<HashSet<Col>, bool> startsRow,
        string[] output, ref int wraps, Action<List<Dictionary<int, string>>> finish);

    /// <summary>
    /// The section's rows from line <paramref name="from"/>: a line whose columns <paramref name="startsRow"/> accepts
    /// begins a row, any other line's words join the cells above in their columns; a total row (总分 …) ends the
    /// section. Returns the line after the section.
    /// </summary>
    private static int Rows(string[] text, List<int> headerStarts, List<Col> fields, int from, int to, Func<HashSet<Col>, bool> startsRow,
        string[] output, ref int wraps, Action<List<Dictionary<int, string>>> finish)
    {
        List<int> starts = Remeasure(text, [[.. Enumerable.Range(from, Math.Max(0, to - from)).Where(i => text[i].Trim().Length > 0)]], headerStarts, fields);
        var rows = new List<(Dictionary<int, List<string>> Cells, int Line)>();
        var open = new Dictionary<int, (int Row, bool Done)>();
        int ambiguous = -1;
        List<int> firstLine = [];
        // Without 分值 and 得分 a row's first line is told by its target and actual, and a wrapped cell's lines carry
        // them too (单位应缴纳的 / 三项社会保险): the widths of the columns' lines tell the two apart (TextRows).
        TextRows? textRows = !fields.Contains(Col.Weight) && fields.Contains(Col.Target) && fields.Contains(Col.Actual)
            ? new TextRows(text, starts, fields, from, to) : null;
        int i = from;
        for (; i < to; i++)
        {
            output[i] = string.Empty;
            List<Word> ws = WithUnits(Words(text[i]));
            if (ws.Count == 0)
            {
                continue;
            }

            if (WroteTotal(ws, fields, output, i))
            {
                i++;
                break;
            }

            int[] a = Align(ws, starts, fields, []);
            // The end of a budget figure broken across two lines (420. / 00, 1,02 / 0.00) is no row's figure.
            bool begins = startsRow([.. a.Where((j, x) => !(rows.Count > 0 && fields[j] is Col.Initial or Col.Budget or Col.Executed
                && rows[^1].Cells.TryGetValue(j, out List<string>? above) && BrokenFigure(string.Concat(above), ws[x].Text))).Select(j => fields[j])]);
            if (begins && Glued(ws, starts, afterComma: true) is { } oneCell && oneCell.Count < ws.Count)
            {
                // A cell with a space typed in it (降低创业成本, 增加): one cell, not two.
                ws = oneCell;
                a = Align(ws, starts, fields, []);
            }

            if (rows.Count == 0 && !begins)
            {
                // The section's first line carries no row's figures: its cells do not begin at the top of their rows.
                throw new NotTopAlignedException();
            }

            bool carriedOn = false;
            if (begins && textRows is not null && rows.Count > 0 && Glued(ws, [], afterComma: false) is { } carried
                && Align(carried, starts, fields, []) is { } at && textRows.CarriesOn(carried, at))
            {
                // Every cell of the line (its words a space apart one piece: 缴费额的 2/3。) carries on a cell of the row
                // above that filled its column's width on the line before.
                (begins, carriedOn, ws, a) = (false, true, carried, at);
            }

            if (!begins && !carriedOn && ws.Count > 1)
            {
                // A wrapped line is the ends of cells: words a space apart are one piece (业 4208人 is the end of 创业带动就业4208人).
                // A word where a cell of the row's first line began is that cell's, not the end of the one before it.
                ws = Glued(ws, [.. starts, .. firstLine], afterComma: false);
                a = Align(ws, starts, fields, []);
            }

            if (textRows is not null && rows.Count > 0 && (begins ? !a.Any(j => fields[j] == Col.Name) : !carriedOn && !textRows.Follows(ws, a)))
            {
                // Without 分值 and 得分: a row whose first line has no name, or a wrapped piece under an empty place in its
                // column (its cell ended lines above), cannot be placed (refused once the whole section is seen).
                ambiguous = ambiguous < 0 ? i : ambiguous;
            }

            if (begins)
            {
                rows.Add(([], i));
                firstLine = [.. ws.Select(w => w.Start)];
            }
            else
            {
                wraps++;
            }

            int r = rows.Count - 1;
            for (int x = 0; x < ws.Count; x++)
            {
                int j = a[x];
                string t = ws[x].Text;
                int target = r;
                bool merged = fields[j] is Col.Level1 or Col.Level2 or Col.Label;
                if (!begins && (merged ? !open.TryGetValue(j, out var m) || m.Done : !rows[r].Cells.ContainsKey(j)))
                {
                    // A wrapped piece where its row (or its merged cell) has no unfinished cell begun on a first line: the
                    // cell begins below its row's first line (centred in its row), not at its top.
                    throw new NotTopAlignedException();
                }

                if (merged)
                {
                    // A merged cell: its pieces join it until it is whole; a new one starts in the row whose first line it is on.
                    if (open.TryGetValue(j, out var o) && (!begins || !o.Done && t.Length <= 3))
                    {
                        target = o.Row;
                    }

                    if (target != r || !begins)
                    {
                        wraps += begins ? 1 : 0;
                    }
                }

                Dictionary<int, List<string>> cells = rows[target].Cells;
                if (!cells.TryGetValue(j, out List<string>? pieces))
                {
                    cells[j] = pieces = [];
                }

                pieces.Add(t);
                textRows?.Placed(i, j, ws[x], target == r, begins && x == 0);
                if (fields[j] is Col.Level1 or Col.Level2 or Col.Label)
                {
                    string whole = string.Concat(pieces);
                    open[j] = (target, whole.EndsWith("指标", StringComparison.Ordinal) || whole.EndsWith('）') || whole.EndsWith(')'));
                }
            }
        }

        List<Dictionary<int, string>> done = [.. rows.Select(r => r.Cells.ToDictionary(c => c.Key, c => string.Concat(c.Value)))];
        // Every row has the figures the first row has (a fund line its budgets, an indicator its target and actual):
        // a row without one had its figure taken by a neighbour's column.
        List<int> required = [.. Enumerable.Range(0, fields.Count).Where(j => (fields[j] is Col.Initial or Col.Budget or Col.Executed or Col.Target or Col.Actual) && done.Count > 0 && done[0].ContainsKey(j))];
        int note = fields.IndexOf(Col.Note);
        for (int k = 1; k < done.Count; k++)
        {
            // An indicator without its actual value but with a reason for it (城镇调查失业率 … 指标已取消) is whole.
            if (required.Any(j => !done[k].ContainsKey(j) && !(fields[j] == Col.Actual && note >= 0 && done[k].ContainsKey(note))))
            {
                ambiguous = ambiguous < 0 ? rows[k].Line : Math.Min(ambiguous, rows[k].Line);
            }
        }

        if (ambiguous >= 0)
        {
            throw new AmbiguousException(ambiguous);
        }

        finish(done);
        for (int k = 0; k < rows.Count; k++)
        {
            output[rows[k].Line] = string.Join('\t', Enumerable.Range(0, fields.Count).Select(j => done[k].GetValueOrDefault(j, string.Empty)));
        }

        return i;
    }

    /// <summary>
    /// Whether <paramref name="piece"/> is the end of the amount <paramref name="above"/> broken in its narrow column:
    /// after a decimal point (<c>420.</c> / <c>00</c>), in a thousands group (<c>1,02</c> / <c>0.00</c>), or in the cents
    /// (<c>12,046,000.0</c> / <c>0</c>); the amount joined is a whole amount with two decimals.
    /// </summary>
    private static bool BrokenFigure(string above, string piece) =>
        BrokenAbove().IsMatch(above) && piece.Length > 0 && piece.All(c => char.IsAsciiDigit(c) || c is '.' or ',') && Amount().IsMatch(above + piece);

    /// <summary>An amount cut short: it ends in a point, a comma, a thousands group of fewer than three digits, or one decimal.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}(,\d{3})*(\.|,|,\d{1,2}|\.\d)$|^\d+(\.|\.\d)$")]
    private static partial System.Text.RegularExpressions.Regex BrokenAbove();

    /// <summary>A whole amount with two decimals, with or without thousands separators.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,3}(,\d{3})+|\d+)\.\d{2}$")]
    private static partial System.Text.RegularExpressions.Regex Amount();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[\u4e00-\u9fff]{1,3}/[\u4e00-\u9fff·]{1,4}[）)]?$")]
    private static partial System.Text.RegularExpressions.Regex RateUnit();

    /// <summary>A year pdftotext set apart from the word after it (<c>2024 年安排经费</c>, <c>2024 年预算安排项</c>).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(19|20)\d{2}$")]
    private static partial System.Text.RegularExpressions.Regex YearOnly();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}月")]
    private static partial System.Text.RegularExpressions.Regex MonthDay();
}
