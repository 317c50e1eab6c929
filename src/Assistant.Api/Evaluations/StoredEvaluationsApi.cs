using System.Text.Json;
using Assistant.Api.Infrastructure;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Evaluations;

/// <summary>
/// The OA-facing store of evaluations: store one (scored), list the unit's, read one back with its
/// drafts. Everything is scoped to the caller's unit; another unit's rows are 404. POST honours
/// <c>Idempotency-Key</c>: a retry returns what the first request stored.
/// </summary>
public static class StoredEvaluationsApi
{
    public const int MaxListLimit = 500;

    public static RouteGroupBuilder MapStoredEvaluationsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Evaluations");

        api.MapPost("/evaluations", AddAsync)
            .RequireAuthorization(ApiSecurity.Drafter)
            .WithName("StoreEvaluation")
            .WithSummary("保存自评表并计算得分 / Store an evaluation and score it")
            .WithMetadata(new IdempotentOperation())
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/evaluations", ListAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("ListEvaluations")
            .WithSummary("本单位保存的自评表 / The unit's stored evaluations");

        api.MapGet("/evaluations/{id:guid}", GetAsync)
            .RequireAuthorization(ApiSecurity.Reader)
            .WithName("GetEvaluation")
            .WithSummary("一张自评表、得分及其草稿 / An evaluation, its score and drafts");

        return api;
    }

    /// <summary>Body: <c>assistant.evaluation/v1</c>, or a document (.xlsx/.docx/text; multipart or raw with <c>?fileName=</c>; <c>?table=N</c> when it has several tables). 201 with the id and score; a retry with the same Idempotency-Key gets the same id.</summary>
    public static async Task<Results<Created<EvaluationEnvelope>, ValidationProblem, ProblemHttpResult>> AddAsync(
        HttpContext http, RecordStore records, IValidator<Evaluation> validator, string? policy, string? fileName, int? table, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        string? key = IdempotencyHeader.Key(http);
        string body = await Importing.ImportApi.EvaluationJsonAsync(http.Request, fileName, table, ct);
        Evaluation evaluation = EvaluationJson.Parse(body);
        if (ApiResults.Validate(validator, evaluation) is { } invalid)
        {
            return invalid;
        }

        string policyName = EvaluationService.ResolvePolicy(policy).Name;
        ScoreResponse score = EvaluationService.Score(evaluation, policyName);
        var (stored, outcome) = await records.AddEvaluationAsync(caller.Unit, caller.KeyId, EvaluationJson.Canonical(body), evaluation, policyName, score, key, ct);
        if (outcome == Features.Records.Idempotency.Mismatch)
        {
            return ApiResults.IdempotencyKeyReused();
        }

        IdempotencyHeader.MarkReplayed(http, outcome);
        return TypedResults.Created($"/api/v1/evaluations/{stored.Id}", await EnvelopeAsync(records, caller, stored, ct, outcome == Features.Records.Idempotency.Created ? score : null));
    }

    public static async Task<Results<Ok<IReadOnlyList<EvaluationSummary>>, ValidationProblem>> ListAsync(HttpContext http, RecordStore records, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxListLimit)
        {
            return ApiResults.Invalid([new InputError("limit", $"limit 应在1到{MaxListLimit}之间。", $"limit must be between 1 and {MaxListLimit}.")]);
        }

        return TypedResults.Ok(await records.ListEvaluationsAsync(http.Caller().Scope, limit ?? 100, ct));
    }

    public static async Task<Results<Ok<EvaluationEnvelope>, NotFoundProblem>> GetAsync(HttpContext http, RecordStore records, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        return await records.GetEvaluationAsync(caller.Scope, id, ct) is { } stored
            ? TypedResults.Ok(await EnvelopeAsync(records, caller, stored, ct))
            : ApiResults.NotFound("evaluation", id);
    }

    /// <summary>The stored row as returned; <paramref name="score"/> when the caller has just computed it.</summary>
    private static async Task<EvaluationEnvelope> EnvelopeAsync(RecordStore records, ApiCaller caller, StoredEvaluation stored, CancellationToken ct, ScoreResponse? score = null)
    {
        using JsonDocument doc = JsonDocument.Parse(stored.Body);
        return new EvaluationEnvelope(stored.Id, stored.CreatedAt, stored.Policy, doc.RootElement.Clone(),
            score ?? EvaluationService.Score(EvaluationJson.Parse(stored.Body), stored.Policy),
            await records.ListDraftsAsync(caller.Scope, stored.Id, ct));
    }
}
