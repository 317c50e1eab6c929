using Assistant.Features.Reporting;

namespace Assistant.Features.Review;

/// <summary>The paragraphs of a report as comments anchor to them: each part's non-empty lines, numbered from 0 within the part.</summary>
public static class ReportParagraphs
{
    public static IReadOnlyList<ReportParagraph> Of(ReportDraft? report)
    {
        if (report is null)
        {
            return [];
        }

        var list = new List<ReportParagraph>();
        foreach (ReportPartDto part in report.Parts)
        {
            int i = 0;
            foreach (string line in (part.Text ?? string.Empty).Split('\n'))
            {
                string t = line.Trim();
                if (t.Length > 0)
                {
                    list.Add(new ReportParagraph(part.Key, i++, t));
                }
            }
        }

        return list;
    }
}
