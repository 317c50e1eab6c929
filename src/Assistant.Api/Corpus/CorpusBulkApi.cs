using Assistant.Api.Infrastructure;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Batches;
using Assistant.Features.Evaluations;
using Assistant.Features.Jobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Assistant.Api.Corpus;

/// <summary><c>POST /api/v1/corpus/reports/bulk</c>: many past reports in one request, through the bulk loader.</summary>
public static class CorpusBulkApi
{
    /// <summary>A bulk request may carry up to 256 MB of files (a single upload: 20 MB).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Files one request may carry.</summary>
    public const int MaxFiles = 50_000;

    public static RouteGroupBuilder MapCorpusBulkApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/reports/bulk", BulkAsync)
            .RequireAuthorization(ApiSecurity.Drafter)
            .WithName("UploadReportsBulk")
            .WithSummary("批量上传往年报告（multipart，多个 file 部分；全部可读才入库）/ Upload many past reports at once (multipart, several file parts; stored only if every one is readable)")
            .DisableAntiforgery()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    /// <summary>
    /// multipart/form-data: any number of file parts, and optional <c>scope</c> (unit, the default, or
    /// shared with an admin key), <c>region</c>, <c>year</c>, <c>fund</c>, <c>source</c> and
    /// <c>indexes</c> (auto, the default; rebuild: drop the search indexes and rebuild them after the
    /// load; keep). The upload is one transaction, written batch by batch as the files are parsed: if any
    /// is not a readable report (or the database refuses one) everything is rolled back and the answer is
    /// 422 naming each one; nothing is stored. Otherwise 200 with the same summary as
    /// <c>assistant ingest</c> (already stored documents count as duplicates), whose <c>building</c> names the graphs a
    /// large load left to be built in the background (<c>graphs</c>: background, the default, or now: built before the answer).
    /// With <c>?async=true</c> (or <c>Prefer: respond-async</c>) the files are stored with a job and the
    /// answer is 202 with the job and its Location; the job does the same all-or-nothing load (a file that
    /// cannot be read fails the job, naming it, and nothing is stored).
    /// </summary>
    public static async Task<Results<Ok<IngestSummary>, Accepted<JobStatus>, ProblemHttpResult>> BulkAsync(HttpRequest request, CorpusBulkLoader loader, JobService jobs, CancellationToken ct)
    {
        Features.Records.ApiCaller caller = request.HttpContext.Caller();
        bool asJob = Jobs.JobsApi.WantsJob(request);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBytes;
        }

        string? boundary = request.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var media) && media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(media.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new InputException("file", "请以 multipart/form-data 上传，每个报告一个 file 部分。", "Send multipart/form-data with one file part per report.");
        }

        var files = new List<(string Name, byte[] Content)>();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = MaxBytes };
        long total = 0;
        try
        {
            for (MultipartSection? section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                using var ms = new MemoryStream();
                await section.Body.CopyToAsync(ms, ct);
                total += ms.Length;
                if (total > MaxBytes || ms.Length > DocumentText.MaxBytes)
                {
                    throw new InputException("file", $"文件过大（单个不超过 {DocumentText.MaxBytes / 1024 / 1024} MB，合计不超过 {MaxBytes / 1024 / 1024} MB）。", $"Too large (at most {DocumentText.MaxBytes / 1024 / 1024} MB a file, {MaxBytes / 1024 / 1024} MB in all).");
                }

                if (disposition.IsFileDisposition())
                {
                    string name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? $"file{files.Count + 1}";
                    files.Add((string.IsNullOrWhiteSpace(name) ? $"file{files.Count + 1}" : name, ms.ToArray()));
                    if (files.Count > MaxFiles)
                    {
                        throw new InputException("file", $"一次最多上传 {MaxFiles} 个文件。", $"At most {MaxFiles} files a request.");
                    }
                }
                else if (disposition.Name.Value is { Length: > 0 } key)
                {
                    fields[HeaderUtilities.RemoveQuotes(key).Value!] = System.Text.Encoding.UTF8.GetString(ms.ToArray()).Trim();
                }
            }
        }
        catch (BadHttpRequestException)
        {
            throw new InputException("file", $"请求体不是有效的 multipart 表单，或超过 {MaxBytes / 1024 / 1024} MB。", $"The body is not a valid multipart form, or is larger than {MaxBytes / 1024 / 1024} MB.");
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            throw new InputException("file", "请求体不是有效的 multipart 表单。", "The body is not a valid multipart form.");
        }

        if (files.Count == 0)
        {
            throw new InputException("file", "请在表单中上传至少一个报告文件。", "Upload at least one report file in the form.");
        }

        int? year = null;
        if (Field(fields, "year") is { } y)
        {
            year = int.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1990 and <= 2100
                ? parsed
                : throw new InputException("year", "年度必须是 1990 到 2100 之间的四位数字。", "year must be a four-digit year between 1990 and 2100.");
        }

        string requested = Field(fields, "scope")?.ToLowerInvariant() ?? CorpusAudience.Unit;
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

        BulkIndexes indexes = Field(fields, "indexes")?.ToLowerInvariant() switch
        {
            null or "auto" => BulkIndexes.Auto,
            "rebuild" => BulkIndexes.Rebuild,
            "keep" => BulkIndexes.Keep,
            _ => throw new InputException("indexes", "indexes 只能是 auto（默认）、rebuild 或 keep。", "indexes must be auto (the default), rebuild or keep."),
        };

        BulkGraphs graphs = Field(fields, "graphs")?.ToLowerInvariant() switch
        {
            null or "background" => BulkGraphs.Background,
            "now" => BulkGraphs.Now,
            _ => throw new InputException("graphs", "graphs 只能是 background（默认）或 now。", "graphs must be background (the default) or now."),
        };

        string source = Field(fields, "source") is { Length: > 0 and <= 40 } s ? Features.Storage.StorableText.Clean(s) : "upload";
        string? owner = requested == CorpusAudience.Shared ? null : caller.Unit;
        if (asJob)
        {
            // Stored with the job first: a worker on any machine reads the files from the database.
            var input = new CorpusJobInput(Field(fields, "title"), Field(fields, "region"), year, Field(fields, "fund"), source, owner, indexes);
            string name = Field(fields, "name") ?? $"报告入库 {files.Count} 份 {DateTime.UtcNow:yyyy-MM-dd HH:mm}";
            JobStatus job = await jobs.CreateAsync(JobKinds.CorpusIngest, caller.Unit, caller.KeyId, name, input, [.. files.Select(f => new JobUpload(f.Name, f.Content))], ct: ct);
            return TypedResults.Accepted($"/api/v1/jobs/{job.Id}", job);
        }

        var options = new BulkOptions
        {
            Hints = new ReportHints(Field(fields, "title"), Field(fields, "region"), year, Field(fields, "fund")),
            Source = source,
            Owner = owner,
            Indexes = indexes,
            Graphs = graphs,
            AllOrNothing = true,
            OneTransaction = true,
        };
        var inputs = files.Select(f => new BulkInput(f.Name, c => DocumentText.Read(f.Name, f.Content, c))).ToList();
        BulkLoadReport report = await loader.LoadAsync(inputs, options, ct);
        if (!report.Written)
        {
            var failed = report.Summary.Files;
            return TypedResults.Problem(
                title: "有报告无法读取，未入库任何报告 / Some reports could not be read; none was stored",
                detail: string.Join("\n", failed.Select(f => $"{f.FileName}: {f.Error}")),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = failed.GroupBy(f => f.FileName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(f => f.Error ?? string.Empty).ToArray(), StringComparer.Ordinal),
                });
        }

        return TypedResults.Ok(report.Summary);
    }

    private static string? Field(Dictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}
