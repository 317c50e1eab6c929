using System.Text.Json;

namespace Assistant.Features.Evaluations;

/// <summary>
/// One known field's value as the evaluation reader sees it: its kind, and its text — a string
/// unescaped, a number as written — taken when the field is found (every rule that meets a string or
/// a number reads its text). Made from a <see cref="JsonElement"/> (the document path) or from the
/// token a <see cref="Utf8JsonReader"/> stands on (the streaming path). A string no reader can turn
/// into text (a lone surrogate escape) throws <see cref="InvalidOperationException"/> when a rule reads
/// it, as <see cref="JsonElement.GetString"/> does — not when it is found, so a field given twice and
/// overwritten never throws. An absent field is <c>default</c> (kind <see cref="JsonValueKind.Undefined"/>).
/// </summary>
internal readonly struct JsonField
{
    private readonly string? _text;
    private readonly bool _unreadable;

    private JsonField(JsonValueKind kind, string? text, bool unreadable = false)
    {
        Kind = kind;
        _text = text;
        _unreadable = unreadable;
    }

    public JsonValueKind Kind { get; }

    public bool IsMissing => Kind is JsonValueKind.Undefined or JsonValueKind.Null;

    public static JsonField Of(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return new(JsonValueKind.String, element.GetString());
                }
                catch (InvalidOperationException)
                {
                    return new(JsonValueKind.String, null, unreadable: true);
                }

            case JsonValueKind.Number:
                return new(JsonValueKind.Number, element.GetRawText());
            default:
                return new(element.ValueKind, null);
        }
    }

    /// <summary>The field <paramref name="name"/> of an object as <c>TryGetProperty</c> finds it (the last of duplicates), or missing.</summary>
    public static JsonField Of(JsonElement obj, string name) => obj.TryGetProperty(name, out JsonElement v) ? Of(v) : default;

    /// <summary>The value token the reader stands on; an object or array keeps only its kind (the caller reads or skips it).</summary>
    public static JsonField Token(ref Utf8JsonReader reader, RepeatedTexts? texts = null)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return new(JsonValueKind.String, texts is null ? JsonStringText.Read(ref reader) : texts.Text(ref reader));
                }
                catch (InvalidOperationException)
                {
                    return new(JsonValueKind.String, null, unreadable: true);
                }

            case JsonTokenType.Number:
                // A number token is ASCII and never escaped.
                return new(JsonValueKind.Number, System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True: return new(JsonValueKind.True, null);
            case JsonTokenType.False: return new(JsonValueKind.False, null);
            case JsonTokenType.Null: return new(JsonValueKind.Null, null);
            case JsonTokenType.StartObject: return new(JsonValueKind.Object, null);
            case JsonTokenType.StartArray: return new(JsonValueKind.Array, null);
            default: throw new InvalidOperationException($"not a value token: {reader.TokenType}");
        }
    }

    /// <summary>A string's text, unescaped.</summary>
    public string GetString() => _unreadable ? throw new InvalidOperationException("Cannot read invalid UTF-16 JSON text as string.") : _text!;

    /// <summary>A number's text as written.</summary>
    public string GetRawText() => _text!;
}
