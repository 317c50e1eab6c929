using Assistant.Domain.Batches;

namespace Assistant.Features.Batches;

/// <summary>
/// A job's state as callers see it (<c>GET /api/v1/jobs/{id}</c>): <c>queued</c>, <c>running</c>,
/// <c>succeeded</c> or <c>failed</c>; progress as done/failed of total (submissions, files, documents;
/// <see cref="Passages"/> for corpus ingestion); the attempts begun; why it failed (Chinese and English);
/// and what it produced (<see cref="Result"/>: an ingest summary, a report version).
/// </summary>
public sealed record JobStatus(
    Guid Id, string Kind, string Name, string State, int Done, int Failed, int Total, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, IReadOnlyList<JobFailure> Failures,
    long? Passages = null, int Attempts = 0, JobError? Error = null, System.Text.Json.JsonElement? Result = null);

/// <summary>Why a whole job failed.</summary>
public sealed record JobError(string Zh, string En);

/// <summary>A submission (or file) that could not be handled, with the bilingual reason.</summary>
public sealed record JobFailure(Guid ItemId, string Document, string Zh, string En);

/// <summary>One row of the risk queue; <c>submissionId</c>: the submission it opened in the review queue (a reviewer's batch), if any.</summary>
public sealed record QueueItem(int Rank, Guid Id, string Document, string Unit, string Status, string? Title, string? Total, string? ExecutionRate, int RiskScore, string? RiskLevel, string? RiskSummary, Guid? SubmissionId = null);

public sealed record QueuePage(Guid JobId, int Page, int PageSize, int Count, IReadOnlyList<QueueItem> Items);

/// <summary>One submission's findings: the risk reasons, every finding, the evaluations stored and the report checked.</summary>
public sealed record BatchItemDetail(
    Guid Id, Guid JobId, string Document, string Unit, string UnitSource, string TableName, string? ReportName, string Status,
    string? Title, string? Total, string? ExecutionRate, int RiskScore, string? RiskLevel, IReadOnlyList<RiskReason> Reasons,
    IReadOnlyList<BatchFinding> Findings, IReadOnlyList<Guid> EvaluationIds, string? ReportText, string? ErrorZh, string? ErrorEn);

