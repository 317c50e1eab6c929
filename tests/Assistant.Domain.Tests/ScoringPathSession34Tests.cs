using System.Text;
using Assistant.Domain.Cells;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 34's changes to reading a cell never seen, none of which may change a reading: white space tested
/// without the Unicode tables (trim, blank), a number run without a comma read where it is (no copy), and a
/// known unit after a number found by one lookup (no spelling check, no string of magnitude and unit).
/// Each fast form is compared with the slow form it replaces.
/// </summary>
public class ScoringPathSession34Tests
{
    /// <summary>White space of every kind, CJK, full-width, ASCII and the characters cells are made of.</summary>
    private const string Pool = " \t\n\r\u000B\u000C\u0085\u00A0\u1680\u2000\u2005\u200A\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF"
        + "效果显著良好人次元万亿千%‰≥≤<>=。，,.;；0123456789０１２abcXYZ（）()/每百分比点月底前";

    [Fact]
    public void IsWhiteSpace_IsCharIsWhiteSpace_ForEveryCodeUnit()
    {
        int spaces = 0;
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(char.IsWhiteSpace((char)c) == TextNormalizer.IsWhiteSpace((char)c), $"U+{c:X4}");
            spaces += TextNormalizer.IsWhiteSpace((char)c) ? 1 : 0;
        }

        Assert.Equal(25, spaces);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\u3000\u00A0\t")]
    [InlineData("\u200B")] // a zero-width space is not white space
    [InlineData("人")]
    [InlineData(" 万元 ")]
    [InlineData("\u3000%")]
    public void IsBlank_IsStringIsNullOrWhiteSpace(string? text) =>
        Assert.Equal(string.IsNullOrWhiteSpace(text), TextNormalizer.IsBlank(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000效果显著\u3000")]
    [InlineData(" ≥95% ")]
    [InlineData("12月底前\n")]
    [InlineData("\u00A0\u2028人\u2029")]
    [InlineData("\uFEFF1464人\uFEFF")] // U+FEFF is not white space: kept, as Trim keeps it
    [InlineData("a")]
    public void TrimWhiteSpace_IsStringTrim(string text) =>
        Assert.Equal(text.Trim(), TextNormalizer.TrimWhiteSpace(text));

    [Fact]
    public void RandomTexts_BlankAndTrim_AsTheFramework()
    {
        var random = new Random(34);
        for (int n = 0; n < 20_000; n++)
        {
            string text = RandomText(random, random.Next(0, 12));
            Assert.Equal(string.IsNullOrWhiteSpace(text), TextNormalizer.IsBlank(text));
            string trimmed = TextNormalizer.TrimWhiteSpace(text);
            Assert.Equal(text.Trim(), trimmed);
            if (text.Trim().Length == text.Length)
            {
                Assert.Same(text, trimmed); // nothing trimmed: the text itself, no copy
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("95")]
    [InlineData("2181.57")]
    [InlineData("2.50")]
    [InlineData("0.0000000001")]
    [InlineData("0.00000000001")] // 11 decimals: refused
    [InlineData("999999999999999")]
    [InlineData("1000000000000000")] // 10^15: refused
    [InlineData("1.2.3")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("2,181.57")]
    [InlineData("1,2,3")]
    [InlineData(",")]
    [InlineData("12a")]
    [InlineData("１２")]
    [InlineData("00012.340")]
    [InlineData("1234567890123456789012")] // more than 19 digits: the framework's parser
    public void TryParseRun_IsTheCopyingRead(string token) => AssertSameRun(token);

    [Fact]
    public void RandomRuns_TryParseRun_IsTheCopyingRead()
    {
        var random = new Random(3434);
        const string chars = "0123456789012345678901234567890123456789.,";
        for (int n = 0; n < 50_000; n++)
        {
            int length = n % 50 == 0 ? random.Next(60, 70) : random.Next(0, 24); // around the copy's 64 too
            var sb = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                sb.Append(random.Next(30) == 0 ? Pool[random.Next(Pool.Length)] : chars[random.Next(chars.Length)]);
            }

            AssertSameRun(sb.ToString());
        }

        AssertSameRun(new string('7', 64));
        AssertSameRun(new string('7', 65));
        AssertSameRun("0." + new string('0', 62));
        AssertSameRun("1," + new string('0', 63));
    }

    [Fact]
    public void Canonical_LeavesEveryKnownBase_AloneAndAfterEveryMagnitude()
    {
        foreach (string unit in UnitSpec.KnownBases)
        {
            Assert.Equal(unit, UnitSpec.Canonical(unit));
            Assert.Same(UnitSpec.Bare(unit), UnitSpec.KnownBareUnit(unit));
            Assert.Equal(unit, UnitSpec.KnownBase(unit));
            foreach (string magnitude in QuantityText.Magnitudes)
            {
                Assert.Equal(magnitude + unit, UnitSpec.Canonical(magnitude + unit));
            }
        }

        Assert.Null(UnitSpec.KnownBareUnit(string.Empty));
        Assert.Null(UnitSpec.KnownBareUnit("公斤"));
        Assert.Null(UnitSpec.KnownBareUnit("分比"));
    }

    [Theory]
    [InlineData("≥95%", "%")]
    [InlineData("≤300元/人", "元/人")]
    [InlineData("4.43万人", "万人")]
    [InlineData("1464人", null)]
    [InlineData("12千分比", null)] // 千分比 is ‰, not 千 × 分比
    [InlineData("3个百分点", "%")]
    [InlineData("不低于2个工作日", "天")]
    [InlineData("帮扶就业率≥93.27%", "%")]
    [InlineData("5000万元以上", "万元")]
    [InlineData("1.2亿元", "亿元")]
    [InlineData("≥ 1,200 人 以上", "人")]
    [InlineData("80公斤", "公斤")] // not a known unit: words after a number
    [InlineData("20/10万", "1/10万")]
    [InlineData("95", "\u3000")]
    [InlineData("0", "万元")]
    [InlineData("２０２４年底", null)]
    public void Quantity_ReadsAsBefore(string text, string? unit) =>
        Assert.Equal(CellParser.TryQuantityOfAsBefore(text, unit), CellParser.TryQuantityOf(text, unit));

    [Fact]
    public void GeneratedQuantities_ReadAsBefore()
    {
        string[] labels = ["", "帮扶就业率", "覆盖"];
        string[] comparators = ["", .. QuantityText.Comparators];
        string[] numbers = ["0", "7", "95", "98.5", "2181.57", "1,200", "12,345.678", "0.0001", "2.50"];
        string[] magnitudes = ["", .. QuantityText.Magnitudes];
        string[] units = ["", .. UnitSpec.KnownBases, "公斤", "分比", "分点", "百分比", "/10万", "每10万人", "(人)", "人 次", "元／人"];
        string[] tails = ["", .. QuantityText.Tails];
        string?[] rowUnits = [null, "", " ", "人", "%", "万元", "亿元", "（万人）", "百分比", "公斤"];
        var random = new Random(3400);
        int quantities = 0;
        for (int n = 0; n < 20_000; n++)
        {
            string text = Pick(labels) + Pick(comparators) + Pick(numbers) + Pick(magnitudes) + Pick(units) + Pick(tails);
            if (random.Next(8) == 0)
            {
                text = " " + text + "\u3000";
            }

            string? rowUnit = rowUnits[random.Next(rowUnits.Length)];
            QuantityCell? before = CellParser.TryQuantityOfAsBefore(text, rowUnit);
            QuantityCell? now = CellParser.TryQuantityOf(text, rowUnit);
            Assert.Equal(before, now);
            if (now is not null)
            {
                quantities++;
                Assert.Equal(before!.Number.Decimals, now.Number.Decimals);
                Assert.Equal(decimal.GetBits(before.Number.Value), decimal.GetBits(now.Number.Value));
            }
        }

        Assert.InRange(quantities, 5_000, 20_000); // most generated cells read as quantities; some do not, and must not either way

        string Pick(string[] from) => from[random.Next(from.Length)];
    }

    private static void AssertSameRun(string token)
    {
        bool fast = PrintedNumber.TryParseRun(token, out PrintedNumber a);
        bool slow = PrintedNumber.TryParseRunCopying(token, out PrintedNumber b, out _);
        Assert.True(fast == slow, token);
        Assert.Equal(b.Decimals, a.Decimals);
        Assert.Equal(decimal.GetBits(b.Value), decimal.GetBits(a.Value)); // the scale too (2.50 keeps its 0)

        // TryParseSpan and TryParse give what they gave through the copying read.
        Assert.Equal(PrintedNumber.TryParse(token, out PrintedNumber p), PrintedNumber.TryParseSpan(token, out PrintedNumber q));
        Assert.Equal(decimal.GetBits(p.Value), decimal.GetBits(q.Value));
    }

    private static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            sb.Append(Pool[random.Next(Pool.Length)]);
        }

        return sb.ToString();
    }
}
