using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

public static partial class RunStream
{
    /// <summary>More ways than this to cut one row: the row is not read.</summary>
    private const int MostReadings = 64;

    /// <summary>More cuts than this tried for one row (a paste whose row runs on for pages): the row is not read.</summary>
    private const int MostSteps = 200_000;

    /// <summary>One way of reading a row: its 一级 and 二级 words and, for each column after them, the pieces [From, To).</summary>
    internal sealed record Reading(string Level1, string Level2, (int From, int To)[] Cells)
    {
        public string Key(Piece[] ps) => Level1 + "\t" + Level2 + "\t" + string.Join('\t', Cells.Select(c => Text(ps, c)));
    }

    /// <summary>The indicator header and rows, and 总分; false when the header is not whole or a row is not read one way only.</summary>
    private static bool IndicatorBlock(Piece[] ps, int at, Dictionary<int, string> output)
    {
        int total = Array.FindIndex(ps, at, p => p.First && HeaderWords.IsTotal(p.Text));
        int end = total < 0 ? ps.Length : total;
        var starts = new List<(int At, List<(string L1, string L2, int L2From, int Next)> Ways)>();
        for (int j = at; j < end; j++)
        {
            if (ps[j].First && RowStarts(ps, j, end) is { Count: > 0 } ways)
            {
                starts.Add((j, ways));
            }
        }

        if (starts.Count == 0 || HeaderAt(ps, at, starts[0].At, IndicatorWords) is not { } header || header.End != starts[0].At)
        {
            return false;
        }

        var fields = header.Words.Select(w => HeaderWords.Indicator(w, out _)).ToList();
        bool lead = fields[0] == IndicatorField.Label;
        var columns = fields.Where(f => f != IndicatorField.Label).ToList();
        if (columns.Count < 5 || columns[0] != IndicatorField.Level1 || columns[1] != IndicatorField.Level2 || columns[2] != IndicatorField.Name
            || columns.Contains(IndicatorField.Unknown))
        {
            return false;
        }

        IndicatorField[] cells = [.. columns.Skip(2)];
        var candidates = new List<List<Reading>>();
        for (int r = 0; r < starts.Count; r++)
        {
            int rowEnd = r + 1 < starts.Count ? starts[r + 1].At : end;
            var readings = new List<Reading>();
            foreach ((string l1, string l2, int l2From, int next) in starts[r].Ways)
            {
                readings.AddRange(Row(ps, next, rowEnd, cells, (l2From, next)).Select(c => new Reading(l1, l2, c)));
            }

            candidates.Add(readings);
        }

        Widths.Columns widths = Widths.Settle(ps, candidates, cells.Length);

        if (!output.TryAdd(ps[at].Line, string.Join('\t', header.Words)))
        {
            return false;
        }

        for (int r = 0; r < starts.Count; r++)
        {
            List<Reading> readings = candidates[r];
            if (readings.Select(x => x.Key(ps)).Distinct(StringComparer.Ordinal).Count() != 1 || NoteMayContinue(ps, readings[0], cells, widths)
                || !output.TryAdd(ps[starts[r].At].Line, (lead ? "\t" : string.Empty) + readings[0].Key(ps)))
            {
                return false;
            }
        }

        if (total >= 0)
        {
            return output.TryAdd(ps[total].Line, string.Join('\t', ps[total..].TakeWhile(p => p.Index == total || Figure().IsMatch(p.Text)).Select(p => p.Text)));
        }

        return true;
    }

    /// <summary>The ways a row begins at a line's first piece: its 一级 words (wrapped or not, with a printed weight), then its 二级 words.</summary>
    private static List<(string L1, string L2, int L2From, int Next)> RowStarts(Piece[] ps, int at, int end)
    {
        var ways = new List<(string, string, int, int)>();
        string l1 = string.Empty;
        for (int i = at; i < end && i < at + 8; i++)
        {
            l1 += ps[i].Text;
            if (!Level(l1, first: true))
            {
                continue;
            }

            string l2 = string.Empty;
            for (int j = i + 1; j < end && j < i + 9; j++)
            {
                l2 += ps[j].Text;
                if (Level(l2, first: false))
                {
                    ways.Add((l1, l2, i + 1, j + 1));
                }
            }
        }

        return ways;
    }

    /// <summary>A whole 一级 or 二级 cell: the word, and a weight only as printed beside a level (<c>（50分）</c>, <c>30分</c>), never a bare figure.</summary>
    private static bool Level(string text, bool first)
    {
        string label;
        bool known = first ? HeaderWords.IsLevel1(text, out label, out _) : HeaderWords.IsLevel2(text, out label);
        return known && (text.Length == label.Length || LevelWeight().IsMatch(text[label.Length..]));
    }

    /// <summary>
    /// Every way to cut a row's pieces [from, to) into its name and the header's further columns: 分值 and 得分 one figure
    /// each, a 计量单位 one piece without a figure, a 偏差原因 at the end that may be empty, each cell a run of whole pieces
    /// whose inner spaces are only the ones a copy puts between Chinese and a figure (<c>2024 年</c>); a 指标值 or 完成值 has a
    /// comparison sign only first (<c>数量 ≥100</c> is the name's end and a target), a figure and the unit or words after it
    /// are never two cells (<c>2.77</c> / <c>万人</c>), and cells side by side share a line exactly when each is one line.
    /// </summary>
    private static List<(int From, int To)[]> Row(Piece[] ps, int from, int to, IndicatorField[] columns, (int From, int To) level2)
    {
        var found = new List<(int, int)[]>();
        var cut = new (int From, int To)[columns.Length];
        int steps = 0;
        void Next(int i, int c)
        {
            if (found.Count > MostReadings || ++steps > MostSteps)
            {
                return;
            }

            if (c == columns.Length)
            {
                if (i == to && SideBySide(ps, level2, cut))
                {
                    found.Add([.. cut]);
                }

                return;
            }

            IndicatorField field = columns[c];
            if (field == IndicatorField.Note && c == columns.Length - 1)
            {
                if (i == to || (ps[i].First && Joined(ps, i, to)))
                {
                    cut[c] = (i, to);
                    Next(to, c + 1);
                }

                return;
            }

            for (int j = i + 1; j <= to; j++)
            {
                bool figure = field is IndicatorField.Weight or IndicatorField.Score;
                if ((figure && (j - i > 1 || !Figure().IsMatch(ps[i].Text))) || (field == IndicatorField.Unit && (j - i > 1 || ps[i].Text.Any(char.IsAsciiDigit))))
                {
                    break;
                }

                if (!Joined(ps, i, j))
                {
                    break;
                }

                if ((field is IndicatorField.Target or IndicatorField.Actual && Text(ps, (i, j)).AsSpan(1).IndexOfAny("≥≤＞＜") >= 0)
                    || (!figure && field != IndicatorField.Note && j < to && char.IsAsciiDigit(ps[j - 1].Text[^1]) && (Widths.IsWide(ps[j].Text[0]) || ps[j].Text[0] == '%')))
                {
                    continue;
                }

                cut[c] = (i, j);
                Next(j, c + 1);
            }
        }

        Next(from, 0);
        return found.Count > MostReadings || steps > MostSteps ? [] : found;
    }

    /// <summary>The pieces [from, to) as one cell: two pieces of one line only where the copy put a space between Chinese and a figure.</summary>
    private static bool Joined(Piece[] ps, int from, int to)
    {
        for (int k = from + 1; k < to; k++)
        {
            if (ps[k].Line == ps[k - 1].Line && Widths.IsNarrow(ps[k - 1].Text[^1]) == Widths.IsNarrow(ps[k].Text[0]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Neighbouring cells (the 二级 first) share a line exactly when each is on one line: two one-line cells of a row print
    /// side by side on one line, and a cell of several lines ends on a line of its own.
    /// </summary>
    private static bool SideBySide(Piece[] ps, (int From, int To) level2, (int From, int To)[] cells)
    {
        (int From, int To) before = level2;
        foreach ((int From, int To) cell in cells)
        {
            if (cell.To == cell.From || before.To == before.From)
            {
                before = cell;
                continue;
            }

            bool shared = ps[before.To - 1].Line == ps[cell.From].Line;
            bool oneLine = ps[before.From].Line == ps[before.To - 1].Line;
            if ((oneLine && ps[cell.From].Line == ps[cell.To - 1].Line && !shared) || (!oneLine && shared))
            {
                return false;
            }

            before = cell;
        }

        return true;
    }

    /// <summary>
    /// A 偏差原因 on lines of its own after a cell whose last line is full (as wide as its column's lines), and narrow enough to
    /// be that cell's last line printed late (<c>受益村民对设</c> / <c>施运行情况的</c> / <c>% 10 ≥90 93 10</c> / <c>满意度</c>):
    /// the row could be read two ways.
    /// </summary>
    private static bool NoteMayContinue(Piece[] ps, Reading reading, IndicatorField[] columns, Widths.Columns widths)
    {
        (int From, int To) note = reading.Cells[^1];
        if (columns[^1] != IndicatorField.Note || note.To == note.From)
        {
            return false;
        }

        int noteWidth = Widths.Of(Widths.Lines(ps, note)[0]);
        for (int c = 0; c < columns.Length - 1; c++)
        {
            (int From, int To) cell = reading.Cells[c];
            List<string> lines = Widths.Lines(ps, cell);
            if ((lines.Count > 1 || (c == 0 && ps[cell.From].First)) && Widths.Of(lines[^1]) >= widths.Least[c].Width - Widths.Half
                && ps[cell.To - 1].Line < ps[note.From].Line && noteWidth < widths.Most[c])
            {
                return true;
            }
        }

        return false;
    }

    private static string Text(Piece[] ps, (int From, int To) cell) => string.Concat(ps[cell.From..cell.To].Select(p => p.Text));

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^([(（]\d+(\.\d+)?分?[)）]|\d+(\.\d+)?分)$")]
    private static partial Regex LevelWeight();
}
