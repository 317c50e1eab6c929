namespace Assistant.Domain.Importing;

/// <summary>
/// A table printed by <c>pdftotext -layout</c> from a PDF whose cells are centred in their rows (Word's and Excel's
/// vertical centring): the cells that do not wrap sit on the row's middle line, with its figures (分值 and 得分, the
/// budgets of a fund line), and a wrapped cell's lines are printed around that line, as many above as below
/// (<c>数量指</c> / <c>标</c> one line over and one line under <c>20 19.00</c>; <c>部分农户购机意愿推</c> / <c>迟，下年度…</c> /
/// <c>简化申领流程</c> two over, on it, two under). A piece between two rows' middle lines is the lower half of the
/// row above when it mirrors a piece over that row's middle line, else the upper half of the row below, which must
/// then be mirrored under that row's middle line. A merged 一级/二级 cell is centred on the rows it spans: it goes to
/// the run of rows around its middle whose extent is centred on it, and only when no other run of rows fits as well.
/// </summary>
public static partial class PdfLayoutBlocks
{
    /// <summary>
    /// The text rewritten as tab-separated rows, or null. <paramref name="refusedLine"/> is the 1-based line that
    /// cannot be placed in a copy shown to be of this layout (a piece with no mirror across its row's middle line, a
    /// merged cell that fits two runs of rows, a row missing a figure the first row has); it is 0 when null is returned
    /// because the copy is not of this layout (no wrapped cell printed around its row's middle line before the first
    /// piece that cannot be placed, or no fund or indicator header).
    /// </summary>
    public static string[]? Centred(string[] lines, out int refusedLine) => Read(lines, out refusedLine, centred: true);

    /// <summary>The glued words of a wrapped line, split again where a word of a 一级/二级 column was joined to the next.</summary>
    private static List<Word> KeepLevels(List<Word> ws, int[] a, List<Col> fields, List<Word> glued)
    {
        var result = new List<Word>();
        foreach (Word g in glued)
        {
            List<int> inside = [.. Enumerable.Range(0, ws.Count).Where(x => ws[x].Start >= g.Start && ws[x].End <= g.End)];
            int cut = inside.FindIndex(x => fields[a[x]] is Col.Level1 or Col.Level2);
            if (inside.Count > 1 && cut >= 0 && cut + 1 < inside.Count)
            {
                // Words up to and including the level's piece stay as they were; the rest is glued again.
                result.AddRange(inside.Take(cut + 1).Select(x => ws[x]));
                List<Word> rest = [.. inside.Skip(cut + 1).Select(x => ws[x])];
                result.Add(new Word(string.Concat(rest.Select(w => w.Text)), rest[0].Start, rest[^1].End));
            }
            else
            {
                result.Add(g);
            }
        }

        return result;
    }

    /// <summary>
    /// A label of the top rows wrapped around its row's line (<c>实施</c> over, <c>单位</c> under the 主管部门 line): put
    /// back in its place on that line, its halves' lines left empty.
    /// </summary>
    private static void CentredLabels(string[] text, int to, string[] output)
    {
        for (int i = 1; i + 1 < to; i++)
        {
            if (Words(text[i - 1]) is [var over] && Words(text[i + 1]) is [var under] && Math.Abs(over.Start - under.Start) <= 1
                && TableLayout.MetaLabelOf(over.Text + under.Text) is not null && Words(text[i]) is { Count: >= 2 } line
                && line.All(w => w.End <= over.Start || w.Start >= over.Start + (over.Text + under.Text).Length))
            {
                List<Word> placed = [.. line.Append(new Word(over.Text + under.Text, over.Start, over.Start + (over.Text + under.Text).Length)).OrderBy(w => w.Start)];
                output[i] = string.Join('\t', MetaCells(placed));
                output[i - 1] = string.Empty;
                output[i + 1] = string.Empty;
            }
        }
    }

    /// <summary>
    /// The section's rows, each at its middle line (a line whose columns <paramref name="startsRow"/> accepts), the
    /// pieces around it joined to its cells in their columns. Returns the line after the section (after its total row).
    /// </summary>
    private static int CentredRows(string[] text, List<int> headerStarts, List<Col> fields, int from, int to, Func<HashSet<Col>, bool> startsRow,
        string[] output, ref int wraps, Action<List<Dictionary<int, string>>> finish)
    {
        List<int> starts = Remeasure(text, [[.. Enumerable.Range(from, Math.Max(0, to - from)).Where(i => text[i].Trim().Length > 0)]], headerStarts, fields);
        var anchors = new List<int>();
        // Every piece of the section: its line, its column, its text; claimed by a row (index) or not yet (-1).
        var pieces = new List<(int Line, int Col, string Text)>();
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
            bool begins = startsRow([.. a.Select(j => fields[j])]);
            if (Glued(ws, starts, afterComma: begins) is { } glued && glued.Count < ws.Count)
            {
                // On a middle line only words after a comma are one cell; elsewhere words a space apart are one piece
                // (2025 年 11), except a piece of a narrow 一级/二级 cell and the name beside it (可持续影响指 农机社会化…).
                List<Word> kept = begins ? glued : KeepLevels(ws, a, fields, glued);
                if (kept.Count < ws.Count)
                {
                    ws = kept;
                    a = Align(ws, starts, fields, []);
                }
            }

            if (begins)
            {
                anchors.Add(i);
            }

            for (int x = 0; x < ws.Count; x++)
            {
                pieces.Add((i, a[x], ws[x].Text));
            }
        }

        if (anchors.Count == 0)
        {
            throw new NotTopAlignedException();
        }

        int end = i;
        var owner = new int[pieces.Count];
        Array.Fill(owner, -1);
        // Shown to be of this layout once a wrapped cell is mirrored around its middle line, here or in a section above.
        bool shown = wraps > 0;
        void Fail(int line) => throw (shown ? new AmbiguousException(line) : new NotTopAlignedException());
        bool Merged(int j) => fields[j] is Col.Level1 or Col.Level2 or Col.Label;

        for (int r = 0; r < anchors.Count; r++)
        {
            int mid = anchors[r];
            int above = r > 0 ? anchors[r - 1] : from - 1;
            int below = r + 1 < anchors.Count ? anchors[r + 1] : end;
            for (int p = 0; p < pieces.Count; p++)
            {
                (int line, int j, _) = pieces[p];
                if (Merged(j) || owner[p] >= 0)
                {
                    continue;
                }

                if (line == mid)
                {
                    owner[p] = r;
                }
                else if (line > above && line < mid)
                {
                    // The upper half of a cell of this row: its mirror under the middle line, in the same column, before the next row.
                    int mirror = 2 * mid - line;
                    int q = pieces.FindIndex(t => t.Line == mirror && t.Col == j);
                    if (mirror >= below || q < 0 || owner[q] >= 0)
                    {
                        Fail(line);
                    }

                    owner[p] = r;
                    owner[q] = r;
                    wraps += 2;
                    shown = true;
                }
            }
        }

        int stray = Enumerable.Range(0, pieces.Count).FirstOrDefault(p => !Merged(pieces[p].Col) && owner[p] < 0, -1);
        if (stray >= 0)
        {
            Fail(pieces[stray].Line);
        }

        // Each row's extent: the lines of its own cells.
        var top = new int[anchors.Count];
        var bottom = new int[anchors.Count];
        for (int r = 0; r < anchors.Count; r++)
        {
            top[r] = bottom[r] = anchors[r];
        }

        for (int p = 0; p < pieces.Count; p++)
        {
            if (owner[p] >= 0)
            {
                top[owner[p]] = Math.Min(top[owner[p]], pieces[p].Line);
                bottom[owner[p]] = Math.Max(bottom[owner[p]], pieces[p].Line);
            }
        }

        var done = new List<Dictionary<int, string>>();
        for (int r = 0; r < anchors.Count; r++)
        {
            done.Add(Enumerable.Range(0, pieces.Count).Where(p => owner[p] == r).GroupBy(p => pieces[p].Col)
                .ToDictionary(g => g.Key, g => string.Concat(g.OrderBy(p => pieces[p].Line).Select(p => pieces[p].Text))));
        }

        for (int j = 0; j < fields.Count; j++)
        {
            if (fields[j] == Col.Label)
            {
                string label = string.Concat(pieces.Where(t => t.Col == j).Select(t => t.Text));
                if (label.Length > 0)
                {
                    done[0][j] = label;
                }
            }
            else if (Merged(j))
            {
                MergedCells(pieces.Where(t => t.Col == j).Select(t => (t.Line, t.Text)).ToList(), j, top, bottom, done, ref shown);
            }
        }

        List<int> required = [.. Enumerable.Range(0, fields.Count).Where(j => (fields[j] is Col.Initial or Col.Budget or Col.Executed or Col.Target or Col.Actual) && done[0].ContainsKey(j))];
        int note = fields.IndexOf(Col.Note);
        for (int k = 1; k < done.Count; k++)
        {
            if (required.Any(j => !done[k].ContainsKey(j) && !(fields[j] == Col.Actual && note >= 0 && done[k].ContainsKey(note))))
            {
                Fail(anchors[k]);
            }
        }

        finish(done);
        for (int k = 0; k < anchors.Count; k++)
        {
            output[anchors[k]] = string.Join('\t', Enumerable.Range(0, fields.Count).Select(j => done[k].GetValueOrDefault(j, string.Empty)));
        }

        return end;
    }

    /// <summary>
    /// A 一级/二级 column's cells (its pieces joined until a cell ends in 指标 or a closing bracket), each given to the
    /// run of rows it is centred on: the runs, in order, that cover every row with the least distance between each
    /// cell's middle and its run's; taken only when it is within a line and a half of every cell and moving any
    /// boundary by a row fits at least a line worse.
    /// </summary>
    private static void MergedCells(List<(int Line, string Text)> column, int j, int[] top, int[] bottom, List<Dictionary<int, string>> done, ref bool shown)
    {
        if (column.Count == 0)
        {
            return;
        }

        var cells = new List<(int First, int Last, string Text)>();
        int first = -1;
        string text = string.Empty;
        foreach ((int line, string t) in column)
        {
            first = first < 0 ? line : first;
            text += t;
            if (text.EndsWith("指标", StringComparison.Ordinal) || text.EndsWith('）') || text.EndsWith(')'))
            {
                cells.Add((first, line, text));
                first = -1;
                text = string.Empty;
            }
        }

        // A cell's lines are evenly spaced, a line or two apart (产出 / 指标; 满意 / 度指 / 标): pieces further apart are not one cell.
        List<int> lines = [.. column.Select(c => c.Line)];
        foreach ((int f, int l, _) in cells)
        {
            List<int> own = [.. lines.Where(x => x >= f && x <= l)];
            List<int> gaps = [.. own.Zip(own.Skip(1), (x, y) => y - x)];
            if (gaps.Any(g => g > 2 || g != gaps[0]))
            {
                throw shown ? new AmbiguousException(f) : new NotTopAlignedException();
            }
        }

        int n = top.Length;
        int m = cells.Count;
        if (first >= 0 || m > n)
        {
            throw shown ? new AmbiguousException(first >= 0 ? first : cells[^1].First) : new NotTopAlignedException();
        }

        decimal Cost(int k, int a, int b) => Math.Abs((top[a] + bottom[b]) / 2m - (cells[k].First + cells[k].Last) / 2m);

        // cost[k, b]: the least cost of giving rows 0..b to cells 0..k; cut[k, b]: the first row of cell k's run.
        var best = new decimal[m, n];
        var cut = new int[m, n];
        for (int k = 0; k < m; k++)
        {
            for (int b = 0; b < n; b++)
            {
                best[k, b] = decimal.MaxValue;
                for (int a = k; a <= b; a++)
                {
                    decimal before = k == 0 ? (a == 0 ? 0 : decimal.MaxValue) : best[k - 1, a - 1];
                    if (before == decimal.MaxValue)
                    {
                        continue;
                    }

                    decimal c = before + Cost(k, a, b);
                    if (c < best[k, b])
                    {
                        best[k, b] = c;
                        cut[k, b] = a;
                    }
                }
            }
        }

        var runs = new (int A, int B)[m];
        for (int k = m - 1, b = n - 1; k >= 0; k--)
        {
            runs[k] = (cut[k, b], b);
            b = cut[k, b] - 1;
        }

        decimal total = best[m - 1, n - 1];
        for (int k = 0; k < m; k++)
        {
            if (Cost(k, runs[k].A, runs[k].B) > 1.5m)
            {
                throw shown ? new AmbiguousException(cells[k].First) : new NotTopAlignedException();
            }
        }

        for (int k = 0; k + 1 < m; k++)
        {
            // The boundary between runs k and k + 1 moved up or down a row: it must fit clearly worse.
            foreach (int move in new[] { -1, 1 })
            {
                int edge = runs[k].B + move;
                if (edge < runs[k].A || edge >= runs[k + 1].B)
                {
                    continue;
                }

                decimal moved = total - Cost(k, runs[k].A, runs[k].B) - Cost(k + 1, runs[k + 1].A, runs[k + 1].B) + Cost(k, runs[k].A, edge) + Cost(k + 1, edge + 1, runs[k + 1].B);
                if (moved < total + 1m)
                {
                    throw shown ? new AmbiguousException(cells[k + 1].First) : new NotTopAlignedException();
                }
            }
        }

        for (int k = 0; k < m; k++)
        {
            shown |= cells[k].First != cells[k].Last;
            for (int r = runs[k].A; r <= runs[k].B; r++)
            {
                done[r][j] = cells[k].Text;
            }
        }
    }
}
