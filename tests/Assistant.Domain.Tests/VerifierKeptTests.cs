using Assistant.Domain.Facts;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21, session 41: POST /verify now keeps a table's verifier for the next text (<c>PreparedVerifiers</c>), so one
/// verifier answers text after text. Every text of the verifier's corpus, verified by one verifier per sheet that has
/// already verified every other text of that sheet (in reverse order), must give the recorded verdicts byte for byte.
/// </summary>
public class VerifierKeptTests
{
    public static TheoryData<string> Groups() => new(VerifierCorpus.Groups());

    [Theory]
    [MemberData(nameof(Groups))]
    public void OneVerifierPerSheet_TextAfterText_GivesTheRecordedVerdicts(string group)
    {
        var kept = new Dictionary<FactSheet, Verifier>(ReferenceEqualityComparer.Instance);
        Verifier For(FactSheet sheet) => kept.TryGetValue(sheet, out Verifier? v) ? v : kept[sheet] = new Verifier(sheet);

        var texts = VerifierCorpus.Texts(group).ToList();
        for (int k = texts.Count - 1; k >= 0; k--)
        {
            For(texts[k].Sheet).Verify(texts[k].Body);
        }

        string actual = VerifierCorpus.Render(group, (sheet, text) => For(sheet).Verify(text));
        string expected = File.ReadAllText(Path.Combine(VerifierCorpus.GoldenDirectory, group + ".txt"));
        Assert.True(expected == actual, VerifierGoldenTests.FirstDifference(expected, actual));
        Assert.NotEmpty(kept);
    }
}
