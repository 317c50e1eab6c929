using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Features.Reporting;

namespace Assistant.Features.Review;

/// <summary>The paragraphs of a report as comments anchor to them: each part's non-empty lines, numbered from 0 within the part.</summary>
public static class ReportParagraphs
{
    public static IReadOnlyList<ReportParagraph> Of(ReportDraft? report) => Of(report, null);

    /// <summary>
    /// The paragraphs, each with what <paramref name="evaluation"/> contradicts in it: every part is verified as it
    /// was when stored (against the table's facts and the report's own, <see cref="ReportFacts"/>), and a
    /// contradicted number or claim belongs to the paragraph it stands in — by its place in the part, so a right
    /// 70.00% in one paragraph is never marked for a wrong 70.00% in another.
    /// </summary>
    public static IReadOnlyList<ReportParagraph> Of(ReportDraft? report, Evaluation? evaluation)
    {
        if (report is null)
        {
            return [];
        }

        FactSheet? sheet = evaluation is null ? null : ReportFacts.Extend(FactSheet.Build(evaluation, EvaluationService.ResolvePolicy(report.Policy)));
        var list = new List<ReportParagraph>();
        foreach (ReportPartDto part in report.Parts)
        {
            string text = part.Text ?? string.Empty;
            List<(int Start, string Message)> wrong = sheet is null ? [] : Contradictions(Verifier.Verify(sheet, text));
            int i = 0;
            int start = 0;
            foreach (string line in text.Split('\n'))
            {
                int end = start + line.Length;
                string t = line.Trim();
                if (t.Length > 0)
                {
                    list.Add(new ReportParagraph(part.Key, i++, t) { Contradictions = [.. wrong.Where(w => w.Start >= start && w.Start < end).Select(w => w.Message)] });
                }

                start = end + 1;
            }
        }

        return list;
    }

    /// <summary>The contradicted numbers and claims of a part, where each starts, as a reviewer reads them: “the words” and what the table says.</summary>
    private static List<(int Start, string Message)> Contradictions(VerificationReport report) =>
    [
        .. report.Mentions.Where(m => m.Verdict == Verdict.Contradicted)
            .Select(m => (m.Mention.Start, $"“{m.Mention.Text}”与自评表不符{(m.Note is { Length: > 0 } n ? "：" + n : string.Empty)}")),
        .. report.Claims.Where(c => c.Verdict == Verdict.Contradicted)
            .Select(c => (c.Start, $"“{c.Text}”的结论与自评表不符{(c.Note is { Length: > 0 } n ? "：" + n : string.Empty)}")),
    ];
}
