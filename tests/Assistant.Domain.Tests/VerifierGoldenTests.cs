using Assistant.Domain.Verification;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21: the verifier was made fast without changing a verdict. Every text it is evaluated on
/// must give the verdict list recorded in golden/verifier before the change (span, verdict, fact
/// reference, note), and the frozen reference implementation must still give it too.
/// </summary>
public class VerifierGoldenTests
{
    public static TheoryData<string> Groups() => new(VerifierCorpus.Groups());

    [Theory]
    [MemberData(nameof(Groups))]
    public void Verdicts_AreThoseRecorded(string group)
    {
        string actual = VerifierCorpus.Render(group, Verifier.Verify);
        string golden = Path.Combine(VerifierCorpus.GoldenDirectory, group + ".txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(VerifierCorpus.GoldenDirectory);
            File.WriteAllText(golden, VerifierCorpus.Render(group, ReferenceVerifier.Verifier.Verify));
        }

        Assert.True(File.Exists(golden), $"missing golden {golden}; run with UPDATE_GOLDEN=1 once and review it");
        string expected = File.ReadAllText(golden);
        Assert.True(expected == actual, FirstDifference(expected, actual));
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void ReferenceImplementation_GivesTheRecordedVerdicts(string group)
    {
        string golden = Path.Combine(VerifierCorpus.GoldenDirectory, group + ".txt");
        Assert.Equal(File.ReadAllText(golden), VerifierCorpus.Render(group, ReferenceVerifier.Verifier.Verify));
    }

    [Fact]
    public void TheCorpus_IsLarge()
    {
        int mentions = VerifierCorpus.Groups().Sum(g => File.ReadLines(Path.Combine(VerifierCorpus.GoldenDirectory, g + ".txt")).Count(l => l.StartsWith("M ", StringComparison.Ordinal)));
        Assert.True(mentions > 3000, $"{mentions} numbers");
    }

    internal static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        string section = string.Empty;
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string x = i < e.Length ? e[i] : "<end>", y = i < a.Length ? a[i] : "<end>";
            if (x.StartsWith("## ", StringComparison.Ordinal))
            {
                section = x;
            }

            if (x != y)
            {
                return $"{section}, line {i + 1}:\n  expected {x}\n  actual   {y}";
            }
        }

        return "equal";
    }
}
