namespace Assistant.Features.Records;

/// <summary>The body of <c>POST /api/v1/evaluations/{id}/drafts</c>; every field optional.</summary>
public sealed record DraftBody(string? Section = null, string? Policy = null, string? Provider = null, int? SourcesPerItem = null);
