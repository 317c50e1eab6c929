using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Importing;
using Assistant.Testing;
using BenchmarkDotNet.Attributes;

namespace Assistant.Benchmarks;

/// <summary>
/// Importing documents as staff have them: a 100-indicator .xlsx (numbers with display formats,
/// formulas, merges) and a 20-page .docx report (narrative plus its five 附表), each read, laid out
/// and turned into evaluations; and the four 中卫 tables from copied PDF text.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ImportBenchmarks
{
    private byte[] _xlsx = null!;
    private byte[] _docx = null!;
    private byte[] _text = null!;

    [GlobalSetup]
    public void Setup()
    {
        string[] names = ["zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-employment-service-demo", "zhongwei-2024-internship-subsidy", "zhongwei-2024-employment-operating-funds", "guangxi-2024-employment-transfer"];
        var tables = names.Select(n => JsonDocument.Parse(File.ReadAllText(RepoPaths.Reference(n))).RootElement.Clone()).ToList();

        // 100 indicators: the first table's rows repeated with distinct names.
        JsonNode big = JsonNode.Parse(tables[0].GetRawText())!;
        JsonArray rows = big["indicators"]!.AsArray();
        var source = rows.Select(r => r!.DeepClone()).ToList();
        rows.Clear();
        for (int i = 0; i < 100; i++)
        {
            JsonNode row = source[i % source.Count].DeepClone();
            row["name"] = $"{(string)row["name"]!}{i + 1}";
            rows.Add(row);
        }

        _xlsx = OfficeFixtures.Xlsx([JsonSerializer.SerializeToElement(big)], numbers: true);

        // About 20 pages: 400 paragraphs of ~90 characters (an A4 page holds ~22 lines of 28 characters at 16 pt).
        var narrative = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            narrative.Add($"（{i + 1}）全年预算数2700.00万元，执行数2181.57万元，执行率80.80%；享受公益性岗位补贴人员数量334人，未完成年度目标500人，原因是资金下达时间较晚、岗位开发不足，下一步将加强与上级财政沟通对接。");
        }

        _docx = OfficeFixtures.Docx(tables, narrative);
        _text = File.ReadAllBytes(Path.Combine(RepoPaths.Shared, "seeds", "zhongwei-2024-project-self-evaluation-tables.txt"));
    }

    [Benchmark]
    public int Xlsx100Rows() => DocumentImporter.Import("table.xlsx", _xlsx).Tables.Sum(t => ImportContract.ToEvaluation(t).Indicators.Count);

    [Benchmark]
    public int Docx20PageReport() => DocumentImporter.Import("report.docx", _docx).Tables.Sum(t => ImportContract.ToEvaluation(t).Indicators.Count);

    [Benchmark]
    public int PdfTextFourTables() => DocumentImporter.Import("tables.txt", _text).Tables.Sum(t => ImportContract.ToEvaluation(t).Indicators.Count);
}
