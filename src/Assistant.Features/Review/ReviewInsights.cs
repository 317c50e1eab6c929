using System.Globalization;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Review;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Units;

namespace Assistant.Features.Review;

/// <summary>One unit's row of an indicator asked across units; decimals are strings (completion and rates in %).</summary>
public sealed record UnitIndicatorRow(
    string Unit, string UnitName, Guid SubmissionId, int Version, string Status, string Title, int Indicator, string Name, string IndicatorStatus, string StatusText,
    string? Target, string? Actual, string? Completion, string? Weight, string? Score, string? LostPoints, string? Reason, string? ReasonKind)
{
    /// <summary>|指标值 − 完成值| as printed, and its unit (个百分点 between percentages).</summary>
    public string? Gap { get; init; }

    public string? GapUnit { get; init; }

    /// <summary>A reverse (越低越好) row's distance from its cap, 超出上限1.6万元; such a row has no 完成率 (its ratio would read as over-achievement).</summary>
    public string? Limit { get; init; }
}

/// <summary>Which units' tables have the indicator, how many fell short, each row (short ones first, most points lost first), and the kinds of reasons they gave.</summary>
public sealed record IndicatorAnswer(string Name, int? Year, int Tables, int Matched, int Short, IReadOnlyList<UnitIndicatorRow> Rows, IReadOnlyList<ReasonCount> ShortReasons) : ICrossUnitAnswer
{
    /// <summary>Tables a unit submitted more than once: only the latest submission is counted.</summary>
    public IReadOnlyList<DuplicateSubmission> Duplicates { get; init; } = [];
}

public sealed record UnitExecutionRow(
    string Unit, string UnitName, Guid SubmissionId, int Version, string Status, string Title, string? Budget, string? Executed, string? Rate, string FundUnit, string? Total, string? Grade, string? Reason)
{
    /// <summary>项目支出 or 部门整体支出.</summary>
    public string ProgramKind { get; init; } = CrossUnit.ProjectSpending;

    /// <summary>The program the table reports on (the title without year and place), or 部门整体支出.</summary>
    public string Program { get; init; } = string.Empty;

    /// <summary>
    /// The level of government the unit belongs to (province, city or county: its own, or its nearest such ancestor's), for a
    /// question about 各县 or 哪些市; null for a unit not registered in the hierarchy. Not part of the API's answer.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Tier { get; init; }

    /// <summary>The table's lines below its total (中央、省级、县级资金…), for a question about one source of the money; not part of the API's answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<UnitFundLine> Lines { get; init; } = [];
}

/// <summary>One fund line below a table's total: its name, 全年预算数, 执行数 and 执行率 (in %), and the unit's note.</summary>
public sealed record UnitFundLine(string Name, string? Budget, string? Executed, string? Rate, string? Reason);

/// <summary>One program's (or the 部门整体支出 tables') 执行率: Σ执行数 ÷ Σ预算数 of its tables in 万元, and which units were summed.</summary>
public sealed record ExecutionGroup(string Kind, string Program, int Tables, string? Budget, string? Executed, string? Rate, IReadOnlyList<string> Units);

/// <summary>
/// 执行率 by unit (lowest first) and by program (<see cref="Groups"/>, never mixing a department's
/// 部门整体支出 into a program's total). <see cref="OverallRate"/> is the one program's rate when every table
/// reports on one program, else null (the groups say each) with <see cref="OverallNote"/> saying why. Rows of tables in
/// different money units (元 beside 万元) are all stated in 万元.
/// </summary>
public sealed record ExecutionAnswer(int? Year, int Tables, string? OverallRate, IReadOnlyList<UnitExecutionRow> Rows) : ICrossUnitAnswer
{
    /// <summary>Tables a unit submitted more than once: only the latest submission is counted.</summary>
    public IReadOnlyList<DuplicateSubmission> Duplicates { get; init; } = [];

    public IReadOnlyList<ExecutionGroup> Groups { get; init; } = [];

    /// <summary>Why <see cref="OverallRate"/> is null (several programs, no table, nothing in a money unit); null when there is a rate.</summary>
    public string? OverallNote { get; init; }
}

/// <summary>One indicator across units: how many units' tables have it and how many fell short, with those units.</summary>
public sealed record ShortfallCount(string Name, int Tables, int Short, int Unexplained, IReadOnlyList<string> ShortUnits);

/// <summary>The indicators most often short across units (most short units first).</summary>
public sealed record ShortfallsAnswer(int? Year, int Tables, IReadOnlyList<ShortfallCount> Indicators) : ICrossUnitAnswer
{
    /// <summary>Tables a unit submitted more than once: only the latest submission is counted.</summary>
    public IReadOnlyList<DuplicateSubmission> Duplicates { get; init; } = [];
}

/// <summary>A unit's row that needed a reason and has none.</summary>
public sealed record MissingReason(string Unit, string UnitName, string Title, string Subject, string Status);

public sealed record ReasonExample(string Unit, string UnitName, string Title, string Subject, string Status, string Reason);

public sealed record ReasonCount(string Kind, int Count, int Units, IReadOnlyList<ReasonExample> Examples);

public sealed record ReasonsAnswer(int? Year, int Tables, int Reasons, IReadOnlyList<ReasonCount> Kinds) : ICrossUnitAnswer
{
    /// <summary>Tables a unit submitted more than once: only the latest submission is counted.</summary>
    public IReadOnlyList<DuplicateSubmission> Duplicates { get; init; } = [];

    /// <summary>Boilerplate: one sentence on several rows of a unit, the same sentence in several units, measures given as reasons, general or out-of-period causes.</summary>
    public IReadOnlyList<ReasonFlag> Flags { get; init; } = [];

    /// <summary>Rows short of target (or fund lines below the 执行率 that needs a reason) with no reason at all.</summary>
    public IReadOnlyList<MissingReason> Missing { get; init; } = [];
}

/// <summary>
/// Questions across the units a reviewer's scope covers, answered from the latest submitted version of
/// each submission (one per unit and project), every number from the calculator.
/// </summary>
public sealed class ReviewInsights(SubmissionService submissions, Units.UnitStore units)
{
    public const int MaxExamples = 5;

    public async Task<IndicatorAnswer> IndicatorAsync(UnitScope scope, string name, int? year, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new InputException("name", "请给出指标名称（不超过100字），如 城镇新增就业人数。", "name is required (at most 100 characters), e.g. 城镇新增就业人数.");
        }

        var (tables, duplicates) = await SheetsAsync(scope, year, cancellationToken);
        var rows = new List<UnitIndicatorRow>();
        foreach (var (s, sheet) in tables)
        {
            foreach (IndicatorStanding i in CrossUnit.Indicator(name.Trim(), sheet))
            {
                rows.Add(new UnitIndicatorRow(s.Unit, s.UnitName, s.Id, s.Version, s.Status, s.Title, i.Index, i.Name, i.Status, i.StatusText, i.Target, i.Actual,
                    Percent(i.Completion), Num(i.Weight), Num(i.Score, 2), Num(i.LostPoints, 2), i.Reason, i.ReasonKind)
                    { Gap = i.Gap?.Number, GapUnit = i.Gap?.Unit, Limit = i.Limit });
            }
        }

        var ordered = rows.OrderBy(r => r.IndicatorStatus == "short" ? 0 : 1)
            .ThenByDescending(r => decimal.TryParse(r.LostPoints, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d) ? d : 0m)
            .ThenBy(r => r.Unit, StringComparer.Ordinal).ToList();
        var shortRows = ordered.Where(r => r.IndicatorStatus == "short").ToList();
        var kinds = shortRows.GroupBy(r => r.ReasonKind ?? NoReason)
            .Select(g => new ReasonCount(g.Key, g.Count(), g.Select(r => r.Unit).Distinct().Count(),
                g.Take(MaxExamples).Select(r => new ReasonExample(r.Unit, r.UnitName, r.Title, r.Name, r.IndicatorStatus, r.Reason ?? string.Empty)).ToList()))
            .OrderBy(k => Unclassified(k.Kind)).ThenByDescending(k => k.Count).ThenBy(k => k.Kind, StringComparer.Ordinal).ToList();
        return new IndicatorAnswer(name.Trim(), year, tables.Count, rows.Count, shortRows.Count, ordered, kinds) { Duplicates = duplicates };
    }

    public async Task<ExecutionAnswer> ExecutionAsync(UnitScope scope, int? year, CancellationToken cancellationToken = default)
    {
        var (tables, duplicates) = await SheetsAsync(scope, year, cancellationToken);
        IReadOnlyDictionary<string, string> tiers = await units.TiersAsync(tables.Select(t => t.S.Unit), cancellationToken);
        var rows = new List<(UnitExecutionRow Row, ExecutionStanding E)>();
        foreach (var (s, sheet) in tables)
        {
            ExecutionStanding e = CrossUnit.Execution(sheet);
            ProgramKey program = CrossUnit.Program(sheet, s.UnitName);
            rows.Add((new UnitExecutionRow(s.Unit, s.UnitName, s.Id, s.Version, s.Status, s.Title, Printed(e.Budget), Printed(e.Executed), Percent(e.Rate), e.Unit,
                Num(e.Total, 2), e.Grade, e.Reason) { ProgramKind = program.Kind, Program = program.Name, Lines = PartLines(sheet), Tier = tiers.GetValueOrDefault(s.Unit) }, e));
        }

        // A list that mixes money units (a table in 元 beside tables in 万元) states every amount in 万元, as the groups do.
        if (rows.Select(r => r.Row.FundUnit.Trim()).Where(u => Wan(1m, u) is not null).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            rows = rows.Select(r => (InWan(r.Row), r.E)).ToList();
        }

        var groups = Groups(rows.Select(r => r.Row));
        return new ExecutionAnswer(year, tables.Count, groups.Count == 1 ? groups[0].Rate : null,
            rows.OrderBy(r => r.E.Rate ?? decimal.MaxValue).ThenBy(r => r.Row.Unit, StringComparer.Ordinal).Select(r => r.Row).ToList())
        { Groups = groups, OverallNote = OverallNote(tables.Count, groups), Duplicates = duplicates };
    }

    /// <summary>Why there is no <see cref="ExecutionAnswer.OverallRate"/>: no table, several programs (each has its own), or nothing in a money unit to sum.</summary>
    private static string? OverallNote(int tables, IReadOnlyList<ExecutionGroup> groups) => tables == 0
        ? "没有已提交的自评表，无法计算合计执行率。"
        : groups.Count > 1
            ? $"这些表分属{groups.Count}个项目（{string.Join("、", groups.Select(g => g.Program))}），各项目的执行率分别见groups，不把不同项目合并为一个执行率。"
            : groups[0].Rate is null
                ? "这些表的金额没有可汇总的货币单位或预算数为0，无法计算合计执行率。"
                : null;

    /// <summary>A row (and its fund lines) with every amount in 万元, exactly; a row whose unit is not money stays as it is.</summary>
    private static UnitExecutionRow InWan(UnitExecutionRow row)
    {
        static string? Convert(string? amount, string unit) =>
            decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) && Wan(v, unit) is { } w ? Like(w, [amount]) : amount;
        return Wan(1m, row.FundUnit) is null || row.FundUnit.Trim() == "万元"
            ? row
            : row with
            {
                Budget = Convert(row.Budget, row.FundUnit), Executed = Convert(row.Executed, row.FundUnit), FundUnit = "万元",
                Lines = row.Lines.Select(l => l with { Budget = Convert(l.Budget, row.FundUnit), Executed = Convert(l.Executed, row.FundUnit) }).ToList(),
            };
    }

    /// <summary>
    /// Each program's total over <paramref name="rows"/>, one program at a time in 万元: a table in 元 (or 千元, 亿元) is converted
    /// exactly; a table whose amounts are in no money unit is left out of the sums. Units are named once however many of their
    /// tables were summed. (Over the rows of one level, 各县, the totals are that level's.)
    /// </summary>
    public static IReadOnlyList<ExecutionGroup> Groups(IEnumerable<UnitExecutionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        static decimal? Dec(string? text) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d) ? d : null;
        return rows.GroupBy(r => (r.ProgramKind, r.Program))
            .Select(g =>
            {
                var summed = g.Select(r => (Row: r, Budget: Wan(Dec(r.Budget), r.FundUnit), Executed: Wan(Dec(r.Executed), r.FundUnit)))
                    .Where(r => r.Budget is > 0 && r.Executed is not null).ToList();
                decimal budget = summed.Sum(r => r.Budget!.Value);
                decimal executed = summed.Sum(r => r.Executed!.Value);
                return new ExecutionGroup(g.Key.ProgramKind, g.Key.Program, g.Count(), summed.Count > 0 ? Like(budget, summed.Select(r => r.Row.Budget)) : null,
                    summed.Count > 0 ? Like(executed, summed.Select(r => r.Row.Executed)) : null,
                    budget > 0 ? Percent(executed / budget) : null, summed.Select(r => r.Row.UnitName).Distinct(StringComparer.Ordinal).ToList());
            })
            .OrderBy(g => g.Kind == CrossUnit.ProjectSpending ? 0 : 1).ThenByDescending(g => g.Tables).ThenBy(g => g.Program, StringComparer.Ordinal).ToList();
    }

    /// <summary>The indicators most often short across the units' latest tables (by name, as the indicator question matches them).</summary>
    public async Task<ShortfallsAnswer> ShortfallsAsync(UnitScope scope, int? year, CancellationToken cancellationToken = default)
    {
        var (tables, duplicates) = await SheetsAsync(scope, year, cancellationToken);
        var seen = new List<(string Name, string UnitName, bool Short, bool Unexplained)>();
        foreach (var (s, sheet) in tables)
        {
            var missing = CrossUnit.Missing(sheet).Where(m => m.Indicator is not null).Select(m => m.Indicator!.Value).ToHashSet();
            for (int i = 0; i < sheet.Evaluation.Indicators.Count; i++)
            {
                bool isShort = sheet.Report.Indicators[i].Status == Domain.Scoring.IndicatorStatus.Short;
                seen.Add((Core(sheet.Evaluation.Indicators[i].Name), s.UnitName, isShort, missing.Contains(i)));
            }
        }

        var counts = seen.GroupBy(x => x.Name, StringComparer.Ordinal)
            .Select(g => new ShortfallCount(g.Key, g.Count(), g.Count(x => x.Short), g.Count(x => x.Unexplained), g.Where(x => x.Short).Select(x => x.UnitName).ToList()))
            .Where(c => c.Short > 0)
            .OrderByDescending(c => c.Short).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        return new ShortfallsAnswer(year, tables.Count, counts) { Duplicates = duplicates };
    }

    public async Task<ReasonsAnswer> ReasonsAsync(UnitScope scope, int? year, CancellationToken cancellationToken = default)
    {
        var (tables, duplicates) = await SheetsAsync(scope, year, cancellationToken);
        var all = new List<(SubmissionSummary S, StatedReason R, int? Year)>();
        foreach (var (s, sheet) in tables)
        {
            all.AddRange(CrossUnit.Reasons(sheet).Select(r => (s, r, sheet.Evaluation.Year ?? s.Year)));
        }

        var kinds = all.GroupBy(x => x.R.Kind)
            .Select(g => new ReasonCount(g.Key, g.Count(), g.Select(x => x.S.Unit).Distinct().Count(),
                g.Take(MaxExamples).Select(x => new ReasonExample(x.S.Unit, x.S.UnitName, x.S.Title, x.R.Subject, x.R.Status, x.R.Reason)).ToList()))
            .OrderBy(k => Unclassified(k.Kind)).ThenByDescending(k => k.Count).ThenBy(k => k.Kind, StringComparer.Ordinal).ToList();
        var flags = ReasonQuality.Find(all.Select(x => new ReasonUse(x.S.Unit, x.S.UnitName, x.R.Indicator, x.R.Subject, x.R.Reason, x.Year, x.S.Title, x.S.Id)));
        var missing = tables.SelectMany(t => CrossUnit.Missing(t.Sheet).Select(m => new MissingReason(t.S.Unit, t.S.UnitName, t.S.Title, m.Subject, m.Status))).ToList();
        return new ReasonsAnswer(year, tables.Count, all.Count, kinds) { Flags = flags, Missing = missing, Duplicates = duplicates };
    }

    /// <summary>
    /// Kinds are listed most frequent first, but 其他原因 (no kind's words found) and 未说明原因 come after every classified kind
    /// whatever their counts: “最常见的偏差原因” is a kind of cause, and an unclassified heap is none.
    /// </summary>
    public static int Unclassified(string kind) => kind switch { ReasonKinds.Other => 1, NoReason => 2, _ => 0 };

    /// <summary>The kind of a short row without a reason, in <see cref="IndicatorAnswer.ShortReasons"/>.</summary>
    public const string NoReason = "未说明原因";

    private async Task<(List<(SubmissionSummary S, FactSheet Sheet)> Tables, IReadOnlyList<DuplicateSubmission> Duplicates)> SheetsAsync(UnitScope scope, int? year, CancellationToken cancellationToken)
    {
        if (year is < 1990 or > 2100)
        {
            throw new InputException("year", "年度应在1990到2100之间。", "year must be between 1990 and 2100.");
        }

        var list = new List<(SubmissionSummary, FactSheet)>();
        CrossUnitTables latest = await submissions.CrossUnitEvaluationsAsync(scope, year, cancellationToken);
        foreach (var (s, e) in latest.Tables)
        {
            list.Add((s, FactSheet.Build(EvaluationJson.Parse(e.Body), EvaluationService.ResolvePolicy(e.Policy))));
        }

        return (list, latest.Duplicates);
    }

    /// <summary>The fund lines below the total line, each with the calculator's 执行率.</summary>
    private static List<UnitFundLine> PartLines(FactSheet sheet) =>
        sheet.Report.Funds.Where(f => !f.IsRoot && f.Index < sheet.Evaluation.Funds.Lines.Count)
            .Select(f => (R: f, L: sheet.Evaluation.Funds.Lines[f.Index]))
            .Select(x => new UnitFundLine(x.L.Name.Trim(), Printed(x.L.Budget?.Value), Printed(x.L.Executed?.Value), Percent(x.R.Rate),
                Domain.Review.ReasonText.Given(x.L.DeviationNote)))
            .ToList();

    /// <summary>An amount of a table in <paramref name="unit"/> (元, 千元, 万元, 亿元…) in 万元, exactly (3600000 元 → 360 万元); null when the unit is not money.</summary>
    internal static decimal? Wan(decimal? amount, string? unit) =>
        amount is { } v && Domain.Importing.FundUnits.YuanPer(unit?.Trim()) is { } yuan ? v * yuan / 10_000m : null;

    /// <summary>An indicator's name as units write it (without spaces or the unit in brackets), for counting across tables.</summary>
    private static string Core(string name) => TextNormalizer.Normalize(name).Trim();

    private static string? Num(decimal? d, int? decimals = null) =>
        d is not { } v ? null : decimals is { } n ? PrintedNumber.Format(v, n) : PrintedNumber.FormatTrimmed(v);

    /// <summary>An amount of a table as the table printed it (286.00, 117.60, 200): its own decimals, never trimmed to 286 or 117.6.</summary>
    public static string? Printed(decimal? d) =>
        d is not { } v ? null : v.Scale <= 6 ? v.ToString(CultureInfo.InvariantCulture) : Money(v);

    /// <summary>
    /// An amount worked out from printed ones (a sum over tables, an amount converted from 元) with as many decimals as the most any of
    /// them printed (100 + 100 → 200; 286.00 + 117.10 → 403.10). An amount that those decimals cannot hold (元 converted to 万元) is
    /// rounded half up to two decimals, as a reviewer reads 万元 (35116871.52元 → 3511.69, never 3511.687152; session 39), more only
    /// when two would print a non-zero amount as 0.00 (125元 → 0.0125).
    /// </summary>
    public static string Like(decimal value, IEnumerable<string?> printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        int places = printed.Select(Decimals).DefaultIfEmpty(0).Max();
        return Math.Round(value, places) == value ? PrintedNumber.Format(value, places) : Money(value)!;
    }

    private static int Decimals(string? text)
    {
        int dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot < 0 ? 0 : text!.Length - dot - 1;
    }

    /// <summary>
    /// An amount of money in 万元 worked out here (a sum over tables, an amount converted from 元): two decimals, rounded half up
    /// (3511.687152 → 3511.69); more only when two would print a non-zero amount as 0.00 (0.0004 万元) — never trimmed to 286 or 117.6.
    /// </summary>
    public static string? Money(decimal? d)
    {
        if (d is not { } v)
        {
            return null;
        }

        int places = 2;
        while (places < 6 && v != 0m && PrintedNumber.RoundHalfUp(v, places) == 0m)
        {
            places++;
        }

        return PrintedNumber.Format(v, places);
    }

    private static string? Percent(decimal? ratio) => ratio is { } r ? PrintedNumber.Format(r * 100m, 2) : null;
}
