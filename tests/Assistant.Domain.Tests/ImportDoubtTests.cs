using Assistant.Domain.Importing;
using Assistant.Domain.Scoring;
using Assistant.Features.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 31: a table read with rows placed by guess (推测) or cells that could not be read is not told its
/// printed 总分 (or 分值合计) is wrong: the failed sum is a warning naming the doubtful rows. A file whose tables
/// hold no indicator at all is refused (422), naming what was read and what is missing.
/// </summary>
public class ImportDoubtTests
{
    private static ImportedTable Table(params (string Path, string Zh)[] warnings)
    {
        var t = new ImportedTable { Source = "case.txt" };
        t.Indicators.Add(new ImportedIndicator { Name = "按期完工率" });
        t.Indicators.Add(new ImportedIndicator { Name = "路网通行能力" });
        t.FundLines.Add(new ImportedFundLine { Name = "年度资金总额" });
        foreach (var (path, zh) in warnings)
        {
            t.Warn(path, "第3行", zh, "en");
        }

        return t;
    }

    private static readonly Finding Total = new(FindingCodes.TotalPrinted, Severity.Error, "总分打印为98.20，按各项得分（未四舍五入）合计应为56.45", "printedTotal", "56.45", "98.20");
    private static readonly Finding Weights = new(FindingCodes.WeightsTotal, Severity.Error, "分值合计70，不等于总分值100", "indicators", "100", "70");
    private static readonly Finding Row = new(FindingCodes.IndicatorScorePrinted, Severity.Error, "“按期完工率”得分打印为15，按规则应为14.21", "indicators[0].printedScore");

    [Theory]
    [InlineData("indicators[1].target", "本行的格数与表头不符，按内容对应（推测）", "“路网通行能力”")]
    [InlineData("indicators[0].printedScore", "“时效指标”不是数字，未读取", "“按期完工率”")]
    [InlineData("funds.lines[0].printedScore", "“8.99其中：省级资金”不是数字，未读取", "“年度资金总额”")]
    [InlineData("indicators[1].actual", "复制的文字中空格子没有留下空行，本行各格按内容对应，有不止一种可能（推测），请核对", "“路网通行能力”")]
    public void AFailedSum_OnATableReadByGuess_IsAWarningNamingTheRows(string path, string zh, string named)
    {
        IReadOnlyList<Finding> tempered = ImportDoubt.Temper([Total, Weights, Row], Table((path, zh)));
        foreach (Finding f in tempered.Where(f => f.Code is FindingCodes.TotalPrinted or FindingCodes.WeightsTotal))
        {
            Assert.Equal(Severity.Warning, f.Severity);
            Assert.Contains(named, f.Message, StringComparison.Ordinal);
            Assert.Contains("差异可能来自读取", f.Message, StringComparison.Ordinal);
        }

        // A row's own printed score stays as the calculator judged it.
        Assert.Equal(Severity.Error, Assert.Single(tempered, f => f.Code == FindingCodes.IndicatorScorePrinted).Severity);
        Assert.Equal("98.20", Assert.Single(tempered, f => f.Code == FindingCodes.TotalPrinted).Actual);
    }

    [Theory]
    [InlineData("title", "未找到项目名称，按“2024年度…”读取（推测）")]
    [InlineData("indicators", "表头“目标”按“年度指标值”读取（推测）")]
    [InlineData("indicators[0].target", "数字没有显示格式，按95读取，小数位为推测")]
    [InlineData("indicators[0].level1", "未找到一级指标")]
    public void AGuessThatPlacesNoRow_LeavesTheErrorAnError(string path, string zh)
    {
        IReadOnlyList<Finding> tempered = ImportDoubt.Temper([Total], Table((path, zh)));
        Assert.Same(Total, Assert.Single(tempered));
    }

    [Fact]
    public void ATableReadWithoutDoubt_KeepsItsFindings()
    {
        IReadOnlyList<Finding> findings = [Total, Weights];
        Assert.Same(findings, ImportDoubt.Temper(findings, Table()));
        Assert.Empty(ImportDoubt.Rows(Table()));
    }

    private const string FundsOnly = "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t800.00\t800.00\t720.00\t10\t90.00%\t9.00\n其中：财政拨款\t800.00\t800.00\t720.00\t—\t90.00%\t—\n";

    [Theory]
    [InlineData("2024年度项目支出绩效自评表\n项目名称\t稳岗返还资金\n" + FundsOnly)]
    [InlineData("项目名称：农机深松整地补助\n" + FundsOnly + "一级指标\t二级指标\t三级指标\t分值\t得分\n产出指标\t数量指标\t\t20\t18\n")]
    public void AFileWithFundsButNoIndicator_IsRefused_SayingWhatIsMissing(string text)
    {
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("case.txt", text));
        Assert.Equal("file", Assert.Single(e.Errors).Field);
        Assert.Contains("没有读到任何绩效指标", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.Contains("年度指标值", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.Contains("no performance indicator", e.Errors[0].En, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithAnIndicator_IsStillRead_WithItsWarnings()
    {
        string text = "项目名称\t稳岗返还资金\n" + FundsOnly + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t稳岗返还企业数（家）\t≥1500\t1380\t20\t18.4\n";
        ImportedTable t = Assert.Single(DocumentImporter.FromText("case.txt", text).Tables);
        Assert.Single(t.Indicators);
    }
}
