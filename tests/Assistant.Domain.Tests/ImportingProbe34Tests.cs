using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session-33 testers' import defects, each as a class: a money unit printed in a fund line's label cell
/// (项目资金（千元） beside 年度资金总额 in a PDF copy) read and converted; header cells wrapped over two or three
/// lines (年度 / 指标值, 一级指标 … on a line of its own) joined into one header; a 一级 weight wrapped under the
/// 二级 column; a table typed with two spaces between cells read in order, not by the header's positions; the
/// last wrapped line of a reason kept with its row, never given to a met row below.
/// </summary>
public class ImportingProbe34Tests
{
    private static ImportedTable Read(string text) => Assert.Single(DocumentImporter.FromText("copied.txt", text).Tables);

    private static string Fund(string label, string total, string part) => $"""
                         项目支出绩效自评表
 项目名称            乡村道路养护补助
                                  年初预算数    全年预算数    全年执行数    分值    执行率     得分
 {label}    年度资金总额    {total}         {total}         {total}         10      100.00%    10
                     其中：省级资金  {part}          {part}          {part}          —       100.00%    —
 一级指标    二级指标    三级指标            年度指标值      实际完成值    分值   得分
 产出指标    数量        养护里程            ≥100公里        100公里       90     90
 总分                                                                    100    100
""";

    [Theory]
    [InlineData("项目资金（千元）", "15000", "9000", "1500.0", "900.0", "千元")]
    [InlineData("项目资金(千元)  ", "3600", "1200", "360.0", "120.0", "千元")]
    [InlineData("年度资金（百万元）", "12.5", "8.5", "1250", "850", "百万元")]
    [InlineData("资金情况（千万元）", "1.2", "0.8", "1200", "800", "千万元")]
    public void A_money_unit_in_the_label_cell_of_the_first_fund_line_is_read_and_converted(string label, string total, string part, string wanTotal, string wanPart, string unit)
    {
        ImportedTable t = Read(Fund(label, total, part));
        Assert.Equal("万元", t.FundUnit);
        Assert.Equal((wanTotal, wanPart), (t.FundLines[0].Budget, t.FundLines[1].Budget));
        ImportWarning w = Assert.Single(t.Warnings, x => x.Path == "funds.unit");
        Assert.Contains(unit, w.Zh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("项目资金（元）", "1660000.00", "元")]
    [InlineData("项目资金（亿元）", "1.66", "亿元")]
    [InlineData("项目资金（万元）", "166.00", "万元")]
    public void A_contract_unit_in_the_label_cell_is_kept_without_a_warning(string label, string total, string unit)
    {
        ImportedTable t = Read(Fund(label, total, total));
        Assert.Equal(unit, t.FundUnit);
        Assert.Equal(total, t.FundLines[0].Budget);
        Assert.DoesNotContain(t.Warnings, x => x.Path == "funds.unit");
    }

    [Fact]
    public void An_unknown_money_unit_in_the_label_cell_is_named()
    {
        // Session 35: named as an error of the field (the import refused), no longer a warning over amounts read as 万元.
        UnreadableDocumentException e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copied.txt", Fund("项目资金（十万元）", "150", "90")));
        InputError error = Assert.Single(e.Errors);
        Assert.Equal("funds.unit", error.Field);
        Assert.Contains("十万元", error.Zh, StringComparison.Ordinal);
    }

    private const string Rows = """
 产出指标    数量        改造供水管网长度    ≥120公里        126公里       20     20
 (50分)      质量        水质检测合格率      ≥95%            96.5%         15     15
             时效        工程完工及时率      100%            90%           15     13.50    两处管网穿越国道审批
                                                                                         滞后，已督促加快
 效益指标    社会效益    受益人口            ≥18万人         18.6万人      40     40
 总分                                                                    100    98.50
""";

    private const string Top = """
                       项目支出绩效自评表
 项目名称            农村供水保障工程补助
 主管部门            某市水利局                      实施单位      某市农村水利管理处

""";

    [Theory]
    [InlineData("                                           年度指标值      实际完成值    分值   得分     偏差原因分析及改进措施\n 一级指标    二级指标    三级指标")]
    [InlineData(" 一级指标    二级指标    三级指标\n                                           年度指标值      实际完成值    分值   得分     偏差原因分析及改进措施")]
    [InlineData(" 一级指标    二级指标    三级指标            年度            实际          分值   得分     偏差原因分析\n                                           指标值          完成值                         及改进措施")]
    [InlineData(" 一级指标    二级指标    三级指标            年度指标值      实际          分值   得分     偏差原因分析及改进措施\n                                                           完成值")]
    public void A_header_whose_cells_wrap_over_lines_is_joined_into_one(string header)
    {
        ImportedTable t = Read(Top + header + "\n" + Rows);
        Assert.Equal(4, t.Indicators.Count);
        Assert.Equal(["≥120公里", "≥95%", "100%", "≥18万人"], t.Indicators.Select(i => i.Target));
        Assert.Equal(["126公里", "96.5%", "90%", "18.6万人"], t.Indicators.Select(i => i.Actual));
        Assert.Equal(["20", "15", "15", "40"], t.Indicators.Select(i => i.Weight));
        Assert.Equal("两处管网穿越国道审批滞后，已督促加快", t.Indicators[2].DeviationNote);
        Assert.Equal("50", t.LevelWeights.Single(w => w.Key == "产出指标").Value);
    }

    [Fact]
    public void A_header_over_a_second_header_row_is_not_joined()
    {
        string[] lines = ["一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施", "                                                                     偏差原因    改进措施"];
        Assert.Equal(lines, WrappedHeader.Join(lines));
    }

    [Theory]
    [InlineData("(45分)")]
    [InlineData("（45分）")]
    [InlineData("(45 分)")]
    public void A_level1_weight_wrapped_under_the_level2_column_is_the_level1s(string weight)
    {
        string text = Top + """
 一级指标    二级指标    三级指标            年度指标值      实际完成值    分值   得分
 产出指标    数量        选聘生态护林员      ≥320人          305人         15     14.30
""" + "\n             " + weight.PadRight(12) + "人数\n" + """
             质量        森林火灾受害率      ≤0.9‰           0.6‰          30     30
 效益指标    生态效益    森林覆盖率          ≥62.5%          62.8%         45     45
 总分                                                                    100    99.30
""";
        ImportedTable t = Read(text);
        Assert.Equal("45", t.LevelWeights.Single(w => w.Key == "产出指标").Value);
        Assert.Equal("数量", t.Indicators[0].Level2);
        Assert.Equal("选聘生态护林员人数", t.Indicators[0].Name);
    }

    [Theory]
    [InlineData("产出指标  数量  受益学生人次  ≥12000人次  12500人次  30  30", "30", "30")]
    [InlineData("产出指标  数量指标  新建校舍面积  ≥3000平方米  3200平方米  25  25", "25", "25")]
    [InlineData("产出指标  质量  验收合格率  100%  100%  20  20", "20", "20")]
    public void The_first_row_of_a_table_typed_with_two_spaces_keeps_its_columns(string first, string weight, string score)
    {
        string text = "项目名称 学生营养改善计划资金\n项目资金（万元）  年初预算数  全年预算数  全年执行数  分值  执行率  得分\n"
            + "年度资金总额      1250        1250        1180        10    94.40%  9.44\n"
            + "一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施\n"
            + first + "\n产出指标  时效  供餐天数  ≥200天  200天  20  20\n总分  100  99.44\n";
        ImportedTable t = Read(text);
        ImportedIndicator i = t.Indicators[0];
        Assert.Equal((weight, score, (string?)null), (i.Weight, i.PrintedScore, i.DeviationNote));
        Assert.Equal(("20", "20"), (t.Indicators[1].Weight, t.Indicators[1].PrintedScore));
    }

    [Theory]
    [InlineData("明年汛后实施")]
    [InlineData("下一步优化选址")]
    [InlineData("年内完成")]
    public void The_last_line_of_a_reason_stays_with_its_row_not_the_met_row_below(string last)
    {
        string text = """
一级指标   二级指标   三级指标         指标值        实际完成值          未完成原因和改进措施

                                                     部分灌区渠系配套资
              新建防渗渠道长度
       数量              ≥45            38            金未到位，已调整至
              （公里）
""" + "\n                                                     " + last + "\n" + """
产出指标
       质量     工程验收合格率      100%       100%

       时效     项目完工及时率      ≥95%       96%

""";
        ImportedTable t = Read("项目名称   小型农田水利设施建设补助资金\n\n" + text);
        Assert.Equal("部分灌区渠系配套资金未到位，已调整至" + last, t.Indicators[0].DeviationNote);
        Assert.Null(t.Indicators[1].DeviationNote);
        Assert.Null(t.Indicators[2].DeviationNote);
    }
}
