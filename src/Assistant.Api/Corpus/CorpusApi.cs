using Assistant.Api.Infrastructure;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Evaluations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Corpus;

/// <summary>Past reports: upload, read back, search.</summary>
public static class CorpusApi
{
    /// <summary>How long one upload may take to read, parse, embed and store.</summary>
    public static readonly TimeSpan UploadBudget = TimeSpan.FromSeconds(60);

    public static RouteGroupBuilder MapCorpusApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1/corpus").WithTags("Corpus").RequireAuthorization(ApiSecurity.Reader);

        api.MapPost("/reports", UploadAsync)
            .RequireAuthorization(ApiSecurity.Drafter)
            .WithName("UploadReport")
            .WithSummary("上传往年绩效自评报告（文本、Markdown 或 .docx）/ Upload a past report (text, Markdown or .docx)")
            .DisableAntiforgery()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapCorpusBulkApi();

        api.MapGet("/reports", ListAsync)
            .WithName("ListReports")
            .WithSummary("已入库的报告 / Stored reports");

        api.MapGet("/reports/{id:guid}", GetAsync)
            .WithName("GetReport")
            .WithSummary("一份报告的结构、指标陈述与段落 / A report's sections, indicator statements and passages");

        api.MapGet("/search", SearchAsync)
            .WithName("SearchCorpus")
            .WithSummary("混合检索（向量 + 中文词法）/ Hybrid search (vector + Chinese lexical)")
            .ProducesValidationProblem();

        return api;
    }

    /// <summary>
    /// multipart/form-data with a <c>file</c> part (and optional <c>region</c>, <c>year</c>, <c>fund</c>,
    /// <c>title</c>, <c>scope</c> fields), or the file itself as the body with <c>?fileName=</c>. 201 when stored,
    /// 200 when the same document was already stored, 422 when the file is not a readable report.
    /// <c>scope=unit</c> (the default) keeps the report to the caller's unit; <c>scope=shared</c>
    /// publishes it to every unit and needs an admin key.
    /// </summary>
    public static async Task<Results<Created<IngestResult>, Ok<IngestResult>, ProblemHttpResult>> UploadAsync(HttpRequest request, CorpusStore store, string? fileName, string? region, int? year, string? fund, string? title, string? scope, CancellationToken ct)
    {
        Features.Records.ApiCaller caller = request.HttpContext.Caller();
        byte[] content;
        string name;
        if (RequestBody.IsForm(request, fileName))
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new InputException("file", "请在表单的 file 字段中上传报告文件。", "Upload the report in the form's 'file' field.");
            if (file.Length > DocumentText.MaxBytes)
            {
                throw new InputException("file", "文件超过 20 MB。", "The file is larger than 20 MB.");
            }

            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            content = ms.ToArray();
            name = file.FileName;
            region ??= Field(form, "region");
            fund ??= Field(form, "fund");
            title ??= Field(form, "title");
            scope ??= Field(form, "scope");
            if (year is null && Field(form, "year") is { } y)
            {
                year = int.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new InputException("year", "年度应为四位数字。", "year must be a four-digit number.");
            }
        }
        else
        {
            content = BodyCharset.DocumentText(request, await RequestBody.ReadBytesAsync(request, DocumentText.MaxBytes, ct));
            name = string.IsNullOrWhiteSpace(fileName) ? "report.txt" : fileName;
        }

        if (year is < 1990 or > 2100)
        {
            throw new InputException("year", "年度必须在 1990 到 2100 之间。", "year must be between 1990 and 2100.");
        }

        string requested = scope?.Trim().ToLowerInvariant() ?? CorpusAudience.Unit;
        if (requested is not (CorpusAudience.Unit or CorpusAudience.Shared))
        {
            throw new InputException("scope", "scope 只能是 unit（本单位，默认）或 shared（发布给所有单位，需管理员密钥）。", "scope must be unit (this unit's own, the default) or shared (published to every unit; needs an admin key).");
        }

        if (requested == CorpusAudience.Shared && caller.Role != Features.Records.ApiRoles.Admin)
        {
            return TypedResults.Problem(
                title: "密钥无此权限 / The key's role does not allow this",
                detail: "只有管理员（admin）密钥可以发布共享报告；不带 scope 上传的报告只有本单位可见。 / Only an admin key may publish a shared report; without scope an upload is seen by this unit only.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        string? owner = requested == CorpusAudience.Shared ? null : caller.Unit;
        // A time budget: past it the work stops (nothing is stored) and the answer is a 503 with Retry-After.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(UploadBudget);
        var result = await store.IngestAsync(name, content, new ReportHints(title, region, year, fund), "upload", budget.Token, owner);
        return result.Status switch
        {
            IngestResult.Ingested => (Results<Created<IngestResult>, Ok<IngestResult>, ProblemHttpResult>)TypedResults.Created($"/api/v1/corpus/reports/{result.DocumentId}", result),
            IngestResult.Duplicate => TypedResults.Ok(result),
            _ => (Results<Created<IngestResult>, Ok<IngestResult>, ProblemHttpResult>)TypedResults.Problem(
                title: "无法读取报告 / The report could not be read",
                detail: result.Error,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [result.Error ?? string.Empty] } }),
        };
    }

    public static async Task<Ok<IReadOnlyList<ReportListItem>>> ListAsync(CorpusStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(ct));

    public static async Task<Results<Ok<ReportView>, NotFoundProblem>> GetAsync(Guid id, CorpusStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } report
            ? TypedResults.Ok(report)
            : ApiResults.NotFound("corpus report", id);

    public static async Task<Ok<SearchResponse>> SearchAsync(
        CorpusSearch search, string? q, int? top, string? section, string? fund, string? region, int? year, string? mode, CancellationToken ct) =>
        TypedResults.Ok(await search.SearchAsync(SearchRequest.FromText(q, top, section, fund, region, year, mode), ct));

    private static string? Field(IFormCollection form, string key) =>
        form.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
}
