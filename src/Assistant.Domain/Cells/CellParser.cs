using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Cells;

/// <summary>
/// Reads the free-text target and actual cells of a 自评表 into typed values. Every cell parses to
/// something: what is not a single quantity, a deadline or words becomes a <see cref="CompoundCell"/>
/// with the reason it could not be read as one quantity.
/// </summary>
public static partial class CellParser
{
    private static readonly string[] NotSetWords =
        ["指标值未设定", "未设定", "未设置", "无", "/", "-", "—", "——", "－", "不适用", "暂无"];

    /// <summary>Parses a cell; <paramref name="indicatorUnit"/> is the row's unit (万人, 亿元, %…) used when the cell has none.</summary>
    /// <remarks>
    /// A cell's reading depends only on its exact text and the unit given, and a <see cref="Cell"/> is
    /// immutable, so each (text, unit) is read once and kept in a bounded memory: tables repeat their
    /// targets (≥95%, 100%, 是, 12月底前…) across rows, units and requests. A text longer than
    /// <see cref="MaxKeptLength"/> is read every time and not kept.
    /// </remarks>
    public static Cell Parse(string? text, string? indicatorUnit = null)
    {
        if (text is null || text.Length > MaxKeptLength || (indicatorUnit?.Length ?? 0) > MaxKeptLength || WithoutMemory)
        {
            return Read(text, indicatorUnit);
        }

        var key = new CellKey(text, indicatorUnit);
        if (Parsed.TryGet(key, out Cell? known))
        {
            return known;
        }

        Cell cell = Read(text, indicatorUnit);
        Parsed.Keep(key, cell);
        return cell;
    }

    /// <summary>Empties the memory of cells read (a benchmark of a table never seen; tests).</summary>
    public static void ForgetReadCells() => Parsed.Clear();

    /// <summary>Cells read so far, by exact text and unit (bounded: emptied past 8,192 keys).</summary>
    internal static readonly BoundedMemory<CellKey, Cell> Parsed = new(8192, capacity: 1024);

    /// <summary>On this thread, read every cell afresh (tests compare answers with and without the memory).</summary>
    [ThreadStatic]
    internal static bool WithoutMemory;

    /// <summary>Texts (and units) longer than this are not kept: a target or actual is a few characters; the bound keeps the memory small.</summary>
    internal const int MaxKeptLength = 48;

    /// <summary>What a cell's reading depends on: its exact text and the unit it is read with (compared ordinally).</summary>
    /// <remarks>
    /// The hash is taken once, when the key is made: a cell never seen is looked up and then kept, and the memory
    /// asks the key for its hash both times (two hashes of both strings per new cell before session 33).
    /// </remarks>
    internal readonly struct CellKey(string text, string? unit) : IEquatable<CellKey>
    {
        private readonly int hash = HashCode.Combine(text, unit);

        public string Text { get; } = text;

        public string? Unit { get; } = unit;

        public bool Equals(CellKey other) =>
            hash == other.hash && string.Equals(Text, other.Text, StringComparison.Ordinal) && string.Equals(Unit, other.Unit, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is CellKey other && Equals(other);

        public override int GetHashCode() => hash;
    }

    /// <summary>Reads a cell, without the memory (what <see cref="Parse"/> keeps).</summary>
    /// <remarks>
    /// The common shapes (≥95%, 100%, 1200人次, 100万元, ≤15天; 是, 达标, 效果显著) are read first by <see cref="TryReadPlain"/>,
    /// which proves the general path's preparation and checks would change nothing and then reads the parts the same way;
    /// anything it does not fully recognise is read by <see cref="ReadGeneral"/> (since session 42; a test holds the two
    /// readings equal on every cell of the real tables and on generated ones).
    /// </remarks>
    internal static Cell Read(string? text, string? indicatorUnit) =>
        (text is null ? null : TryReadPlain(text, indicatorUnit)) ?? ReadGeneral(text, indicatorUnit);

    /// <summary>Reads a cell by the general path alone (what <see cref="Read"/> did before session 42).</summary>
    internal static Cell ReadGeneral(string? text, string? indicatorUnit)
    {
        string original = text ?? string.Empty;
        string s = TextNormalizer.TrimWhiteSpace(TextNormalizer.Normalize(original));
        if (s.Length == 0)
        {
            return new MissingCell(original, ExplicitlyNotSet: false);
        }

        string compact = Compact(s);
        if (Array.IndexOf(NotSetWords, compact) >= 0)
        {
            return new MissingCell(original, ExplicitlyNotSet: true);
        }

        if (compact.Contains("取消", StringComparison.Ordinal))
        {
            return new CancelledCell(original);
        }

        // A number past what can be computed with is said so, never an exception (only a cell with a long run of digits can hold one).
        if (PrintedNumber.MayHaveUncomputable(compact))
        {
            foreach (ValueMatch m in NumberToken().EnumerateMatches(compact))
            {
                if (!PrintedNumber.IsComputable(compact.AsSpan(m.Index, m.Length)))
                {
                    return new CompoundCell(original, [], $"数值超出可计算范围（整数不超过15位、小数不超过{PrintedNumber.MaxDecimals}位）");
                }
            }
        }

        // A target for several years together (2023—2025年累计≥6, 到2025年累计达到6万亩) is a quantity of that period, not a date.
        // Its pattern needs 年 after the last year: a cell without one is not asked (since session 40).
        if (compact.Length > 6 && compact.Contains('年', StringComparison.Ordinal) && TryPeriod(compact, original, indicatorUnit) is { } period)
        {
            return period;
        }

        // Only a cell with 年 or 月 can read as a date (both date patterns need one).
        if (compact.AsSpan().IndexOfAny('年', '月') >= 0 && (TryDeadline(compact, original) ?? TryDeadlineInWords(compact, original)) is { } deadline)
        {
            return deadline;
        }

        // A minus sign before the number (-5, −5, －5, -5.0人次, ≥-3) is a negative value, not a label "-" before 5:
        // a count, an amount or a rate in these tables is never below zero, so the cell is not compared, and says why.
        if (NegativeNumber(compact) is { } negative)
        {
            return negative.Cell(original);
        }

        if (TryQuantity(compact, original, indicatorUnit) is { } quantity)
        {
            return quantity;
        }

        // A remark in brackets after the number (98.5%（抽查）, 1200人（含线上）) says how it was measured; the number stands.
        if (WithoutRemark(compact) is { } bare && TryQuantity(bare, original, indicatorUnit) is { } remarked)
        {
            return remarked;
        }

        // A rate per a power of ten written in the cell (≤12/10万, 11.8/10万, 2例/10万人, 每10万人12例): the denominator is the unit.
        if (compact.AsSpan().IndexOfAny('/', '每') >= 0 && CellUnits.TrySplitRate(compact, out string head, out string rateUnit)
            && QuantityText.TryMatch(head, out QuantityText rate) && rate.Magnitude.Length == 0 && rate.UnitSpan.Length == 0)
        {
            return Quantity(rate, original, indicatorUnit, string.Empty, rateUnit, null);
        }

        // A number token starts with a digit, and the normalized cell writes every digit in ASCII (TextNormalizer.Map): words
        // without one (效果显著) are not searched for numbers (since session 40).
        MatchCollection? numbers = compact.AsSpan().ContainsAnyInRange('0', '9') ? NumberToken().Matches(compact) : null;
        if (numbers is { Count: > 0 })
        {
            var values = numbers.Select(m => PrintedNumber.Parse(m.Value)).ToList();
            string reason = numbers.Count > 1
                ? $"含{numbers.Count}个数值，无法作为单一数量比较"
                : "数值后的文字不是可识别的计量单位，无法作为数量比较";
            return new CompoundCell(original, values, reason);
        }

        return new QualitativeCell(original, GradeLevel(compact));
    }

    /// <summary>The minus signs a cell may be typed with: ASCII, the minus sign, full-width, small, hyphen and dashes.</summary>
    internal const string MinusSigns = "-−－﹣‐‑–";

    /// <summary>
    /// A cell whose number has a minus sign right before it, after at most a comparator (<c>-5</c>, <c>−5</c>, <c>－5</c>,
    /// <c>-5.0</c>, <c>-5人次</c>, <c>≥-3%</c>): the value negated; null when the cell has no such sign.
    /// </summary>
    internal static NegativeValue? NegativeNumber(string compact)
    {
        int i = 0;
        while (i < compact.Length && compact[i] is '≥' or '≤' or '<' or '>' or '=')
        {
            i++;
        }

        if (i + 1 >= compact.Length || MinusSigns.IndexOf(compact[i], StringComparison.Ordinal) < 0 || !char.IsAsciiDigit(compact[i + 1]))
        {
            return null;
        }

        int end = QuantityText.NumberEnd(compact, i + 1);
        return PrintedNumber.TryParseSpan(compact.AsSpan(i + 1, end - (i + 1)), out PrintedNumber n)
            ? new NegativeValue(new PrintedNumber(-n.Value, n.Decimals))
            : null;
    }

    /// <summary>A negative value read from a cell.</summary>
    internal sealed record NegativeValue(PrintedNumber Value)
    {
        public CompoundCell Cell(string original) =>
            new(original, [Value], $"为负数（{Value}）：数量、金额和比率不会小于0，无法按数量比较计分，请核实是否误填了负号");
    }

    /// <summary>
    /// The cell without a bracketed remark at its end (<c>98.5%(抽查)</c> → <c>98.5%</c>, the text normalized so its brackets
    /// are ASCII), when the remark holds no digit and a digit comes before it; null otherwise.
    /// </summary>
    internal static string? WithoutRemark(string compact)
    {
        if (compact.Length < 3 || compact[^1] != ')')
        {
            return null;
        }

        int open = compact.LastIndexOf('(');
        if (open <= 0 || compact.AsSpan(open).IndexOfAnyInRange('0', '9') >= 0 || compact.AsSpan(0, open).IndexOfAnyInRange('0', '9') < 0)
        {
            return null;
        }

        return compact[..open];
    }

    // The pattern's groups by number, looked up once: Groups["y"] looks the name up in a table on every call.
    private static readonly int YearGroup = DeadlinePattern().GroupNumberFromName("y");
    private static readonly int MonthGroup = DeadlinePattern().GroupNumberFromName("m");
    private static readonly int DayGroup = DeadlinePattern().GroupNumberFromName("d");
    private static readonly int EndGroup = DeadlinePattern().GroupNumberFromName("end");
    private static readonly int BeforeGroup = DeadlinePattern().GroupNumberFromName("before");

    /// <summary>
    /// The date a cell reads as, or null. Since session 36 its parts are read by <see cref="DeadlineText"/> (no match object and
    /// no groups per cell); the pattern reads only what that reader leaves to it, and <see cref="TryDeadlineAsBefore"/> keeps the
    /// pattern's way whole for the test that holds the two equal.
    /// </summary>
    private static DeadlineCell? TryDeadline(string s, string original)
    {
        switch (DeadlineText.TryRead(s, out DeadlineText parts))
        {
            case DeadlineText.Outcome.Matched when parts.Year is not null || parts.Month is not null:
                (int? y, int? mo, int? d) = (parts.Year, parts.Month, parts.Day);
                if (y is < 1900 or > 2200 || mo is < 1 or > 12 || d is < 1 or > 31)
                {
                    return null;
                }

                bool end = parts.End is "底" or "末";
                return new DeadlineCell(original, y, end && mo is null ? 12 : mo, d, end, parts.Before);
            case DeadlineText.Outcome.AskThePattern:
                return TryDeadlineAsBefore(s, original);
            default:
                return TryYearEnd(s, original);
        }
    }

    /// <summary>The date a cell reads as, by the patterns alone (what <see cref="TryDeadline"/> did before session 36).</summary>
    internal static DeadlineCell? TryDeadlineAsBefore(string s, string original)
    {
        Match m = DeadlinePattern().Match(s);
        if (m.Success)
        {
            Group yg = m.Groups[YearGroup], mg = m.Groups[MonthGroup];
            if (yg.Success || mg.Success)
            {
                Group dg = m.Groups[DayGroup], eg = m.Groups[EndGroup];
                int? y = yg.Success ? int.Parse(yg.ValueSpan, CultureInfo.InvariantCulture) : null;
                int? mo = mg.Success ? int.Parse(mg.ValueSpan, CultureInfo.InvariantCulture) : null;
                int? d = dg.Success ? int.Parse(dg.ValueSpan, CultureInfo.InvariantCulture) : null;
                if (y is < 1900 or > 2200 || mo is < 1 or > 12 || d is < 1 or > 31)
                {
                    return null;
                }

                // A bare "2024年" with nothing else is a year, still a date for our purposes.
                bool end = eg.Success && eg.ValueSpan is "底" or "末";
                return new DeadlineCell(original, y, end && mo is null ? 12 : mo, d, end, m.Groups[BeforeGroup].Success);
            }
        }

        return TryYearEnd(s, original);
    }

    /// <summary>
    /// A date written with the words around it that say what happened then: <c>2026年1月完工</c>, <c>于2025年10月全部拨付到位</c>,
    /// <c>2025年11月底前完成</c>, <c>年底前完成</c>. The words are dropped and the date read; anything else around it is not a date.
    /// </summary>
    private static DeadlineCell? TryDeadlineInWords(string s, string original)
    {
        Match m = DateInWordsPattern().Match(s);
        if (!m.Success)
        {
            return null;
        }

        string date = m.Groups["date"].Value;
        return date.Length < s.Length && date.Length > 0 ? TryDeadline(date, original) : null;
    }

    /// <summary>本年底, 年末前, 年内: the end of the table's year.</summary>
    private static DeadlineCell? TryYearEnd(string s, string original)
    {
        // Most texts asked are not one (a quantity with 年 in its label): no match object for them.
        if (!YearEndPattern().IsMatch(s))
        {
            return null;
        }

        Match yearEnd = YearEndPattern().Match(s);
        if (yearEnd.Success)
        {
            return new DeadlineCell(original, null, 12, 31, EndOfPeriod: true, Before: yearEnd.Groups["before"].Success || s.EndsWith('内'));
        }

        return null;
    }

    /// <summary>The date <see cref="Read"/> makes of a text as it prepares it (for the test that holds it equal to <see cref="TryDeadlineAsBefore"/>).</summary>
    internal static DeadlineCell? DeadlineOf(string compact) => TryDeadline(compact, compact);

    private static QuantityCell? TryQuantity(string s, string original, string? indicatorUnit)
    {
        if (!QuantityText.TryMatch(s, out QuantityText m))
        {
            return null;
        }

        // A known base (人, %, 元/人…) is its shared unit, found by one lookup of the span: no string of the cell's unit,
        // and nothing to spell again (Canonical leaves every known base, alone or after a magnitude, as it is; a test holds it).
        UnitSpec? known = UnitSpec.KnownBareUnit(m.UnitSpan);
        string unitText;
        string magnitude = m.Magnitude;
        if (known is not null)
        {
            unitText = known.Base;
        }
        else
        {
            unitText = CellUnits.Spell(UnitSpec.Canonical(m.Unit));
            if (magnitude.Length > 0 && UnitSpec.Canonical(magnitude + unitText) is var spelled && spelled != magnitude + unitText)
            {
                // 千分比 is ‰, not 千 × 分比.
                (magnitude, unitText) = (string.Empty, spelled);
            }

            if (unitText.Length > 0 && !IsCellUnit(unitText))
            {
                // 个工作日, 元/人/月, 元/台, 次/年 and the like are known; anything else is words after a number.
                return null;
            }
        }

        return Quantity(m, original, indicatorUnit, magnitude, unitText, magnitude.Length == 0 && known is not null ? known : null);
    }

    /// <summary>A unit a cell may print after its number: a known base, ‱, or a compound unit (元/台, 次/年, 元/人·年; <see cref="CellUnits.IsCompound"/>).</summary>
    private static bool IsCellUnit(string unitText) =>
        UnitSpec.IsKnownBase(unitText) || unitText == "‱" || CellUnits.IsCompound(unitText);

    /// <summary>The quantity cell of parts already matched, its unit checked (<paramref name="bare"/>: the shared unit of a known base without a magnitude).</summary>
    private static QuantityCell Quantity(in QuantityText m, string original, string? indicatorUnit, string magnitude, string unitText, UnitSpec? bare)
    {
        string label = m.LabelEnd == 0 ? string.Empty : m.Label.Trim();
        Comparator cmp = ComparatorOf(m.ComparatorSpan, m.TailSpan);
        PrintedNumber number = PrintedNumber.TryParseRun(m.NumberSpan, out PrintedNumber run) ? run : PrintedNumber.Parse(m.Number);
        decimal multiplier = magnitude.Length == 0 ? 1m : UnitSpec.MultiplierOf(magnitude) ?? 1m;
        var cellUnit = bare ?? (magnitude.Length == 0 ? UnitSpec.Bare(unitText) : new UnitSpec(magnitude, multiplier, unitText));
        UnitSpec effective = unitText.Length > 0
            ? cellUnit
            : magnitude.Length > 0
                ? new UnitSpec(magnitude, multiplier, UnitSpec.Parse(indicatorUnit).Base)
                : UnitSpec.Parse(indicatorUnit);
        return new QuantityCell(original, cmp, number, cellUnit, effective, label.Length > 0 ? label : null);
    }

    /// <summary>What <see cref="TryQuantity"/> did before session 34 (three lookups of a known base, its spelling checked): a test holds the two equal.</summary>
    internal static QuantityCell? TryQuantityAsBefore(string s, string original, string? indicatorUnit)
    {
        if (!QuantityText.TryMatch(s, out QuantityText m))
        {
            return null;
        }

        string unitText = CellUnits.Spell(UnitSpec.Canonical(UnitSpec.KnownBase(m.UnitSpan) ?? m.Unit));
        string magnitude = m.Magnitude;
        if (magnitude.Length > 0 && UnitSpec.Canonical(magnitude + unitText) is var spelled && spelled != magnitude + unitText)
        {
            (magnitude, unitText) = (string.Empty, spelled);
        }

        if (unitText.Length > 0 && !IsCellUnit(unitText))
        {
            return null;
        }

        return Quantity(m, original, indicatorUnit, magnitude, unitText, null);
    }

    /// <summary>The quantity reading of a cell's text as <see cref="Read"/> prepares it (for that test).</summary>
    internal static QuantityCell? TryQuantityOf(string text, string? indicatorUnit) =>
        TryQuantity(Compact(TextNormalizer.TrimWhiteSpace(TextNormalizer.Normalize(text))), text, indicatorUnit);

    /// <summary>The same, the way before session 34.</summary>
    internal static QuantityCell? TryQuantityOfAsBefore(string text, string? indicatorUnit) =>
        TryQuantityAsBefore(Compact(TextNormalizer.Normalize(text).Trim()), text, indicatorUnit);

    /// <summary>The cell without white space and without closing punctuation (as <c>\s+</c> removed, then trimmed of 。.；;，,).</summary>
    private static string Compact(string s)
    {
        int ws = 0;
        foreach (char c in s)
        {
            if (IsWhiteSpace(c))
            {
                ws++;
            }
        }

        string compact = ws == 0 ? s : string.Create(s.Length - ws, s, static (span, text) =>
        {
            int j = 0;
            foreach (char c in text)
            {
                if (!IsWhiteSpace(c))
                {
                    span[j++] = c;
                }
            }
        });
        return compact.TrimEnd(ClosingPunctuation);
    }

    /// <summary><see cref="char.IsWhiteSpace(char)"/> without the Unicode tables where no white space can be (<see cref="TextNormalizer.IsWhiteSpace"/>).</summary>
    internal static bool IsWhiteSpace(char c) => TextNormalizer.IsWhiteSpace(c);

    private static readonly char[] ClosingPunctuation = ['。', '.', '；', ';', '，', ','];

    private static Comparator ComparatorOf(ReadOnlySpan<char> prefix, ReadOnlySpan<char> tail) => prefix switch
    {
        "≥" or ">=" or "不低于" or "不少于" or "大于等于" or "至少" or "达到" => Comparator.AtLeast,
        ">" or "大于" or "高于" or "超过" => Comparator.Above,
        "≤" or "<=" or "不高于" or "不超过" or "不多于" or "小于等于" => Comparator.AtMost,
        "<" or "小于" or "低于" => Comparator.Below,
        "=" or "等于" => Comparator.Equal,
        _ => tail switch
        {
            "以上" or "及以上" => Comparator.AtLeast,
            "以下" or "及以下" or "以内" or "内" => Comparator.AtMost,
            _ => Comparator.None,
        },
    };

    /// <summary>The comparator as printed in a table (≥, ≤, &gt;, &lt;, =, or nothing).</summary>
    public static string Symbol(this Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => "≥",
        Comparator.Above => ">",
        Comparator.AtMost => "≤",
        Comparator.Below => "<",
        Comparator.Equal => "=",
        _ => string.Empty,
    };

    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"^(?:(?<y>\d{4})年)?(?:(?<m>\d{1,2})月(?:份)?)?(?:(?<d>\d{1,2})[日号])?(?<end>底|末|中旬|上旬|下旬|初)?(?<before>前|之前|以前|内|止|以内)?$")]
    private static partial Regex DeadlinePattern();

    [GeneratedRegex(@"^(?:已于|实际于|计划于|于|在|截至|截止|至)?(?<date>[^，,；;。]+?)(?:(?:并|且)?(?:已|已经|全部|均|基本|按时|如期)?(?:完工|完成|竣工|建成|交付使用|交付|投入使用|投用|通过验收|验收|拨付到位|拨付完毕|拨付|下达|发放到位|发放完毕|发放|兑付到位|兑付完毕|兑付|资金到位|到位|办结|上线|实施完毕)){0,2}$")]
    private static partial Regex DateInWordsPattern();

    [GeneratedRegex(@"^(?:本|当)?年(?:底|末|内)(?<before>前|之前|以前)?$")]
    private static partial Regex YearEndPattern();
}
