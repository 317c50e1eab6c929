using System.Text;
using System.Text.Json;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using BenchmarkDotNet.Attributes;

namespace Assistant.Benchmarks;

/// <summary>
/// Verifying a ~3,000-character text against a 100-indicator table (issue 4's benchmark) and the whole
/// Guangxi report against its own table (issue 21), warm: the fact sheet is built once, as a stored
/// evaluation's is. The floors beside them: number extraction alone, and parsing the table's JSON.
/// </summary>
[MemoryDiagnoser]
public class VerificationBenchmarks
{
    private FactSheet _sheet = null!;
    private string _text = null!;
    private FactSheet _guangxi = null!;
    private string _guangxiJson = null!;
    private string _guangxiReport = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sheet = FactSheet.Build(SyntheticTables.Project(100));
        var sb = new StringBuilder("2024年，项目全年预算2700.00万元，执行2181.57万元，执行率80.80%。");
        int i = 0;
        while (sb.Length < 3000)
        {
            var r = _sheet.Report.Indicators[i % 100];
            sb.Append(r.Name).Append("完成值为").Append(r.Actual.Text).Append("，").Append(i % 7 == 0 ? "未完成年度目标" : "较上年有所提高")
              .Append("，另有").Append(1000 + (i * 37)).Append("人次参与。");
            i++;
        }

        _text = sb.ToString();
        _guangxiJson = File.ReadAllText(RepoPaths.Reference("guangxi-2024-employment-transfer"));
        _guangxi = FactSheet.Build(EvaluationJson.Parse(_guangxiJson));
        _guangxiReport = File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", "guangxi-2024-employment-transfer-report.txt"));
    }

    [Benchmark]
    public VerificationReport Verify3000Chars() => Verifier.Verify(_sheet, _text);

    [Benchmark]
    public int ExtractOnly() => MentionExtractor.Extract(_text).Count;

    [Benchmark]
    public VerificationReport VerifyGuangxiReport() => Verifier.Verify(_guangxi, _guangxiReport);

    [Benchmark]
    public int ExtractGuangxiReport() => MentionExtractor.Extract(_guangxiReport).Count;

    [Benchmark]
    public int ParseGuangxiTableJson()
    {
        using JsonDocument d = JsonDocument.Parse(_guangxiJson);
        return d.RootElement.GetProperty("indicators").GetArrayLength();
    }
}
