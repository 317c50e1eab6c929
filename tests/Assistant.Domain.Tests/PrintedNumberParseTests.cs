using System.Globalization;
using Assistant.Domain.Numbers;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 30: a plain run of digits is read into its decimal without the framework's parser
/// (<see cref="PrintedNumber.TryPlainDecimal"/>), and <see cref="PrintedNumber.TryParse"/> reads a plain run
/// of digits, commas and dots without its copies. Both against what they replaced: the framework's
/// <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out decimal)"/> and the
/// session-29 <see cref="PrintedNumber.TryParse"/> (copied below as <see cref="Reference"/>, with session 37's rule that a comma is thousands grouping) — the same
/// answer, the same value and the same scale (its bits), the same printed decimals.
/// </summary>
public class PrintedNumberParseTests
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The session-29 <see cref="PrintedNumber.TryParse"/>, before the plain-run shortcut.</summary>
    private static bool Reference(string? text, out PrintedNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // Session 37: a comma must be thousands grouping (920,00 and 1,2345 are no number, never read ×100 or ×10).
        string grouped = TextNormalizer.Normalize(text).Trim();
        if (grouped.Contains(',', StringComparison.Ordinal)
            && !System.Text.RegularExpressions.Regex.IsMatch(grouped, @"^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$"))
        {
            return false;
        }

        string s = TextNormalizer.Normalize(text).Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        if (s.Length == 0 || s.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!decimal.TryParse(s, Styles, CultureInfo.InvariantCulture, out decimal value))
        {
            return false;
        }

        int dot = s.IndexOf('.', StringComparison.Ordinal);
        int decimals = dot < 0 ? 0 : s.Length - dot - 1;
        if (decimals > PrintedNumber.MaxDecimals || Math.Abs(value) >= PrintedNumber.MaxMagnitude)
        {
            return false;
        }

        number = new PrintedNumber(value, decimals);
        return true;
    }

    private static bool SameBits(decimal a, decimal b) => decimal.GetBits(a).SequenceEqual(decimal.GetBits(b));

    private static bool AsTheFramework(string s)
    {
        bool framework = decimal.TryParse(s, Styles, CultureInfo.InvariantCulture, out decimal expected);
        if (!PrintedNumber.TryPlainDecimal(s, out decimal fast))
        {
            return true; // not taken: the framework decides
        }

        return framework && SameBits(expected, fast);
    }

    private static bool AsBefore(string text)
    {
        bool before = Reference(text, out PrintedNumber expected);
        bool now = PrintedNumber.TryParse(text, out PrintedNumber actual);
        return before == now && (!now || (SameBits(expected.Value, actual.Value) && expected.Decimals == actual.Decimals));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("000.50")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("2.50")]
    [InlineData("9999999999999999999")]
    [InlineData("999999999999999999.9")]
    [InlineData("0.000000000000000001")]
    [InlineData("1844674407370955161")]
    public void PlainDecimal_AsTheFramework(string s)
    {
        Assert.True(PrintedNumber.TryPlainDecimal(s, out decimal fast));
        Assert.True(decimal.TryParse(s, Styles, CultureInfo.InvariantCulture, out decimal expected));
        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(fast));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1,000")]
    [InlineData(" 1")]
    [InlineData("１")]
    [InlineData("99999999999999999999")]
    public void PlainDecimal_LeavesEverythingElseToTheFramework(string s) => Assert.False(PrintedNumber.TryPlainDecimal(s, out _));

    [Fact]
    public void PlainDecimal_AsTheFramework_OnGeneratedRuns()
    {
        Gen<string> run = Gen.Elements("0", "1", "5", "9", "00", "10", "123", "99999", "000000", ".", "")
            .ListOf().Select(p => string.Concat(p.Take(10)));
        Prop.ForAll(run.ToArbitrary(), AsTheFramework).Check(Config.QuickThrowOnFailure.WithMaxTest(20_000));
        for (int digits = 1; digits <= 24; digits++)
        {
            for (int dot = -1; dot <= digits; dot++)
            {
                foreach (char d in "019")
                {
                    string s = new(d, digits);
                    s = dot < 0 ? s : s.Insert(dot, ".");
                    Assert.True(AsTheFramework(s), s);
                }
            }
        }
    }

    [Theory]
    [InlineData("0.95")]
    [InlineData("5.00")]
    [InlineData("2,181.57")]
    [InlineData("1,2,3")]
    [InlineData(",")]
    [InlineData(",,.")]
    [InlineData("1.2.3")]
    [InlineData("999999999999999")]
    [InlineData("1000000000000000")]
    [InlineData("0.0000000001")]
    [InlineData("0.00000000001")]
    [InlineData("12345678901234567890123")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData(" 95 ")]
    [InlineData("９５")]
    [InlineData("-5")]
    [InlineData("1e3")]
    [InlineData("95%")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("１,000٫")] // session 37: the generated text that found a plain-run shortcut judging grouping before normalizing
    [InlineData("１,000")]
    [InlineData("1,000٫5")]
    [InlineData("１,00")]
    public void TryParse_AsBefore(string? text) => Assert.True(AsBefore(text!), text);

    [Fact]
    public void TryParse_AsBefore_OnGeneratedTexts()
    {
        Gen<string> text = Gen.Elements("0", "1", "9", "12", "00000", "99999", ",", ",000", ".", ".5", " ", "-", "+", "e", "%", "１", "٣", "٫", "万", "a")
            .ListOf().Select(p => string.Concat(p.Take(14)));
        Prop.ForAll(text.ToArbitrary(), AsBefore).Check(Config.QuickThrowOnFailure.WithMaxTest(20_000));
    }
}
