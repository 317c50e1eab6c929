using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Assistant.Features.Drafting;

/// <summary>Settings under <c>Drafting</c>: which model writes drafts.</summary>
public sealed class DraftingSettings
{
    /// <summary><c>offline</c> (built in, deterministic, the default) or <c>openai</c> (any OpenAI-compatible endpoint).</summary>
    public string Provider { get; set; } = "offline";

    /// <summary>The endpoint for <c>openai</c>, e.g. <c>https://RESOURCE.openai.azure.com/openai/v1/</c>, a vLLM or Ollama <c>/v1/</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Never logged or stored; from configuration or the environment (<c>Drafting__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Per attempt.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries after the first attempt, for timeouts, 429 and 5xx.</summary>
    public int Retries { get; set; } = 2;

    public static DraftingSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new DraftingSettings();
        configuration.GetSection("Drafting").Bind(settings);
        return settings;
    }

    public bool IsOffline => string.IsNullOrWhiteSpace(Provider) || string.Equals(Provider.Trim(), "offline", StringComparison.OrdinalIgnoreCase);

    /// <summary>The configured model client (with timeouts and retries), or null for the offline drafter; fails fast naming the missing setting.</summary>
    public IChatClient? CreateClient()
    {
        if (IsOffline)
        {
            return null;
        }

        if (!string.Equals(Provider.Trim(), "openai", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Invalid configuration: Drafting:Provider '{Provider}' (use offline or openai). See README.");
        }

        if (Endpoint is null)
        {
            throw new InvalidOperationException("Missing configuration: Drafting:Endpoint (for Drafting:Provider=openai). See README.");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new InvalidOperationException("Missing configuration: Drafting:Model (for Drafting:Provider=openai). See README.");
        }

        if (TimeoutSeconds is < 1 or > 600 || Retries is < 0 or > 5)
        {
            throw new InvalidOperationException("Invalid configuration: Drafting:TimeoutSeconds must be 1–600 and Drafting:Retries 0–5. See README.");
        }

        var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
        return new ResilientChatClient(new OpenAIChatClient(Endpoint, Model, ApiKey, timeout + TimeSpan.FromSeconds(5)), timeout, Retries);
    }
}

/// <summary>
/// Timeouts and retries (Polly) around a model client: each attempt is bounded; timeouts, network
/// errors, 408, 429 and 5xx are retried with jittered back-off; anything else (a 401, a 400) fails at once.
/// Streaming responses are not retried once they started.
/// </summary>
public sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline pipeline;

    public ResilientChatClient(IChatClient inner, TimeSpan attemptTimeout, int retries, TimeSpan? firstDelay = null)
        : base(inner)
    {
        var builder = new ResiliencePipelineBuilder();
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retries,
                Delay = firstDelay ?? TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder()
                    .Handle<TimeoutRejectedException>()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>()
                    .Handle<ClientResultException>(e => e.Status is 0 or 408 or 429 or >= 500),
            });
        }

        pipeline = builder.AddTimeout(attemptTimeout).Build();
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        return await pipeline.ExecuteAsync(async ct => await base.GetResponseAsync(list, options, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }
}

public static class ChatClientExtensions
{
    /// <summary>provider:model, as drafts record it.</summary>
    public static (string Provider, string Model) Describe(this IChatClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var m = client.GetService(typeof(ChatClientMetadata)) as ChatClientMetadata;
        return (m?.ProviderName ?? "unknown", m?.DefaultModelId ?? "unknown");
    }
}
