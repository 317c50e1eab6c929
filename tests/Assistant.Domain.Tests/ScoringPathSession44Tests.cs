using System.Buffers;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 44 (issue 21): the emitter copies a run of 4 to 32 bytes (a property's name, a fixed word, a short pre-built run) as
/// two overlapping loads and stores instead of a call into the general copy, and stores a three-byte character as one four-byte
/// write. Held here against <see cref="Utf8JsonWriter"/> for names, fixed words and ASCII values of every length from 0 to 70
/// bytes (ASCII and CJK, so every branch of the copy and both of its edges), at every depth to past the pre-built ones, in both
/// forms, into a growing buffer and one that hands out only the spans asked for; texts of every length from 0 to 40 CJK
/// characters followed by nothing, by ASCII or by an escaped character (the four-byte store at the very end of the room); and
/// the whole answer of every real table (reference, eval, fixtures, imported fixtures and seeds) and of generated ones against
/// the contract's records written by <see cref="ContractWriter"/>, compact and indented.
/// </summary>
public class ScoringPathSession44Tests
{

    /// <summary>Past the emitter's pre-built depths (eight).</summary>
    private const int MaxDepth = 10;

    private static readonly char[] Alphabet = ['a', 'Z', '0', '_', '名', '称', '≥', 'é'];

    /// <summary>A name of <paramref name="length"/> characters drawn from ASCII, two- and three-byte characters (seeded by its length).</summary>
    private static string Text(int length, int seed, bool asciiOnly)
    {
        var random = new Random(seed);
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = asciiOnly ? (char)('a' + random.Next(26)) : Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    [Fact]
    public void NamesOfEveryLength_AtEveryDepth_SameBytesAsTheWriter()
    {
        int compared = 0;
        for (int length = 0; length <= 70; length++)
        {
            foreach (bool ascii in new[] { true, false })
            {
                string text = Text(length, length, ascii);
                var name = new JsonName(text);
                JsonEncodedText encoded = JsonEncodedText.Encode(text, ContractWriter.WriterOptions.Encoder);
                for (int depth = 0; depth <= MaxDepth; depth++)
                {
                    int d = depth;
                    AssertSame(
                        (ref IndentedJsonEmitter e) =>
                        {
                            Nest(ref e, d);
                            e.Null(name);
                            e.String(name, encoded);
                            e.Number(name, length);
                            e.String(name, text);
                            e.AsciiString(name, Encoding.ASCII.GetBytes(new string('7', length)));
                            e.StartObject(name);
                            e.String(name, text.AsSpan());
                            e.EndObject();
                            Unnest(ref e, d);
                        },
                        w =>
                        {
                            Nest(w, d);
                            w.WriteNull(name.Encoded);
                            w.WriteString(name.Encoded, encoded);
                            w.WriteNumber(name.Encoded, length);
                            w.WriteString(name.Encoded, text);
                            w.WriteString(name.Encoded, new string('7', length));
                            w.WriteStartObject(name.Encoded);
                            w.WriteString(name.Encoded, text);
                            w.WriteEndObject();
                            Unnest(w, d);
                        },
                        $"name of {length} ({(ascii ? "ASCII" : "mixed")}) at depth {depth}");
                    compared++;
                }
            }
        }

        Assert.Equal(71 * 2 * (MaxDepth + 1), compared);
    }

    /// <summary>CJK texts of every length, alone and followed by ASCII or by an escaped character, so the last three-byte character's four-byte store lands at the end of the room.</summary>
    [Fact]
    public void CjkTextsOfEveryLength_SameBytesAsTheWriter()
    {
        var key = new JsonName("t");
        foreach (string tail in new[] { string.Empty, "a", "%", "\"", "\n", "\ud800", "😀", "é", "\u4e2d" })
        {
            for (int length = 0; length <= 40; length++)
            {
                string value = new string('\u6587', length) + tail;
                string head = tail + new string('\u0800', length);
                AssertSame(
                    (ref IndentedJsonEmitter e) =>
                    {
                        e.String(key, value);
                        e.String(key, head.AsSpan());
                        e.String(key, "\uffff\u4e00" + value);
                    },
                    w =>
                    {
                        w.WriteString(key.Encoded, value);
                        w.WriteString(key.Encoded, head);
                        w.WriteString(key.Encoded, "\uffff\u4e00" + value);
                    },
                    $"{length} characters then {tail}");
            }
        }
    }

    /// <summary>Every real table and generated ones: the answer written straight from the report is the contract's records, byte for byte, in both forms.</summary>
    [Fact]
    public void EveryRealTable_AnswerSameBytesAsTheContractRecords()
    {
        int compared = 0;
        foreach (Evaluation e in Tables())
        {
            foreach (ScoringPolicy policy in ScoringPolicy.All)
            {
                ScoreReport report = Calculator.Score(e, policy);
                ScoreResponse response = ScoreContract.ToResponse(e, report);
                foreach (bool indented in new[] { true, false })
                {
                    var expected = new ArrayBufferWriter<byte>();
                    ContractWriter.Write(expected, response, indented);
                    var actual = new ArrayBufferWriter<byte>();
                    ScoreAnswerWriter.Write(actual, e, report, indented);
                    if (!expected.WrittenSpan.SequenceEqual(actual.WrittenSpan))
                    {
                        Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), Encoding.UTF8.GetString(actual.WrittenSpan));
                    }

                    compared++;
                }
            }
        }

        Assert.True(compared >= 60, $"only {compared} answers compared");
    }

    internal static IEnumerable<Evaluation> Tables()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Shared, "reference"), "*.json")
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Repo, "eval"), "*.json", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures"), "*.json"));
        foreach (string file in files)
        {
            Evaluation? e;
            try
            {
                e = EvaluationJson.Parse(File.ReadAllBytes(file).AsMemory());
            }
            catch (Exception ex) when (ex is InputException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                // Not an evaluation (an eval case's expectations, a manifest).
                e = null;
            }

            if (e is not null)
            {
                yield return e;
            }
        }

        var imported = Directory.GetFiles(Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures"))
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Shared, "seeds")));
        foreach (string file in imported)
        {
            ImportResult? result;
            try
            {
                result = DocumentImporter.Import(Path.GetFileName(file), File.ReadAllBytes(file));
            }
            catch (UnreadableDocumentException)
            {
                result = null;
            }

            foreach (var t in result?.Tables ?? [])
            {
                yield return ImportContract.ToEvaluation(t);
            }
        }

        foreach (int size in new[] { 1, 20, 100, 300 })
        {
            foreach (int seed in new[] { 1, 2, 3 })
            {
                yield return SyntheticTables.Project(size, seed);
            }
        }
    }

    private static void Nest(ref IndentedJsonEmitter e, int depth)
    {
        var level = new JsonName("l");
        for (int i = 0; i < depth; i++)
        {
            e.StartObject(level);
        }
    }

    private static void Unnest(ref IndentedJsonEmitter e, int depth)
    {
        for (int i = 0; i < depth; i++)
        {
            e.EndObject();
        }
    }

    private static void Nest(Utf8JsonWriter w, int depth)
    {
        for (int i = 0; i < depth; i++)
        {
            w.WriteStartObject("l");
        }
    }

    private static void Unnest(Utf8JsonWriter w, int depth)
    {
        for (int i = 0; i < depth; i++)
        {
            w.WriteEndObject();
        }
    }

    private static void AssertSame(IndentedJsonEmitterTests.EmitAction emit, Action<Utf8JsonWriter> write, string what) =>
        IndentedJsonEmitterTests.AssertSame(emit, write, what);
}
