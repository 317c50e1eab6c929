using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;

namespace Assistant.Features.Evaluations;

/// <summary>A report checked against all of its tables in one step (CONTRACT §3; fact ids name the table when there are several).</summary>
public static class ReportVerification
{
    public static VerificationResponse Verify(IReadOnlyList<Evaluation> evaluations, string text, string? policyName = null)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        if (text is null || text.Length > VerificationContract.MaxTextLength)
        {
            throw new InputException("text", $"待核对文字不能为空，且不超过{VerificationContract.MaxTextLength}字", $"text is required and at most {VerificationContract.MaxTextLength} characters");
        }

        var policy = EvaluationService.ResolvePolicy(policyName);
        return VerificationContract.ToResponse(SeveralTables.Verify(evaluations.Select(e => FactSheet.Build(e, policy)).ToList(), WithoutTableRows(text)));
    }

    /// <summary>
    /// The report's text with the rows of its tables blanked (session 35, files probe 34 #11): a .docx table is read as one line
    /// per row, its cells joined by tabs, and a report's 附表 is the 自评表 itself, whose cells (8.50, 10, ≥95%) are no sentences —
    /// tied to a fact by their value alone they were verified against the wrong facts and swelled the counts. A line holding a
    /// tab (two cells or more) is replaced by spaces of the same length, so every offset of the prose stays where it was.
    /// </summary>
    public static string WithoutTableRows(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? chars = null;
        int lineStart = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
            {
                continue;
            }

            if (text.AsSpan(lineStart, i - lineStart).Count('\t') >= 1)
            {
                chars ??= text.ToCharArray();
                chars.AsSpan(lineStart, i - lineStart).Fill(' ');
            }

            lineStart = i + 1;
        }

        return chars is null ? text : new string(chars);
    }
}
