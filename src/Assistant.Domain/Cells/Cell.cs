using Assistant.Domain.Numbers;

namespace Assistant.Domain.Cells;

/// <summary>How a target or actual value is stated.</summary>
public enum Comparator
{
    /// <summary>A plain number: <c>100</c>, <c>4个</c>.</summary>
    None,
    /// <summary>≥, 不低于, 不少于.</summary>
    AtLeast,
    /// <summary>&gt;, 高于, 大于.</summary>
    Above,
    /// <summary>≤, 不高于, 不超过.</summary>
    AtMost,
    /// <summary>&lt;, 低于, 小于.</summary>
    Below,
    /// <summary>=, 等于.</summary>
    Equal,
}

/// <summary>A parsed target or actual cell.</summary>
public abstract record Cell(string Text)
{
    /// <summary>Empty, or a placeholder such as 指标值未设定 / 无 / —.</summary>
    public bool IsMissing => this is MissingCell;
}

/// <summary>Nothing usable: empty, or 指标值未设定.</summary>
public sealed record MissingCell(string Text, bool ExplicitlyNotSet) : Cell(Text);

/// <summary>指标已取消 (or a cell that says the indicator was cancelled).</summary>
public sealed record CancelledCell(string Text) : Cell(Text);

/// <summary>
/// A single quantity: comparator, number with printed precision, unit (magnitude and base) and an
/// optional label of words before the number (帮扶就业率 in <c>帮扶就业率93.27%</c>).
/// </summary>
public sealed record QuantityCell(string Text, Comparator Comparator, PrintedNumber Number, UnitSpec CellUnit, UnitSpec EffectiveUnit, string? Label)
    : Cell(Text)
{
    /// <summary>The value in the base unit (40.55万 人 → 405500 人).</summary>
    public decimal BaseValue => EffectiveUnit.Times(Number.Value);

    /// <summary>
    /// The interval of base values that print as this cell. A whole count in its own unit (1464 人,
    /// 12 个) is exact, not rounded; 4.43万人, 97.91 % and 2181.57 万元 stand for a range.
    /// </summary>
    public Interval BaseInterval => IsExactCount
        ? Interval.Point(BaseValue)
        : EffectiveUnit.MultipliesByOne ? Number.Interval : Number.Interval.Scale(EffectiveUnit.Multiplier);

    /// <summary>
    /// A whole number of people, items, households, bridges, sites… with no 万/亿 (12处, 1座, 420人): counted, so exact
    /// (<see cref="UnitSpec.CountsWholeThings"/>).
    /// </summary>
    public bool IsExactCount => Number.Decimals == 0 && EffectiveUnit.Multiplier == 1m && EffectiveUnit.CountsWholeThings;

    /// <summary>True when the cell states a bound (≥98) rather than a measured value.</summary>
    public bool IsBound => Comparator is not (Comparator.None or Comparator.Equal);

    /// <summary>
    /// The first year of a target set for several years together (<c>2023—2025年累计≥6</c> → 2023), or null for a
    /// yearly quantity.
    /// </summary>
    public int? PeriodFrom { get; init; }

    /// <summary>The last year of a target set for several years together (<c>2023—2025年累计≥6</c> → 2025); null for a yearly quantity.</summary>
    public int? PeriodTo { get; init; }

    /// <summary>The period as printed for people (<c>2023—2025年</c>, <c>截至2025年</c>); empty for a yearly quantity.</summary>
    public string PeriodText => PeriodTo is not { } to ? string.Empty : PeriodFrom is { } from ? $"{from}—{to}年" : $"截至{to}年";
}

/// <summary>Words: 效果显著, 提高服务水平, 全日制专科以上. <see cref="Level"/> ranks grade words (显著 3, 良好 2, 一般 1, 较差 0).</summary>
public sealed record QualitativeCell(string Text, int? Level) : Cell(Text);

/// <summary>A deadline or date: 12月底前, 2025年底, 8月1日, 2025年9月.</summary>
public sealed record DeadlineCell(string Text, int? Year, int? Month, int? Day, bool EndOfPeriod, bool Before) : Cell(Text)
{
    /// <summary>A sortable key (year, month, day), missing parts as the latest possible.</summary>
    public (int Year, int Month, int Day) Key => (Year ?? 9999, Month ?? 12, Day ?? (EndOfPeriod || Month is null ? 31 : 1));
}

/// <summary>Text holding several numbers (<c>1月700元/人/月，2月开始1000元/人/月</c>): read, but not as one quantity.</summary>
public sealed record CompoundCell(string Text, IReadOnlyList<PrintedNumber> Numbers, string Reason) : Cell(Text);
