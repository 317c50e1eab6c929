using Assistant.Domain.Numbers;

namespace Assistant.Domain.Importing;

/// <summary>
/// The money units a table may state (元, 千元, 万元, 百万元, 千万元, 亿元) and how amounts are brought into the
/// three the contract carries (元, 万元, 亿元). An amount is never read in another unit than the one printed:
/// a 千元 table is converted to 万元 exactly (12800.0千元 → 1280.00万元) with a warning naming 千元, and a cell
/// that prints its own unit (<c>1280元</c> under a 万元 header) is converted to the header's unit, also warned.
/// </summary>
public static class FundUnits
{
    /// <summary>The money units in the order a regex must try them (longest first).</summary>
    public const string Pattern = "千万元|百万元|千元|万元|亿元|元";

    /// <summary>The units the contract accepts for <c>funds.unit</c>.</summary>
    public static bool IsContractUnit(string unit) => unit is "元" or "万元" or "亿元";

    /// <summary>How many 元 one of <paramref name="unit"/> is; null for a unit that is not money.</summary>
    public static decimal? YuanPer(string? unit) => unit switch
    {
        "元" => 1m,
        "千元" => 1_000m,
        "万元" => 10_000m,
        "百万元" => 1_000_000m,
        "千万元" => 10_000_000m,
        "亿元" => 100_000_000m,
        _ => null,
    };

    /// <summary>
    /// An amount printed in <paramref name="from"/> written in <paramref name="to"/>, exactly and with the decimals
    /// that keep every printed digit (12800.0 千元 → 1280.00 万元, 1280 元 → 0.1280 万元, 1.5 亿元 → 15000 万元).
    /// </summary>
    public static string? Convert(string? amount, string from, string to)
    {
        if (!PrintedNumber.TryParse(amount, out PrintedNumber n) || YuanPer(from) is not { } f || YuanPer(to) is not { } t)
        {
            return null;
        }

        // f / t is a power of ten: the shift of the decimal point.
        int shift = 0;
        for (decimal r = f / t; r > 1m; r /= 10m)
        {
            shift++;
        }

        for (decimal r = t / f; r > 1m; r /= 10m)
        {
            shift--;
        }

        decimal value = n.Value * f / t;
        return PrintedNumber.Format(value, Math.Max(0, n.Decimals - shift));
    }

    /// <summary>
    /// A table stated in a money unit the contract does not carry (千元, 百万元, 千万元): every amount is converted to
    /// 万元 and the table warned, naming the unit read and the conversion made.
    /// </summary>
    public static void ToContractUnit(ImportedTable t)
    {
        ArgumentNullException.ThrowIfNull(t);
        string from = t.FundUnit;
        if (IsContractUnit(from) || YuanPer(from) is null)
        {
            return;
        }

        string? example = null;
        foreach (ImportedFundLine line in t.FundLines)
        {
            line.InitialBudget = Convert(line.InitialBudget, from, "万元") ?? line.InitialBudget;
            string? before = line.Budget;
            line.Budget = Convert(line.Budget, from, "万元") ?? line.Budget;
            line.Executed = Convert(line.Executed, from, "万元") ?? line.Executed;
            example ??= before is not null && line.Budget != before ? $"{before}{from}→{line.Budget}万元" : null;
        }

        t.FundUnit = "万元";
        string shown = example is null ? string.Empty : $"（如{example}）";
        t.Warn("funds.unit", t.Sources.GetValueOrDefault("funds.unit") ?? t.Source,
            $"表头的资金单位为{from}，已将各项金额换算为万元{shown}，请核对",
            $"the header states the funds in {from}; every amount was converted to 万元{(example is null ? string.Empty : $" ({example})")}; please check");
    }
}
