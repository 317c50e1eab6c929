namespace Assistant.Domain.Importing;

/// <summary>
/// The 一级 and 二级 cells of rows read from a wrapped PDF layout, where a merged cell is printed once, in
/// whichever row its middle falls: a 一级 cut by the wrap across two rows (<c>产出指标（50</c> / <c>分）</c>) is
/// joined; a row without its 一级 takes the group above or below whose kind its 二级 names (数量/质量/时效/成本
/// 指标 are 产出, 经济/社会/生态效益 and 可持续影响 are 效益, 满意度 and 服务对象 满意度), else the only group
/// beside it, else the one above; a row without its 二级 takes its neighbour's within the same 一级.
/// </summary>
internal static class LevelCells
{
    private static readonly (string[] Keys, string Level1)[] Kinds =
    [
        (["数量", "质量", "时效", "成本"], "产出"),
        (["经济效益", "社会效益", "生态效益", "可持续"], "效益"),
        (["满意", "服务对象"], "满意度"),
    ];

    /// <summary>The 一级 a 二级 belongs to (产出, 效益, 满意度), or null when its words do not say.</summary>
    public static string? Category(string level2)
    {
        foreach ((string[] keys, string level1) in Kinds)
        {
            if (keys.Any(k => level2.StartsWith(k, StringComparison.Ordinal)))
            {
                return level1;
            }
        }

        return level2.Contains("满意", StringComparison.Ordinal) ? "满意度" : null;
    }

    public static void Fill(List<Dictionary<int, string>> rows, int level1, int level2)
    {
        if (level1 < 0)
        {
            return;
        }

        string L1(int k) => rows[k].GetValueOrDefault(level1, string.Empty);
        string L2(int k) => level2 < 0 ? string.Empty : rows[k].GetValueOrDefault(level2, string.Empty);
        bool IsTotal(int k) => HeaderWords.IsTotal(L1(k));

        for (int k = 1; k < rows.Count; k++)
        {
            string a = L1(k - 1);
            string b = L1(k);
            if (b.Length > 0 && a.Count(c => c == '（') > a.Count(c => c == '）') && b.Count(c => c == '）') > b.Count(c => c == '（'))
            {
                rows[k - 1][level1] = a + b;
                rows[k].Remove(level1);
            }
        }

        string[] own = [.. Enumerable.Range(0, rows.Count).Select(L1)];
        for (int k = 0; k < rows.Count; k++)
        {
            if (own[k].Length > 0 || IsTotal(k))
            {
                continue;
            }

            string? above = Enumerable.Range(0, k).Reverse().Select(x => own[x]).FirstOrDefault(x => x.Length > 0 && !HeaderWords.IsTotal(x));
            string? below = Enumerable.Range(k + 1, rows.Count - k - 1).Select(x => own[x]).FirstOrDefault(x => x.Length > 0 && !HeaderWords.IsTotal(x));
            string? kind = Category(L2(k));
            string? pick = new[] { above, below }.FirstOrDefault(c => c is not null && kind is not null && c.StartsWith(kind, StringComparison.Ordinal))
                ?? (below is null ? above : above is null ? below : above);
            if (pick is not null)
            {
                rows[k][level1] = pick;
            }
        }

        if (level2 < 0)
        {
            return;
        }

        for (int k = 1; k < rows.Count; k++)
        {
            if (L2(k).Length == 0 && !IsTotal(k) && L1(k - 1) == L1(k) && L2(k - 1).Length > 0)
            {
                rows[k][level2] = L2(k - 1);
            }
        }

        for (int k = rows.Count - 2; k >= 0; k--)
        {
            if (L2(k).Length == 0 && !IsTotal(k) && L1(k + 1) == L1(k) && L2(k + 1).Length > 0)
            {
                rows[k][level2] = L2(k + 1);
            }
        }
    }
}
