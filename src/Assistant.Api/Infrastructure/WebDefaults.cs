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
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => ScoreContract.Configure(o.SerializerOptions));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 32L * 1024 * 1024);
        return builder;
    }
}
