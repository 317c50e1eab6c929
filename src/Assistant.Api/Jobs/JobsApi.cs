using Assistant.Api.Infrastructure;
using Assistant.Features.Batches;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Features.Jobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Jobs;

/// <summary>
/// Background jobs of every kind (batch checks, imports, corpus ingestion, report drafting): their state
/// and progress, their files' outcomes, and an import of many 自评表 files as one job. A job is seen by a
/// caller whose scope covers the unit that started it (404 otherwise, as for a job that does not exist).
/// </summary>
public static class JobsApi
{
    public const long MaxUploadBytes = 256L * 1024 * 1024;
    public const int MaxFiles = 10_000;
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Jobs").RequireAuthorization(ApiSecurity.Reader);

        api.MapGet("/jobs/{id:guid}", JobAsync)
            .WithName("GetJob")
            .WithSummary("后台任务的状态和进度 / A background job's state and progress")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/jobs/{id:guid}/files", FilesAsync)
            .WithName("GetJobFiles")
            .WithSummary("任务中每个文件的结果（分页）/ Each file's outcome, paged")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/imports", ImportAsync)
            .RequireAuthorization(ApiSecurity.Drafter)
            .WithName("ImportMany")
            .WithSummary("批量导入自评表（多个 .xlsx/.docx/文本文件，后台任务）/ Import many self-evaluation tables as one background job")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .DisableAntiforgery()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }

    public static async Task<Results<Ok<JobStatus>, NotFoundProblem>> JobAsync(HttpContext http, JobService jobs, Guid id, CancellationToken ct) =>
        await jobs.StatusAsync(http.Caller().Scope, id, ct) is { } job ? TypedResults.Ok(job) : ApiResults.NotFound("job", id);

    public static async Task<Results<Ok<IReadOnlyList<JobFileView>>, ValidationProblem, NotFoundProblem>> FilesAsync(HttpContext http, JobService jobs, Guid id, int? page, int? pageSize, CancellationToken ct)
    {
        if (page is < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return ApiResults.Invalid([new InputError("pageSize", $"page 从1开始，pageSize 应在1到{MaxPageSize}之间", $"page starts at 1; pageSize must be between 1 and {MaxPageSize}")]);
        }

        return await jobs.FilesAsync(http.Caller().Scope, id, page ?? 1, pageSize ?? 100, ct) is { } files ? TypedResults.Ok(files) : ApiResults.NotFound("job", id);
    }

    /// <summary>
    /// multipart/form-data: any number of <c>files</c> (or <c>file</c>) parts (.xlsx, .docx, .txt/.md), optional
    /// <c>name</c> and <c>policy</c>. Each readable table becomes an evaluation of the caller's unit (a drafter's or
    /// admin's key, as for <c>POST /evaluations</c>). 202 with the
    /// job and its Location; each file's outcome at <c>GET /api/v1/jobs/{id}/files</c>.
    /// </summary>
    public static async Task<Accepted<JobStatus>> ImportAsync(HttpContext http, JobService jobs, CancellationToken ct)
    {
        Features.Records.ApiCaller caller = http.Caller();
        if (!http.Request.HasFormContentType)
        {
            throw new InputException("files", "请用 multipart/form-data 上传文件（files 字段，可多个）", "upload the files as multipart/form-data (field files, several)");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUploadBytes, ValueCountLimit = MaxFiles + 100 }, ct);
        }
        catch (InvalidDataException)
        {
            throw new InputException("files", "上传内容超出限制或格式不正确", "the upload exceeds the limits or is malformed");
        }

        if (form.Files.Count > MaxFiles)
        {
            throw new InputException("files", $"一次最多上传 {MaxFiles} 个文件", $"at most {MaxFiles} files an upload");
        }

        var files = new List<JobUpload>();
        foreach (IFormFile file in form.Files)
        {
            string fileName = string.IsNullOrWhiteSpace(file.FileName) ? $"file{files.Count + 1}" : Path.GetFileName(file.FileName.Replace('\\', '/'));
            if (file.Length > DocumentImporter.MaxBytes)
            {
                throw new InputException("files", $"文件“{fileName}”超过 {DocumentImporter.MaxBytes / 1024 / 1024} MB", $"file \"{fileName}\" is larger than {DocumentImporter.MaxBytes / 1024 / 1024} MB");
            }

            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            files.Add(new JobUpload(fileName, ms.ToArray()));
        }

        if (files.Count == 0)
        {
            throw new InputException("files", "没有上传文件", "no file was uploaded");
        }

        string? policy = form["policy"].ToString() is { Length: > 0 } p ? p : null;
        EvaluationService.ResolvePolicy(policy);
        string name = form["name"].ToString() is { Length: > 0 } n ? n : $"批量导入 {DateTime.UtcNow:yyyy-MM-dd HH:mm}";
        JobStatus job = await jobs.CreateAsync(JobKinds.Import, caller.Unit, caller.KeyId, name, new ImportJobInput(policy), files, ct: ct);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job);
    }

    /// <summary>True when the caller asked for the work as a job (<c>?async=true</c>, or <c>Prefer: respond-async</c>).</summary>
    public static bool WantsJob(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? value = request.Query["async"].ToString();
        if (value is { Length: > 0 })
        {
            return value.ToLowerInvariant() switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                _ => throw new InputException("async", "async 只能是 true 或 false。", "async must be true or false."),
            };
        }

        return request.Headers.TryGetValue("Prefer", out var prefer) && prefer.ToString().Contains("respond-async", StringComparison.OrdinalIgnoreCase);
    }
}
