using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Features.Drafting;

public static class DraftingSetup
{
    /// <summary>The drafting pipeline with the configured model (or the offline drafter alone).</summary>
    public static IServiceCollection AddAssistantDrafting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = DraftingSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<OfflineDrafter>();
        services.AddSingleton(_ => new DraftingModel(settings.CreateClient()));
        services.AddSingleton<DraftingService>();
        services.AddSingleton<Conversations.ConversationStore>();
        services.AddSingleton<Conversations.ExplanationService>();
        services.AddSingleton<Conversations.ConversationService>();
        return services;
    }
}
