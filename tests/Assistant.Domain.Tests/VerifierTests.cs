using Assistant.Domain.Facts;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests;

public class VerifierTests
{
    private static readonly FactSheet Entrepreneurship = FactSheet.Build(SharedData.LoadReference(ReferenceTablesTests.Entrepreneurship));
    private static readonly FactSheet Guangxi = FactSheet.Build(SharedData.LoadReference(ReferenceTablesTests.Guangxi));

    private static CheckedMention Only(FactSheet sheet, string text, string mention)
    {
        VerificationReport r = Verifier.Verify(sheet, text);
        return Assert.Single(r.Mentions, m => m.Mention.Text == mention);
    }

    [Theory]
    [InlineData("2024年", MentionKind.Year)]
    [InlineData("2024 年度", MentionKind.Year)]
    [InlineData("12月底", MentionKind.Date)]
    [InlineData("8月1日", MentionKind.Date)]
    [InlineData("2025年9月", MentionKind.Date)]
    [InlineData("财社〔2023〕181号", MentionKind.DocumentNumber)]
    [InlineData("桂人社规〔2024〕9号", MentionKind.DocumentNumber)]
    [InlineData("（1）", MentionKind.Ordinal)]
    [InlineData("①", MentionKind.Ordinal)]
    public void Identifiers_AreClassified(string text, MentionKind kind)
    {
        Mention m = Assert.Single(MentionExtractor.Extract(text));
        Assert.Equal(kind, m.Kind);
        Assert.True(m.IsIdentifier);
    }

    [Theory]
    [InlineData("1,464人", "1464", "人", MentionKind.Quantity)]
    [InlineData("１４６４人", "1464", "人", MentionKind.Quantity)]
    [InlineData("80.80％", "80.80", "%", MentionKind.Percent)]
    [InlineData("3.5个百分点", "3.5", "个百分点", MentionKind.Percent)]
    [InlineData("40.55万人", "40.55", "万人", MentionKind.Quantity)]
    [InlineData("20.72万人次", "20.72", "万人次", MentionKind.Quantity)]
    [InlineData("2.16亿元", "2.16", "亿元", MentionKind.Money)]
    [InlineData("2181.57万元", "2181.57", "万元", MentionKind.Money)]
    [InlineData("1200元/人", "1200", "元/人", MentionKind.Money)]
    [InlineData("1000元/人/月", "1000", "元/人/月", MentionKind.Money)]
    [InlineData("4208 人", "4208", "人", MentionKind.Quantity)]
    [InlineData("三项", "3", "项", MentionKind.Quantity)]
    [InlineData("百分之九十", "90", "%", MentionKind.Percent)]
    [InlineData("2倍", "2", "倍", MentionKind.Quantity)]
    public void Quantities_AreExtractedWithUnits(string text, string value, string unit, MentionKind kind)
    {
        Mention m = Assert.Single(MentionExtractor.Extract(text));
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), m.Number!.Value.Value);
        Assert.Equal(unit, m.Unit.Text);
        Assert.Equal(kind, m.Kind);
        Assert.Equal(0, m.Start);
        Assert.Equal(text.Length, m.Length);
    }

    [Theory]
    [InlineData("约40万人", "约")]
    [InlineData("超过40万人", "超过")]
    [InlineData("90%以上", "以上")]
    [InlineData("近41万人", "近")]
    public void Qualifiers_AreKept(string text, string qualifier) =>
        Assert.Equal(qualifier, Assert.Single(MentionExtractor.Extract(text)).Qualifier);

    [Theory]
    [InlineData("执行率为80.80%。", "80.80%", "funds.lines[0].rate")]
    [InlineData("执行率为80.8%。", "80.8%", "funds.lines[0].rate")]
    [InlineData("执行率约81%。", "约81%", "funds.lines[0].rate")]
    [InlineData("全年执行2181.57万元。", "2181.57万元", "funds.lines[0].executed")]
    [InlineData("结余518.43万元。", "518.43万元", "funds.lines[0].balance")]
    [InlineData("就业困难人员灵活就业社保补贴预计补贴人数完成1464人。", "1464人", "indicators[0].actual")]
    [InlineData("就业困难人员灵活就业社保补贴预计补贴人数完成率97.60%。", "97.60%", "indicators[0].completion")]
    [InlineData("创业担保贷款发放额2.16亿元。", "2.16亿元", "indicators[2].actual")]
    [InlineData("创业担保贷款发放额21600万元。", "21600万元", "indicators[2].actual")]
    [InlineData("总分89.47分。", "89.47分", "total")]
    public void Facts_VerifyInAnyEquivalentUnitOrRounding(string text, string mention, string factId)
    {
        CheckedMention m = Only(Entrepreneurship, text, mention);
        Assert.Equal(Verdict.Verified, m.Verdict);
        Assert.Equal(factId, m.FactId);
    }

    [Theory]
    [InlineData("城镇新增就业40.55万人。", "40.55万人")]
    [InlineData("城镇新增就业405500人。", "405500人")]
    [InlineData("城镇新增就业人数完成目标任务的135.16%。", "135.16%")]
    [InlineData("就业困难人员就业人数完成目标任务的147.54%。", "147.54%")]
    [InlineData("其他资金执行率89.12%。", "89.12%")]
    public void Guangxi_ReportNumbers_VerifyIncludingThoseConsistentOnlyThroughRounding(string text, string mention) =>
        Assert.Equal(Verdict.Verified, Only(Guangxi, text, mention).Verdict);

    [Theory]
    [InlineData("就业困难人员灵活就业社保补贴预计补贴人数完成1474人。", "1474人")]
    [InlineData("就业困难人员灵活就业社保补贴预计补贴人数完成1464万人。", "1464万人")]
    [InlineData("就业困难人员灵活就业社保补贴预计补贴人数完成率97.70%。", "97.70%")]
    [InlineData("享受公益性岗位补贴人员数量完成1464人。", "1464人")]
    [InlineData("创业担保贷款发放额2.16万元。", "2.16万元")]
    public void WrongNumbers_AboutANamedIndicator_AreContradicted(string text, string mention) =>
        Assert.Equal(Verdict.Contradicted, Only(Entrepreneurship, text, mention).Verdict);

    [Theory]
    [InlineData("全年执行2181.57万元，资金结余518.43万元。", "518.43万元", Verdict.Verified)]
    [InlineData("全年执行2181.57万元，资金结余520.43万元。", "520.43万元", Verdict.Contradicted)]
    [InlineData("当年财政拨款结余为500万元。", "500万元", Verdict.Contradicted)]
    [InlineData("年末未支出资金为18.43万元。", "18.43万元", Verdict.Contradicted)]
    [InlineData("2024年就业补助滚存结余1558.08万元。", "1558.08万元", Verdict.Unverified)]
    [InlineData("累计结余1558.08万元。", "1558.08万元", Verdict.Unverified)]
    [InlineData("结转资金300万元。", "300万元", Verdict.Contradicted)] // session 40: 结转 is this year's 结余 (518.43万元)
    [InlineData("上年结转资金300万元。", "300万元", Verdict.Unverified)]
    public void ABalanceInMoney_IsWhatTheLineLeftThisYear(string text, string mention, Verdict verdict)
    {
        CheckedMention m = Only(Entrepreneurship, text, mention);
        Assert.Equal(verdict, m.Verdict);
        if (verdict == Verdict.Contradicted)
        {
            Assert.Equal(text.Contains("当年财政拨款", StringComparison.Ordinal) ? "funds.lines[1].balance" : "funds.lines[0].balance", m.FactId);
            Assert.Contains("518.43万元", m.Note, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("执行率为80.90%。", "80.90%")]
    [InlineData("当年另有专项资金123.45万元。", "123.45万元")]
    public void NumbersTheTableCannotSupport_AreNotVerified(string text, string mention) =>
        Assert.NotEqual(Verdict.Verified, Only(Entrepreneurship, text, mention).Verdict);

    [Fact]
    public void Derived_SumsGapsAndShares()
    {
        Assert.Equal(Verdict.Derived, Only(Guangxi, "中央和地方资金预算合计337863万元。", "337863万元").Verdict);
        Assert.Equal(Verdict.Verified, Only(Guangxi, "中央财政资金占预算的72.40%。", "72.40%").Verdict);
        CheckedMention gap = Only(Entrepreneurship, "就业困难人员灵活就业社保补贴预计补贴人数差36人。", "36人");
        Assert.Equal(Verdict.Verified, gap.Verdict);
    }

    [Theory]
    [InlineData("就业困难人员灵活就业社保补贴预计补贴人数未完成年度目标。", Verdict.Verified)]
    [InlineData("就业困难人员灵活就业社保补贴预计补贴人数超额完成。", Verdict.Contradicted)]
    [InlineData("创业担保贷款发放额超额完成。", Verdict.Verified)]
    [InlineData("创业担保贷款发放额未完成。", Verdict.Contradicted)]
    [InlineData("享受公益性岗位补贴人员数量低于目标值。", Verdict.Verified)]
    [InlineData("享受公益性岗位补贴人员数量高于目标值。", Verdict.Contradicted)]
    [InlineData("各项指标均已完成。", Verdict.Contradicted)]
    public void Claims_AreCheckedAgainstStatus(string text, Verdict verdict)
    {
        CheckedClaim c = Assert.Single(Verifier.Verify(Entrepreneurship, text).Claims);
        Assert.Equal(verdict, c.Verdict);
    }

    [Fact]
    public void CompletionOfTargetPhrase_IsNotAMetClaim()
    {
        Assert.Empty(Verifier.Verify(Entrepreneurship, "完成年度预期目标的97.6%。").Claims);
    }

    [Fact]
    public void Spans_AreUtf16IndicesIntoTheOriginalText()
    {
        const string text = "执行率为８０.８０％，总分89.47分。";
        VerificationReport r = Verifier.Verify(Entrepreneurship, text);
        Assert.All(r.Mentions, m => Assert.Equal(m.Mention.Text, text.Substring(m.Mention.Start, m.Mention.Length)));
        Assert.Equal(2, r.Summary.Verified);
    }

    [Fact]
    public void CleanParagraph_HasNoUnverifiedNumber()
    {
        const string text = "2024年，全民创业发展资金全年预算2700.00万元，执行2181.57万元，执行率80.80%，结余518.43万元。"
            + "就业困难人员灵活就业社保补贴预计补贴人数完成1464人，完成率97.60%，未完成年度目标，差36人。"
            + "创业担保贷款发放额2.16亿元，超额完成。自评总分89.47分，等级为良。";
        VerificationReport r = Verifier.Verify(Entrepreneurship, text);
        Assert.True(r.IsClean, string.Join("; ", r.Mentions.Where(m => m.Verdict is Verdict.Unverified or Verdict.Contradicted).Select(m => m.Mention.Text)));
        Assert.Equal(3, r.Claims.Count);

        // 等级为良 is a claim too (session 28), and 89.47 is 良.
        Assert.Contains(r.Claims, c => c.Kind == ClaimKind.Grade && c.Verdict == Verdict.Verified);
    }
}
