using Assistant.Domain.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 40 (outside tester): measures that did not answer the stated cause — residents not agreeing (居民意见未统一), heat and
/// drought (高温干旱), bank accounts (银行账户异常) — and a measure headed by the first of two rows (“改造老旧小区数量（个）”方面，…) with
/// nothing for the second.
/// </summary>
public class Session40MeasuresTests
{
    [Theory]
    [InlineData("2个小区因居民意见未统一暂缓施工", "征求意见")]
    [InlineData("部分楼栋业主意见不统一，加装电梯未能开工", "征求意见")]
    [InlineData("个别小区居民有异议，改造方案反复调整", "征求意见")]
    [InlineData("受7月至8月持续高温干旱影响，抚育作业暂停", "高温干旱")]
    [InlineData("今年旱情严重，部分苗木成活率低", "高温干旱")]
    [InlineData("3名补贴对象银行账户异常，资金退回后重新发放", "银行账户")]
    [InlineData("部分农户卡号错误，补贴未能及时到账", "银行账户")]
    public void TheMeasure_AnswersWhatTheCauseNames(string cause, string words) =>
        Assert.Contains(DraftPhrases.AnswersFor(cause), m => m.Contains(words, StringComparison.Ordinal));

    [Fact]
    public void OneMeasureForTwoRows_IsNotHeadedByTheFirstRowsName()
    {
        var e = EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", "p40-t3-guangdong-ruyuan-laojiuxiaoqu.json")));
        string draft = SelfCheckTables.DraftOfThree(e);
        string measures = draft[draft.IndexOf("（二）", StringComparison.Ordinal)..];
        string item = measures.Split('\n').Single(l => l.Contains("“改造老旧小区数量（个）”“年度完工率”", StringComparison.Ordinal));
        Assert.DoesNotContain("”方面，", item, StringComparison.Ordinal);
    }
}
