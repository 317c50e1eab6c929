using System.Text;
using System.Text.Json;

namespace Assistant.Features.Evaluations;

/// <summary>
/// One field's value as the evaluation reader sees it: its kind, and its text read only when asked
/// (a string unescaped, a number as written). Made either from a <see cref="JsonElement"/> (the
/// document path) or from a token of a <see cref="Utf8JsonReader"/> over the body (the streaming
/// path: only the token's place in the body is kept, so a field given twice and overwritten costs no
/// string). An absent field is <c>default</c> (kind <see cref="JsonValueKind.Undefined"/>).
/// </summary>
internal readonly struct JsonField
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly JsonElement _element;
    private readonly ReadOnlyMemory<byte> _body;
    private readonly int _start;
    private readonly int _length;
    private readonly bool _escaped;
    private readonly bool _fromBody;

    private JsonField(JsonElement element)
    {
        _element = element;
        Kind = element.ValueKind;
    }

    private JsonField(JsonValueKind kind, ReadOnlyMemory<byte> body, int start, int length, bool escaped)
    {
        Kind = kind;
        _body = body;
        _start = start;
        _length = length;
        _escaped = escaped;
        _fromBody = true;
    }

    public JsonValueKind Kind { get; }

    public bool IsMissing => Kind is JsonValueKind.Undefined or JsonValueKind.Null;

    public static JsonField Of(JsonElement element) => new(element);

    /// <summary>The field <paramref name="name"/> of an object as <c>TryGetProperty</c> finds it (the last of duplicates), or missing.</summary>
    public static JsonField Of(JsonElement obj, string name) => obj.TryGetProperty(name, out JsonElement v) ? new(v) : default;

    /// <summary>
    /// The value token the reader stands on. A scalar keeps its place in <paramref name="body"/> (the
    /// reader's own buffer: one contiguous span); an object or array keeps only its kind and is left
    /// for the caller to read or skip.
    /// </summary>
    public static JsonField Token(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body) => reader.TokenType switch
    {
        JsonTokenType.String => new(JsonValueKind.String, body, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, reader.ValueIsEscaped),
        JsonTokenType.Number => new(JsonValueKind.Number, body, (int)reader.TokenStartIndex, reader.ValueSpan.Length, false),
        JsonTokenType.True => new(JsonValueKind.True, body, 0, 0, false),
        JsonTokenType.False => new(JsonValueKind.False, body, 0, 0, false),
        JsonTokenType.Null => new(JsonValueKind.Null, body, 0, 0, false),
        JsonTokenType.StartObject => new(JsonValueKind.Object, body, 0, 0, false),
        JsonTokenType.StartArray => new(JsonValueKind.Array, body, 0, 0, false),
        _ => throw new InvalidOperationException($"not a value token: {reader.TokenType}"),
    };

    /// <summary>A string's text, unescaped (as <see cref="JsonElement.GetString"/>: invalid UTF-8 or a lone surrogate escape throws <see cref="InvalidOperationException"/>).</summary>
    public string GetString()
    {
        if (!_fromBody)
        {
            return _element.GetString()!;
        }

        if (_escaped)
        {
            // Rare: unescaped by a reader over just this token (quotes included), as the document would.
            var one = new Utf8JsonReader(_body.Span.Slice(_start - 1, _length + 2));
            one.Read();
            return one.GetString()!;
        }

        try
        {
            return Strict.GetString(_body.Span.Slice(_start, _length));
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidOperationException("Cannot transcode invalid UTF-8 JSON text to UTF-16 string.", e);
        }
    }

    /// <summary>A number's text as written.</summary>
    public string GetRawText() => _fromBody ? Encoding.UTF8.GetString(_body.Span.Slice(_start, _length)) : _element.GetRawText();
}
