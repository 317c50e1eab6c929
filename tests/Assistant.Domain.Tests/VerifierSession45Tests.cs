using Assistant.Domain.Facts;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 45, each a class of miss, tested on several tables: a difference of two unrelated fund lines found by coincidence
/// (全年节约250万元 as 省级执行数 − 区级执行数) is no derived figure when the words name its kind (节约/结余: a line's
/// 预算 − 执行; 差/缺口: no difference or sum of lines); a claim whose subject is a quantified set of the
/// table's rows (大部分指标已完成, 多数产出指标未完成, 所有效益指标均已完成) is in scope and judged; a count of the rows short or losing
/// points (未完成或扣分的3项指标) and a claim over the ceiling rows (设上限的指标…都没有超出上限) are read as the chat writes them.
/// Every verdict is also the reference verifier's.
/// </summary>
public class VerifierSession45Tests
{
    private static List<(string Text, Verdict Verdict, string? FactId, string? Note)> Judged(string table, string text, string span) =>
        VerifierTableCases.Judged(table, text, span);

    /// <summary>A saving, a balance or a shortfall that only two unrelated lines' difference (or a sum of lines) would give is not derived.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "全年节约250万元。", "250万元")]
    [InlineData("p41-t4-chongqing-wulong-linye", "全年节约资金203.48万元。", "203.48万元")]
    [InlineData("p38-t6-jiangsu-rugao-yanglao", "项目节约320万元。", "320万元")]
    [InlineData("p40-t3-guangdong-ruyuan-laojiuxiaoqu", "资金缺口2400万元。", "2400万元")]
    [InlineData("t1-medical", "全年节约1500万元。", "1500万元")]
    [InlineData("p36-xj-jisu", "共节约资金500万元。", "500万元")]
    public void ACoincidentalDifference_IsNotDerived(string table, string text, string span)
    {
        var found = Judged(table, text, span);
        Assert.NotEmpty(found);
        Assert.All(found, f => Assert.True(f.Verdict is not (Verdict.Derived or Verdict.Verified), $"{text}: {f}"));
    }

    /// <summary>A line's 预算 − 执行, a total less its part, two lines the words compare, a row's gap: still verified or derived.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "区级资金节约87.40万元。", "87.40万元", "funds.lines[3].balance")]
    [InlineData("p41-t4-chongqing-wulong-linye", "市级资金节约126.52万元。", "126.52万元", "funds.lines[2].balance")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "中央资金执行数比省级资金多838.72万元。", "838.72万元", "funds.lines[1].executed - funds.lines[2].executed")]
    [InlineData("p41-t4-chongqing-wulong-linye", "中央资金执行数比市级资金多1158.88万元。", "1158.88万元", "funds.lines[1].executed - funds.lines[2].executed")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "除中央资金外，其他资金执行554.75万元。", "554.75万元", "funds.lines[0].executed - funds.lines[1].executed")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "职业技能培训人次还差540人次。", "540人次", "indicators[1].gap")]
    public void AMeaningfulDifference_IsStillFound(string table, string text, string span, string fact)
    {
        var found = Judged(table, text, span);
        Assert.Contains(found, f => f.Verdict is Verdict.Derived or Verdict.Verified && f.FactId == fact);
    }

    [Theory]
    [InlineData("节约", "Saving")]
    [InlineData("全年结余资金", "Saving")]
    [InlineData("尚有缺口", "Shortfall")]
    [InlineData("还差", "Shortfall")]
    [InlineData("中央资金比省级资金多", "Any")]
    [InlineData("全年执行", "Any")]
    public void TheWordsBeforeANumber_SayWhatItIs(string before, string kind) =>
        Assert.Equal(kind, Verifier.DerivationAsked(before).ToString());

    /// <summary>A claim over a quantified set of the table's rows is judged against the rows the table judged (of the heading named).</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "大部分指标已完成。", "已完成", Verdict.Verified)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "多数产出指标未完成。", "未完成", Verdict.Contradicted)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "所有效益指标均已完成。", "均已完成", Verdict.Verified)]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "所有产出指标已完成。", "已完成", Verdict.Contradicted)]
    [InlineData("p41-t4-chongqing-wulong-linye", "绝大多数指标达到年度目标。", "达到年度目标", Verdict.Unverified)]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "少数指标未完成。", "未完成", Verdict.Verified)]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "大部分指标未完成。", "未完成", Verdict.Contradicted)]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "多数指标达到了年度目标。", "达到了年度目标", Verdict.Verified)]
    public void AClaimOverAQuantifiedSetOfRows_IsInScope(string table, string text, string span, Verdict verdict)
    {
        var found = Judged(table, text, span);
        Assert.Contains(found, f => f.Verdict == verdict);
        Assert.DoesNotContain(found, f => f.Verdict == Verdict.OutOfScope);
    }

    /// <summary>A share written as a number before 指标 is the share rule's (one verdict, on the number), not also an out-of-scope claim.</summary>
    [Theory]
    [InlineData("p41-t1-hebei-fengfeng-jiuye", "一半以上的指标已完成。")]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu", "过半的指标已完成。")]
    [InlineData("p41-t4-chongqing-wulong-linye", "七成以上的指标已完成。")]
    public void ANumberedShareOfRows_IsNoClaimOutOfScope(string table, string text)
    {
        FactSheet sheet = FactSheet.Build(VerifierTableCases.Load(table));
        VerificationReport report = Verifier.Verify(sheet, text);
        Assert.Equal(VerifierCorpus.Render(ReferenceVerifier.Verifier.Verify(sheet, text)), VerifierCorpus.Render(report));
        Assert.DoesNotContain(report.Claims, c => c.Verdict == Verdict.OutOfScope);
        Assert.Contains(report.Mentions, m => m.Verdict is Verdict.Verified or Verdict.Contradicted);
    }

    /// <summary>未完成或扣分的N项: the rows short of their target or with points lost, each once (as the chat's review sentence counts them).</summary>
    [Theory]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu")]
    [InlineData("p41-t1-hebei-fengfeng-jiuye")]
    [InlineData("p41-t4-chongqing-wulong-linye")]
    [InlineData("p38-t6-jiangsu-rugao-yanglao")]
    public void ACountOfRowsShortOrLosingPoints_IsTheUnion(string table)
    {
        FactSheet sheet = FactSheet.Build(VerifierTableCases.Load(table));
        int union = sheet.Report.Indicators.Count(r => r.Status == Scoring.IndicatorStatus.Short || (r.Weight is { } w && r.Score is { } s && s < w));
        Assert.Contains(Judged(table, $"下面逐项说明未完成或扣分的{union}项指标。", $"{union}项"), f => f.Verdict == Verdict.Verified);
        Assert.Contains(Judged(table, $"扣分或未完成的指标有{union}项。", $"{union}项"), f => f.Verdict == Verdict.Verified);
        Assert.Contains(Judged(table, $"未完成或扣分的指标有{union + 1}项。", $"{union + 1}项"), f => f.Verdict == Verdict.Contradicted);
    }

    /// <summary>设上限（越低越好）的指标有N项，都没有超出上限: a claim over the ceiling rows, not every row of the table.</summary>
    [Theory]
    [InlineData("p41-t2-hubei-qichun-yiliaojiuzhu")]
    [InlineData("p41-t4-chongqing-wulong-linye")]
    [InlineData("p38-t6-jiangsu-rugao-yanglao")]
    public void AClaimOverTheCeilingRows_IsJudgedOverThem(string table)
    {
        FactSheet sheet = FactSheet.Build(VerifierTableCases.Load(table));
        var ceilings = sheet.Report.Indicators.Where(r => r.Rule == Scoring.IndicatorRule.Reverse).ToList();
        Assert.NotEmpty(ceilings);
        bool anyOver = ceilings.Any(r => r.Status == Scoring.IndicatorStatus.Short);
        var found = Judged(table, $"设上限（越低越好）的指标有{ceilings.Count}项，都没有超出上限。", "没有超出上限");
        Assert.Contains(found, f => f.Verdict == (anyOver ? Verdict.Contradicted : Verdict.Verified));
    }
}
