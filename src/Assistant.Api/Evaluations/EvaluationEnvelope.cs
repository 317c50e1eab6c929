using System.Text.Json;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;

namespace Assistant.Api.Evaluations;

/// <summary>A stored evaluation as returned: the table as posted, its score, and its drafts.</summary>
public sealed record EvaluationEnvelope(Guid Id, DateTimeOffset CreatedAt, string Policy, JsonElement Evaluation, ScoreResponse Score, IReadOnlyList<DraftSummary> Drafts);
