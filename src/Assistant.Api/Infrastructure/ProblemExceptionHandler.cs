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
    private static Npgsql.NpgsqlException? DriverError(Exception exception)
    {
        for (Exception? e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException n)
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>The Content-Type the client declared (its media type only, cut short), or "（无）/ none".</summary>
    private static string ReceivedType(HttpContext http)
    {
        string type = (http.Request.ContentType ?? string.Empty).Split(';')[0].Trim();
        return type.Length == 0 ? "none" : type.Length > 80 ? type[..80] : type;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;

        // EF wraps the driver's errors (SaveChanges, the execution strategy): judge them by the driver's.
        Exception subject = exception is Npgsql.NpgsqlException ? exception : DriverError(exception) ?? exception;
        switch (subject)
        {
            case Assistant.Features.Importing.UnreadableDocumentException unreadable:
                problem = Problems.Invalid(unreadable.Errors);
                problem.Status = StatusCodes.Status422UnprocessableEntity;
                problem.Title = "无法读取文档 / The document could not be read";
                break;
            case UnsupportedCharsetException charset:
                problem = Problems.Invalid(charset.Errors);
                problem.Status = StatusCodes.Status415UnsupportedMediaType;
                problem.Title = $"不支持的字符编码 {charset.Charset} / Unsupported charset {charset.Charset}";
                problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.16";
                break;
            case InputException input:
                problem = Problems.Invalid(input.Errors);
                break;
            case Assistant.Features.Review.ReviewConflictException conflict:
                problem = Problems.Invalid([new InputError(conflict.Field, conflict.Zh, conflict.En)]);
                problem.Status = StatusCodes.Status409Conflict;
                problem.Title = "当前状态不允许这一步 / Not allowed in the submission's current state";
                problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10";
                break;
            case Assistant.Features.Review.ReviewNotFoundException missing:
                problem = ApiResults.NotFound(missing.What, missing.Id).Value;
                break;
            case BadHttpRequestException bad:
                problem = Problems.Invalid([BindingProblems.From(bad)]);

                break;
            case InvalidDataException or IOException when !httpContext.RequestAborted.IsCancellationRequested:
                // A multipart body without a boundary, with a broken or truncated part.
                problem = Problems.Invalid([new InputError("body",
                    $"请求体（表单）格式错误或不完整（收到的 Content-Type：{ReceivedType(httpContext)}）。上传文件请用 multipart/form-data（curl -F file=@文件名）；发送JSON请用 Content-Type: application/json",
                    $"the request body (a form) is malformed or truncated (Content-Type received: {ReceivedType(httpContext)}). Upload files as multipart/form-data (curl -F file=@name); send JSON with Content-Type: application/json")]);
                break;
            case Npgsql.PostgresException pg when pg.SqlState is "22021" or "22P05" or "54000":
                // Text PostgreSQL cannot store (NUL, invalid encoding) or a value past its limits.
                problem = Problems.Invalid([new InputError("body", "含有无法保存的字符（如 \\u0000）或超长的值", "contains characters that cannot be stored (such as \\u0000) or an over-long value")]);
                break;
            case OverflowException or DivideByZeroException:
                problem = Problems.Invalid([new InputError("evaluation", "数值过大，超出可计算范围", "a number (or a sum of numbers) is too large to compute with")]);
                problem.Status = StatusCodes.Status422UnprocessableEntity;
                break;
            case Npgsql.NpgsqlException db when db is not Npgsql.PostgresException || db.IsTransient:
                LogUnavailable(logger, exception.GetType().Name, exception.Message);
                problem = Overload.Unavailable(httpContext, "数据库暂不可用 / Database unavailable",
                    "请稍后重试；管理员可运行 scripts/db-up。 / Retry later; an administrator can run scripts/db-up.");
                break;
            case TimeoutException or OperationCanceledException when !httpContext.RequestAborted.IsCancellationRequested:
                problem = Overload.Unavailable(httpContext, "处理超时 / The request took too long",
                    "服务器繁忙或请求过大，请稍后重试或缩短内容。 / The server is busy or the request too large; retry later or send less.");
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

        int status = problem.Status ?? 500;
        if (status < 500)
        {
            // A client error: one line, no stack, no input.
            LogClientError(logger, status, exception.GetType().Name);
        }

        if (httpContext.Response.HasStarted)
        {
            return true;
        }

        httpContext.Response.StatusCode = status;
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            return true;
        }

        // Whatever the client accepts, the answer is a problem in JSON, never an empty 500.
        await JsonProblemWriter.WriteAsync(httpContext, problem);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Client error {Status}: {Exception}")]
    private static partial void LogClientError(ILogger logger, int status, string exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service unavailable: {Exception} {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string exception, string reason);
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
