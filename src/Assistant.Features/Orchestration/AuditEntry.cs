namespace Assistant.Features.Orchestration;

/// <summary>Whom and what an operation (a draft, a conversation turn) is about, for its audit records.</summary>
public sealed record AuditScope(Guid? EvaluationId = null, string? Unit = null, string? KeyPrefix = null);

/// <summary>
/// One audited step: a rendered prompt (<c>prompt</c>: its name and version) or a tool call (<c>tool</c>:
/// the kernel function and its arguments), with the evaluation, the unit and key prefix, the model the
/// step served, and whether it failed. Stored inside the draft or the conversation turn it belongs to.
/// </summary>
public sealed record AuditEntry(
    int Seq,
    string Kind,
    string Name,
    string? Version,
    Guid? EvaluationId,
    string? Unit,
    string? KeyPrefix,
    string Provider,
    string Model,
    DateTimeOffset At,
    long ElapsedMs,
    string? Arguments,
    bool Failed,
    string? Error)
{
    public const string Prompt = "prompt";
    public const string Tool = "tool";
}
