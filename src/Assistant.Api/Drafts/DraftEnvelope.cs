using Assistant.Features.Drafting;

namespace Assistant.Api.Drafts;

/// <summary>A stored draft as returned.</summary>
public sealed record DraftEnvelope(Guid Id, Guid EvaluationId, string Section, int Version, DateTimeOffset CreatedAt, DraftResult Draft);
