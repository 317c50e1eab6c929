using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Conversation;
using Assistant.Domain.Review;
using Assistant.Features.Review;
using Assistant.Features.Units;

namespace Assistant.Features.Conversations;

/// <summary>
/// The counts a cross-unit answer states, worked out from the answer itself: how many units fall below the
/// 执行率 the reviewer gave (or the 90 % that must be explained), how many have rows with no reason, how
/// many wrote boilerplate, on how many rows. The offline answer prints them; for a model they become facts
/// of the turn, so the gate releases “3个单位” when three units are the view's and still holds any other number.
/// </summary>
public static partial class CrossUnitCounts
{
    /// <summary>
    /// The units asked about: 县, 市 or 省 (the units at that level of government, by the hierarchy: a county registered as such,
    /// whatever its name — 甲县卫生健康局 — and the departments under it; for a unit not registered, by its name), 部门 (departments),
    /// or all.
    /// </summary>
    public static IReadOnlyList<UnitExecutionRow> AtLevel(IEnumerable<UnitExecutionRow> rows, string? level)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Where(r => level switch
        {
            "县" => r.Tier is { } t ? t == UnitLevels.County : r.ProgramKind == CrossUnit.ProjectSpending && !DepartmentName().IsMatch(r.UnitName),
            "市" => r.Tier is { } t ? t == UnitLevels.City : CityName().IsMatch(r.UnitName),
            "省" => r.Tier is { } t ? t == UnitLevels.Province : ProvinceName().IsMatch(r.UnitName),
            "部门" => r.ProgramKind == CrossUnit.DepartmentSpending || DepartmentName().IsMatch(r.UnitName),
            _ => true,
        }).ToList();
    }

    /// <summary>What a level is called in an answer: 县（区）, 市, 省, 部门, else 单位.</summary>
    public static string Who(string? level) => level switch { "县" => "县（区）", "市" => "市", "省" => "省", "部门" => "部门", _ => "单位" };

    /// <summary>The rows on the asked side of a threshold in percent: below it, or at or above it when <paramref name="above"/>.</summary>
    public static IReadOnlyList<UnitExecutionRow> Beyond(IEnumerable<UnitExecutionRow> rows, decimal threshold, bool above)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Where(r => Rate(r) is { } v && (above ? v >= threshold : v < threshold)).ToList();
    }

    /// <summary>How many units the rows are (one unit may have several tables).</summary>
    /// <summary>
    /// The money a table left unspent, 全年预算数 − 执行数, in the table's own unit and exactly (1545817.65元; the list converts it, so
    /// 154.58万元 is never 1865.23 − 1710.65 of two roundings); null when either amount is missing.
    /// </summary>
    public static string? Balance(UnitExecutionRow r) =>
        decimal.TryParse(r.Budget, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out decimal b)
        && decimal.TryParse(r.Executed, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out decimal x)
            ? (b - x).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    public static int Units(IEnumerable<UnitExecutionRow> rows) => rows.Select(r => r.Unit).Distinct(StringComparer.Ordinal).Count();

    public static decimal? Rate(UnitExecutionRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return decimal.TryParse(r.Rate, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) ? v : null;
    }

    /// <summary>
    /// The execution view's counts at every level (all units, 县, 部门): the tables, those whose 执行率 cannot be
    /// worked out, those below <paramref name="mustExplain"/> (in percent) and how many of them give no reason,
    /// and, for the reviewer's own threshold when the question gave one, those beyond it; each program's units.
    /// </summary>
    public static IEnumerable<int> Execution(ExecutionAnswer a, CrossUnitQuestion? question, decimal mustExplain)
    {
        ArgumentNullException.ThrowIfNull(a);
        var counts = new List<int>();
        foreach (string? level in new[] { null, "县", "市", "省", "部门" })
        {
            var rows = AtLevel(a.Rows, level);
            var low = Beyond(rows, mustExplain, above: false);
            counts.AddRange([rows.Count, rows.Count(r => Rate(r) is null), low.Count, low.Count(r => r.Reason is null), Units(low)]);
            if (question?.Threshold is { } t)
            {
                var beyond = Beyond(rows, t, question.Above);
                counts.AddRange([beyond.Count, Units(beyond)]);
            }
        }

        counts.AddRange(a.Groups.Select(g => g.Units.Count));
        if (question?.Level is { } asked)
        {
            counts.AddRange(ReviewInsights.Groups(AtLevel(a.Rows, asked)).SelectMany(g => new[] { g.Tables, g.Units.Count }));
        }

        return counts;
    }

    /// <summary>The units with rows that have no reason, and each one's rows; the units whose reasons are flagged (all flags and per kind of flag), each flag's rows and units.</summary>
    public static IEnumerable<int> Reasons(ReasonsAnswer a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var missing = a.Missing.GroupBy(m => m.Unit, StringComparer.Ordinal).ToList();
        var counts = new List<int> { missing.Count, a.Flags.SelectMany(f => f.Uses).Select(u => u.Unit).Distinct(StringComparer.Ordinal).Count() };
        counts.AddRange(missing.Select(g => g.Count()));
        foreach (var kind in a.Flags.GroupBy(f => f.Code, StringComparer.Ordinal))
        {
            counts.Add(kind.Count());
            counts.Add(kind.SelectMany(f => f.Uses).Select(u => u.Unit).Distinct(StringComparer.Ordinal).Count());
        }

        foreach (ReasonFlag f in a.Flags)
        {
            counts.Add(f.Uses.Count);
            counts.Add(f.Uses.Select(u => u.Unit).Distinct(StringComparer.Ordinal).Count());
        }

        return counts;
    }

    /// <summary>Of the units short on the indicator: how many, how many gave a reason and how many did not.</summary>
    public static IEnumerable<int> Indicator(IndicatorAnswer a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var shortRows = a.Rows.Where(r => r.IndicatorStatus == "short").ToList();
        return [shortRows.Select(r => r.Unit).Distinct(StringComparer.Ordinal).Count(), shortRows.Count(r => r.Reason is null), shortRows.Count(r => r.Reason is not null), a.Matched - a.Short];
    }

    /// <summary>For each table submitted more than once: how many times, and how many submissions were left out (session 39).</summary>
    public static IEnumerable<int> Duplicates(ICrossUnitAnswer a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Duplicates.SelectMany(d => new[] { d.Submissions, d.Submissions - 1 });
    }

    /// <summary>How many indicators fell short somewhere, and for each the units that fell short.</summary>
    public static IEnumerable<int> Shortfalls(ShortfallsAnswer a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return [a.Indicators.Count, .. a.Indicators.Select(i => i.ShortUnits.Distinct(StringComparer.Ordinal).Count())];
    }

    [GeneratedRegex("(?:局|委|委员会|办|办公室|中心|厅|部|院|所|站|队|公司)$")]
    private static partial Regex DepartmentName();

    /// <summary>A city's own name (某市, 吉安市), not its departments'.</summary>
    [GeneratedRegex("^[\u4e00-\u9fff]{1,6}市$")]
    private static partial Regex CityName();

    /// <summary>A province's own name (某省, 江西省).</summary>
    [GeneratedRegex("^[\u4e00-\u9fff]{1,6}(?:省|自治区)$")]
    private static partial Regex ProvinceName();
}
