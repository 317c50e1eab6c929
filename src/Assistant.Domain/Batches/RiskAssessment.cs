namespace Assistant.Domain.Batches;

/// <summary>One reason a submission ranks where it does: its category, how many times it occurred, the points it adds and what it concerns.</summary>
public sealed record RiskReason(string Code, int Count, int Points, string Zh, string En, IReadOnlyList<string> Subjects);

/// <summary>A submission's risk: the score (sum of the reasons' points), a level and the reasons, most points first.</summary>
public sealed record RiskAssessment(int Score, string Level, IReadOnlyList<RiskReason> Reasons)
{
    /// <summary>The reasons in one line of Chinese (for the queue and the review sheet).</summary>
    public string Summary => Reasons.Count == 0 ? "未发现问题" : string.Join("；", Reasons.Select(r => $"{r.Zh}（{r.Count}处）"));
}

/// <summary>A signal found in a submission by the importer, the calculator, the reviewer criteria or the verifier.</summary>
public sealed record RiskSignal(string Category, string Subject);
