using Assistant.Domain.Corpus;
using Assistant.Features.Models;
using Microsoft.Extensions.AI;

namespace Assistant.Features.Corpus;

/// <summary>Settings under <c>Embeddings</c>: which generator embeds passages and queries.</summary>
public sealed class EmbeddingSettings : ModelEndpointSettings
{
    public const string Section = "Embeddings";

    public const string Hashing = "hashing";

    public EmbeddingSettings() => Provider = Hashing;

    /// <summary>Vector size; the database column follows it (re-embedding everything when it changes).</summary>
    public int Dimensions { get; set; } = HashingEmbedding.DefaultDimensions;

    /// <summary>Every problem of the configuration, each naming its setting (empty when it is usable).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Dimensions is < 8 or > 2000)
        {
            problems.Add("Invalid configuration: Embeddings:Dimensions must be between 8 and 2000 (HNSW's limit). See README.");
        }

        switch (ProviderName)
        {
            case "" or Hashing:
                break;
            case OpenAI or Azure:
                problems.AddRange(EndpointProblems("Embeddings"));
                break;
            default:
                problems.Add($"Invalid configuration: Embeddings:Provider '{Provider}' (use hashing, openai or azure). See README.");
                break;
        }

        return problems;
    }

    /// <summary>Builds the configured generator; fails fast naming the missing setting.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> CreateGenerator()
    {
        IReadOnlyList<string> problems = Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        return ProviderName is "" or Hashing ? new HashingEmbeddingGenerator(Dimensions) : ModelClients.CreateEmbeddings(this, Dimensions);
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
