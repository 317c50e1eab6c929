using Assistant.Api.Infrastructure;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Reporting;

namespace Assistant.Api.Reporting;

/// <summary>The report as returned: the latest (or asked-for) version and the list of versions.</summary>
public sealed record ReportEnvelope(Guid EvaluationId, int Version, string Change, string? Part, string CreatedBy, DateTimeOffset CreatedAt, ReportDraft Report, IReadOnlyList<ReportVersionSummary> Versions);

/// <summary>Body of POST …/report: draft every part or one; with <c>text</c>, an edit of that part.</summary>
public sealed record ReportBody(string? Part = null, string? Text = null, string? Policy = null, string? Provider = null, int? SourcesPerItem = null);

/// <summary>Body of PUT …/report/parts/{part}.</summary>
public sealed record PartEditBody(string? Text = null);

/// <summary>
/// The whole report of a stored evaluation: draft it (all parts or one), edit a part (verified again, a
/// new version with who and when), read the latest version, export it as .docx with the scored table
/// attached, and the table alone as .xlsx. Scoped to the caller's unit like every record.
/// </summary>
public static class ReportApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapReportApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1/evaluations/{id:guid}").WithTags("Report");
        api.MapGet("/report", GetAsync).RequireAuthorization(ApiSecurity.Reader).WithName("GetEvaluationReport")
            .WithSummary("绩效自评报告的最新版本（或 ?version=N）/ The report's latest version").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/report", PostAsync).RequireAuthorization(ApiSecurity.Drafter).WithName("DraftEvaluationReport").Accepts<ReportBody>("application/json")
            .WithSummary("起草全文或某一部分（?async=true：后台任务，202）；带 text 时保存修改 / Draft all parts or one (?async=true: as a job, 202); with text, save an edit").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/report/parts/{part}", PutPartAsync).RequireAuthorization(ApiSecurity.Drafter).WithName("EditReportPart").Accepts<PartEditBody>("application/json")
            .WithSummary("保存某一部分的修改，重新核验 / Save an edited part, verified again").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/report.docx", DocxAsync).RequireAuthorization(ApiSecurity.Reader).WithName("ExportReportDocx")
            .WithSummary("导出Word（公文格式，附自评表）/ Export the report as Word").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/table.xlsx", XlsxAsync).RequireAuthorization(ApiSecurity.Reader).WithName("ExportTableXlsx")
            .WithSummary("导出自评表Excel（含公式和审核发现）/ Export the scored table as Excel").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<IResult> GetAsync(HttpContext http, RecordStore records, ReportStore reports, Guid id, int? version, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        if (await records.GetEvaluationAsync(caller.Scope, id, ct) is null)
        {
            return ApiResults.NotFound("evaluation", id);
        }

        ReportVersion? v = await reports.GetAsync(caller.Scope, id, version, ct);
        if (v is null)
        {
            return ApiResults.NotFound("report of evaluation", id);
        }

        return TypedResults.Ok(await EnvelopeAsync(reports, caller, v, ct));
    }

    public static async Task<IResult> PostAsync(HttpContext http, RecordStore records, ReportStore reports, ReportService service, Features.Jobs.JobService jobs,
        Features.Conversations.ConversationStore conversations, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        bool asJob = Jobs.JobsApi.WantsJob(http.Request);
        string text = await RequestBody.ReadTextAsync(http.Request, ct, allowEmpty: true);
        ReportBody body = RequestBody.ParseJson<ReportBody>(text) ?? new ReportBody();
        if (body.SourcesPerItem is < 0 or > 10)
        {
            throw new InputException("sourcesPerItem", "sourcesPerItem 应在0到10之间。", "sourcesPerItem must be between 0 and 10.");
        }

        string? part = body.Part is null ? null : ReportRequests.ParsePart(body.Part);
        StoredEvaluation? stored = await records.GetEvaluationAsync(caller.Unit, id, ct);
        if (stored is null)
        {
            return ApiResults.NotFound("evaluation", id);
        }

        ReportVersion? latest = await reports.GetAsync(caller.Unit, id, null, ct);
        if (body.Text is not null)
        {
            if (part is null)
            {
                throw new InputException("part", "保存修改时需要指明部分（part）。", "An edit needs the part it replaces.");
            }

            return await SaveEditAsync(http, reports, stored, latest, part, body.Text, ct);
        }

        if (asJob)
        {
            // Drafted by a worker and stored as the next version; follow it at the Location.
            EvaluationService.ResolvePolicy(body.Policy ?? stored.Policy);
            var input = new ReportJobInput(id, part, body.Policy, body.Provider, body.SourcesPerItem ?? 3, Who(caller));
            Features.Batches.JobStatus job = await jobs.CreateAsync(Features.Jobs.JobKinds.ReportDraft, caller.Unit, caller.KeyId,
                $"起草报告：{stored.Title}{(part is null ? string.Empty : "（" + part + "）")}", input, [], total: 1, ct: ct);
            return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job);
        }

        // Part 三 with the reasons and measures the unit gave in its conversations (one source with POST …/drafts and the job).
        Evaluation evaluation = await Features.Conversations.ChatEdits.TableForDraftingAsync(conversations, caller.Unit, stored, body.Policy, ct);
        var request = new ReportRequest(part, body.Policy ?? stored.Policy, body.Provider, body.SourcesPerItem ?? 3);
        ReportDraft draft = await service.DraftAsync(evaluation, request, part is null ? null : latest?.Report, ct);
        ReportVersion v = await reports.AddAsync(caller.Unit, caller.KeyId, Who(caller), id, "drafted", part, draft, ct);
        return TypedResults.Created($"/api/v1/evaluations/{id}/report?version={v.Version}", await EnvelopeAsync(reports, caller, v, ct));
    }

    public static async Task<IResult> PutPartAsync(HttpContext http, RecordStore records, ReportStore reports, Guid id, string part, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        string key = ReportRequests.ParsePart(part);
        string text = await RequestBody.ReadTextAsync(http.Request, ct);
        PartEditBody body = RequestBody.ParseJson<PartEditBody>(text) ?? new PartEditBody();
        StoredEvaluation? stored = await records.GetEvaluationAsync(caller.Unit, id, ct);
        if (stored is null)
        {
            return ApiResults.NotFound("evaluation", id);
        }

        ReportVersion? latest = await reports.GetAsync(caller.Unit, id, null, ct);
        return await SaveEditAsync(http, reports, stored, latest, key, body.Text, ct);
    }

    public static async Task<IResult> DocxAsync(HttpContext http, RecordStore records, ReportStore reports, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        StoredEvaluation? stored = await records.GetEvaluationAsync(caller.Scope, id, ct);
        if (stored is null)
        {
            return ApiResults.NotFound("evaluation", id);
        }

        ReportVersion? v = await reports.GetAsync(caller.Scope, id, null, ct);
        if (v is null)
        {
            return ApiResults.NotFound("report of evaluation", id);
        }

        Evaluation evaluation = EvaluationJson.Parse(stored.Body);
        ScoreReport score = Calculator.Score(evaluation, EvaluationService.ResolvePolicy(v.Report.Policy));
        var ms = new MemoryStream();
        ReportDocx.Write(ms, evaluation, score, v.Report);
        ms.Position = 0;
        return TypedResults.File(ms, DocxType, FileName(evaluation, "绩效自评报告", ".docx"));
    }

    public static async Task<IResult> XlsxAsync(HttpContext http, RecordStore records, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        StoredEvaluation? stored = await records.GetEvaluationAsync(caller.Scope, id, ct);
        if (stored is null)
        {
            return ApiResults.NotFound("evaluation", id);
        }

        Evaluation evaluation = EvaluationJson.Parse(stored.Body);
        var ms = new MemoryStream();
        TableXlsx.Write(ms, evaluation, Calculator.Score(evaluation, EvaluationService.ResolvePolicy(stored.Policy)));
        ms.Position = 0;
        return TypedResults.File(ms, XlsxType, FileName(evaluation, "绩效自评表", ".xlsx"));
    }

    private static async Task<IResult> SaveEditAsync(HttpContext http, ReportStore reports, StoredEvaluation stored, ReportVersion? latest, string part, string? text, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        if (latest is null)
        {
            throw new InputException("part", "请先起草报告，再修改其中的部分。", "Draft the report before editing a part of it.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InputException("text", "修改后的正文不能为空。", "The edited text must not be empty.");
        }

        if (text.Length > 50_000)
        {
            throw new InputException("text", "正文过长（最多50000字）。", "The text is too long (at most 50,000 characters).");
        }

        Evaluation evaluation = EvaluationJson.Parse(stored.Body);
        ReportPartDto edited = ReportService.Edit(evaluation, latest.Report.Policy, part, text, Who(caller), DateTimeOffset.UtcNow, latest.Report.Part(part));
        ReportVersion v = await reports.AddAsync(caller.Unit, caller.KeyId, Who(caller), stored.Id, "edited", part, latest.Report.With(edited), ct);
        return TypedResults.Created($"/api/v1/evaluations/{stored.Id}/report?version={v.Version}", await EnvelopeAsync(reports, caller, v, ct));
    }

    private static string Who(ApiCaller caller) => "ak_" + caller.Prefix;

    private static async Task<ReportEnvelope> EnvelopeAsync(ReportStore reports, ApiCaller caller, ReportVersion v, CancellationToken ct) =>
        new(v.EvaluationId, v.Version, v.Change, v.Part, v.CreatedBy, v.CreatedAt, v.Report, await reports.ListAsync(caller.Scope, v.EvaluationId, ct));

    private static string FileName(Evaluation e, string what, string ext)
    {
        string name = $"{e.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty}{e.Title.Trim()}{what}{ext}";
        return string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '"' or '\\' ? '_' : c));
    }
}
