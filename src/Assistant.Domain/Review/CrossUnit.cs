using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Review;

/// <summary>One indicator of one unit's table, as a cross-unit answer lists it (numbers from the calculator).</summary>
public sealed record IndicatorStanding(
    int Index, string Name, string Status, string StatusText, string? Target, string? Actual, decimal? Completion, decimal? Weight, decimal? Score, decimal? LostPoints, string? Reason, string? ReasonKind);

/// <summary>A table's execution: 全年预算数, 执行数, 执行率 of its total line, and its total score.</summary>
public sealed record ExecutionStanding(decimal? Budget, decimal? Executed, decimal? Rate, string Unit, decimal? Total, string? Grade, string? Reason);

/// <summary>A stated reason for a deviation in one table.</summary>
public sealed record StatedReason(int? Indicator, string Subject, string Status, string Reason, string Kind);

/// <summary>
/// What one unit's scored table says to a question asked across units. The indicator is found the way
/// the chat finds it (<see cref="IndicatorMatcher"/>), and only when the name is really that row's:
/// most of the asked name's character pairs must be in the row's name, so “城镇新增就业人数” does not
/// answer with another table's “就业困难人员实现就业人数”.
/// </summary>
public static class CrossUnit
{
    public const decimal MinOverlap = 0.6m;

    public static IReadOnlyList<IndicatorStanding> Indicator(string name, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(sheet);
        IndicatorMatch match = IndicatorMatcher.Match(name, sheet);
        return match.Indicators
            .Where(i => Overlap(name, sheet.Evaluation.Indicators[i].Name) >= MinOverlap)
            .Select(i => Standing(sheet, i))
            .ToList();
    }

    public static IndicatorStanding Standing(FactSheet sheet, int i)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var row = sheet.Evaluation.Indicators[i];
        IndicatorResult r = sheet.Report.Indicators[i];
        decimal? lost = r.Weight is { } w && r.Score is { } s ? w - s : null;
        string? reason = string.IsNullOrWhiteSpace(row.DeviationNote) ? null : row.DeviationNote.Trim();
        return new IndicatorStanding(i, row.Name, r.Status.ToContract(), r.Status.ToChinese(), row.Target, row.Actual, r.Completion, r.Weight, r.Score, lost,
            reason, ReasonKinds.Classify(reason));
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
            string.IsNullOrWhiteSpace(line.DeviationNote) ? null : line.DeviationNote.Trim());
    }

    /// <summary>Every reason the table states for a shortfall, an over-achievement or a fund line's execution.</summary>
    public static IReadOnlyList<StatedReason> Reasons(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var list = new List<StatedReason>();
        foreach (var line in sheet.Evaluation.Funds.Lines)
        {
            if (!string.IsNullOrWhiteSpace(line.DeviationNote))
            {
                list.Add(new StatedReason(null, line.Name, "funds", line.DeviationNote.Trim(), ReasonKinds.Classify(line.DeviationNote)!));
            }
        }

        for (int i = 0; i < sheet.Evaluation.Indicators.Count; i++)
        {
            var row = sheet.Evaluation.Indicators[i];
            IndicatorResult r = sheet.Report.Indicators[i];
            if (!string.IsNullOrWhiteSpace(row.DeviationNote) && r.Status is IndicatorStatus.Short or IndicatorStatus.Exceeded)
            {
                list.Add(new StatedReason(i, row.Name, r.Status.ToContract(), row.DeviationNote.Trim(), ReasonKinds.Classify(row.DeviationNote)!));
            }
        }

        return list;
    }

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
