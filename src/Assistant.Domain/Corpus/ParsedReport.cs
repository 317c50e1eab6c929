namespace Assistant.Domain.Corpus;

/// <summary>What a passage of a report is about; drives retrieval filters and drafting.</summary>
public enum SectionKind
{
    /// <summary>Anything else: targets, application of results, other remarks.</summary>
    Other,

    /// <summary>资金投入: budgets, execution, balances.</summary>
    Funds,

    /// <summary>资金管理: allocation, disbursement, supervision.</summary>
    Management,

    /// <summary>绩效指标: per-indicator results.</summary>
    Indicator,

    /// <summary>偏离原因: why a target was missed or overshot.</summary>
    DeviationReason,

    /// <summary>改进措施: what the unit will do next.</summary>
    ImprovementMeasure,
}

/// <summary>Contract names of <see cref="SectionKind"/> (funds, management, indicator, deviation-reason, improvement-measure, other).</summary>
public static class SectionKinds
{
    private static readonly (SectionKind Kind, string Name)[] Names =
    [
        (SectionKind.Funds, "funds"),
        (SectionKind.Management, "management"),
        (SectionKind.Indicator, "indicator"),
        (SectionKind.DeviationReason, "deviation-reason"),
        (SectionKind.ImprovementMeasure, "improvement-measure"),
        (SectionKind.Other, "other"),
    ];

    /// <summary>All contract names, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The contract name of a kind.</summary>
    public static string Name(SectionKind kind) => Names.First(n => n.Kind == kind).Name;

    /// <summary>Parses a contract name (case-insensitive; underscores accepted for hyphens).</summary>
    public static bool TryParse(string? name, out SectionKind kind)
    {
        var key = (name ?? string.Empty).Trim().Replace('_', '-');
        foreach (var n in Names)
        {
            if (string.Equals(n.Name, key, StringComparison.OrdinalIgnoreCase))
            {
                kind = n.Kind;
                return true;
            }
        }

        kind = SectionKind.Other;
        return false;
    }
}

/// <summary>Title, region, year and fund of a report, as found in it or as given by the caller.</summary>
public sealed record ReportMetadata(string Title, string? Region, int? Year, string? Fund);

/// <summary>Values the caller knows better than the text (any may be null).</summary>
public sealed record ReportHints(string? Title = null, string? Region = null, int? Year = null, string? Fund = null);

/// <summary>A numbered (or Markdown) heading and the text under it up to the next heading.</summary>
/// <param name="Index">Position among the report's sections.</param>
/// <param name="Level">Nesting depth, 1 for 一、二、….</param>
/// <param name="Number">The numbering as printed, e.g. <c>三、</c>, <c>（一）</c>, <c>1.</c>; empty when unnumbered.</param>
/// <param name="Heading">The heading text without its number.</param>
/// <param name="Path">Headings from the top, joined with " / ".</param>
/// <param name="Kind">What the section is about.</param>
/// <param name="Text">The body under this heading (not its children's).</param>
public sealed record ReportSection(int Index, int Level, string Number, string Heading, string Path, SectionKind Kind, string Text);

/// <summary>One indicator as the report states it: target, actual and, where given, the reason and measure.</summary>
public sealed record IndicatorStatement(
    string Name,
    string? Target,
    string? Actual,
    string? Reason,
    string? Measure,
    bool ShortfallStated,
    string? Fund,
    string SectionPath,
    string Text);

/// <summary>A table row from tab-separated or space-aligned text.</summary>
public sealed record TableRow(int Table, int Row, IReadOnlyList<string> Cells);

/// <summary>A retrievable chunk: whole sentences, never splitting a number or an indicator statement.</summary>
public sealed record Passage(int Ordinal, string Text, SectionKind Kind, string SectionPath, string? IndicatorName, string? Fund);

/// <summary>A report parsed into structure.</summary>
public sealed record ParsedReport(
    ReportMetadata Metadata,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<IndicatorStatement> Statements,
    IReadOnlyList<TableRow> Rows,
    IReadOnlyList<Passage> Passages)
{
    /// <summary>Every stated reason for a deviation: passages of kind <see cref="SectionKind.DeviationReason"/>.</summary>
    public IEnumerable<Passage> Reasons => Passages.Where(p => p.Kind == SectionKind.DeviationReason);

    /// <summary>Every stated improvement measure.</summary>
    public IEnumerable<Passage> Measures => Passages.Where(p => p.Kind == SectionKind.ImprovementMeasure);
}

/// <summary>
/// What a query asks for, read from its words: why (偏离原因), what next (改进措施), money (资金).
/// Search ranks passages of the asked-for kinds higher; a query that asks nothing in particular
/// gets no preference.
/// </summary>
public static class QueryIntent
{
    private static readonly (SectionKind Kind, string[] Words)[] Cues =
    [
        (SectionKind.DeviationReason, ["原因", "为什么", "为何", "没有完成", "没完成", "未完成", "未达到", "没达到", "没有达标", "低于", "偏差", "偏离", "超额", "超过目标", "影响"]),
        (SectionKind.ImprovementMeasure, ["措施", "怎么", "如何", "下一步", "改进", "整改", "推行", "建立", "提高", "加强", "加快", "缩短"]),
        (SectionKind.Funds, ["结余", "执行率", "预算数", "执行数", "资金到位", "支出进度"]),
    ];

    /// <summary>The kinds <paramref name="query"/> asks for (possibly none).</summary>
    public static IReadOnlySet<SectionKind> Kinds(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Cues.Where(c => c.Words.Any(w => query.Contains(w, StringComparison.Ordinal))).Select(c => c.Kind).ToHashSet();
    }
}
