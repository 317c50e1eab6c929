using Assistant.Domain.Importing;
using Assistant.Features.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// A text copy whose wrapped cells ran the row's 指标值 into its name (机关事业单位实习生数量 ≥100) and left the 指标值 empty is
/// refused, naming the field, rather than scored (session 37: LibreOffice-made PDF copies). A figure in a name whose 指标值
/// is filled, or a name that holds a figure without a space before it (PM2.5浓度), is a name.
/// </summary>
public class ImportSanityFigureInNameTests
{
    private static ImportedTable Table(string name, string? target, string? actual)
    {
        var t = new ImportedTable { Source = "copy.txt", Title = "就业见习补贴" };
        t.Indicators.Add(new ImportedIndicator { Name = name, Target = target, Actual = actual, Weight = "10" });
        return t;
    }

    [Theory]
    [InlineData("机关事业单位实习生数量 ≥100", "58")]
    [InlineData("补贴资金在规定时间内支 100付到位率", "100")]
    [InlineData("实习及见习人员生活补助 200及意外伤害险", "38.99")]
    [InlineData("年末高校毕业生总体就业 ≥92%", "93.27%")]
    [InlineData("培训后取证率 ≥ 50 %", "52.08%")]
    public void AFigureRunIntoTheName_WithTheTargetEmpty_IsRefused(string name, string actual)
    {
        var problems = ImportSanity.Problems([Table(name, null, actual)], laidOut: true);
        Assert.Contains(problems, p => p.Field == "indicators[0].name" && p.Zh.Contains("指标值为空", StringComparison.Ordinal) && p.En.Contains("target is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "file" && p.Zh.Contains(".xlsx", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("机关事业单位实习生数量 ≥100", "≥100", "58")]
    [InlineData("PM2.5平均浓度", null, "35")]
    [InlineData("2024年新增城镇就业人数", null, "1200")]
    [InlineData("城镇新增就业人数", null, "1200")]
    [InlineData("实习生数量 ≥100", null, null)]
    public void ANameThatMayHoldAFigure_IsKept(string name, string? target, string? actual) =>
        Assert.Empty(ImportSanity.Problems([Table(name, target, actual)], laidOut: true));
}
