using System.Text.Json;
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

    [Benchmark]
    public string JsonInScoreJsonOut() =>
        JsonSerializer.Serialize(EvaluationService.Score(EvaluationJson.Parse(_json)), ScoreContract.JsonOptions);
}
