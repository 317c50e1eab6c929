using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using BenchmarkDotNet.Attributes;

namespace Assistant.Benchmarks;

/// <summary>Scoring, reconciling and building facts for a table of N indicators; and the whole JSON-in, JSON-out path.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private Evaluation _table = null!;
    private string _json = null!;
    private byte[] _utf8 = null!;
    private readonly ArrayBufferWriter<byte> _output = new(256 * 1024);
    private Utf8JsonWriter _writer = null!;
    private static readonly JsonTypeInfo<ScoreResponse> ScoreInfo = (JsonTypeInfo<ScoreResponse>)ScoreContract.JsonOptions.GetTypeInfo(typeof(ScoreResponse));

    [Params(20, 100)]
    public int Indicators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _table = SyntheticTables.Project(Indicators);
        // The same table through the public contract, to measure parsing too.
        _json = JsonSerializer.Serialize(new
        {
            kind = "project",
            title = _table.Title,
            funds = new
            {
                unit = "万元",
                weight = "5.00",
                lines = _table.Funds.Lines.Select(l => new { name = l.Name, parent = l.Parent, budget = l.Budget.ToString(), executed = l.Executed.ToString() }),
            },
            indicators = _table.Indicators.Select(i => new { level1 = i.Level1, level2 = i.Level2, name = i.Name, unit = i.Unit, target = i.Target, actual = i.Actual, weight = i.Weight.ToString() }),
        });
        _utf8 = Encoding.UTF8.GetBytes(_json);
        _writer = new Utf8JsonWriter(_output, new JsonWriterOptions { Indented = true, Encoder = ScoreContract.JsonOptions.Encoder });
    }

    /// <summary>The floor: parsing the same table's JSON into a document, nothing else.</summary>
    [Benchmark]
    public int ParseFloor()
    {
        using JsonDocument doc = JsonDocument.Parse(_json);
        return doc.RootElement.GetProperty("indicators").GetArrayLength();
    }

    [Benchmark(Baseline = true)]
    public ScoreReport Score() => Calculator.Score(_table);

    [Benchmark]
    public FactSheet Facts() => FactSheet.Build(_table);

    /// <summary>The floor of the API's path: the body as received (UTF-8) parsed into a document.</summary>
    [Benchmark]
    public int ParseFloorUtf8()
    {
        using JsonDocument doc = JsonDocument.Parse(_utf8);
        return doc.RootElement.GetProperty("indicators").GetArrayLength();
    }

    /// <summary>As before issue 21: a string in, a string out (the output string is a large object).</summary>
    [Benchmark]
    public string JsonInScoreJsonOut() =>
        JsonSerializer.Serialize(EvaluationService.Score(EvaluationJson.Parse(_json)), ScoreContract.JsonOptions);

    /// <summary>The API's work: the body's UTF-8 in, the answer written into a reused buffer (as into Kestrel's pooled response pipe).</summary>
    [Benchmark]
    public int Utf8InScoreUtf8Out()
    {
        _output.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, EvaluationService.Score(EvaluationJson.Parse(_utf8)), ScoreInfo);
        return _output.WrittenCount;
    }
}
