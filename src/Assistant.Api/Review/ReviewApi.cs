using Assistant.Api.Infrastructure;
using Assistant.Features.Review;

namespace Assistant.Api.Review;

/// <summary>Questions across the units a key reads, from the latest submitted version of each submission; numbers from the calculator.</summary>
public static class ReviewApi
{
    public static void MapReviewApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1/review").WithTags("Review");
        api.MapGet("/indicators", IndicatorsAsync).RequireAuthorization(ApiSecurity.Reader).WithName("ReviewIndicator")
            .WithSummary("某项指标在各单位的完成情况和未完成原因（?name=城镇新增就业人数&year=）/ One indicator across units: who fell short and why")
            .Produces<IndicatorAnswer>().ProducesValidationProblem();
        api.MapGet("/execution", ExecutionAsync).RequireAuthorization(ApiSecurity.Reader).WithName("ReviewExecution")
            .WithSummary("各单位预算执行率（?year=）/ Execution rate by unit").Produces<ExecutionAnswer>().ProducesValidationProblem();
        api.MapGet("/reasons", ReasonsAsync).RequireAuthorization(ApiSecurity.Reader).WithName("ReviewReasons")
            .WithSummary("各单位最常给出的偏差原因（?year=）/ The reasons most given").Produces<ReasonsAnswer>().ProducesValidationProblem();
    }

    public static async Task<IResult> IndicatorsAsync(HttpContext http, ReviewInsights insights, string? name, int? year, CancellationToken ct) =>
        TypedResults.Ok(await insights.IndicatorAsync(http.Caller().Scope, name ?? string.Empty, year, ct));

    public static async Task<IResult> ExecutionAsync(HttpContext http, ReviewInsights insights, int? year, CancellationToken ct) =>
        TypedResults.Ok(await insights.ExecutionAsync(http.Caller().Scope, year, ct));

    public static async Task<IResult> ReasonsAsync(HttpContext http, ReviewInsights insights, int? year, CancellationToken ct) =>
        TypedResults.Ok(await insights.ReasonsAsync(http.Caller().Scope, year, ct));
}
