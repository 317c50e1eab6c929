using System.Text.Json;
using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 29 (outside testers' 高标准农田, 营养改善, 小型水库, 基本公共卫生 tables): group claims over the whole
/// table (各项指标均已完成 after a fund sentence) and less the rows named before 其余; 达成/实现 claims on a
/// qualitative row; a list item's number bound to its own item's name; the target written after 完成+name;
/// numbers that are part of a name or term (2型, 0-6岁, 65岁及以上, 12345热线); a unit only in the name. Every
/// case of eval/cases/verifier/probe-2026-12b.json is checked on the product and on the reference restatement.
/// </summary>
public class VerifierProbe29Tests
{
    private sealed record Case(string Id, string Table, string Kind, string Text, string? Injected, int? At, string? Expect);

    private static readonly List<Case> Cases = JsonSerializer.Deserialize<List<Case>>(
        File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "probe-2026-12b.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    private static readonly Dictionary<string, FactSheet> Sheets = Cases.Select(c => c.Table).Distinct()
        .ToDictionary(t => t, t => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, t)))));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (Case c in Cases)
        {
            data.Add(c.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void TheSpan_GetsItsExpectedVerdict_OnBoth(string id)
    {
        Case c = Cases.Single(x => x.Id == id);
        int at = c.At ?? c.Text.IndexOf(c.Injected!, StringComparison.Ordinal);
        int end = at + c.Injected!.Length;
        foreach (VerificationReport report in new[] { Verifier.Verify(Sheets[c.Table], c.Text), ReferenceVerifier.Verifier.Verify(Sheets[c.Table], c.Text) })
        {
            var verdicts = report.Mentions.Where(m => m.Mention.Start < end && m.Mention.Start + m.Mention.Length > at).Select(m => (m.Mention.Text, m.Verdict, m.Note))
                .Concat(report.Claims.Where(x => x.Start < end && x.Start + x.Length > at).Select(x => (x.Text, x.Verdict, x.Note))).ToList();
            string detail = string.Join("; ", verdicts.Select(v => $"{v.Text}={VerificationContract.Name(v.Verdict)} {v.Note}"));
            // Without an expected verdict, an injected error need only be flagged.
            Assert.True(verdicts.Count > 0 && (c.Expect is { } expect
                ? verdicts.All(v => VerificationContract.Name(v.Verdict) == expect)
                : verdicts.Any(v => v.Verdict is Verdict.Unverified or Verdict.Contradicted)), $"{id}: {detail}");
            if (c.Kind == "clean")
            {
                Assert.True(report.Summary.Contradicted == 0 && report.Summary.ClaimsContradicted == 0, $"{id}: a clean text has something contradicted");
            }
        }
    }

    [Fact]
    public void AGroupClaim_NamesTheShortRows()
    {
        FactSheet sheet = Sheets["eval/cases/verifier/tables/t10-public-health.json"];
        CheckedClaim claim = Assert.Single(Verifier.Verify(sheet, "资金执行率为94.97%，各项指标均已完成。").Claims);
        Assert.Equal(Verdict.Contradicted, claim.Verdict);
        Assert.Contains("65岁及以上老年人健康管理率", claim.Note, StringComparison.Ordinal);
        Assert.Contains("等5项", claim.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUnitsOwnFigure_InsideItsQuotedReason_IsKeptAsQuoted()
    {
        // 实际在辖区居住老人减少约1800人: 实际 alone does not make the clause state one of the table's quantities.
        FactSheet sheet = Sheets["eval/cases/verifier/tables/t10-public-health.json"];
        string text = "单位说明的原因是部分老年人外出务工或随子女在外居住，实际在辖区居住老人减少约1800人。";
        VerificationReport report = Assistant.Domain.Drafting.StatedReasonCheck.Verify(sheet, text, Assistant.Domain.Drafting.DeviationItems.Find(sheet));
        CheckedMention m = Assert.Single(report.Mentions, x => x.Mention.Text.Contains("1800", StringComparison.Ordinal));
        Assert.Equal(Verdict.Identifier, m.Verdict);
        Assert.Equal(Assistant.Domain.Drafting.StatedReasonCheck.QuotedNote, m.Note);
    }

    [Fact]
    public void AChatCorrection_ShowsTheRightValue()
    {
        FactSheet sheet = Sheets["eval/cases/verifier/tables/t10-public-health.json"];
        OfflineAnswer answer = ReviewAnswers.Verify(sheet, "自评得分92.53分。");
        Assert.DoesNotContain("…", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.TurnFacts, f => f.Value == 92.35m);
    }
}
