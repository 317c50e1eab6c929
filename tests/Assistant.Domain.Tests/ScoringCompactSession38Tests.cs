using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 38: the score answer in the compact form (the API's default; <c>?pretty=true</c> keeps the
/// indented one). <see cref="ScoreAnswerWriter"/> with <c>indented: false</c> writes the bytes the
/// contract's records give through <see cref="ContractWriter"/> with <see cref="ContractWriter.CompactWriterOptions"/>
/// and through the serializer with indentation off, and the same JSON (names in the same order, same values)
/// as the indented answer — over random tables of every kind of cell and hostile texts, every policy; the
/// golden tables are held by <c>ScoringGoldenTests.Direct</c>, the emitter itself by <c>IndentedJsonEmitterTests</c>.
/// </summary>
public class ScoringCompactSession38Tests
{
    private static readonly JsonSerializerOptions CompactOptions = new(ScoreContract.JsonOptions) { WriteIndented = false };

    /// <summary>The same JSON: equal by <see cref="JsonNode.DeepEquals"/>, and names in the same order.</summary>
    internal static void AssertSameJson(string expected, string actual)
    {
        JsonNode? e = JsonNode.Parse(expected), a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(e, a), "not the same JSON");
        Assert.Equal(e!.ToJsonString(), a!.ToJsonString());
    }

    private static string Written(Action<IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public void RandomTables_Compact_SameBytesAsTheRecords_SameJsonAsIndented()
    {
        var random = new Random(3838);
        int compared = 0;
        for (int table = 0; table < 120; table++)
        {
            Evaluation e = ScoreAnswerWriterTests.Table(random, table);
            foreach (ScoringPolicy policy in ScoringPolicy.All)
            {
                ScoreReport report = Calculator.Score(e, policy);
                ScoreResponse records = ScoreContract.ToResponse(e, report);
                string compact = Written(o => ScoreAnswerWriter.Write(o, e, report, indented: false));
                Assert.Equal(Written(o => ContractWriter.Write(o, records, indented: false)), compact);
                Assert.Equal(JsonSerializer.Serialize(records, CompactOptions), compact);
                string indented = Written(o => ScoreAnswerWriter.Write(o, e, report, indented: true));
                Assert.Equal(Written(o => ScoreAnswerWriter.Write(o, e, report)), indented);
                Assert.Equal(JsonSerializer.Serialize(records, ScoreContract.JsonOptions), indented);
                AssertSameJson(indented, compact);
                Assert.DoesNotContain('\n', compact);
                compared++;
            }
        }

        Assert.Equal(360, compared);
    }

    /// <summary>The facts answer through <see cref="ContractWriter"/>: compact is the serializer's compact bytes and the same JSON as indented.</summary>
    [Fact]
    public void RandomTables_FactsCompact_SameJsonAsIndented()
    {
        var random = new Random(3839);
        for (int table = 0; table < 40; table++)
        {
            Evaluation e = ScoreAnswerWriterTests.Table(random, table);
            FactsResponse facts = EvaluationService.Facts(e);
            string compact = Written(o => ContractWriter.Write(o, facts, indented: false));
            string indented = Written(o => ContractWriter.Write(o, facts, indented: true));
            Assert.Equal(Written(o => ContractWriter.Write(o, facts)), indented);
            Assert.Equal(JsonSerializer.Serialize(facts, CompactOptions), compact);
            AssertSameJson(indented, compact);
        }
    }

    /// <summary>
    /// The pre-built runs of a name and of a run of properties (<see cref="JsonName"/>, <see cref="JsonRun"/>) in
    /// the compact form, at depths past the pre-built ones and as a container's first value (comma dropped),
    /// against <see cref="Utf8JsonWriter"/> with the compact options.
    /// </summary>
    [Fact]
    public void PrebuiltRuns_Compact_AtEveryDepth_SameBytesAsTheWriter()
    {
        var name = new JsonName("名称");
        var other = new JsonName("say \"<&>\"");
        var run = new JsonRun((ref IndentedJsonEmitter w) =>
        {
            w.Null(name);
            w.String(other, "固定 \"值\"");
            w.Number(name, -7);
        });
        for (int depth = 0; depth <= 12; depth++) // past the emitter's 8 pre-built depths
        {
            foreach (bool first in new[] { true, false })
            {
                var expected = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(expected, ContractWriter.CompactWriterOptions))
                {
                    writer.WriteStartObject();
                    for (int d = 0; d < depth; d++)
                    {
                        writer.WriteStartObject(other.Encoded);
                    }

                    if (!first)
                    {
                        writer.WriteString(name.Encoded, "前");
                    }

                    writer.WriteNull(name.Encoded);
                    writer.WriteString(other.Encoded, "固定 \"值\"");
                    writer.WriteNumber(name.Encoded, -7);
                    writer.WriteNull(other.Encoded);
                    for (int d = 0; d < depth; d++)
                    {
                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                }

                var actual = new ArrayBufferWriter<byte>();
                var emitter = new IndentedJsonEmitter(actual, indented: false);
                emitter.StartObject();
                for (int d = 0; d < depth; d++)
                {
                    emitter.StartObject(other);
                }

                if (!first)
                {
                    emitter.String(name, "前");
                }

                emitter.Properties(run);
                emitter.Null(other);
                for (int d = 0; d < depth; d++)
                {
                    emitter.EndObject();
                }

                emitter.EndObject();
                emitter.Flush();
                Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), Encoding.UTF8.GetString(actual.WrittenSpan));
            }
        }
    }

    /// <summary>The benchmark's table (100 indicators): the compact answer is the same JSON in under 80 % of the bytes (about two thirds).</summary>
    [Fact]
    public void SyntheticTable_CompactAnswer_SameJson_FarFewerBytes()
    {
        Evaluation e = SyntheticTables.Project(100);
        ScoreReport report = Calculator.Score(e);
        string compact = Written(o => ScoreAnswerWriter.Write(o, e, report, indented: false));
        string indented = Written(o => ScoreAnswerWriter.Write(o, e, report));
        AssertSameJson(indented, compact);
        int compactBytes = Encoding.UTF8.GetByteCount(compact), indentedBytes = Encoding.UTF8.GetByteCount(indented);
        Assert.True(compactBytes * 10 < indentedBytes * 8, $"compact {compactBytes} bytes, indented {indentedBytes}");
    }
}
