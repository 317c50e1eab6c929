using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Features.Reporting;

public static class ReportingSetup
{
    /// <summary>The whole-report service and its version store (needs storage and drafting registered).</summary>
    public static IServiceCollection AddAssistantReporting(this IServiceCollection services)
    {
        services.AddSingleton<ReportService>();
        services.AddSingleton<ReportStore>();
        return services;
    }
}
