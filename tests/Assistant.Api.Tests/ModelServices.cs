using Assistant.Features.Drafting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests;

/// <summary>The drafting services as the hosts register them, from settings given as key/value pairs.</summary>
public static class ModelServices
{
    public static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAssistantDrafting(configuration).BuildServiceProvider();
    }

    /// <summary>The configured chat model (the whole pipeline), resolved as the hosts resolve it.</summary>
    public static IChatClient Chat(this ServiceProvider services) =>
        services.GetRequiredService<DraftingModel>().Client ?? throw new InvalidOperationException("no model configured");
}
