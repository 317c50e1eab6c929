using Assistant.Domain.Numbers;

namespace Assistant.Domain.Importing;

/// <summary>
/// Amounts in 元 under a 万元 header (<c>34,567,800.00</c> read as 3 456.78 亿元): warned, never
/// changed, and only when unambiguous — a project (not a 部门整体支出 table) whose every amount is at
/// least 100 亿元 as read and a whole number of hundreds of 元 (what 万元 to two decimals, written in
/// 元, always is).
/// </summary>
internal static class FundMagnitude
{
    /// <summary>1 000 000 万元 = 100 亿元.</summary>
    private const decimal Implausible = 1_000_000m;

    public static void Check(ImportedTable t, string? heading)
    {
        if (t.FundUnit != "万元" || t.FundLines.Count == 0 || IsDepartmentWide(t.Title) || IsDepartmentWide(heading))
        {
            return;
        }

        var amounts = new List<decimal>();
        foreach (ImportedFundLine line in t.FundLines)
        {
            foreach (string? v in new[] { line.InitialBudget, line.Budget, line.Executed })
            {
                if (PrintedNumber.TryParse(v, out PrintedNumber n) && n.Value > 0)
                {
                    amounts.Add(n.Value);
                }
            }
        }

        if (amounts.Count == 0 || amounts.Any(a => a < Implausible || a % 100m != 0m))
        {
            return;
        }

        decimal largest = amounts.Max();
        string asYuan = PrintedNumber.Format(largest / 10_000m, 2);
        t.Warn("funds.unit", t.Sources.GetValueOrDefault("funds.lines[0].budget") ?? t.Source,
            $"资金按万元读取，最大一笔为{PrintedNumber.Format(largest, 2)}万元（超过100亿元），数额异常；金额可能实为元（即{asYuan}万元），请核对表头单位",
            $"the funds are read in 万元 and the largest is {PrintedNumber.Format(largest, 2)} 万元 (over 10 billion 元), which is implausible; the amounts may be in 元 ({asYuan} 万元); check the header's unit");
    }

    internal static bool IsDepartmentWide(string? text) =>
        text is not null && (text.Contains("部门整体", StringComparison.Ordinal) || text.Contains("整体支出", StringComparison.Ordinal));
}
