using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Evaluations;

namespace Assistant.Api.Tests;

/// <summary>
/// The score and facts answers as the API writes them by default since session 38: the contract's JSON
/// without white space between tokens. <see cref="Of{T}"/> is the serializer's compact bytes of the answer,
/// checked JSON-equal (not byte-equal) to its indented form first, so a test that compares with it also
/// holds the two forms to one meaning.
/// </summary>
public static class CompactAnswers
{
    private static readonly JsonSerializerOptions Compact = new(ScoreContract.JsonOptions) { WriteIndented = false };

    /// <summary>The compact answer the API gives for <paramref name="answer"/> (and <c>?pretty=true</c> gives <see cref="Indented{T}"/>).</summary>
    public static string Of<T>(T answer)
    {
        string compact = JsonSerializer.Serialize(answer, Compact);
        string indented = Indented(answer);
        AssertSameJson(indented, compact);
        Assert.True(compact.Length < indented.Length, "the compact answer is shorter");
        return compact;
    }

    /// <summary>The contract's indented answer (the goldens' form, <c>?pretty=true</c>, what the CLI prints).</summary>
    public static string Indented<T>(T answer) => JsonSerializer.Serialize(answer, ScoreContract.JsonOptions);

    /// <summary>The two texts are the same JSON (same names in the same order, same values), whatever their white space.</summary>
    public static void AssertSameJson(string expected, string actual)
    {
        JsonNode? e = JsonNode.Parse(expected), a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(e, a), "not the same JSON");
        // DeepEquals ignores the order of an object's names; the contract fixes it, so the compact form must keep it.
        Assert.Equal(e!.ToJsonString(), a!.ToJsonString());
    }
}
