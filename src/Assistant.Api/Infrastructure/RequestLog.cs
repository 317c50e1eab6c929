using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Assistant.Features.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// One structured line per request: method, route template (never the raw path or query, which may
/// carry input), status, duration, the key's prefix and unit. Server errors are logged as errors,
/// everything else as information. Every response carries <c>X-Content-Type-Options: nosniff</c>, and
/// every 503 a <c>Retry-After</c>. A query string with a NUL or a broken character is refused here,
/// naming the parameter, before it can reach a handler or the database.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        long started = Stopwatch.GetTimestamp();

        // Read now: the exception handler clears the endpoint before it writes the problem.
        string? route = Route(http);
        http.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            response.Headers.XContentTypeOptions = "nosniff";
            if (response.StatusCode == StatusCodes.Status503ServiceUnavailable && !response.Headers.ContainsKey("Retry-After"))
            {
                response.Headers.RetryAfter = Overload.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        }, http.Response);

        try
        {
            if (BadQuery(http.Request) is { } field)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await JsonProblemWriter.WriteAsync(http, Problems.Invalid([new Features.Evaluations.InputError(
                    field, "查询参数含有空字符或无效字符", "the query parameter contains a NUL or an invalid character")]));
                return;
            }

            await next(http);
        }
        finally
        {
            double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            route ??= Route(http) ?? "(no route)";
            int status = http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted ? 499 : http.Response.StatusCode;
            string prefix = http.User.FindFirstValue(ApiSecurity.PrefixClaim) ?? "-";
            string unit = http.User.FindFirstValue(ApiSecurity.UnitClaim) ?? "-";
            if (status >= 500)
            {
                LogServerError(logger, http.Request.Method, route, status, Math.Round(ms, 1), prefix, unit);
            }
            else
            {
                LogRequest(logger, http.Request.Method, route, status, Math.Round(ms, 1), prefix, unit);
            }
        }
    }

    private static string? Route(HttpContext http) => http.GetEndpoint() switch
    {
        RouteEndpoint r => r.RoutePattern.RawText,
        { } e => e.DisplayName,
        null => null,
    };

    private static string? BadQuery(HttpRequest request)
    {
        if (!request.QueryString.HasValue)
        {
            return null;
        }

        foreach (var (key, values) in request.Query)
        {
            if (!StorableText.IsClean(key) || key.Contains('\uFFFD', StringComparison.Ordinal))
            {
                return "query";
            }

            foreach (string? v in values)
            {
                if (v is not null && (!StorableText.IsClean(v) || v.Contains('\uFFFD', StringComparison.Ordinal)))
                {
                    return key.Length <= 40 ? key : "query";
                }
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} {Status} {DurationMs} ms key={KeyPrefix} unit={Unit}")]
    private static partial void LogRequest(ILogger logger, string method, string route, int status, double durationMs, string keyPrefix, string unit);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Method} {Route} {Status} {DurationMs} ms key={KeyPrefix} unit={Unit}")]
    private static partial void LogServerError(ILogger logger, string method, string route, int status, double durationMs, string keyPrefix, string unit);
}
