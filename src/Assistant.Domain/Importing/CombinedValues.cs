using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>
/// A cell holding both the 年度指标值 and the 实际完成值, under a header that says so
/// (<c>年度指标值/实际完成值</c>): <c>≥3000/2700</c>, <c>≥95%／96%</c>, <c>≤1600元/人/1580元/人</c>,
/// <c>目标3000 完成2700</c>, <c>指标值：≥95%；完成值：96%</c>, or the two on lines of their own.
/// </summary>
public static partial class CombinedValues
{
    /// <summary>
    /// The target and the actual, or null when the cell cannot be cut in two without guessing. Worded cells
    /// say which is which; otherwise <paramref name="targetFirst"/> (the header's order) does.
    /// </summary>
    public static (string Target, string Actual)? Split(string text, bool targetFirst)
    {
        (string First, string Second)? pair = Cut(text, out bool worded);
        return pair is not { } p ? null : worded || targetFirst ? p : (p.Second, p.First);
    }

    private static (string First, string Second)? Cut(string text, out bool labelled)
    {
        labelled = false;
        string s = CellText.Clean(text).Trim();
        if (s.Length == 0)
        {
            return null;
        }

        Match worded = Worded().Match(CellText.Compact(s));
        if (worded.Success)
        {
            labelled = true;
            return worded.Groups["tfirst"].Success
                ? (worded.Groups["first"].Value, worded.Groups["second"].Value)
                : (worded.Groups["second"].Value, worded.Groups["first"].Value);
        }

        // The two on lines of their own (a line break the reader may have turned into a space): ≥90 / 93.
        string[] parts = s.Split([' ', '\n', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && !s.Contains('/', StringComparison.Ordinal) && !s.Contains('／', StringComparison.Ordinal) && ValueStart().IsMatch(parts[0]) && ValueStart().IsMatch(parts[1]))
        {
            return (parts[0], parts[1]);
        }

        string c = CellText.Compact(s).Replace('／', '/');
        Match bracketed = Bracketed().Match(c);
        if (bracketed.Success && ValueStart().IsMatch(bracketed.Groups["b"].Value))
        {
            // ≥3000（2700） under 指标值（完成值）.
            return (bracketed.Groups["a"].Value, bracketed.Groups["b"].Value);
        }

        var cuts = new List<int>();
        for (int k = c.IndexOf('/', StringComparison.Ordinal); k >= 0; k = c.IndexOf('/', k + 1))
        {
            cuts.Add(k);
        }

        if (cuts.Count == 0)
        {
            return null;
        }

        // Where the part after the slash starts a value (≥95, 96, 2.5): the unit's own slash (元/人) does not.
        var atValue = cuts.Where(k => k > 0 && k + 1 < c.Length && ValueStart().IsMatch(c[(k + 1)..])).ToList();
        if (atValue.Count == 1)
        {
            return (c[..atValue[0]], c[(atValue[0] + 1)..]);
        }

        if (atValue.Count > 1)
        {
            // ≤1600元/人/1580元/人: the cut that leaves the same unit on both sides.
            var same = atValue.Where(k => CellText.UnitOfValue(c[..k]) is { } u && u == CellText.UnitOfValue(c[(k + 1)..])).ToList();
            return same.Count == 1 ? (c[..same[0]], c[(same[0] + 1)..]) : null;
        }

        // Worded values (明显提升/明显提升): one slash only.
        return cuts.Count == 1 && cuts[0] > 0 && cuts[0] + 1 < c.Length ? (c[..cuts[0]], c[(cuts[0] + 1)..]) : null;
    }

    [GeneratedRegex(@"^(?<a>(?:[≥≤><=＞＜≧≦]|>=|<=)?[+-]?\d[^()（）]*)[(（](?<b>[^()（）]+)[)）]$")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^(?:[≥≤><=＞＜≧≦]|>=|<=)?[+-]?\d")]
    private static partial Regex ValueStart();

    /// <summary><c>目标3000完成2700</c>, <c>指标值:≥95%;完成值:96%</c>, <c>完成2700(目标3000)</c>.</summary>
    [GeneratedRegex(@"^(?:(?<tfirst>(年度)?(指标值|目标值|目标|计划))[:：]?(?<first>[^,，;；、()（）]+?)[,，;；、(（]*(实际完成值|实际完成|完成值|实际值|完成|实际)[:：]?(?<second>[^,，;；、()（）]+?)[)）]?|(实际完成值|实际完成|完成值|实际值|完成|实际)[:：]?(?<first>[^,，;；、()（）]+?)[,，;；、(（]*(年度)?(指标值|目标值|目标|计划)[:：]?(?<second>[^,，;；、()（）]+?)[)）]?)$")]
    private static partial Regex Worded();
}
