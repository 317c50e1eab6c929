using System.Buffers;
using System.Text;
using System.Text.Json;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// <see cref="IndentedJsonEmitter"/> writes the bytes <see cref="Utf8JsonWriter"/> writes with the
/// contract's options (<see cref="ContractWriter.WriterOptions"/>): every UTF-16 code unit alone in a
/// string (so every character the relaxed encoder escapes or keeps, and every lone surrogate), hostile
/// strings, strings longer than the emitter's chunk, empty and nested containers, integers at their
/// edges — into a growing buffer and into one that hands out only the spans asked for.
/// </summary>
public class IndentedJsonEmitterTests
{
    private static readonly JsonName A = new("a"), B = new("名称"), List = new("list"), Quote = new("say \"<&>\"");

    private static readonly string[] Hostile =
    [
        "", "plain", "say \"hi\" \\ back", "tab\tnew\nline\r\u0001\u001f\u007f", "<b>&amp;</b>'`+", "😀≥5人", "\ud800孤", "孤\udc00", "\udc00\ud800",
        "\ud83d\ude00\ud83d", "\u2028\u2029\u00a0\u00ad\ufeff\ufffe\uffff", "中文，“引号”（括号）；：！？、。", "١٢٣ ℃ ㎡ ①", "12345678901234567890123456789.0123",
        new string('长', 20_000), new string('x', 40_000) + "\"", string.Concat(Enumerable.Repeat("😀a", 9_000)), "\0",
    ];

    [Fact]
    public void EveryCodeUnitAlone_SameBytesAsTheWriter()
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string value = "a" + (char)c + "b";
            AssertSame((ref IndentedJsonEmitter e) => e.String(A, value), w => w.WriteString(A.Encoded, value), $"U+{c:X4}");
            AssertSame((ref IndentedJsonEmitter e) => e.String(A, value.AsSpan()), w => w.WriteString(A.Encoded, value), $"U+{c:X4} as characters");
        }
    }

    [Fact]
    public void HostileStrings_SameBytesAsTheWriter()
    {
        foreach (string value in Hostile)
        {
            AssertSame((ref IndentedJsonEmitter e) => e.String(B, value), w => w.WriteString(B.Encoded, value), value.Length > 40 ? value[..40] : value);
            AssertSame((ref IndentedJsonEmitter e) => e.String(B, value.AsSpan()), w => w.WriteString(B.Encoded, value), "as characters: " + (value.Length > 40 ? value[..40] : value));
        }

        AssertSame((ref IndentedJsonEmitter e) => e.String(A, (string?)null), w => w.WriteString(A.Encoded, (string?)null), "null");
    }

    /// <summary>
    /// Since session 32 a string is checked and transcoded in one pass: random texts mixing every width of
    /// UTF-8 (ASCII, two-byte Latin/Greek/Cyrillic, three-byte CJK and punctuation, the edges of each width),
    /// with or without one code unit the encoder escapes (a quote, a control, a lone or paired surrogate, a
    /// non-character) at a random place — first, last, middle — as a string and as characters, one after
    /// another into one answer (so a value dropped half-transcoded must leave nothing behind).
    /// </summary>
    [Fact]
    public void RandomMixedTexts_SameBytesAsTheWriter()
    {
        char[] widths = ['a', 'Z', '0', ' ', '~', '\u0080', '\u00e9', '\u03a9', '\u0416', '\u07ff', '\u0800', '\u4e2d', '\u6587', '\u2265', '\u3002', '\uff0c', '\ufffd', '\ud7ff', '\ue000', '\uf8ff'];
        char[] escaped = ['"', '\\', '\n', '\u0001', '\u001f', '\u007f', '\ud800', '\udfff', '\ufffe', '\uffff', '\u2028'];
        var random = new Random(3232);
        for (int round = 0; round < 400; round++)
        {
            var values = new string[random.Next(1, 12)];
            for (int v = 0; v < values.Length; v++)
            {
                var text = new char[random.Next(0, 200)];
                for (int i = 0; i < text.Length; i++)
                {
                    text[i] = random.Next(4) == 0 ? (char)random.Next(0x20, 0xD800) : widths[random.Next(widths.Length)];
                }

                if (text.Length > 0 && random.Next(3) == 0)
                {
                    int at = random.Next(3) switch { 0 => 0, 1 => text.Length - 1, _ => random.Next(text.Length) };
                    text[at] = escaped[random.Next(escaped.Length)];
                }

                values[v] = new string(text);
            }

            AssertSame(
                (ref IndentedJsonEmitter e) =>
                {
                    for (int v = 0; v < values.Length; v++)
                    {
                        if (v % 2 == 0)
                        {
                            e.String(B, values[v]);
                        }
                        else
                        {
                            e.String(A, values[v].AsSpan());
                        }
                    }
                },
                w =>
                {
                    for (int v = 0; v < values.Length; v++)
                    {
                        w.WriteString(v % 2 == 0 ? B.Encoded : A.Encoded, values[v]);
                    }
                },
                $"round {round}");
        }
    }

    [Fact]
    public void Structure_SameBytesAsTheWriter()
    {
        var random = new Random(2127);
        for (int round = 0; round < 300; round++)
        {
            int seed = random.Next();
            AssertSame((ref IndentedJsonEmitter e) => Emit(ref e, new Random(seed), 0), w => Write(w, new Random(seed), 0), $"seed {seed}");
        }
    }

    /// <summary>Deeper than the emitter's pre-built runs (<see cref="IndentedJsonEmitter.PrebuiltDepth"/>, counting an array and its objects).</summary>
    private const int MaxDepth = 6;

    internal delegate void EmitAction(ref IndentedJsonEmitter emitter);

    /// <summary>
    /// The emitter's bytes against the writer's, in both forms: indented (<see cref="ContractWriter.WriterOptions"/>)
    /// and, since session 38, compact (<see cref="ContractWriter.CompactWriterOptions"/>, <c>indented: false</c>).
    /// </summary>
    internal static void AssertSame(EmitAction emit, Action<Utf8JsonWriter> write, string what)
    {
        foreach (bool indented in new[] { true, false })
        {
            var expected = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(expected, indented ? ContractWriter.WriterOptions : ContractWriter.CompactWriterOptions))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }

            foreach (IBufferWriter<byte> actual in new IBufferWriter<byte>[] { new ArrayBufferWriter<byte>(), new ExactBufferWriter() })
            {
                var emitter = new IndentedJsonEmitter(actual, indented);
                emitter.StartObject();
                emit(ref emitter);
                emitter.EndObject();
                emitter.Flush();
                byte[] bytes = actual is ArrayBufferWriter<byte> a ? a.WrittenSpan.ToArray() : ((ExactBufferWriter)actual).Written;
                if (!expected.WrittenSpan.SequenceEqual(bytes))
                {
                    Assert.Fail($"{what} ({(indented ? "indented" : "compact")}): expected {Encoding.UTF8.GetString(expected.WrittenSpan)} got {Encoding.UTF8.GetString(bytes)}");
                }
            }
        }
    }

    private static void Emit(ref IndentedJsonEmitter e, Random random, int depth)
    {
        int count = random.Next(0, 5);
        for (int i = 0; i < count; i++)
        {
            switch (depth < MaxDepth ? random.Next(8) : random.Next(4))
            {
                case 0: e.String(A, Hostile[random.Next(Hostile.Length)]); break;
                case 1: e.Null(B); break;
                case 2: e.Number(A, random.Next(3) switch { 0 => int.MinValue, 1 => int.MaxValue, _ => random.Next(-1000, 1000) }); break;
                case 3: e.AsciiString(B, "85.58%"u8); break;
                case 4: e.StartObject(A); Emit(ref e, random, depth + 1); e.EndObject(); break;
                case 5:
                    e.StartArray(List);
                    int items = random.Next(0, 3);
                    for (int j = 0; j < items; j++)
                    {
                        e.StartObject();
                        Emit(ref e, random, depth + 1);
                        e.EndObject();
                    }

                    e.EndArray();
                    break;
                case 6: e.String(Quote, JsonEncodedText.Encode("固定", ContractWriter.WriterOptions.Encoder)); break;
                default: e.String(A, "plain ≥ 5 人"); break;
            }
        }
    }

    private static void Write(Utf8JsonWriter w, Random random, int depth)
    {
        int count = random.Next(0, 5);
        for (int i = 0; i < count; i++)
        {
            switch (depth < MaxDepth ? random.Next(8) : random.Next(4))
            {
                case 0: w.WriteString(A.Encoded, Hostile[random.Next(Hostile.Length)]); break;
                case 1: w.WriteNull(B.Encoded); break;
                case 2: w.WriteNumber(A.Encoded, random.Next(3) switch { 0 => int.MinValue, 1 => int.MaxValue, _ => random.Next(-1000, 1000) }); break;
                case 3: w.WriteString(B.Encoded, "85.58%"u8); break;
                case 4: w.WriteStartObject(A.Encoded); Write(w, random, depth + 1); w.WriteEndObject(); break;
                case 5:
                    w.WriteStartArray(List.Encoded);
                    int items = random.Next(0, 3);
                    for (int j = 0; j < items; j++)
                    {
                        w.WriteStartObject();
                        Write(w, random, depth + 1);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    break;
                case 6: w.WriteString(Quote.Encoded, JsonEncodedText.Encode("固定", ContractWriter.WriterOptions.Encoder)); break;
                default: w.WriteString(A.Encoded, "plain ≥ 5 人"); break;
            }
        }
    }

    /// <summary>Hands out exactly the span asked for, so the emitter must ask again for every write past it.</summary>
    private sealed class ExactBufferWriter : IBufferWriter<byte>
    {
        private byte[] _pending = [];
        private readonly List<byte> _written = [];

        public byte[] Written => [.. _written];

        public void Advance(int count) => _written.AddRange(_pending.AsSpan(0, count).ToArray());

        public Memory<byte> GetMemory(int sizeHint = 0) => _pending = new byte[Math.Max(sizeHint, 1)];

        public Span<byte> GetSpan(int sizeHint = 0) => _pending = new byte[Math.Max(sizeHint, 1)];
    }
}
