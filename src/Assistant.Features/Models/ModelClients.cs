using System.ClientModel;
using System.ClientModel.Primitives;
using Assistant.Features.Drafting;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace Assistant.Features.Models;

/// <summary>
/// The official SDKs behind <see cref="IChatClient"/> and <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>:
/// <c>openai</c> through <see cref="OpenAIClient"/>, <c>azure</c> through <see cref="AzureOpenAIClient"/>
/// (<c>/openai/deployments/{deployment}/…?api-version=</c>, header <c>api-key</c>, or Entra ID).
/// </summary>
public static class ModelClients
{
    /// <summary>The named HttpClient the chat model is called through (timeouts and retries are its handlers).</summary>
    public const string ChatHttpClient = "assistant-model";

    /// <summary>The drafting/chat model: the SDK client (its own retries off: the HttpClient's handler retries) in <see cref="ModelPipeline"/>.</summary>
    public static IChatClient CreateChat(DraftingSettings settings, HttpClient? http, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds + 5);
        OpenAIClient client = Create(settings, http, timeout, sdkRetries: http is null ? settings.Retries : 0);
        IChatClient inner = client.GetChatClient(settings.ModelOrDeployment).AsIChatClient();
        return ModelPipeline.Build(inner, loggerFactory, settings.ProviderName);
    }

    /// <summary>An embeddings endpoint; vectors of another size than <paramref name="dimensions"/> are refused.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbeddings(ModelEndpointSettings settings, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(settings);
        OpenAIClient client = Create(settings, null, TimeSpan.FromSeconds(60), sdkRetries: 2);
        IEmbeddingGenerator<string, Embedding<float>> inner = client.GetEmbeddingClient(settings.ModelOrDeployment).AsIEmbeddingGenerator(dimensions);
        return new EmbeddingSizeCheck(inner, dimensions, settings.ProviderName);
    }

    private static OpenAIClient Create(ModelEndpointSettings settings, HttpClient? http, TimeSpan networkTimeout, int sdkRetries)
    {
        Uri endpoint = settings.Endpoint ?? throw new InvalidOperationException("Missing configuration: Endpoint. See README.");
        if (settings.ProviderName == ModelEndpointSettings.Azure)
        {
            AzureOpenAIClientOptions options = settings.AzureServiceVersion() is { } version ? new(version) : new();
            Configure(options, http, networkTimeout, sdkRetries);
            return string.IsNullOrEmpty(settings.ApiKey)
                ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), options)
                : new AzureOpenAIClient(endpoint, new ApiKeyCredential(settings.ApiKey), options);
        }

        var openAi = new OpenAIClientOptions { Endpoint = endpoint };
        Configure(openAi, http, networkTimeout, sdkRetries);

        // Local servers (vLLM, Ollama) take no key, but the SDK needs one to send.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(settings.ApiKey) ? "unused" : settings.ApiKey), openAi);
    }

    private static void Configure(ClientPipelineOptions options, HttpClient? http, TimeSpan networkTimeout, int sdkRetries)
    {
        options.NetworkTimeout = networkTimeout;
        options.RetryPolicy = new ClientRetryPolicy(sdkRetries);
        if (http is not null)
        {
            options.Transport = new HttpClientPipelineTransport(http);
        }
    }

    /// <summary>Refuses vectors of the wrong size or count before they reach the database.</summary>
    private sealed class EmbeddingSizeCheck(IEmbeddingGenerator<string, Embedding<float>> inner, int dimensions, string provider)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var inputs = values.ToList();
            GeneratedEmbeddings<Embedding<float>> result = await base.GenerateAsync(inputs, options, cancellationToken).ConfigureAwait(false);
            if (result.Count != inputs.Count || result.Any(e => e.Vector.Length != dimensions))
            {
                throw new InvalidOperationException(
                    $"The embeddings endpoint returned {result.Count} vectors of size {result.FirstOrDefault()?.Vector.Length} for {inputs.Count} inputs; expected size {dimensions} (Embeddings:Dimensions).");
            }

            return result;
        }

        public override object? GetService(Type serviceType, object? serviceKey = null)
        {
            if (serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) && base.GetService(serviceType) is EmbeddingGeneratorMetadata m)
            {
                return new EmbeddingGeneratorMetadata(provider, m.ProviderUri, m.DefaultModelId, m.DefaultModelDimensions ?? dimensions);
            }

            return base.GetService(serviceType, serviceKey);
        }
    }
}
