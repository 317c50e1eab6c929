using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>
/// A table printed by <c>pdftotext -layout</c> from a PDF whose cells wrap: each table row is a block of
/// lines between blank lines, and a wrapped cell's lines sit in its column on the lines above and below
/// the row's middle line (<c>年度资金</c> / <c>1660000.00 …</c> / <c>总额 … %</c>). Under a fund or indicator
/// header (itself wrapped: <c>全年预算</c> / <c>数</c>), each word of a block is put in a column (in reading
/// order, nearest the column's start as the section's own lines place it, by kind: a percentage under
/// 执行率, plain numbers up to 100 at the end of a line under 分值 and 得分, a name never a value), a <c>%</c>,
/// a unit or the last digits alone under a figure join it, and the pieces of a column are joined without
/// spaces into one cell. A block holds several rows when a merged cell (一级 or 二级 spanning rows) joins
/// them: each row is around the line of its own target (or budget), pieces go to the nearest such line, and
/// a merged cell midway between two rows belongs to both. A row whose 一级 or 二级 is blank (a merged cell
/// printed in another row) takes its group's by the 二级's kind (数量/质量/时效/成本 are 产出, …).
/// The result is the same text as tab-separated rows, each at the line of its row (blank lines elsewhere),
/// for <see cref="TextTables"/> to read as it reads cells copied from Word.
/// </summary>
public static partial class PdfLayoutBlocks
{
    /// <summary>Why a blank-separated copy was refused.</summary>
    public enum Refusal
    {
        /// <summary>A wrapped piece that could belong to either of two rows.</summary>
        Between,

        /// <summary>A header whose wrapped column names interleave, so the columns cannot be placed (实际完 / 分值 / 成值).</summary>
        Header,

        /// <summary>Two figures of one line fall in one column (<c>10 8.33</c> read as <c>108.33</c>).</summary>
        Glued,

        /// <summary>
        /// A row that is not whole: without 分值 and 得分 where the other rows have them (the wrapped end of a row read as a
        /// row of its own), or with its cells a column to the left of the header's (a 一级 under 绩效指标, its 二级 under 一级).
        /// </summary>
        Fragment,
    }

    /// <summary>The text rewritten as tab-separated rows, or the 1-based line that refused the copy and why.</summary>
    public sealed record Outcome(string[]? Lines, int RefusedLine, Refusal Why = Refusal.Between);

    private enum Col
    {
        Label,
        FundName,
        Initial,
        Budget,
        Executed,
        Weight,
        Rate,
        Score,
        Level1,
        Level2,
        Name,
        Target,
        Actual,
        Note,
        Other,
    }

    private sealed record Word(string Text, int Start, int End);

    private sealed class AmbiguousException(int line, Refusal why = Refusal.Between) : Exception
    {
        public int Line { get; } = line;

        public Refusal Why { get; } = why;
    }

    /// <summary>Null when the text is not a blank-separated pdftotext layout with a fund or indicator header.</summary>
    public static Outcome? Rewrite(string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string[] raw = lines;
        lines = WrappedHeader.Join(lines, blockStartsOnly: true);
        string[] text = [.. lines.Select(l => l.Replace('\f', ' ').Replace('\u3000', ' ').TrimEnd())];
        List<int[]> blocks = PageBreaks.Blocks(lines, text);
        bool any = false;
        var output = new string[text.Length];
        Array.Fill(output, string.Empty);
        try
        {
            int b = 0;
            while (b < blocks.Count)
            {
                int[] idx = blocks[b];
                List<(int Start, string Text)> header = Cluster(text, idx, out int mainLine);
                bool fund = IsFundHeader(header);
                if ((fund || IsIndicatorHeader(header)) && MixedHeaderCell(header, fund) is not null)
                {
                    // A column name wrapped over lines whose pieces were gathered into a neighbour's column (实际完 / 成值
                    // around 分值 become one name 实际完分值成值): the section's columns cannot be placed with certainty.
                    throw new AmbiguousException(mainLine, Refusal.Header);
                }

                if (!fund && !IsIndicatorHeader(header))
                {
                    if (idx.Length > 1 && IsHeading(text[idx[0]]))
                    {
                        // The form's heading (2025年度项目支出绩效自评表) over the 项目名称 line, no blank between: a line of its own.
                        output[idx[0]] = text[idx[0]];
                        idx = idx[1..];
                        header = Cluster(text, idx, out _);
                    }

                    if (idx.Length > 1 && header.Count > 1 || idx.Length == 1 && header.Count > 1 && header.Any(h => TableLayout.MetaLabelOf(h.Text) is not null))
                    {
                        // A wrapped label (转移支付 / 项目名称), or labels and values a single space apart (实施单位 大同市图书馆).

                        output[idx[0]] = string.Join('\t', YearsJoined(header.Select(h => h.Text)));
                    }
                    else
                    {
                        foreach (int i in idx)
                        {
                            output[i] = text[i];
                        }
                    }

                    b++;
                    continue;
                }

                // The header's section: its blocks up to the next header (a fund header, then an indicator one).
                int e = b + 1;
                while (e < blocks.Count && Cluster(text, blocks[e], out _) is var next && !IsFundHeader(next) && !IsIndicatorHeader(next))
                {
                    e++;
                }

                if (e == b + 1 || !blocks.Skip(b).Take(e - b).Any(x => x.Length > 1) && !FollowedByBlank(text, idx))
                {
                    // A header with nothing under it, or rows packed line by line: not this layout.
                    return null;
                }

                List<int[]> section = blocks.GetRange(b + 1, e - b - 1);
                bool joined = idx.Length == 1 && idx[0] + 1 < raw.Length && raw[idx[0] + 1].Trim().Length > 0 && text[idx[0] + 1].Length == 0;
                if (joined && section.Count == 1 && section[0].Count(i => PageBreaks.HasValues(text[i])) >= 3)
                {
                    // A wrapped header joined onto one line above rows packed line by line (no blank lines): not this layout.
                    return null;
                }

                any = true;
                if (fund)
                {
                    FundSection(text, header, mainLine, section, output);
                }
                else
                {
                    IndicatorSection(text, header, mainLine, section, output);
                }

                b = e;
            }
        }
        catch (AmbiguousException a)
        {
            return new Outcome(null, a.Line + 1, a.Why);
        }

        return any ? new Outcome(output, 0) : null;
    }

    /// <summary>
    /// A header cell that is not one column's name but holds another column's name within it: an indicator or fund
    /// field name (分值, 得分, 完成值, 执行率, …) inside a cell that reads as no field, or two field names in one cell.
    /// </summary>
    private static string? MixedHeaderCell(List<(int Start, string Text)> header, bool fund)
    {
        foreach ((int _, string cell) in header)
        {
            int named = FieldNames.Count(n => cell.Contains(n, StringComparison.Ordinal));
            Col field = fund ? FundField(cell) : IndicatorField(cell);
            if (named > 1 || named == 1 && field == Col.Other && FieldNames.Any(n => cell.Contains(n, StringComparison.Ordinal) && cell != n))
            {
                return cell;
            }
        }

        return null;
    }

    private static readonly string[] FieldNames = ["分值", "得分", "完成值", "指标值", "执行率", "预算数", "执行数"];

    /// <summary>A label's value whose year pdftotext set a space apart (<c>2024 年城镇老旧小区改造项目</c>) is one cell, not the year alone.</summary>
    private static IEnumerable<string> YearsJoined(IEnumerable<string> cells)
    {
        string? year = null;
        foreach (string c in cells)
        {
            if (year is not null && c.StartsWith('年'))
            {
                yield return year + c;
                year = null;
                continue;
            }

            if (year is not null)
            {
                yield return year;
            }

            year = YearOnly().IsMatch(c) ? c : null;
            if (year is null)
            {
                yield return c;
            }
        }

        if (year is not null)
        {
            yield return year;
        }
    }

    /// <summary>The header block's line is followed by a blank line: rows printed a block each.</summary>
    private static bool FollowedByBlank(string[] text, int[] idx) => idx[^1] + 1 < text.Length && text[idx[^1] + 1].Length == 0;

    /// <summary>
    /// The words of a line with their character columns (pdftotext counts a Chinese character as one), a
    /// number kept with the short unit or percent sign the copy set a space apart (<c>12 月底前</c>, <c>（50 分）</c>).
    /// </summary>
    private static List<Word> Words(string line)
    {
        var words = new List<Word>();
        int i = 0;
        while (i < line.Length)
        {
            if (line[i] == ' ')
            {
                i++;
                continue;
            }

            int j = i;
            while (j < line.Length && line[j] != ' ')
            {
                j++;
            }

            string w = line[i..j];
            if (words.Count > 0 && i - words[^1].End == 1 && EndsInDigit().IsMatch(words[^1].Text)
                && (ShortUnit().IsMatch(w) || w is "%" or "％" or "‰" || YearOnly().IsMatch(words[^1].Text) && w.StartsWith('年')))
            {
                words[^1] = new Word(words[^1].Text + w, words[^1].Start, j);
            }
            else
            {
                words.Add(new Word(w, i, j));
            }

            i = j;
        }

        return words;
    }

    /// <summary>A header (or label) block: the words of its lines gathered by column, each column's pieces top to bottom.</summary>
    private static List<(int Start, string Text)> Cluster(string[] text, int[] idx, out int mainLine)
    {
        List<Word>[] lines = [.. idx.Select(i => Words(text[i]))];
        int main = 0;
        for (int k = 1; k < lines.Length; k++)
        {
            if (lines[k].Count > lines[main].Count)
            {
                main = k;
            }
        }

        mainLine = idx[main];
        var columns = lines[main].Select(w => (Start: w.Start, Pieces: new List<(int K, string T)> { (main, w.Text) })).ToList();
        for (int k = 0; k < lines.Length; k++)
        {
            if (k == main)
            {
                continue;
            }

            foreach (Word w in lines[k])
            {
                int best = -1;
                for (int c = 0; c < columns.Count; c++)
                {
                    if (Math.Abs(columns[c].Start - w.Start) <= 4 && columns[c].Pieces.All(p => p.K != k) && (best < 0 || Math.Abs(columns[c].Start - w.Start) < Math.Abs(columns[best].Start - w.Start)))
                    {
                        best = c;
                    }
                }

                if (best >= 0)
                {
                    columns[best].Pieces.Add((k, w.Text));
                }
                else
                {
                    columns.Add((w.Start, [(k, w.Text)]));
                }
            }
        }

        return [.. columns.OrderBy(c => c.Start).Select(c => (c.Start, string.Concat(c.Pieces.OrderBy(p => p.K).Select(p => p.T))))];
    }

    private static bool IsIndicatorHeader(List<(int Start, string Text)> cells) =>
        cells.Count >= 4 && cells.Any(c => c.Text is "三级指标" or "指标名称") && cells.Any(c => c.Text.Contains("指标值", StringComparison.Ordinal));

    private static bool IsFundHeader(List<(int Start, string Text)> cells) => cells.Count(c => FundField(c.Text) is not Col.Other) >= 3 && cells.Any(c => FundField(c.Text) == Col.Rate);

    private static Col FundField(string h) => h switch
    {
        "年初预算数" => Col.Initial,
        "全年预算数" or "预算数" => Col.Budget,
        "全年执行数" or "执行数" => Col.Executed,
        "分值" => Col.Weight,
        "执行率" => Col.Rate,
        "得分" => Col.Score,
        _ => Col.Other,
    };

    private static Col IndicatorField(string h) =>
        h == "一级指标" ? Col.Level1
        : h == "二级指标" ? Col.Level2
        : h is "三级指标" or "指标名称" ? Col.Name
        : h.Contains("指标值", StringComparison.Ordinal) ? Col.Target
        : h.Contains("完成值", StringComparison.Ordinal) ? Col.Actual
        : h is "分值" or "权重" ? Col.Weight
        : h == "得分" ? Col.Score
        : h.Contains("原因", StringComparison.Ordinal) || h.Contains("措施", StringComparison.Ordinal) ? Col.Note
        : Col.Other;

    private static void FundSection(string[] text, List<(int Start, string Text)> header, int headerLine, List<int[]> section, string[] output)
    {
        // Words before the first fund column (项目资金（万元）) are the block's label.
        string lead = string.Concat(header.TakeWhile(h => FundField(h.Text) == Col.Other).Select(h => h.Text));
        header = [.. header.SkipWhile(h => FundField(h.Text) == Col.Other)];
        var starts = new List<int> { 0, Math.Max(3, header[0].Start / 2) };
        starts.AddRange(header.Select(h => h.Start));
        var fields = new List<Col> { Col.Label, Col.FundName };
        fields.AddRange(header.Select(h => FundField(h.Text)));
        int budget = fields.IndexOf(Col.Budget);
        List<Col> values = [Col.Initial, Col.Budget, Col.Executed, Col.Rate];
        List<(Dictionary<int, string> Cells, int Line)> rows = Section(text, section, starts, fields, values, budget >= 0 ? budget : fields.IndexOf(Col.Executed));
        List<Dictionary<int, string>> figured = [.. rows.Select(r => r.Cells).Where(c => Enumerable.Range(2, fields.Count - 2).Any(c.ContainsKey))];
        if (figured.Count > 0 && !rows.Any(r => r.Cells.ContainsKey(1)) && figured.All(c => c.ContainsKey(0)))
        {
            // The header's first cell (项目资金（万元）) stands over the names (a table with no label column of its own): each
            // row with figures has its own name in that column, wrapped (年度资金总 / 额) or not, and none in the next.
            foreach (Dictionary<int, string> c in figured)
            {
                c[1] = c[0];
                c.Remove(0);
            }
        }

        string label = lead + string.Concat(rows.Select(r => r.Cells.GetValueOrDefault(0, string.Empty)));
        output[headerLine] = string.Join('\t', new[] { label, string.Empty }.Concat(header.Select(h => h.Text)));
        foreach ((Dictionary<int, string> cells, int line) in rows)
        {
            if (Enumerable.Range(1, fields.Count - 1).Any(cells.ContainsKey))
            {
                output[line] = string.Join('\t', Enumerable.Range(0, fields.Count).Select(j => j == 0 ? string.Empty : cells.GetValueOrDefault(j, string.Empty)));
            }
        }
    }

    private static void IndicatorSection(string[] text, List<(int Start, string Text)> header, int headerLine, List<int[]> section, string[] output)
    {
        List<int> starts = [.. header.Select(h => h.Start)];
        List<Col> fields = [.. header.Select(h => IndicatorField(h.Text))];
        output[headerLine] = string.Join('\t', header.Select(h => h.Text));
        int target = fields.IndexOf(Col.Target);
        List<(Dictionary<int, string> Cells, int Line)> rows = Section(text, section, starts, fields, [Col.Target, Col.Actual, Col.Weight, Col.Score], target);
        NotWhole(rows, fields);
        LevelCells.Fill(rows.Select(r => r.Cells).ToList(), fields.IndexOf(Col.Level1), fields.IndexOf(Col.Level2));
        foreach ((Dictionary<int, string> cells, int line) in rows)
        {
            output[line] = string.Join('\t', Enumerable.Range(0, fields.Count).Select(j => cells.GetValueOrDefault(j, string.Empty)));
        }
    }

    /// <summary>
    /// Refuses an indicator section with a row that is not whole: a row (not the total) without 分值 and 得分 while most
    /// rows have one, a row without a 三级指标 name, or a row whose 一级 stands in the column before the header's 一级 and
    /// whose 一级 cell is no level.
    /// </summary>
    private static void NotWhole(List<(Dictionary<int, string> Cells, int Line)> rows, List<Col> fields)
    {
        int weight = fields.IndexOf(Col.Weight), score = fields.IndexOf(Col.Score), level1 = fields.IndexOf(Col.Level1);
        List<(Dictionary<int, string> Cells, int Line)> body = [.. rows.Where(r => !(r.Cells.TryGetValue(0, out string? c0) && TotalWord().IsMatch(c0)))];
        bool Scored((Dictionary<int, string> Cells, int Line) r) => weight >= 0 && r.Cells.ContainsKey(weight) || score >= 0 && r.Cells.ContainsKey(score);
        int scored = body.Count(Scored);
        if (scored * 2 > body.Count && body.FirstOrDefault(r => !Scored(r)) is { Cells: not null } part)
        {
            throw new AmbiguousException(part.Line, Refusal.Fragment);
        }

        int name = fields.IndexOf(Col.Name);
        if (name >= 0 && body.FirstOrDefault(r => !r.Cells.ContainsKey(name)) is { Cells: not null } nameless)
        {
            // A row with figures and no 三级指标: the lines of wrapped targets or actuals (按省级标准配备场地 / 人员和…) taken for rows.
            throw new AmbiguousException(nameless.Line, Refusal.Fragment);
        }

        if (level1 > 0 && body.FirstOrDefault(r => r.Cells.TryGetValue(level1 - 1, out string? before) && LevelOne().IsMatch(before)
            && (!r.Cells.TryGetValue(level1, out string? own) || !LevelOne().IsMatch(own))) is { Cells: not null } shifted)
        {
            throw new AmbiguousException(shifted.Line, Refusal.Fragment);
        }
    }

    [GeneratedRegex(@"^(产出|效益|满意度|成本)指标")]
    private static partial Regex LevelOne();

    /// <summary>A line that is the form's heading alone (<c>2025 年度项目支出绩效自评表</c>): no label of the top rows in it.</summary>
    private static bool IsHeading(string line) =>
        Words(line) is { Count: > 0 } ws && string.Concat(ws.Select(w => w.Text)) is var all && all.EndsWith("自评表", StringComparison.Ordinal)
        && ws.All(w => TableLayout.MetaLabelOf(w.Text) is null);

    [GeneratedRegex(@"\d$")]
    private static partial Regex EndsInDigit();

    [GeneratedRegex(@"^[\u4e00-\u9fff]{1,3}[）)]?$")]
    private static partial Regex ShortUnit();
}
