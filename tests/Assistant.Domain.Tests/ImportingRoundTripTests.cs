using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>Each reference table written as an .xlsx and a .docx in the official layout reads back cell by cell and scores exactly as its JSON.</summary>
public class ImportingRoundTripTests
{
    public static TheoryData<string> AllTables => ReferenceTablesTests.AllTables;

    private static readonly string[] Names =
    [
        ReferenceTablesTests.Entrepreneurship, ReferenceTablesTests.ServiceDemo, ReferenceTablesTests.Internship, ReferenceTablesTests.Operating, ReferenceTablesTests.Guangxi,
    ];

    private static JsonElement Reference(string table) => JsonDocument.Parse(File.ReadAllText(RepoPaths.Reference(table))).RootElement;

    private static void AssertSame(JsonElement expected, ImportResult result, int index = 0)
    {
        JsonElement actual = JsonSerializer.SerializeToElement(ImportContract.ToJson(result.Tables[index]));
        ImportComparison.Result cmp = ImportComparison.Compare(expected, actual);
        Assert.True(cmp.Wrong == 0, $"{result.FileName} table {index + 1}:\n{string.Join("\n", cmp.Differences)}");
        Evaluation reference = EvaluationJson.Read(expected);
        Evaluation imported = ImportContract.ToEvaluation(result.Tables[index]);
        Assert.Equal(
            JsonSerializer.Serialize(EvaluationService.Score(reference), ScoreContract.JsonOptions),
            JsonSerializer.Serialize(EvaluationService.Score(imported), ScoreContract.JsonOptions));
    }

    [Theory]
    [MemberData(nameof(AllTables))]
    public void Xlsx_NumbersStoredAsNumbersWithDisplayFormats_RoundTrip(string table)
    {
        JsonElement expected = Reference(table);
        ImportResult result = DocumentImporter.Import(table + ".xlsx", OfficeFixtures.Xlsx([expected], numbers: true));
        Assert.Single(result.Tables);
        AssertSame(expected, result);
        Assert.Empty(result.Tables[0].Warnings);
        Assert.Matches(@"^表1![A-Z]+\d+$", result.Tables[0].Sources["indicators[0].target"]);
    }

    [Theory]
    [MemberData(nameof(AllTables))]
    public void Xlsx_NumbersAsText_RoundTrip(string table)
    {
        JsonElement expected = Reference(table);
        AssertSame(expected, DocumentImporter.Import(table + ".xlsx", OfficeFixtures.Xlsx([expected], numbers: false)));
    }

    [Theory]
    [MemberData(nameof(AllTables))]
    public void Docx_GridSpanAndVMerge_RoundTrip(string table)
    {
        JsonElement expected = Reference(table);
        ImportResult result = DocumentImporter.Import(table + ".docx", OfficeFixtures.Docx([expected]));
        Assert.Single(result.Tables);
        AssertSame(expected, result);
        Assert.StartsWith("表1 第", result.Tables[0].Sources["indicators[0].name"], StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_FiveTablesOnOneSheet_AndOnePerSheet()
    {
        var tables = Names.Select(Reference).ToList();
        foreach (bool perSheet in new[] { false, true })
        {
            ImportResult result = DocumentImporter.Import("all.xlsx", OfficeFixtures.Xlsx(tables, numbers: true, oneSheetEach: perSheet));
            Assert.Equal(5, result.Tables.Count);
            for (int k = 0; k < 5; k++)
            {
                AssertSame(tables[k], result, k);
            }
        }
    }

    [Fact]
    public void Docx_ReportWithNarrativeAndAppendixTables_GivesEveryTableAndTheText()
    {
        var tables = Names.Select(Reference).ToList();
        string[] narrative = ["关于2024年度项目支出绩效自评情况的报告", "一、绩效目标分解下达情况", "全年预算数2700.00万元，执行数2181.57万元，执行率80.80%。"];
        ImportResult result = DocumentImporter.Import("report.docx", OfficeFixtures.Docx(tables, narrative));
        Assert.Equal(5, result.Tables.Count);
        Assert.Contains("执行率80.80%", result.Text, StringComparison.Ordinal);
        for (int k = 0; k < 5; k++)
        {
            AssertSame(tables[k], result, k);
        }
    }
}
