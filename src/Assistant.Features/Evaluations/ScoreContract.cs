using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Features.Evaluations;

/// <summary>A score (<c>assistant score</c>, <c>POST /api/v1/evaluations/score</c>); decimals are strings.</summary>
public sealed record ScoreResponse(
    string Schema,
    string Policy,
    string Title,
    string Kind,
    string? Total,
    string? TotalUnrounded,
    string? Grade,
    string? WeightTotal,
    IReadOnlyList<FundScoreDto> Funds,
    IReadOnlyList<IndicatorScoreDto> Indicators,
    IReadOnlyList<LevelDto> Levels,
    IReadOnlyList<FindingDto> Findings,
    FindingSummaryDto Summary);

public sealed record FundScoreDto(int Index, string Name, string? Parent, string? Rate, string? RateText, string? Score, string? ScoreUnrounded);

public sealed record IndicatorScoreDto(
    int Index,
    string? Id,
    string Name,
    string? Level1,
    string? Level2,
    string Rule,
    string Status,
    string? Target,
    string? Actual,
    CellDto TargetParsed,
    CellDto ActualParsed,
    string? Weight,
    string? Completion,
    string? CompletionText,
    string? Score,
    string? ScoreUnrounded,
    string? Gap,
    string? GapUnit,
    string Trace);

/// <summary>How a cell was read: kind (quantity | qualitative | deadline | missing | cancelled | compound) and its parts.</summary>
public sealed record CellDto(
    string Kind,
    string? Comparator = null,
    string? Value = null,
    int? Decimals = null,
    string? Unit = null,
    string? BaseValue = null,
    string? BaseUnit = null,
    string? Label = null,
    int? Level = null,
    string? Date = null,
    string? Note = null);

public sealed record LevelDto(string Level1, string WeightSum, string? PrintedWeight, string? ScoreSum);

public sealed record FindingDto(string Code, string Severity, string Message, string Path, string? Expected, string? Actual);

public sealed record FindingSummaryDto(int Errors, int Warnings, int Infos);

/// <summary>The facts of an evaluation (<c>assistant facts</c>).</summary>
public sealed record FactsResponse(string Schema, string Policy, string Title, IReadOnlyList<FactDto> Facts);

public sealed record FactDto(string Id, string Label, string Value, string Text, string Unit, int Decimals, string Kind, int? Indicator, int? FundLine);

/// <summary>Maps domain results to the public contract.</summary>
public static class ScoreContract
{
    /// <summary>camelCase, Chinese written as itself, indented.</summary>
    public static readonly JsonSerializerOptions JsonOptions = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.WriteIndented = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        if (options.TypeInfoResolverChain.Count == 0)
        {
            options.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        }

        if (!options.TypeInfoResolverChain.Contains(ScoreJsonContext.Default))
        {
            options.TypeInfoResolverChain.Insert(0, ScoreJsonContext.Default);
        }

        return options;
    }

    public static ScoreResponse ToResponse(Evaluation evaluation, ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(report);
        var funds = report.Funds.Select(f => new FundScoreDto(
            f.Index, f.Name, f.Parent,
            f.Rate is { } r ? PrintedNumber.Format(r, 4) : null,
            f.Rate is { } r2 ? PrintedNumber.Format(r2 * 100m, 2) + "%" : null,
            f.Score is { } s ? PrintedNumber.Format(s, 2) : null,
            f.Score is { } s2 ? PrintedNumber.FormatTrimmed(s2) : null)).ToList();

        var indicators = report.Indicators.Select(r =>
        {
            Indicator ind = evaluation.Indicators[r.Index];
            return new IndicatorScoreDto(
                r.Index, ind.Id, ind.Name, ind.Level1, ind.Level2,
                r.Rule.ToContract(), r.Status.ToContract(),
                ind.Target, ind.Actual, Cell(r.Target), Cell(r.Actual),
                r.Weight is { } w ? PrintedNumber.FormatTrimmed(w) : null,
                r.Completion is { } c ? PrintedNumber.Format(c, 4) : null,
                r.Completion is { } c2 ? PrintedNumber.Format(c2 * 100m, 2) + "%" : null,
                r.Score is { } s ? PrintedNumber.Format(s, 2) : null,
                r.Score is { } s2 ? PrintedNumber.FormatTrimmed(s2) : null,
                r.Gap is { } g ? PrintedNumber.FormatTrimmed(g) : null,
                r.GapUnit,
                r.Trace);
        }).ToList();

        var levels = report.Levels.Select(l => new LevelDto(
            l.Level1, PrintedNumber.FormatTrimmed(l.WeightSum),
            l.PrintedWeight is { } pw ? PrintedNumber.FormatTrimmed(pw) : null,
            l.ScoreSum is { } ss ? PrintedNumber.Format(ss, 2) : null)).ToList();

        var findings = report.Findings.Select(ToDto).ToList();
        return new ScoreResponse(
            "assistant.score/v1",
            report.PolicyName,
            evaluation.Title,
            evaluation.Kind == EvaluationKind.Project ? "project" : "transfer",
            report.TotalRounded is { } t ? PrintedNumber.Format(t, 2) : null,
            report.Total is { } tu ? PrintedNumber.FormatTrimmed(tu) : null,
            report.Grade,
            report.WeightTotal is { } wt ? PrintedNumber.FormatTrimmed(wt) : null,
            funds, indicators, levels, findings,
            new FindingSummaryDto(
                report.Findings.Count(f => f.Severity == Severity.Error),
                report.Findings.Count(f => f.Severity == Severity.Warning),
                report.Findings.Count(f => f.Severity == Severity.Info)));
    }

    public static FindingDto ToDto(Finding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new FindingDto(f.Code, f.Severity.ToContract(), f.Message, f.Path, f.Expected, f.Actual);
    }

    public static FactsResponse ToResponse(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return new FactsResponse(
            "assistant.facts/v1",
            sheet.Report.PolicyName,
            sheet.Evaluation.Title,
            sheet.Facts.Select(f => new FactDto(
                f.Id, f.Label, PrintedNumber.FormatTrimmed(f.Value), f.Text, f.Unit, f.Decimals,
                f.Kind == FactKind.Input ? "input" : "derived", f.IndicatorIndex, f.FundLineIndex)).ToList());
    }

    public static CellDto Cell(Cell cell) => cell switch
    {
        QuantityCell q => new CellDto("quantity", q.Comparator.Symbol() is { Length: > 0 } sym ? sym : null, q.Number.ToString(), q.Number.Decimals,
            q.EffectiveUnit.Text.Length > 0 ? q.EffectiveUnit.Text : null, PrintedNumber.FormatTrimmed(q.BaseValue),
            q.EffectiveUnit.Base.Length > 0 ? q.EffectiveUnit.Base : null, q.Label),
        QualitativeCell t => new CellDto("qualitative", Level: t.Level),
        DeadlineCell d => new CellDto("deadline", Date: DateText(d)),
        MissingCell m => new CellDto("missing", Note: m.ExplicitlyNotSet ? "指标值未设定" : "空"),
        CancelledCell => new CellDto("cancelled", Note: "指标已取消"),
        CompoundCell c => new CellDto("compound", Note: c.Reason),
        _ => new CellDto("unknown"),
    };

    internal static string DateText(DeadlineCell d) =>
        $"{(d.Year is { } y ? y.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : "????")}-{(d.Month ?? 12).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)}"
        + (d.Day is { } day ? "-" + day.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) : d.EndOfPeriod ? "（月底）" : string.Empty)
        + (d.Before ? "（之前）" : string.Empty);
}
