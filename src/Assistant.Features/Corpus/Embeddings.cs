using System.ClientModel;
using Assistant.Domain.Corpus;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OpenAI;
using OpenAI.Embeddings;

namespace Assistant.Features.Corpus;

/// <summary>Settings under <c>Embeddings</c>: which generator embeds passages and queries.</summary>
public sealed class EmbeddingSettings
{
    /// <summary><c>hashing</c> (built in, offline, the default) or <c>openai</c> (any OpenAI-compatible endpoint).</summary>
    public string Provider { get; set; } = "hashing";

    /// <summary>The endpoint for <c>openai</c>, e.g. a vLLM or Ollama server's <c>/v1/</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Never logged or stored; read from configuration or the environment.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Vector size; the database column follows it (re-embedding everything when it changes).</summary>
    public int Dimensions { get; set; } = HashingEmbedding.DefaultDimensions;

    public static EmbeddingSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new EmbeddingSettings();
        configuration.GetSection("Embeddings").Bind(settings);
        return settings;
    }

    /// <summary>Builds the configured generator; fails fast naming the missing setting.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> CreateGenerator()
    {
        if (Dimensions is < 8 or > 2000)
        {
            throw new InvalidOperationException("Invalid configuration: Embeddings:Dimensions must be between 8 and 2000 (HNSW's limit). See README.");
        }

        switch (Provider.Trim().ToUpperInvariant())
        {
            case "HASHING":
            case "":
                return new HashingEmbeddingGenerator(Dimensions);
            case "OPENAI":
                if (Endpoint is null)
                {
                    throw new InvalidOperationException("Missing configuration: Embeddings:Endpoint (for Embeddings:Provider=openai). See README.");
                }

                if (string.IsNullOrWhiteSpace(Model))
                {
                    throw new InvalidOperationException("Missing configuration: Embeddings:Model (for Embeddings:Provider=openai). See README.");
                }

                return new OpenAIEmbeddingGenerator(Endpoint, Model, ApiKey, Dimensions);
            default:
                throw new InvalidOperationException($"Invalid configuration: Embeddings:Provider '{Provider}' (use hashing or openai). See README.");
        }
    }
}

/// <summary>The built-in offline generator over <see cref="HashingEmbedding"/>.</summary>
public sealed class HashingEmbeddingGenerator(int dimensions = HashingEmbedding.DefaultDimensions) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata metadata = new("hashing", null, HashingEmbedding.ModelId, dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>(
            values.Select(v => new Embedding<float>(HashingEmbedding.Embed(v, dimensions)) { ModelId = HashingEmbedding.ModelId }));
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}

/// <summary>Any OpenAI-compatible embeddings endpoint through the official SDK (this file is the whole adapter).</summary>
public sealed class OpenAIEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingClient client;
    private readonly int dimensions;
    private readonly EmbeddingGeneratorMetadata metadata;

    public OpenAIEmbeddingGenerator(Uri endpoint, string model, string? apiKey, int dimensions)
    {
        client = new EmbeddingClient(
            model,
            new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "unused" : apiKey),
            new OpenAIClientOptions { Endpoint = endpoint, NetworkTimeout = TimeSpan.FromSeconds(60) });
        this.dimensions = dimensions;
        metadata = new EmbeddingGeneratorMetadata("openai", endpoint, model, dimensions);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToList();
        var response = await client.GenerateEmbeddingsAsync(
            inputs, new OpenAI.Embeddings.EmbeddingGenerationOptions { Dimensions = dimensions }, cancellationToken);
        var vectors = response.Value.OrderBy(e => e.Index).Select(e => e.ToFloats().ToArray()).ToList();
        if (vectors.Count != inputs.Count || vectors.Any(v => v.Length != dimensions))
        {
            throw new InvalidOperationException(
                $"The embeddings endpoint returned {vectors.Count} vectors of size {vectors.FirstOrDefault()?.Length} for {inputs.Count} inputs; expected size {dimensions} (Embeddings:Dimensions).");
        }

        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = metadata.DefaultModelId }));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}

public static class EmbeddingGeneratorExtensions
{
    /// <summary>Provider, model and dimension: what a stored vector was made with.</summary>
    public static string Identity(this IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var m = generator.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata;
        return $"{m?.ProviderName ?? "unknown"}:{m?.DefaultModelId ?? "unknown"}:{m?.DefaultModelDimensions}";
    }

    public static int Dimensions(this IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var m = generator.GetService(typeof(EmbeddingGeneratorMetadata)) as EmbeddingGeneratorMetadata;
        return m?.DefaultModelDimensions ?? HashingEmbedding.DefaultDimensions;
    }
}
