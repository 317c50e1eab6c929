using Assistant.Domain.Conversation;
using Assistant.Domain.Corpus;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;

namespace Assistant.Features.Conversations;

/// <summary>The calculator's trace of one row, decimals as strings (exact on the wire).</summary>
public sealed record TraceDto(
    int Index,
    string Name,
    string? Level1,
    string? Level2,
    string Rule,
    string RuleText,
    string Status,
    string StatusText,
    string Target,
    string Actual,
    string? Weight,
    string? Score,
    string? Lost,
    string? Completion,
    string? CompletionText,
    string? Gap,
    string? GapUnit,
    string Computation);

public sealed record ContradictionDto(string Source, string Text, string? FactId, string Note);

public sealed record FactDto(string Id, string Label, string Text);

/// <summary>
/// Why an indicator stands where it does (<c>GET /api/v1/evaluations/{id}/indicators/{index}/explanation</c>):
/// the trace, the reason the unit stated or the finding that none was given, the row's findings,
/// contradictions between report texts (the row's 偏差原因, the stored drafts) and the table, and
/// similar past cases with citations.
/// </summary>
public sealed record ExplanationResponse(
    Guid EvaluationId,
    int Index,
    bool FellShort,
    TraceDto Trace,
    string? Kind,
    string? Situation,
    string? StatedReason,
    string? ReasonFinding,
    IReadOnlyList<FindingDto> Findings,
    IReadOnlyList<ContradictionDto> Contradictions,
    IReadOnlyList<CitationDto> SimilarCases,
    IReadOnlyList<FactDto> Facts,
    IReadOnlyList<string> TextsChecked);

