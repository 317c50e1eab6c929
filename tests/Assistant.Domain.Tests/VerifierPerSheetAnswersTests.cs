using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21, session 31: answers the verifier used to compute again and again, now computed once — the rows'
/// 偏差原因 normalized once per sheet (not for every unverified number), and whether a clause's whole text has a
/// subject of its own once per clause (not for every number after it). Each must be the answer computed anew.
/// </summary>
public class VerifierPerSheetAnswersTests
{
    [Fact]
    public void TheSheetsReasons_AreEachRowsReasonNormalized_OncePerSheet()
    {
        var evaluation = SyntheticTables.Project(12);
        evaluation = evaluation with
        {
            Indicators = evaluation.Indicators.Select((i, k) => k == 1 ? i with { DeviationNote = "主要是２个项目因设计变更延期" } : k == 2 ? i with { DeviationNote = "" } : i).ToList(),
        };
        var sheet = FactSheet.Build(evaluation);
        var index = SheetIndex.For(sheet);
        string?[] reasons = index.Reasons;
        Assert.Same(reasons, index.Reasons);
        Assert.Equal(evaluation.Indicators.Count, reasons.Length);
        for (int i = 0; i < reasons.Length; i++)
        {
            string? note = evaluation.Indicators[i].DeviationNote;
            Assert.Equal(string.IsNullOrEmpty(note) ? null : TextNormalizer.Normalize(note), reasons[i]);
        }

        Assert.Equal("主要是2个项目因设计变更延期", reasons[1]);
        Assert.Null(reasons[2]);

        // A count quoted from the row's reason is that row's, through the sheet's reasons as through the evaluation's.
        string text = TextNormalizer.Normalize("项目延期，主要是2个项目因设计变更延期。");
        Mention m = MentionExtractor.Extract(text).Single(x => x.Text.Contains('2'));
        var viaSheet = Verifier.QuotedFromReason(m, text, evaluation, reasons);
        var anew = Verifier.QuotedFromReason(m, text, evaluation);
        Assert.NotNull(viaSheet);
        Assert.Equal(anew, viaSheet);
        Assert.Equal("indicators[1].deviationNote", viaSheet.FactId);
    }

    [Theory]
    [InlineData("合成指标1完成值为12，未完成年度目标，另有1037人次参与。农民工外出务工规模达到30万人，其中实际完成20万人；开展技能培训5000人次")]
    [InlineData("")]
    [InlineData("较上年有所提高，实际完成")]
    public void AClausesOwnSubject_IsTheAnswerForItsWholeText(string text)
    {
        var sheet = FactSheet.Build(SyntheticTables.Project(5));
        string normalized = TextNormalizer.Normalize(text);
        var clauses = Clause.Split(normalized);
        var ctx = new VerificationContext(normalized, clauses, new SubjectScopes(normalized, sheet.Evaluation), MentionExtractor.Extract(normalized));
        for (int round = 0; round < 2; round++)
        {
            for (int k = 0; k < clauses.Count; k++)
            {
                Assert.Equal(VerificationContext.HasOwnSubject(clauses[k].Text), ctx.ClauseHasOwnSubject(k));
            }
        }

        Assert.Equal(text.Length > 30, Enumerable.Range(0, clauses.Count).Any(ctx.ClauseHasOwnSubject));
    }
}
