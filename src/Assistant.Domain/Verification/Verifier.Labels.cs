using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Verification;

/// <summary>Numbers that label a thing (目标1, 2型, （1/10万）) rather than state a quantity.</summary>
public sealed partial class Verifier
{
    /// <summary>
    /// 目标1, 附表2, 第3批: numbers that name a thing rather than state a quantity; and numbers that are part of a
    /// name or a term (2型糖尿病, 0-6岁儿童, 65岁及以上老年人, 12345热线, 5G, a table's name holding a digit).
    /// </summary>
    private bool IsLabelNumber(int k, VerificationContext ctx)
    {
        // Asked for each number and again for its clause's other numbers (ListItem): answered once per number.
        ref sbyte known = ref ctx.LabelAt(k);
        if (known == 0)
        {
            known = IsLabelNumber(ctx.Mentions[k], ctx) ? (sbyte)1 : (sbyte)-1;
        }

        return known > 0;
    }

    private bool IsLabelNumber(Mention m, VerificationContext ctx)
    {
        if (m.Number is not { Decimals: 0 })
        {
            return false;
        }

        string normalized = ctx.Normalized;
        int end = m.Start + m.Length;
        if (TermAfter().IsMatch(normalized.AsSpan(end, Math.Min(8, normalized.Length - end)))
            || (AgeAfter().IsMatch(normalized.AsSpan(end, Math.Min(3, normalized.Length - end)))
                && RangeBefore().IsMatch(normalized.AsSpan(Math.Max(0, m.Start - 4), Math.Min(4, m.Start))))
            || ctx.WithinAnyOf(_index.DigitNames, m.Start, end)
            || BracketedUnit(normalized, m.Start, end, _index.UnitLabels))
        {
            return true;
        }

        if (m.Unit.Base.Length > 0 || m.Unit.Magnitude.Length > 0)
        {
            return false;
        }

        // Session 44: the four characters before read in place (no copy; the span trimmed as the string was).
        return LabelWords().IsMatch(ctx.Normalized.AsSpan(Math.Max(0, m.Start - 4), Math.Min(4, m.Start)).TrimEnd());
    }

    /// <summary>
    /// （1/10万）, （1/万）: a number inside brackets that hold exactly a unit the table's rows print (孕产妇死亡率（1/10万）
    /// as a report names the row) is the unit's label, not a quantity.
    /// </summary>
    public static bool BracketedUnit(string normalized, int start, int end, IReadOnlySet<string> units)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0 || start < 1 || normalized[start - 1] != '(')
        {
            return false;
        }

        int close = normalized.IndexOf(')', Math.Min(end, normalized.Length));
        return close >= end && close - start <= 12
            && units.Contains(normalized[start..close].Replace(" ", string.Empty, StringComparison.Ordinal));
    }
}
