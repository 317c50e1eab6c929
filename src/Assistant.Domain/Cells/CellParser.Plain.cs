using System.Collections.Frozen;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Cells;

/// <summary>The common shapes of a cell read without the general path's preparation (session 42).</summary>
public static partial class CellParser
{
    /// <summary>
    /// The cell when its text is one of the common shapes and the general path (<see cref="ReadGeneral"/>) is proved to read
    /// it the same way; null when it is not (the general path then reads it). Two shapes:
    /// <list type="bullet">
    /// <item>a quantity <c>[≥|≤|&gt;|&lt;|=|&gt;=|&lt;=] digits[.digits] [words without digits]</c> (≥95%, 100万元, 1200人次): every
    /// character is one <see cref="TextNormalizer.Normalize"/> keeps and none is white space (so the text is its own normalized,
    /// trimmed and compact form), it does not end in closing punctuation, it has no 年, 月 or 取 (no period, date or 取消),
    /// its one number is computable and comes right after the comparator (no minus sign, not a 未设定 word). Those are every
    /// check before the general path's <see cref="TryQuantity"/>, whose reading is then the cell when it finds one.</item>
    /// <item>a common grade word (是, 达标, 效果显著…) whose general reading is words: that reading, kept once per word
    /// (a text without a digit is read without its row's unit).</item>
    /// </list>
    /// </summary>
    internal static Cell? TryReadPlain(string text, string? indicatorUnit)
    {
        int n = text.Length;
        if (n == 0)
        {
            return null;
        }

        int i = 0;
        char first = text[0];
        if (first is '≥' or '≤' or '<' or '>' or '=')
        {
            i = first is '<' or '>' && n > 1 && text[1] == '=' ? 2 : 1;
        }

        int start = i;
        while (i < n && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == start)
        {
            // No number right after the comparator: a grade word, or the general path.
            return i == 0 && PlainWords.Levels.TryGetValue(text, out int? level) ? new QualitativeCell(text, level) : null;
        }

        if (i < n && text[i] == '.')
        {
            int point = ++i;
            while (i < n && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == point)
            {
                return null;
            }
        }

        // At most ten characters hold at most ten digits: certainly computable (PrintedNumber.MayHaveUncomputable's bound).
        if (i - start > 10 && !PrintedNumber.IsComputable(text.AsSpan(start, i - start)))
        {
            return null;
        }

        for (int k = i; k < n; k++)
        {
            char c = text[k];
            if (c <= '\u007F' ? char.IsAsciiDigit(c) || c is ',' or '.' or ';' || char.IsWhiteSpace(c)
                : c is '年' or '月' or '取' or '。' or '；' or '，' || TextNormalizer.Map(c) != c || TextNormalizer.IsWhiteSpace(c))
            {
                return null;
            }
        }

        return TryQuantity(text, text, indicatorUnit);
    }

    /// <summary>Common grade words and their general reading's level, read once by the general path itself.</summary>
    internal static class PlainWords
    {
        internal static readonly FrozenDictionary<string, int?> Levels = Read(
        [
            "是", "否", "达标", "达到", "合格", "达成", "完成", "已完成", "按时完成", "按期完成", "全部完成", "及时", "满意", "较满意",
            "效果显著", "效果良好", "效果明显", "成效显著", "显著", "明显", "良好", "较好", "好", "优", "良", "中", "差", "有效",
            "提高", "提升", "有所提升", "明显提升", "显著提升", "逐步提升", "稳步提升", "持续提升", "不断提升", "有所提高",
            "明显提高", "显著提高", "逐步提高", "稳步提高", "长期", "中长期", "长期有效", "持续发挥", "持续", "稳定", "保持稳定",
            "正常运行", "符合要求", "符合", "规范", "安全", "无安全事故", "无重大事故", "无投诉", "零投诉",
        ]);

        private static FrozenDictionary<string, int?> Read(string[] words)
        {
            var levels = new Dictionary<string, int?>(StringComparer.Ordinal);
            foreach (string w in words)
            {
                if (ReadGeneral(w, null) is QualitativeCell q && q.Text == w)
                {
                    levels[w] = q.Level;
                }
            }

            return levels.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }
}
