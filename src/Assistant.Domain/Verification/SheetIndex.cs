using System.Collections.Frozen;
using System.Text.RegularExpressions;
using System.Runtime.CompilerServices;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>
/// What the verifier needs of a fact sheet, prepared once per sheet and shared by every verification
/// against it: the facts as candidates, grouped by indicator and fund line; an index of their values
/// by magnitude (so a number is compared only with facts near it); the derived values of every
/// meaningful pair (sums, gaps, ratios) in the same kind of index; and the indicator and fund-line
/// names prepared for matching. Immutable, so safe to share between threads.
/// </summary>
internal sealed partial class SheetIndex
{
    private static readonly ConditionalWeakTable<FactSheet, SheetIndex> Prepared = new();

    private readonly IntervalIndex _scaled;
    private readonly IntervalIndex _raw;
    private readonly Candidate[][] _byIndicator;

    // Rows of NamesNest, filled on first use (a benign race: two threads compute the same row; since session 45 published with Volatile).
    private readonly bool[]?[] _nest;

    // The same rows as the indicators that nest, ascending (the same benign race).
    private readonly int[]?[] _nestList;

    // The sheet's facts by id, built on first use (the same benign race).
    private Dictionary<string, Fact>? _byId;

    // Each row's 偏差原因 normalized, built on first use (the same benign race).
    private string?[]? _reasons;

    /// <summary>The indicator names (without a bracketed unit) that hold a digit: 2型糖尿病患者规范管理率, 0-6岁儿童健康管理率.</summary>
    public LiteralNames DigitNames { get; }

    /// <summary>
    /// The units with a digit the table's rows print (1/10万, 1/万, 1/1000), as a row's unit or bracketed after its name,
    /// normalized: written in brackets in a text (孕产妇死亡率（1/10万）) such a unit is a label, not a quantity.
    /// </summary>
    public System.Collections.Frozen.FrozenSet<string> UnitLabels { get; }

    /// <summary>What a name's last bracket holds (孕产妇死亡率（1/10万） → 1/10万), or null.</summary>
    public static string? BracketedEnd(string? name)
    {
        string n = (name ?? string.Empty).TrimEnd();
        if (n.Length < 3 || n[^1] is not ('）' or ')'))
        {
            return null;
        }

        int open = n.LastIndexOfAny(['（', '(']);
        return open < 0 ? null : n[(open + 1)..^1].Trim();
    }

    private SheetIndex(FactSheet sheet)
    {
        Sheet = sheet;
        string?[] nameUnits = NameUnits(sheet.Evaluation.Indicators);
        Candidates = CandidatesOf(sheet, nameUnits);
        _byIndicator = ByIndicator(Candidates);
        _nest = new bool[sheet.Evaluation.Indicators.Count][];
        _nestList = new int[sheet.Evaluation.Indicators.Count][];
        FundCandidates = Array.FindAll(Candidates, c => c.Fact.FundLineIndex is not null);
        (_scaled, _raw) = ValueIndexes(Candidates);
        Names = new NameIndex(sheet.Evaluation.Indicators.Select(i => i.Name).ToList());
        DigitNames = new LiteralNames(DigitNamesOf(sheet.Evaluation.Indicators));
        UnitLabels = UnitLabelsOf(sheet.Evaluation.Indicators);
        FundNames = new NameIndex(FundNameCores.Shorten(sheet.Evaluation.Funds.Lines, sheet.Evaluation.Funds.Lines.Select(l => FundCore(l.Name)).ToList()));
    }

    /// <summary>Each indicator's <see cref="NameUnit"/>, in order.</summary>
    internal static string?[] NameUnits(IReadOnlyList<Assistant.Domain.Evaluations.Indicator> indicators)
    {
        var units = new string?[indicators.Count];
        for (int i = 0; i < units.Length; i++)
        {
            units[i] = NameUnit(indicators[i].Name);
        }

        return units;
    }

    /// <summary>
    /// Each fact by the values it stands for in its base unit (its value and the range its printed inputs allow);
    /// and, for a bare number, by its value as printed.
    /// </summary>
    internal static (IntervalIndex Scaled, IntervalIndex Raw) ValueIndexes(Candidate[] candidates)
    {
        // Session 43: parallel arrays of the exact size (a bare number counted first) in place of two lists of tuples.
        int withUnit = 0;
        foreach (Candidate c in candidates)
        {
            if (c.Unit.Base.Length > 0)
            {
                withUnit++;
            }
        }

        var scaledLow = new double[candidates.Length];
        var scaledHigh = new double[candidates.Length];
        var scaledAt = new int[candidates.Length];
        var rawValue = new double[withUnit];
        var rawAt = new int[withUnit];
        int scaled = 0, raw = 0;
        List<int>? always = null;
        foreach (Candidate c in candidates)
        {
            try
            {
                // Session 36: a multiplier of 1 (most facts) leaves the decimal as it is (mantissa and scale), so it is not applied.
                decimal multiplier = c.Unit.Multiplier;
                bool one = multiplier == 1m;
                decimal v = one ? c.Fact.Value : c.Fact.Value * multiplier;
                Interval hull = c.Fact.Range is { } r ? Hull(v, one ? r : r.Scale(multiplier)) : Interval.Point(v);
                (double low, double high) = ((double)hull.Low, (double)hull.High);
                (scaledLow[scaled], scaledHigh[scaled], scaledAt[scaled]) = (low, high, c.Position);
                scaled++;
                if (c.Unit.Base.Length > 0)
                {
                    double value = (double)c.Fact.Value;
                    (rawValue[raw], rawAt[raw]) = (value, c.Position);
                    raw++;
                }
            }
            catch (OverflowException)
            {
                (always ??= []).Add(c.Position);
            }
        }

        // The raw index's intervals are points: its low ends (sorted in place by the index) are copied for its high ends.
        double[] rawHigh = raw == 0 ? [] : rawValue[..raw];
        return (new IntervalIndex(scaledLow, scaledHigh, scaledAt, scaled, always is null ? [] : [.. always]),
            new IntervalIndex(rawValue, rawHigh, rawAt, raw, []));
    }

    public FactSheet Sheet { get; }

    /// <summary>
    /// The indicator names' heads before a bracket, trimmed, that hold an ASCII digit and are four characters or more, each
    /// once in first-seen order (what <c>Split('（', '(')[0].Trim()</c>, then <c>Where</c> and <c>Distinct</c> give; session 36: one loop).
    /// </summary>
    internal static string[] DigitNamesOf(IReadOnlyList<Assistant.Domain.Evaluations.Indicator> indicators)
    {
        List<string>? names = null;
        HashSet<string>? seen = null;
        foreach (var indicator in indicators)
        {
            string name = indicator.Name ?? string.Empty;
            int bracket = name.AsSpan().IndexOfAny('（', '(');
            ReadOnlySpan<char> head = (bracket < 0 ? name.AsSpan() : name.AsSpan(0, bracket)).Trim();
            if (head.Length < 4 || !head.ContainsAnyInRange('0', '9'))
            {
                continue;
            }

            names ??= [];
            string h = head.Length == name.Length ? name : head.ToString();
            if ((seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(h))
            {
                names.Add(h);
            }
        }

        return names is null ? [] : [.. names];
    }

    /// <summary>
    /// The rows' units and their names' bracketed ends that hold an ASCII digit, normalized without spaces (session 36: a
    /// loop in place of a LINQ chain, the same set).
    /// </summary>
    internal static FrozenSet<string> UnitLabelsOf(IReadOnlyList<Assistant.Domain.Evaluations.Indicator> indicators)
    {
        List<string>? labels = null;
        foreach (var indicator in indicators)
        {
            Label(indicator.Unit, ref labels);
            if (indicator.Name is { Length: > 0 } name && name[^1] is not ('）' or ')') && !char.IsWhiteSpace(name[^1]))
            {
                // No bracket at the end: BracketedEnd gives null.
                continue;
            }

            Label(BracketedEnd(indicator.Name), ref labels);
        }

        return labels is null ? FrozenSet<string>.Empty : labels.ToFrozenSet(StringComparer.Ordinal);

        static void Label(string? u, ref List<string>? labels)
        {
            if (!string.IsNullOrWhiteSpace(u) && u.AsSpan().ContainsAnyInRange('0', '9'))
            {
                (labels ??= []).Add(TextNormalizer.Normalize(u.Trim()).Replace(" ", string.Empty, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>Every fact of the sheet and every number written in its text cells, in the order the verifier prefers them.</summary>
    public Candidate[] Candidates { get; }

    /// <summary>The facts of the fund lines, in order.</summary>
    public Candidate[] FundCandidates { get; }

    public NameIndex Names { get; }

    public NameIndex FundNames { get; }

    /// <summary>
    /// The derived values of the meaningful pairs, built on first use (session 35): only a number no single fact gives
    /// is looked for among them, so a text whose every number is a fact's (or that has no number) never builds them.
    /// Two threads may both build it; one is kept (it is immutable once built).
    /// </summary>
    public DerivedIndex Derived
    {
        get
        {
            DerivedIndex? derived = Volatile.Read(ref _derived);
            if (derived is null)
            {
                Interlocked.CompareExchange(ref _derived, new DerivedIndex(this), null);
                derived = Volatile.Read(ref _derived)!;
            }

            return derived;
        }
    }

    private DerivedIndex? _derived;

    /// <summary>Whether <see cref="Derived"/> has been built (tests).</summary>
    internal bool HasDerived => Volatile.Read(ref _derived) is not null;

    public static SheetIndex For(FactSheet sheet) => Prepared.GetValue(sheet, s => new SheetIndex(s));

    /// <summary>The sheet's fact with this id, as <see cref="FactSheet.Find"/> gives it (the first of the id), without a search of every fact.</summary>
    public Fact? Find(string id) => (_byId ??= ById(Sheet.Facts)).TryGetValue(id, out Fact? fact) ? fact : null;

    /// <summary>Each row's 偏差原因 normalized as a text is (null when it has none), for numbers quoted from a reason; built on first use.</summary>
    public string?[] Reasons => _reasons ??= Verifier.NormalizedReasons(Sheet.Evaluation);

    private static Dictionary<string, Fact> ById(IReadOnlyList<Fact> facts)
    {
        var byId = new Dictionary<string, Fact>(facts.Count, StringComparer.Ordinal);
        foreach (Fact f in facts)
        {
            byId.TryAdd(f.Id, f);
        }

        return byId;
    }

    public Candidate[] OfIndicator(int indicator) => indicator >= 0 && indicator < _byIndicator.Length ? _byIndicator[indicator] : [];

    /// <summary>The sheet's facts, then the numbers of its text cells, as candidates in that order (session 35: one pass, no LINQ chain).</summary>
    internal static Candidate[] CandidatesOf(FactSheet sheet, string?[] nameUnits)
    {
        var facts = new List<Fact>(sheet.Facts.Count + 8);
        // The fund line's deduction is never a candidate by value alone (Deductions reads it after 扣/失分).
        foreach (Fact f in sheet.Facts)
        {
            if (!Deductions.IsFundLost(f))
            {
                facts.Add(f);
            }
        }

        facts.AddRange(TextNumberFacts(sheet));
        var all = new Candidate[facts.Count];
        for (int k = 0; k < all.Length; k++)
        {
            all[k] = new Candidate(facts[k], UnitSpec.Parse(UnitOf(facts[k], nameUnits)), k);
        }

        return all;
    }

    /// <summary>
    /// The candidates of each indicator by its index, in the candidates' order (what grouping by indicator gives); an
    /// indicator without a candidate has an empty array. Session 43: counted, then filled, into arrays of the exact size (in
    /// place of a dictionary of growing lists copied to arrays); <see cref="OfIndicator"/> reads it by index.
    /// </summary>
    internal static Candidate[][] ByIndicator(Candidate[] all)
    {
        int rows = 0;
        foreach (Candidate c in all)
        {
            if (c.Fact.IndicatorIndex is { } i && i >= rows)
            {
                rows = i + 1;
            }
        }

        var counts = new int[rows];
        foreach (Candidate c in all)
        {
            if (c.Fact.IndicatorIndex is { } i && i >= 0)
            {
                counts[i]++;
            }
        }

        var byIndicator = new Candidate[rows][];
        for (int i = 0; i < rows; i++)
        {
            byIndicator[i] = counts[i] == 0 ? [] : new Candidate[counts[i]];
            counts[i] = 0;
        }

        foreach (Candidate c in all)
        {
            if (c.Fact.IndicatorIndex is { } i && i >= 0)
            {
                byIndicator[i][counts[i]++] = c;
            }
        }

        return byIndicator;
    }

    /// <summary>
    /// The positions, ascending, of every candidate whose value in the mention's unit could print as
    /// the mention (exactly, through its rounding, or within the mention's qualifier): a superset the
    /// caller checks exactly.
    /// </summary>
    public void Near(Mention m, PrintedNumber number, List<int> hits)
    {
        hits.Clear();
        (double low, double high) = Window(m, number);
        double scale = (double)m.Unit.Multiplier;
        _scaled.Query(low * scale, high * scale, hits);
        if (m.Unit.IsEmpty)
        {
            _raw.Query(low, high, hits);
        }

        if (hits.Count > 16 && Candidates.Length <= hits.Count * 256)
        {
            // Many hits: put in order (and once each) through one bit per candidate, in place of a sort.
            InOrder(hits, Candidates.Length);
            return;
        }

        hits.Sort();
        int kept = 0;
        for (int k = 0; k < hits.Count; k++)
        {
            if (k == 0 || hits[k] != hits[k - 1])
            {
                hits[kept++] = hits[k];
            }
        }

        hits.RemoveRange(kept, hits.Count - kept);
    }

    [ThreadStatic]
    private static ulong[]? _bits;

    /// <summary>Positions below <paramref name="count"/>, rewritten ascending and without repeats (what sorting and dropping repeats gives).</summary>
    internal static void InOrder(List<int> positions, int count)
    {
        int words = (count + 63) >> 6;
        ulong[] bits = _bits is { } b && b.Length >= words ? b : (_bits = new ulong[Math.Max(words, 16)]);
        foreach (int p in positions)
        {
            bits[p >> 6] |= 1UL << p;
        }

        positions.Clear();
        for (int w = 0; w < words; w++)
        {
            ulong word = bits[w];
            if (word == 0)
            {
                continue;
            }

            bits[w] = 0;
            do
            {
                positions.Add((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word));
                word &= word - 1;
            }
            while (word != 0);
        }
    }

    /// <summary>
    /// The values a mention can stand for: its printed interval, widened as its qualifier allows
    /// (约 ±5 %, 近 −10 %, 超过 +50 %, 不超过 −50 %; see <c>Verifier.Matches</c>).
    /// </summary>
    public static (double Low, double High) Window(Mention m, PrintedNumber number)
    {
        double v = (double)number.Value, h = (double)number.HalfUnit;
        double slack = Math.Abs(v) * m.Qualifier switch
        {
            null => 0,
            "约" or "约为" or "大约" or "左右" => 0.05,
            "近" or "将近" or "接近" => 0.1,
            _ => 0.5,
        };
        return (v - h - slack, v + h + slack);
    }

    /// <summary>The interval a printed fact stands for (its last printed digit ± half), in the mention's magnitude.</summary>
    public Interval Printed(Candidate c, UnitSpec mention)
    {
        decimal factor = c.Unit.Multiplier / mention.Multiplier;
        // A target is set, not measured, and a whole count (2903人) is counted: exact as printed.
        if (c.Fact.Kind == FactKind.Derived || (c.Fact.IndicatorIndex is { } i && (c.Measure == "target"
            || (c.Measure == "actual" && (Sheet.Report.Indicators[i].Actual is QuantityCell { IsExactCount: true } || ExactOperands(i))))))
        {
            return c.Fact.Range?.Scale(factor) ?? Interval.Point(c.Fact.Value * factor);
        }

        decimal half = 0.5m * PrintedNumber.Unit(c.Fact.Decimals);
        return new Interval(c.Fact.Value - half, c.Fact.Value + half).Scale(factor);
    }

    /// <summary>
    /// A row whose target and actual are whole numbers with no 万/亿 and no rate or money unit (9座 of 12座, a unit
    /// left in the name): counted, so exact, and what is derived from them (完成率 75 %) is exact too.
    /// </summary>
    public bool ExactOperands(int indicator) =>
        Sheet.Report.Indicators[indicator] is { Target: QuantityCell t, Actual: QuantityCell a }
        && Whole(t) && Whole(a);

    private static bool Whole(QuantityCell q) =>
        q.Number.Decimals == 0 && q.EffectiveUnit.Multiplier == 1m
        && q.EffectiveUnit.Base is not ("%" or "‰") && !q.EffectiveUnit.Base.StartsWith('元') && !q.EffectiveUnit.Base.Contains('/');

    public static Interval Hull(decimal value, Interval range) => new(Math.Min(value, range.Low), Math.Max(value, range.High));

    public static string FundCore(string s) => s.Replace("财政", string.Empty, StringComparison.Ordinal).Replace("资金", string.Empty, StringComparison.Ordinal)
        .Replace("年度", string.Empty, StringComparison.Ordinal).Replace("其中", string.Empty, StringComparison.Ordinal);

    /// <summary>Numbers written inside text cells (<c>不超过其实际缴费额的2/3</c>) are facts of their indicator too.</summary>
    /// <summary>
    /// A row's target, actual or gap without a unit of its own takes the unit its name ends with: 新增粮食产能（万公斤）
    /// printed 380 is 380万公斤, so a report's 380万公斤 is that figure, not 3.8 million of nothing.
    /// </summary>
    internal static string UnitOf(Fact f, string?[] nameUnits) =>
        f.Unit.Length == 0 && f.IndicatorIndex is { } i && nameUnits[i] is { } u
        && (f.Id.EndsWith(".target", StringComparison.Ordinal) || f.Id.EndsWith(".actual", StringComparison.Ordinal) || f.Id.EndsWith(".gap", StringComparison.Ordinal))
            ? u : f.Unit;

    /// <summary>The unit in brackets at the end of an indicator's name (（万公斤）, （万亩）, （%）), or null.</summary>
    internal static string? NameUnit(string name)
    {
        // The pattern ends with a closing bracket and white space only: a name ending otherwise has no unit (session 36: no regex run for it).
        ReadOnlySpan<char> end = name.AsSpan().TrimEnd();
        if (end.Length == 0 || end[^1] is not ('）' or ')'))
        {
            return null;
        }

        return NameUnitMatched(name);
    }

    /// <summary>What <see cref="NameUnit"/> gave before session 36: the pattern run on every name.</summary>
    internal static string? NameUnitMatched(string name)
    {
        Match m = NameUnitPattern().Match(name);
        if (!m.Success)
        {
            return null;
        }

        UnitSpec spec = UnitSpec.Parse(m.Groups["u"].Value);
        return UnitSpec.IsKnownBase(spec.Base) || spec.Base is "公斤" or "千克" or "吨" or "立方米" or "米" or "千瓦" or "等" || IsPerPopulation(spec.Base) ? m.Groups["u"].Value : null;
    }

    /// <summary>A rate per a power of ten (1/10万, 1/万, 1/1000): 甲乙类传染病发病率（1/10万）.</summary>
    internal static bool IsPerPopulation(string unitBase) => PerPopulation().IsMatch(unitBase);

    [GeneratedRegex(@"^1/(?:[1-9]0*)?(?:万|千|百|亿)?(?:人口|人|活产|户|例)?$")]
    private static partial Regex PerPopulation();

    [GeneratedRegex(@"[（(]\s*(?<u>%|％|‰|1?/\s*(?:[1-9]0*)?(?:万|千|百|亿)(?:人口|人|活产|户|例)?|1?/\s*10{2,}|[万亿千]?[\u4e00-\u9fa5]{1,4}(?:/[\u4e00-\u9fa5]{1,2}){0,2})\s*[)）]\s*$")]
    private static partial Regex NameUnitPattern();

    private static IEnumerable<Fact> TextNumberFacts(FactSheet sheet)
    {
        for (int i = 0; i < sheet.Report.Indicators.Count; i++)
        {
            IndicatorResult r = sheet.Report.Indicators[i];
            if (r.Target is not CompoundCell && r.Actual is not CompoundCell)
            {
                continue;
            }

            foreach ((Cell cell, string which) in new[] { (r.Target, "target"), (r.Actual, "actual") })
            {
                if (cell is CompoundCell c)
                {
                    for (int k = 0; k < c.Numbers.Count; k++)
                    {
                        yield return new Fact($"indicators[{i}].{which}Text[{k}]", $"{r.Name}{(which == "target" ? "指标值" : "完成值")}文字中的数字",
                            c.Numbers[k].Value, string.Empty, c.Numbers[k].Decimals, FactKind.Input) { IndicatorIndex = i };
                    }
                }
            }
        }
    }
}
