using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Assistant.Features.Records;

public static class RecordsSetup
{
    /// <summary>Stored evaluations and drafts, and API keys.</summary>
    public static IHostApplicationBuilder AddRecords(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RecordStore>();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddOptions<ApiKeyCacheSettings>()
            .BindConfiguration(ApiKeyCacheSettings.Section)
            .Validate(s => s.CacheSeconds is >= 0 and <= ApiKeyCache.MaxSeconds, $"Invalid configuration: ApiKeys:CacheSeconds must be between 0 and {ApiKeyCache.MaxSeconds}. See README.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddSingleton<Units.UnitStore>();
        return builder;
    }
}
