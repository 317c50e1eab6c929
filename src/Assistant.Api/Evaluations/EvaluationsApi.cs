using Assistant.Api.Infrastructure;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Evaluations;

/// <summary>Scoring and facts of a 自评表 posted as <c>assistant.evaluation/v1</c>.</summary>
public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1").WithTags("Evaluations").RequireAuthorization(ApiSecurity.Reader);

        api.MapPost("/evaluations/score", ScoreAsync)
            .WithName("ScoreEvaluation")
            .WithSummary("计算执行率、得分与总分并核对打印数 / Score and reconcile an evaluation")
            .ProducesValidationProblem();

        api.MapPost("/evaluations/facts", FactsAsync)
            .WithName("EvaluationFacts")
            .WithSummary("列出可在文字中引用的全部数字 / Every number a text about the evaluation may state")
            .ProducesValidationProblem();

        api.MapPost("/verify", VerifyAsync)
            .WithName("VerifyText")
            .WithSummary("核对文字中的每个数字与判断 / Verify every number and claim of a text against an evaluation")
            .ProducesValidationProblem();

        api.MapGet("/policies", ListPolicies)
            .WithName("ListPolicies")
            .WithSummary("可用的评分规则 / Scoring policies");

        return api;
    }

    public static async Task<Ok<ScoreResponse>> ScoreAsync(HttpRequest request, string? policy, CancellationToken ct)
    {
        string body = await RequestBody.ReadTextAsync(request, ct);
        return TypedResults.Ok(EvaluationService.Score(Validation.Check(Validation.Evaluation, EvaluationJson.Parse(body)), policy));
    }

    public static async Task<Ok<FactsResponse>> FactsAsync(HttpRequest request, string? policy, CancellationToken ct)
    {
        string body = await RequestBody.ReadTextAsync(request, ct);
        return TypedResults.Ok(EvaluationService.Facts(Validation.Check(Validation.Evaluation, EvaluationJson.Parse(body)), policy));
    }

    public static async Task<Ok<VerificationResponse>> VerifyAsync(HttpRequest request, CancellationToken ct)
    {
        string body = await RequestBody.ReadTextAsync(request, ct);
        (Domain.Evaluations.Evaluation evaluation, string text, string? policy) = VerificationContract.ParseRequest(body);
        return TypedResults.Ok(EvaluationService.Verify(Validation.Check(Validation.Evaluation, evaluation), text, policy));
    }

    public static Ok<IEnumerable<PolicyDto>> ListPolicies() =>
        TypedResults.Ok(ScoringPolicy.All.Select(p => new PolicyDto(p.Name, p.Title, p == ScoringPolicy.Default)));
}

public sealed record PolicyDto(string Name, string Title, bool IsDefault);
