using System.Globalization;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;

namespace Assistant.Features.Reporting;

/// <summary>The 自评表's cells as printed in an export: inputs as the unit printed them, 执行率/得分/总分 as computed.</summary>
public static class TableCells
{
    /// <summary>
    /// A fund line's label: the total as named; the first part under it as 其中：中央资金, the parts after it as named
    /// (其中 is printed once, as on the 自评表, not on every part).
    /// </summary>
    public static string LineLabel(IReadOnlyList<FundLine> lines, int i)
    {
        ArgumentNullException.ThrowIfNull(lines);
        FundLine line = lines[i];
        if (string.IsNullOrWhiteSpace(line.Parent))
        {
            return line.Name.Trim();
        }

        bool first = i == 0 || lines[i - 1].Parent is not { } previous || previous.Trim() != line.Parent.Trim();
        return first ? "其中：" + line.Name.Trim() : line.Name.Trim();
    }

    public static string Money(PrintedNumber? n) => n is { } v ? PrintedNumber.Format(v.Value, v.Decimals) : string.Empty;

    public static string Rate(decimal? rate) => rate is { } r ? PrintedNumber.Format(r * 100m, 2) + "%" : string.Empty;

    public static string Score(decimal? score) => score is { } s ? PrintedNumber.Format(s, 2) : string.Empty;

    public static string Weight(PrintedNumber? n) => n is { } v ? PrintedNumber.Format(v.Value, v.Decimals) : string.Empty;

    /// <summary>The total as computed (sum of unrounded scores, rounded half-up).</summary>
    public static string Total(ScoreReport score) => score.TotalRounded is { } t ? t.ToString("0.00", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The weight total the table adds up to (the calculator's sum of 分值).</summary>
    public static string WeightTotal(ScoreReport score) => score.WeightTotal is { } w ? PrintedNumber.Format(w, 0) : string.Empty;

    /// <summary>Consecutive rows with the same 一级 (and 二级 within it) as spans: (start, count).</summary>
    public static IReadOnlyList<(int Start, int Count)> Runs(IReadOnlyList<string> keys)
    {
        var runs = new List<(int, int)>();
        int start = 0;
        for (int i = 1; i <= keys.Count; i++)
        {
            if (i == keys.Count || keys[i] != keys[start])
            {
                runs.Add((start, i - start));
                start = i;
            }
        }

        return runs;
    }

    /// <summary>
    /// A 三级指标 as the source printed it, its unit in brackets (受益学生人数（万人）, 孕产妇死亡率（1/10万）): the
    /// import splits the unit off the name, and a target or actual without it (≥2, 2.8) reads as another quantity.
    /// </summary>
    public static string Name(Indicator i)
    {
        ArgumentNullException.ThrowIfNull(i);
        string name = i.Name.Trim();
        string? unit = i.Unit?.Trim();
        return string.IsNullOrEmpty(unit) || name.EndsWith("（" + unit + "）", StringComparison.Ordinal) || name.EndsWith("(" + unit + ")", StringComparison.Ordinal)
            ? name
            : name + "（" + unit + "）";
    }

    public static string Level1(Indicator i) => ReportFacts.Level1Of(i.Level1);

    public static string Level2(Indicator i) => ReportFacts.Level1Of(i.Level1) + "/" + ReportFacts.Level2Of(i.Level2);
}
