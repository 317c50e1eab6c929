using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>The columns of a 绩效指标 block.</summary>
public enum IndicatorField
{
    Label,
    Level1,
    Level2,
    Name,
    Nature,
    Target,
    Unit,
    Actual,
    Weight,
    Score,
    Note,
    Unknown,

    /// <summary>年度指标值/实际完成值 in one column: each cell holds both (<c>≥3000/2700</c>).</summary>
    TargetActual,

    /// <summary>实际完成值/年度指标值 in one column, the actual first.</summary>
    ActualTarget,
}

/// <summary>The columns of a 项目资金 block.</summary>
public enum FundField
{
    Label,
    InitialBudget,
    Budget,
    Executed,
    Weight,
    Rate,
    Score,
    Note,
    Unknown,
}

/// <summary>The words the official forms and their provincial variants use for headers and labels.</summary>
public static partial class HeaderWords
{
    /// <summary>Reads an indicator-block header label; <paramref name="exact"/> is false for a synonym the form does not print.</summary>
    public static IndicatorField Indicator(string label, out bool exact)
    {
        string c = Strip(label);
        if (Combined(CellText.Compact(label)) is { } combined)
        {
            exact = false;
            return combined;
        }

        exact = true;
        switch (c)
        {
            case "" or "绩效指标" or "年度绩效指标" or "绩效目标指标": return IndicatorField.Label;
            case "一级指标": return IndicatorField.Level1;
            case "二级指标": return IndicatorField.Level2;
            case "三级指标": return IndicatorField.Name;
            case "年度指标值" or "指标值": return IndicatorField.Target;
            case "实际完成值" or "全年完成值": return IndicatorField.Actual;
            case "分值": return IndicatorField.Weight;
            case "得分": return IndicatorField.Score;
            case "偏差原因分析及改进措施" or "未完成原因和改进措施" or "偏差原因分析" or "未完成原因分析" or "偏差原因" or "改进措施" or "整改措施": return IndicatorField.Note;
            case "指标性质": return IndicatorField.Nature;
            case "计量单位" or "度量单位": return IndicatorField.Unit;
        }

        exact = false;
        if (c.Contains("性质", StringComparison.Ordinal) || c.Contains("方向", StringComparison.Ordinal) || c is "比较符" or "运算符" or "符号")
        {
            return IndicatorField.Nature;
        }

        if (c.Contains("原因", StringComparison.Ordinal) || c.Contains("措施", StringComparison.Ordinal) || c is "备注" or "说明" or "偏差说明")
        {
            return IndicatorField.Note;
        }

        if (c.Contains("单位", StringComparison.Ordinal))
        {
            return IndicatorField.Unit;
        }

        if (c.Contains("完成", StringComparison.Ordinal) || c.Contains("实际", StringComparison.Ordinal))
        {
            return IndicatorField.Actual;
        }

        if (c.Contains("指标值", StringComparison.Ordinal) || c.Contains("目标值", StringComparison.Ordinal) || c.Contains("预期", StringComparison.Ordinal))
        {
            return IndicatorField.Target;
        }

        if (c.Contains("一级", StringComparison.Ordinal))
        {
            return IndicatorField.Level1;
        }

        if (c.Contains("二级", StringComparison.Ordinal))
        {
            return IndicatorField.Level2;
        }

        if (c.Contains("三级", StringComparison.Ordinal) || c is "指标名称" or "具体指标" or "指标内容" or "绩效指标名称")
        {
            return IndicatorField.Name;
        }

        if (c.Contains("分值", StringComparison.Ordinal) || c.Contains("权重", StringComparison.Ordinal))
        {
            return IndicatorField.Weight;
        }

        if (c.Contains("得分", StringComparison.Ordinal) || c.Contains("评分", StringComparison.Ordinal))
        {
            return IndicatorField.Score;
        }

        return IndicatorField.Unknown;
    }

    /// <summary>
    /// A header naming the target and the actual in one column (<c>年度指标值/实际完成值</c>, <c>指标值及完成值</c>,
    /// <c>目标值（完成值）</c>), in the order it names them; null for any other header.
    /// </summary>
    private static IndicatorField? Combined(string c)
    {
        Match t = CombinedTarget().Match(c);
        Match a = CombinedActual().Match(c);
        if (!t.Success || !a.Success || c.Length > 24)
        {
            return null;
        }

        (Match first, Match second) = t.Index < a.Index ? (t, a) : (a, t);
        string between = first.Index + first.Length <= second.Index ? c[(first.Index + first.Length)..second.Index] : string.Empty;
        if (between.IndexOfAny(['/', '／', '、', '及', '与', '和', '(', '（', '|', '\\']) < 0)
        {
            return null;
        }

        return t.Index < a.Index ? IndicatorField.TargetActual : IndicatorField.ActualTarget;
    }

    /// <summary>Reads a fund-block header label.</summary>
    public static FundField Fund(string label)
    {
        string c = Strip(label);
        if (c.Length == 0 || c.StartsWith("项目资金", StringComparison.Ordinal) || c.StartsWith("资金情况", StringComparison.Ordinal)
            || c.StartsWith("资金投入", StringComparison.Ordinal) || c.StartsWith("预算资金", StringComparison.Ordinal) || c.StartsWith("资金来源", StringComparison.Ordinal))
        {
            return FundField.Label;
        }

        if (c.Contains("执行率", StringComparison.Ordinal))
        {
            return FundField.Rate;
        }

        if (c.Contains("年初", StringComparison.Ordinal))
        {
            return FundField.InitialBudget;
        }

        if (c.Contains("执行数", StringComparison.Ordinal) || c.Contains("支出数", StringComparison.Ordinal) || c.Contains("实际支出", StringComparison.Ordinal) || c.Contains("执行金额", StringComparison.Ordinal))
        {
            return FundField.Executed;
        }

        if (c.Contains("预算数", StringComparison.Ordinal) || c.Contains("调整后", StringComparison.Ordinal) || c.Contains("预算金额", StringComparison.Ordinal) || c.Contains("全年预算", StringComparison.Ordinal))
        {
            return FundField.Budget;
        }

        if (c.Contains("分值", StringComparison.Ordinal) || c.Contains("权重", StringComparison.Ordinal))
        {
            return FundField.Weight;
        }

        if (c.Contains("得分", StringComparison.Ordinal))
        {
            return FundField.Score;
        }

        if (c.Contains("原因", StringComparison.Ordinal) || c.Contains("说明", StringComparison.Ordinal))
        {
            return FundField.Note;
        }

        return FundField.Unknown;
    }

    /// <summary>A column of ratios (<c>完成率</c>, <c>完成比例</c>, <c>完成程度（%）</c>) rather than of values.</summary>
    public static bool IsRateColumn(string label)
    {
        string c = Strip(label);
        return c.EndsWith('率') || c.Contains("比例", StringComparison.Ordinal) || c.Contains("程度", StringComparison.Ordinal) || c.Contains("百分比", StringComparison.Ordinal);
    }

    /// <summary>Is the row the header of a 绩效指标 block (names the indicator and its target and actual)?</summary>
    public static bool IsIndicatorHeader(IEnumerable<string> cells)
    {
        var fields = cells.Select(c => Indicator(c, out _)).ToHashSet();
        bool combined = fields.Contains(IndicatorField.TargetActual) || fields.Contains(IndicatorField.ActualTarget);
        return (combined || (fields.Contains(IndicatorField.Target) && fields.Contains(IndicatorField.Actual)))
            && (fields.Contains(IndicatorField.Name) || fields.Contains(IndicatorField.Level1) || fields.Contains(IndicatorField.Level2));
    }

    /// <summary>
    /// A row that names the indicator columns (<c>一级指标 | 二级指标 | 三级指标 | …</c>) but not both a target
    /// and an actual the importer can read: its rows are no fund lines, and the table must say why it read no indicators.
    /// </summary>
    public static bool LooksLikeIndicatorHeader(IReadOnlyList<string> cells)
    {
        var fields = cells.Select(c => Indicator(c, out bool exact) is var f && exact ? f : IndicatorField.Unknown).ToList();
        int levels = fields.Count(f => f is IndicatorField.Level1 or IndicatorField.Level2 or IndicatorField.Name);
        return levels >= 2 || (levels == 1 && fields.Any(f => f is IndicatorField.Weight or IndicatorField.Score));
    }

    /// <summary>Is the row the header of a 项目资金 block (a budget and an executed column)?</summary>
    public static bool IsFundHeader(IEnumerable<string> cells)
    {
        var fields = cells.Select(Fund).ToList();
        return fields.Contains(FundField.Budget) && fields.Contains(FundField.Executed);
    }

    /// <summary>A 一级指标 label, with the weight it prints (<c>产出指标 (50) 分</c>).</summary>
    public static bool IsLevel1(string text, out string level1, out string? weight)
    {
        string c = Compact(text);
        Match m = Level1Pattern().Match(c);
        level1 = m.Success ? m.Groups["l"].Value : string.Empty;
        weight = m.Success && m.Groups["w"].Success ? m.Groups["w"].Value : null;
        return m.Success;
    }

    /// <summary>A 二级指标 label (<c>数量指标</c>, <c>服务对象满意度指标</c>, <c>经济成本指标</c>).</summary>
    public static bool IsLevel2(string text, out string level2)
    {
        string c = Compact(text);
        Match m = Level2Pattern().Match(c);
        level2 = m.Success ? m.Groups["l"].Value : string.Empty;
        return m.Success;
    }

    /// <summary>Peels a leading 一级 or 二级 label glued to a name by a copy that lost the cell breaks.</summary>
    public static string? PeelLabel(string text, out string label, out bool level1)
    {
        string c = Compact(text);
        foreach (string l1 in Level1Names)
        {
            if (c.StartsWith(l1, StringComparison.Ordinal) && c.Length > l1.Length + 1 && !c.StartsWith(l1 + "(", StringComparison.Ordinal))
            {
                label = l1;
                level1 = true;
                return c[l1.Length..];
            }
        }

        Match m = Level2Prefix().Match(c);
        if (m.Success && c.Length > m.Length + 1)
        {
            label = m.Value;
            level1 = false;
            return c[m.Length..];
        }

        label = string.Empty;
        level1 = false;
        return null;
    }

    /// <summary>The 总分 row's label.</summary>
    public static bool IsTotal(string text) => Compact(text) is "总分" or "合计" or "总计" or "综合得分" or "自评得分" or "总得分" or "合计得分";

    /// <summary>The title of a table (<c>部门项目支出绩效自评表</c>, <c>…转移支付绩效目标自评表</c>, <c>项目支出绩效自评表（2024年度）</c>).</summary>
    public static bool IsTitle(string text)
    {
        string c = TrailingBracket().Replace(Compact(text), string.Empty);
        return c.Length <= 60 && c.EndsWith("自评表", StringComparison.Ordinal);
    }

    /// <summary>The year of a table, from <c>(2024 年度)</c> or <c>2024年度</c>.</summary>
    public static string? Year(string text)
    {
        Match m = YearPattern().Match(Compact(text));
        return m.Success ? m.Groups["y"].Value : null;
    }

    public static readonly string[] Level1Names = ["产出指标", "效益指标", "满意度指标", "成本指标"];

    private static string Compact(string text) => CellText.Compact(text).Replace("：", ":", StringComparison.Ordinal);

    private static string Strip(string label) => BracketPattern().Replace(CellText.Compact(label), string.Empty);

    [GeneratedRegex(@"[（(][^()（）]*[)）]")]
    private static partial Regex BracketPattern();

    [GeneratedRegex(@"^(?<l>产出指标|效益指标|满意度指标|成本指标)(?:[(（]?(?<w>\d+(\.\d+)?)分?[)）]?分?)?$")]
    private static partial Regex Level1Pattern();

    [GeneratedRegex(@"^(?<l>(数量|质量|时效|成本|经济效益|社会效益|生态效益|环境效益|可持续影响|服务对象满意度|满意度|经济成本|社会成本|生态环境成本|生态成本)指标)(?:[(（]?\d+(\.\d+)?分?[)）]?分?)?$")]
    private static partial Regex Level2Pattern();

    [GeneratedRegex(@"^(数量|质量|时效|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)指标")]
    private static partial Regex Level2Prefix();

    [GeneratedRegex(@"(指标值|目标值|目标|计划值|预期值)")]
    private static partial Regex CombinedTarget();

    [GeneratedRegex(@"(完成值|实际值|实际完成|完成情况|实际)")]
    private static partial Regex CombinedActual();

    [GeneratedRegex(@"[(（]?(?<y>(19|20)\d{2})年度?[)）]?")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"[(（][^()（）]*[)）]$")]
    private static partial Regex TrailingBracket();
}
