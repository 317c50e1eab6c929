using System.Text;
using Assistant.Domain.Facts;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using BenchmarkDotNet.Attributes;

namespace Assistant.Benchmarks;

/// <summary>Verifying a ~3,000-character text against a 100-indicator table (issue 4's benchmark).</summary>
[MemoryDiagnoser]
public class VerificationBenchmarks
{
    private FactSheet _sheet = null!;
    private string _text = null!;

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
    }

    [Benchmark]
    public VerificationReport Verify3000Chars() => Verifier.Verify(_sheet, _text);

    [Benchmark]
    public int ExtractOnly() => MentionExtractor.Extract(_text).Count;
}
