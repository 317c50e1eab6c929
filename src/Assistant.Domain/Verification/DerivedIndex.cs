using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>What a derived value of two facts is: the sum, gap, gap of two rates (个百分点) or ratio (%).</summary>
internal enum PairKind
{
    Sum,
    Gap,
    RateGap,
    Ratio,
}

/// <summary>
/// The derived values of every meaningful pair of facts (two of one indicator, or two fund-line facts):
/// sums of parts, gaps, gaps of rates and ratios, each with the interval its printed inputs allow,
/// computed at most once per fact sheet (each of the three groups on its first query, since session 36)
/// and indexed by value, so a number that matches no single fact is
/// compared only with the derived values near it instead of searching every pair. A number's unit
/// says which kind it can be: 个百分点 a gap of rates, % a ratio, anything else a sum or gap. The
/// index is bounded: a sheet with more pairs than <see cref="MaxPairs"/> is searched pair by pair
/// (still only meaningful pairs).
/// </summary>
internal sealed class DerivedIndex
{
    public const int MaxPairs = 250_000;

    // The three groups of pairs (amounts: sums and gaps; gaps of rates; ratios), each indexed on first use (session 36):
    // a number's unit says which group it is looked for in, so a text with no 个百分点 and no unmatched % never builds
    // the other two. Two threads may both build a group; one is kept (immutable once built).
    private const int Amounts = 0, RateGaps = 1, Ratios = 2;
    private readonly SheetIndex _sheet;
    private readonly Group?[] _groups = new Group?[3];

    /// <summary>One group's pairs, and its index of their hulls whose payloads are ids (the pair's place in the group × 4 + the group).</summary>
    private sealed class Group((int A, int B, PairKind Kind)[] entries, IntervalIndex index)
    {
        public (int A, int B, PairKind Kind)[] Entries { get; } = entries;

        public IntervalIndex Index { get; } = index;
    }

    public DerivedIndex(SheetIndex sheet)
    {
        _sheet = sheet;
        _partners = new int[]?[sheet.Candidates.Length];
        IsIndexed = Indexable(sheet, MaxPairs);
    }

    // Each candidate's partners, computed on its first ask (session 45: a group's build asks only for the candidates that can
    // begin one of its pairs). Published with Volatile: two threads may compute the same array; either is kept.
    private readonly int[]?[] _partners;

    /// <summary>
    /// Whether every candidate's partners make at most <paramref name="limit"/> pairs (what summing <see cref="PartnersOf(int)"/>'s
    /// lengths and comparing gives). Session 45: no partner list is made. Each candidate pairs with at most its row's and, for a
    /// fund line's, the fund lines' candidates, so a bound at most the limit answers; over it, the pairs are counted.
    /// </summary>
    internal static bool Indexable(SheetIndex sheet, long limit)
    {
        Candidate[] all = sheet.Candidates;
        long bound = 0;
        foreach (Candidate a in all)
        {
            bound += (a.Fact.IndicatorIndex is { } i ? sheet.OfIndicator(i).Length : 0) + (a.Fact.FundLineIndex is not null ? sheet.FundCandidates.Length : 0);
        }

        if (bound <= limit)
        {
            return true;
        }

        long pairs = 0;
        foreach (Candidate a in all)
        {
            pairs += a.Fact.Value == 0 ? 0 : Merge(sheet, a, null);
            if (pairs > limit)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The positions of the candidates candidate <paramref name="a"/> forms a meaningful pair with, ascending; none for a zero.</summary>
    public int[] PartnersOf(int a) => Kept(a, null);

    /// <summary>The partners of candidate <paramref name="a"/>, made on their first ask and kept for the sheet.</summary>
    private int[] Kept(int a, List<int>? scratch)
    {
        int[]? known = Volatile.Read(ref _partners[a]);
        if (known is null)
        {
            Candidate c = _sheet.Candidates[a];
            known = c.Fact.Value == 0 ? [] : PartnersOf(_sheet, c, scratch ?? []);
            Volatile.Write(ref _partners[a], known);
        }

        return known;
    }

    /// <summary>Builds one group: its pairs in the order of every pair (i, then its partners, then kind), as the whole index listed them before session 36.</summary>
    private Group Build(int group)
    {
        SheetIndex sheet = _sheet;
        Candidate[] all = sheet.Candidates;
        var entries = new List<(int A, int B, PairKind Kind)>();
        // Session 43: the hulls as three parallel arrays grown by doubling, handed to the index as they are (in place of a
        // list of tuples the index copied).
        int hulls = 0;
        var lows = new double[16];
        var highs = new double[16];
        var ids = new int[16];
        var always = new List<int>();
        var own = new Own?[all.Length];
        void Add(int a, int b, PairKind kind)
        {
            int id = (entries.Count << 2) | group;
            entries.Add((a, b, kind));
            try
            {
                Interval h = PairHull(sheet, all, own, a, b, kind);
                if (hulls == lows.Length)
                {
                    Array.Resize(ref lows, hulls * 2);
                    Array.Resize(ref highs, hulls * 2);
                    Array.Resize(ref ids, hulls * 2);
                }

                (lows[hulls], highs[hulls], ids[hulls]) = ((double)h.Low, (double)h.High, id);
                hulls++;
            }
            catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or DivideByZeroException)
            {
                always.Add(id);
            }
        }

        var scratch = new List<int>();
        for (int i = 0; i < all.Length; i++)
        {
            Candidate a = all[i];
            if (!MayBegin(a, group))
            {
                continue;
            }

            foreach (int j in Kept(i, scratch))
            {
                Candidate b = all[j];
                if (group == RateGaps)
                {
                    if (a.Unit.Base == "%" && b.Unit.Base == "%" && a.Fact.Value > b.Fact.Value && Verifier.RateGap(a, b))
                    {
                        Add(i, j, PairKind.RateGap);
                    }

                    continue;
                }

                if (a.Unit.Base != b.Unit.Base)
                {
                    continue;
                }

                if (group == Amounts)
                {
                    if (j > i && a.Fact.FundLineIndex is not null && b.Fact.FundLineIndex is not null && a.Measure == b.Measure && a.Measure != "balance")
                    {
                        Add(i, j, PairKind.Sum);
                    }

                    if (Verifier.Balance(a, b) || Verifier.Gap(a, b))
                    {
                        Add(i, j, PairKind.Gap);
                    }
                }
                else if (a.Unit.Base is not ("%" or "分" or "个百分点") && b.Fact.Value > 0 && Verifier.Ratio(a, b) && PositiveDivisor(sheet, all, own, j))
                {
                    Add(i, j, PairKind.Ratio);
                }
            }
        }

        return new Group([.. entries], new IntervalIndex(lows, highs, ids, hulls, [.. always]));
    }

    /// <summary>
    /// Whether candidate <paramref name="a"/> can begin a pair of the group (session 45: the others' partners are not read):
    /// a gap of rates begins with a %; a sum or a balance with a fund line's fact, a gap of a row with its 指标值 or 完成值; a
    /// ratio with an amount (no %, 分 or 个百分点), of a row its 完成值. Exactly the pairs <see cref="Build"/> adds, as before.
    /// </summary>
    internal static bool MayBegin(Candidate a, int group) => group switch
    {
        RateGaps => a.Unit.Base == "%",
        Amounts => a.Fact.FundLineIndex is not null || (a.Fact.IndicatorIndex is not null && a.Measure is "actual" or "target"),
        _ => a.Unit.Base is not ("%" or "分" or "个百分点") && (a.Fact.IndicatorIndex is null || a.Measure == "actual"),
    };

    private Group GroupOf(int group)
    {
        Group? built = Volatile.Read(ref _groups[group]);
        if (built is null)
        {
            Interlocked.CompareExchange(ref _groups[group], Build(group), null);
            built = Volatile.Read(ref _groups[group])!;
        }

        return built;
    }

    /// <summary>For each candidate (by position), <see cref="PartnersOf(int)"/>: every list made (tests).</summary>
    internal int[][] Partners => [.. Enumerable.Range(0, _partners.Length).Select(PartnersOf)];

    /// <summary>Whether the pairs are indexed (false: more than <see cref="MaxPairs"/>, searched pair by pair).</summary>
    public bool IsIndexed { get; }

    /// <summary>How many pairs the index holds (every group built; tests).</summary>
    public int Count => GroupOf(Amounts).Entries.Length + GroupOf(RateGaps).Entries.Length + GroupOf(Ratios).Entries.Length;

    /// <summary>Whether a group has been built (0 amounts, 1 gaps of rates, 2 ratios; tests).</summary>
    internal bool HasGroup(int group) => Volatile.Read(ref _groups[group]) is not null;

    /// <summary>Every pair of the index, group by group (every group built; tests).</summary>
    internal IEnumerable<(int A, int B, PairKind Kind)> Pairs() =>
        GroupOf(Amounts).Entries.Concat(GroupOf(RateGaps).Entries).Concat(GroupOf(Ratios).Entries);

    /// <summary>The pair an id of <see cref="Near"/> stands for.</summary>
    public (int A, int B, PairKind Kind) Entry(int id) => _groups[id & 3]!.Entries[id >> 2];

    /// <summary>The ids of the derived values a mention could be, near its value (a superset the caller checks exactly).</summary>
    public void Near(Mention m, PrintedNumber number, List<int> hits)
    {
        hits.Clear();
        (double low, double high) = SheetIndex.Window(m, number);
        UnitSpec unit = m.Unit;
        if (unit.Base == "个百分点")
        {
            GroupOf(RateGaps).Index.Query(low, high, hits);
        }
        else if (unit.Base == "%")
        {
            GroupOf(Ratios).Index.Query(low, high, hits);
        }
        else
        {
            double scale = (double)unit.Multiplier;
            GroupOf(Amounts).Index.Query(low * scale, high * scale, hits);
        }
    }

    /// <summary>
    /// What a candidate brings to every pair it is in, computed once (session 35; before, once per pair): its value in
    /// base units and the interval its print stands for (<see cref="SheetIndex.Printed"/> in base units).
    /// </summary>
    internal readonly record struct Own(decimal Scaled, Interval Printed);

    /// <summary>The hull of a pair from its candidates' <see cref="Own"/> values when both have them, else as <see cref="HullOf(SheetIndex, Candidate, Candidate, PairKind)"/> computes it.</summary>
    internal static Interval PairHull(SheetIndex sheet, Candidate[] all, Own?[] own, int a, int b, PairKind kind) =>
        OwnOf(sheet, all, own, a) is { } oa && OwnOf(sheet, all, own, b) is { } ob ? HullOf(all[a], oa, all[b], ob, kind) : HullOf(sheet, all[a], all[b], kind);

    /// <summary>The candidate's <see cref="Own"/>, computed on first use; null when it overflows (its pairs are then computed as before, and fail as before).</summary>
    internal static Own? OwnOf(SheetIndex sheet, Candidate[] all, Own?[] own, int k)
    {
        if (own[k] is { } known)
        {
            return known;
        }

        try
        {
            Candidate c = all[k];
            return own[k] = new Own(c.Fact.Value * c.Unit.Multiplier, sheet.Printed(c, UnitSpec.None));
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or DivideByZeroException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether a divisor's printed interval lies above zero. One too large for decimal in base units (a budget of 10²⁵
    /// 亿元) is: its pairs' hulls overflow and are kept for every query; before session 35 the overflow escaped and the
    /// whole verification failed.
    /// </summary>
    private static bool PositiveDivisor(SheetIndex sheet, Candidate[] all, Own?[] own, int j)
    {
        if (OwnOf(sheet, all, own, j) is { } o)
        {
            return o.Printed.Low > 0;
        }

        try
        {
            return sheet.Printed(all[j], UnitSpec.None).Low > 0;
        }
        catch (OverflowException)
        {
            return true;
        }
    }

    /// <summary>As <see cref="HullOf(SheetIndex, Candidate, Candidate, PairKind)"/>, from the two candidates' <see cref="Own"/> values (the same decimals, so the same hull).</summary>
    private static Interval HullOf(Candidate a, Own oa, Candidate b, Own ob, PairKind kind)
    {
        switch (kind)
        {
            case PairKind.Sum:
                return SheetIndex.Hull(oa.Scaled + ob.Scaled, oa.Printed + ob.Printed);
            case PairKind.Gap:
                return SheetIndex.Hull(oa.Scaled - ob.Scaled, oa.Printed - ob.Printed);
            case PairKind.Ratio:
                decimal ratio = oa.Scaled / ob.Scaled * 100m;
                return SheetIndex.Hull(ratio, oa.Printed.DivideBy(ob.Printed).Scale(100m));
            default:
                return SheetIndex.Hull(a.Fact.Value - b.Fact.Value, oa.Printed - ob.Printed);
        }
    }

    /// <summary>The interval a pair's derived value stands for (its exact value and the range its printed inputs allow), in base units.</summary>
    internal static Interval HullOf(SheetIndex sheet, Candidate a, Candidate b, PairKind kind)
    {
        switch (kind)
        {
            case PairKind.Sum:
                return SheetIndex.Hull((a.Fact.Value * a.Unit.Multiplier) + (b.Fact.Value * b.Unit.Multiplier), sheet.Printed(a, UnitSpec.None) + sheet.Printed(b, UnitSpec.None));
            case PairKind.Gap:
                return SheetIndex.Hull((a.Fact.Value * a.Unit.Multiplier) - (b.Fact.Value * b.Unit.Multiplier), sheet.Printed(a, UnitSpec.None) - sheet.Printed(b, UnitSpec.None));
            case PairKind.Ratio:
                decimal ratio = a.Fact.Value * a.Unit.Multiplier / (b.Fact.Value * b.Unit.Multiplier) * 100m;
                Interval ia = sheet.Printed(a, UnitSpec.None), ib = sheet.Printed(b, UnitSpec.None);
                return SheetIndex.Hull(ratio, ia.DivideBy(ib).Scale(100m));
            default:
                return SheetIndex.Hull(a.Fact.Value - b.Fact.Value, sheet.Printed(a, UnitSpec.None) - sheet.Printed(b, UnitSpec.None));
        }
    }

    /// <summary>
    /// The partners of a: the other facts of its indicator, and every fund-line fact when it is one, without
    /// zeros, ascending and each once. Both lists are ascending and distinct already, so they are merged
    /// (session 26; before, a LINQ pipeline with a hash set and a sort per candidate).
    /// </summary>
    private static int[] PartnersOf(SheetIndex sheet, Candidate a, List<int> partners)
    {
        partners.Clear();
        Merge(sheet, a, partners);
        return partners.ToArray();
    }

    /// <summary>The merge <see cref="PartnersOf(SheetIndex, Candidate, List{int})"/> makes, into <paramref name="partners"/> when given; how many it gives.</summary>
    private static int Merge(SheetIndex sheet, Candidate a, List<int>? partners)
    {
        Candidate[] own = a.Fact.IndicatorIndex is { } i ? sheet.OfIndicator(i) : [];
        Candidate[] funds = a.Fact.FundLineIndex is not null ? sheet.FundCandidates : [];
        int x = 0, y = 0, count = 0, last = -1;
        while (x < own.Length || y < funds.Length)
        {
            Candidate b = y >= funds.Length || (x < own.Length && own[x].Position <= funds[y].Position) ? own[x++] : funds[y++];
            if (b.Position != a.Position && b.Fact.Value != 0 && (count == 0 || last < b.Position))
            {
                partners?.Add(b.Position);
                last = b.Position;
                count++;
            }
        }

        return count;
    }
}
