using Assistant.Features.Evaluations;

namespace Assistant.Features.Units;

/// <summary>The levels of the hierarchy, from the top; a child is always deeper than its parent (levels may be skipped: 市财政局 → 市直部门).</summary>
public static class UnitLevels
{
    public const string Province = "province";
    public const string City = "city";
    public const string County = "county";
    public const string Department = "department";
    public const string Unit = "unit";

    public static readonly string[] All = [Province, City, County, Department, Unit];

    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["省"] = Province, ["省级"] = Province, ["市"] = City, ["市级"] = City, ["县"] = County, ["区"] = County, ["县级"] = County,
        ["部门"] = Department, ["主管部门"] = Department, ["单位"] = Unit, ["预算单位"] = Unit,
    };

    public static int Rank(string level) => Array.IndexOf(All, level);

    public static string Parse(string? level, string field = "level")
    {
        string t = level?.Trim() ?? string.Empty;
        return All.FirstOrDefault(l => string.Equals(l, t, StringComparison.OrdinalIgnoreCase))
            ?? (Chinese.TryGetValue(t, out string? l2) ? l2 : null)
            ?? throw new InputException(field, "层级只能是 province、city、county、department 或 unit（省/市/县/部门/单位）。", "level must be province, city, county, department or unit.");
    }
}
