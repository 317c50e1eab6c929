using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;
using Assistant.Features.Jobs;
using Assistant.Features.Records;

namespace Assistant.Features.Reporting;

/// <summary>What a report drafting job was asked (the body of <c>POST …/report</c>) and who asked.</summary>
public sealed record ReportJobInput(Guid EvaluationId, string? Part, string? Policy, string? Provider, int SourcesPerItem, string CreatedBy);

/// <summary>
/// Drafts a whole report (or one part) of a stored evaluation as a job, with the configured model, and
/// stores it as the evaluation's next report version. The version and the job's finish commit together
/// under the job row's lock, so a retried attempt drafts again but stores once.
/// </summary>
public sealed class ReportDraftJobHandler(RecordStore records, ReportStore reports, ReportService service, JobService jobs, Conversations.ConversationStore conversations) : IJobHandler
{
    public string Kind => JobKinds.ReportDraft;

    public bool RestartsProgress => false;

    public async Task RunAsync(JobRecord job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ReportJobInput input = JsonSerializer.Deserialize<ReportJobInput>(job.Input!, ScoreContract.JsonOptions)!;
        StoredEvaluation stored = await records.GetEvaluationAsync(job.Unit, input.EvaluationId, ct)
            ?? throw new InputException("evaluation", $"自评表 {input.EvaluationId} 已不存在，无法起草报告。", $"evaluation {input.EvaluationId} no longer exists; no report was drafted.");
        ReportVersion? latest = input.Part is null ? null : await reports.GetAsync(job.Unit, input.EvaluationId, null, ct);
        // Part 三 with the reasons and measures the unit gave in its conversations, as POST …/drafts drafts it.
        Evaluation evaluation = await Conversations.ChatEdits.TableForDraftingAsync(conversations, job.Unit, stored, input.Policy, ct);
        var request = new ReportRequest(input.Part, input.Policy ?? stored.Policy, input.Provider, input.SourcesPerItem);
        ReportDraft draft = await service.DraftAsync(evaluation, request, latest?.Report, ct);
        await reports.AddForJobAsync(jobs, job.Id, job.Unit, job.CreatedBy, input.CreatedBy, input.EvaluationId, input.Part, draft, ct);
    }
}
