using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 40 (outside tester, 广东乳源 城镇老旧小区改造): <c>改造数量、完工率和资金执行率均未达到目标</c> — true: each fell short — was
/// contradicted, because 均 with names the table does not spell that way was read as "every indicator", and one row was met.
/// A sentence that lists its own subjects is not about the whole table: unresolved, it is not contradicted; the whole table
/// (各项指标均…) still is, and names the verifier can resolve are still judged.
/// </summary>
public class VerifierSession40ListTests
{
    private static readonly FactSheet Sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", "p40-t3-guangdong-ruyuan-laojiuxiaoqu.json"))));

    private static List<CheckedClaim> Claims(string text, string span)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        return Verifier.Verify(Sheet, text).Claims.Where(c => c.Start < at + span.Length && c.Start + c.Length > at).ToList();
    }

    [Theory]
    [InlineData("2个小区因居民意见未统一暂缓施工，导致改造数量、完工率和资金执行率均未达到目标。", "未达到")]
    [InlineData("改造数量和完工率均未达到目标。", "未达到")]
    [InlineData("受此影响，改造任务与完工进度均未完成。", "未完成")]
    [InlineData("小区改造数量及年度完工进度都没有完成。", "没有完成")]
    public void AListOfItsOwnSubjects_IsNotReadAsEveryIndicator(string text, string span)
    {
        var claims = Claims(text, span);
        Assert.True(claims.All(c => c.Verdict != Verdict.Contradicted), string.Join("; ", claims.Select(c => $"{c.Text}={c.Verdict} {c.Note}")));
    }

    [Theory]
    [InlineData("各项指标均已完成。", "完成")]
    [InlineData("全部指标均达到年度目标。", "达到")]
    [InlineData("所有绩效指标都已完成。", "完成")]
    public void TheWholeTable_IsStillJudged(string text, string span)
    {
        var claims = Claims(text, span);
        Assert.Contains(claims, c => c.Verdict == Verdict.Contradicted);
    }

    [Fact]
    public void NamesTheTableSpells_AreStillJudgedOneByOne()
    {
        var wrong = Claims("工程竣工验收合格率和居民满意度均未达到目标。", "未达到");
        Assert.Contains(wrong, c => c.Verdict == Verdict.Contradicted);
        var right = Claims("改造老旧小区数量和年度完工率均未达到目标。", "未达到");
        Assert.True(right.Count > 0 && right.All(c => c.Verdict != Verdict.Contradicted), string.Join("; ", right.Select(c => $"{c.Text}={c.Verdict} {c.Note}")));
    }
}
