using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Api.Infrastructure;
using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;

namespace Assistant.Api.Importing;

/// <summary>
/// Documents as staff have them: <c>POST /evaluations/import</c> reads an .xlsx, a .docx or copied
/// text into evaluations with provenance and warnings (and their scores) and stores nothing;
/// <c>POST /verify/report</c> checks a report against every table it carries.
/// </summary>
public static class ImportApi
{
    public static RouteGroupBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Importing").RequireAuthorization(ApiSecurity.Reader);

        api.MapPost("/evaluations/import", ImportAsync)
            .WithName("ImportEvaluations")
            .WithSummary("把 Excel、Word 或复制的文字读成自评表（不保存）/ Read a document into evaluations, with provenance and warnings; stores nothing")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/verify/report", VerifyReportAsync)
            .WithName("VerifyReport")
            .WithSummary("用报告自带的全部附表核对报告文字 / Verify a report against every table it carries")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return api;
    }

    /// <summary>How much of the document's text an import answer carries back (a 15 MB report is not echoed whole).</summary>
    public const int MaxEchoedText = 200_000;

    /// <summary>multipart/form-data (<c>file</c>, or <c>text</c> for pasted text), or the file as the body with <c>?fileName=</c>.</summary>
    public static async Task<IResult> ImportAsync(HttpRequest request, string? fileName, string? policy, CancellationToken ct)
    {
        (string name, byte[] content) = await ReadDocumentAsync(request, fileName, ct);
        ImportResult result = DocumentImporter.Import(name, content, ct);
        var tables = new JsonArray();
        foreach (ImportedTable t in result.Tables)
        {
            JsonObject o = ImportContract.ToJson(t);
            try
            {
                ScoreResponse score = EvaluationService.Score(ImportContract.ToEvaluation(t), t, policy);
                o["score"] = JsonSerializer.SerializeToNode(score, ScoreContract.JsonOptions);
            }
            catch (InputException e) when (e is not UnreadableDocumentException)
            {
                o["problems"] = new JsonArray(e.Errors.Select(x => (JsonNode)new JsonObject { ["field"] = x.Field, ["zh"] = x.Zh, ["en"] = x.En }).ToArray());
            }

            tables.Add(o);
        }

        var body = new JsonObject
        {
            ["fileName"] = result.FileName,
            ["format"] = result.Format,
            ["count"] = result.Tables.Count,
            ["tables"] = tables,
            ["text"] = result.Text.Length > MaxEchoedText ? result.Text[..MaxEchoedText] : result.Text,
        };
        if (result.Text.Length > MaxEchoedText)
        {
            // A long report around the table: its beginning only (the tables are read from all of it); /verify/report checks the whole text.
            body["textTruncated"] = true;
            body["textLength"] = result.Text.Length;
        }

        if (result.Tables.Count > 1)
        {
            string list = string.Join("；", result.Tables.Select((t, k) => $"{k + 1}. {t.Title}（{t.Source}）"));
            body["notice"] = new JsonObject
            {
                ["zh"] = $"文件中有{result.Tables.Count}张各自独立的自评表：{list}。请选择要使用的一张（保存或评分时用 table=N）。",
                ["en"] = $"the file holds {result.Tables.Count} separate tables: {list}. Choose the one to use (table=N when storing or scoring).",
            };
        }
        return Results.Text(body.ToJsonString(ScoreContract.JsonOptions), "application/json; charset=utf-8");
    }

    /// <summary>A report (.docx or text) with its 附表: every number and claim of its text, checked against every table in it.</summary>
    public static async Task<IResult> VerifyReportAsync(HttpRequest request, string? fileName, string? policy, CancellationToken ct)
    {
        (string name, byte[] content) = await ReadDocumentAsync(request, fileName, ct);
        if (Path.GetExtension(name).ToLowerInvariant() is ".xlsx" or ".xlsm" or ".csv" or ".xls")
        {
            // A workbook holds the table only: there is no report text to check (session 40: it answered 200 with one mention, 2024年度).
            throw new UnreadableDocumentException(
                "电子表格文件（.xlsx/.csv）只有自评表，没有报告正文可核对：请上传自评报告（.docx 或文字，附表可在其中）；只导入表格请用 POST /evaluations/import。",
                "a spreadsheet holds the table only, with no report text to verify: upload the report (.docx or text, its tables may be inside it); to import the table alone use POST /evaluations/import.");
        }

        TableSource source = TableInput.Load(name, content, null, ct);
        VerificationResponse verification = ReportVerification.Verify(source.Evaluations, source.Text ?? string.Empty, policy);
        return TypedResults.Ok(new ReportVerificationResponse(source.Titles, verification));
    }

    /// <summary>
    /// The body of <c>POST /evaluations</c>: JSON as before, or a document (multipart or raw with
    /// <c>?fileName=</c>) whose table <paramref name="table"/> (or only table) becomes the evaluation.
    /// </summary>
    public static async Task<string> EvaluationJsonAsync(HttpRequest request, string? fileName, int? table, CancellationToken ct)
    {
        bool document = RequestBody.IsForm(request, fileName) || (fileName is not null && !fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
        if (!document || (fileName is null && await RequestBody.IsJsonSentAsFormAsync(request, ct)))
        {
            // JSON, also when curl sent it without a Content-Type (as application/x-www-form-urlencoded).
            return await RequestBody.ReadTextAsync(request, ct);
        }

        (string name, byte[] content) = await ReadDocumentAsync(request, fileName, ct);
        if (TableInput.IsJson(name, content))
        {
            return Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        }

        ImportResult result = DocumentImporter.Import(name, content, ct);
        return ImportContract.ToJson(ImportContract.Pick(result, table), withProvenance: false).ToJsonString();
    }

    private static async Task<(string Name, byte[] Content)> ReadDocumentAsync(HttpRequest request, string? fileName, CancellationToken ct)
    {
        int limit = DocumentImporter.MaxBytes;
        if (request.ContentLength > limit + (64 * 1024))
        {
            throw TooLarge(limit);
        }

        if (RequestBody.IsForm(request, fileName))
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException) when (RequestBody.IsUrlEncoded(request))
            {
                // A file or JSON sent by curl --data-binary without a Content-Type: not a form at all.
                throw new InputException("Content-Type", UrlEncodedZh, UrlEncodedEn);
            }

            if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is { } file)
            {
                if (file.Length > limit)
                {
                    throw TooLarge(limit);
                }

                using var ms = new MemoryStream();
                await file.CopyToAsync(ms, ct);
                return (file.FileName, ms.ToArray());
            }

            if (form.TryGetValue("text", out var pasted) && pasted.ToString().Length > 0)
            {
                return (fileName ?? "pasted.txt", Encoding.UTF8.GetBytes(pasted.ToString()));
            }

            if (RequestBody.IsUrlEncoded(request))
            {
                throw new InputException("Content-Type", UrlEncodedZh, UrlEncodedEn);
            }

            throw new UnreadableDocumentException("请在表单的 file 字段上传文件，或在 text 字段粘贴表格文字。", "upload the document in the form's 'file' field, or paste the table's text in 'text'.");
        }

        byte[] body;
        try
        {
            body = await RequestBody.ReadBytesAsync(request, limit, ct);
        }
        catch (InputException)
        {
            throw TooLarge(limit);
        }

        if (body.Length == 0 && string.IsNullOrWhiteSpace(fileName))
        {
            // No body and no file name is a missing file, not an empty one (session 40).
            throw new UnreadableDocumentException("请求中没有文件：请用 multipart/form-data 的 file 字段上传文件，或在 text 字段粘贴表格文字，或把文件作为请求体并在地址中加 ?fileName=文件名。",
                "the request carries no file: upload it in the multipart/form-data field 'file', paste the text in 'text', or send the file as the body with ?fileName=name.");
        }

        return (string.IsNullOrWhiteSpace(fileName) ? "document.txt" : fileName, BodyCharset.DocumentText(request, body));
    }

    /// <summary>A url-encoded body with no <c>text</c> field: most often a file sent by curl without a Content-Type.</summary>
    internal const string UrlEncodedZh = "请求体的 Content-Type 是 application/x-www-form-urlencoded（curl -d / --data-binary 未指定 Content-Type 时的默认值），但其中没有 text 字段。"
        + "发送自评表JSON请加 -H 'Content-Type: application/json'；上传文件请用 multipart/form-data（curl -F file=@文件名），或在地址中加 ?fileName=文件名 直接发送文件。";

    internal const string UrlEncodedEn = "the body is declared application/x-www-form-urlencoded (curl's default for -d / --data-binary without a Content-Type) but has no 'text' field. "
        + "Send an evaluation's JSON with -H 'Content-Type: application/json'; upload a file as multipart/form-data (curl -F file=@name), or send it as the body with ?fileName=name.";

    private static UnreadableDocumentException TooLarge(int limit) =>
        new($"文件超过 {limit / 1024 / 1024} MB。", $"the file is larger than {limit / 1024 / 1024} MB.");
}

/// <summary>A report checked against its own tables.</summary>
public sealed record ReportVerificationResponse(IReadOnlyList<string> Tables, VerificationResponse Verification);
