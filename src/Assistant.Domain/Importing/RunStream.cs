using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>
/// A 自评表 copied from a PDF without its columns: <c>pdftotext -raw</c>, the text in the order the page draws it, as a
/// browser's PDF viewer copies it. Each line is a run of the page: a wrapped cell's lines are lines of their own
/// (<c>完成装备配备</c> / <c>的乡镇消防站</c> / <c>数量（个）</c>), cells of one row that sit side by side on one line share a
/// line a space apart (<c>≥12 11 20 18.33</c>), a header word wraps (<c>全年执行</c> / <c>数</c>) and a figure may be cut
/// (<c>100.00</c> / <c>%</c>). The stream is cut into cells along the table's grammar: the title and the 项目名称 /
/// 主管部门 / 实施单位 labels, the fund header's words and each fund line's name then its figures, the indicator header's
/// words, and each indicator row from its 一级 and 二级 words (the importer's vocabulary, <see cref="HeaderWords"/>)
/// to the next row's. A row's other cells (三级 name, 指标值, 完成值, 分值, 得分, 偏差原因 …, in the header's order) are
/// every way of cutting its runs that the printed page allows (<see cref="Row"/>); a row is read only when exactly one
/// way is left, and a copy only when every row is: otherwise <see cref="Rewrite"/> gives null and the copy is refused
/// as before. The result is the table as tab-separated lines, for <see cref="TextTables"/> to read as it reads a clean copy.
/// </summary>
public static partial class RunStream
{
    /// <summary>The printed header words of a fund block, each read by <see cref="HeaderWords.Fund"/>.</summary>
    private static readonly string[] FundWords =
    [
        "项目资金（万元）", "项目资金（元）", "项目资金(万元)", "项目资金(元)", "项目资金", "资金来源", "年初预算数", "全年预算数", "全年执行数",
        "调整后预算数", "预算数", "执行数", "分值", "执行率", "得分",
    ];

    /// <summary>The printed header words of an indicator block, each read by <see cref="HeaderWords.Indicator"/>.</summary>
    private static readonly string[] IndicatorWords =
    [
        "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "指标值", "年度目标值", "目标值", "年初目标值", "实际完成值", "全年完成值",
        "完成值", "实际完成情况", "全年实际值", "分值", "得分", "计量单位", "指标性质", "偏差原因分析及改进措施", "未完成原因和改进措施",
        "偏差原因分析", "偏差原因",
    ];

    /// <summary>
    /// The copy as tab-separated lines (title, 项目名称, 主管部门 and 实施单位, the fund header and lines, the indicator
    /// header and rows, 总分), each at the copy's line where it begins and blank elsewhere (so that a cell's source names
    /// the copy's line), or null when it is not such a stream or a cell of it can be cut two ways.
    /// </summary>
    public static string[]? Rewrite(IReadOnlyList<string> lines)
    {
        var text = lines.Select((l, i) => (Text: l.Replace('\f', ' ').Trim(), Line: i)).Where(l => l.Text.Length > 0).ToList();
        var output = new Dictionary<int, string>();
        if (text.Count > 0 && HeaderWords.IsTitle(text[0].Text))
        {
            output[text[0].Line] = CellText.Compact(text[0].Text);
            text.RemoveAt(0);
        }

        Piece[] ps = Pieces(text);
        int fund = Array.FindIndex(ps, p => p.First && StartsWith(ps, p.Index, "项目资金"));
        if (fund <= 0)
        {
            return null;
        }

        Match meta = MetaPattern().Match(string.Concat(ps[..fund].Select(p => p.Text)));
        if (!meta.Success || !output.TryAdd(ps[0].Line, "项目名称\t" + meta.Groups[1].Value)
            || !output.TryAdd(LineOfChar(ps, meta.Groups[2].Index - "主管部门".Length), "主管部门\t" + meta.Groups[2].Value + "\t实施单位\t" + meta.Groups[3].Value)
            || FundBlock(ps, fund, output) is not int at)
        {
            return null;
        }

        // The 年度总体目标 between the two blocks is no part of what the importer reads.
        while (at < ps.Length && !(ps[at].First && (StartsWith(ps, at, "绩效指标") || StartsWith(ps, at, "一级指标"))))
        {
            at++;
        }

        if (at == ps.Length || !IndicatorBlock(ps, at, output))
        {
            return null;
        }

        string[] rewritten = new string[lines.Count];
        Array.Fill(rewritten, string.Empty);
        foreach ((int line, string row) in output)
        {
            rewritten[line] = row;
        }

        return rewritten;
    }

    /// <summary>The copy's line of the piece holding the character at <paramref name="offset"/> of the pieces joined.</summary>
    private static int LineOfChar(Piece[] ps, int offset)
    {
        int seen = 0;
        foreach (Piece p in ps)
        {
            seen += p.Text.Length;
            if (seen > offset)
            {
                return p.Line;
            }
        }

        return ps[^1].Line;
    }

    /// <summary>A run of a line between spaces, with its line and whether it begins the line.</summary>
    internal sealed record Piece(string Text, int Line, bool First, int Index);

    private static Piece[] Pieces(List<(string Text, int Line)> lines)
    {
        var ps = new List<Piece>();
        foreach ((string line, int at) in lines)
        {
            string[] runs = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (int j = 0; j < runs.Length; j++)
            {
                ps.Add(new Piece(runs[j], at, j == 0, ps.Count));
            }
        }

        return [.. ps];
    }

    private static bool StartsWith(Piece[] ps, int at, string word)
    {
        string s = string.Empty;
        for (int j = at; j < ps.Length && s.Length < word.Length; j++)
        {
            s += ps[j].Text;
        }

        return s.StartsWith(word, StringComparison.Ordinal);
    }

    /// <summary>
    /// The ways of cutting the pieces from <paramref name="at"/> into whole header words, each ending where a piece ends,
    /// the words consumed up to a line's start: the longest such header, or null when two headers of that length differ.
    /// </summary>
    private static (List<string> Words, int End)? HeaderAt(Piece[] ps, int at, int end, string[] vocabulary)
    {
        var found = new List<(List<string> Words, int End)>();
        void Cut(int i, List<string> words)
        {
            if (i == end || ps[i].First)
            {
                found.Add(([.. words], i));
            }

            string s = string.Empty;
            for (int j = i; j < end && s.Length < 24; j++)
            {
                s += ps[j].Text;
                if (vocabulary.Contains(s, StringComparer.Ordinal))
                {
                    words.Add(s);
                    Cut(j + 1, words);
                    words.RemoveAt(words.Count - 1);
                }
            }
        }

        Cut(at, []);
        int longest = found.Max(f => f.End);
        var best = found.Where(f => f.End == longest).ToList();
        return best.Select(f => string.Join('\t', f.Words)).Distinct(StringComparer.Ordinal).Count() == 1 && best[0].Words.Count > 0 ? best[0] : null;
    }

    /// <summary>The fund header and its lines (a name, then one figure for each figure column); the index after them, or null.</summary>
    private static int? FundBlock(Piece[] ps, int at, Dictionary<int, string> output)
    {
        if (HeaderAt(ps, at, ps.Length, FundWords) is not { } header || header.Words.Any(w => HeaderWords.Fund(w) == FundField.Unknown))
        {
            return null;
        }

        int figures = header.Words.Count(w => HeaderWords.Fund(w) != FundField.Label);
        bool source = header.Words.Any(w => w.StartsWith("资金来源", StringComparison.Ordinal));
        if (!output.TryAdd(ps[at].Line, string.Join('\t', header.Words)))
        {
            return null;
        }

        int k = header.End;
        while (true)
        {
            if (k >= ps.Length)
            {
                return null;
            }

            if (ps[k].First && (StartsWith(ps, k, "年度总体目标") || StartsWith(ps, k, "绩效指标") || StartsWith(ps, k, "一级指标")))
            {
                return k;
            }

            int line = ps[k].Line;
            string name = string.Empty;
            for (; k < ps.Length && !FundFigure().IsMatch(ps[k].Text); k++)
            {
                name += ps[k].Text;
            }

            var values = new List<string>();
            for (; k < ps.Length && (values.Count < figures || ps[k].Text == "%") && (FundFigure().IsMatch(ps[k].Text) || ps[k].Text == "%"); k++)
            {
                if (ps[k].Text == "%")
                {
                    // A percentage cut by the cell's wrap (100.00 / %).
                    if (values.Count == 0 || values[^1].EndsWith('%'))
                    {
                        return null;
                    }

                    values[^1] += "%";
                }
                else
                {
                    values.Add(ps[k].Text);
                }
            }

            if (name.Length == 0 || values.Count != figures || (k < ps.Length && !ps[k].First)
                || !output.TryAdd(line, (source ? "\t" : string.Empty) + name + "\t" + string.Join('\t', values)))
            {
                return null;
            }
        }
    }

    [GeneratedRegex(@"^项目名称(.*)主管部门(.*)实施单位(.*)$", RegexOptions.Singleline)]
    private static partial Regex MetaPattern();

    [GeneratedRegex(@"^(-?[\d,]+(\.\d+)?%?|—|–|-|／|/)$")]
    private static partial Regex FundFigure();
}
