namespace Assistant.Domain.Importing;

/// <summary>
/// Cells that <c>pdftotext -layout</c> prints with a single space between them, inside a line whose other
/// columns stand apart by wide gaps: header words (<c>年度指标值 实际完成值 分值 得分</c>, or a header
/// spaced out a character at a time, <c>一 级 指 标</c>), figures side by side (<c>100 94.83</c> is 分值 and
/// 总分, never 10094.83; <c>90.00% 18.00</c>), a 一级/二级 label before a name (<c>满意度指标（10 分） 服务对象满意度
/// 群众满意度</c>), and a name ending in its unit before its target (<c>人数（人） ≥12000</c>).
/// </summary>
public static class GluedCells
{
    /// <summary>The cells of one wide-gap part of a line (the part itself when nothing in it is glued).</summary>
    public static IReadOnlyList<string> Split(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        string trimmed = part.Trim();
        if (!trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return [trimmed];
        }

        string[] tokens = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (HeaderRun(tokens) is { } words)
        {
            return words;
        }

        if (tokens.Length >= 2 && tokens.All(TextTables.IsValueToken))
        {
            return tokens;
        }

        var cells = new List<string>();
        int at = 0;
        if (Label(tokens, ref at, level1: true))
        {
            cells.Add(string.Join(' ', tokens[..at]));
        }

        int level2Start = at;
        if (at > 0 && at < tokens.Length && Label(tokens, ref at, level1: false))
        {
            cells.Add(string.Join(' ', tokens[level2Start..at]));
        }

        if (cells.Count > 0 && at == tokens.Length)
        {
            return cells;
        }

        string[] rest = tokens[at..];
        cells.AddRange(cells.Count > 0 ? NameAndValues(rest) ?? [string.Join(' ', rest)] : NameAndValues(rest) ?? [trimmed]);
        return cells;
    }

    /// <summary>
    /// Tokens that are header words one after another: each token a word the forms print
    /// (<c>年度指标值</c>, <c>全年预算数</c>), or a run of single characters spelling such words out
    /// (<c>一 级 指 标 二 级 指 标</c>, cut at the longest word each time). Null unless every token is used and
    /// the tokens made at least two words (or one spelled out character by character).
    /// </summary>
    public static IReadOnlyList<string>? HeaderRun(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count < 2)
        {
            return null;
        }

        var words = new List<string>();
        int i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Length > 1)
            {
                if (!IsPrintedHeaderWord(tokens[i]))
                {
                    return null;
                }

                words.Add(tokens[i]);
                i++;
                continue;
            }

            int best = -1;
            string joined = string.Empty;
            for (int j = i; j < tokens.Count && tokens[j].Length == 1 && j < i + 12; j++)
            {
                joined += tokens[j];
                if (IsPrintedHeaderWord(joined))
                {
                    best = j;
                }
            }

            if (best < 0)
            {
                return null;
            }

            words.Add(string.Concat(tokens.Skip(i).Take(best - i + 1)));
            i = best + 1;
        }

        return words.Count >= 2 || tokens.All(t => t.Length == 1) ? words : null;
    }

    private static readonly HashSet<string> FundWords = new(StringComparer.Ordinal)
    {
        "年初预算数", "全年预算数", "全年执行数", "预算数", "执行数", "调整后预算数", "实际支出数", "执行率", "预算执行率", "分值", "得分",
    };

    /// <summary>Indicator headers printed by provincial forms that <see cref="HeaderWords.Indicator"/> reads as synonyms.</summary>
    private static readonly HashSet<string> IndicatorVariants = new(StringComparer.Ordinal)
    {
        "完成值", "实际值", "目标值", "年度目标值", "全年目标值", "实际完成", "指标名称", "绩效指标名称", "备注",
    };

    /// <summary>A header word as the forms print it (not a synonym found by a part of it, which a note or a value could contain).</summary>
    private static bool IsPrintedHeaderWord(string text) =>
        text.Length >= 2 && (HeaderWords.Indicator(text, out bool exact) != IndicatorField.Unknown && (exact || IndicatorVariants.Contains(text)) || FundWords.Contains(text)
            || text.StartsWith("项目资金", StringComparison.Ordinal) && HeaderWords.Fund(text) == FundField.Label);

    /// <summary>A 一级 (or 二级, with or without 指标) label, all of the first one to three tokens from <paramref name="at"/> (<c>产出指标（40 分）</c>), the longest first (<c>产出指标（40</c> alone is no label).</summary>
    private static bool Label(string[] tokens, ref int at, bool level1)
    {
        for (int n = Math.Min(3, tokens.Length - at); n >= 1; n--)
        {
            string text = string.Concat(tokens.Skip(at).Take(n));
            bool label = level1 ? HeaderWords.IsLevel1(text, out _, out _)
                : HeaderWords.IsLevel2(text, out _) || HeaderWords.IsLevel2(text + "指标", out _);
            if (label)
            {
                at += n;
                return true;
            }
        }

        return false;
    }

    /// <summary>Words ending in a bracketed unit, then figures only (<c>高血压患者规范管理人数（人） ≥12000</c>): the name, then each figure.</summary>
    private static string[]? NameAndValues(string[] tokens)
    {
        int firstValue = Array.FindIndex(tokens, TextTables.IsValueToken);
        if (firstValue < 1 || !tokens[firstValue..].All(TextTables.IsValueToken) || tokens[firstValue - 1][^1] is not ('）' or ')'))
        {
            return null;
        }

        // The name's words close up again where a character is Chinese (（1/10 万） is （1/10万）).
        string name = tokens[0];
        foreach (string t in tokens[1..firstValue])
        {
            name += CellText.IsCjk(name[^1]) || CellText.IsCjk(t[0]) ? t : " " + t;
        }

        return [name, .. tokens[firstValue..]];
    }
}
