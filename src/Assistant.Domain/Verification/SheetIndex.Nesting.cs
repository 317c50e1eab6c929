namespace Assistant.Domain.Verification;

/// <summary>Which indicator names nest (one holds the other), row by row on first use (session 45: split from SheetIndex.cs).</summary>
internal sealed partial class SheetIndex
{
    /// <summary>Whether one indicator's name holds the other's (招募人员体检 / 每年招募人员体检人数); computed per row on first use.</summary>
    public bool NamesNest(int a, int b) => NestRowOf(a)[b];

    /// <summary>For each indicator, whether its name and indicator <paramref name="a"/>'s nest.</summary>
    public bool[] NestRowOf(int a)
    {
        bool[]? row = Volatile.Read(ref _nest[a]);
        if (row is null)
        {
            row = NestRow(a);
            Volatile.Write(ref _nest[a], row);
        }

        return row;
    }

    /// <summary>The indicators whose name and indicator <paramref name="a"/>'s nest (the true entries of <see cref="NestRowOf"/>), ascending.</summary>
    public int[] NestListOf(int a)
    {
        if (Volatile.Read(ref _nestList[a]) is { } known)
        {
            return known;
        }

        bool[] row = NestRowOf(a);
        var list = new List<int>();
        for (int b = 0; b < row.Length; b++)
        {
            if (row[b])
            {
                list.Add(b);
            }
        }

        int[] nesting = [.. list];
        Volatile.Write(ref _nestList[a], nesting);
        return nesting;
    }

    private bool[] NestRow(int a)
    {
        NameMasks kept = Volatile.Read(ref _charMasks) ?? KeptMasks();
        string[] names = kept.Names;
        ulong[] masks = kept.Masks;
        var row = new bool[names.Length];
        string name = names[a];
        ulong mask = masks[a];
        for (int b = 0; b < row.Length; b++)
        {
            row[b] = Nest(name, mask, names[b], masks[b]);
        }

        return row;
    }

    // The indicator names and one bit per character (its code mod 64) of each, built on first use. Session 45: the names are
    // read from an array (a row asks every name; through the evaluation's list that was an interface call per name).
    private NameMasks? _charMasks;

    private sealed record NameMasks(string[] Names, ulong[] Masks);

    private NameMasks KeptMasks()
    {
        var indicators = Sheet.Evaluation.Indicators;
        var names = new string[indicators.Count];
        var masks = new ulong[names.Length];
        for (int i = 0; i < masks.Length; i++)
        {
            names[i] = indicators[i].Name;
            masks[i] = CharMask(names[i]);
        }

        var kept = new NameMasks(names, masks);
        Volatile.Write(ref _charMasks, kept);
        return kept;
    }

    /// <summary>One bit per character of <paramref name="s"/> (its code mod 64): a string holding another holds all its bits.</summary>
    internal static ulong CharMask(string s)
    {
        ulong mask = 0;
        foreach (char c in s)
        {
            mask |= 1UL << c;
        }

        return mask;
    }

    /// <summary>
    /// Whether one of two names holds the other (what <c>x.Contains(y) || y.Contains(x)</c> gives), given each one's
    /// <see cref="CharMask"/>: only the longer can hold the shorter, and only if it holds every bit of the shorter's mask.
    /// </summary>
    internal static bool Nest(string x, ulong xMask, string y, ulong yMask)
    {
        (string longer, ulong longerMask, string shorter, ulong shorterMask) = x.Length >= y.Length ? (x, xMask, y, yMask) : (y, yMask, x, xMask);
        return (shorterMask & ~longerMask) == 0 && longer.Contains(shorter, StringComparison.Ordinal);
    }
}
