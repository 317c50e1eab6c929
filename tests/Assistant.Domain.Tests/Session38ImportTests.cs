using System.Text.Json;
using Assistant.Domain.Importing;
using Assistant.Features.Importing;
using Assistant.Testing;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 38 (outside tester's report §14): an .xlsx written by a script has formulas with no saved result — every
/// field such a cell stands under is warned about, naming the cell and its formula, never silently left empty.
/// </summary>
public class Session38ImportTests
{
    private static JsonElement Reference(string name) => JsonDocument.Parse(File.ReadAllText(SharedData.Reference(name))).RootElement.Clone();

    /// <summary>The workbook with every formula's saved value taken out, and the cells at <paramref name="alsoFormulas"/> made formulas with no value.</summary>
    private static byte[] WithoutSavedValues(byte[] xlsx, params string[] alsoFormulas)
    {
        using var ms = new MemoryStream();
        ms.Write(xlsx);
        using (SpreadsheetDocument doc = SpreadsheetDocument.Open(ms, true))
        {
            foreach (WorksheetPart part in doc.WorkbookPart!.WorksheetParts)
            {
                foreach (S.Cell cell in part.Worksheet.Descendants<S.Cell>().ToList())
                {
                    if (alsoFormulas.Contains(cell.CellReference?.Value))
                    {
                        cell.CellFormula = new S.CellFormula("MIN(10,E6*10)");
                        cell.DataType = null;
                    }

                    if (cell.CellFormula is not null)
                    {
                        cell.CellValue = null;
                    }
                }
            }
        }

        return ms.ToArray();
    }

    /// <summary>The reference of the cell a field was read from in the workbook with saved values.</summary>
    private static string SourceOf(ImportedTable t, string path) => t.Sources[path].Split('!')[1];

    [Theory]
    [InlineData("zhongwei-2024-internship-subsidy")]
    [InlineData("zhongwei-2024-entrepreneurship-fund")]
    [InlineData("guangxi-2024-employment-transfer")]
    public void Rates_that_are_formulas_without_saved_values_are_warned_naming_the_cell_and_formula(string name)
    {
        JsonElement table = Reference(name);
        byte[] saved = OfficeFixtures.Xlsx([table], numbers: true);
        ImportedTable withValues = Assert.Single(DocumentImporter.Import(name + ".xlsx", saved).Tables);
        Assert.Empty(withValues.Warnings);

        ImportedTable t = Assert.Single(DocumentImporter.Import(name + ".xlsx", WithoutSavedValues(saved)).Tables);
        int lines = table.GetProperty("funds").GetProperty("lines").EnumerateArray().Count(l => l.TryGetProperty("printedRate", out JsonElement r) && r.GetString()!.EndsWith('%'));
        Assert.True(lines > 0);
        for (int i = 0; i < lines; i++)
        {
            string path = $"funds.lines[{i}].printedRate";
            ImportWarning w = Assert.Single(t.Warnings, w => w.Path == path);
            Assert.Equal(withValues.Sources[path], w.Source);
            Assert.Contains("没有保存计算结果", w.Zh, StringComparison.Ordinal);
            Assert.Contains("=", w.Zh, StringComparison.Ordinal);
            Assert.Null(t.FundLines[i].PrintedRate);
        }
    }

    [Fact]
    public void A_score_cell_that_is_a_formula_without_a_saved_value_is_warned_too()
    {
        JsonElement table = Reference("zhongwei-2024-internship-subsidy");
        byte[] saved = OfficeFixtures.Xlsx([table], numbers: true);
        ImportedTable withValues = Assert.Single(DocumentImporter.Import("t.xlsx", saved).Tables);
        string fundScore = SourceOf(withValues, "funds.lines[0].printedScore");
        string rowScore = SourceOf(withValues, "indicators[0].printedScore");
        string total = SourceOf(withValues, "printedTotal");

        ImportedTable t = Assert.Single(DocumentImporter.Import("t.xlsx", WithoutSavedValues(saved, fundScore, rowScore, total)).Tables);
        foreach (string path in new[] { "funds.lines[0].printedScore", "indicators[0].printedScore", "printedTotal" })
        {
            ImportWarning w = Assert.Single(t.Warnings, w => w.Path == path);
            Assert.Contains("=MIN(10,E6*10)", w.Zh, StringComparison.Ordinal);
            Assert.Contains("recalculate", w.En, StringComparison.Ordinal);
        }

        Assert.Null(t.FundLines[0].PrintedScore);
        Assert.Null(t.Indicators[0].PrintedScore);

        // The 分值 合计 before it is still the weight total, not taken for the 总分.
        Assert.Null(t.PrintedTotal);
        Assert.Equal(withValues.PrintedWeightTotal, t.PrintedWeightTotal);
    }

    /// <summary>A CSV saved from a spreadsheet: rates and a score at full precision beside one short fraction.</summary>
    private const string FullPrecisionCsv = """
        项目支出绩效自评表,,,,,,,,
        （2024年度）,,,,,,,,
        项目名称,,农村劳动力转移就业补助资金,,,,,,
        主管部门,,某县人力资源和社会保障局,,,实施单位,某县就业服务中心,,
        项目资金（万元）,,,年初预算数,全年预算数,全年执行数,分值,执行率,得分
        ,,年度资金总额,500,540,498.37,10,0.922907407407407,9.22907407407407
        ,,其中：当年财政拨款,400,420,390.5,,0.929761904761905,
        ,,上年结转资金,100,120,107.87,,0.89892,
        绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施
        ,产出指标,数量指标,转移就业人数（人）,≥3000,3120,50,50,
        ,效益指标,社会效益指标,转移就业人员月收入增长（元）,≥200,230,30,30,
        ,满意度指标,服务对象满意度指标,转移就业人员满意度,≥90%,94.5%,10,10,
        总分,,,,,,100,99.23,
        """;

    [Fact]
    public void A_csv_at_full_precision_reads_every_rate_alike_and_says_what_was_assumed()
    {
        ImportedTable t = Assert.Single(DocumentImporter.FromCsv("t.csv", FullPrecisionCsv).Tables);
        Assert.Equal(3, t.FundLines.Count);
        Assert.DoesNotContain(t.Warnings, w => w.Zh.Contains("不是数字", StringComparison.Ordinal));
        string[] starts = ["92.29", "92.97", "89.89"];
        for (int i = 0; i < 3; i++)
        {
            Assert.StartsWith(starts[i], t.FundLines[i].PrintedRate, StringComparison.Ordinal);
            Assert.EndsWith("%", t.FundLines[i].PrintedRate, StringComparison.Ordinal);
            Assert.Contains(t.Warnings, w => w.Path == $"funds.lines[{i}].printedRate" && w.Zh.Contains("按比例读作", StringComparison.Ordinal));
        }

        // The two cells past ten decimals say they were rounded, and to what; the short fraction does not.
        Assert.Contains(t.Warnings, w => w.Path == "funds.lines[0].printedRate" && w.Zh.Contains("“0.922907407407407”的小数超过10位，按四舍五入读作0.9229074074", StringComparison.Ordinal));
        Assert.Contains(t.Warnings, w => w.Path == "funds.lines[1].printedRate" && w.Zh.Contains("四舍五入", StringComparison.Ordinal));
        Assert.Contains(t.Warnings, w => w.Path == "funds.lines[0].printedScore" && w.Zh.Contains("四舍五入读作9.2290740741", StringComparison.Ordinal));
        Assert.DoesNotContain(t.Warnings, w => w.Path == "funds.lines[2].printedRate" && w.Zh.Contains("四舍五入", StringComparison.Ordinal));
    }
}
