using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core requests, Npgsql commands, and the <c>Assistant</c>
/// source and meter that model calls report to. Exported over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured (the exporter reads the standard OTEL_* settings).
/// </summary>
public static class Telemetry
{
    /// <summary>The ActivitySource and Meter name of the product's own spans and instruments (model calls among them).</summary>
    public const string SourceName = "Assistant";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        bool export = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        OpenTelemetry.OpenTelemetryBuilder otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "assistant"))
            .WithTracing(t =>
            {
                t.AddSource(SourceName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                    .AddNpgsql();
                if (export)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(SourceName)
                    .AddAspNetCoreInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (export)
                {
                    m.AddOtlpExporter();
                }
            });
        _ = otel;
        return builder;
    }
}
