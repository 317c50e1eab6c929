using Assistant.Domain.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Layouts of the session-31 tester and their class: a 合计 / 总计 total line anywhere in the 项目资金
/// block, goal text that looks like a header word before the indicator header, Acrobat fund lines
/// without 分值/得分, and 得分 printed before 分值 down to the 总分 row.
/// </summary>
public class ImportingProbe31Tests
{
    private const string Indicators = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n产出指标\t数量指标\t培训人数（人）\t≥100\t120\t90\t90\t\n总分\t\t\t\t\t100\t99.50\t\n";

    private static ImportedTable ReadOne(string text) => Assert.Single(TableLayout.Read(TextTables.Read(text, "case.txt")));

    private static string Lines(ImportedTable t) => string.Join(";", t.FundLines.Select(l => $"{l.Name}>{l.Parent}:{l.Budget}/{l.Executed}/{l.PrintedRate}/{l.PrintedScore}"));

    [Theory]
    [InlineData("合计", true)]
    [InlineData("总计", true)]
    [InlineData("资金合计", true)]
    [InlineData("合计", false)]
    [InlineData("年度资金总额", true)]
    public void FundTotal_AnywhereInTheBlock_IsTheRootWithThePartsUnderIt(string name, bool last)
    {
        string total = $"\t{name}\t1000.00\t900.00\t10\t90.00%\t9.00\n";
        string parts = "\t中央资金\t600.00\t600.00\t\t100.00%\t\n\t县级资金\t400.00\t300.00\t\t75.00%\t\n";
        string text = "项目名称\t乡村道路\n项目资金（万元）\t\t全年预算数\t全年执行数\t分值\t执行率\t得分\n" + (last ? parts + total : total + parts) + Indicators;
        ImportedTable t = ReadOne(text);
        Assert.Equal("年度资金总额>:1000.00/900.00/90.00%/9.00;中央资金>年度资金总额:600.00/600.00/100.00%/;县级资金>年度资金总额:400.00/300.00/75.00%/", Lines(t));
        Assert.Equal("99.50", t.PrintedTotal);
        Assert.Single(t.Indicators);
    }

    [Fact]
    public void FundTotalLast_ItsSourcesMoveWithIt()
    {
        string text = "项目名称\t乡村道路\n项目资金（万元）\t\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t中央资金\t600.00\t600.00\t\t100.00%\t\n\t合计\t600.00\t600.00\t10\t100.00%\t10.00\n" + Indicators;
        ImportedTable t = ReadOne(text);
        Assert.Equal("第4行第2格", t.Sources["funds.lines[0].name"]);
        Assert.Equal("第3行第2格", t.Sources["funds.lines[1].name"]);
    }

    [Theory]
    [InlineData("完成年度任务")]
    [InlineData("实际完成年度目标")]
    [InlineData("全面完成年度绩效目标")]
    public void GoalTextLikeAHeaderWord_BeforeTheHeader_IsNotTheActualColumn(string goal)
    {
        string cells = string.Join("\n", "项目名称", "乡村道路", "年度总体目标", goal, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "产出指标", "数量指标", "培训人数（人）", "≥100", "120", "90", "90", "效益指标", "社会效益指标", "群众知晓率（%）", "≥90%", "95%", "10", "10", "总分", "100", "100");
        ImportedTable t = ReadOne(cells);
        Assert.Equal(["120", "95%"], t.Indicators.Select(i => i.Actual));
        Assert.Equal(["培训人数", "群众知晓率"], t.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void AcrobatFundLines_WithoutWeightAndScore_EachKeepTheirCells()
    {
        string cells = string.Join("\n", "项目名称", "学生资助", "项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分",
            "年度资金总额", "1000.00", "1000.00", "10", "100.00%", "10.00", "中央资金", "700.00", "700.00", "100.00%", "省级资金", "200.00", "200.00", "100.00%",
            "区级资金", "100.00", "100.00", "100.00%", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "产出指标", "数量指标", "资助人数（人）", "≥100", "120", "90", "90", "总分", "100", "100");
        ImportedTable t = ReadOne(cells);
        Assert.Equal("年度资金总额>:1000.00/1000.00/100.00%/10.00;中央资金>年度资金总额:700.00/700.00/100.00%/;省级资金>年度资金总额:200.00/200.00/100.00%/;区级资金>年度资金总额:100.00/100.00/100.00%/", Lines(t));
    }

    [Fact]
    public void ScoreBeforeWeight_TheTotalRowFollowsTheHeader()
    {
        string text = "项目名称\t乡村道路\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t得分\t分值\n产出指标\t数量指标\t培训人数（人）\t≥100\t90\t81.00\t90\n效益指标\t社会效益指标\t知晓率（%）\t≥90%\t95%\t10.00\t10\n总分\t\t\t\t\t91.00\t100\n";
        ImportedTable t = ReadOne(text);
        Assert.Equal(("100", "91.00"), (t.PrintedWeightTotal, t.PrintedTotal));
        Assert.Equal(("90", "81.00"), (t.Indicators[0].Weight, t.Indicators[0].PrintedScore));
    }

    [Theory]
    [InlineData("普通高中国家助学金标准（元/生·年）", "普通高中国家助学金标准", "元/生·年")]
    [InlineData("生均公用经费（元/生）", "生均公用经费", "元/生")]
    public void UnitsPerStudentYear_AreSplit(string cell, string name, string unit) => Assert.Equal((name, unit), CellText.SplitUnit(cell));
}
