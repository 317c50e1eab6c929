using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Evaluations;

/// <summary>
/// A 部门整体支出绩效自评表: a department's whole budget, split into 基本支出 and 项目支出 (expenditure categories, not
/// fund sources), reported on by the 部门 rather than a 项目. The report, its Word file and the drafter name the kind as
/// such: 部门整体支出绩效自评报告, the annex 部门整体支出绩效自评表, 分支出类别看, 部门预算总体执行率.
/// </summary>
public static partial class DepartmentBudget
{
    public const string Kind = "部门整体支出";
    public const string ReportName = "部门整体支出绩效自评报告";
    public const string TableName = "部门整体支出绩效自评表";

    /// <summary>
    /// Whether the table is a department's whole budget: its title says 部门整体 / 整体支出, or its fund lines are split into
    /// 基本支出 and 项目支出 (a project's money is never split so).
    /// </summary>
    public static bool Is(Evaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind != EvaluationKind.Project)
        {
            return false;
        }

        string title = e.Title ?? string.Empty;
        return title.Contains("部门整体", StringComparison.Ordinal) || title.Contains("整体支出", StringComparison.Ordinal)
            || e.Funds.Lines.Any(l => l.Parent is not null && l.Name.Contains("基本支出", StringComparison.Ordinal))
            && e.Funds.Lines.Any(l => l.Parent is not null && l.Name.Contains("项目支出", StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether a fund line's name is an expenditure category (基本支出, 项目支出, 人员经费, 公用经费…), not a source of money.
    /// </summary>
    public static bool IsCategory(string name) => CategoryWords().IsMatch(name ?? string.Empty);

    /// <summary>
    /// What the parts of the total are called: 支出类别 when every part is an expenditure category (基本支出 / 项目支出), the
    /// table's own label when a part is headed 按…分, 资金来源 otherwise.
    /// </summary>
    public static string PartsLabel(Evaluation e, IEnumerable<string> partNames)
    {
        ArgumentNullException.ThrowIfNull(e);
        var names = partNames.Select(n => n.Trim()).ToList();
        if (names.Count > 0 && names.All(IsCategory))
        {
            return "支出类别";
        }

        return "资金来源";
    }

    /// <summary>
    /// The department the table is of: its 部门 (or 实施单位), else what the title holds before its year or 部门整体
    /// (武夷山市文化和旅游局2024年度部门整体支出绩效自评表 → 武夷山市文化和旅游局); empty when none is named.
    /// </summary>
    public static string Unit(Evaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!string.IsNullOrWhiteSpace(e.Department))
        {
            return e.Department.Trim();
        }

        if (!string.IsNullOrWhiteSpace(e.Implementer))
        {
            return e.Implementer.Trim();
        }

        string rest = TitleNoise().Replace(e.Title ?? string.Empty, string.Empty).Trim();
        return rest;
    }

    /// <summary>The year the table is of: its own, else the one its title names.</summary>
    public static int? Year(Evaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Year is { } y)
        {
            return y;
        }

        Match m = TitleYear().Match(MatchedNumber.Ascii(e.Title ?? string.Empty));
        return m.Success ? MatchedNumber.Int(m.Groups[1].ValueSpan) : null;
    }

    /// <summary>
    /// The subject a report's sentence opens with: 武夷山市文化和旅游局2024年度部门整体支出 (the unit once, the year once,
    /// no 绩效自评表), or 本部门… when the table names no unit.
    /// </summary>
    public static string Subject(Evaluation e)
    {
        string unit = Unit(e);
        string year = Year(e) is { } y ? $"{y}年度" : "本年度";
        return (unit.Length == 0 ? "本部门" : unit) + year + Kind;
    }

    /// <summary>The report's title: 武夷山市文化和旅游局2024年度部门整体支出绩效自评报告.</summary>
    public static string ReportTitle(Evaluation e)
    {
        string unit = Unit(e);
        string year = Year(e) is { } y ? $"{y}年度" : string.Empty;
        return unit + year + ReportName;
    }

    [GeneratedRegex(@"基本支出|项目支出|人员经费|公用经费|人员支出|公用支出|对个人和家庭的补助|运转类|发展类|特定目标类")]
    private static partial Regex CategoryWords();

    /// <summary>What in a title is not the unit: its year, 部门整体支出, the table's name.</summary>
    [GeneratedRegex(@"[（(]?\s*20\d{2}\s*年度?\s*[）)]?|部门整体支出|部门整体|整体支出|绩效自评表|绩效目标自评表|自评表|绩效评价表")]
    private static partial Regex TitleNoise();

    [GeneratedRegex(@"(20\d{2})\s*年")]
    private static partial Regex TitleYear();
}
