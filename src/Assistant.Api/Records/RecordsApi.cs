using System.Text.Json;
using Assistant.Api.Infrastructure;
using Assistant.Domain.Evaluations;
using Assistant.Features.Drafting;
using Assistant.Features.Orchestration;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;

namespace Assistant.Api.Records;

/// <summary>A stored evaluation as returned: the table as posted, its score, and its drafts.</summary>
public sealed record EvaluationEnvelope(Guid Id, DateTimeOffset CreatedAt, string Policy, JsonElement Evaluation, ScoreResponse Score, IReadOnlyList<DraftSummary> Drafts);

/// <summary>A stored draft as returned.</summary>
public sealed record DraftEnvelope(Guid Id, Guid EvaluationId, string Section, int Version, DateTimeOffset CreatedAt, DraftResult Draft);

/// <summary>
/// The OA-facing API: store an evaluation, read it back, draft section 三 for it (a new version each
/// time), read a draft. Everything is scoped to the caller's unit; another unit's rows are 404.
/// POSTs honour <c>Idempotency-Key</c>: a retry returns what the first request stored.
/// </summary>
public static class RecordsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static RouteGroupBuilder MapRecordsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Evaluations and drafts");

        api.MapPost("/evaluations", AddEvaluationAsync)
            .RequireAuthorization(ApiSecurity.Drafter)
            .WithName("StoreEvaluation")
            .WithSummary("保存自评表并计算得分 / Store an evaluation and score it")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/evaluations", ListEvaluationsAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("ListEvaluations")
            .WithSummary("本单位保存的自评表 / The unit's stored evaluations");

        api.MapGet("/evaluations/{id:guid}", GetEvaluationAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("GetEvaluation")
            .WithSummary("一张自评表、得分及其草稿 / An evaluation, its score and drafts")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/evaluations/{id:guid}/drafts", AddDraftAsync)
            .RequireAuthorization(ApiSecurity.Drafter)
            .WithName("DraftSection")
            .WithSummary("起草第三部分（偏离原因、改进措施），数字逐一核验 / Draft section 三, every number verified")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/evaluations/{id:guid}/drafts", ListDraftsAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("ListDrafts")
            .WithSummary("一张自评表的全部草稿版本 / Every draft version of an evaluation")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/drafts/{id:guid}", GetDraftAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("GetDraft")
            .WithSummary("一份草稿 / A draft")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    /// <summary>Body: <c>assistant.evaluation/v1</c>, or a document (.xlsx/.docx/text; multipart or raw with <c>?fileName=</c>; <c>?table=N</c> when it has several tables). 201 with the id and score; a retry with the same Idempotency-Key gets the same id.</summary>
    public static async Task<IResult> AddEvaluationAsync(HttpContext http, RecordStore records, string? policy, string? fileName, int? table, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        string? key = IdempotencyKey(http);
        string body = await Importing.ImportApi.EvaluationJsonAsync(http.Request, fileName, table, ct);
        Evaluation evaluation = Validation.Check(Validation.Evaluation, EvaluationJson.Parse(body));
        string policyName = EvaluationService.ResolvePolicy(policy).Name;
        ScoreResponse score = EvaluationService.Score(evaluation, policyName);
        var (stored, outcome) = await records.AddEvaluationAsync(caller.Unit, caller.KeyId, EvaluationJson.Canonical(body), evaluation, policyName, score, key, ct);
        Replayed(http, outcome);
        return TypedResults.Created($"/api/v1/evaluations/{stored.Id}", await EnvelopeAsync(records, caller, stored, ct, outcome == Idempotency.Created ? score : null));
    }

    public static async Task<IResult> ListEvaluationsAsync(HttpContext http, RecordStore records, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 500)
        {
            throw new InputException("limit", "limit 应在1到500之间。", "limit must be between 1 and 500.");
        }

        return TypedResults.Ok(await records.ListEvaluationsAsync(http.Caller().Unit, limit ?? 100, ct));
    }

    public static async Task<IResult> GetEvaluationAsync(HttpContext http, RecordStore records, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        StoredEvaluation stored = await records.GetEvaluationAsync(caller.Unit, id, ct) ?? throw NotFound("evaluation", id);
        return TypedResults.Ok(await EnvelopeAsync(records, caller, stored, ct));
    }

    /// <summary>
    /// Body (optional): <c>{ "section": "deviation", "policy": "…", "provider": "default|offline|model", "sourcesPerItem": 3 }</c>.
    /// The draft is stored before it is returned (201); each call adds a version.
    /// </summary>
    public static async Task<IResult> AddDraftAsync(HttpContext http, RecordStore records, DraftingService drafting, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        string? key = IdempotencyKey(http);
        string text = await RequestBody.ReadTextAsync(http.Request, ct, allowEmpty: true);
        DraftBody body = Validation.Check(Validation.DraftBody, RequestBody.ParseJson<DraftBody>(text) ?? new DraftBody());
        StoredEvaluation stored = await records.GetEvaluationAsync(caller.Unit, id, ct) ?? throw NotFound("evaluation", id);

        var request = new DraftRequest(DraftSections.Parse(body.Section), body.Policy ?? stored.Policy, body.Provider, body.SourcesPerItem ?? 3);
        string hash = RecordStore.RequestHash($"draft:{id}", JsonSerializer.Serialize(request, ScoreContract.JsonOptions));
        if (key is not null && await records.FindDraftByKeyAsync(caller.Unit, key, ct) is { } earlier)
        {
            if (earlier.RequestHash != hash)
            {
                throw new IdempotencyMismatchException();
            }

            Replayed(http, Idempotency.Replayed);
            return TypedResults.Created($"/api/v1/drafts/{earlier.Id}", Envelope(earlier));
        }

        DraftResult result = await drafting.DraftAsync(EvaluationJson.Parse(stored.Body), request, new AuditScope(id, caller.Unit, caller.Prefix), ct);
        var (draft, outcome) = await records.AddDraftAsync(caller.Unit, caller.KeyId, id, result, hash, key, ct);
        Replayed(http, outcome);
        return TypedResults.Created($"/api/v1/drafts/{draft.Id}", Envelope(draft));
    }

    public static async Task<IResult> ListDraftsAsync(HttpContext http, RecordStore records, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        _ = await records.GetEvaluationAsync(caller.Unit, id, ct) ?? throw NotFound("evaluation", id);
        return TypedResults.Ok(await records.ListDraftsAsync(caller.Unit, id, ct));
    }

    public static async Task<IResult> GetDraftAsync(HttpContext http, RecordStore records, Guid id, CancellationToken ct)
    {
        StoredDraft draft = await records.GetDraftAsync(http.Caller().Unit, id, ct) ?? throw NotFound("draft", id);
        return TypedResults.Ok(Envelope(draft));
    }

    private static DraftEnvelope Envelope(StoredDraft d) => new(d.Id, d.EvaluationId, d.Section, d.Version, d.CreatedAt, d.Result);

    /// <summary>The stored row as returned; <paramref name="score"/> when the caller has just computed it.</summary>
    private static async Task<EvaluationEnvelope> EnvelopeAsync(RecordStore records, ApiCaller caller, StoredEvaluation stored, CancellationToken ct, ScoreResponse? score = null)
    {
        using JsonDocument doc = JsonDocument.Parse(stored.Body);
        return new EvaluationEnvelope(stored.Id, stored.CreatedAt, stored.Policy, doc.RootElement.Clone(),
            score ?? EvaluationService.Score(EvaluationJson.Parse(stored.Body), stored.Policy),
            await records.ListDraftsAsync(caller.Unit, stored.Id, ct));
    }

    private static string? IdempotencyKey(HttpContext http)
    {
        if (!http.Request.Headers.TryGetValue(IdempotencyHeader, out var values))
        {
            return null;
        }

        string key = values.ToString().Trim();
        if (key.Length is 0 or > RecordStore.MaxIdempotencyKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            throw new InputException(IdempotencyHeader, $"Idempotency-Key 应为1到{RecordStore.MaxIdempotencyKeyLength}个可见ASCII字符。",
                $"Idempotency-Key must be 1 to {RecordStore.MaxIdempotencyKeyLength} visible ASCII characters.");
        }

        return key;
    }

    private static void Replayed(HttpContext http, Idempotency outcome)
    {
        if (outcome == Idempotency.Replayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }
    }

    private static KeyNotFoundException NotFound(string what, Guid id) => new($"{what} {id}");
}
