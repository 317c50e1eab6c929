using Assistant.Domain.Batches;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Review;

/// <summary>
/// The risk of a submission made without a batch check: from the calculator's findings on its table
/// (errors weigh 10, warnings 3). A batch check passes its own, richer summary instead, and the next
/// versions of a batch submission are assessed the batch's way (<see cref="Checked"/>).
/// </summary>
public static class SubmissionRisk
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static RiskSummary Of(ScoreResponse score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var errors = score.Findings.Where(f => f.Severity == "error").ToList();
        var warnings = score.Findings.Where(f => f.Severity == "warning").ToList();
        int points = (10 * errors.Count) + (3 * warnings.Count);
        var reasons = errors.Select(f => $"错误 {f.Code}：{f.Message}")
            .Concat(warnings.Select(f => $"提示 {f.Code}：{f.Message}"))
            .Take(8)
            .ToList();
        string level = errors.Count > 0 ? High : warnings.Count > 0 ? Medium : Low;
        return new RiskSummary(level, points, reasons);
    }

    /// <summary>A batch check's assessment as a submission carries it: its level (none ranks as low), score and each reason in both languages.</summary>
    public static RiskSummary Of(RiskAssessment risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return new RiskSummary(risk.Level is High or Medium ? risk.Level : Low, risk.Score, [.. risk.Reasons.Select(r => $"{r.Zh}（{r.Count}处）/ {r.En}")]);
    }

    /// <summary>
    /// What a batch check finds in a table and its report (the calculator, the reviewer criteria, the report verified
    /// against the table): the risk of a batch submission's next version, so its versions rank alike in the queue.
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
            _ => throw new InputException(field, "风险只能是 high、medium 或 low（高/中/低）。", "risk must be high, medium or low."),
        };
    }

    /// <summary>A summary passed in (batch check) made safe to store: a known level, a score ≥ 0, at most 50 reasons of 500 characters.</summary>
    public static RiskSummary Normalise(RiskSummary risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return new RiskSummary(ParseLevel(risk.Level), Math.Max(0, risk.Score),
            risk.Reasons.Where(r => !string.IsNullOrWhiteSpace(r)).Take(50).Select(r => r.Length > 500 ? r[..500] : r).ToList());
    }
}
