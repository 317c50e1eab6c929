using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 34 second round (chat probe 34 #2, #3): an amount right after a fund line's name is judged against that line's
/// column (the clause's word, else the sentence's 预算/执行), never verified by an equal figure of another line; a 执行率 is
/// never one line's figure over another's. Every case runs on the verifier and the reference restatement alike.
/// </summary>
public class VerifierNamedLineTests
{
    private static FactSheet Table(string name) => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", name + ".json"))));

    private static readonly Dictionary<string, FactSheet> Sheets = new[] { "p34c-senlin-yn", "p34-W-yanglao", "p34-B-yiwu" }.ToDictionary(n => n, Table);

    [Theory]
    [InlineData("p34c-senlin-yn", "中央财政资金预算300.00万元。", "300.00万元", Verdict.Verified)]
    [InlineData("p34c-senlin-yn", "中央财政资金执行了300万元。", "300万元", Verdict.Contradicted)]
    [InlineData("p34c-senlin-yn", "中央财政资金执行了240万元。", "240万元", Verdict.Verified)]
    [InlineData("p34c-senlin-yn", "县级资金执行60万元，执行率20%。", "20%", Verdict.Contradicted)]
    [InlineData("p34c-senlin-yn", "县级资金执行60万元，执行率30%。", "30%", Verdict.Verified)]
    [InlineData("p34-W-yanglao", "省级资金执行了378万元。", "378万元", Verdict.Contradicted)]
    [InlineData("p34-B-yiwu", "中央资金预算800.0万元，执行720.0万元。", "800.0万元", Verdict.Verified)]
    [InlineData("p34-B-yiwu", "县级资金预算300万元。", "300万元", Verdict.Contradicted)]
    [InlineData("p34-B-yiwu", "中央资金执行7200000元。", "7200000元", Verdict.Verified)]
    [InlineData("p34-B-yiwu", "县级资金执行2600000元。", "2600000元", Verdict.Contradicted)]
    public void AnAmountAfterAFundLine_IsThatLines(string table, string text, string span, Verdict expected)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        foreach (VerificationReport report in new[] { Verifier.Verify(Sheets[table], text), ReferenceVerifier.Verifier.Verify(Sheets[table], text) })
        {
            var found = report.Mentions.Where(m => m.Mention.Start < at + span.Length && m.Mention.Start + m.Mention.Length > at).ToList();
            Assert.NotEmpty(found);
            Assert.All(found, f => Assert.True(f.Verdict == expected, $"{text} [{span}]: {f.Verdict} {f.FactId} {f.Note}"));
        }
    }
}
