using Assistant.Features.Evaluations;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// Maps known exceptions to problem details: bad input is 400 with every field at fault, a body the
/// server could not read is 400; anything else is a 500 whose details stay in the log.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case Assistant.Features.Importing.UnreadableDocumentException unreadable:
                problem = Problems.Invalid(unreadable.Errors);
                problem.Status = StatusCodes.Status422UnprocessableEntity;
                problem.Title = "无法读取文档 / The document could not be read";
                break;
            case InputException input:
                problem = Problems.Invalid(input.Errors);
                break;
            case KeyNotFoundException:
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status404NotFound,
                    Title = "未找到 / Not found",
                    Detail = "本单位没有这条记录。 / This unit has no such record.",
                };
                break;
            case Assistant.Features.Records.IdempotencyMismatchException:
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["Idempotency-Key"] = ["这个 Idempotency-Key 已用于另一个请求 / This Idempotency-Key was already used for a different request"],
                })
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "Idempotency-Key 重复使用 / Idempotency-Key reused",
                    Detail = "同一个键只能用于同一个请求的重试；新请求请换一个键。 / A key may only be reused to retry the same request; use a new key for a new request.",
                };
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
