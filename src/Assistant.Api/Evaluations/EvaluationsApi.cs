using Assistant.Api.Infrastructure;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Domain.Evaluations;
using FluentValidation;
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
            .WithSummary("计算执行率、得分与总分并核对打印数 / Score and reconcile an evaluation");

        api.MapPost("/evaluations/facts", FactsAsync)
            .WithName("EvaluationFacts")
            .WithSummary("列出可在文字中引用的全部数字 / Every number a text about the evaluation may state");

        api.MapPost("/verify", VerifyAsync)
            .WithName("VerifyText")
            .WithSummary("核对文字中的每个数字与判断 / Verify every number and claim of a text against an evaluation");

        api.MapGet("/policies", ListPolicies)
            .WithName("ListPolicies")
            .WithSummary("可用的评分规则 / Scoring policies");

        return api;
    }

    public static async Task<Results<ContractAnswer<ScoreResponse>, ValidationProblem>> ScoreAsync(HttpRequest request, IValidator<Evaluation> validator, string? policy, string? pretty, CancellationToken ct)
    {
        bool indented = AnswerLayout.Indented(pretty);
        Evaluation evaluation = await RequestBody.ReadJsonAsync(request, EvaluationJson.Parse, ct);
        if (ApiResults.Validate(validator, evaluation) is { } invalid)
        {
            return invalid;
        }

        // Written straight from the report (the same bytes as the contract's records would give, without making them).
        ScoreReport report = EvaluationService.Report(evaluation, policy);
        return new ContractAnswer<ScoreResponse>(() => ScoreContract.ToResponse(evaluation, report), output => ScoreAnswerWriter.Write(output, evaluation, report, indented), indented);
    }

    public static async Task<Results<ContractAnswer<FactsResponse>, ValidationProblem>> FactsAsync(HttpRequest request, IValidator<Evaluation> validator, string? policy, string? pretty, CancellationToken ct)
    {
        bool indented = AnswerLayout.Indented(pretty);
        Evaluation evaluation = await RequestBody.ReadJsonAsync(request, EvaluationJson.Parse, ct);
        return ApiResults.Validate(validator, evaluation) is { } invalid
            ? invalid
            : new ContractAnswer<FactsResponse>(EvaluationService.Facts(evaluation, policy), indented);
    }

    public static async Task<Results<Ok<VerificationResponse>, ValidationProblem>> VerifyAsync(HttpRequest request, IValidator<Evaluation> validator, CancellationToken ct)
    {
        string body = await RequestBody.ReadTextAsync(request, ct);
        // Keyed by the table's content (never an id): draft after draft against one table reuses its prepared verifier.
        (Evaluation evaluation, string text, string? policy, var table) = VerificationContract.ParseKeyedRequest(body);
        return ApiResults.Validate(validator, evaluation) is { } invalid
            ? invalid
            : TypedResults.Ok(EvaluationService.Verify(PreparedVerifiers.Shared, table, evaluation, text, policy));
    }

    public static Ok<IEnumerable<PolicyDto>> ListPolicies() =>
        TypedResults.Ok(ScoringPolicy.All.Select(p => new PolicyDto(p.Name, p.Title, p == ScoringPolicy.Default)));
}

public sealed record PolicyDto(string Name, string Title, bool IsDefault);
