namespace Assistant.Api.Infrastructure;

/// <summary>
/// What keeps hostile or careless clients from hurting the service: problems in JSON whatever the
/// client accepts, the request log (one line per request, no input), <c>nosniff</c>, <c>Retry-After</c>
/// on 503, query strings without NULs, and no stack traces for client errors.
/// </summary>
public static class Hardening
{
    public static void AddHardening(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IProblemDetailsWriter, JsonProblemWriter>();

        // The exception handler logs what it handles itself (client errors at Information, without the stack).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.None);
    }

    /// <summary>First in the pipeline, so the log line and the headers cover every answer.</summary>
    public static void UseHardening(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestLog>();
    }
}
