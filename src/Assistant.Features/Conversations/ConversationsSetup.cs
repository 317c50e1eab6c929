using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Assistant.Features.Conversations;

public static class ConversationsSetup
{
    /// <summary>Conversations (stored, streamed answers) and indicator explanations.</summary>
    public static IHostApplicationBuilder AddConversations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ConversationStore>();
        builder.Services.TryAddSingleton<ExplanationService>();
        builder.Services.TryAddSingleton<ConversationService>();
        return builder;
    }
}
