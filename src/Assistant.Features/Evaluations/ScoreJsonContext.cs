using System.Text.Json.Serialization;

namespace Assistant.Features.Evaluations;

/// <summary>
/// Source-generated serializers for the score and facts contracts (the API's hottest answers), with the
/// same names and null handling as <see cref="ScoreContract.JsonOptions"/>; <see cref="ScoreContract.Configure"/>
/// puts it first in every options' resolver chain, so output is unchanged and written without reflection.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = true)]
[JsonSerializable(typeof(ScoreResponse))]
[JsonSerializable(typeof(FactsResponse))]
public sealed partial class ScoreJsonContext : JsonSerializerContext;
