using Assistant.Domain.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 32 (units): a table headed 项目资金（千元） was imported as 万元 without a word, every amount ten times too
/// large. The class: every money unit a header, a 单位： line or a cell states (元, 千元, 万元, 百万元, 千万元, 亿元, half-
/// or full-width brackets) is read as that unit — converted exactly into one the contract carries, with a warning
/// naming it — or, when unknown, named in a warning; never silently read as another unit.
/// </summary>
public class ImportingMoneyUnitTests
{
    private const string Indicators = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n产出指标\t数量指标\t培训人数（人）\t≥100\t120\t90\t90\t\n总分\t\t\t\t\t100\t99.00\t\n";

    private static ImportedTable ReadOne(string text) => Assert.Single(TableLayout.Read(TextTables.Read(text, "case.txt")));

    private static string Table(string header, string budget, string executed, string? above = null) =>
        "项目名称\t乡村道路\n" + (above is null ? string.Empty : above + "\n") + header + "\t\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        + $"\t年度资金总额\t{budget}\t{executed}\t10\t90.00%\t9.00\n" + Indicators;

    [Theory]
    [InlineData("项目资金（千元）", "12800.0", "11520.0", "1280.00", "1152.00", "千元")]
    [InlineData("项目资金(千元)", "12800", "11520", "1280.0", "1152.0", "千元")]
    [InlineData("年度资金（千元）", "3,600", "3,024", "360.0", "302.4", "千元")]
    [InlineData("项目资金（百万元）", "12.80", "11.52", "1280", "1152", "百万元")]
    [InlineData("项目资金（百万元）", "1.5", "1.35", "150", "135", "百万元")]
    [InlineData("项目资金（千万元）", "1.28", "1.152", "1280", "1152", "千万元")]
    public void UnitsTheContractDoesNotCarry_AreConvertedTo万元_AndNamed(string header, string budget, string executed, string wanBudget, string wanExecuted, string unit)
    {
        ImportedTable t = ReadOne(Table(header, budget, executed));
        Assert.Equal("万元", t.FundUnit);
        ImportedFundLine line = Assert.Single(t.FundLines);
        Assert.Equal((wanBudget, wanExecuted), (line.Budget, line.Executed));
        ImportWarning w = Assert.Single(t.Warnings, x => x.Path == "funds.unit");
        Assert.Contains(unit, w.Zh, StringComparison.Ordinal);
        Assert.Contains(unit, w.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("项目资金（元）", "1660000", "元", "1660000")]
    [InlineData("项目资金（万元）", "166.00", "万元", "166.00")]
    [InlineData("项目资金（亿元）", "1.66", "亿元", "1.66")]
    [InlineData("项目资金（单位：元）", "1660000", "元", "1660000")]
    [InlineData("项目资金（金额单位：元）", "1660000", "元", "1660000")]
    public void ContractUnits_AreKept_WithoutAWarning(string header, string budget, string unit, string read)
    {
        ImportedTable t = ReadOne(Table(header, budget, budget));
        Assert.Equal(unit, t.FundUnit);
        Assert.Equal(read, Assert.Single(t.FundLines).Budget);
        Assert.DoesNotContain(t.Warnings, x => x.Path == "funds.unit");
    }

    [Theory]
    [InlineData("单位：千元", "12800.0", "1280.00", "千元")]
    [InlineData("金额单位：千元", "12800.0", "1280.00", "千元")]
    [InlineData("资金单位：百万元", "12.8", "1280", "百万元")]
    public void AUnitLineAboveTheTable_IsRead(string above, string budget, string wan, string unit)
    {
        ImportedTable t = ReadOne(Table("项目资金", budget, budget, above));
        Assert.Equal("万元", t.FundUnit);
        Assert.Equal(wan, Assert.Single(t.FundLines).Budget);
        Assert.Contains(unit, Assert.Single(t.Warnings, x => x.Path == "funds.unit").Zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("项目资金（美元）", "美元")]
    [InlineData("项目资金（万美元）", "万美元")]
    [InlineData("项目资金（十万元）", "十万元")]
    public void UnknownMoneyUnits_AreNamedInAWarning(string header, string unit)
    {
        ImportedTable t = ReadOne(Table(header, "100.00", "90.00"));
        ImportWarning w = Assert.Single(t.Warnings, x => x.Path == "funds.unit");
        Assert.Contains("“" + unit + "”", w.Zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("项目资金（万元）", "1660000元", "166.0000", "万元")]
    [InlineData("项目资金（万元）", "1.66亿元", "16600", "万元")]
    [InlineData("项目资金（元）", "166万元", "1660000", "元")]
    [InlineData("项目资金（万元）", "12800千元", "1280.0", "万元")]
    public void ACellStatingAnotherUnit_IsConvertedToTheHeaders_AndWarned(string header, string cell, string read, string unit)
    {
        ImportedTable t = ReadOne(Table(header, cell, cell));
        Assert.Equal(unit, t.FundUnit);
        ImportedFundLine line = Assert.Single(t.FundLines);
        Assert.Equal((read, read), (line.Budget, line.Executed));
        Assert.Contains(t.Warnings, x => x.Path == "funds.lines[0].budget" && x.Zh.Contains(cell, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("12800.0", "千元", "万元", "1280.00")]
    [InlineData("1280", "元", "万元", "0.1280")]
    [InlineData("1.5", "亿元", "万元", "15000")]
    [InlineData("166.00", "万元", "元", "1660000")]
    [InlineData("0.05", "百万元", "元", "50000")]
    public void Convert_IsExact_AndKeepsEveryPrintedDigit(string amount, string from, string to, string expected) =>
        Assert.Equal(expected, FundUnits.Convert(amount, from, to));
}

/// <summary>Session 32: the product's own annex prints 孕产妇死亡率（1/10万）; read back, the unit is split off the name like any other.</summary>
public class ImportingRateUnitTests
{
    [Theory]
    [InlineData("孕产妇死亡率（1/10万）", "孕产妇死亡率", "1/10万")]
    [InlineData("甲乙类传染病发病率(1/10万)", "甲乙类传染病发病率", "1/10万")]
    [InlineData("婴儿死亡率（1/1000）", "婴儿死亡率", "1/1000")]
    [InlineData("新生儿死亡率（‰）", "新生儿死亡率", "‰")]
    public void PerPopulationUnits_AreSplit(string cell, string name, string unit) => Assert.Equal((name, unit), CellText.SplitUnit(cell));
}
