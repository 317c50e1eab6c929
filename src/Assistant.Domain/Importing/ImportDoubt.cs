using System.Text.RegularExpressions;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Importing;

/// <summary>
/// A table read from a document with rows the reader was not sure of — cells placed by content or in order
/// (推测), a cell that could not be read as a number — may disagree with its own printed sums because of
/// the reading, not because the unit added wrongly. A sum check that fails on such a table (总分, 分值合计)
/// is then a warning naming the doubtful rows, not an error that says the unit's printed total is wrong.
/// </summary>
public static partial class ImportDoubt
{
    /// <summary>The table-level sums a misread row can break.</summary>
    private static readonly HashSet<string> Sums = new(StringComparer.Ordinal) { FindingCodes.TotalPrinted, FindingCodes.WeightsTotal };

    /// <summary>The rows (indicator names, or 资金 lines) with a cell placed by guess or not read, in table order.</summary>
    public static IReadOnlyList<string> Rows(ImportedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<string>();
        foreach (ImportWarning w in table.Warnings)
        {
            Match m = RowPath().Match(w.Path);
            // 小数位为推测 only guesses a number's precision; it places nothing.
            if (!m.Success || !(w.Zh.Contains("推测", StringComparison.Ordinal) && !w.Zh.Contains("小数位", StringComparison.Ordinal) || w.Zh.Contains("不是数字", StringComparison.Ordinal)))
            {
                continue;
            }

            int k = int.Parse(m.Groups["k"].Value, System.Globalization.CultureInfo.InvariantCulture);
            string? name = m.Groups["kind"].Value == "indicators"
                ? k < table.Indicators.Count ? table.Indicators[k].Name : null
                : k < table.FundLines.Count ? table.FundLines[k].Name : null;
            string label = string.IsNullOrWhiteSpace(name) ? $"第{k + 1}{(m.Groups["kind"].Value == "indicators" ? "项指标" : "行资金")}" : $"“{name.Trim()}”";
            if (!rows.Contains(label, StringComparer.Ordinal))
            {
                rows.Add(label);
            }
        }

        return rows;
    }

    /// <summary>The findings of an imported table's score, a failed sum check softened when rows were read by guess.</summary>
    public static IReadOnlyList<Finding> Temper(IReadOnlyList<Finding> findings, ImportedTable table)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (!findings.Any(f => f.Severity == Severity.Error && Sums.Contains(f.Code)))
        {
            return findings;
        }

        IReadOnlyList<string> rows = Rows(table);
        if (rows.Count == 0)
        {
            return findings;
        }

        string named = string.Join("、", rows.Take(5)) + (rows.Count > 5 ? $"等{rows.Count}行" : string.Empty);
        return findings.Select(f => f.Severity == Severity.Error && Sums.Contains(f.Code)
                ? f with
                {
                    Severity = Severity.Warning,
                    Message = $"{f.Message.TrimEnd('。')}；但读取时{named}的格子是推测对应或未能读取的，差异可能来自读取而不是表中数字，请先核对这些行",
                }
                : f)
            .ToList();
    }

    [GeneratedRegex(@"^(?<kind>indicators|funds\.lines)\[(?<k>\d+)\]")]
    private static partial Regex RowPath();
}
