using Assistant.Features.Evaluations;

namespace Assistant.Api.Infrastructure;

public static class WebDefaults
{
    /// <summary>JSON-line logs, problem details (bad input mapped by <see cref="ProblemExceptionHandler"/>), the contract's JSON, body limits.</summary>
    public static WebApplicationBuilder AddWebDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            MethodNotAllowed(c);
            RouteValueProblems.NoSuchAddress(c);
        });

        // A query value that does not bind (?cases=abc) throws, so ProblemExceptionHandler names the parameter in both languages.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => ScoreContract.Configure(o.SerializerOptions));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 32L * 1024 * 1024);
        return builder;
    }

    /// <summary>A 405 says so in both languages, with the methods the address takes (the <c>Allow</c> header routing sets).</summary>
    private static void MethodNotAllowed(Microsoft.AspNetCore.Http.ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status405MethodNotAllowed)
        {
            return;
        }

        string allow = context.HttpContext.Response.Headers.Allow.ToString();
        string method = context.HttpContext.Request.Method;
        context.ProblemDetails.Title = "不支持该请求方法 / Method not allowed";
        context.ProblemDetails.Detail = allow.Length > 0
            ? $"该地址不接受 {method} 请求，请用 {allow}。/ this address does not accept {method}; use {allow}."
            : $"该地址不接受 {method} 请求，请查看接口文档。/ this address does not accept {method}; see the API document.";
    }
}
