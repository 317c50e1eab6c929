using Assistant.Api.Infrastructure;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Units;

namespace Assistant.Api.Review;

/// <summary>The hierarchy of units: list those the key reads; admins add one or import many (JSON or CSV).</summary>
public static class UnitsApi
{
    public static void MapUnitsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1/units").WithTags("Units");
        api.MapGet("", ListAsync).RequireAuthorization(ApiSecurity.Reader).WithName("ListUnits")
            .WithSummary("密钥可见的单位（本单位及其下级）/ The units the key reads (its own and, for reviewers, every unit beneath)");
        api.MapPost("", AddAsync).RequireAuthorization(ApiSecurity.Admin).WithName("AddUnits")
            .Accepts<UnitInput[]>("application/json", "text/csv")
            .WithSummary("添加单位或导入层级（JSON：{code,name,parent,level} 或其数组、带 children 的树；CSV：code,name,parent,level）/ Add a unit or import a hierarchy")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<IResult> ListAsync(HttpContext http, UnitStore units, CancellationToken ct) =>
        TypedResults.Ok(await units.ListAsync(http.Caller().Scope, ct));

    public static async Task<IResult> AddAsync(HttpContext http, UnitStore units, CancellationToken ct)
    {
        ApiCaller caller = http.Caller();
        string text = await RequestBody.ReadTextAsync(http.Request, ct);
        IReadOnlyList<UnitInput> given = UnitFile.Parse(text);

        // An admin of a registered unit adds beneath it only; an admin of an unregistered unit (the installation's) anywhere.
        if (caller.Scope.Subtree)
        {
            var codes = given.Select(u => u.Code?.Trim()).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (given.Any(u => u.Parent is null || (!codes.Contains(u.Parent.Trim()) && !caller.Scope.Covers(u.Parent.Trim()))))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "不能在本单位之外添加单位 / Units can only be added beneath the key's unit",
                    detail: $"parent：上级单位必须是 {caller.Unit} 或其下级。 / parent: the parent must be {caller.Unit} or a unit beneath it.");
            }
        }

        UnitImportResult result = await units.ImportAsync(given, ct);
        return TypedResults.Created("/api/v1/units", result);
    }
}
