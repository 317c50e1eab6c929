using Assistant.Features.Evaluations;
using Assistant.Features.Review;

namespace Assistant.Domain.Tests;

/// <summary>Session 40 (outside tester): 驳回, a common word for sending a submission back, was refused as a decision.</summary>
public class Session40DecisionWordsTests
{
    [Theory]
    [InlineData("驳回", "returned")]
    [InlineData("退回", "returned")]
    [InlineData("不通过", "returned")]
    [InlineData("退回修改", "returned")]
    [InlineData("Rejected", "returned")]
    [InlineData(" RETURN ", "returned")]
    [InlineData("returned", "returned")]
    [InlineData("通过", "approved")]
    [InlineData("同意", "approved")]
    [InlineData("审核通过", "approved")]
    [InlineData("Approve", "approved")]
    [InlineData("APPROVED", "approved")]
    public void ADecisionWord_IsRead(string word, string status) => Assert.Equal(status, SubmissionStatus.Decision(word));

    [Theory]
    [InlineData("待审")]
    [InlineData("pending")]
    public void Pending_IsNoDecision(string word)
    {
        InputException e = Assert.Throws<InputException>(() => SubmissionStatus.Decision(word));
        Assert.Equal("decision", e.Errors[0].Field);
    }

    [Theory]
    [InlineData("再议")]
    [InlineData("")]
    [InlineData("ok")]
    public void AnyOtherWord_IsRefusedNamingTheField_InBothLanguages(string word)
    {
        InputException e = Assert.Throws<InputException>(() => SubmissionStatus.Decision(word));
        Assert.Equal("decision", e.Errors[0].Field);
        Assert.Contains("驳回", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.Contains("returned", e.Errors[0].En, StringComparison.Ordinal);
    }
}
