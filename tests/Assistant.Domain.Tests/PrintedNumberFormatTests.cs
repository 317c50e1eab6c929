using System.Globalization;
using Assistant.Domain.Numbers;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>The fast number formats against the custom formats they replaced, over every scale and sign (negative zero included).</summary>
public class PrintedNumberFormatTests
{
    private static string Spec(decimal v) => v.ToString("0.############################", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-0.00")]
    [InlineData("4.00")]
    [InlineData("0.20")]
    [InlineData("-4.50")]
    [InlineData("100")]
    [InlineData("1000000000000000")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("12345.678900")]
    public void FormatTrimmed_AsTheCustomFormat(string text)
    {
        decimal v = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
        Assert.Equal(Spec(v), PrintedNumber.FormatTrimmed(v));
    }

    [Fact]
    public void FormatTrimmed_AsTheCustomFormat_OnGeneratedDecimals()
    {
        Gen<decimal> value =
            from lo in Gen.Choose(int.MinValue, int.MaxValue)
            from mid in Gen.Elements(0, 0, 1, 7, 123456, int.MaxValue)
            from negative in Gen.Elements(true, false)
            from scale in Gen.Choose(0, 28)
            select new decimal(lo, mid, 0, negative, (byte)scale);
        Prop.ForAll(value.ToArbitrary(), v => Spec(v) == PrintedNumber.FormatTrimmed(v) && Spec(-v) == PrintedNumber.FormatTrimmed(-v))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20_000));
        Assert.Equal(Spec(new decimal(0, 0, 0, true, 3)), PrintedNumber.FormatTrimmed(new decimal(0, 0, 0, true, 3)));
    }

    [Fact]
    public void Unit_AsRepeatedDivision()
    {
        decimal unit = 1m;
        for (int d = 0; d <= 28; d++)
        {
            Assert.Equal(unit, PrintedNumber.Unit(d));
            Assert.Equal(unit.Scale, PrintedNumber.Unit(d).Scale);
            Assert.Equal(unit.ToString(CultureInfo.InvariantCulture), PrintedNumber.Unit(d).ToString(CultureInfo.InvariantCulture));
            unit /= 10m;
        }
    }
}
