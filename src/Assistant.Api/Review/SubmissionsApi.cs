using Assistant.Api.Infrastructure;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Review;

namespace Assistant.Api.Review;

/// <summary>
/// Submission and review. A unit submits a stored evaluation with a report version; reviewers whose
/// scope covers the unit see it in the queue and decide 通过 / 退回 with anchored comments and 抽评 scores;
/// after 退回 the unit submits again. Steps the state does not allow are 409; rows outside the scope 404.
/// </summary>
public static class SubmissionsApi
{
    public static void MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1/submissions").WithTags("Review");
        api.MapPost("", SubmitAsync).RequireAuthorization(ApiSecurity.Drafter).WithName("Submit").Accepts<SubmitBody>("application/json")
            .WithSummary("提交自评表和报告送审（第1版；退回后再提交为下一版）/ Submit an evaluation with its report for review")
            .Produces<SubmissionSummary>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("", ListAsync).RequireAuthorization(ApiSecurity.Reader).WithName("ListSubmissions")
            .WithSummary("审核队列：可见单位的送审（?status=pending|approved|returned&unit=&risk=high|medium|low|none&year=&batch=批次id）/ The review queue")
            .Produces<IReadOnlyList<SubmissionSummary>>().ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetAsync).RequireAuthorization(ApiSecurity.Reader).WithName("GetSubmission")
            .WithSummary("一份送审：各版本、审核结论和意见，及所示版本的表、得分和报告 / A submission with its versions, decisions, table and report")
            .Produces<SubmissionDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/versions", ResubmitAsync).RequireAuthorization(ApiSecurity.Drafter).WithName("Resubmit").Accepts<SubmitBody>("application/json")
            .WithSummary("退回后修改再提交（新版本）/ Resubmit after 退回 (a new version)")
            .Produces<SubmissionSummary>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/decisions", DecideAsync).RequireAuthorization(ApiSecurity.Reviewer).WithName("DecideSubmission").Accepts<DecisionBody>("application/json")
            .WithSummary("审核：通过或退回，附意见（针对审核发现、报告段落或指标）和抽评分 / Decide 通过 or 退回 with comments and 抽评 scores")
            .Produces<DecisionDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> SubmitAsync(HttpContext http, SubmissionService service, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        SubmitBody body = RequestBody.ParseJson<SubmitBody>(await RequestBody.ReadTextAsync(http.Request, ct)) ?? new SubmitBody();
        if (body.EvaluationId is not { } evaluationId)
        {
            throw new InputException("evaluationId", "请指明要提交的自评表（evaluationId）。", "evaluationId is required.");
        }

        SubmissionSummary s = await service.SubmitAsync(caller.Unit, evaluationId, body.ReportVersion, Actor(caller), Source(http), cancellationToken: ct);
        return TypedResults.Created($"/api/v1/submissions/{s.Id}", s);
    }

    public static async Task<IResult> ResubmitAsync(HttpContext http, SubmissionService service, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        SubmitBody body = RequestBody.ParseJson<SubmitBody>(await RequestBody.ReadTextAsync(http.Request, ct, allowEmpty: true)) ?? new SubmitBody();
        Guid evaluationId = body.EvaluationId
            ?? (await service.GetAsync(Features.Units.UnitScope.Own(caller.Unit), id, cancellationToken: ct))?.Submission.EvaluationId
            ?? throw new ReviewNotFoundException("submission", id);
        SubmissionSummary s = await service.SubmitAsync(caller.Unit, evaluationId, body.ReportVersion, Actor(caller), Source(http), submissionId: id, cancellationToken: ct);
        return TypedResults.Created($"/api/v1/submissions/{s.Id}", s);
    }

    public static async Task<IResult> ListAsync(HttpContext http, SubmissionService service, string? status, string? unit, string? risk, int? year, int? limit, Guid? batch, CancellationToken ct)
    {
        if (limit is < 1 or > SubmissionService.MaxListLimit)
        {
            throw new InputException("limit", $"limit 应在1到{SubmissionService.MaxListLimit}之间。", $"limit must be between 1 and {SubmissionService.MaxListLimit}.");
        }

        return TypedResults.Ok(await service.ListAsync(http.Caller().Scope, status, unit, risk, year, limit ?? 200, batch, ct));
    }

    public static async Task<IResult> GetAsync(HttpContext http, SubmissionService service, Guid id, int? version, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        return await service.GetAsync(caller.Scope, id, version, ct) is { } detail
            ? TypedResults.Ok(detail with { Actions = Actions(caller, detail) })
            : ApiResults.NotFound("submission", id);
    }

    /// <summary>What the page offers this key: the unit's own drafter revises and resubmits after 退回; a reviewer decides a pending latest version.</summary>
    private static SubmissionActions Actions(ApiCaller caller, SubmissionDetail d)
    {
        bool latest = d.ShownVersion == d.Submission.Version;
        bool reviewer = caller.Role is ApiRoles.Reviewer or ApiRoles.Admin;
        bool owner = caller.Role is ApiRoles.Drafter or ApiRoles.Admin && caller.Unit == d.Submission.Unit;
        bool returned = latest && d.Submission.Status == SubmissionStatus.Returned;
        return new SubmissionActions(reviewer && latest && d.Submission.Status == SubmissionStatus.Pending, owner && returned, owner && returned);
    }

    public static async Task<IResult> DecideAsync(HttpContext http, SubmissionService service, Guid id, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        DecisionBody body = RequestBody.ParseJson<DecisionBody>(await RequestBody.ReadTextAsync(http.Request, ct)) ?? new DecisionBody();
        DecisionDto d = await service.DecideAsync(caller.Scope, id, body, Actor(caller), ct);
        return TypedResults.Created($"/api/v1/submissions/{id}", d);
    }

    private static Actor Actor(ApiCaller caller) => new(caller.KeyId, caller.Who, caller.Unit);

    /// <summary>The staff page says so with <c>X-Assistant-Source: page</c>; anything else is the API.</summary>
    private static string Source(HttpContext http) =>
        http.Request.Headers["X-Assistant-Source"].ToString() == "page" ? "page" : "api";
}
