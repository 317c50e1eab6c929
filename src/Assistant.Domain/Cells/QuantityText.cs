namespace Assistant.Domain.Cells;

/// <summary>
/// The parts of a cell that reads as one quantity: <c>label cmp number magnitude unit tail</c>, as
/// <c>帮扶就业率 ≥ 93.27 万 人 以上</c>. Matches exactly what the anchored pattern
/// <c>^(?&lt;label&gt;[^\d≥≤&lt;&gt;=]*?)(?&lt;cmp&gt;≥|≤|&gt;=|…)?(?&lt;num&gt;\d+(?:,\d{3})*(?:\.\d+)?)(?&lt;mag&gt;万亿|…)?(?&lt;unit&gt;[^\d]*?)(?&lt;tail&gt;及以上|…)?$</c>
/// matches (a test holds the two equal over generated cells), without a regex match object per cell:
/// the number starts at the first digit; everything after it must be free of digits; the label is the
/// shortest prefix before a comparator word that ends at the number; the unit the shortest text before
/// a closing word (以上, 以内…) or the end.
/// </summary>
internal readonly record struct QuantityText(string Source, int LabelEnd, int NumberStart, int NumberStop, string Magnitude, int UnitEnd)
{
    // The parts are kept as places in the cell's text; a part is made a string only when asked for (the
    // parser reads the comparator, number and tail as spans: no string per part of every cell).
    public string Label => Source[..LabelEnd];

    public string Comparator => Source[LabelEnd..NumberStart];

    public string Number => Source[NumberStart..NumberStop];

    public string Unit => Source[UnitStart..UnitEnd];

    public string Tail => Source[UnitEnd..];

    public ReadOnlySpan<char> ComparatorSpan => Source.AsSpan(LabelEnd, NumberStart - LabelEnd);

    public ReadOnlySpan<char> NumberSpan => Source.AsSpan(NumberStart, NumberStop - NumberStart);

    public ReadOnlySpan<char> UnitSpan => Source.AsSpan(UnitStart, UnitEnd - UnitStart);

    public ReadOnlySpan<char> TailSpan => Source.AsSpan(UnitEnd);

    private int UnitStart => NumberStop + Magnitude.Length;

    /// <summary>Comparator words, in the pattern's order.</summary>
    internal static readonly string[] Comparators =
        ["≥", "≤", ">=", "<=", ">", "<", "=", "不低于", "不少于", "不高于", "不超过", "不多于", "大于等于", "小于等于", "大于", "小于", "高于", "低于", "达到", "至少", "超过", "等于"];

    /// <summary>Magnitude words, in the pattern's order (longest alternatives first).</summary>
    internal static readonly string[] Magnitudes = ["万亿", "千万", "百万", "亿", "万", "千"];

    /// <summary>Closing words, in the pattern's order.</summary>
    internal static readonly string[] Tails = ["及以上", "及以下", "以上", "以下", "以内", "内"];

    public static bool TryMatch(string s, out QuantityText parts)
    {
        parts = default;
        int d = 0;
        while (d < s.Length && !char.IsDigit(s[d]))
        {
            d++;
        }

        if (d == s.Length)
        {
            return false;
        }

        int end = NumberEnd(s, d);
        for (int i = end; i < s.Length; i++)
        {
            if (char.IsDigit(s[i]))
            {
                return false;
            }
        }

        int labelEnd = -1;
        for (int l = 0; l <= d; l++)
        {
            if (l > 0 && s[l - 1] is '≥' or '≤' or '<' or '>' or '=')
            {
                break;
            }

            if (l == d || IsOneOf(s.AsSpan(l, d - l), Comparators))
            {
                labelEnd = l;
                break;
            }
        }

        if (labelEnd < 0)
        {
            return false;
        }

        ReadOnlySpan<char> rest = s.AsSpan(end);
        string magnitude = string.Empty;
        foreach (string m in Magnitudes)
        {
            if (rest.StartsWith(m, StringComparison.Ordinal))
            {
                magnitude = m;
                break;
            }
        }

        int unitStart = end + magnitude.Length;
        int unitEnd = s.Length;
        for (int k = unitStart; k < s.Length; k++)
        {
            if (IsOneOf(s.AsSpan(k), Tails))
            {
                unitEnd = k;
                break;
            }
        }

        parts = new QuantityText(s, labelEnd, d, end, magnitude, unitEnd);
        return true;
    }

    /// <summary>The end of <c>\d+(?:,\d{3})*(?:\.\d+)?</c> taken greedily from <paramref name="start"/>.</summary>
    internal static int NumberEnd(string s, int start)
    {
        int i = start;
        while (i < s.Length && char.IsDigit(s[i]))
        {
            i++;
        }

        while (i + 3 < s.Length && s[i] == ',' && char.IsDigit(s[i + 1]) && char.IsDigit(s[i + 2]) && char.IsDigit(s[i + 3]))
        {
            i += 4;
        }

        if (i + 1 < s.Length && s[i] == '.' && char.IsDigit(s[i + 1]))
        {
            i += 2;
            while (i < s.Length && char.IsDigit(s[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static bool IsOneOf(ReadOnlySpan<char> text, string[] words)
    {
        foreach (string w in words)
        {
            if (text.SequenceEqual(w))
            {
                return true;
            }
        }

        return false;
    }
}
