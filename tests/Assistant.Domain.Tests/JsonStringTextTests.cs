using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 40: the streaming reader reads an escaped-ASCII string (<c>"\u5408\u6210"</c>, as the default serializer
/// writes Chinese) straight into UTF-16 (<see cref="JsonStringText"/>). Its text must be <see cref="Utf8JsonReader.GetString"/>'s
/// for every string, and every string it does not take (raw UTF-8, surrogates, a value over segments) must be read — or
/// refused — by the reader itself: over every BMP code unit, each escape spelling, hostile edges and random texts, written
/// by three encoders and by hand.
/// </summary>
public class JsonStringTextTests
{
    /// <summary>The text read both ways from the first string token of <paramref name="json"/>, or the failure's type.</summary>
    private static (string Ours, string Reader) BothWays(byte[] json)
    {
        string Outcome(Func<string> read)
        {
            try
            {
                return "text " + read();
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException)
            {
                return "failure " + e.GetType().Name;
            }
        }

        Utf8JsonReader Positioned()
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read() && reader.TokenType != JsonTokenType.String)
            {
            }

            return reader;
        }

        string ours = Outcome(() =>
        {
            Utf8JsonReader r = Positioned();
            return JsonStringText.Read(ref r);
        });
        string theirs = Outcome(() =>
        {
            Utf8JsonReader r = Positioned();
            return r.GetString()!;
        });
        return (ours, theirs);
    }

    private static void AssertSame(string jsonString)
    {
        (string ours, string reader) = BothWays(Encoding.UTF8.GetBytes("[" + jsonString + "]"));
        Assert.True(ours == reader, $"{jsonString}\nours:   {ours}\nreader: {reader}");
    }

    private static readonly JavaScriptEncoder[] Encoders = [JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping, JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.BasicLatin)];

    /// <summary>The text as <paramref name="encoder"/> writes it, or null when the serializer refuses it (a lone surrogate).</summary>
    private static string? Serialized(string text, JavaScriptEncoder encoder)
    {
        try
        {
            return JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = encoder });
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Every code unit escaped by hand, in lower- or upper-case hex.</summary>
    private static string AllEscaped(string text, bool upper) =>
        "\"" + string.Concat(text.Select(c => upper ? $"\\u{(int)c:X4}" : $"\\u{(int)c:x4}")) + "\"";

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"plain ascii\"")]
    [InlineData("\"\\u5408\\u6210\\u6307\\u6807\"")]
    [InlineData("\"\\u5408\\u6210\\u6307\\u68071\"")]
    [InlineData("\"\\u22651250\"")]
    [InlineData("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"")]
    [InlineData("\"a\\u0000b\"")]
    [InlineData("\"\\u00e9\\u00E9\\u0080\\u07ff\\u0800\\uffff\\ufffe\"")]
    [InlineData("\"\\uD83D\\uDE00\"")]
    [InlineData("\"\\ud83d\\ude00 tail\"")]
    [InlineData("\"\\uD800\"")]
    [InlineData("\"\\uDC00\"")]
    [InlineData("\"x\\uD800y\"")]
    [InlineData("\"\\uDE00\\uD83D\"")]
    [InlineData("\"合成\\u6307\\u6807\"")]
    [InlineData("\"\\u6307合\"")]
    [InlineData("\"é\\n\"")]
    [InlineData("\"\\u0041\\u0042C\"")]
    public void ChosenStrings_ReadAsTheReaderReadsThem(string jsonString) => AssertSame(jsonString);

    [Fact]
    public void EveryCodeUnit_EveryWayWritten()
    {
        // All 65,536 code units alone, each written by three encoders and escaped by hand in both cases.
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string text = ((char)c).ToString();
            foreach (JavaScriptEncoder encoder in Encoders)
            {
                if (Serialized(text, encoder) is { } written)
                {
                    AssertSame(written);
                }
            }

            AssertSame(AllEscaped(text, upper: false));
            AssertSame(AllEscaped("a" + text + "b", upper: true));
        }
    }

    [Fact]
    public void RandomTexts_AroundTheBuffer()
    {
        // Texts of CJK, ASCII, controls, quotes, surrogates (paired and lone) and the odd Latin-1 letter, 0 to 700 characters:
        // escaped they run past the thread's 512-byte buffer and take the counting path.
        var random = new Random(40);
        string pool = "合成指标产出效益满意度≥≤%．万元人\"\\/\b\f\n\r\t\u0001\u001f é\u00ff\u2028\u3000０１abcXYZ0123456789";
        int counted = 0;
        for (int n = 0; n < 6000; n++)
        {
            int length = random.Next(4) == 0 ? random.Next(60, 700) : random.Next(0, 40);
            var text = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                int pick = random.Next(40);
                if (pick == 0)
                {
                    text.Append("\U0001F600");
                }
                else if (pick == 1)
                {
                    text.Append((char)random.Next(0xD800, 0xE000));
                }
                else
                {
                    text.Append(pool[random.Next(pool.Length)]);
                }
            }

            string s = text.ToString();
            foreach (JavaScriptEncoder encoder in Encoders)
            {
                // A lone surrogate the serializer will not write is covered by hand below.
                if (Serialized(s, encoder) is { } written)
                {
                    counted += written.Length > 514 ? 1 : 0;
                    AssertSame(written);
                }
            }

            AssertSame(AllEscaped(s, upper: n % 2 == 0));
        }

        Assert.True(counted > 500, $"only {counted} values past the buffer");
    }

    [Fact]
    public void ValueOverSegments_IsTheReadersOwn()
    {
        // A value split over two segments (HasValueSequence) is read by the reader itself.
        byte[] json = Encoding.UTF8.GetBytes("[\"\\u5408\\u6210\\u6307\\u6807 and more\"]");
        var first = new Segment(json.AsMemory(0, 9));
        Segment last = first.Append(json.AsMemory(9));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length), isFinalBlock: true, default);
        while (reader.Read() && reader.TokenType != JsonTokenType.String)
        {
        }

        Assert.True(reader.HasValueSequence);
        Assert.Equal("合成指标 and more", JsonStringText.Read(ref reader));
    }

    [Fact]
    public void EscapedTable_ReadsAsTheDocumentPathReadsIt()
    {
        // The benchmark's table, written as the default serializer writes it (every CJK character escaped), and the same
        // table with raw UTF-8: one table both ways, and the same as the document path's.
        Evaluation table = SyntheticTables.Project(60);
        object body = new
        {
            kind = "project",
            title = table.Title,
            funds = new { unit = "万元", weight = "5.00", lines = table.Funds.Lines.Select(l => new { name = l.Name, parent = l.Parent, budget = l.Budget.ToString(), executed = l.Executed.ToString() }) },
            indicators = table.Indicators.Select(i => new { level1 = i.Level1, level2 = i.Level2, name = i.Name + "\n“引”\\", unit = i.Unit, target = i.Target, actual = i.Actual, weight = i.Weight.ToString(), deviationNote = i.DeviationNote }),
        };
        byte[] escaped = JsonSerializer.SerializeToUtf8Bytes(body);
        byte[] raw = JsonSerializer.SerializeToUtf8Bytes(body, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.True(escaped.AsSpan().IndexOf("\\u5408"u8) >= 0);
        string fromEscaped = JsonSerializer.Serialize(EvaluationJson.Parse(escaped.AsMemory()));
        Assert.Equal(JsonSerializer.Serialize(EvaluationJson.ParseDocument(escaped)), fromEscaped);
        Assert.Equal(JsonSerializer.Serialize(EvaluationJson.Parse(raw.AsMemory())), fromEscaped);
        Assert.Equal(table.Indicators[7].Name + "\n“引”\\", EvaluationJson.Parse(escaped.AsMemory()).Indicators[7].Name);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
