using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Importing;

/// <summary>The rows of one section (fund or indicators) of a blank-separated pdftotext layout: words to columns, lines to rows.</summary>
public static partial class PdfLayoutBlocks
{
    private const int Far = 1_000_000_000;

    /// <summary>
    /// Each block's rows, with the line each is placed at. Total rows (总分 100 94.83) put their last two plain
    /// numbers under 分值 and 得分.
    /// </summary>
    private static List<(Dictionary<int, string> Cells, int Line)> Section(string[] text, List<int[]> section, List<int> headerStarts, List<Col> fields, List<Col> valueKinds, int pivot)
    {
        List<int> starts = Remeasure(text, section, headerStarts, fields);
        List<int> valueCols = [.. Enumerable.Range(0, fields.Count).Where(j => valueKinds.Contains(fields[j]))];
        var rows = new List<(Dictionary<int, string>, int)>();
        foreach (int[] idx in section)
        {
            List<Word>[] wl = [.. idx.Select(i => Words(text[i]))];
            if (wl.Any(l => l.Count > 0 && TotalWord().IsMatch(l[0].Text)))
            {
                rows.Add((TotalRow(wl, fields), idx[0]));
                continue;
            }

            var grid = Place(wl, starts, fields, idx);
            var firsts = new Dictionary<int, List<int>>();
            foreach (int j in valueCols)
            {
                bool seen = false;
                var list = new List<int>();
                for (int k = 0; k < grid.Length; k++)
                {
                    if (grid[k].TryGetValue(j, out string? t))
                    {
                        if (!(seen && Continuation().IsMatch(t)))
                        {
                            list.Add(k);
                        }

                        seen = true;
                    }
                }

                firsts[j] = list;
            }

            int n = firsts.Count == 0 ? 0 : firsts.Values.Max(l => l.Count);
            if (n == 0)
            {
                if (fields[0] == Col.Label && grid.Any(g => g.ContainsKey(0)))
                {
                    // A line of the label column alone (项目资金 / （万元）).
                    rows.Add((new Dictionary<int, string> { [0] = string.Concat(grid.Select(g => g.GetValueOrDefault(0, string.Empty))) }, idx[0]));
                }

                continue;
            }

            int p = firsts.TryGetValue(pivot, out List<int>? pl) && pl.Count == n ? pivot : valueCols.First(j => firsts[j].Count == n);
            List<int> anchors = ScoredAnchors(grid, fields, valueCols) is { } scored && scored.Count < firsts[p].Count ? scored : firsts[p];
            var cells = anchors.Select(_ => new Dictionary<int, List<(int K, string T)>>()).ToList();
            var ties = new List<(int K, int J, string T, int Up)>();
            for (int k = 0; k < grid.Length; k++)
            {
                foreach ((int j, string t) in grid[k])
                {
                    int best = anchors.Min(a => Math.Abs(k - a));
                    List<int> cand = [.. Enumerable.Range(0, anchors.Count).Where(r => Math.Abs(k - anchors[r]) == best)];
                    int r0 = cand[0];
                    if (cand.Count > 1)
                    {
                        if (fields[j] is Col.Label)
                        {
                            Add(cells[cand[0]], j, k, t);
                            continue;
                        }

                        if (fields[j] is Col.Level1 or Col.Level2)
                        {
                            ties.Add((k, j, t, cand[0]));
                            continue;
                        }

                        // A piece midway between two rows: the end of the cell above ((万人), 人）, %), else the row lacking it.
                        if (t.StartsWith('（') || t.StartsWith('(') || Continuation().IsMatch(t) || (t.Contains('）', StringComparison.Ordinal) && !t.Contains('（', StringComparison.Ordinal)))
                        {
                            r0 = cand[0];
                        }
                        else if (cells[cand[0]].ContainsKey(j) && !LowerHasCell(grid, anchors, cand[1], k, j))
                        {
                            // The row above's cell is still open (its lines run down to here) and the row below has
                            // nothing in this column: the last line of the cell above, never the start of an empty cell.
                            r0 = cand[0];
                        }
                        else if (!grid[anchors[cand[1]]].ContainsKey(j))
                        {
                            r0 = cand[1];
                        }
                        else if (!grid[anchors[cand[0]]].ContainsKey(j))
                        {
                            r0 = cand[0];
                        }
                        else
                        {
                            throw new AmbiguousException(idx[k]);
                        }
                    }

                    Add(cells[r0], j, k, t);
                }
            }

            foreach ((int k, int j, string t, int up) in ties)
            {
                // A merged 一级/二级 midway between two rows: with the rest of its cell, else both rows'.
                if (cells[up + 1].ContainsKey(j))
                {
                    Add(cells[up + 1], j, k, t);
                }
                else if (cells[up].ContainsKey(j))
                {
                    Add(cells[up], j, k, t);
                }
                else
                {
                    Add(cells[up], j, k, t);
                    Add(cells[up + 1], j, k, t);
                }
            }

            for (int r = 0; r < anchors.Count; r++)
            {
                rows.Add((cells[r].ToDictionary(c => c.Key, c => string.Concat(c.Value.OrderBy(x => x.K).Select(x => x.T))), idx[anchors[r]]));
            }
        }

        return rows;
    }

    /// <summary>
    /// The rows of an indicator block as its lines with a figure under 分值 or 得分 (the data lines), when the block's other
    /// lines are only the wrapped ends of those rows' cells: no figure under 指标值, 分值 or 得分, and no figure in a column
    /// where another line of the block has one (a wrapped <c>帮扶就业率</c> / <c>93.27%</c> joins its text, two figures are
    /// never glued). Null when the section has no 分值 or 得分 column, no line of the block has such a figure, or a line
    /// that is not a data line could be a row of its own (it has a name, a target and an actual): then the rows are
    /// counted as before, and a row left without 分值 and 得分 refuses the copy.
    /// </summary>
    private static List<int>? ScoredAnchors(Dictionary<int, string>[] grid, List<Col> fields, List<int> valueCols)
    {
        int weight = fields.IndexOf(Col.Weight), score = fields.IndexOf(Col.Score), target = fields.IndexOf(Col.Target);
        int name = fields.IndexOf(Col.Name), actual = fields.IndexOf(Col.Actual);
        if (weight < 0 && score < 0 || target < 0)
        {
            return null;
        }

        List<int> data = [.. Enumerable.Range(0, grid.Length).Where(k => grid[k].ContainsKey(weight) || grid[k].ContainsKey(score))];
        if (data.Count == 0)
        {
            return null;
        }

        bool Figure(int k, int j) => grid[k].TryGetValue(j, out string? t) && IsValue(t) && !Continuation().IsMatch(t);
        for (int k = 0; k < grid.Length; k++)
        {
            if (data.Contains(k))
            {
                continue;
            }

            if (Figure(k, target) || grid[k].ContainsKey(name) && grid[k].ContainsKey(target) && grid[k].ContainsKey(actual)
                || valueCols.Any(j => Figure(k, j) && Enumerable.Range(0, grid.Length).Any(o => o != k && Figure(o, j))))
            {
                return null;
            }
        }

        return data;
    }

    /// <summary>Whether row <paramref name="r"/> has a piece in column <paramref name="j"/> below line <paramref name="k"/>, up to midway to the next row.</summary>
    private static bool LowerHasCell(Dictionary<int, string>[] grid, List<int> anchors, int r, int k, int j)
    {
        int end = r + 1 < anchors.Count ? (anchors[r] + anchors[r + 1]) / 2 : grid.Length - 1;
        for (int k2 = k + 1; k2 <= end && k2 < grid.Length; k2++)
        {
            if (grid[k2].ContainsKey(j))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(Dictionary<int, List<(int K, string T)>> cells, int j, int k, string t)
    {
        if (!cells.TryGetValue(j, out List<(int K, string T)>? list))
        {
            cells[j] = list = [];
        }

        list.Add((k, t));
    }

    private static Dictionary<int, string> TotalRow(List<Word>[] wl, List<Col> fields)
    {
        List<string> words = [.. wl.SelectMany(l => l).Select(w => w.Text)];
        List<string> numbers = [.. words.Where(w => Plain().IsMatch(w))];
        var row = new Dictionary<int, string> { [0] = words[0] };
        List<int> cols = [.. Enumerable.Range(0, fields.Count).Where(j => fields[j] is Col.Weight or Col.Score)];
        int m = Math.Min(cols.Count, numbers.Count);
        for (int x = 0; x < m; x++)
        {
            row[cols[cols.Count - m + x]] = numbers[numbers.Count - m + x];
        }

        return row;
    }

    /// <summary>
    /// The block's words put in columns, line by line: lines of wrapped pieces first (short, so placed where
    /// they stand), the block's fullest line last; a figure alone under a figure (<c>%</c>, <c>0</c>) joins it.
    /// </summary>
    private static Dictionary<int, string>[] Place(List<Word>[] wl, List<int> starts, List<Col> fields, int[] idx)
    {
        var stacked = new Dictionary<(int, int), (int, int)>();
        var typed = new Dictionary<(int, int), string>();
        for (int k = 0; k < wl.Length; k++)
        {
            // A percent sign always ends the figure above it; the last digits only on a line of wrapped ends (0 / 0, 款 %).
            bool ends = wl[k].All(w => Continuation().IsMatch(w.Text));
            for (int n = 0; n < wl[k].Count; n++)
            {
                Word w = wl[k][n];
                if (!FigureEnd().IsMatch(w.Text) || !ends && w.Text is not ("%" or "％" or "‰"))
                {
                    continue;
                }

                (int D, int Gap, int K, int N) best = (Far, Far, -1, -1);
                for (int k2 = 0; k2 < k; k2++)
                {
                    for (int n2 = 0; n2 < wl[k2].Count; n2++)
                    {
                        Word u = wl[k2][n2];
                        if (IsValue(u.Text) && !Continuation().IsMatch(u.Text) && u.Start - 2 <= w.Start && w.Start <= u.End + 1)
                        {
                            (int, int, int, int) c = (Math.Abs(u.Start - w.Start), k - k2, k2, n2);
                            if (c.CompareTo(best) < 0)
                            {
                                best = c;
                            }
                        }
                    }
                }

                if (best.K >= 0)
                {
                    stacked[(k, n)] = (best.K, best.N);
                    typed[(best.K, best.N)] = wl[best.K][best.N].Text + w.Text;
                }
            }
        }

        int main = 0;
        for (int k = 1; k < wl.Length; k++)
        {
            if (wl[k].Count > wl[main].Count)
            {
                main = k;
            }
        }

        var occupied = new Dictionary<int, int>();
        var placed = new Dictionary<(int, int), int>();
        foreach (int k in Enumerable.Range(0, wl.Length).OrderBy(k => k == main ? 1 : 0).ThenBy(k => k))
        {
            List<int> own = [.. Enumerable.Range(0, wl[k].Count).Where(n => !stacked.ContainsKey((k, n)))];
            List<Word> ws = [.. own.Select(n => wl[k][n] with { Text = typed.GetValueOrDefault((k, n), wl[k][n].Text) })];
            HashSet<int> near = [.. occupied.Where(o => Math.Abs(o.Value - k) <= 2).Select(o => o.Key)];
            int[] a = ws.Count > 0 ? Align(ws, starts, fields, near) : [];
            for (int x = 0; x < own.Count; x++)
            {
                placed[(k, own[x])] = a[x];
                string t = wl[k][own[x]].Text;
                if (IsValue(t) && !Continuation().IsMatch(t))
                {
                    occupied[a[x]] = k;
                }
            }
        }

        foreach (KeyValuePair<(int, int), (int, int)> s in stacked)
        {
            placed[s.Key] = placed[s.Value];
        }

        var grid = new Dictionary<int, string>[wl.Length];
        for (int k = 0; k < wl.Length; k++)
        {
            grid[k] = [];
            for (int n = 0; n < wl[k].Count; n++)
            {
                int j = placed[(k, n)];
                if (n > 0 && placed[(k, n - 1)] == j && wl[k][n].Start - wl[k][n - 1].End >= 2 && IsValue(wl[k][n - 1].Text) && IsValue(wl[k][n].Text))
                {
                    // Two figures a gap apart on one line put in one column (分值 10 and 得分 8.33 as 108.33, ≤2.5 and 2.38):
                    // a column the header did not place; never glued into one figure.
                    throw new AmbiguousException(idx[k], Refusal.Glued);
                }

                grid[k][j] = grid[k].GetValueOrDefault(j, string.Empty) + wl[k][n].Text;
            }
        }

        return grid;
    }

    /// <summary>The columns' starts as the section's full lines place their words (the header's drift where Chinese text pushed it).</summary>
    private static List<int> Remeasure(string[] text, List<int[]> section, List<int> starts, List<Col> fields)
    {
        var got = starts.Select(_ => new List<int>()).ToList();
        foreach (int i in section.SelectMany(b => b))
        {
            List<Word> ws = Words(text[i]);
            if (ws.Count < 3 || TotalWord().IsMatch(ws[0].Text))
            {
                continue;
            }

            int[] a = Align(ws, starts, fields, []);
            for (int x = 0; x < ws.Count; x++)
            {
                got[a[x]].Add(ws[x].Start);
            }
        }

        var result = new List<int>(starts.Count);
        for (int j = 0; j < starts.Count; j++)
        {
            List<int> g = [.. got[j].Order()];
            int s = g.Count >= 2 ? g[g.Count / 2] : starts[j];
            result.Add(j > 0 && s <= result[j - 1] ? result[j - 1] + 1 : s);
        }

        return result;
    }

    /// <summary>
    /// The line's words in columns, in reading order (a column may take two words at a cost): the least total
    /// distance from the columns' starts plus the cost of each word's kind in its column.
    /// </summary>
    private static int[] Align(List<Word> ws, List<int> starts, List<Col> fields, HashSet<int> occupied)
    {
        int m = ws.Count;
        int n = starts.Count;
        Dictionary<int, int> pin = Pins(ws, fields);
        var dp = new int[m, n];
        var back = new int[m, n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                int c = Math.Abs(ws[i].Start - starts[j]) + Penalty(ws[i].Text, fields[j]);
                if (fields[j] == Col.Level1 && j + 1 < n && ws[i].Start >= starts[j + 1] && !LevelOne().IsMatch(ws[i].Text))
                {
                    // A word that starts at or past the 二级 column's start is no 一级 (意度指标, the wrapped end of 服务对象满意度指标).
                    c += 4;
                }

                if (pin.TryGetValue(i, out int pj) && pj != j)
                {
                    c += 30;
                }

                if (occupied.Contains(j) && IsValue(ws[i].Text) && !Continuation().IsMatch(ws[i].Text))
                {
                    c += 20;
                }

                if (i == 0)
                {
                    dp[i, j] = c;
                    continue;
                }

                int best = Far;
                int from = -1;
                for (int q = 0; q <= j; q++)
                {
                    int v = dp[i - 1, q] + (q == j ? 15 : 0);
                    if (v < best)
                    {
                        best = v;
                        from = q;
                    }
                }

                dp[i, j] = best + c;
                back[i, j] = from;
            }
        }

        int end = 0;
        for (int j = 1; j < n; j++)
        {
            if (dp[m - 1, j] < dp[m - 1, end])
            {
                end = j;
            }
        }

        var result = new int[m];
        for (int i = m - 1; i >= 0; i--)
        {
            result[i] = end;
            end = back[i, end];
        }

        return result;
    }

    /// <summary>Words whose column their kind decides: a percentage under 执行率; the last two plain numbers up to 100 of an indicator line under 分值 and 得分.</summary>
    private static Dictionary<int, int> Pins(List<Word> ws, List<Col> fields)
    {
        var pin = new Dictionary<int, int>();
        int weight = fields.IndexOf(Col.Weight);
        int score = fields.IndexOf(Col.Score);
        if (weight >= 0 && score >= 0 && fields.Contains(Col.Target))
        {
            List<int> values = [.. Enumerable.Range(0, ws.Count).Where(i => IsValue(ws[i].Text))];
            if (values.Count >= 2 && ws.Count >= 4 && values.TakeLast(2).All(i => Plain().IsMatch(ws[i].Text) && !Big(ws[i].Text)))
            {
                pin[values[^2]] = weight;
                pin[values[^1]] = score;
            }
        }

        int rate = fields.IndexOf(Col.Rate);
        if (rate >= 0)
        {
            for (int i = 0; i < ws.Count; i++)
            {
                if (ws[i].Text.EndsWith('%') || ws[i].Text.EndsWith('％'))
                {
                    pin[i] = rate;
                }
            }
        }

        return pin;
    }

    private static int Penalty(string t, Col f)
    {
        bool v = IsValue(t);
        return f switch
        {
            // A name may begin with a year (2024年安排经费, 2024年预算安排项): no figure, it is the name's first word.
            Col.Name when v && YearWord().IsMatch(t) => 0,
            Col.Level1 or Col.Level2 or Col.Name or Col.Label or Col.FundName when v && !t.StartsWith('（') => 40,
            Col.Level2 when LevelCells.Category(t) is null && t.Length > 3 => 8,
            Col.Weight or Col.Score => Big(t) ? 40 : Plain().IsMatch(t) ? 0 : v ? 8 : 40,
            Col.Note => v ? 12 : 0,
            Col.Rate => Plain().IsMatch(t) && !t.Contains('.', StringComparison.Ordinal) ? 6 : v ? 0 : 40,
            Col.Initial or Col.Budget or Col.Executed => v ? 0 : 40,
            _ => 0,
        };
    }

    private static bool IsValue(string t) => Value().IsMatch(t) || t is "%" or "％" or "‰";

    private static bool Big(string t) => Plain().IsMatch(t) && MatchedNumber.Decimal(t) > 100m;

    [GeneratedRegex(@"^([≥≤><=＞＜]|>=|<=)?[+-]?\d[\d,]*(\.\d+)?(%|‰)?")]
    private static partial Regex Value();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex Plain();

    /// <summary>A year and words after it, no figure among them (2024年安排经费; not 2025年9月底前).</summary>
    [GeneratedRegex(@"^(19|20)\d{2}\s?年[\u4e00-\u9fff“”、，]{2,}$")]
    private static partial Regex YearWord();

    /// <summary>The end of a cell wrapped under its start: a percent sign, the last digits, a short word, a closing bracket.</summary>
    [GeneratedRegex(@"^(%|％|‰|\d{1,2}|[\u4e00-\u9fff]{1,2}[）)]?|[）)])$")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"^(%|％|‰|\d{1,2})$")]
    private static partial Regex FigureEnd();

    [GeneratedRegex(@"^(总分|合计|总计|综合得分|自评得分|总得分)$")]
    private static partial Regex TotalWord();
}
