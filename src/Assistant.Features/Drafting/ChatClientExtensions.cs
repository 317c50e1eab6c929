using Microsoft.Extensions.AI;

namespace Assistant.Features.Drafting;

public static class ChatClientExtensions
{
    /// <summary>provider:model, as drafts and conversation turns record it.</summary>
    public static (string Provider, string Model) Describe(this IChatClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var m = client.GetService(typeof(ChatClientMetadata)) as ChatClientMetadata;
        return (m?.ProviderName ?? "unknown", m?.DefaultModelId ?? "unknown");
    }
}
