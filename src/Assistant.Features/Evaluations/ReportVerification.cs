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
        return VerificationContract.ToResponse(SeveralTables.Verify(evaluations.Select(e => FactSheet.Build(e, policy)).ToList(), text));
    }
}
