using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Importing;
using Assistant.Domain.Scoring;

namespace Assistant.Features.Evaluations;

/// <summary>The one entry point both hosts use: JSON in, score or facts out.</summary>
public static class EvaluationService
{
    public static ScoringPolicy ResolvePolicy(string? name) =>
        ScoringPolicy.Find(name) ?? throw new InputException("policy",
            $"未知的评分规则“{name}”，可选：{string.Join("、", ScoringPolicy.All.Select(p => p.Name))}",
            $"unknown policy \"{name}\"; known: {string.Join(", ", ScoringPolicy.All.Select(p => p.Name))}");

    public static ScoreResponse Score(Evaluation evaluation, string? policyName = null) =>
        ScoreContract.ToResponse(evaluation, Report(evaluation, policyName));

    /// <summary>
    /// The score of a table read from a document: as <see cref="Score"/>, but a failed sum check (总分, 分值合计)
    /// on a table with rows read by guess is a warning naming those rows (<see cref="ImportDoubt"/>).
    /// </summary>
    public static ScoreResponse Score(Evaluation evaluation, ImportedTable source, string? policyName = null)
    {
        ScoreReport report = Report(evaluation, policyName);
        return ScoreContract.ToResponse(evaluation, report with { Findings = ImportDoubt.Temper(report.Findings, source) });
    }

    /// <summary>The score report under the named policy (unknown names refused), for <see cref="ScoreAnswerWriter"/>.</summary>
    public static ScoreReport Report(Evaluation evaluation, string? policyName = null)
    {
        ScoringPolicy policy = ResolvePolicy(policyName);
        return Calculator.Score(evaluation, policy);
    }

    public static VerificationResponse Verify(Evaluation evaluation, string text, string? policyName = null) =>
        VerificationContract.Verify(FactSheet.Build(evaluation, ResolvePolicy(policyName)), text);

    /// <summary>
    /// As <see cref="Verify(Evaluation, string, string?)"/>, through the prepared verifiers kept by the table's content key
    /// (<see cref="VerificationContract.ParseKeyedRequest"/>): the same answer, without preparing the table again.
    /// </summary>
    public static VerificationResponse Verify(PreparedVerifiers prepared, (string Key, int Bytes) table, Evaluation evaluation, string text, string? policyName = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ScoringPolicy policy = ResolvePolicy(policyName);
        VerificationContract.CheckText(text);
        return VerificationContract.ToResponse(prepared.Verify(table.Key, table.Bytes, evaluation, policy, text));
    }

    public static FactsResponse Facts(Evaluation evaluation, string? policyName = null) =>
        ScoreContract.ToResponse(FactSheet.Build(evaluation, ResolvePolicy(policyName)));
}
