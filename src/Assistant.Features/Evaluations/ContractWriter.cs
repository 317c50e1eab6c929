using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Assistant.Features.Evaluations;

/// <summary>
/// Writes the score and facts answers through the source generator's serialize handlers
/// (<see cref="ScoreJsonContext"/>) into a UTF-8 buffer, synchronously. The serializer itself never
/// takes that fast path for these options: it refuses it whenever a custom encoder is set, and the
/// contract writes Chinese as itself (<see cref="ScoreContract.JsonOptions"/>'s relaxed encoder). The
/// handlers only decide which properties are written in which order; names, nulls and escaping come
/// from the context (camelCase, nulls written) and the writer (the contract's encoder and
/// indentation), so the bytes are those <c>JsonSerializer.Serialize(value, ScoreContract.JsonOptions)</c>
/// writes — held equal over every golden table by <c>ContractWriterTests</c>.
/// </summary>
public static class ContractWriter
{
    /// <summary>The writer options of <see cref="ScoreContract.JsonOptions"/>: indented, Chinese as itself.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = ScoreContract.JsonOptions.WriteIndented,
        Encoder = ScoreContract.JsonOptions.Encoder,
        MaxDepth = 64,
    };

    /// <summary>
    /// The same options without indentation (since session 38): the same JSON with no white space between
    /// tokens, what the API answers unless asked for <c>?pretty=true</c>.
    /// </summary>
    public static readonly JsonWriterOptions CompactWriterOptions = new()
    {
        Indented = false,
        Encoder = ScoreContract.JsonOptions.Encoder,
        MaxDepth = 64,
    };

    private static readonly Action<Utf8JsonWriter, ScoreResponse> ScoreHandler = Handler(ScoreJsonContext.Default.ScoreResponse);
    private static readonly Action<Utf8JsonWriter, FactsResponse> FactsHandler = Handler(ScoreJsonContext.Default.FactsResponse);

    public static void Write(Utf8JsonWriter writer, ScoreResponse value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ScoreHandler(writer, value);
    }

    public static void Write(Utf8JsonWriter writer, FactsResponse value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        FactsHandler(writer, value);
    }

    /// <summary>Writes <paramref name="value"/> (a score or facts answer) into <paramref name="output"/>.</summary>
    public static void Write<T>(IBufferWriter<byte> output, T value)
        where T : class => Write(output, value, indented: true);

    /// <summary>Writes <paramref name="value"/> indented (<see cref="WriterOptions"/>) or compact (<see cref="CompactWriterOptions"/>).</summary>
    public static void Write<T>(IBufferWriter<byte> output, T value, bool indented)
        where T : class
    {
        using var writer = new Utf8JsonWriter(output, indented ? WriterOptions : CompactWriterOptions);
        switch (value)
        {
            case ScoreResponse score:
                ScoreHandler(writer, score);
                break;
            case FactsResponse facts:
                FactsHandler(writer, facts);
                break;
            default:
                JsonSerializer.Serialize(writer, value, ScoreContract.JsonOptions);
                break;
        }

        writer.Flush();
    }

    private static Action<Utf8JsonWriter, T> Handler<T>(JsonTypeInfo<T> info) =>
        info.SerializeHandler ?? ((w, v) => JsonSerializer.Serialize(w, v, ScoreContract.JsonOptions));
}
