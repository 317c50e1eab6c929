using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 43's changes to the scoring answer's path, each held to what it replaced: the mantissa's digits written two at a
/// time (against <see cref="UInt128"/>'s own digits and the framework's fixed format), and a cell's unit with a magnitude
/// (万元, 亿元, 万人次…) written from its two parts instead of their concatenation (against the contract's records, both forms).
/// </summary>
public class ScoringPathSession43Tests
{
    private static string Digits(UInt128 value)
    {
        Span<byte> buffer = stackalloc byte[PrintedNumber.MantissaDigitsLength];
        int start = PrintedNumber.MantissaDigits((uint)(value >> 64), (uint)(value >> 32), (uint)value, buffer);
        return Encoding.ASCII.GetString(buffer[start..]);
    }

    /// <summary>Every value below two million: each pair boundary (9 → 10, 99 → 100, 999 → 1000…) and every pair's digits.</summary>
    [Fact]
    public void MantissaDigits_EveryValueBelowTwoMillion()
    {
        for (uint v = 0; v < 2_000_000; v++)
        {
            string expected = v.ToString(CultureInfo.InvariantCulture);
            string actual = Digits(v);
            if (expected != actual)
            {
                Assert.Fail($"{v}: {actual}");
            }
        }
    }

    /// <summary>
    /// Around every multiple of 10⁸ and 10⁹ that the eight-digit steps and the nine-digit chunks meet: inner zeros kept
    /// (100000001), a last step of one digit or two, and chunks of the 96-bit part that start with zeros.
    /// </summary>
    [Theory]
    [InlineData("100000000")]
    [InlineData("100000001")]
    [InlineData("99999999")]
    [InlineData("1000000000")]
    [InlineData("1000000007")]
    [InlineData("10000000000000000")]
    [InlineData("10000000000000001")]
    [InlineData("9999999999999999")]
    [InlineData("1200000000000000034")]
    [InlineData("18446744073709551615")]
    [InlineData("18446744073709551616")]
    [InlineData("18446744073709551617")]
    [InlineData("18446744073000000000")]
    [InlineData("36893488147419103232")]
    [InlineData("100000000000000000000")]
    [InlineData("100000000000000000001")]
    [InlineData("1000000000000000000000000000")]
    [InlineData("10000000000000000000000000000")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("79228162514264337593000000005")]
    [InlineData("50000000000000000000000000000")]
    [InlineData("12345678900000000012345678")]
    public void MantissaDigits_AtTheStepBoundaries(string text)
    {
        UInt128 value = UInt128.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(text, Digits(value));
        foreach (UInt128 near in new[] { value - 1, value + 1 })
        {
            if (near >> 96 == 0)
            {
                Assert.Equal(near.ToString(CultureInfo.InvariantCulture), Digits(near));
            }
        }
    }

    /// <summary>Every multiple of 10⁸ (and its neighbours) times a digit pattern, over the whole 96-bit range.</summary>
    [Fact]
    public void MantissaDigits_MultiplesOfTheSteps()
    {
        int compared = 0;
        var random = new Random(4343);
        foreach (UInt128 step in new UInt128[] { 100, 100_000_000, 1_000_000_000 })
        {
            for (UInt128 m = step; m >> 96 == 0; m *= step)
            {
                for (int k = 0; k < 200; k++)
                {
                    UInt128 v = m * (UInt128)random.Next(1, 100) + (UInt128)random.Next(0, 3) - 1;
                    if (v >> 96 != 0)
                    {
                        continue;
                    }

                    Assert.Equal(v.ToString(CultureInfo.InvariantCulture), Digits(v));
                    compared++;
                }

                if (m > (UInt128.One << 96) / step)
                {
                    break;
                }
            }
        }

        Assert.True(compared > 3_000, $"only {compared} values compared");
    }

    /// <summary>The formats built on the digits, against the framework's: scores with every scale, values with inner zeros.</summary>
    [Theory]
    [InlineData("100000000.00000001", 8)]
    [InlineData("100000000.00000001", 2)]
    [InlineData("0.000000010000000001", 18)]
    [InlineData("9.99999999", 2)]
    [InlineData("99.995", 2)]
    [InlineData("4.2857142857142857142857142857", 2)]
    [InlineData("4.2857142857142857142857142857", 28)]
    [InlineData("1000000000000.0000000000000001", 16)]
    [InlineData("7922816251426433759354395033.5", 1)]
    [InlineData("0.9510", 4)]
    [InlineData("100", 0)]
    [InlineData("100", 2)]
    public void Formats_AsTheFramework(string text, int decimals)
    {
        decimal v = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
        string expected = PrintedNumber.RoundHalfUp(v, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        Assert.Equal(expected, PrintedNumber.Format(v, decimals));
        Span<byte> utf8 = stackalloc byte[64];
        Assert.True(PrintedNumber.TryFormatUtf8(v, decimals, utf8, out int written));
        Assert.Equal(expected, Encoding.ASCII.GetString(utf8[..written]));
        string trimmed = v.ToString("0.############################", CultureInfo.InvariantCulture);
        Assert.Equal(trimmed, PrintedNumber.FormatTrimmed(v));
        Assert.True(PrintedNumber.TryFormatTrimmedUtf8(v, utf8, out written));
        Assert.Equal(trimmed, Encoding.ASCII.GetString(utf8[..written]));
    }

    /// <summary>
    /// A cell whose unit has a magnitude is written with the unit's whole text (magnitude and base), the same bytes as the
    /// contract's records in both forms: a base to escape (quotes, backslash, a control character, a character outside the
    /// BMP), and one longer than the writer's room on the stack (written from the concatenation as before).
    /// </summary>
    [Theory]
    [InlineData("≥30", "32", "万元")]
    [InlineData("2亿元", "2.1亿元", null)]
    [InlineData("≥16万人次", "17万人次", "万人次")]
    [InlineData("30万", "31万", "人")]
    [InlineData("≥30", "29.5", "千万元")]
    [InlineData("≥30", "32", "万\"元\"")]
    [InlineData("≥30", "32", "万\\元")]
    [InlineData("≥30", "32", "万\u0001元")]
    [InlineData("≥30", "32", "万😀")]
    [InlineData("≥30", "32", "万<b>&amp;</b>")]
    [InlineData("≥30", "32", "万LONG")]
    public void UnitWithAMagnitude_SameBytesAsTheRecords(string target, string actual, string? unit)
    {
        if (unit == "万LONG")
        {
            unit = "万" + new string('元', 700);
        }

        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "单位",
            Year = 2024,
            Funds = new FundSection { Lines = [new FundLine { Name = "年度资金总额", Budget = new PrintedNumber(100m, 2), Executed = new PrintedNumber(90m, 2) }] },
            Indicators =
            [
                new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "有单位", Unit = unit, Target = target, Actual = actual, Weight = new PrintedNumber(10m, 0) },
                new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "无单位", Unit = "人", Target = "≥95", Actual = "96", Weight = new PrintedNumber(10m, 0) },
            ],
        };
        ScoreReport report = Calculator.Score(e);
        var cell = Assert.IsType<QuantityCell>(report.Indicators[0].Target);
        Assert.NotEqual(string.Empty, cell.EffectiveUnit.Magnitude);

        foreach (bool indented in new[] { true, false })
        {
            var records = new ArrayBufferWriter<byte>();
            ContractWriter.Write(records, ScoreContract.ToResponse(e, report), indented);
            var direct = new ArrayBufferWriter<byte>();
            ScoreAnswerWriter.Write(direct, e, report, indented);
            Assert.Equal(Encoding.UTF8.GetString(records.WrittenSpan), Encoding.UTF8.GetString(direct.WrittenSpan));

            using var doc = JsonDocument.Parse(direct.WrittenMemory);
            JsonElement row = doc.RootElement.GetProperty("indicators")[0];
            Assert.Equal(cell.EffectiveUnit.Text, row.GetProperty("targetParsed").GetProperty("unit").GetString());
            Assert.Equal(((QuantityCell)report.Indicators[0].Actual).EffectiveUnit.Text, row.GetProperty("actualParsed").GetProperty("unit").GetString());
        }
    }
}
