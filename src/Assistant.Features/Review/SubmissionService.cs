using System.Text.Json;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Reporting;
using Assistant.Features.Storage;
using Assistant.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Assistant.Features.Review;

/// <summary>
/// Submission and review: a unit submits an evaluation with a report version (version n); a reviewer
/// whose scope covers the unit decides 通过 or 退回 with anchored comments and 抽评 scores; after 退回 the
/// unit submits again (version n+1). Every step is a new row (the tables refuse updates); steps are
/// serialised on the submission row, so two reviewers or two resubmissions cannot both win.
/// </summary>
public sealed partial class SubmissionService(
    IDbContextFactory<AssistantDb> databases, RecordStore records, ReportStore reports, UnitStore units, IReviewEvents events, TimeProvider clock, ILogger<SubmissionService> logger)
{
    public const int MaxListLimit = 1000;

    public static readonly string[] Sources = ["api", "page", "cli", "batch"];

    private static readonly JsonSerializerOptions Json = ScoreContract.JsonOptions;

    /// <summary>
    /// Submits a stored evaluation of <paramref name="unitCode"/> with a report version (null: its latest,
    /// if any). The first submission of an evaluation opens a submission (version 1); a later one, or one
    /// naming <paramref name="submissionId"/>, is the next version of it — allowed only after 退回.
    /// <paramref name="risk"/> (from a batch check) ranks it in the queue; without it the same check is made here
    /// (<see cref="SubmissionRisk.Checked"/>), so a submission made through the API, the page or the CLI ranks as a batch's does.
    /// </summary>
    public async Task<SubmissionSummary> SubmitAsync(
        string unitCode, Guid evaluationId, int? reportVersion, Actor submittedBy, string source, RiskSummary? risk = null, Guid? submissionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        ArgumentNullException.ThrowIfNull(submittedBy);
        if (!Sources.Contains(source))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "api, page, cli or batch");
        }

        StoredEvaluation evaluation = await records.GetEvaluationAsync(unitCode, evaluationId, cancellationToken)
            ?? throw new ReviewNotFoundException("evaluation", evaluationId);
        ReportVersion? report = await reports.GetAsync(unitCode, evaluationId, reportVersion, cancellationToken);
        if (reportVersion is not null && report is null)
        {
            throw new InputException("reportVersion", $"这张表没有第{reportVersion}版报告。", $"the evaluation has no report version {reportVersion}.");
        }

        // One rule for every submission, however it came: the batch check's (calculator, reviewer criteria, the report verified against the table).
        RiskSummary ranked = risk is null ? SubmissionRisk.Checked(EvaluationJson.Parse(evaluation.Body), evaluation.Policy, report?.Report.Text) : SubmissionRisk.Normalise(risk);
        DateTimeOffset now = Now();

        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);

        // Two first submissions of one evaluation must not open two submissions: serialise on the evaluation row.
        await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM evaluations WHERE id = {evaluationId} FOR UPDATE").ToListAsync(cancellationToken);
        Guid? chain = submissionId ?? await db.SubmissionVersions.Where(v => v.EvaluationId == evaluationId && v.Unit == unitCode)
            .Select(v => (Guid?)v.SubmissionId).FirstOrDefaultAsync(cancellationToken);

        SubmissionRecord submission;
        int version = 1;
        if (chain is { } id)
        {
            await LockAsync(db, id, cancellationToken);
            submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.Unit == unitCode, cancellationToken)
                ?? throw new ReviewNotFoundException("submission", id);
            var (latest, decision) = await LatestAsync(db, id, cancellationToken);
            if (decision is null)
            {
                throw new ReviewConflictException("submission", $"第{latest.Version}版正在审核中，审核结论出来之前不能再次提交。",
                    $"version {latest.Version} is pending review; it cannot be resubmitted before a decision.");
            }

            if (decision.Decision == SubmissionStatus.Approved)
            {
                throw new ReviewConflictException("submission", $"第{latest.Version}版已审核通过，不能再提交。",
                    $"version {latest.Version} was approved; an approved submission cannot be resubmitted.");
            }

            version = latest.Version + 1;
        }
        else
        {
            submission = new SubmissionRecord
            {
                Id = Guid.CreateVersion7(), Unit = unitCode, Title = evaluation.Title, Year = evaluation.Year,
                CreatedBy = submittedBy.KeyId, CreatedByName = submittedBy.Name, CreatedAt = now,
            };
            db.Submissions.Add(submission);
        }

        var row = new SubmissionVersionRecord
        {
            Id = Guid.CreateVersion7(), SubmissionId = submission.Id, Unit = unitCode, Version = version, EvaluationId = evaluationId,
            ReportVersion = report?.Version, Source = source, RiskLevel = ranked.Level, RiskScore = ranked.Score,
            RiskReasons = JsonSerializer.Serialize(ranked.Reasons, Json), SubmittedBy = submittedBy.KeyId, SubmittedByName = submittedBy.Name, CreatedAt = now,
        };
        db.SubmissionVersions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);

        await Tell(() => events.SubmittedAsync(new SubmissionReceived(submission.Id, row.Id, unitCode, submission.Title, version, source, now), cancellationToken));
        IReadOnlyDictionary<string, string> names = await units.NamesAsync([unitCode], cancellationToken);
        return Summary(submission, row, null, names);
    }

    /// <summary>Records 通过 or 退回 on the latest version of a submission the scope covers.</summary>
    public async Task<DecisionDto> DecideAsync(UnitScope scope, Guid submissionId, DecisionBody body, Actor reviewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(reviewer);
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        SubmissionRecord submission = await db.Submissions.AsNoTracking().WhereVisibleTo(scope).FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken)
            ?? throw new ReviewNotFoundException("submission", submissionId);

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(db, submissionId, cancellationToken);
        var (latest, decided) = await LatestAsync(db, submissionId, cancellationToken);
        if (decided is not null)
        {
            string zh = decided.Decision == SubmissionStatus.Approved ? "已通过" : "已退回";
            throw new ReviewConflictException("decision", $"第{latest.Version}版{zh}，不能再次审核；退回后须等单位重新提交。",
                $"version {latest.Version} was already {decided.Decision}; a version is decided once (after 退回, wait for the unit to resubmit).");
        }

        var (_, score, report) = await ContentAsync(submission.Unit, latest, cancellationToken);
        var (decision, comment, comments, scores) = DecisionInput.Check(body, score, ReportParagraphs.Of(report));
        var row = new ReviewDecisionRecord
        {
            Id = Guid.CreateVersion7(), SubmissionId = submissionId, VersionId = latest.Id, Version = latest.Version, Unit = submission.Unit,
            Decision = decision, Comment = comment, Comments = JsonSerializer.Serialize(comments, Json), Scores = JsonSerializer.Serialize(scores, Json),
            DecidedBy = reviewer.KeyId, DecidedByName = reviewer.Name, DecidedByUnit = reviewer.Unit, CreatedAt = Now(),
        };
        db.ReviewDecisions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);

        await Tell(() => events.DecidedAsync(new ReviewDecided(submissionId, row.Id, submission.Unit, submission.Title, row.Version, decision, reviewer.Name, row.CreatedAt), cancellationToken));
        return ToDto(row);
    }

    /// <summary>
    /// The queue: submissions of the units the scope covers (and <paramref name="unit"/>'s subtree when given; those a
    /// batch the scope sees opened, when <paramref name="batch"/> is given), pending first, riskiest first.
    /// </summary>
    public async Task<IReadOnlyList<SubmissionSummary>> ListAsync(
        UnitScope scope, string? status = null, string? unit = null, string? risk = null, int? year = null, int limit = 200, Guid? batch = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        string? wantStatus = status is null ? null : SubmissionStatus.Parse(status);
        string? wantRisk = risk is null ? null : SubmissionRisk.ParseLevel(risk);
        UnitScope visible = scope;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            UnitScope under = await units.ScopeAsync(unit.Trim(), ApiRoles.Reviewer, cancellationToken);
            visible = new UnitScope(scope.Unit, under.Codes.Where(scope.Covers), scope.Subtree);
            if (!scope.Covers(unit.Trim()))
            {
                return [];
            }
        }

        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        List<Guid>? ofBatch = null;
        if (batch is { } jobId)
        {
            string? uploader = await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => j.Unit).FirstOrDefaultAsync(cancellationToken);
            if (uploader is null || !Batches.BatchAccess.CanSee(scope, uploader))
            {
                return [];
            }

            var evaluations = (await db.BatchItems.AsNoTracking().Where(x => x.JobId == jobId).Select(x => x.EvaluationIds).ToListAsync(cancellationToken)).SelectMany(e => e).ToList();
            ofBatch = await db.SubmissionVersions.AsNoTracking().Where(v => v.Version == 1 && evaluations.Contains(v.EvaluationId)).Select(v => v.SubmissionId).ToListAsync(cancellationToken);
        }

        List<SubmissionRecord> subs = await db.Submissions.AsNoTracking().WhereVisibleTo(visible)
            .Where(s => year == null || s.Year == year)
            .Where(s => ofBatch == null || ofBatch.Contains(s.Id)).ToListAsync(cancellationToken);
        var ids = subs.Select(s => s.Id).ToList();
        var versions = (await db.SubmissionVersions.AsNoTracking().Where(v => ids.Contains(v.SubmissionId)).ToListAsync(cancellationToken))
            .GroupBy(v => v.SubmissionId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!);
        var latestIds = versions.Values.Select(v => v.Id).ToList();
        var decisions = await db.ReviewDecisions.AsNoTracking().Where(d => latestIds.Contains(d.VersionId)).ToDictionaryAsync(d => d.VersionId, cancellationToken);
        IReadOnlyDictionary<string, string> names = await units.NamesAsync(subs.Select(s => s.Unit), cancellationToken);
        return subs.Where(s => versions.ContainsKey(s.Id))
            .Select(s => Summary(s, versions[s.Id], decisions.GetValueOrDefault(versions[s.Id].Id), names))
            .Where(s => (wantStatus is null || s.Status == wantStatus) && (wantRisk is null || s.Risk.Level == wantRisk))
            .OrderBy(s => s.Status == SubmissionStatus.Pending ? 0 : 1)
            .ThenByDescending(s => s.Risk.Score)
            .ThenBy(s => s.SubmittedAt)
            .Take(Math.Clamp(limit, 1, MaxListLimit))
            .ToList();
    }

    /// <summary>One submission with every version and decision, showing <paramref name="version"/> (default: the latest).</summary>
    public async Task<SubmissionDetail?> GetAsync(UnitScope scope, Guid submissionId, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using AssistantDb db = await databases.CreateDbContextAsync(cancellationToken);
        SubmissionRecord? submission = await db.Submissions.AsNoTracking().WhereVisibleTo(scope).FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return null;
        }

        List<SubmissionVersionRecord> versions = await db.SubmissionVersions.AsNoTracking().Where(v => v.SubmissionId == submissionId).OrderBy(v => v.Version).ToListAsync(cancellationToken);
        List<ReviewDecisionRecord> decisions = await db.ReviewDecisions.AsNoTracking().Where(d => d.SubmissionId == submissionId).OrderBy(d => d.Version).ToListAsync(cancellationToken);
        SubmissionVersionRecord latest = versions[^1];
        SubmissionVersionRecord shown = version is null ? latest : versions.FirstOrDefault(v => v.Version == version)
            ?? throw new InputException("version", $"没有第{version}版。", $"there is no version {version}.");
        var (evaluation, score, report) = await ContentAsync(submission.Unit, shown, cancellationToken);
        using JsonDocument doc = JsonDocument.Parse(evaluation.Body);
        IReadOnlyDictionary<string, string> names = await units.NamesAsync([submission.Unit], cancellationToken);
        IReadOnlyList<ReportParagraph> paragraphs = ReportParagraphs.Of(report, EvaluationJson.Parse(evaluation.Body));
        return new SubmissionDetail(
            Summary(submission, latest, decisions.FirstOrDefault(d => d.VersionId == latest.Id), names),
            versions.Select(v => new SubmissionVersionDto(v.Id, v.Version, v.EvaluationId, v.ReportVersion, v.Source, Risk(v), v.SubmittedByName, v.CreatedAt)).ToList(),
            decisions.Select(ToDto).ToList(),
            shown.Version,
            doc.RootElement.Clone(),
            score,
            report,
            paragraphs) { Findings = ReviewFinding.Of(score, paragraphs, Risk(shown)) };
    }

    /// <summary>
    /// The latest version of every submission the scope covers, with its stored evaluation (for questions across units). A
    /// unit that submitted one table twice (two submissions of the same title and year) counts once, by its latest
    /// submission: its money is not summed twice nor its missing reasons listed twice.
    /// </summary>
    public async Task<IReadOnlyList<(SubmissionSummary Submission, StoredEvaluation Evaluation)>> LatestEvaluationsAsync(UnitScope scope, int? year, CancellationToken cancellationToken = default) =>
        (await CrossUnitEvaluationsAsync(scope, year, cancellationToken)).Tables;

    /// <summary>
    /// <see cref="LatestEvaluationsAsync"/> with the submissions left out of it (session 39): a unit that submitted one table twice is
    /// counted once, and the reviewer is told so (<see cref="DuplicateSubmission"/>), since the other submission may be the one meant.
    /// </summary>
    public async Task<CrossUnitTables> CrossUnitEvaluationsAsync(UnitScope scope, int? year, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SubmissionSummary> queue = await ListAsync(scope, year: year, limit: MaxListLimit, cancellationToken: cancellationToken);
        var result = new List<(SubmissionSummary, StoredEvaluation)>();
        var groups = queue.GroupBy(s => (s.Unit, Title: Domain.Numbers.TextNormalizer.Normalize(s.Title).Trim(), s.Year))
            .Select(g => g.OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id).ToList()).ToList();
        foreach (SubmissionSummary s in groups.Select(g => g[0]).OrderBy(s => s.Unit, StringComparer.Ordinal).ThenBy(s => s.Title, StringComparer.Ordinal))
        {
            if (await records.GetEvaluationAsync(s.Unit, s.EvaluationId, cancellationToken) is { } e)
            {
                result.Add((s, e));
            }
        }

        var duplicates = groups.Where(g => g.Count > 1).Select(g => new DuplicateSubmission(g[0].Unit, g[0].UnitName, g[0].Title, g[0].Year, g.Count, g[0].Id, g[0].SubmittedAt,
                g.Skip(1).Select(s => s.Id).ToList()))
            .OrderBy(d => d.Unit, StringComparer.Ordinal).ThenBy(d => d.Title, StringComparer.Ordinal).ToList();
        return new CrossUnitTables(result, duplicates);
    }

    /// <summary>A version's stored evaluation (read once), its score and its report.</summary>
    private async Task<(StoredEvaluation Evaluation, ScoreResponse Score, ReportDraft? Report)> ContentAsync(string unit, SubmissionVersionRecord v, CancellationToken cancellationToken)
    {
        StoredEvaluation evaluation = await records.GetEvaluationAsync(unit, v.EvaluationId, cancellationToken)
            ?? throw new InvalidOperationException($"evaluation {v.EvaluationId} of a submission is missing");
        ScoreResponse score = EvaluationService.Score(EvaluationJson.Parse(evaluation.Body), evaluation.Policy);
        ReportDraft? report = v.ReportVersion is { } rv ? (await reports.GetAsync(unit, v.EvaluationId, rv, cancellationToken))?.Report : null;
        return (evaluation, score, report);
    }

    private static async Task LockAsync(AssistantDb db, Guid submissionId, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM submissions WHERE id = {submissionId} FOR UPDATE").ToListAsync(cancellationToken);

    private static async Task<(SubmissionVersionRecord Latest, ReviewDecisionRecord? Decision)> LatestAsync(AssistantDb db, Guid submissionId, CancellationToken cancellationToken)
    {
        SubmissionVersionRecord latest = await db.SubmissionVersions.AsNoTracking().Where(v => v.SubmissionId == submissionId)
            .OrderByDescending(v => v.Version).FirstAsync(cancellationToken);
        ReviewDecisionRecord? decision = await db.ReviewDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.VersionId == latest.Id, cancellationToken);
        return (latest, decision);
    }

    private static SubmissionSummary Summary(SubmissionRecord s, SubmissionVersionRecord v, ReviewDecisionRecord? d, IReadOnlyDictionary<string, string> names) =>
        new(s.Id, s.Unit, names.GetValueOrDefault(s.Unit, s.Unit), s.Title, s.Year, d?.Decision ?? SubmissionStatus.Pending, v.Version, v.EvaluationId, v.ReportVersion,
            Risk(v), v.SubmittedByName, v.CreatedAt, d?.DecidedByName, d?.CreatedAt);

    private static RiskSummary Risk(SubmissionVersionRecord v) =>
        new(v.RiskLevel, v.RiskScore, JsonSerializer.Deserialize<List<string>>(v.RiskReasons, Json) ?? []);

    private static DecisionDto ToDto(ReviewDecisionRecord d) =>
        new(d.Id, d.Version, d.Decision, d.Comment,
            JsonSerializer.Deserialize<List<ReviewComment>>(d.Comments, Json) ?? [],
            JsonSerializer.Deserialize<List<ReviewScore>>(d.Scores, Json) ?? [],
            d.DecidedByName, d.DecidedByUnit, d.CreatedAt);

    private DateTimeOffset Now()
    {
        DateTimeOffset now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    private async Task Tell(Func<Task> tell)
    {
        try
        {
            await tell();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogEventFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A review event could not be delivered; the step itself is stored")]
    private static partial void LogEventFailed(ILogger logger, Exception exception);
}
