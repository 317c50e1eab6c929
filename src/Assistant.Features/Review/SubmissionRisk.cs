using Assistant.Domain.Batches;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Review;

/// <summary>
/// The risk of a submission: a batch check passes its own summary (<see cref="Of(RiskAssessment)"/>); any other
/// submission, and every next version, is assessed the same way here (<see cref="Checked"/>): the calculator's
/// findings, the reviewer criteria (boilerplate reasons among them) and the report verified against the table.
/// </summary>
public static class SubmissionRisk
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    /// <summary>No risk point at all (the bands: 高 at 50 or more, 中 at 20, 低 above 0, 无 at 0).</summary>
    public const string None = "none";

    /// <summary>A batch check's assessment as a submission carries it: its level (by <see cref="BatchRisk.Level"/>, so 0 points is none), score and each reason in both languages.</summary>
    public static RiskSummary Of(RiskAssessment risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return new RiskSummary(BatchRisk.Level(risk.Score), risk.Score, [.. risk.Reasons.Select(r => $"{r.Zh}（{r.Count}处）/ {r.En}")]);
    }

    /// <summary>
    /// What a batch check finds in a table and its report (the calculator, the reviewer criteria, the report verified
    /// against the table): the risk of every submission that does not bring a batch's own summary (API, page, CLI)
    /// and of every next version, so all submissions, and all versions of one, rank alike in the queue.
    /// </summary>
    public static RiskSummary Checked(Evaluation evaluation, string? policyName, string? reportText)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ScoringPolicy policy = EvaluationService.ResolvePolicy(policyName);
        FactSheet sheet = FactSheet.Build(evaluation, policy);
        VerificationReport? verification = string.IsNullOrWhiteSpace(reportText) ? null : SeveralTables.Verify([sheet], reportText);
        return Of(BatchRisk.Assess(BatchRisk.Signals(sheet.Report.Findings, ReviewerFindings.Find(sheet, policy), verification)));
    }

    public static string ParseLevel(string? level, string field = "risk")
    {
        string t = level?.Trim().ToLowerInvariant() ?? string.Empty;
        return t switch
        {
            High or "高" => High,
            Medium or "中" => Medium,
            Low or "低" => Low,
            None or "无" => None,
            _ => throw new InputException(field, "风险只能是 high、medium、low 或 none（高/中/低/无）。", "risk must be high, medium, low or none."),
        };
    }

    /// <summary>A summary passed in (batch check) made safe to store: a known level (none exactly at 0 points, low only above), a score ≥ 0, at most 50 reasons of 500 characters.</summary>
    public static RiskSummary Normalise(RiskSummary risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        int score = Math.Max(0, risk.Score);
        string level = ParseLevel(risk.Level);
        if ((level == None && score > 0) || (level == Low && score == 0))
        {
            level = BatchRisk.Level(score);
        }

        return new RiskSummary(level, score,
            risk.Reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Take(50).Select(r => r.Length > 500 ? r[..500] : r).ToList());
    }
}
