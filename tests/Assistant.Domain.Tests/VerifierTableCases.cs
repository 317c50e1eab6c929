using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>What the held-out verifier classes share (sessions 42 and 43): a table of the verifier eval, and what was read over a span.</summary>
internal static class VerifierTableCases
{
    /// <summary>A table of the verifier eval (<c>eval/cases/verifier/tables/{name}.json</c>).</summary>
    public static Evaluation Load(string name) => EvaluationJson.Parse(File.ReadAllText(
        Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", name + ".json")));

    /// <summary>The claims and numbers read over <paramref name="span"/> of <paramref name="text"/>, with their verdicts, facts and notes.</summary>
    public static List<(string Text, Verdict Verdict, string? FactId, string? Note)> At(VerificationReport report, string text, string span)
    {
        int at = text.IndexOf(span, StringComparison.Ordinal);
        Assert.True(at >= 0, span);
        int end = at + span.Length;
        return report.Claims.Where(c => c.Start < end && c.Start + c.Length > at).Select(c => (c.Text, c.Verdict, c.FactId, c.Note))
            .Concat(report.Mentions.Where(m => m.Mention.Start < end && m.Mention.Start + m.Mention.Length > at).Select(m => (m.Mention.Text, m.Verdict, m.FactId, m.Note)))
            .ToList();
    }

    /// <summary>
    /// What the verifier reads over <paramref name="span"/> of <paramref name="text"/> on the eval's table <paramref name="table"/>,
    /// after checking that the frozen reference verifier gives the same report (sessions 44–45's classes).
    /// </summary>
    public static List<(string Text, Verdict Verdict, string? FactId, string? Note)> Judged(string table, string text, string span)
    {
        FactSheet sheet = FactSheet.Build(Load(table));
        VerificationReport report = Verifier.Verify(sheet, text);
        Assert.Equal(VerifierCorpus.Render(ReferenceVerifier.Verifier.Verify(sheet, text)), VerifierCorpus.Render(report));
        return At(report, text, span);
    }
}
