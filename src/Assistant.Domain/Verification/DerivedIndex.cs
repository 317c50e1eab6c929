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
/// computed once per fact sheet and indexed by value, so a number that matches no single fact is
/// compared only with the derived values near it instead of searching every pair. A number's unit
/// says which kind it can be: 个百分点 a gap of rates, % a ratio, anything else a sum or gap. The
/// index is bounded: a sheet with more pairs than <see cref="MaxPairs"/> is searched pair by pair
/// (still only meaningful pairs).
/// </summary>
internal sealed class DerivedIndex
{
    public const int MaxPairs = 250_000;

    private readonly IntervalIndex? _amounts;
    private readonly IntervalIndex? _rateGaps;
    private readonly IntervalIndex? _ratios;
    private readonly List<(int A, int B, PairKind Kind)> _entries = [];

    public DerivedIndex(SheetIndex sheet)
    {
        Candidate[] all = sheet.Candidates;
        Partners = new int[all.Length][];
        long pairs = 0;
        for (int a = 0; a < all.Length; a++)
        {
            Partners[a] = all[a].Fact.Value == 0 ? [] : PartnersOf(sheet, all[a]);
            pairs += Partners[a].Length;
        }

        if (pairs > MaxPairs)
        {
            return;
        }

        var amounts = new List<(double, double, int)>();
        var rateGaps = new List<(double, double, int)>();
        var ratios = new List<(double, double, int)>();
        var amountsAlways = new List<int>();
        var rateGapsAlways = new List<int>();
        var ratiosAlways = new List<int>();
        var own = new Own?[all.Length];
        void Add(List<(double, double, int)> list, List<int> always, int a, int b, PairKind kind)
        {
            int id = _entries.Count;
            _entries.Add((a, b, kind));
            try
            {
                Interval h = PairHull(sheet, all, own, a, b, kind);
                list.Add(((double)h.Low, (double)h.High, id));
            }
            catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or DivideByZeroException)
            {
                always.Add(id);
            }
        }

        for (int i = 0; i < all.Length; i++)
        {
            Candidate a = all[i];
            foreach (int j in Partners[i])
            {
                Candidate b = all[j];
                if (a.Unit.Base == b.Unit.Base)
                {
                    if (j > i && a.Fact.FundLineIndex is not null && b.Fact.FundLineIndex is not null && a.Measure == b.Measure && a.Measure != "balance")
                    {
                        Add(amounts, amountsAlways, i, j, PairKind.Sum);
                    }

                    if (Verifier.Balance(a, b) || Verifier.Gap(a, b))
                    {
                        Add(amounts, amountsAlways, i, j, PairKind.Gap);
                    }

                    if (a.Unit.Base is not ("%" or "分" or "个百分点") && b.Fact.Value > 0 && Verifier.Ratio(a, b) && PositiveDivisor(sheet, all, own, j))
                    {
                        Add(ratios, ratiosAlways, i, j, PairKind.Ratio);
                    }
                }

                if (a.Unit.Base == "%" && b.Unit.Base == "%" && a.Fact.Value > b.Fact.Value && Verifier.RateGap(a, b))
                {
                    Add(rateGaps, rateGapsAlways, i, j, PairKind.RateGap);
                }
            }
        }

        _amounts = new IntervalIndex(amounts, amountsAlways);
        _rateGaps = new IntervalIndex(rateGaps, rateGapsAlways);
        _ratios = new IntervalIndex(ratios, ratiosAlways);
    }

    /// <summary>For each candidate (by position), the positions of the candidates it forms a meaningful pair with, ascending; none for a zero.</summary>
    public int[][] Partners { get; }

    /// <summary>Whether the pairs are indexed (false: more than <see cref="MaxPairs"/>, searched pair by pair).</summary>
    public bool IsIndexed => _amounts is not null;

    public int Count => _entries.Count;

    public (int A, int B, PairKind Kind) Entry(int id) => _entries[id];

    /// <summary>The ids of the derived values a mention could be, near its value (a superset the caller checks exactly).</summary>
    public void Near(Mention m, PrintedNumber number, List<int> hits)
    {
        hits.Clear();
        (double low, double high) = SheetIndex.Window(m, number);
        UnitSpec unit = m.Unit;
        if (unit.Base == "个百分点")
        {
            _rateGaps!.Query(low, high, hits);
        }
        else if (unit.Base == "%")
        {
            _ratios!.Query(low, high, hits);
        }
        else
        {
            double scale = (double)unit.Multiplier;
            _amounts!.Query(low * scale, high * scale, hits);
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
    private static int[] PartnersOf(SheetIndex sheet, Candidate a)
    {
        Candidate[] own = a.Fact.IndicatorIndex is { } i ? sheet.OfIndicator(i) : [];
        Candidate[] funds = a.Fact.FundLineIndex is not null ? sheet.FundCandidates : [];
        var partners = new List<int>(own.Length + funds.Length);
        int x = 0, y = 0;
        while (x < own.Length || y < funds.Length)
        {
            Candidate b = y >= funds.Length || (x < own.Length && own[x].Position <= funds[y].Position) ? own[x++] : funds[y++];
            if (b.Position != a.Position && b.Fact.Value != 0 && (partners.Count == 0 || partners[^1] < b.Position))
            {
                partners.Add(b.Position);
            }
        }

        return partners.ToArray();
    }
}
