using Assistant.Features.Evaluations;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// Maps the exceptions bad input raises deep in parsing to problem details: 400 with every field at
/// fault (a body the server could not read too); an unreachable database is 503; anything else is a
/// 500 whose details stay in the log. Expected outcomes (not found, a reused Idempotency-Key) are
/// typed results of the endpoints, never exceptions.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case InputException input:
                problem = Problems.Invalid(input.Errors);
                break;
            case BadHttpRequestException bad:
                problem = Problems.Invalid([new InputError("body", "无法读取请求体", $"the request body could not be read ({bad.StatusCode})")]);
                break;
            case Npgsql.NpgsqlException db when db is not Npgsql.PostgresException || db.IsTransient:
                LogUnhandled(logger, exception);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "数据库暂不可用 / Database unavailable",
                    Detail = "请稍后重试；管理员可运行 scripts/db-up。 / Retry later; an administrator can run scripts/db-up.",
                };
                break;
            default:
                LogUnhandled(logger, exception);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "服务器内部错误 / Internal server error",
                };
                break;
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}

/// <summary>Problem details for bad input, in Chinese and English, keyed by field.</summary>
internal static class Problems
{
    public static HttpValidationProblemDetails Invalid(IReadOnlyList<InputError> errors)
    {
        var byField = errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Zh} / {e.En}").ToArray(), StringComparer.Ordinal);
        return new HttpValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "输入有误 / Invalid input",
            Detail = string.Join("；", errors.Select(e => $"{e.Field}：{e.Zh}")) + " / " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.En}")),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
    }
}
