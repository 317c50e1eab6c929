using System.Globalization;
using System.Text;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Reporting;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Features.Batches;

/// <summary>A generated submission: its table (.xlsx), its report text and the error injected (<c>none</c> when clean).</summary>
public sealed record SyntheticSubmission(string Name, string Unit, byte[] Table, string Report, string Injected);

/// <summary>
/// Deterministic submissions for load runs and tests, varied from a base table: the amount spent
/// (so the 执行率 and the fund score vary), the unit, the title. The base is first made clean — every
/// indicator exactly at its target (a qualitative one as worded), cost indicators spent in step with the
/// money, no deviation notes left over from the base's own shortfalls — so every fifth, with no error, is
/// really clean (risk none or low) and the others carry exactly one error: a report number that contradicts
/// the table, a printed score above its weight (a table error), a low execution rate with no reason given,
/// an indicator over-achieved far beyond its target.
/// </summary>
public static partial class SyntheticSubmissions
{
    public static readonly string[] Injections = ["none", "report-contradicted", "table-error", "shortfall-unexplained", "target-too-low"];

    public static SyntheticSubmission Make(Evaluation baseTable, int seed)
    {
        ArgumentNullException.ThrowIfNull(baseTable);
        var random = new Random(seed);
        string injected = Injections[seed % Injections.Length];
        string unit = $"合成单位{seed % 37 + 1:00}";
        decimal share = injected == "shortfall-unexplained" ? 0.55m + (decimal)random.Next(0, 10) / 100m : 0.90m + (decimal)random.Next(0, 11) / 100m;
        var lines = baseTable.Funds.Lines.Select(l => l.Budget is { } b && l.Executed is not null
            ? l with
            {
                Executed = new PrintedNumber(decimal.Round(b.Value * share, 2), 2),
                PrintedRate = null,
                PrintedRateText = null,
                PrintedScore = null,
                DeviationNote = injected == "shortfall-unexplained" ? null : l.DeviationNote,
            }
            : l).ToList();
        bool costInStep = CostLinesMatchBudget(baseTable);
        var indicators = baseTable.Indicators.Select(i => Met(i, costInStep && IsCost(i, baseTable.Funds.Unit) ? share : 1m)).ToList();
        if (injected == "target-too-low" && indicators.FindIndex(Modest) is int o and >= 0)
        {
            decimal target = Number(indicators[o].Target)!.Value;
            indicators[o] = indicators[o] with { Actual = Format(decimal.Round(target * 1.6m, 0)), DeviationNote = null };
        }

        Evaluation e = baseTable with
        {
            Title = $"{baseTable.Title.Trim()}（{seed}）",
            Implementer = unit,
            Funds = baseTable.Funds with { Lines = lines },
            Indicators = indicators,
            PrintedTotal = null,
        };
        ScoreReport score = Calculator.Score(e);
        using var ms = new MemoryStream();
        TableXlsx.Write(ms, e, score);
        if (injected == "table-error" && score.Indicators.FirstOrDefault(i => i.Weight is > 0) is { } weighted)
        {
            // A printed score above the indicator's weight: what a hand-filled table gets wrong.
            PrintScore(ms, TableCells.Name(e.Indicators[weighted.Index]), weighted.Weight!.Value + 1m);
        }

        return new SyntheticSubmission($"{seed:0000}-{unit}", unit, ms.ToArray(), Report(e, score, injected == "report-contradicted"), injected);
    }

    /// <summary>
    /// The row at its target, with no note: a number target (≥95%, ≤3000元, 20000亩) is completed exactly — a cost
    /// row whose targets added up to the budget is planned and completed at <paramref name="share"/> of it, in step
    /// with the money — a worded one (明显改善) as worded; a row whose target reads as neither keeps its cells.
    /// </summary>
    private static Indicator Met(Indicator i, decimal share)
    {
        Indicator row = i with { PrintedScore = null, DeviationNote = null, Grade = null };
        string? target = i.Target?.Trim();
        if (string.IsNullOrEmpty(target) || target.StartsWith('>') || target.StartsWith('<'))
        {
            return row;
        }

        string bare = target.TrimStart('≥', '≤', '=', ' ');
        int first = bare.IndexOfAny("0123456789".ToCharArray());
        if (first is > 0 and <= 4 && Comparator().IsMatch(bare[..first]))
        {
            bare = bare[first..]; // 不低于95% → 95%
        }

        int digits = 0;
        while (digits < bare.Length && (char.IsAsciiDigit(bare[digits]) || bare[digits] == '.'))
        {
            digits++;
        }

        if (digits == 0)
        {
            // A worded target (明显改善, 按时完成): the result says the same.
            return bare.Any(char.IsDigit) ? row : row with { Actual = bare };
        }

        if (!decimal.TryParse(bare[..digits], NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value))
        {
            return row;
        }

        if (share == 1m)
        {
            return row with { Actual = bare };
        }

        // A cost row in step with the money: its planned amount and its result both follow the share spent, so the
        // 成本 rows no longer add up to the 全年预算数 and are met (the reviewer's comparison is for real tables).
        string number = PrintedNumber.Format(decimal.Round(value * share, 2), 2);
        int at = target.IndexOf(bare[..digits], StringComparison.Ordinal);
        return row with { Target = target[..at] + number + target[(at + digits)..], Actual = number + bare[digits..] };
    }

    private static bool IsCost(Indicator i, string? fundUnit) =>
        (i.Level2 ?? string.Empty).Contains("成本", StringComparison.Ordinal) && fundUnit is { Length: > 0 } u
        && ((i.Target ?? string.Empty).Contains(u, StringComparison.Ordinal) || string.Equals(i.Unit?.Trim(), u, StringComparison.Ordinal));

    /// <summary>Cost rows whose targets add up to the 全年预算数 (the reviewer compares their results with the spending).</summary>
    private static bool CostLinesMatchBudget(Evaluation e)
    {
        FundLine? root = e.Funds.Lines.FirstOrDefault(l => string.IsNullOrWhiteSpace(l.Parent));
        decimal? sum = e.Indicators.Where(i => IsCost(i, e.Funds.Unit)).Select(i => Leading(i.Target)).Aggregate((decimal?)0m, (a, b) => a + (b ?? 0m));
        return root?.Budget is { } budget && sum is > 0 && Math.Abs(sum.Value - budget.Value) <= 0.01m;
    }

    /// <summary>A quantitative indicator (≥ or plain target) completed below 120 %: over-achieving it is the injected error alone.</summary>
    private static bool Modest(Indicator i) =>
        i.Target is { } t && !t.TrimStart().StartsWith('≤') && !t.TrimStart().StartsWith('<') && Number(t) is > 0 && Number(i.Actual) is > 0
        && Number(i.Actual)!.Value / Number(t)!.Value < 1.2m;

    private static void PrintScore(MemoryStream xlsx, string indicator, decimal score)
    {
        using SpreadsheetDocument doc = SpreadsheetDocument.Open(xlsx, true);
        WorkbookPart wb = doc.WorkbookPart!;
        SharedStringTable? strings = wb.SharedStringTablePart?.SharedStringTable;
        foreach (WorksheetPart part in wb.WorksheetParts)
        {
            foreach (Row row in part.Worksheet.Descendants<Row>())
            {
                var cells = row.Elements<Cell>().ToList();
                if (!cells.Any(c => CellText(c, strings).Trim() == indicator))
                {
                    continue;
                }

                if (cells.FirstOrDefault(c => c.CellReference?.Value?.StartsWith('G') == true) is { } g)
                {
                    g.DataType = CellValues.Number;
                    g.CellValue = new CellValue(score.ToString(CultureInfo.InvariantCulture));
                    g.CellFormula = null;
                    part.Worksheet.Save();
                    return;
                }
            }
        }
    }

    private static string CellText(Cell c, SharedStringTable? strings) =>
        c.DataType?.Value == CellValues.SharedString && strings is not null && int.TryParse(c.CellValue?.Text, out int i)
            ? strings.ElementAt(i).InnerText
            : c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty;

    /// <summary>A short report in the usual order: funds, then each quantitative indicator, then the score.</summary>
    public static string Report(Evaluation e, ScoreReport score, bool contradict)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(score);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{e.Title.Trim()}绩效自评报告");
        text.AppendLine("一、项目基本情况");
        FundLineResult? root = score.Funds.FirstOrDefault(f => f.IsRoot && f.Rate is not null);
        if (root is not null && e.Funds.Lines[root.Index] is { Budget: { } budget, Executed: { } executed })
        {
            decimal rate = root.Rate!.Value * 100m + (contradict ? 7m : 0m);
            text.AppendLine(CultureInfo.InvariantCulture, $"{e.Year}年全年预算数{PrintedNumber.Format(budget.Value, 2)}{e.Funds.Unit}，全年执行数{PrintedNumber.Format(executed.Value, 2)}{e.Funds.Unit}，预算执行率{PrintedNumber.Format(rate, 2)}%。");
        }

        text.AppendLine("二、绩效目标完成情况");
        foreach (IndicatorResult i in score.Indicators.Take(6))
        {
            if (e.Indicators[i.Index].Actual is { Length: > 0 } actual)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{i.Name}：年度指标值{e.Indicators[i.Index].Target}，实际完成值{actual}。");
            }
        }

        if (score.TotalRounded is { } total)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"三、自评结论\n经自评，该项目得分{PrintedNumber.Format(total, 2)}分，评价等级为“{score.Grade}”。");
        }

        return text.ToString();
    }

    private static decimal? Number(string? cell) =>
        cell is not null && decimal.TryParse(cell.Trim().TrimStart('≥', '≤', '>', '<', '='), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) ? v : null;

    /// <summary>The number a cell starts with after its comparison sign (≤500万元 → 500).</summary>
    private static decimal? Leading(string? cell)
    {
        string t = (cell ?? string.Empty).Trim().TrimStart('≥', '≤', '=', ' ');
        int n = 0;
        while (n < t.Length && (char.IsAsciiDigit(t[n]) || t[n] == '.'))
        {
            n++;
        }

        return n > 0 && decimal.TryParse(t[..n], NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) ? v : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(?:不低于|不少于|不高于|不超过|不大于|不小于|达到|大于等于|小于等于)$")]
    private static partial System.Text.RegularExpressions.Regex Comparator();

    private static string Format(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
