using System.Text;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// The streaming reader (<see cref="EvaluationJson.Parse(ReadOnlyMemory{byte})"/>, a <see cref="Utf8JsonReader"/>
/// straight into the table) against the document path it replaced (<see cref="EvaluationJson.ParseDocument"/>)
/// on many generated bodies: the reference tables and a synthetic one, valid and mutated — fields
/// deleted, renamed, escaped, given twice, given the wrong type, numbers too large or too precise,
/// texts too long, nesting past the limit, trailing data, truncation, random bytes. The outcome must
/// be the same: the same table, or the same errors (field, Chinese, English) in the same order, or
/// the same kind of failure.
/// </summary>
public class EvaluationJsonEquivalenceTests
{
    private static readonly string[] Names =
    [
        "kind", "title", "year", "region", "department", "implementer", "funds", "indicators", "levelWeights", "printedWeightTotal", "printedTotal",
        "unit", "weight", "lines", "id", "name", "parent", "initialBudget", "budget", "executed", "printedRate", "printedScore", "deviationNote",
        "level1", "level2", "target", "actual", "grade", "产出指标", "future",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "false", "{}", "[]", "[1]", "{\"x\":[{}]}", "0", "-1", "-0", "5", "2.50", "1e3", "1E-2", "12345678901234567890",
        "1234567890123456.5", "0.12345678901234567890123456789", "79228162514264337593543950336", "\"\"", "\"  \"", "\"5\"", "\"-3\"",
        "\"2,700.00\"", "\"十\"", "\"80.80%\"", "\"八成\"", "\"２０２４年\"", "\"2024年\"", "\"1989\"", "2201", "\"project\"", "\"transfer\"",
        "\" project \"", "\"达成\"", "\"部分达成\"", "\"优\"", "\"万元\"", "\"美元\"", "\"≥1500人\"", "\"≤3个工作日\"", "\"1234567890123456789人\"",
        "\"0.1234567890123456789012345678901\"", "\"\\u006eame\"", "\"a\\\"b\\\\c\\n\"", "\"\\ud800\"", "\"\\u0000\"", "\"年度资金总额\"", "\"\\uD83D\\uDE00\"",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 8)];

    [Fact]
    public void ReferenceAndSyntheticTables_ReadTheSame()
    {
        foreach (byte[] body in Bodies())
        {
            AssertSame(body);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedTables_ReadTheSame(int seed)
    {
        var random = new Random(seed);
        List<Node> tables = Bodies().Select(b => Node.Parse(b)).ToList();
        for (int n = 0; n < 400; n++)
        {
            Node table = tables[random.Next(tables.Count)].Clone();
            int edits = 1 + random.Next(3);
            for (int e = 0; e < edits; e++)
            {
                Mutate(table, random);
            }

            byte[] body = Encoding.UTF8.GetBytes(table.ToJson(random));
            AssertSame(body);
            AssertSame(TextMutation(body, random));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/* only a comment */")]
    [InlineData("\uFEFF{\"kind\":\"project\"}")]
    [InlineData("{\"kind\":\"project\"} {}")]
    [InlineData("{\"kind\":\"project\"} x")]
    [InlineData("{\"kind\":\"project\",} // done")]
    [InlineData("[1,2,]")]
    [InlineData("\"a table\"")]
    [InlineData("42")]
    [InlineData("{\"kind\":\"project\",\"title\":\"\\ud800\",\"funds\":{\"lines\":[{\"name\":\"a\"}]},\"indicators\":[]")]
    [InlineData("{\"kind\":\"project\",\"title\":\"t\",\"funds\":{},\"indicators\":[{\"name\":\"a\",\"target\":\"\\udc00\"}]}")]
    [InlineData("{\"funds\":{},\"funds\":null,\"indicators\":[{\"name\":1}],\"indicators\":[],\"title\":\"t\",\"kind\":\"project\"}")]
    [InlineData("{\"kind\":\"project\",\"title\":\"t\",\"funds\":{},\"indicators\":[],\"levelWeights\":{\"a\":1,\"b\":\"x\",\"a\":\"-2\",\"\\u0061\":3}}")]
    [InlineData("{\"k\\u0069nd\":\"transfer\",\"title\":\"t\",\"funds\":{\"l\\u0069nes\":[{\"n\\u0061me\":\"a\",\"parent\":\"a\"}]},\"indicators\":[]}")]
    public void EdgeBodies_ReadTheSame(string text)
    {
        AssertSame(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void NestingPastTheLimit_ReadsTheSame()
    {
        foreach (int depth in new[] { 29, 30, 31, 32, 33, 40 })
        {
            string deep = new string('[', depth) + new string(']', depth);
            AssertSame(Encoding.UTF8.GetBytes($"{{\"kind\":\"project\",\"title\":\"t\",\"funds\":{{}},\"indicators\":[{{\"name\":\"a\",\"x\":{deep}}}]}}"));
            AssertSame(Encoding.UTF8.GetBytes($"{{\"kind\":\"project\",\"title\":\"t\",\"funds\":{{}},\"future\":{deep},\"indicators\":[]}}"));
        }
    }

    [Fact]
    public void InvalidUtf8_ReadsTheSame()
    {
        AssertSame([.. "{\"kind\":\"project\",\"title\":\""u8, 0xC3, 0x28, .. "\",\"funds\":{},\"indicators\":[]}"u8]);
        AssertSame([.. "{\"kind\":\"project\",\"title\":\"t\",\"funds\":{},\"indicators\":[{\"name\":\""u8, 0xFF, .. "\"}]}"u8]);
    }

    private static IEnumerable<byte[]> Bodies()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "reference"), "*.json").Order(StringComparer.Ordinal))
        {
            yield return File.ReadAllBytes(file);
        }

        foreach (int rows in new[] { 3, 100 })
        {
            Evaluation table = SyntheticTables.Project(rows, rows);
            yield return JsonSerializer.SerializeToUtf8Bytes(new
            {
                kind = "project",
                title = table.Title,
                year = 2024,
                funds = new { unit = "万元", weight = "5.00", lines = table.Funds.Lines.Select(l => new { name = l.Name, parent = l.Parent, budget = l.Budget.ToString(), executed = l.Executed.ToString(), printedRate = "80.80%" }) },
                indicators = table.Indicators.Select(i => new { level1 = i.Level1, level2 = i.Level2, name = i.Name, unit = i.Unit, target = i.Target, actual = i.Actual, weight = i.Weight.ToString(), grade = i.Grade?.ToChinese() }),
                levelWeights = new Dictionary<string, string> { ["产出指标"] = "50", ["效益指标"] = "30" },
            });
        }
    }

    private static void AssertSame(byte[] body)
    {
        string expected = Outcome(() => EvaluationJson.ParseDocument(body));
        string actual = Outcome(() => EvaluationJson.Parse(body.AsMemory()));
        Assert.True(expected == actual, $"body: {Encoding.UTF8.GetString(body)}\nexpected: {expected}\nactual:   {actual}");
        if (System.Text.Unicode.Utf8.IsValid(body))
        {
            string viaString = Outcome(() => EvaluationJson.Parse(Encoding.UTF8.GetString(body)));
            Assert.True(expected == viaString, $"body (string): {Encoding.UTF8.GetString(body)}\nexpected: {expected}\nactual:   {viaString}");
        }
    }

    private static string Outcome(Func<Evaluation> read)
    {
        try
        {
            return "table " + JsonSerializer.Serialize(read());
        }
        catch (InputException e)
        {
            return "errors " + string.Join("\n", e.Errors.Select(x => $"{x.Field} | {x.Zh} | {x.En}"));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException)
        {
            return "failure " + e.GetType().Name;
        }
    }

    private static void Mutate(Node table, Random random)
    {
        List<Node> objects = [];
        table.Collect(objects);
        Node target = objects[random.Next(objects.Count)];
        List<(string Name, Node Value)> fields = target.Fields!;
        int at = fields.Count == 0 ? 0 : random.Next(fields.Count);
        switch (random.Next(9))
        {
            case 0 when fields.Count > 0:
                fields.RemoveAt(at);
                break;
            case 1 when fields.Count > 0:
                fields[at] = (Names[random.Next(Names.Length)], fields[at].Value);
                break;
            case 2 when fields.Count > 0:
                // The same field again, later, with its own or another value.
                fields.Insert(random.Next(at, fields.Count + 1), (fields[at].Name, random.Next(2) == 0 ? fields[at].Value.Clone() : Node.Raw(Values[random.Next(Values.Length)])));
                break;
            case 3 when fields.Count > 0:
                fields[at] = (fields[at].Name, Node.Raw(Values[random.Next(Values.Length)]));
                break;
            case 4 when fields.Count > 0:
                fields[at] = (Escape(fields[at].Name, random), fields[at].Value);
                break;
            case 5:
                fields.Insert(at, (Names[random.Next(Names.Length)], Node.Raw(Values[random.Next(Values.Length)])));
                break;
            case 6 when fields.Count > 0:
                fields[at] = (fields[at].Name, Node.Raw(JsonSerializer.Serialize(new string('长', 20_000 + random.Next(2)))));
                break;
            case 7 when fields.Count > 1:
                (fields[0], fields[^1]) = (fields[^1], fields[0]);
                break;
            default:
                if (table.Find("indicators") is { Items: { Count: > 0 } rows })
                {
                    rows.Insert(random.Next(rows.Count), Node.Raw(Values[random.Next(Values.Length)]));
                }

                break;
        }
    }

    /// <summary>A name written with one of its letters as a <c>\u</c> escape (the same name to a reader).</summary>
    private static string Escape(string name, Random random)
    {
        int i = random.Next(name.Length);
        return name[..i] + $"\\u{(int)name[i]:x4}" + name[(i + 1)..];
    }

    private static byte[] TextMutation(byte[] body, Random random)
    {
        int at = random.Next(body.Length + 1);
        return random.Next(6) switch
        {
            0 => body[..at],
            1 => [.. body[..at], (byte)random.Next(256), .. body[at..]],
            2 when at < body.Length => [.. body[..at], .. body[(at + 1)..]],
            3 => [.. body[..at], .. "\"x\":1,"u8, .. body[at..]],
            4 => [.. body, .. " /* c */ "u8],
            _ => [.. body[..at], .. "\n,"u8, .. body[at..]],
        };
    }

    /// <summary>A JSON tree that, unlike <c>JsonNode</c>, keeps duplicate and escaped names as written.</summary>
    private sealed class Node
    {
        public List<(string Name, Node Value)>? Fields { get; private init; }

        public List<Node>? Items { get; private init; }

        private string? RawText { get; init; }

        public static Node Raw(string json) => new() { RawText = json };

        public static Node Parse(byte[] utf8)
        {
            using var doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Of(doc.RootElement);
        }

        private static Node Of(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => new() { Fields = e.EnumerateObject().Select(p => (p.Name, Of(p.Value))).ToList() },
            JsonValueKind.Array => new() { Items = e.EnumerateArray().Select(Of).ToList() },
            _ => Raw(e.GetRawText()),
        };

        public Node Clone() => new()
        {
            Fields = Fields?.Select(f => (f.Name, f.Value.Clone())).ToList(),
            Items = Items?.Select(i => i.Clone()).ToList(),
            RawText = RawText,
        };

        public void Collect(List<Node> objects)
        {
            if (Fields is not null)
            {
                objects.Add(this);
            }

            foreach (Node child in (Fields?.Select(f => f.Value) ?? []).Concat(Items ?? []))
            {
                child.Collect(objects);
            }
        }

        public Node? Find(string name) => Fields?.LastOrDefault(f => f.Name == name).Value;

        /// <summary>The tree as JSON text; now and then with a trailing comma or a comment (both allowed).</summary>
        public string ToJson(Random random)
        {
            var sb = new StringBuilder();
            Write(sb, random);
            return sb.ToString();
        }

        private void Write(StringBuilder sb, Random random)
        {
            if (RawText is not null)
            {
                sb.Append(RawText);
                return;
            }

            bool isObject = Fields is not null;
            sb.Append(isObject ? '{' : '[');
            int count = isObject ? Fields!.Count : Items!.Count;
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                if (isObject)
                {
                    string name = Fields![i].Name;
                    sb.Append('"').Append(name.Contains("\\u", StringComparison.Ordinal) ? name : JsonEncodedText.Encode(name, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()).Append("\":");
                    Fields[i].Value.Write(sb, random);
                }
                else
                {
                    Items![i].Write(sb, random);
                }
            }

            if (count > 0 && random.Next(50) == 0)
            {
                sb.Append(random.Next(2) == 0 ? "," : "/* note */");
            }

            sb.Append(isObject ? '}' : ']');
        }
    }
}
