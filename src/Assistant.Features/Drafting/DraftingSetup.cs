using Assistant.Features.Models;
using Assistant.Features.Orchestration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Assistant.Features.Drafting;

public static class DraftingSetup
{
    /// <summary>
    /// The drafting pipeline with the configured model (or the offline drafter alone). The settings are
    /// validated when the host starts (and when the CLI first needs the model): a provider without its
    /// endpoint or model stops the start naming the setting.
    /// </summary>
    public static IServiceCollection AddAssistantDrafting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DraftingSettings>().Bind(configuration.GetSection(DraftingSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DraftingSettings>, DraftingSettingsValidation>();

        // Timeouts and retries below the SDK: each attempt bounded; timeouts, network errors, 408, 429 and 5xx retried
        // with jittered back-off (before a streamed answer starts); anything else (401, 400) fails at once.
        services.AddHttpClient(ModelClients.ChatHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("model", (pipeline, context) =>
            {
                DraftingSettings settings = context.ServiceProvider.GetRequiredService<IOptions<DraftingSettings>>().Value;
                if (settings.Retries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.Retries,
                        Delay = TimeSpan.FromMilliseconds(500),
                        MaxDelay = TimeSpan.FromSeconds(30),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                }

                pipeline.AddTimeout(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            });

        services.AddSingleton(sp =>
        {
            DraftingSettings settings = sp.GetRequiredService<IOptions<DraftingSettings>>().Value;
            return new DraftingModel(settings.IsOffline
                ? null
                : ModelClients.CreateChat(settings, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ModelClients.ChatHttpClient), sp.GetService<ILoggerFactory>()));
        });
        services.AddSingleton<OfflineDrafter>();
        services.AddSingleton<AssistantKernel>();
        services.AddSingleton<DraftingService>();
        services.AddSingleton<Conversations.ConversationStore>();
        services.AddSingleton<Conversations.ExplanationService>();
        services.AddSingleton<Conversations.ConversationService>();
        return services;
    }
}
