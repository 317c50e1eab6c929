using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

public static partial class RunStream
{
    /// <summary>
    /// How wide a printed run is, in twentieths of a Chinese character (a Chinese character or full-width mark 20, a
    /// figure or Latin letter 10, a point or comma 5), and what the rows say of each column's width. A cell's line that
    /// wraps onto the next was full: with the next line's first unbreakable piece (<c>（万亩）</c>'s bracket with what follows,
    /// a figure with its digits) it would not have fitted beside the widest line the column prints. A way of reading a row
    /// whose wraps would have fitted is not how the page was printed.
    /// </summary>
    internal static partial class Widths
    {
        public const int Half = 10;

        /// <summary>What the width of a figure or Latin letter may be off by, each, beside a Chinese character's.</summary>
        private const int Slack = 3;

        /// <summary>Each column's widest line as the rows show it whichever way they are read, and the narrowest width a wrap in it allows.</summary>
        public sealed record Columns((int Width, string Line)[] Least, int[] Most);

        public static bool IsWide(char c) => c is (>= '\u2e80' and <= '\u9fff') or (>= '\uff00' and <= '\uffef') or (>= '\u3000' and <= '\u303f') or '—';

        /// <summary>A character a copy separates from Chinese by a space: ASCII and the comparison signs.</summary>
        public static bool IsNarrow(char c) => c < 128 || c is '≥' or '≤' or '＞' or '＜';

        public static int Of(string s) => s.Sum(c => c == ' ' ? 0 : IsWide(c) ? 20 : c is '.' or ',' or ':' or ';' ? 5 : 10);

        private static int Narrow(string s) => s.Count(c => c != ' ' && !IsWide(c));

        public static List<string> Lines(Piece[] ps, (int From, int To) cell)
        {
            var lines = new List<string>();
            for (int k = cell.From; k < cell.To; k++)
            {
                if (k == cell.From || ps[k].Line != ps[k - 1].Line)
                {
                    lines.Add(string.Empty);
                }

                lines[^1] += ps[k].Text;
            }

            return lines;
        }

        private static (int Width, string Line) Widest(List<string> lines) =>
            lines.Select(l => (Of(l), l)).DefaultIfEmpty((0, string.Empty)).MaxBy(x => x.Item1);

        /// <summary>
        /// Narrows each row's readings to those whose wraps were forced, against each column's widest line as every row shows
        /// it whichever way it is read (four rounds, as a row read one way only widens its columns for the others); then the
        /// narrowest width a wrap of a row read one way only allows in each column.
        /// </summary>
        public static Columns Settle(Piece[] ps, List<List<Reading>> rows, int columns)
        {
            var least = new (int Width, string Line)[columns];
            for (int round = 0; round < 4; round++)
            {
                Array.Fill(least, (0, string.Empty));
                foreach (List<Reading> readings in rows.Where(r => r.Count > 0))
                {
                    for (int c = 0; c < columns; c++)
                    {
                        (int Width, string Line) narrowest = readings.Select(r => Widest(Lines(ps, r.Cells[c]))).MinBy(x => x.Width);
                        if (narrowest.Width > least[c].Width)
                        {
                            least[c] = narrowest;
                        }
                    }
                }

                foreach (List<Reading> readings in rows)
                {
                    readings.RemoveAll(r => !Forced(ps, r, least));
                }
            }

            int[] most = Enumerable.Repeat(int.MaxValue, columns).ToArray();
            foreach (List<Reading> readings in rows.Where(r => r.Select(x => x.Key(ps)).Distinct(StringComparer.Ordinal).Count() == 1))
            {
                for (int c = 0; c < columns; c++)
                {
                    List<string> lines = Lines(ps, readings[0].Cells[c]);
                    for (int k = 1; k < lines.Count; k++)
                    {
                        most[c] = Math.Min(most[c], Of(lines[k - 1] + FirstUnit(lines[k])));
                    }
                }
            }

            return new Columns(least, most);
        }

        private static bool Forced(Piece[] ps, Reading reading, (int Width, string Line)[] least)
        {
            for (int c = 0; c < reading.Cells.Length; c++)
            {
                List<string> lines = Lines(ps, reading.Cells[c]);
                (int Width, string Line) own = Widest(lines);
                (int Width, string Line) widest = own.Width > least[c].Width ? own : least[c];
                for (int k = 1; k < lines.Count; k++)
                {
                    string joined = lines[k - 1] + FirstUnit(lines[k]);
                    if (Of(joined) <= widest.Width - (Slack * Math.Abs(Narrow(joined) - Narrow(widest.Line))))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>A line's first piece that cannot be broken: opening marks with what follows, a figure or word whole, closing marks with what precedes.</summary>
        private static string FirstUnit(string line) => FirstUnitPattern().Match(line).Value;

        [GeneratedRegex(@"^[（(“‘《【]*(?:[A-Za-z0-9.%≥≤<>,/+-]+|.)[）)”’》】，。、；：！？%]*")]
        private static partial Regex FirstUnitPattern();
    }
}
