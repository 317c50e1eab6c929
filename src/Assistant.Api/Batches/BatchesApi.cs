using Assistant.Api.Infrastructure;
using Assistant.Features.Batches;
using Assistant.Features.Records;
using Assistant.Features.Evaluations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Batches;

/// <summary>
/// Batch checking: upload many submissions (files, or .zip files of them), then follow the job (<c>GET /api/v1/jobs/{id}</c>, in JobsApi) and read
/// the ranked risk queue, one submission's findings, or the whole as an .xlsx review sheet. A batch is
/// seen by callers whose scope covers the unit that uploaded it (<see cref="BatchAccess"/>).
/// </summary>
public static class BatchesApi
{
    public const long MaxUploadBytes = 256L * 1024 * 1024;
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapBatchesApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Batches").RequireAuthorization(ApiSecurity.Reader);

        api.MapPost("/batches", CreateAsync)
            .WithName("CreateBatch")
            .WithSummary("批量检查：上传多份自评表和报告（或一个 .zip）/ Check many submissions: upload files or a .zip")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .DisableAntiforgery()
            .ProducesValidationProblem();

        api.MapGet("/batches/{id:guid}/queue", QueueAsync)
            .WithName("BatchQueue")
            .WithSummary("按风险排序的审核队列（分页）/ The risk queue, ranked and paged");

        api.MapGet("/batches/{id:guid}/items/{itemId:guid}", ItemAsync)
            .WithName("BatchItem")
            .WithSummary("一份材料的全部问题 / One submission's findings");

        api.MapGet("/batches/{id:guid}/sheet.xlsx", SheetAsync)
            .WithName("BatchSheet")
            .WithSummary("审核表（队列和全部问题）/ The review sheet: the queue and every finding, as .xlsx");

        return api;
    }

    /// <summary>multipart/form-data: any number of <c>files</c> (.xlsx, .docx, text, .zip; a <c>units.csv</c> maps names to units), optional <c>name</c> and <c>policy</c>. 202 with the job.</summary>
    public static async Task<Accepted<JobStatus>> CreateAsync(HttpContext http, BatchService batches, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        if (!http.Request.HasFormContentType)
        {
            throw new InputException("files", "请用 multipart/form-data 上传文件（files 字段，可多个，或一个 .zip）", "upload the files as multipart/form-data (field files, several, or one .zip)");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUploadBytes, ValueCountLimit = 10_000 }, ct);
        }
        catch (InvalidDataException)
        {
            throw new InputException("files", "上传内容超出限制或格式不正确", "the upload exceeds the limits or is malformed");
        }

        var files = new List<BatchFile>();
        foreach (IFormFile file in form.Files)
        {
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            files.Add(new BatchFile(string.IsNullOrWhiteSpace(file.FileName) ? file.Name : file.FileName.Replace('\\', '/'), ms.ToArray()));
        }

        if (files.Count == 0)
        {
            throw new InputException("files", "没有上传文件", "no file was uploaded");
        }

        string name = form["name"].ToString() is { Length: > 0 } n ? (n.Length > 200 ? n[..200] : n) : $"批量检查 {DateTime.UtcNow:yyyy-MM-dd HH:mm}";
        string? policy = form["policy"].ToString() is { Length: > 0 } p ? p : null;
        IReadOnlyList<BatchDocument> documents = BatchUpload.Documents(files, caller.Unit, ct);
        JobStatus job = await batches.CreateAsync(caller.Unit, caller.KeyId, name, policy, documents, ct);
        return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job);
    }

    public static async Task<Results<Ok<QueuePage>, ValidationProblem, NotFoundProblem>> QueueAsync(HttpContext http, BatchService batches, Guid id, int? page, int? pageSize, CancellationToken ct)
    {
        if (page is < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return ApiResults.Invalid([new InputError("pageSize", $"page 从1开始，pageSize 应在1到{MaxPageSize}之间", $"page starts at 1; pageSize must be between 1 and {MaxPageSize}")]);
        }

        return await batches.QueueAsync(http.Caller().Scope, id, page ?? 1, pageSize ?? 50, ct) is { } queue ? TypedResults.Ok(queue) : ApiResults.NotFound("batch", id);
    }

    public static async Task<Results<Ok<BatchItemDetail>, NotFoundProblem>> ItemAsync(HttpContext http, BatchService batches, Guid id, Guid itemId, CancellationToken ct) =>
        await batches.ItemAsync(http.Caller().Scope, id, itemId, ct) is { } item ? TypedResults.Ok(item) : ApiResults.NotFound("batch item", itemId);

    public static async Task<Results<FileContentHttpResult, NotFoundProblem>> SheetAsync(HttpContext http, BatchService batches, Guid id, CancellationToken ct)
    {
        if (await batches.AllAsync(http.Caller().Scope, id, ct) is not { } all)
        {
            return ApiResults.NotFound("batch", id);
        }

        using var ms = new MemoryStream();
        BatchSheet.Write(ms, all.Job, all.Items);
        return TypedResults.File(ms.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"review-{id:N}.xlsx");
    }
}
