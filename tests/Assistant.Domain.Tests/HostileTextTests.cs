using Assistant.Domain.Cells;
using Assistant.Domain.Drafting;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests;

/// <summary>Digits of other scripts, numbers past decimal's range, and untrusted text: read or refused, never an exception.</summary>
public class HostileTextTests
{
    [Theory]
    [InlineData("٩٨%", "98%")]
    [InlineData("۹۸٫۵", "98.5")]
    [InlineData("१२३", "123")]
    [InlineData("๑๒๓人", "123人")]
    [InlineData("１２３", "123")]
    [InlineData("٢٬٥٠٠", "2,500")]
    public void Normalize_FoldsDigitsOfEveryScript_KeepingLength(string text, string ascii)
    {
        string n = TextNormalizer.Normalize(text);
        Assert.Equal(ascii, n);
        Assert.Equal(text.Length, n.Length);
    }

    [Theory]
    [InlineData("≥١٥٠٠", Comparator.AtLeast, "1500")]
    [InlineData("٩٨%", Comparator.None, "98")]
    [InlineData("≤۱۶۰۰元/人", Comparator.AtMost, "1600")]
    public void CellParser_ReadsOtherScriptsDigits(string cell, Comparator cmp, string value)
    {
        var q = Assert.IsType<QuantityCell>(CellParser.Parse(cell));
        Assert.Equal(cmp, q.Comparator);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), q.Number.Value);
    }

    [Theory]
    [InlineData("79228162514264337593543950336")]
    [InlineData("≥79228162514264337593543950336人")]
    [InlineData("0.00000000000000000000000000000123456")]
    [InlineData("1000000000000000")]
    [InlineData("1.12345678901")]
    [InlineData("99999999999999999999万")]
    [InlineData("2024年79228162514264337593543950336月")]
    public void CellParser_NumberPastRange_IsACellSayingSo_NotAnException(string cell)
    {
        var c = Assert.IsType<CompoundCell>(CellParser.Parse(cell));
        Assert.Contains("超出", c.Reason, StringComparison.Ordinal);
        Assert.True(PrintedNumber.IsOutOfRange(System.Text.RegularExpressions.Regex.Match(cell, @"[0-9.]+").Value) || cell.Contains('年'));
    }

    [Theory]
    [InlineData("999999999999999", true)]
    [InlineData("-999999999999999.1234567891", true)]
    [InlineData("1000000000000000", false)]
    [InlineData("0.12345678901", false)]
    [InlineData("1e5", false)]
    public void PrintedNumber_Range(string text, bool parses) => Assert.Equal(parses, PrintedNumber.TryParse(text, out _));

    [Fact]
    public void Verifier_TextWithHugeOrForeignNumbers_DoesNotThrow()
    {
        var sheet = Facts.FactSheet.Build(SharedData.LoadReference("zhongwei-2024-internship-subsidy"), Scoring.ScoringPolicy.Default);
        VerificationReport r = Verifier.Verify(sheet, "执行率79228162514264337593543950336%，完成٥٨人，得分0.00000000000000000000000000000001分，[S99999999999]。");
        Assert.NotEmpty(r.Mentions);
        Assert.Contains(r.Mentions, m => m.Mention.Text.Contains("٥٨", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>岗位不足", " alert(1) 岗位不足")]
    [InlineData("岗位{{fact:total}}不足[S1]【S2】", "岗位 不足  ")]
    [InlineData("见[说明](javascript:alert(1))", "见说明")]
    [InlineData("a\u202eb\u200bc\0d", "abcd")]
    public void UntrustedText_LosesMarkupReferencesAndControls(string text, string expected) =>
        Assert.Equal(expected, UntrustedText.Strip(text));

    [Fact]
    public void StatedReason_NumberNotTheItemsOwn_IsUnverified_ItsOwnStays()
    {
        var sheet = Facts.FactSheet.Build(SharedData.LoadReference("zhongwei-2024-internship-subsidy"), Scoring.ScoringPolicy.Default);
        var items = DeviationItems.Find(sheet);
        DeviationItem first = items.First(i => i.IndicatorIndex == 0);
        var planted = new List<DeviationItem> { first with { StatedReason = "实际完成80人，岗位不足" } };
        string text = "机关事业单位实习生数量未完成。单位填报的偏差原因为：实际完成80人，岗位不足。";
        VerificationReport report = StatedReasonCheck.Distrust(Verifier.Verify(sheet, text), text, planted);
        Assert.Contains(report.Mentions, m => m.Mention.Text.StartsWith("80", StringComparison.Ordinal) && m.Verdict is Verdict.Unverified or Verdict.Contradicted);

        var own = new List<DeviationItem> { first with { StatedReason = "实际完成58人，岗位不足" } };
        string ownText = "机关事业单位实习生数量未完成。单位填报的偏差原因为：实际完成58人，岗位不足。";
        VerificationReport ok = StatedReasonCheck.Distrust(Verifier.Verify(sheet, ownText), ownText, own);
        Assert.Contains(ok.Mentions, m => m.Mention.Text.StartsWith("58", StringComparison.Ordinal) && m.Verdict is Verdict.Verified or Verdict.Derived);
    }
}
