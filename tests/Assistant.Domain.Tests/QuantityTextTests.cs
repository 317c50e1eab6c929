using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Numbers;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// The hand-written quantity matcher against the regular expression it replaced (kept here as the
/// specification): same success, same six parts, over cells built from the pattern's own words, stray
/// comparators, digits, commas, dots and Chinese text; and the span range check against <see cref="PrintedNumber.TryParse"/>.
/// </summary>
public partial class QuantityTextTests
{
    [GeneratedRegex(@"^(?<label>[^\d≥≤<>=]*?)(?<cmp>≥|≤|>=|<=|>|<|=|不低于|不少于|不高于|不超过|不多于|大于等于|小于等于|大于|小于|高于|低于|达到|至少|超过|等于)?(?<num>\d+(?:,\d{3})*(?:\.\d+)?)(?<mag>万亿|千万|百万|亿|万|千)?(?<unit>[^\d]*?)(?<tail>及以上|及以下|以上|以下|以内|内)?$")]
    private static partial Regex Specification();

    private static readonly string[] Pieces =
    [
        .. QuantityText.Comparators, .. QuantityText.Magnitudes, .. QuantityText.Tails,
        "1", "0", "12", "1,200", ",", ".", "5.", ".5", "3.14", "1,23", "12,345,678", "0.0001",
        "人", "万人", "元/人", "%", "个工作日", "率", "帮扶就业率", "约", "共", "以", "及", "上", "不", "于", "达", "=", "≥≥", "<>",
        "一", "前", "底", "月", "年", "a", "百分比", "千分比", "分比",
    ];

    private static Gen<string> Cell() =>
        Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts.Take(7)));

    [Fact]
    public void Matcher_AgreesWithTheRegularExpression()
    {
        Prop.ForAll(Cell().ToArbitrary(), Same).Check(Config.QuickThrowOnFailure.WithMaxTest(20_000));
    }

    [Theory]
    [InlineData("≥1500")]
    [InlineData("帮扶就业率93.27%")]
    [InlineData("不低于95%")]
    [InlineData("大于等于90")]
    [InlineData("已达到90")]
    [InlineData("约≥95")]
    [InlineData("≥≥90")]
    [InlineData("90%以上")]
    [InlineData("5个工作日以内")]
    [InlineData("3人及以上")]
    [InlineData("以内5")]
    [InlineData("1,2345")]
    [InlineData("1,234.5万元")]
    [InlineData("12.万")]
    [InlineData("5天内")]
    [InlineData("内")]
    [InlineData("1万亿")]
    [InlineData("3千分比")]
    [InlineData("12月底前")]
    [InlineData("")]
    public void Matcher_AgreesOnKnownCells(string cell) => Assert.True(Same(cell));

    private static bool Same(string cell)
    {
        Match m = Specification().Match(cell);
        bool ok = QuantityText.TryMatch(cell, out QuantityText q);
        return m.Success == ok && (!ok || (m.Groups["label"].Value, m.Groups["cmp"].Value, m.Groups["num"].Value, m.Groups["mag"].Value, m.Groups["unit"].Value, m.Groups["tail"].Value)
            == (q.Label, q.Comparator, q.Number, q.Magnitude, q.Unit, q.Tail));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1,234")]
    [InlineData("999999999999999")]
    [InlineData("1000000000000000")]
    [InlineData("0.0000000001")]
    [InlineData("0.00000000001")]
    [InlineData("0000000000000000000000000000000000001")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("1.")]
    [InlineData("12,345,678.9")]
    public void RangeCheck_AgreesWithTryParse(string token) =>
        Assert.Equal(PrintedNumber.TryParse(token, out _), PrintedNumber.IsComputable(token));

    [Fact]
    public void RangeCheck_AgreesWithTryParse_OnGeneratedTokens()
    {
        Gen<string> token = Gen.Elements("0", "1", "9", "12", ",", ",000", ".", ".5", "00000", "99999")
            .ListOf().Select(p => string.Concat(p.Take(12)));
        Prop.ForAll(token.ToArbitrary(), t => PrintedNumber.TryParse(t, out _) == PrintedNumber.IsComputable(t))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(5_000));
    }

    [GeneratedRegex(@"\d+(?:,\d{3})*(?:\.\d+)?")]
    private static partial Regex CellNumberToken();

    [GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?")]
    private static partial Regex JsonNumberRun();

    /// <summary>
    /// The shortcut both range checks take (the cell parser's and the JSON reader's): when
    /// <see cref="PrintedNumber.MayHaveUncomputable"/> says no, every token either pattern finds in the
    /// normalized text is computable — so skipping the token-by-token check changes no answer. Over texts
    /// of digits (ASCII, full-width, Arabic-Indic), commas, dots, signs, letters and Chinese.
    /// </summary>
    [Fact]
    public void RangeShortcut_NeverSkipsAnUncomputableToken()
    {
        Gen<string> text = Gen.Elements("0", "1", "9", "12", "123", ",", ",000", ".", ".5", "00000", "99999", "１２", "٣", "٫", "٬", "万", "≥", "%", "人", " ", "-", "e", "a", "、")
            .ListOf().Select(p => string.Concat(p.Take(16)));
        int checkedTokens = 0;
        Prop.ForAll(text.ToArbitrary(), t =>
        {
            string normalized = TextNormalizer.Normalize(t);
            if (PrintedNumber.MayHaveUncomputable(normalized))
            {
                return true;
            }

            foreach (Match m in CellNumberToken().Matches(normalized).Concat(JsonNumberRun().Matches(normalized)))
            {
                checkedTokens++;
                if (!PrintedNumber.IsComputable(m.Value))
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20_000));
        Assert.True(checkedTokens > 1_000);
        Assert.True(PrintedNumber.MayHaveUncomputable("12345678901"));
        Assert.True(PrintedNumber.MayHaveUncomputable("1,234,567,890.1"));
        Assert.False(PrintedNumber.MayHaveUncomputable("1234567890万1234567890"));
        Assert.True(PrintedNumber.MayHaveUncomputable("0,"));
        Assert.True(PrintedNumber.MayHaveUncomputable("≥920,00万元"));
        Assert.True(PrintedNumber.MayHaveUncomputable("1,2345人"));
        Assert.False(PrintedNumber.MayHaveUncomputable("1,200元/人、2,181.57万元"));
        Assert.Equal("数值超出可计算范围（整数不超过15位、小数不超过10位）", Assert.IsType<CompoundCell>(CellParser.Parse("≥1234567890123456")).Reason);
        Assert.Equal("数值超出可计算范围（整数不超过15位、小数不超过10位）", Assert.IsType<CompoundCell>(CellParser.Parse("0.00000000001%")).Reason);
    }
}
