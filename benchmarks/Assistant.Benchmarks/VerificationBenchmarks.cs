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
        _text = Text(_sheet, string.Empty);
        _guangxiJson = File.ReadAllText(RepoPaths.Reference("guangxi-2024-employment-transfer"));
        _guangxi = FactSheet.Build(EvaluationJson.Parse(_guangxiJson));
        _guangxiReport = File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", "guangxi-2024-employment-transfer-report.txt"));
    }

    /// <summary>The ~3,000-character text; <paramref name="tag"/> (letters and 甲, no digits) begins every clause, so each tag makes every clause new.</summary>
    internal static string Text(FactSheet sheet, string tag)
    {
        var sb = new StringBuilder(tag).Append("2024年，").Append(tag).Append("项目全年预算2700.00万元，").Append(tag).Append("执行2181.57万元，").Append(tag).Append("执行率80.80%。");
        int i = 0;
        while (sb.Length < 3000 + (tag.Length * 3 * 60))
        {
            var r = sheet.Report.Indicators[i % 100];
            sb.Append(tag).Append(r.Name).Append("完成值为").Append(r.Actual.Text).Append("，").Append(tag).Append(i % 7 == 0 ? "未完成年度目标" : "较上年有所提高")
              .Append("，").Append(tag).Append("另有").Append(1000 + (i * 37)).Append("人次参与。");
            i++;
        }

        return sb.ToString();
    }

    /// <summary>The same text every call: from the second call on, name matching answers come from the sheet's cache (session 24).</summary>
    [Benchmark]
    public VerificationReport Verify3000Chars() => Verifier.Verify(_sheet, _text);

    private int _fresh;

    /// <summary>A text no call has seen (every clause begins with a new tag of letters): nothing cached, the first verification of a text.</summary>
    [Benchmark]
    public VerificationReport Verify3000CharsFresh()
    {
        return Verifier.Verify(_sheet, Text(_sheet, Tag(++_fresh)));
    }

    /// <summary>Letters then a Chinese character, so no number reads the tag as part of an identifier.</summary>
    internal static string Tag(int n)
    {
        var tag = new StringBuilder("x");
        for (; n > 0; n /= 26)
        {
            tag.Append((char)('a' + (n % 26)));
        }

        return tag.Append('甲').ToString();
    }

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
