using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Xunit.Abstractions;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 37 (probe 37 #1, #2): the product's own drafted report, every part as the report service assembles it, read back
/// by the product's own verifier (as POST /verify/report reads the Word file: the whole text at once) holds no contradiction,
/// no false status claim and no number left unverified outside a quote of the unit's words; and no sentence in it is
/// addressed to the unit or speaks of the draft. Over every table the project has.
/// </summary>
public partial class SelfCheckReportTests(ITestOutputHelper output)
{
    public static TheoryData<string> Tables() => SelfCheckTables.Names();

    [Theory]
    [MemberData(nameof(Tables))]
    public void OwnReport_VerifiesWithoutContradiction_AndEveryNumberItWroteIsVerified(string table)
    {
        var e = SelfCheckTables.Get(table);
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(e, ScoringPolicy.Default));
        var parts = SelfCheckTables.Report(e);
        string whole = string.Join('\n', parts.Select(p => p.Text));
        VerificationReport report = Verifier.Verify(sheet, whole);
        var problems = new List<string>();
        foreach (CheckedMention m in report.Mentions.Where(m => m.Verdict == Verdict.Contradicted
            || (m.Verdict == Verdict.Unverified && !InQuote(whole, m.Mention.Start))))
        {
            problems.Add($"{m.Verdict} “{m.Mention.Text}” {m.FactId} {m.Note} | {Around(whole, m.Mention.Start)}");
        }

        problems.AddRange(report.Claims.Where(c => c.Verdict == Verdict.Contradicted).Select(c => $"claim “{c.Text}” {c.Note} | {Around(whole, c.Start)}"));
        output.WriteLine(whole);
        Assert.True(problems.Count == 0, table + ":\n" + string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void OwnReport_HoldsNoNoteToTheUnit_TheNotesListThem(string table)
    {
        var parts = SelfCheckTables.Report(SelfCheckTables.Get(table));
        var found = new List<string>();
        foreach (var (key, text, _) in parts)
        {
            found.AddRange(ToTheUnit().Matches(text).Select(m => $"{key}: “{m.Value}” | {Around(text, m.Index)}"));
            if (!ReportText.IsSubmittable(text))
            {
                found.Add($"{key}: not submittable");
            }
        }

        Assert.True(found.Count == 0, table + ":\n" + string.Join('\n', found));
    }

    // Probe 38 #7: the stand-alone draft of 三 (the draft endpoint, the page's draft panel, the chat's draft) is not cleaned
    // as the report is, so the drafter itself must write no note to the unit (草稿不作推测 stayed there after session 37).
    [Theory]
    [MemberData(nameof(Tables))]
    public void OwnDraftOfThree_AsTheDraftEndpointGivesIt_HoldsNoNoteToTheUnit(string table)
    {
        string text = SelfCheckTables.DraftOfThree(SelfCheckTables.Get(table));
        var found = ToTheUnit().Matches(text).Select(m => $"“{m.Value}” | {Around(text, m.Index)}").ToList();
        Assert.True(found.Count == 0, table + ":\n" + string.Join('\n', found));
    }

    /// <summary>Whether a position sits inside “…” (the unit's own words quoted: its numbers are the unit's, judged elsewhere).</summary>
    private static bool InQuote(string text, int at)
    {
        int open = text.LastIndexOf('“', Math.Max(0, at - 1));
        int close = text.LastIndexOf('”', Math.Max(0, at - 1));
        return open > close;
    }

    private static string Around(string text, int at)
    {
        int s = Math.Max(0, at - 40);
        int e = Math.Min(text.Length, at + 30);
        return text[s..e].Replace('\n', ' ');
    }

    /// <summary>Words that address the unit or speak of the draft itself: they belong in the notes, never in the submitted text.</summary>
    [GeneratedRegex(@"草稿|需(?:单位|一并)?(?:核实后)?补充|需单位|请单位|单位补充|待单位|需逐项|需单位逐项说明")]
    private static partial Regex ToTheUnit();
}
