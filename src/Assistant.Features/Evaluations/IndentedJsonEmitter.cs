using System.Buffers;
using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Assistant.Features.Evaluations;

/// <summary>
/// A forward-only JSON emitter that writes the bytes <see cref="Utf8JsonWriter"/> writes with
/// <see cref="ContractWriter.WriterOptions"/> (indented, the contract's encoder), straight into the
/// output's spans: no per-call validation, no escaping check of values known to be ASCII digits, and a
/// string is transcoded once and checked by the encoder's own UTF-8 test
/// (<see cref="TextEncoder.FindFirstCharacterToEncodeUtf8"/>, the test the writer uses for UTF-8
/// values); a string that needs escaping (or is not valid UTF-16) is escaped by a
/// <see cref="Utf8JsonWriter"/> with the same encoder. Structure is the caller's responsibility (names only inside
/// objects, balanced ends). Held byte-equal to <see cref="Utf8JsonWriter"/> by
/// <c>IndentedJsonEmitterTests</c> (every BMP character, surrogates, hostile strings, nesting) and to
/// the contract's records by <c>ScoreAnswerWriterTests</c> and the scoring goldens.
/// </summary>
public ref struct IndentedJsonEmitter
{
    private const int Chunk = 16 * 1024;
    private static readonly byte[] NullLiteral = "null"u8.ToArray();

    private readonly IBufferWriter<byte> _output;
    private readonly JavaScriptEncoder _encoder;
    private readonly ReadOnlySpan<byte> _newLine;
    private readonly byte _indentCharacter;
    private readonly int _indentSize;
    private Span<byte> _span;
    private int _position;
    private int _depth;
    private bool _afterValue;

    public IndentedJsonEmitter(IBufferWriter<byte> output, JsonWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!options.Indented)
        {
            throw new ArgumentException("the emitter writes indented JSON only", nameof(options));
        }

        _output = output;
        _encoder = options.Encoder as JavaScriptEncoder ?? JavaScriptEncoder.Default;
        _newLine = options.NewLine == "\n" ? "\n"u8 : "\r\n"u8;
        _indentCharacter = (byte)options.IndentCharacter;
        _indentSize = options.IndentSize;
        _span = default;
        _position = 0;
        _depth = 0;
        _afterValue = false;
    }

    /// <summary>Commits what was written to the output.</summary>
    public void Flush()
    {
        if (_position > 0)
        {
            _output.Advance(_position);
        }

        _span = default;
        _position = 0;
    }

    public void StartObject()
    {
        Separator();
        Byte((byte)'{');
        Open();
    }

    public void StartObject(JsonEncodedText name)
    {
        Name(name);
        Byte((byte)'{');
        Open();
    }

    public void StartArray(JsonEncodedText name)
    {
        Name(name);
        Byte((byte)'[');
        Open();
    }

    public void EndObject() => Close((byte)'}');

    public void EndArray() => Close((byte)']');

    public void Null(JsonEncodedText name)
    {
        Name(name);
        Raw(NullLiteral);
        _afterValue = true;
    }

    public void Number(JsonEncodedText name, int value)
    {
        Name(name);
        Span<byte> span = Reserve(11);
        Utf8Formatter.TryFormat(value, span, out int written);
        _position += written;
        _afterValue = true;
    }

    /// <summary>A string value already encoded (a fixed word).</summary>
    public void String(JsonEncodedText name, JsonEncodedText value)
    {
        Name(name);
        Quoted(value.EncodedUtf8Bytes);
    }

    /// <summary>A string value of ASCII that needs no escaping (digits, point, sign, percent) — the caller's promise.</summary>
    public void AsciiString(JsonEncodedText name, scoped ReadOnlySpan<byte> value)
    {
        Name(name);
        Quoted(value);
    }

    /// <summary>A string value, or null.</summary>
    public void String(JsonEncodedText name, string? value)
    {
        Name(name);
        if (value is null)
        {
            Raw(NullLiteral);
            _afterValue = true;
            return;
        }

        Span<byte> span = Reserve((value.Length * 3) + 2);
        span[0] = (byte)'"';
        OperationStatus status = Utf8.FromUtf16(value, span[1..], out _, out int written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done && _encoder.FindFirstCharacterToEncodeUtf8(span.Slice(1, written)) < 0)
        {
            span[written + 1] = (byte)'"';
            _position += written + 2;
            _afterValue = true;
            return;
        }

        Escaped(value);
    }

    /// <summary>
    /// A string that needs escaping (or holds a lone surrogate), escaped by <see cref="Utf8JsonWriter"/>
    /// itself: it escapes the UTF-16 text before transcoding, as <see cref="JsonEncodedText"/> does not
    /// (that refuses a lone surrogate the writer writes as <c>\uD800</c>).
    /// </summary>
    private void Escaped(string value)
    {
        var scratch = new ArrayBufferWriter<byte>((value.Length * 6) + 2);
        using (var writer = new Utf8JsonWriter(scratch, new JsonWriterOptions { Encoder = _encoder, SkipValidation = true }))
        {
            writer.WriteStringValue(value);
        }

        Raw(scratch.WrittenSpan);
        _afterValue = true;
    }

    private void Open()
    {
        _depth++;
        _afterValue = false;
    }

    private void Close(byte token)
    {
        _depth--;
        if (_afterValue)
        {
            NewLine();
        }

        Byte(token);
        _afterValue = true;
    }

    private void Name(JsonEncodedText name)
    {
        Separator();
        ReadOnlySpan<byte> bytes = name.EncodedUtf8Bytes;
        Span<byte> span = Reserve(bytes.Length + 4);
        span[0] = (byte)'"';
        bytes.CopyTo(span[1..]);
        span[bytes.Length + 1] = (byte)'"';
        span[bytes.Length + 2] = (byte)':';
        span[bytes.Length + 3] = (byte)' ';
        _position += bytes.Length + 4;
    }

    /// <summary>The comma after a previous value, then the new line and indentation inside a container.</summary>
    private void Separator()
    {
        if (_afterValue)
        {
            Byte((byte)',');
        }

        if (_depth > 0)
        {
            NewLine();
        }
    }

    private void NewLine()
    {
        int indent = _depth * _indentSize;
        Span<byte> span = Reserve(_newLine.Length + indent);
        _newLine.CopyTo(span);
        span.Slice(_newLine.Length, indent).Fill(_indentCharacter);
        _position += _newLine.Length + indent;
    }

    private void Quoted(scoped ReadOnlySpan<byte> bytes)
    {
        Span<byte> span = Reserve(bytes.Length + 2);
        span[0] = (byte)'"';
        bytes.CopyTo(span[1..]);
        span[bytes.Length + 1] = (byte)'"';
        _position += bytes.Length + 2;
        _afterValue = true;
    }

    private void Raw(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _position += bytes.Length;
    }

    private void Byte(byte value)
    {
        Reserve(1)[0] = value;
        _position++;
    }

    private Span<byte> Reserve(int length)
    {
        if (_span.Length - _position < length)
        {
            Grow(length);
        }

        return _span[_position..];
    }

    private void Grow(int length)
    {
        Flush();
        _span = _output.GetSpan(Math.Max(length, Chunk));
    }
}
