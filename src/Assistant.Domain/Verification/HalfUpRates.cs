using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// A fund line's 执行率 is its printed 执行数 ÷ 预算数 rounded half-up (session 36, chat probe 35 #5; DOMAIN §2): real tables and
/// reports round, they do not truncate (中卫's 38.99 ÷ 200 prints 19.50 %, 2181.57 ÷ 2700 prints 80.80 %, 193.74 ÷ 500 prints
/// 38.75 %; 扎兰屯's shares 4.24 %, 32.97 % are rounded up), so a text's 19.49 % for 19.495 % is no rounding of the amounts'
/// intervals but a wrong figure. The amounts' own rounding gives no tolerance to this rate, except the rate the table itself prints:
/// the unit's printed 执行率 (whose rounding the calculator already reports) may be restated. Shared by the verifier and its reference.
/// </summary>
public static class HalfUpRates
{
    /// <summary>Whether the tolerance of the printed amounts' rounding is refused to <paramref name="fact"/> for the text's <paramref name="number"/> (in %).</summary>
    public static bool RefusesTolerance(FactSheet sheet, Fact fact, PrintedNumber number)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(fact);
        if (fact.FundLineIndex is not { } line || !fact.Id.EndsWith(".rate", StringComparison.Ordinal) || line >= sheet.Evaluation.Funds.Lines.Count)
        {
            return false;
        }

        // The table's own printed rate stands: a text restating it is the table's figure.
        return sheet.Evaluation.Funds.Lines[line].PrintedRate is not { } printed
            || PrintedNumber.RoundHalfUp(printed.Value, number.Decimals) != number.Value;
    }

    /// <summary>The same for the line's 执行数 ÷ 预算数 read as a pair (<paramref name="a"/> ÷ <paramref name="b"/>).</summary>
    public static bool RefusesTolerance(FactSheet sheet, Fact a, Fact b, PrintedNumber number)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.FundLineIndex is { } line && b.FundLineIndex == line && a.Id.EndsWith(".executed", StringComparison.Ordinal) && b.Id.EndsWith(".budget", StringComparison.Ordinal)
            && sheet.Find($"funds.lines[{line}].rate") is { } rate && RefusesTolerance(sheet, rate, number);
    }
}
