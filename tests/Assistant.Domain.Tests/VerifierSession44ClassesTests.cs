using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 44: a 约 that ends a word (节约, 制约, 契约, 合约, 签约, 履约, 违约 …) is not the marker “about”: the number after it is read
/// as stated, exactly (节约12.5万元 had been read as 约12.5万元 and matched within 5 %). 约 on its own, 大约, and 折合约/综合约 (折合 + 约)
/// still are.
/// </summary>
public class VerifierSession44ClassesTests
{
    public static TheoryData<string> WordsEndingInYue => ["节约", "制约", "契约", "合约", "签约", "履约", "违约", "解约", "预约", "续约", "缔约", "集约"];

    [Theory]
    [MemberData(nameof(WordsEndingInYue))]
    public void AWordEndingInYue_IsNoApproximation(string word)
    {
        foreach (string text in new[] { $"{word}12.5万元", $"全年{word}1100人。", $"项目{word}资金12.5万元" })
        {
            Mention m = Assert.Single(MentionExtractor.Extract(text), x => x.Number is not null);
            Assert.Null(m.Qualifier);
            Assert.False(m.IsApproximate, text);
            Assert.DoesNotContain("约", m.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("约12.5万元", "约")]
    [InlineData("结余约12.5万元", "约")]
    [InlineData("大约12.5万元", "大约")]
    [InlineData("折合约12.5万元", "约")]
    [InlineData("综合约12.5万元", "约")]
    [InlineData("需要约12.5万元", "约")]
    [InlineData("约为12.5万元", "约为")]
    [InlineData("节约约12.5万元", "约")]
    [InlineData("约三百万元", "约")]
    public void TheMarkerYue_IsStillRead(string text, string qualifier)
    {
        Mention m = Assert.Single(MentionExtractor.Extract(text), x => x.Number is not null);
        Assert.Equal(qualifier, m.Qualifier);
        Assert.True(m.IsApproximate, text);
    }

    [Theory]
    [InlineData("节约三百万元")]
    [InlineData("签约三百万元")]
    public void AWordEndingInYue_BeforeAChineseAmount_IsNoApproximation(string text)
    {
        Mention m = Assert.Single(MentionExtractor.Extract(text), x => x.Number is not null);
        Assert.Null(m.Qualifier);
    }

    /// <summary>In a verified text too: the number after 节约/签约/违约 is checked as stated (no 5 % tolerance), as the reference does.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "全年节约250万元。", "250万元")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "就业困难人员签约1100人。", "1100人")]
    [InlineData("p41-t4-chongqing-wulong-linye", "违约1.3万亩。", "1.3万亩")]
    public void InAVerifiedText_TheNumberAfterTheWord_IsExact(string table, string text, string span)
    {
        FactSheet sheet = FactSheet.Build(VerifierTableCases.Load(table));
        VerificationReport report = Verifier.Verify(sheet, text);
        Assert.Equal(VerifierCorpus.Render(ReferenceVerifier.Verifier.Verify(sheet, text)), VerifierCorpus.Render(report));
        CheckedMention m = Assert.Single(report.Mentions, x => x.Mention.Text.Contains(span, StringComparison.Ordinal));
        Assert.Null(m.Mention.Qualifier);
        Assert.Equal(span, m.Mention.Text.Trim());
    }

    private static List<(string Text, Verdict Verdict, string? FactId, string? Note)> Judged(string table, string text, string span) =>
        VerifierTableCases.Judged(table, text, span);

    /// <summary>A fraction said of the money or the indicators (not after a rate word) is the bound of that share, judged against it.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "全年七成以上的资金已支出。", "七成以上", Verdict.Verified)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "全年九成以上的资金已支出。", "九成以上", Verdict.Contradicted)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "全年近一成资金未支出。", "近一成", Verdict.Contradicted)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "全年一成多资金未支出。", "一成多", Verdict.Verified)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金中近四成资金未支出。", "近四成", Verdict.Verified)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金一半以上的资金已支出。", "一半以上", Verdict.Verified)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金不到一半的资金已支出。", "不到一半", Verdict.Contradicted)]
    [InlineData("p41-t4-chongqing-wulong-linye", "市级资金有三分之一以上的资金未支出。", "三分之一以上", Verdict.Contradicted)]
    [InlineData("p41-t4-chongqing-wulong-linye", "市级资金有超过两成的资金未支出。", "超过两成", Verdict.Verified)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "一半以上的指标已完成。", "一半以上", Verdict.Verified)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "不到一半的指标已完成。", "不到一半", Verdict.Contradicted)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "过半的指标未完成。", "过半", Verdict.Contradicted)]
    public void AShareSaidOfTheMoneyOrTheIndicators_IsJudged(string table, string text, string span, Verdict verdict)
    {
        var found = Judged(table, text, span);
        Assert.True(found.Any(f => f.Verdict == verdict), $"{text}: {string.Join("; ", found)}");
    }

    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "培训对象中七成以上为农村劳动力。")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "七成以上的农户表示满意。")]
    public void AShareOfPeople_IsNotRead(string table, string text)
    {
        FactSheet sheet = FactSheet.Build(VerifierTableCases.Load(table));
        VerificationReport report = Verifier.Verify(sheet, text);
        Assert.DoesNotContain(report.Mentions, x => x.Mention.Text.Contains("七成", StringComparison.Ordinal) && x.Verdict == Verdict.Contradicted);
    }
}
