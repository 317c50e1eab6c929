using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Importing;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>The real tables as staff copy them out of PDFs: the four 中卫 tables and the three 广西 附表.</summary>
public class ImportingSeedTests
{
    private static readonly string[] ZhongweiTables =
    [
        ReferenceTablesTests.Entrepreneurship, ReferenceTablesTests.ServiceDemo, ReferenceTablesTests.Internship, ReferenceTablesTests.Operating,
    ];

    private static ImportResult ImportSeed(string file) =>
        DocumentImporter.Import(file, File.ReadAllBytes(Path.Combine(RepoPaths.Shared, "seeds", file)));

    [Fact]
    public void Zhongwei_FourTables_ReadCellByCellAsTheReference()
    {
        ImportResult result = ImportSeed("zhongwei-2024-project-self-evaluation-tables.txt");
        Assert.Equal(4, result.Tables.Count);
        for (int k = 0; k < 4; k++)
        {
            using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(RepoPaths.Reference(ZhongweiTables[k])));
            JsonElement actual = JsonSerializer.SerializeToElement(ImportContract.ToJson(result.Tables[k]));
            ImportComparison.Result cmp = ImportComparison.Compare(expected.RootElement, actual);
            Assert.True(cmp.Wrong == 0, $"{ZhongweiTables[k]}: {string.Join("\n", cmp.Differences)}");
            Assert.Equal(ImportComparison.Flatten(expected.RootElement).Count, cmp.Exact);
        }
    }

    [Theory]
    [InlineData(0, "89.47")]
    [InlineData(1, "91.97")]
    [InlineData(2, "85.92")]
    [InlineData(3, "100.00")]
    public void Zhongwei_ImportedTables_ScoreExactlyAsTheReference(int table, string total)
    {
        ImportResult result = ImportSeed("zhongwei-2024-project-self-evaluation-tables.txt");
        Evaluation imported = ImportContract.ToEvaluation(result.Tables[table]);
        Evaluation reference = SharedData.LoadReference(ZhongweiTables[table]);
        ScoreResponse a = EvaluationService.Score(imported);
        ScoreResponse b = EvaluationService.Score(reference);
        Assert.Equal(total, a.Total);
        Assert.Equal(JsonSerializer.Serialize(b, ScoreContract.JsonOptions), JsonSerializer.Serialize(a, ScoreContract.JsonOptions));
    }

    [Fact]
    public void Guangxi_ThreeAppendixTables_ImportWithTheirRates()
    {
        ImportResult result = ImportSeed("guangxi-2024-employment-transfer-report.txt");
        Assert.Equal(3, result.Tables.Count);
        Assert.All(result.Tables, t => Assert.Equal("transfer", t.Kind));
        ImportedTable first = result.Tables[0];
        Assert.Equal("就业补助资金", first.Title);
        Assert.Equal(["85.58%", "89.36%", "69.14%", "89.12%"], first.FundLines.Select(l => l.PrintedRate));
        Assert.Equal(["371358", "268859", "69004", "33495"], first.FundLines.Select(l => l.Budget));
        Assert.Equal("88.21%", result.Tables[1].FundLines[0].PrintedRate);
        Assert.Equal("23.41%", result.Tables[2].FundLines[0].PrintedRate);

        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(RepoPaths.Reference(ReferenceTablesTests.Guangxi)));
        JsonElement actual = JsonSerializer.SerializeToElement(ImportContract.ToJson(first));
        ImportComparison.Result cmp = ImportComparison.Compare(expected.RootElement, actual);
        Assert.True(cmp.Wrong == 0, string.Join("\n", cmp.Differences));
    }
}
