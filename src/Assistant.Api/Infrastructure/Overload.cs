using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Infrastructure;

/// <summary>Answers for when the service cannot serve now: every 503 says when to come back.</summary>
internal static class Overload
{
    /// <summary>Seconds a client should wait after a 503 (the database restarts in about this long).</summary>
    public const int RetryAfterSeconds = 5;

    public static ProblemDetails Unavailable(HttpContext http, string title, string detail)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail };
    }
}
