namespace Assistant.Domain.Numbers;

/// <summary>
/// A unit split into its magnitude (万 = 10⁴, 亿 = 10⁸) and its base (人, 元, 人次, %, 元/人…):
/// <c>万人次</c> is 10⁴ × 人次, <c>亿元</c> is 10⁸ × 元, <c>%</c> is 1 × %.
/// </summary>
public sealed record UnitSpec(string Magnitude, decimal Multiplier, string Base)
{
    public static readonly UnitSpec None = new(string.Empty, 1m, string.Empty);

    /// <summary>The unit as printed: magnitude then base (万人, 亿元, %).</summary>
    public string Text => Magnitude + Base;

    public bool IsEmpty => Magnitude.Length == 0 && Base.Length == 0;

    public bool IsPercent => Base == "%";

    /// <summary>
    /// The multiplier is exactly 1 (scale 0): multiplying or dividing by it gives a value back bit for bit
    /// (<c>UnitMultiplierTests</c>), so the scorer skips those operations.
    /// </summary>
    internal bool MultipliesByOne => Multiplier.Scale == 0 && Multiplier == 1m;

    /// <summary><paramref name="value"/> × <see cref="Multiplier"/> (the value itself when that is exactly 1).</summary>
    internal decimal Times(decimal value) => MultipliesByOne ? value : value * Multiplier;

    /// <summary><paramref name="value"/> ÷ <see cref="Multiplier"/> (the value itself when that is exactly 1).</summary>
    internal decimal Over(decimal value) => MultipliesByOne ? value : value / Multiplier;

    /// <summary>Magnitude prefixes, longest first.</summary>
    internal static readonly (string Text, decimal Multiplier)[] Magnitudes =
    [
        ("万亿", 1_000_000_000_000m), ("亿", 100_000_000m), ("千万", 10_000_000m), ("百万", 1_000_000m),
        ("万", 10_000m), ("千", 1_000m),
    ];

    /// <summary>
    /// Base units known in these tables, longest first so that 人次 wins over 人 and 元/人/月 over 元/人.
    /// </summary>
    public static readonly string[] KnownBases =
    [
        "元/人/月", "元/人/年", "元/人次", "元/人", "元/户", "元/月", "元/年", "个百分点", "个工作日", "工作日", "个月",
        "人次", "平方米", "公里", "课时", "学时", "小时", "分钟", "户次", "家次",
        "%", "‰", "元", "人", "户", "家", "个", "件", "起", "次", "项", "所", "天", "日", "名",
        "台", "套", "期", "场", "批", "份", "篇", "倍", "亩", "岁", "分", "座", "条", "处", "间", "类", "年",
    ];

    /// <summary>
    /// Parses a unit such as <c>万人</c>, <c>亿元</c>, <c>%</c>, <c>元/人</c>; unknown text is kept as its base.
    /// </summary>
    public static UnitSpec Parse(string? unit)
    {
        if (TextNormalizer.IsBlank(unit))
        {
            return None;
        }

        // A table names a handful of units over and over (人, %, 万元…): each is read once. The answer
        // depends only on the text and a UnitSpec is immutable, so a kept one is the one Read would make.
        if (Parsed.TryGet(unit, out UnitSpec? known))
        {
            return known;
        }

        UnitSpec spec = Read(unit);
        if (unit.Length <= MaxKeptLength)
        {
            Parsed.Keep(unit, spec);
        }

        return spec;
    }

    /// <summary>
    /// A known base (or none) without a magnitude: <c>new UnitSpec("", 1m, unit)</c>, the same shared
    /// value for every cell that prints it.
    /// </summary>
    public static UnitSpec Bare(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Length == 0 ? None : BareBases.TryGetValue(unit, out UnitSpec? known) ? known : new UnitSpec(string.Empty, 1m, unit);
    }

    /// <summary>
    /// Bases that count whole things (人, 户, 个, 座, 处, 套, 辆…): a whole number of them with no 万/亿 is a count,
    /// exact, not a rounded measure (420人 is 420, not [419.5, 420.5); 1.2万人 and 126.4公里 are rounded).
    /// Durations (天, 月, 年), areas, lengths, money and rates are measures.
    /// </summary>
    public bool CountsWholeThings => Magnitude.Length == 0 && CountBases.Contains(Base);

    private static readonly System.Collections.Frozen.FrozenSet<string> CountBases = System.Collections.Frozen.FrozenSet.ToFrozenSet(
    [
        "人", "人次", "户", "户次", "家", "家次", "个", "个次", "件", "起", "次", "项", "笔", "所", "名", "位", "例",
        "台", "套", "期", "场", "场次", "批", "批次", "份", "篇", "座", "条", "处", "间", "辆", "艘", "架", "部",
        "宗", "张", "头", "只", "本", "册", "栋", "幢", "村", "校", "支", "队", "个村", "眼", "口", "株", "棵", "盏", "块",
    ], StringComparer.Ordinal);

    /// <summary>The bases counted in whole things (each also a known base).</summary>
    internal static IEnumerable<string> CountUnits => CountBases;

    /// <summary>Whether <paramref name="unit"/> is one of <see cref="KnownBases"/> (a lookup, not a scan of the list).</summary>
    public static bool IsKnownBase(string unit) => BareBases.ContainsKey(unit);

    /// <summary>The known base spelled by <paramref name="unit"/> as its shared string, or null (a lookup by span: no string made).</summary>
    public static string? KnownBase(ReadOnlySpan<char> unit) =>
        unit.Length > 0 && BareBasesBySpan.TryGetValue(unit, out UnitSpec? known) ? known.Base : null;

    /// <summary>The shared unit of the known base spelled by <paramref name="unit"/> (what <see cref="Bare"/> gives for it), or null: one lookup by span.</summary>
    internal static UnitSpec? KnownBareUnit(ReadOnlySpan<char> unit) =>
        unit.Length > 0 && BareBasesBySpan.TryGetValue(unit, out UnitSpec? known) ? known : null;

    // Every unit counted in whole things is a known base too (session 45: 笔, 张, 辆, 株… were counts but not known, so ≥3000笔 read as
    // a cell of several values and its row went unjudged).
    private static readonly System.Collections.Frozen.FrozenDictionary<string, UnitSpec> BareBases =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(KnownBases.Union(CountBases, StringComparer.Ordinal), b => b, b => new UnitSpec(string.Empty, 1m, b), StringComparer.Ordinal);

    // After BareBases: static fields are set in the order written.
    private static readonly System.Collections.Frozen.FrozenDictionary<string, UnitSpec>.AlternateLookup<ReadOnlySpan<char>> BareBasesBySpan =
        BareBases.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Units read so far (bounded: emptied past 4,096 distinct texts; one longer than <see cref="MaxKeptLength"/> is read and not kept).</summary>
    private static readonly BoundedMemory<string, UnitSpec> Parsed = new(4096, capacity: 64, StringComparer.Ordinal);

    /// <summary>Longer texts are not kept (a unit cell is a few characters; the bound keeps the memory small).</summary>
    private const int MaxKeptLength = 32;

    /// <summary>
    /// The normaliser reads a middle dot as a decimal point (1·5 → 1.5); in a unit such as 元/人·年 there is no number
    /// around it, so the dot is put back (元/人.年 is not how a unit is printed).
    /// </summary>
    public static string KeepMiddleDot(string unit)
    {
        if (!unit.Contains('.', StringComparison.Ordinal))
        {
            return unit;
        }

        var chars = unit.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '.' && i > 0 && i + 1 < chars.Length && !char.IsAsciiDigit(chars[i - 1]) && !char.IsAsciiDigit(chars[i + 1]))
            {
                chars[i] = '·';
            }
        }

        return new string(chars);
    }

    private static UnitSpec Read(string unit)
    {
        string u = Canonical(KeepMiddleDot(TextNormalizer.Normalize(unit).Replace(" ", string.Empty, StringComparison.Ordinal))
            .Trim(Brackets));
        foreach ((string text, decimal multiplier) in Magnitudes)
        {
            if (u.StartsWith(text, StringComparison.Ordinal) && u.Length > text.Length)
            {
                return new UnitSpec(text, multiplier, u[text.Length..]);
            }

            if (u == text)
            {
                return new UnitSpec(text, multiplier, string.Empty);
            }
        }

        return new UnitSpec(string.Empty, 1m, u);
    }

    private static readonly char[] Brackets = ['(', ')', '（', '）'];

    /// <summary>Units spelled as words: 百分比 and 百分率 are %, 百分点 is 个百分点, 千分比 is ‰.</summary>
    public static string Canonical(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Trim(Brackets) switch
        {
            "百分比" or "百分率" or "百分数" or "百分之" or "percent" or "pct" => "%",
            "百分点" or "个百分比点" => "个百分点",
            "千分点" => "个千分点",
            "千分比" or "千分率" => "‰",
            // A rate per 10万 written without its 1 (/10万, 每10万) is the unit 1/10万.
            ['/', >= '0' and <= '9', ..] => "1" + unit,
            ['每', >= '0' and <= '9', ..] => "1/" + unit[1..],
            _ => unit,
        };
    }

    /// <summary>The multiplier of a magnitude word, or null.</summary>
    public static decimal? MultiplierOf(string magnitude)
    {
        foreach ((string text, decimal multiplier) in Magnitudes)
        {
            if (text == magnitude)
            {
                return multiplier;
            }
        }

        return magnitude.Length == 0 ? 1m : null;
    }

    /// <summary>
    /// A unit as written straight after a number. One that starts with a digit (1/10万, per 100 000 live births)
    /// would run into the number (10 then 1/10万 reads “101/10万”): its leading 1 is dropped (10/10万), and one
    /// that starts with another digit is written as what it is, a denominator (13.5/10万人).
    /// </summary>
    public static string AfterNumber(string? unit)
    {
        if (string.IsNullOrEmpty(unit) || !char.IsAsciiDigit(unit[0]))
        {
            return unit ?? string.Empty;
        }

        return unit.StartsWith("1/", StringComparison.Ordinal) ? unit[1..] : "/" + unit;
    }

    /// <summary>A number and its unit as written: <c>10</c> and <c>1/10万</c> make <c>10/10万</c>, never <c>101/10万</c>.</summary>
    public static string Write(string number, string? unit) => number + AfterNumber(unit);

    public override string ToString() => Text;
}
