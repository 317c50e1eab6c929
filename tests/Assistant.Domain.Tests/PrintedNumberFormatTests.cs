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

    /// <summary>The F format of the value rounded half up, as <see cref="PrintedNumber.Format"/> was written before its digits were written by hand.</summary>
    private static string FixedSpec(decimal v, int decimals) =>
        decimal.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Utf8(decimal v, int? decimals)
    {
        Span<byte> buffer = stackalloc byte[48];
        bool done = decimals is { } d ? PrintedNumber.TryFormatUtf8(v, d, buffer, out int written) : PrintedNumber.TryFormatTrimmedUtf8(v, buffer, out written);
        return done ? System.Text.Encoding.UTF8.GetString(buffer[..written]) : decimals is { } d2 ? PrintedNumber.Format(v, d2) : PrintedNumber.FormatTrimmed(v);
    }

    [Theory]
    [InlineData("0", 2)]
    [InlineData("-0.00", 2)]
    [InlineData("0.004", 2)]
    [InlineData("-0.004", 2)]
    [InlineData("0.005", 2)]
    [InlineData("0.05", 2)]
    [InlineData("0.05", 4)]
    [InlineData("12.5", 2)]
    [InlineData("100", 0)]
    [InlineData("99.995", 2)]
    [InlineData("1.5", 0)]
    [InlineData("2.5", 0)]
    [InlineData("-2.5", 0)]
    [InlineData("0.0000000000000000000000000001", 28)]
    [InlineData("0.0000000000000000000000000001", 2)]
    [InlineData("79228162514264337593543950335", 2)]
    [InlineData("18446744073709551615", 2)]
    [InlineData("18446744073709551616", 2)]
    [InlineData("1844674407370955161.5", 0)]
    [InlineData("0.80796296296296296296296296", 4)]
    public void Format_AsTheFixedFormat(string text, int decimals)
    {
        decimal v = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
        Assert.Equal(FixedSpec(v, decimals), PrintedNumber.Format(v, decimals));
        Assert.Equal(FixedSpec(v, decimals), Utf8(v, decimals));
        Assert.Equal(Spec(v), Utf8(v, null));
    }

    [Fact]
    public void Format_AsTheFixedFormat_OnGeneratedDecimals()
    {
        Gen<(decimal, int)> value =
            from lo in Gen.Choose(int.MinValue, int.MaxValue)
            from mid in Gen.Elements(0, 0, 1, 7, 123456, int.MaxValue, -1)
            from hi in Gen.Elements(0, 0, 0, 1, 232, 999_999_999, 1_000_000_000, int.MaxValue, -1)
            from negative in Gen.Elements(true, false, false)
            from scale in Gen.Choose(0, 28)
            from decimals in Gen.Elements(0, 1, 2, 2, 4, 6, 10, 28)
            select (new decimal(lo, mid, hi, negative, (byte)scale), decimals);
        Prop.ForAll(value.ToArbitrary(), p =>
                FixedSpec(p.Item1, p.Item2) == PrintedNumber.Format(p.Item1, p.Item2)
                && FixedSpec(p.Item1, p.Item2) == Utf8(p.Item1, p.Item2)
                && Spec(p.Item1) == Utf8(p.Item1, null)
                && Spec(p.Item1) == PrintedNumber.FormatTrimmed(p.Item1))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(30_000));
    }

    /// <summary>Session 30: the mantissa's digits by hand (10⁹ at a time while above 64 bits), against <see cref="UInt128"/>'s own.</summary>
    [Fact]
    public void MantissaDigits_AsUInt128()
    {
        static void Same(uint hi, uint mid, uint lo)
        {
            Span<byte> buffer = stackalloc byte[PrintedNumber.MantissaDigitsLength];
            int start = PrintedNumber.MantissaDigits(hi, mid, lo, buffer);
            UInt128 value = ((UInt128)hi << 64) | ((UInt128)mid << 32) | lo;
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), System.Text.Encoding.ASCII.GetString(buffer[start..]));
        }

        uint[] edges = [0, 1, 9, 10, 999_999_999, 1_000_000_000, 1_000_000_001, int.MaxValue, 0x8000_0000, uint.MaxValue - 1, uint.MaxValue];
        foreach (uint hi in edges)
        {
            foreach (uint mid in edges)
            {
                foreach (uint lo in edges)
                {
                    Same(hi, mid, lo);
                }
            }
        }

        // Powers of ten and their neighbours across the whole range (10²⁸ and 2⁹⁶ − 1 included).
        for (UInt128 p = 1; p <= ((UInt128)uint.MaxValue << 64) / 10; p *= 10)
        {
            foreach (UInt128 v in new[] { p - 1, p, p + 1, p * 10 - 1 })
            {
                Same((uint)(v >> 64), (uint)(v >> 32), (uint)v);
            }
        }

        var random = new Random(30);
        for (int i = 0; i < 200_000; i++)
        {
            Same((uint)random.NextInt64(0, 1L << 32) >> random.Next(0, 32), (uint)random.NextInt64(0, 1L << 32), (uint)random.NextInt64(0, 1L << 32));
        }
    }

    /// <summary>Session 30: half units kept per decimal count, bit for bit the product they replaced, and the interval built from them.</summary>
    [Fact]
    public void HalfUnit_AsTheProduct()
    {
        for (int d = -1; d <= 30; d++)
        {
            var n = new PrintedNumber(80.80m, d);
            decimal expected = 0.5m * PrintedNumber.Unit(d);
            Assert.Equal(decimal.GetBits(expected), decimal.GetBits(n.HalfUnit));
            Assert.Equal(decimal.GetBits(80.80m - expected), decimal.GetBits(n.Interval.Low));
            Assert.Equal(decimal.GetBits(80.80m + expected), decimal.GetBits(n.Interval.High));
        }
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
