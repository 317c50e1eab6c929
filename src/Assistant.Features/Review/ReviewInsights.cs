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
    string? Target, string? Actual, string? Completion, string? Weight, string? Score, string? LostPoints, string? Reason, string? ReasonKind);

/// <summary>Which units' tables have the indicator, how many fell short, each row (short ones first, most points lost first), and the kinds of reasons they gave.</summary>
public sealed record IndicatorAnswer(string Name, int? Year, int Tables, int Matched, int Short, IReadOnlyList<UnitIndicatorRow> Rows, IReadOnlyList<ReasonCount> ShortReasons);

public sealed record UnitExecutionRow(
    string Unit, string UnitName, Guid SubmissionId, int Version, string Status, string Title, string? Budget, string? Executed, string? Rate, string FundUnit, string? Total, string? Grade, string? Reason);

/// <summary>执行率 by unit (lowest first) and over all tables: Σ执行数 ÷ Σ预算数 of those in one money unit.</summary>
public sealed record ExecutionAnswer(int? Year, int Tables, string? OverallRate, IReadOnlyList<UnitExecutionRow> Rows);

public sealed record ReasonExample(string Unit, string UnitName, string Title, string Subject, string Status, string Reason);

public sealed record ReasonCount(string Kind, int Count, int Units, IReadOnlyList<ReasonExample> Examples);

public sealed record ReasonsAnswer(int? Year, int Tables, int Reasons, IReadOnlyList<ReasonCount> Kinds);

/// <summary>
/// Questions across the units a reviewer's scope covers, answered from the latest submitted version of
/// each submission (one per unit and project), every number from the calculator.
/// </summary>
public sealed class ReviewInsights(SubmissionService submissions)
{
    public const int MaxExamples = 5;

    public async Task<IndicatorAnswer> IndicatorAsync(UnitScope scope, string name, int? year, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new InputException("name", "请给出指标名称（不超过100字），如 城镇新增就业人数。", "name is required (at most 100 characters), e.g. 城镇新增就业人数.");
        }

        var tables = await SheetsAsync(scope, year, cancellationToken);
        var rows = new List<UnitIndicatorRow>();
        foreach (var (s, sheet) in tables)
        {
            foreach (IndicatorStanding i in CrossUnit.Indicator(name.Trim(), sheet))
            {
                rows.Add(new UnitIndicatorRow(s.Unit, s.UnitName, s.Id, s.Version, s.Status, s.Title, i.Index, i.Name, i.Status, i.StatusText, i.Target, i.Actual,
                    Percent(i.Completion), Num(i.Weight), Num(i.Score, 2), Num(i.LostPoints, 2), i.Reason, i.ReasonKind));
            }
        }

        var ordered = rows.OrderBy(r => r.IndicatorStatus == "short" ? 0 : 1)
            .ThenByDescending(r => decimal.TryParse(r.LostPoints, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d) ? d : 0m)
            .ThenBy(r => r.Unit, StringComparer.Ordinal).ToList();
        var shortRows = ordered.Where(r => r.IndicatorStatus == "short").ToList();
        var kinds = shortRows.GroupBy(r => r.ReasonKind ?? "未说明原因")
            .Select(g => new ReasonCount(g.Key, g.Count(), g.Select(r => r.Unit).Distinct().Count(),
                g.Take(MaxExamples).Select(r => new ReasonExample(r.Unit, r.UnitName, r.Title, r.Name, r.IndicatorStatus, r.Reason ?? string.Empty)).ToList()))
            .OrderByDescending(k => k.Count).ThenBy(k => k.Kind, StringComparer.Ordinal).ToList();
        return new IndicatorAnswer(name.Trim(), year, tables.Count, rows.Count, shortRows.Count, ordered, kinds);
    }

    public async Task<ExecutionAnswer> ExecutionAsync(UnitScope scope, int? year, CancellationToken cancellationToken = default)
    {
        var tables = await SheetsAsync(scope, year, cancellationToken);
        var rows = new List<(UnitExecutionRow Row, ExecutionStanding E)>();
        foreach (var (s, sheet) in tables)
        {
            ExecutionStanding e = CrossUnit.Execution(sheet);
            rows.Add((new UnitExecutionRow(s.Unit, s.UnitName, s.Id, s.Version, s.Status, s.Title, Num(e.Budget), Num(e.Executed), Percent(e.Rate), e.Unit,
                Num(e.Total, 2), e.Grade, e.Reason), e));
        }

        // Sums only across one money unit (万元 by default); others are left out of the overall rate.
        var summed = rows.Where(r => r.E.Unit == "万元" && r.E.Budget is > 0 && r.E.Executed is not null).ToList();
        decimal budget = summed.Sum(r => r.E.Budget!.Value);
        decimal executed = summed.Sum(r => r.E.Executed!.Value);
        string? overall = budget > 0 ? Percent(executed / budget) : null;
        return new ExecutionAnswer(year, tables.Count, overall,
            rows.OrderBy(r => r.E.Rate ?? decimal.MaxValue).ThenBy(r => r.Row.Unit, StringComparer.Ordinal).Select(r => r.Row).ToList());
    }

    public async Task<ReasonsAnswer> ReasonsAsync(UnitScope scope, int? year, CancellationToken cancellationToken = default)
    {
        var tables = await SheetsAsync(scope, year, cancellationToken);
        var all = new List<(SubmissionSummary S, StatedReason R)>();
        foreach (var (s, sheet) in tables)
        {
            all.AddRange(CrossUnit.Reasons(sheet).Select(r => (s, r)));
        }

        var kinds = all.GroupBy(x => x.R.Kind)
            .Select(g => new ReasonCount(g.Key, g.Count(), g.Select(x => x.S.Unit).Distinct().Count(),
                g.Take(MaxExamples).Select(x => new ReasonExample(x.S.Unit, x.S.UnitName, x.S.Title, x.R.Subject, x.R.Status, x.R.Reason)).ToList()))
            .OrderByDescending(k => k.Count).ThenBy(k => k.Kind, StringComparer.Ordinal).ToList();
        return new ReasonsAnswer(year, tables.Count, all.Count, kinds);
    }

    private async Task<List<(SubmissionSummary S, FactSheet Sheet)>> SheetsAsync(UnitScope scope, int? year, CancellationToken cancellationToken)
    {
        if (year is < 1990 or > 2100)
        {
            throw new InputException("year", "年度应在1990到2100之间。", "year must be between 1990 and 2100.");
        }

        var list = new List<(SubmissionSummary, FactSheet)>();
        foreach (var (s, e) in await submissions.LatestEvaluationsAsync(scope, year, cancellationToken))
        {
            list.Add((s, FactSheet.Build(EvaluationJson.Parse(e.Body), EvaluationService.ResolvePolicy(e.Policy))));
        }

        return list;
    }

    private static string? Num(decimal? d, int? decimals = null) =>
        d is not { } v ? null : decimals is { } n ? PrintedNumber.Format(v, n) : PrintedNumber.FormatTrimmed(v);

    private static string? Percent(decimal? ratio) => ratio is { } r ? PrintedNumber.Format(r * 100m, 2) : null;
}
