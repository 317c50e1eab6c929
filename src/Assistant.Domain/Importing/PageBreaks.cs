using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>
/// The blocks of a <c>pdftotext -layout</c> copy (runs of lines between blank lines), where a page break
/// (a form feed at the start of a line) also ends a block when the line after it starts a new row: a total
/// row (总分 / 合计 / 总计), a header repeated on the new page, or a row whose values are on the break's line while the
/// lines before the break have theirs. A row split across the page (one of its pieces has no values of its own)
/// stays one block. A page number line (<c>第 2 页</c>, <c>— 3 —</c>, <c>2/5</c>) just before a break or on its line is dropped.
/// </summary>
internal static partial class PageBreaks
{
    /// <summary>The blocks (indices of lines) of <paramref name="text"/>, the cleaned copy of <paramref name="raw"/>.</summary>
    public static List<int[]> Blocks(string[] raw, string[] text)
    {
        var blocks = new List<int[]>();
        var current = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(text[i]))
            {
                Close(blocks, current);
                continue;
            }

            if (IsPageNumber(raw, text, i))
            {
                // Skipped, neither a row nor a boundary: the break after or on it decides.
                continue;
            }

            if (current.Count > 0 && raw[i].TrimStart(' ', '\u3000').StartsWith('\f') && StartsNewRow(raw, text, current, i))
            {
                Close(blocks, current);
            }

            current.Add(i);
        }

        Close(blocks, current);
        return blocks;
    }

    private static void Close(List<int[]> blocks, List<int> current)
    {
        if (current.Count > 0)
        {
            blocks.Add([.. current]);
            current.Clear();
        }
    }

    /// <summary>A page number line on either side of a page break.</summary>
    private static bool IsPageNumber(string[] raw, string[] text, int i) =>
        PageNumber().IsMatch(text[i])
        && (raw[i].Contains('\f', StringComparison.Ordinal) || i + 1 < raw.Length && raw[i + 1].TrimStart(' ', '\u3000').StartsWith('\f'));

    /// <summary>The lines from the break (<paramref name="at"/>) to the next blank line or break begin a row of their own.</summary>
    private static bool StartsNewRow(string[] raw, string[] text, List<int> before, int at)
    {
        var after = new List<string>();
        for (int j = at; j < text.Length && !string.IsNullOrWhiteSpace(text[j]) && (j == at || !raw[j].TrimStart(' ', '\u3000').StartsWith('\f')); j++)
        {
            after.Add(text[j]);
        }

        if (TotalRow().IsMatch(after[0]) || after.Any(l => HeaderWord().IsMatch(l)))
        {
            return true;
        }

        // A row's own values on the break's line, after a row with its own: a new row. Otherwise the pieces
        // are one block, each going to its nearest row as in a block without a break.
        return HasValues(after[0]) && before.Any(i => HasValues(text[i]));
    }

    /// <summary>A line with two or more figures (a target and an actual, a budget and its execution, a weight and a score).</summary>
    internal static bool HasValues(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => Figure().IsMatch(w)) >= 2;

    [GeneratedRegex(@"^\s*(总\s*分|合\s*计|总\s*计)")]
    private static partial Regex TotalRow();

    [GeneratedRegex(@"三级指标|指标名称|年度指标值|年初预算数|全年预算数|全年执行数")]
    private static partial Regex HeaderWord();

    [GeneratedRegex(@"^[≥≤<>＞＜=]?-?\d+(\.\d+)?[%％‰]?$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^\s*(第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]|\d+\s*/\s*\d+)\s*$")]
    private static partial Regex PageNumber();
}
