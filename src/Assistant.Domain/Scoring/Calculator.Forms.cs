using Assistant.Domain.Cells;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Scoring;

/// <summary>
/// Cell forms a target and its actual are written in that compare only once read alike: a rate written as a fraction
/// (0.93 under %, against ≥90%), and a frequency per period against a count for the year (每季度1次 against 4次).
/// </summary>
public static partial class Calculator
{
    /// <summary>Periods a frequency is written per (每季度1次), and how many of each a year holds.</summary>
    private static readonly (string Word, int PerYear)[] Periods =
        [("每半年", 2), ("每季度", 4), ("每季", 4), ("每个月", 12), ("每月", 12), ("每旬", 36), ("每周", 52), ("每年度", 1), ("每年", 1)];

    /// <summary>
    /// When exactly one of the two cells is a frequency per period (每季度1次 = 4次/年, 每月2次 = 24次/年, 每半年1次 = 2次/年),
    /// the factors that put both in a year; null when neither or both are (both per quarter compare as written).
    /// </summary>
    internal static (int Target, int Actual)? PerYear(QuantityCell target, QuantityCell actual)
    {
        int t = PeriodsAYear(target.Text), a = PeriodsAYear(actual.Text);
        return (t, a) switch
        {
            (0, 0) => null,
            ( > 0, 0) => (t, 1),
            (0, > 0) => (1, a),
            _ when t == a => null,
            _ => (t, a),
        };
    }

    /// <summary>How many of the period a frequency is written per fit in a year (每季度 4); 0 when the text is no frequency.</summary>
    internal static int PeriodsAYear(string text)
    {
        // Read in place (the calculator's hot path: no copy of a cell that holds no 每).
        if (text.AsSpan().IndexOf('每') < 0)
        {
            return 0;
        }

        ReadOnlySpan<char> s = text.AsSpan().Trim().TrimStart("≥≤><=＞＜＝≧≦");
        foreach ((string word, int perYear) in Periods)
        {
            if (s.StartsWith(word, StringComparison.Ordinal) && s.Length > word.Length && (char.IsDigit(s[word.Length]) || s[word.Length] is '不' or '至'))
            {
                return perYear;
            }
        }

        return 0;
    }

    /// <summary>
    /// An actual read in % that is a fraction of one (0.93) against a target of tens of percent (≥90%): a rate written as a
    /// fraction, as budget systems export it. Whether 0.93 % or 93 % was meant the cell does not say, so the row is not
    /// scored by either reading (its printed score stands) and the trace says what to correct — never a 1.03 % completion
    /// and an error telling the unit its printed score is wrong. An actual that prints its own % sign (0.93%) is taken as written.
    /// </summary>
    internal static string? FractionForRate(QuantityCell target, QuantityCell actual)
    {
        if (actual.EffectiveUnit.Base != "%" || target.EffectiveUnit.Base != "%" || actual.IsBound
            || actual.Number.Value <= 0m || actual.Number.Value > 1m || target.Number.Value < 10m
            || actual.Text.Contains('%', StringComparison.Ordinal) || actual.Text.Contains('％', StringComparison.Ordinal))
        {
            return null;
        }

        string asPercent = PrintedNumber.FormatTrimmed(actual.Number.Value * 100m);
        return $"完成值“{actual.Text.Trim()}”按单位%读为{actual.Text.Trim()}%，与指标值“{target.Text.Trim()}”相差约百倍，"
            + $"可能是把{asPercent}%写成了小数{actual.Text.Trim()}；无法确定，不计算得分，请按百分数填写（如{asPercent}%）";
    }
}
