using Assistant.Domain.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Layouts of the session-30 tester and their class: 年度指标值 and 实际完成值 in one cell, Acrobat copies
/// one cell a line whose empty cells left no line, 一级 as full-width section rows, deadline targets
/// and units with a slash or 年一遇, 部门整体支出 tables without 项目名称.
/// </summary>
public class ImportingProbe30Tests
{
    private const string Funds = "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t800.00\t800.00\t720.00\t10\t90.00%\t9.00\n";

    private static ImportedTable ReadOne(string text) => Assert.Single(TableLayout.Read(TextTables.Read(text, "case.txt")));

    private static string Row(ImportedIndicator i) => $"{i.Level1}|{i.Level2}|{i.Name}|{i.Unit}|{i.Target}|{i.Actual}|{i.Weight}|{i.PrintedScore}|{i.DeviationNote}";

    [Theory]
    [InlineData("≥3000/2700", true, "≥3000", "2700")]
    [InlineData("≥95%／96%", true, "≥95%", "96%")]
    [InlineData("≤1600元/人/1580元/人", true, "≤1600元/人", "1580元/人")]
    [InlineData("明显提升/明显提升", true, "明显提升", "明显提升")]
    [InlineData("目标3000 完成2700", true, "3000", "2700")]
    [InlineData("指标值：≥95%；完成值：96%", true, "≥95%", "96%")]
    [InlineData("完成2700（目标3000）", true, "3000", "2700")]
    [InlineData("≥90\n93", true, "≥90", "93")]
    [InlineData("4.8/≥5", false, "≥5", "4.8")]
    public void CombinedCell_SplitIntoTargetAndActual(string cell, bool targetFirst, string target, string actual) =>
        Assert.Equal((target, actual), CombinedValues.Split(cell, targetFirst));

    [Theory]
    [InlineData("≥3000")]
    [InlineData("1/2/3/4")]
    public void CombinedCell_ThatCannotBeCut_IsNull(string cell) => Assert.Null(CombinedValues.Split(cell, true));

    [Theory]
    [InlineData("年度指标值/实际完成值", "≥3000/2700")]
    [InlineData("指标值（完成值）", "≥3000（2700）")]
    [InlineData("目标值及完成值", "目标≥3000，完成2700")]
    [InlineData("实际完成值／年度指标值", "2700／≥3000")]
    public void CombinedColumn_EachCellReadAsTargetAndActual_WithANoteNamingTheColumn(string header, string cell)
    {
        string text = "项目名称\t良种补贴\n" + Funds
            + $"一级指标\t二级指标\t三级指标\t{header}\t分值\t得分\t偏差原因分析及改进措施\n"
            + $"产出指标（90分）\t数量指标\t种公羊补贴只数（只）\t{cell}\t90\t81.00\t申报减少\n"
            + "总分\t\t\t\t100\t90.00\t\n";
        ImportedTable t = ReadOne(text);
        ImportedIndicator i = Assert.Single(t.Indicators);
        Assert.Equal("产出指标|数量指标|种公羊补贴只数|只|≥3000|2700|90|81.00|申报减少", Row(i).Replace("（", string.Empty, StringComparison.Ordinal).Replace("）", string.Empty, StringComparison.Ordinal));
        Assert.Single(t.FundLines);
        Assert.Contains(t.Warnings, w => w.Path == "indicators" && w.Zh.Contains(header, StringComparison.Ordinal));
    }

    [Fact]
    public void IndicatorHeaderWithoutReadableTargetAndActual_RowsAreNoFundLines_AndTheTableSaysWhy()
    {
        string text = "项目名称\t良种补贴\n" + Funds
            + "一级指标\t二级指标\t三级指标\t绩效实绩\t分值\t得分\t偏差原因分析及改进措施\n"
            + "产出指标（90分）\t数量指标\t种公羊补贴只数（只）\t≥3000→2700\t90\t81.00\t\n"
            + "总分\t\t\t\t100\t90.00\t\n";
        ImportedTable t = ReadOne(text);
        Assert.Empty(t.Indicators);
        Assert.Equal(["年度资金总额"], t.FundLines.Select(l => l.Name));
        ImportWarning w = Assert.Single(t.Warnings, w => w.Path == "indicators");
        Assert.Contains("绩效实绩", w.Zh, StringComparison.Ordinal);
        Assert.Contains("实际完成值", w.Zh, StringComparison.Ordinal);
        Assert.Contains("actual", w.En, StringComparison.Ordinal);
    }

    [Fact]
    public void TableWithNoIndicatorHeaderAtAll_SaysNoIndicatorWasRead()
    {
        ImportedTable t = ReadOne("项目名称\t良种补贴\n" + Funds);
        Assert.Empty(t.Indicators);
        Assert.Contains(t.Warnings, w => w.Path == "indicators" && w.Zh.Contains("未读到绩效指标", StringComparison.Ordinal));
    }

    private static string Acrobat(params string[] indicatorCells) => string.Join('\n',
        ["项目名称", "乡村道路养护", "主管部门", "某县交通运输局", "项目资金", "（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
         "年度资金总额", "300.00", "300.00", "270.00", "10", "90.00%", "9.00", "其中：县级资金", "300.00", "300.00", "270.00", "—", "90.00%", "—",
         "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", .. indicatorCells, "总分", "100", "98.00"]);

    [Fact]
    public void AcrobatCopy_EmptyCellsLeftNoLine_RowsRebuiltByShape_CentredLevel1Spread()
    {
        string text = Acrobat(
            "数量指标", "养护里程（公里）", "≥120", "126", "30", "30.00",
            "产出指标（60分）", "质量指标", "优良路率（%）", "≥85", "80", "30", "28.24", "雨季延长，次年补强",
            "效益指标（30分）", "社会效益指标", "群众出行条件", "明显改善", "明显改善", "30", "30.00",
            "满意度指标（10分）", "服务对象满意度指标", "沿线群众满意度（%）", "≥90", "93", "10", "10.00");
        ImportedTable t = ReadOne(text);
        Assert.Equal(["年度资金总额", "县级资金"], t.FundLines.Select(l => l.Name));
        Assert.Equal("9.00", t.FundLines[0].PrintedScore);
        Assert.Equal(
            [
                "产出指标|数量指标|养护里程|公里|≥120|126|30|30.00|",
                "产出指标|质量指标|优良路率|%|≥85|80|30|28.24|雨季延长，次年补强",
                "效益指标|社会效益指标|群众出行条件||明显改善|明显改善|30|30.00|",
                "满意度指标|服务对象满意度指标|沿线群众满意度|%|≥90|93|10|10.00|",
            ],
            t.Indicators.Select(Row));
        Assert.Contains(t.LevelWeights, w => w.Key == "产出指标" && w.Value == "60");
        Assert.DoesNotContain(t.Warnings, w => w.Path.StartsWith("indicators[", StringComparison.Ordinal));
    }

    [Fact]
    public void AcrobatCopy_RowThatCanBePlacedTwoWays_IsMarkedUnsure_NotShiftedSilently()
    {
        // Two cells between a row's 得分 and the next row's name, one explanation column: explanation and an unknown 二级, or an explanation in two pieces.
        string text = Acrobat(
            "数量指标", "养护里程（公里）", "≥120", "126", "60", "60.00", "路段调整", "因汛期顺延",
            "群众出行条件", "明显改善", "明显改善", "30", "30.00");
        ImportedTable t = ReadOne(text);
        Assert.Equal(2, t.Indicators.Count);
        Assert.Equal("群众出行条件", t.Indicators[1].Name);
        Assert.Contains(t.Warnings, w => w.Path.StartsWith("indicators[1].", StringComparison.Ordinal) && w.Zh.Contains("推测", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("一、产出指标（50分）", "二、效益指标（40分）")]
    [InlineData("（一）产出指标（50分）", "（二）效益指标（40分）")]
    [InlineData("1.产出指标(50分)", "2.效益指标(40分)")]
    [InlineData("产出指标（50分）", "效益指标（40分）")]
    public void SectionRows_SetTheLevel1AndItsWeight_AndAreNoIndicators(string first, string second)
    {
        string text = "项目名称\t校舍改造\n" + Funds
            + "二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            + $"{first}\n"
            + "数量指标\t改扩建校舍面积（平方米）\t≥12000\t12500\t50\t50.0\t\n"
            + $"{second}\n"
            + "社会效益指标\t改善办学条件学校数（所）\t≥15\t15\t40\t40.0\t\n"
            + "总分\t\t\t\t100\t99.0\t\n";
        ImportedTable t = ReadOne(text);
        Assert.Equal(["产出指标|数量指标|改扩建校舍面积|平方米|≥12000|12500|50|50.0|", "效益指标|社会效益指标|改善办学条件学校数|所|≥15|15|40|40.0|"], t.Indicators.Select(Row));
        Assert.Equal(["产出指标=50", "效益指标=40"], t.LevelWeights.Select(w => $"{w.Key}={w.Value}"));
        Assert.DoesNotContain(t.Warnings, w => w.Path.StartsWith("indicators[", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("防洪标准（年一遇）", "≥20", "防洪标准", "年一遇")]
    [InlineData("生活垃圾日处理量（吨/日）", "≥600", "生活垃圾日处理量", "吨/日")]
    [InlineData("污泥处置量（公斤/台套）", "≥800", "污泥处置量", "公斤/台套")]
    [InlineData("作业完成时间", "11月底前", "作业完成时间", "")]
    [InlineData("工程完工时间", "10月中旬前", "工程完工时间", "")]
    [InlineData("资金拨付时间", "6月末", "资金拨付时间", "")]
    public void UnitsWithSlashOr年一遇_SplitFromTheName_DeadlinesHaveNoUnit(string printed, string target, string name, string unit)
    {
        string text = "项目名称\t防汛\n" + Funds
            + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            + $"产出指标\t数量指标\t{printed}\t{target}\t{target}\t90\t90\t\n";
        ImportedIndicator i = Assert.Single(ReadOne(text).Indicators);
        Assert.Equal((name, unit), (i.Name, i.Unit ?? string.Empty));
    }

    [Theory]
    [InlineData("部门名称")]
    [InlineData("部门（单位）名称")]
    public void DepartmentWideTable_TitleFromTheHeading_WithoutTheNoProjectNameWarning(string label)
    {
        string text = "2024年度某县司法局部门整体支出绩效自评表\n" + $"{label}\t某县司法局\n" + Funds
            + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            + "产出指标\t数量指标\t普法宣传场次（场）\t≥50\t52\t90\t90\t\n";
        ImportedTable t = ReadOne(text);
        Assert.Equal("2024年度某县司法局部门整体支出", t.Title);
        Assert.DoesNotContain(t.Warnings, w => w.Path == "title");
    }
}
