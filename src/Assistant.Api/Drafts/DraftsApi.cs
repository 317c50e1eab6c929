using System.Text.Json;
using Assistant.Api.Infrastructure;
using Assistant.Features.Conversations;
using Assistant.Features.Drafting;
using Assistant.Features.Orchestration;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Drafts;

/// <summary>
/// Drafts of section 三 for a stored evaluation: each POST adds a version (stored before it is
/// returned, never overwritten); list an evaluation's versions; read one. Scoped to the caller's unit.
/// </summary>
public static class DraftsApi
{
    public static RouteGroupBuilder MapDraftsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Drafts");

        api.MapPost("/evaluations/{id:guid}/drafts", AddAsync)
            .RequireAuthorization(ApiSecurity.Drafter)
            .WithName("DraftSection")
            .WithSummary("起草第三部分（偏离原因、改进措施），数字逐一核验 / Draft section 三, every number verified")
            .WithMetadata(new IdempotentOperation())
            .Accepts<DraftBody>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/evaluations/{id:guid}/drafts", ListAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("ListDrafts")
            .WithSummary("一张自评表的全部草稿版本 / Every draft version of an evaluation");

        api.MapGet("/drafts/{id:guid}", GetAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("GetDraft")
            .WithSummary("一份草稿 / A draft");

        return api;
    }

    /// <summary>
    /// Body (optional): <c>{ "section": "deviation", "policy": "…", "provider": "default|offline|model", "sourcesPerItem": 3 }</c>.
    /// The draft is stored before it is returned (201); each call adds a version.
    /// </summary>
    public static async Task<Results<Created<DraftEnvelope>, ValidationProblem, NotFoundProblem, ProblemHttpResult>> AddAsync(
        HttpContext http, RecordStore records, DraftingService drafting, ConversationStore conversations, IValidator<DraftBody> validator, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        string? key = IdempotencyHeader.Key(http);
        string text = await RequestBody.ReadTextAsync(http.Request, ct, allowEmpty: true);
        DraftBody body = RequestBody.ParseJson<DraftBody>(text) ?? new DraftBody();
        if (ApiResults.Validate(validator, body) is { } invalid)
        {
            return invalid;
        }

        if (await records.GetEvaluationAsync(caller.Unit, id, ct) is not { } stored)
        {
            return ApiResults.NotFound("evaluation", id);
        }

        var request = new DraftRequest(DraftSections.Parse(body.Section), body.Policy ?? stored.Policy, body.Provider, body.SourcesPerItem ?? 3);
        string hash = RecordStore.RequestHash($"draft:{id}", JsonSerializer.Serialize(request, ScoreContract.JsonOptions));
        if (key is not null && await records.FindDraftByKeyAsync(caller.Unit, key, ct) is { } earlier)
        {
            Features.Records.Idempotency replay = RecordStore.Replay(hash, earlier.RequestHash);
            if (replay == Features.Records.Idempotency.Mismatch)
            {
                return ApiResults.IdempotencyKeyReused();
            }

            IdempotencyHeader.MarkReplayed(http, replay);
            return TypedResults.Created($"/api/v1/drafts/{earlier.Id}", Envelope(earlier));
        }

        // The reasons and measures the unit gave in its conversations about this table are part 三's, here as in the chat.
        Domain.Evaluations.Evaluation evaluation = await ChatEdits.TableForDraftingAsync(conversations, caller.Unit, stored, request.Policy, ct);
        DraftResult result = await drafting.DraftAsync(evaluation, request, new AuditScope(id, caller.Unit, caller.Prefix), ct);
        var (draft, outcome) = await records.AddDraftAsync(caller.Unit, caller.KeyId, id, result, hash, key, ct);
        if (outcome == Features.Records.Idempotency.Mismatch)
        {
            return ApiResults.IdempotencyKeyReused();
        }

        IdempotencyHeader.MarkReplayed(http, outcome);
        return TypedResults.Created($"/api/v1/drafts/{draft.Id}", Envelope(draft));
    }

    public static async Task<Results<Ok<IReadOnlyList<DraftSummary>>, NotFoundProblem>> ListAsync(HttpContext http, RecordStore records, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        return await records.GetEvaluationAsync(caller.Scope, id, ct) is null
            ? ApiResults.NotFound("evaluation", id)
            : TypedResults.Ok(await records.ListDraftsAsync(caller.Scope, id, ct));
    }

    public static async Task<Results<Ok<DraftEnvelope>, NotFoundProblem>> GetAsync(HttpContext http, RecordStore records, Guid id, CancellationToken ct) =>
        await records.GetDraftAsync(http.Caller().Scope, id, ct) is { } draft
            ? TypedResults.Ok(Envelope(draft))
            : ApiResults.NotFound("draft", id);

    private static DraftEnvelope Envelope(StoredDraft d) => new(d.Id, d.EvaluationId, d.Section, d.Version, d.CreatedAt, d.Result);
}
