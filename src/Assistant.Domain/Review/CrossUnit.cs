using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Review;

/// <summary>One indicator of one unit's table, as a cross-unit answer lists it (numbers from the calculator).</summary>
public sealed record IndicatorStanding(
    int Index, string Name, string Status, string StatusText, string? Target, string? Actual, decimal? Completion, decimal? Weight, decimal? Score, decimal? LostPoints, string? Reason, string? ReasonKind)
{
    /// <summary>|指标值 − 完成值| as printed, and its unit; null when none.</summary>
    public (string Number, string Unit)? Gap { get; init; }

    /// <summary>A reverse row's distance from its cap (超出上限1.6万元): such a row has no 完成率 (<see cref="Completion"/> is null).</summary>
    public string? Limit { get; init; }
}

/// <summary>A table's execution: 全年预算数, 执行数, 执行率 of its total line, and its total score.</summary>
public sealed record ExecutionStanding(decimal? Budget, decimal? Executed, decimal? Rate, string Unit, decimal? Total, string? Grade, string? Reason);

/// <summary>Which program a table reports on: <see cref="Kind"/> 项目支出 or 部门整体支出, and the program's name without year and place.</summary>
public sealed record ProgramKey(string Kind, string Name);

/// <summary>A row that needed a reason and has none: an indicator short of its target, or a fund line below the 执行率 that must be explained.</summary>
public sealed record Unexplained(int? Indicator, string Subject, string Status);

/// <summary>A stated reason for a deviation in one table.</summary>
public sealed record StatedReason(int? Indicator, string Subject, string Status, string Reason, string Kind);

/// <summary>
/// What one unit's scored table says to a question asked across units. The indicator is found the way
/// the chat finds it (<see cref="IndicatorMatcher"/>), and only when the name is really that row's:
/// most of the asked name's character pairs must be in the row's name, so “城镇新增就业人数” does not
/// answer with another table's “就业困难人员实现就业人数”.
/// </summary>
public static partial class CrossUnit
{
    public const decimal MinOverlap = 0.6m;

    public static IReadOnlyList<IndicatorStanding> Indicator(string name, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(sheet);
        IndicatorMatch match = IndicatorMatcher.Match(name, sheet);
        var rows = match.Indicators.Where(i => Overlap(name, sheet.Evaluation.Indicators[i].Name) >= MinOverlap).ToList();
        // 培训人数 in 脱贫劳动力培训人数 (session 37, probe 37 #12): a row whose name holds the asked name whole is that indicator,
        // even where the matcher found the message ambiguous between it and a near row (补贴性职业技能培训人次).
        string asked = Core(name);
        if (asked.Length >= 3)
        {
            rows.AddRange(Enumerable.Range(0, sheet.Evaluation.Indicators.Count)
                .Where(i => !rows.Contains(i) && Core(sheet.Evaluation.Indicators[i].Name).Contains(asked, StringComparison.Ordinal)));
        }

        return rows.Select(i => Standing(sheet, i)).ToList();
    }

    public static IndicatorStanding Standing(FactSheet sheet, int i)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var row = sheet.Evaluation.Indicators[i];
        IndicatorResult r = sheet.Report.Indicators[i];
        decimal? lost = r.Weight is { } w && r.Score is { } s ? w - s : null;
        string? reason = ReasonText.Given(row.DeviationNote);
        return new IndicatorStanding(i, row.Name, r.Status.ToContract(), r.Status.ToChinese(), row.Target, row.Actual, CompletionWords.Shown(r), r.Weight, r.Score, lost,
            reason, ReasonKinds.Classify(reason)) { Gap = CompletionWords.Gap(r), Limit = CompletionWords.Limit(r) };
    }

    public static ExecutionStanding Execution(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var lines = sheet.Evaluation.Funds.Lines;
        int root = sheet.Report.Funds.FirstOrDefault(f => f.IsRoot)?.Index ?? (lines.Count > 0 ? 0 : -1);
        if (root < 0)
        {
            return new ExecutionStanding(null, null, null, sheet.Evaluation.Funds.Unit, sheet.Report.Total, sheet.Report.Grade, null);
        }

        var line = lines[root];
        decimal? rate = sheet.Report.Funds.First(f => f.Index == root).Rate;
        return new ExecutionStanding(line.Budget?.Value, line.Executed?.Value, rate, sheet.Evaluation.Funds.Unit, sheet.Report.Total, sheet.Report.Grade,
            ReasonText.Given(line.DeviationNote));
    }

    /// <summary>Every reason the table states for a shortfall, an over-achievement or a fund line's execution.</summary>
    public static IReadOnlyList<StatedReason> Reasons(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var list = new List<StatedReason>();
        foreach (var line in sheet.Evaluation.Funds.Lines)
        {
            if (ReasonText.IsGiven(line.DeviationNote))
            {
                list.Add(new StatedReason(null, line.Name, "funds", line.DeviationNote.Trim(), ReasonKinds.Classify(line.DeviationNote)!));
            }
        }

        for (int i = 0; i < sheet.Evaluation.Indicators.Count; i++)
        {
            var row = sheet.Evaluation.Indicators[i];
            IndicatorResult r = sheet.Report.Indicators[i];
            if (ReasonText.IsGiven(row.DeviationNote) && r.Status is IndicatorStatus.Short or IndicatorStatus.Exceeded)
            {
                list.Add(new StatedReason(i, row.Name, r.Status.ToContract(), row.DeviationNote.Trim(), ReasonKinds.Classify(row.DeviationNote)!));
            }
        }

        return list;
    }

    public const string ProjectSpending = "项目支出";
    public const string DepartmentSpending = "部门整体支出";

    /// <summary>
    /// The program a table reports on, so a cross-unit 执行率 sums one program's tables and never mixes a
    /// department's 部门整体支出 table into a program's total: 部门整体支出 when the title says so (or the
    /// fund lines are split into 基本支出 and 项目支出); otherwise the title without its year and without
    /// the unit's own place and department names (泰和县2025年高标准农田建设补助资金 → 高标准农田建设补助资金).
    /// </summary>
    public static ProgramKey Program(FactSheet sheet, params string?[] names)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var e = sheet.Evaluation;
        string title = TextNormalizer.Normalize(e.Title ?? string.Empty).Trim();
        // One test of the kind for the report, the drafter and the cross-unit views (session 39).
        if (DepartmentBudget.Is(e))
        {
            return new ProgramKey(DepartmentSpending, DepartmentSpending);
        }

        // Codes, years, places and the unit's own names are not the program's name (ProgramNames).
        string name = ProgramNames.Of(title, [e.Region], names.Append(e.Implementer).Append(e.Department));
        return new ProgramKey(ProjectSpending, name);
    }

    /// <summary>Rows that needed a reason and have none: the same rows the risk queue counts as 未说明原因 and the calculator lists as findings.</summary>
    public static IReadOnlyList<Unexplained> Missing(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var rows = sheet.Evaluation.Indicators;
        var lines = sheet.Evaluation.Funds.Lines;
        var list = new List<Unexplained>();
        foreach (var f in sheet.Report.Findings)
        {
            if (f.Code == FindingCodes.IndicatorShortfallUnexplained && PathIndex(RowIndex(), f.Path, rows.Count) is { } i)
            {
                list.Add(new Unexplained(i, rows[i].Name, "short"));
            }
            else if (f.Code == FindingCodes.FundsLowExecution && PathIndex(FundIndex(), f.Path, lines.Count) is { } k && ReasonText.IsPlaceholder(lines[k].DeviationNote))
            {
                list.Add(new Unexplained(null, lines[k].Name.Trim(), "funds"));
            }
        }

        // The same fund lines the risk queue counts (BatchRisk.Signals): the calculator's funds.low-execution (the total, and a part
        // below the threshold when the total gives no reason, except a part that is the whole money) and the reviewer criteria's
        // 执行率 without a reason (a placeholder note such as “无” is no reason), each line once.
        ScoringPolicy policy = ScoringPolicy.Find(sheet.Report.PolicyName) ?? ScoringPolicy.Default;
        foreach (var r in Drafting.ReviewerFindings.Find(sheet, policy))
        {
            if ((r.Code is Drafting.ReviewerFindingCodes.RateWithoutReason or Drafting.ReviewerFindingCodes.PartRateWithoutReason) && r.FundLineIndex is { } k && k < lines.Count)
            {
                list.Add(new Unexplained(null, lines[k].Name.Trim(), "funds"));
            }
        }

        return list.DistinctBy(u => (u.Indicator, u.Subject)).ToList();
    }

    /// <summary>The index a finding's path names (<c>indicators[3]…</c>, <c>funds.lines[0]…</c>) when it is one of the <paramref name="count"/> rows.</summary>
    private static int? PathIndex(System.Text.RegularExpressions.Regex pattern, string path, int count) =>
        pattern.Match(path) is { Success: true } m && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < count ? i : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^indicators\[(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex RowIndex();

    [System.Text.RegularExpressions.GeneratedRegex(@"^funds\.lines\[(\d+)\]")]
    private static partial System.Text.RegularExpressions.Regex FundIndex();

    /// <summary>The share of the asked name's character pairs found in the row's name (after the same normalisation).</summary>
    public static decimal Overlap(string asked, string rowName)
    {
        string a = Core(asked);
        string b = Core(rowName);
        var pairs = Enumerable.Range(0, Math.Max(0, a.Length - 1)).Select(i => a.Substring(i, 2)).Distinct(StringComparer.Ordinal).ToList();
        if (pairs.Count == 0)
        {
            return a.Length == 1 && b.Contains(a, StringComparison.Ordinal) ? 1m : 0m;
        }

        return (decimal)pairs.Count(p => b.Contains(p, StringComparison.Ordinal)) / pairs.Count;
    }

    private static string Core(string s) =>
        new(TextNormalizer.Normalize(s).Where(c => char.IsLetterOrDigit(c)).ToArray());
}
