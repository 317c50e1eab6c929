using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Reporting;

/// <summary>
/// A report the unit wrote itself (the text that came with its table in a batch) as a stored report:
/// split at its top-level headings (一、… 五、; 六、 and after stay in the fifth part), each part kept
/// as written — its own heading, its own words — and verified against the unit's table, the problems
/// beside it as notes. A text with no such heading is one part. Nothing is rewritten or taken out.
/// </summary>
public static partial class ReportImport
{
    /// <summary>The stored version's <c>change</c> and each part's <c>origin</c>.</summary>
    public const string Imported = "imported";

    /// <summary>How the notes of an import check begin (an edit of the part replaces them).</summary>
    public const string Check = "送审稿中";

    public const string WholeHeading = "报告全文";

    public static ReportDraft FromText(Evaluation evaluation, string? policyName, string text, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(text);
        ScoringPolicy policy = EvaluationService.ResolvePolicy(policyName);
        FactSheet sheet = ReportFacts.Extend(FactSheet.Build(evaluation, policy));
        var parts = Split(text).Select(p => Part(p.Key, p.Heading, p.Lines, sheet, by, at)).ToList();
        ScoreReport score = sheet.Report;
        return new ReportDraft(evaluation.Title, evaluation.Year, evaluation.Region, evaluation.Kind == EvaluationKind.Project ? "project" : "transfer", policy.Name,
            score.TotalRounded?.ToString("0.00", CultureInfo.InvariantCulture), score.Grade, ReportDraft.StatusOf(parts), parts);
    }

    /// <summary>The parts in report order: key, the heading line as the report prints it, and the part's non-empty lines (its heading first).</summary>
    public static IReadOnlyList<(string Key, string Heading, IReadOnlyList<string> Lines)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var byKey = new Dictionary<string, (string Heading, List<string> Lines)>();
        var preamble = new List<string>();
        string? current = null;
        foreach (string line in lines)
        {
            if (TopHeading().Match(line) is { Success: true } m)
            {
                current = KeyOf(m.Groups[1].Value);
                if (!byKey.ContainsKey(current))
                {
                    byKey[current] = (line, []);
                }
            }

            if (current is null)
            {
                preamble.Add(line);
            }
            else
            {
                byKey[current].Lines.Add(line);
            }
        }

        if (byKey.Count == 0)
        {
            return preamble.Count == 0 ? [] : [(ReportParts.Targets, WholeHeading, preamble)];
        }

        // What comes before the first heading (the report's title, a foreword) opens the first part, so nothing is lost.
        string first = ReportParts.Keys.First(byKey.ContainsKey);
        byKey[first].Lines.InsertRange(0, preamble);
        return ReportParts.Keys.Where(byKey.ContainsKey).Select(k => (k, byKey[k].Heading, (IReadOnlyList<string>)byKey[k].Lines)).ToList();
    }

    private static ReportPartDto Part(string key, string heading, IReadOnlyList<string> lines, FactSheet sheet, string by, DateTimeOffset at)
    {
        ReportPartInfo info = ReportParts.Get(key);
        string body = string.Join('\n', lines);
        VerificationReport report = Verifier.Verify(sheet, body);
        var notes = DraftText.Problems(report).Select(p => new ReviewNoteDto(ReviewNoteKinds.Supply, Check + p.Reason + "，请核对。", null, null, null, info.Numeral)).ToList();
        if (!ReportText.IsSubmittable(body))
        {
            notes.Add(new ReviewNoteDto(ReviewNoteKinds.Supply, Check + "含有【待核实】、占位符或写给单位的提示语，请删去。", null, null, null, info.Numeral));
        }

        string status = report.IsClean && ReportText.IsSubmittable(body) ? DraftResult.Verified : DraftResult.NeedsReview;
        return new ReportPartDto(key, heading, status, body, notes, [], PartVerificationDto.From(report), [],
            new ModelDto("unit", by, null), new PromptDto(Imported, "1"), 0, Imported, by, at);
    }

    private static string KeyOf(string numeral)
    {
        int n = Numeral(numeral);
        return n is >= 1 and <= 5 ? ReportParts.Keys[n - 1] : ReportParts.Other;
    }

    /// <summary>一 … 九十九 as a number (0 when not one).</summary>
    private static int Numeral(string s)
    {
        const string digits = "零一二三四五六七八九";
        int ten = s.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return s.Length == 1 ? digits.IndexOf(s[0], StringComparison.Ordinal) : 0;
        }

        int tens = ten == 0 ? 1 : Math.Max(0, digits.IndexOf(s[0], StringComparison.Ordinal));
        int ones = ten == s.Length - 1 ? 0 : Math.Max(0, digits.IndexOf(s[^1], StringComparison.Ordinal));
        return (tens * 10) + ones;
    }

    [GeneratedRegex("^([一二三四五六七八九十]{1,3})、")]
    private static partial Regex TopHeading();
}
