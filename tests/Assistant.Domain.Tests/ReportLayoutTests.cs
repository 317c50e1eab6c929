using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;
using Assistant.Features.Reporting;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Domain.Tests;

/// <summary>The exported Word report's layout: a title broken where a reader breaks it, the indicator table's header repeated.</summary>
public class ReportLayoutTests
{
    [Theory]
    [InlineData("农村义务教育学生营养改善计划", "甘肃省陇南市宕昌县", new[] { "甘肃省陇南市宕昌县", "农村义务教育学生营养改善计划" })]
    [InlineData("基本公共卫生服务项目", "山西省吕梁市临县", new[] { "山西省吕梁市临县基本公共卫生服务项目" })]
    [InlineData("中型灌区续建配套与节水改造项目", "湖北省荆州市监利市", new[] { "湖北省荆州市监利市", "中型灌区续建配套与节水改造项目" })]
    [InlineData("广西壮族自治区河池市都安瑶族自治县妇幼健康和重大公共卫生服务项目", null, new[] { "广西壮族自治区河池市都安瑶族自治县", "妇幼健康和重大公共卫生服务项目" })]
    [InlineData("2024年新邵县农村饮水安全工程维修养护资金", "湖南省邵阳市新邵县", new[] { "湖南省邵阳市新邵县", "农村饮水安全工程维修养护资金" })]
    [InlineData("2024年度邵阳市隆回县困难老年人养老服务补贴", "湖南省邵阳市隆回县", new[] { "湖南省邵阳市隆回县困难老年人养老服务补贴" })]
    [InlineData("2024年森林草原防火项目", null, new[] { "森林草原防火项目" })]
    [InlineData("洞口县乡镇综合文化站免费开放", "湖南省邵阳市洞口县", new[] { "湖南省邵阳市洞口县乡镇综合文化站免费开放" })]
    [InlineData("县城", "湖南省邵阳市洞口县", new[] { "湖南省邵阳市洞口县县城" })]
    public void TheTitle_IsBrokenBetweenWords_NeverInsideOne(string title, string? region, string[] expected)
    {
        var e = new Evaluation { Kind = EvaluationKind.Project, Title = title, Region = region, Year = 2024, Funds = new FundSection(), Indicators = [] };
        var lines = ReportDocx.TitleLines(e);
        Assert.Equal([.. expected, "2024年度绩效自评报告"], lines);
        Assert.All(lines, l => Assert.True(l.Length <= ReportDocx.TitleWidth, l));
        Assert.DoesNotMatch(@"20\d\d年.*20\d\d年", string.Concat(lines));
    }

    [Fact]
    public void TheIndicatorTable_StandsAlone_SoItsHeaderRowRepeats()
    {
        Evaluation e = SharedData.LoadReference("zhongwei-2024-internship-subsidy");
        ScoreReport score = Calculator.Score(e, ScoringPolicy.Default);
        var report = new ReportDraft(e.Title, e.Year, e.Region, "project", "default", null, null, "verified", []);
        using var ms = new MemoryStream();
        ReportDocx.Write(ms, e, score, report);
        ms.Position = 0;
        using WordprocessingDocument doc = WordprocessingDocument.Open(ms, false);
        var tables = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.IsType<Paragraph>(tables[0].NextSibling());
        TableRow header = tables[1].Elements<TableRow>().First();
        Assert.NotNull(header.TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Contains("一级指标", header.InnerText, StringComparison.Ordinal);
        int first = int.Parse(tables[1].GetFirstChild<TableGrid>()!.Elements<GridColumn>().First().Width!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(first >= 1000, "一级指标 is at least four characters wide");
    }
}
