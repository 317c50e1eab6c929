using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Assistant.Features.Evaluations;

/// <summary>
/// A forward-only JSON emitter that writes the bytes <see cref="Utf8JsonWriter"/> writes with
/// <see cref="ContractWriter.WriterOptions"/> (indented, the contract's relaxed encoder), straight into
/// the output's spans: no per-call validation; every property's comma, new line, indentation and name
/// copied as one pre-built run of bytes (<see cref="JsonName"/>); a string's UTF-16 code units checked
/// against the encoder's own verdict for each of them (<see cref="TextEncoder.WillEncode"/>, read once
/// into a bitmap; every surrogate counts as "escape", as the encoder escapes every character outside the
/// BMP) and transcoded in the same pass; a string that needs escaping is escaped by a
/// <see cref="Utf8JsonWriter"/> with the same options. Structure is the caller's responsibility (names
/// only inside objects, balanced ends). Held byte-equal to <see cref="Utf8JsonWriter"/> by
/// <c>IndentedJsonEmitterTests</c> (every UTF-16 code unit, hostile strings, nesting deeper than the
/// pre-built runs) and to the contract's records by <c>ScoreAnswerWriterTests</c> and the scoring goldens.
/// Since session 38 it also writes the compact form (<see cref="ContractWriter.CompactWriterOptions"/>: no new
/// lines, no indentation, no space after a colon) when made with <c>indented: false</c>, from the same calls:
/// each name and each pre-built run keeps a compact run beside its per-depth ones. Held byte-equal to
/// <see cref="Utf8JsonWriter"/> with those options by the same tests.
/// </summary>
public ref struct IndentedJsonEmitter
{
    private const int Chunk = 16 * 1024;

    /// <summary>Depths with pre-built runs; deeper levels are built per call.</summary>
    internal const int PrebuiltDepth = 8;

    private static readonly JsonWriterOptions Options = ContractWriter.WriterOptions;
    private static readonly JavaScriptEncoder Encoder = Options.Encoder as JavaScriptEncoder ?? JavaScriptEncoder.Default;
    private static readonly uint[] Escapes = BuildEscapes();

    /// <summary>",\n" + indentation, per depth (the comma is skipped for a container's first value).</summary>
    private static readonly byte[][] Breaks = Enumerable.Range(0, PrebuiltDepth + 1).Select(d => Break(d, string.Empty)).ToArray();

    /// <summary>The compact form's break: only the comma (skipped for a container's first value).</summary>
    private static readonly byte[] Comma = [(byte)','];

    private readonly IBufferWriter<byte> _output;
    private readonly bool _compact;
    private Span<byte> _span;
    private int _position;
    private int _depth;
    private bool _afterValue;

    public IndentedJsonEmitter(IBufferWriter<byte> output)
        : this(output, indented: true)
    {
    }

    /// <summary>An emitter of the indented form (the contract's) or, with <paramref name="indented"/> false, of the compact form.</summary>
    public IndentedJsonEmitter(IBufferWriter<byte> output, bool indented)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _compact = !indented;
        _span = default;
        _position = 0;
        _depth = 0;
        _afterValue = false;
    }

    /// <summary>The comma, new line and indentation before a value at <paramref name="depth"/>, then <paramref name="nameAndColon"/>.</summary>
    internal static byte[] Break(int depth, string nameAndColon)
    {
        string newLine = Options.NewLine;
        var bytes = new List<byte> { (byte)',' };
        bytes.AddRange(Encoding.ASCII.GetBytes(newLine));
        bytes.AddRange(Enumerable.Repeat((byte)Options.IndentCharacter, depth * Options.IndentSize));
        bytes.AddRange(Encoding.UTF8.GetBytes(nameAndColon));
        return [.. bytes];
    }

    /// <summary>The compact form's run of a name: comma, quoted name, colon (no space).</summary>
    internal static byte[] CompactBreak(string nameAndColon) => [(byte)',', .. Encoding.UTF8.GetBytes(nameAndColon)];

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
        if (_depth > 0)
        {
            Run(_compact ? Comma : _depth <= PrebuiltDepth ? Breaks[_depth] : Break(_depth, string.Empty));
        }
        else if (_afterValue)
        {
            Byte((byte)',');
        }

        Byte((byte)'{');
        Open();
    }

    public void StartObject(JsonName name)
    {
        Name(name);
        Byte((byte)'{');
        Open();
    }

    public void StartArray(JsonName name)
    {
        Name(name);
        Byte((byte)'[');
        Open();
    }

    public void EndObject() => Close((byte)'}');

    public void EndArray() => Close((byte)']');

    public void Null(JsonName name)
    {
        // The name and its null, one pre-built run.
        Run(_compact ? name.CompactNullRun : name.NullRun(_depth));
        _afterValue = true;
    }

    public void Number(JsonName name, int value)
    {
        Name(name);
        Span<byte> span = Reserve(11);
        Utf8Formatter.TryFormat(value, span, out int written);
        _position += written;
        _afterValue = true;
    }

    /// <summary>
    /// A run of properties pre-built by <see cref="JsonRun"/>: the bytes its writer gave at this depth after
    /// a value, copied at once (the comma dropped for a container's first value, as for every property).
    /// </summary>
    public void Properties(JsonRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run(_compact ? run.CompactRun : run.Run(_depth));
        _afterValue = true;
    }

    /// <summary>
    /// What <paramref name="write"/> emits inside an object at <paramref name="depth"/> after a value — so the
    /// bytes start with the comma that <see cref="Run"/> drops for a first value. Properties only: it must
    /// end at the depth it began.
    /// </summary>
    internal static byte[] Capture(int depth, JsonRunWriter write, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var emitter = new IndentedJsonEmitter(buffer, indented) { _depth = depth, _afterValue = true };
        write(ref emitter);
        if (emitter._depth != depth || !emitter._afterValue)
        {
            throw new InvalidOperationException("a pre-built run must write whole properties and end where it began");
        }

        emitter.Flush();
        byte[] bytes = buffer.WrittenSpan.ToArray();
        return bytes.Length > 0 && bytes[0] == (byte)',' ? bytes : throw new InvalidOperationException("a pre-built run starts with a property");
    }

    /// <summary>A string value already encoded (a fixed word).</summary>
    public void String(JsonName name, JsonEncodedText value)
    {
        Name(name);
        Quoted(value.EncodedUtf8Bytes);
    }

    /// <summary>A string value of ASCII that needs no escaping (digits, point, sign, percent) — the caller's promise.</summary>
    public void AsciiString(JsonName name, scoped ReadOnlySpan<byte> value)
    {
        Name(name);
        Quoted(value);
    }

    /// <summary>
    /// Room for a string value of at most <paramref name="maxLength"/> ASCII bytes that need no escaping
    /// (digits, point, percent — the caller's promise), after the name and the opening quote: the caller
    /// formats straight into it, then <see cref="CommitAscii"/> (or, if it could not, <see cref="StringValue"/>).
    /// </summary>
    public Span<byte> AsciiValue(JsonName name, int maxLength)
    {
        Name(name);
        Span<byte> span = Reserve(maxLength + 2);
        span[0] = (byte)'"';
        return span.Slice(1, maxLength);
    }

    /// <summary>Closes the value begun by <see cref="AsciiValue"/> after <paramref name="written"/> bytes.</summary>
    public void CommitAscii(int written)
    {
        _span[_position + 1 + written] = (byte)'"';
        _position += written + 2;
        _afterValue = true;
    }

    /// <summary>A string value, or null.</summary>
    public void String(JsonName name, string? value)
    {
        if (value is null)
        {
            Null(name);
            return;
        }

        Name(name);
        StringValue(value);
    }

    /// <summary>A string value (or null) after a name already written (a value <see cref="AsciiValue"/> could not take).</summary>
    public void StringValue(string? value)
    {
        if (value is null)
        {
            NullLiteral();
            return;
        }

        StringValue(value.AsSpan());
    }

    /// <summary>A string value given as characters (a text written into a span, never made into a string).</summary>
    public void String(JsonName name, scoped ReadOnlySpan<char> value)
    {
        Name(name);
        StringValue(value);
    }

    /// <summary>
    /// A string value given as characters, after a name already written: checked and transcoded in one
    /// pass (since session 32; before, a pass over the bitmap and then <see cref="Utf8.FromUtf16"/>). A code
    /// unit the encoder would escape sends the whole value to <see cref="Escaped"/>; the bytes already
    /// transcoded are dropped (the position has not moved). Every other code unit is a BMP scalar that is not
    /// a surrogate (every surrogate is in the bitmap), so its UTF-8 is one, two or three bytes by its value —
    /// what <see cref="Utf8.FromUtf16"/> writes for it. Held byte-equal to <see cref="Utf8JsonWriter"/> by
    /// <c>IndentedJsonEmitterTests</c> (every code unit, hostile strings, random mixed texts).
    /// </summary>
    public void StringValue(scoped ReadOnlySpan<char> value)
    {
        Span<byte> span = Reserve((value.Length * 3) + 2);
        ref uint escapes = ref MemoryMarshal.GetArrayDataReference(Escapes);
        ref byte start = ref MemoryMarshal.GetReference(span);
        start = (byte)'"';
        int o = 1;
        foreach (char ch in value)
        {
            uint c = ch;
            if ((Unsafe.Add(ref escapes, (int)(c >> 5)) & (1u << (int)c)) != 0)
            {
                Escaped(value);
                return;
            }

            if (c < 0x80)
            {
                Unsafe.Add(ref start, o++) = (byte)c;
            }
            else if (c < 0x800)
            {
                Unsafe.Add(ref start, o) = (byte)(0xC0 | (c >> 6));
                Unsafe.Add(ref start, o + 1) = (byte)(0x80 | (c & 0x3F));
                o += 2;
            }
            else
            {
                // The three bytes in one four-byte store (since session 44): the fourth is room the next character or the
                // closing quote writes over (the span holds three bytes a code unit and two quotes, so it is always inside).
                if (BitConverter.IsLittleEndian)
                {
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, o), (0xE0 | (c >> 12)) | ((0x80 | ((c >> 6) & 0x3F)) << 8) | ((0x80 | (c & 0x3F)) << 16));
                }
                else
                {
                    Unsafe.Add(ref start, o) = (byte)(0xE0 | (c >> 12));
                    Unsafe.Add(ref start, o + 1) = (byte)(0x80 | ((c >> 6) & 0x3F));
                    Unsafe.Add(ref start, o + 2) = (byte)(0x80 | (c & 0x3F));
                }

                o += 3;
            }
        }

        Unsafe.Add(ref start, o) = (byte)'"';
        _position += o + 1;
        _afterValue = true;
    }

    /// <summary>
    /// The code units the encoder escapes, one bit each: its verdict for every BMP scalar, and every
    /// surrogate (a pair is a character outside the BMP, which the encoder always escapes; a lone one is
    /// escaped as well).
    /// </summary>
    private static uint[] BuildEscapes()
    {
        var bits = new uint[65536 / 32];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c) || Encoder.WillEncode(c))
            {
                bits[c >> 5] |= 1u << c;
            }
        }

        return bits;
    }

    /// <summary>
    /// A string that needs escaping, escaped by <see cref="Utf8JsonWriter"/> itself: it escapes the UTF-16
    /// text before transcoding, as <see cref="JsonEncodedText"/> does not (that refuses a lone surrogate
    /// the writer writes as <c>\uD800</c>).
    /// </summary>
    private void Escaped(scoped ReadOnlySpan<char> value)
    {
        var scratch = new ArrayBufferWriter<byte>((value.Length * 6) + 2);
        using (var writer = new Utf8JsonWriter(scratch, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true }))
        {
            writer.WriteStringValue(value);
        }

        ReadOnlySpan<byte> bytes = scratch.WrittenSpan;
        bytes.CopyTo(Reserve(bytes.Length));
        _position += bytes.Length;
        _afterValue = true;
    }

    private void NullLiteral()
    {
        "null"u8.CopyTo(Reserve(4));
        _position += 4;
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
        if (_afterValue && !_compact)
        {
            ReadOnlySpan<byte> run = _depth <= PrebuiltDepth ? Breaks[_depth] : Break(_depth, string.Empty);
            _afterValue = false;
            Run(run);
        }

        Byte(token);
        _afterValue = true;
    }

    /// <summary>The comma (after a value), new line, indentation and quoted name with its colon and space.</summary>
    private void Name(JsonName name) => Run(_compact ? name.CompactRun : name.Run(_depth));

    /// <summary>A pre-built run that starts with a comma, written without it for a container's first value.</summary>
    private void Run(ReadOnlySpan<byte> run)
    {
        if (!_afterValue)
        {
            run = run[1..];
        }

        Span<byte> span = Reserve(run.Length);
        CopyShort(run, span);
        _position += run.Length;
    }

    private void Quoted(scoped ReadOnlySpan<byte> bytes)
    {
        Span<byte> span = Reserve(bytes.Length + 2);
        span[0] = (byte)'"';
        CopyShort(bytes, span[1..]);
        span[bytes.Length + 1] = (byte)'"';
        _position += bytes.Length + 2;
        _afterValue = true;
    }

    /// <summary>
    /// Copies <paramref name="from"/> to the start of <paramref name="to"/> (at least as long; the caller's <see cref="Reserve"/>).
    /// Since session 44 a run of 4 to 32 bytes — every compact name (<c>,"index":</c> is 9 bytes, <c>,"completionText":</c> 18) and
    /// most indented ones — is copied inline as two overlapping loads and stores of 4, 8 or 16 bytes (the first and the last of
    /// the run, both read before either is written), not by a call into <see cref="Span{T}.CopyTo"/>'s general copy, which the
    /// answer's ≈ 6,000 properties each paid. Shorter and longer runs are copied as before. The same bytes either way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CopyShort(scoped ReadOnlySpan<byte> from, Span<byte> to)
    {
        int n = from.Length;
        if ((uint)n > (uint)to.Length)
        {
            throw new ArgumentException("the destination is shorter than the run", nameof(to));
        }

        ref byte source = ref MemoryMarshal.GetReference(from);
        ref byte target = ref MemoryMarshal.GetReference(to);
        if (n >= 16 && n <= 32)
        {
            Vector128<byte> first = Vector128.LoadUnsafe(ref source);
            Vector128<byte> last = Vector128.LoadUnsafe(ref source, (nuint)(n - 16));
            first.StoreUnsafe(ref target);
            last.StoreUnsafe(ref target, (nuint)(n - 16));
        }
        else if (n >= 8 && n < 16)
        {
            ulong first = Unsafe.ReadUnaligned<ulong>(ref source);
            ulong last = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, n - 8));
            Unsafe.WriteUnaligned(ref target, first);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, n - 8), last);
        }
        else if (n >= 4 && n < 8)
        {
            uint first = Unsafe.ReadUnaligned<uint>(ref source);
            uint last = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, n - 4));
            Unsafe.WriteUnaligned(ref target, first);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, n - 4), last);
        }
        else
        {
            from.CopyTo(to);
        }
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

/// <summary>
/// A property name of the contract's answers with its runs pre-built for <see cref="IndentedJsonEmitter"/>:
/// per depth, the comma, new line, indentation, the name as the encoder writes it, colon and space.
/// </summary>
public sealed class JsonName
{
    private readonly byte[][] _runs;
    private readonly byte[][] _nullRuns;
    private readonly byte[] _compactRun;
    private readonly byte[] _compactNullRun;
    private readonly string _quoted;

    public JsonName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Encoded = JsonEncodedText.Encode(name, ContractWriter.WriterOptions.Encoder);
        _quoted = "\"" + Encoded.Value + "\": ";
        _runs = Enumerable.Range(0, IndentedJsonEmitter.PrebuiltDepth + 1).Select(d => IndentedJsonEmitter.Break(d, _quoted)).ToArray();
        _nullRuns = Enumerable.Range(0, IndentedJsonEmitter.PrebuiltDepth + 1).Select(d => IndentedJsonEmitter.Break(d, _quoted + "null")).ToArray();
        string compact = "\"" + Encoded.Value + "\":";
        _compactRun = IndentedJsonEmitter.CompactBreak(compact);
        _compactNullRun = IndentedJsonEmitter.CompactBreak(compact + "null");
    }

    public JsonEncodedText Encoded { get; }

    internal ReadOnlySpan<byte> Run(int depth) => depth <= IndentedJsonEmitter.PrebuiltDepth ? _runs[depth] : IndentedJsonEmitter.Break(depth, _quoted);

    /// <summary>The same run followed by <c>null</c> (a property whose value is null).</summary>
    internal ReadOnlySpan<byte> NullRun(int depth) => depth <= IndentedJsonEmitter.PrebuiltDepth ? _nullRuns[depth] : IndentedJsonEmitter.Break(depth, _quoted + "null");

    /// <summary>The compact form's run (any depth): comma, quoted name, colon.</summary>
    internal ReadOnlySpan<byte> CompactRun => _compactRun;

    /// <summary>The compact run followed by <c>null</c>.</summary>
    internal ReadOnlySpan<byte> CompactNullRun => _compactNullRun;
}

/// <summary>Writes the properties a <see cref="JsonRun"/> keeps.</summary>
public delegate void JsonRunWriter(ref IndentedJsonEmitter emitter);

/// <summary>
/// A fixed run of properties (names and fixed values: <c>"kind": "qualitative", "comparator": null, …</c>)
/// pre-built per depth by running <see cref="IndentedJsonEmitter"/> itself once, so its bytes are the
/// emitter's by construction, and written later as one copy instead of a call per property.
/// </summary>
public sealed class JsonRun
{
    private readonly byte[][] _runs;
    private readonly byte[] _compactRun;
    private readonly JsonRunWriter _write;

    public JsonRun(JsonRunWriter write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _write = write;
        _runs = Enumerable.Range(0, IndentedJsonEmitter.PrebuiltDepth + 1).Select(d => IndentedJsonEmitter.Capture(d, write)).ToArray();
        _compactRun = IndentedJsonEmitter.Capture(0, write, indented: false);
    }

    internal ReadOnlySpan<byte> Run(int depth) => depth <= IndentedJsonEmitter.PrebuiltDepth ? _runs[depth] : IndentedJsonEmitter.Capture(depth, _write);

    /// <summary>The same properties in the compact form (the same at every depth).</summary>
    internal ReadOnlySpan<byte> CompactRun => _compactRun;
}
