namespace Assistant.Domain.Importing;

public static partial class PdfLayoutBlocks
{
    /// <summary>
    /// The rows of an indicator table without 分值 and 得分, whose targets and actuals may be words that wrap
    /// (<c>单位应缴纳的</c> / <c>三项社会保险</c> / <c>补贴或原则上</c>): such a line carries a target and an actual as a
    /// row's first line does. A cell's text wraps only when it has filled its column, so a line carries on the row
    /// above only when each of its pieces is under a piece of that row on the line before, and each of those pieces
    /// fills its column's width (the widest line of words in the column). A piece under an empty place, or under a line
    /// that stops short, begins a cell: the line begins a row.
    /// </summary>
    private sealed class TextRows
    {
        private readonly string[] text;
        private readonly List<Col> fields;
        private readonly Dictionary<int, decimal> widest = [];
        private readonly Dictionary<int, int> last = [];
        private Dictionary<int, (int Start, int End)> spans = [];
        private int line = -1;

        public TextRows(string[] text, List<int> starts, List<Col> fields, int from, int to)
        {
            this.text = text;
            this.fields = fields;
            var any = new Dictionary<int, decimal>();
            for (int i = from; i < to; i++)
            {
                List<Word> ws = WithUnits(Words(text[i]));
                if (ws.Count == 0 || TotalWord().IsMatch(ws[0].Text))
                {
                    continue;
                }

                int[] a = Align(ws, starts, fields, []);
                foreach (var g in Enumerable.Range(0, ws.Count).GroupBy(x => a[x]))
                {
                    string piece = text[i][ws[g.First()].Start..ws[g.Last()].End];
                    decimal w = Width(piece);
                    any[g.Key] = Math.Max(any.GetValueOrDefault(g.Key), w);
                    if (piece.All(c => c == ' ' || c >= '\u2e80'))
                    {
                        widest[g.Key] = Math.Max(widest.GetValueOrDefault(g.Key), w);
                    }
                }
            }

            foreach ((int j, decimal w) in any)
            {
                widest.TryAdd(j, w);
            }
        }

        /// <summary>A piece of line <paramref name="i"/> put in column <paramref name="j"/> (of the row being read when <paramref name="current"/>).</summary>
        public void Placed(int i, int j, Word piece, bool current, bool newRow)
        {
            if (i != line)
            {
                line = i;
                spans = [];
            }

            if (newRow)
            {
                last.Clear();
            }

            spans[j] = spans.TryGetValue(j, out var s) ? (Math.Min(s.Start, piece.Start), Math.Max(s.End, piece.End)) : (piece.Start, piece.End);
            if (current)
            {
                last[j] = i;
            }
        }

        /// <summary>Whether the line's pieces (<paramref name="ws"/> in columns <paramref name="a"/>) carry on the cells of the row above.</summary>
        public bool CarriesOn(List<Word> ws, int[] a) => Follows(ws, a, full: true);

        /// <summary>
        /// Whether each of the line's pieces is under a piece of the row being read on the line before (<paramref name="full"/>:
        /// a piece that fills its column): a wrapped line's pieces are; a piece under an empty place ends no cell above.
        /// </summary>
        public bool Follows(List<Word> ws, int[] a, bool full = false)
        {
            int carried = 0;
            for (int x = 0; x < ws.Count; x++)
            {
                int j = a[x];
                if (fields[j] is Col.Level1 or Col.Level2 or Col.Label)
                {
                    // A merged level cell runs over rows: it tells nothing of where a row begins.
                    continue;
                }

                if (line < 0 || !last.TryGetValue(j, out int above) || above != line || !spans.TryGetValue(j, out var span)
                    || (full && !Fills(text[line][span.Start..span.End], widest.GetValueOrDefault(j))))
                {
                    return false;
                }

                carried++;
            }

            // A line of level pieces only (指标 / 满意度指) carries on the merged cells, never a row by itself.
            return carried > 0 || !full;
        }

        /// <summary>
        /// Whether a cell's line fills its column: as wide as the column's widest line of words, and not the end of a
        /// sentence (<c>缴费额的 2/3。</c> ends its cell, however wide its figures print).
        /// </summary>
        private static bool Fills(string piece, decimal widest) => Width(piece) >= widest - 0.5m && !piece.EndsWith('。');

        /// <summary>A line of a cell's words as wide as it prints: a Chinese character or full-width sign is one, a digit, a letter or a space half.</summary>
        private static decimal Width(string piece) => piece.Sum(c => c >= '\u2e80' ? 1m : 0.5m);
    }
}
