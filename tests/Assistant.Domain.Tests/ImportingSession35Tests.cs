using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session-34 testers' import defects (PDF copies), each as a class: a 项目名称 / 主管部门 / 实施单位 label written with
/// its value after a colon (full-width, ASCII, a space before it; on one line or several; tabs or spaces) read as the
/// label's field, and a heading that names only the year never taken as the title; a header whose cells flow over
/// two to four lines in reading order (年度 / 指标值 实际 / 完成值 …) joined; a fund label wrapped onto a line of its
/// own joined to its line; compound units (次/年, 人次/年, 元/人·年); a money unit the contract cannot carry refused by
/// name; a copy that lost its columns (pdftotext without -layout, left-trimmed lines) refused rather than read
/// scrambled. Every table scores as its hand calculation says.
/// </summary>
public class ImportingSession35Tests
{
    private static ImportedTable Read(string text) => Assert.Single(DocumentImporter.FromText("copied.txt", text).Tables);

    private static string Total(ImportedTable t) => EvaluationService.Score(ImportContract.ToEvaluation(t)).Total ?? "no total";

    private const string Funds = """
项目资金（万元）  年初预算数  全年预算数  全年执行数  分值  执行率  得分
年度资金总额  800  800  720  10  90.00%  9.00
其中：中央财政资金  500  500  480  -  96.00%  -
县级资金  300  300  240  -  80.00%  -
""";

    private const string Header = "一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施\n";

    // Hand calculation: 9.00 (720/800 of 10) + 19.00 (475/500 of 20) + 15 + 15 + 30 + 10 = 98.00.
    private const string Rows = """
产出指标  数量指标  巡查林区面积（万亩）  ≥500  475  20  19.00  雨季道路中断，部分林区延后巡查
质量指标  巡查记录完整率  100%  100%  15  15
时效指标  火情报告及时率  ≥95%  98%  15  15
效益指标  生态效益指标  森林火灾受害率  ≤0.9‰  0.3‰  30  30
满意度指标  服务对象满意度指标  林区群众满意度  ≥90%  94%  10  10
总分  100  98.00
""";

    private static string Table(string top, string header = Header, string funds = Funds) =>
        "2024年度项目支出绩效自评表\n" + top + "\n" + funds + "\n" + header + Rows;

    [Theory]
    [InlineData("项目名称：天津市蓟州区森林防火巡护补助\n主管部门：天津市蓟州区林业局    实施单位：天津市蓟州区林场")]
    [InlineData("项目名称:天津市蓟州区森林防火巡护补助\n主管部门:天津市蓟州区林业局  实施单位:天津市蓟州区林场")]
    [InlineData("项目名称 ：天津市蓟州区森林防火巡护补助\n主管部门 ：天津市蓟州区林业局    实施单位 ：天津市蓟州区林场")]
    [InlineData("项目名称: 天津市蓟州区森林防火巡护补助\n主管部门: 天津市蓟州区林业局    实施单位: 天津市蓟州区林场")]
    [InlineData("项目名称：天津市蓟州区森林防火巡护补助  主管部门：天津市蓟州区林业局  实施单位：天津市蓟州区林场")]
    [InlineData("项目名称：天津市蓟州区森林防火巡护补助\n主管部门：天津市蓟州区林业局 实施单位：天津市蓟州区林场")]
    [InlineData("项目名称：天津市蓟州区森林防火巡护补助\t主管部门：天津市蓟州区林业局\t实施单位：天津市蓟州区林场")]
    [InlineData("项目名称：天津市蓟州区森林防火巡护补助\n主管部门：天津市蓟州区林业局\n实施单位：天津市蓟州区林场")]
    public void A_label_with_its_value_after_a_colon_is_read_as_its_field(string top)
    {
        ImportedTable t = Read(Table(top));
        Assert.Equal(("天津市蓟州区森林防火巡护补助", "天津市蓟州区林业局", "天津市蓟州区林场"), (t.Title, t.Department, t.Implementer));
        Assert.False(t.TitleGuessed);
        Assert.Equal("天津市", t.Region);
        Assert.Equal("98.00", Total(t));
    }

    [Theory]
    [InlineData("转移支付名称：上海市浦东新区养老服务补贴\n地方主管部门：上海市浦东新区民政局", "上海市浦东新区养老服务补贴", "上海市浦东新区民政局")]
    [InlineData("专项资金名称:拉萨市城关区农牧民技能培训资金\n预算部门:拉萨市城关区农业农村局", "拉萨市城关区农牧民技能培训资金", "拉萨市城关区农业农村局")]
    public void Other_labels_with_a_colon_are_read_too(string top, string title, string department)
    {
        ImportedTable t = Read(Table(top));
        Assert.Equal((title, department), (t.Title, t.Department));
    }

    [Theory]
    [InlineData("2024年度项目支出绩效自评表")]
    [InlineData("项目支出绩效自评表（2024年度）")]
    [InlineData("2024年项目支出绩效自评表")]
    [InlineData("绩效自评表")]
    public void A_heading_that_names_only_the_year_and_the_form_is_no_title(string heading)
    {
        string text = heading + "\n主管部门：天津市蓟州区林业局    实施单位：天津市蓟州区林场\n" + Funds + "\n" + Header + Rows;
        ImportedTable t = Read(text);
        Assert.Equal("未命名项目", t.Title);
        Assert.True(t.TitleGuessed);
        Assert.Equal("天津市蓟州区林业局", t.Department);
    }

    [Fact]
    public void A_heading_that_names_the_project_still_gives_the_title()
    {
        ImportedTable t = Read("蓟州区森林防火巡护项目支出绩效自评表\n" + Funds + "\n" + Header + Rows);
        Assert.Equal("蓟州区森林防火巡护", t.Title);
        Assert.True(t.TitleGuessed);
    }

    [Theory]
    [InlineData("一级指标  二级指标  三级指标  年度\n指标值  实际\n完成值  分值  得分  偏差原因分析\n及改进措施\n")]
    [InlineData("一级指标  二级指标  三级指标  年度指标值\n实际完成值  分值  得分  偏差原因\n分析及改进措施\n")]
    [InlineData("一级指标  二级指标  三级指标  年度指标值  实际\n完成值  分值  得分  偏差原因分析及改进措施\n")]
    [InlineData("一级指标  二级指标  三级指标  年度指\n标值  实际完成值  分值  得\n分  偏差原因分析及改进措施\n")]
    [InlineData("一级指标\t二级指标\t三级指标\t年度指标值\t实\n际完成值\t分值\t得分\t偏差原因分析及改进措施\n")]
    public void A_header_flowed_over_lines_in_reading_order_is_joined(string header)
    {
        ImportedTable t = Read(Table("项目名称：西宁市湟中区森林防火巡护补助", header));
        Assert.Equal(5, t.Indicators.Count);
        Assert.Equal(["≥500", "100%", "≥95%", "≤0.9‰", "≥90%"], t.Indicators.Select(i => i.Target));
        Assert.Equal(["475", "100%", "98%", "0.3‰", "94%"], t.Indicators.Select(i => i.Actual));
        Assert.Equal(["20", "15", "15", "30", "10"], t.Indicators.Select(i => i.Weight));
        Assert.Equal("雨季道路中断，部分林区延后巡查", t.Indicators[0].DeviationNote);
        Assert.Equal("98.00", Total(t));
    }

    [Theory]
    [InlineData("一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分\n偏差原因\n")]
    [InlineData("一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析及改进措施\n偏差原因  改进措施\n")]
    public void Lines_that_do_not_flow_into_one_known_header_are_not_joined(string header)
    {
        string[] lines = header.TrimEnd('\n').Split('\n');
        Assert.Equal(lines, WrappedHeader.Join(lines));
    }

    [Theory]
    [InlineData("其中：中央财  500  500  480  -  96.00%  -\n政资金\n", "中央财政资金")]
    [InlineData("其中：自治区财政  500  500  480  -  96.00%  -\n补助资金\n", "自治区财政补助资金")]
    [InlineData("其中：中央财\t500\t500\t480\t-\t96.00%\t-\n政资金\n", "中央财政资金")]
    [InlineData("其中：省级财政专\t500\t500\t480\t-\t96.00%\t-\n项资金\n", "省级财政专项资金")]
    public void A_fund_label_wrapped_onto_a_line_of_its_own_goes_on_its_line(string part, string name)
    {
        string funds = "项目资金（万元）  年初预算数  全年预算数  全年执行数  分值  执行率  得分\n年度资金总额  800  800  720  10  90.00%  9.00\n"
            + part + "县级资金  300  300  240  -  80.00%  -\n";
        ImportedTable t = Read(Table("项目名称：琼海市森林防火巡护补助", funds: funds));
        Assert.Equal(["年度资金总额", name, "县级资金"], t.FundLines.Select(l => l.Name));
        Assert.Equal(("500", "480", "年度资金总额"), (t.FundLines[1].Budget, t.FundLines[1].Executed, t.FundLines[1].Parent));
        Assert.Equal("98.00", Total(t));
    }

    [Fact]
    public void A_fund_line_with_a_whole_name_and_no_figures_stays_a_line()
    {
        string funds = "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t800\t800\t720\t10\t90.00%\t9.00\n"
            + "其中：中央财政资金\t800\t800\t720\t-\t90.00%\t-\n其他资金\t\t\t\t\t\t\n";
        ImportedTable t = Read(Table("项目名称：琼海市森林防火巡护补助", funds: funds));
        Assert.Equal(["年度资金总额", "中央财政资金", "其他资金"], t.FundLines.Select(l => l.Name));
    }

    [Theory]
    [InlineData("≥4次/年", "4次/年", "次/年")]
    [InlineData("≥1.2万人次/年", "1.26万人次/年", "万人次/年")]
    [InlineData("≤120元/人·年", "112元/人·年", "元/人·年")]
    [InlineData("≤1500元/人·次", "1420元/人·次", "元/人·次")]
    [InlineData("≥2次/人/年", "2次/人/年", "次/人/年")]
    public void A_compound_unit_is_read_with_its_value(string target, string actual, string unit)
    {
        string rows = $"产出指标  数量指标  巡回服务  {target}  {actual}  90  90\n总分  100  100\n";
        ImportedTable t = Read("项目名称：格尔木市巡回医疗补助\n" + Header + rows);
        ImportedIndicator i = Assert.Single(t.Indicators);
        Assert.Equal((target, actual, unit), (i.Target, i.Actual, i.Unit));
        Assert.Equal("90", i.PrintedScore);
    }

    [Theory]
    [InlineData("≥4 次/年", "4 次/年", "≥4次/年", "4次/年")]
    [InlineData("≤120 元/人·年", "112 元/人·年", "≤120元/人·年", "112元/人·年")]
    public void A_compound_unit_cut_from_its_number_in_a_single_spaced_copy_joins_it(string target, string actual, string joinedTarget, string joinedActual)
    {
        string text = "项目名称 格尔木市巡回医疗补助\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
            + $"产出指标 数量指标 巡回服务 {target} {actual} 90 90\n总分 100 100\n";
        ImportedIndicator i = Assert.Single(Read(text).Indicators);
        Assert.Equal((joinedTarget, joinedActual), (i.Target, i.Actual));
    }

    [Theory]
    [InlineData("项目资金（美元）", null, "美元")]
    [InlineData("项目资金（万美元）", null, "万美元")]
    [InlineData("项目资金", "单位：美元", "美元")]
    [InlineData("项目资金", "金额单位：港元", "港元")]
    [InlineData("项目资金（十万元）", null, "十万元")]
    public void A_money_unit_the_contract_cannot_carry_refuses_the_import_naming_the_field(string label, string? line, string unit)
    {
        string funds = Funds.Replace("项目资金（万元）", label, StringComparison.Ordinal);
        string text = "2024年度项目支出绩效自评表\n" + (line is null ? string.Empty : line + "\n") + "项目名称：海口市森林防火巡护补助\n" + funds + "\n" + Header + Rows;
        UnreadableDocumentException e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copied.txt", text));
        InputError error = Assert.Single(e.Errors);
        Assert.Equal("funds.unit", error.Field);
        Assert.Contains("“" + unit + "”", error.Zh, StringComparison.Ordinal);
        Assert.Contains("\"" + unit + "\"", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("项目资金", "单位：人民币万元", "万元", "800")]
    [InlineData("项目资金（人民币元）", null, "元", "800")]
    [InlineData("项目资金", "单位：千元", "万元", "80.0")]
    public void A_money_unit_written_with_人民币_or_a_known_unit_is_read(string label, string? line, string unit, string budget)
    {
        string funds = Funds.Replace("项目资金（万元）", label, StringComparison.Ordinal);
        string text = "2024年度项目支出绩效自评表\n" + (line is null ? string.Empty : line + "\n") + "项目名称：海口市森林防火巡护补助\n" + funds + "\n" + Header + Rows;
        ImportedTable t = Read(text);
        Assert.Equal((unit, budget), (t.FundUnit, t.FundLines[0].Budget));
        Assert.Empty(t.Errors);
    }

    /// <summary>A table laid out by pdftotext -layout, its wrapped cells on lines of their own (the hand calculation: 9.00 + 20 + 15 + 7.50 (15 × (1 − (3 − 2) ÷ 2), a ≤ row over its target) + 20 + 10 + 10 = 91.50).</summary>
    private const string Laid = """
                         2024年度项目支出绩效自评表
 项目名称 ：三亚市城市公共厕所运维补助
 主管部门 ：三亚市城市管理局          实施单位 ：三亚市环境卫生管理处
                                  年初预算数    全年预算数    全年执行数    分值    执行率     得分
 项目资金（万元）    年度资金总额    360           360           324           10      90.00%     9.00
                     其中：市级资金  360           360           324           —       90.00%     —
                                           年度            实际                           偏差原因
 一级指标    二级指标    三级指标            指标值          完成值          分值   得分     分析及
                                                                                          改进措施
 产出指标    数量        公厕保洁频次        ≥6次/日         6次/日          20     20
 (50分)      质量        公厕运维达标率      ≥95%            96%             15     15
             时效        设施报修响应时间    ≤2小时          3小时           15     7.50     部分公厕位于偏远村镇，
                                                                                          维修人员调度不及时
 效益指标    社会效益    服务游客与市民      ≥1500万人次/年  1620万人次/年   20     20
 (30分)      可持续      公厕长效管护        长效管护        长效管护        10     10
             影响        机制
 满意度指标  服务对象    市民满意度          ≥85%            88%             10     10
 (10分)      满意度
 总分                                                                      100    91.50
""";

    [Fact]
    public void A_layout_copy_with_wrapped_cells_reads_and_scores_as_by_hand()
    {
        ImportedTable t = Read(Laid);
        Assert.Equal(("三亚市城市公共厕所运维补助", "三亚市城市管理局", "三亚市环境卫生管理处"), (t.Title, t.Department, t.Implementer));
        Assert.Equal(["公厕保洁频次", "公厕运维达标率", "设施报修响应时间", "服务游客与市民", "公厕长效管护机制", "市民满意度"], t.Indicators.Select(i => i.Name));
        Assert.Equal("部分公厕位于偏远村镇，维修人员调度不及时", t.Indicators[2].DeviationNote);
        Assert.Equal("91.50", Total(t));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void The_same_copy_left_trimmed_is_refused_with_what_to_do_not_read_scrambled(bool pageBreak, bool blankLines)
    {
        // pdftotext -layout often prints a blank line between rows; a left-trim keeps them.
        string trimmed = string.Join(blankLines ? "\n\n" : "\n", Laid.Split('\n').Select(l => l.TrimStart()));
        if (pageBreak)
        {
            // pdftotext starts a page with a form feed, which a left-trim leaves in place.
            trimmed = trimmed.Replace("效益指标", "\f效益指标", StringComparison.Ordinal);
        }

        UnreadableDocumentException e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copied.txt", trimmed));
        Assert.Contains("行首", e.Errors[0].Zh, StringComparison.Ordinal);
        Assert.Contains("pdftotext -layout", e.Errors[0].En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_left_trimmed_copy_without_wrapped_cells_still_reads()
    {
        ImportedTable t = Read(Table("项目名称：乌海市森林防火巡护补助\n主管部门：乌海市林业和草原局  实施单位：乌海市林业工作站"));
        Assert.Equal(5, t.Indicators.Count);
        Assert.Equal("98.00", Total(t));
    }

    [Fact]
    public void A_copy_in_the_pages_column_order_is_refused_with_what_to_do()
    {
        // pdftotext without -layout: one cell a line, the page's columns one after the other.
        string[] cells =
        [
            "项目名称", "巴彦淖尔市农田水利补助", "主管部门", "巴彦淖尔市水利局", "项目资金（万元）", "一级指标", "产出指标", "（50 分）", "效益指标", "（30 分）",
            "满意度指标", "（10 分）", "总分", "实施单位", "巴彦淖尔市灌区服务中心", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
            "年度资金总额", "500", "500", "450", "10", "90.00%", "9.00", "二级指标", "三级指标", "年度指标值", "实际完成值", "数量指标", "新建渠道",
            "≥20", "长度（公里）", "18", "质量指标", "工程验收合格率 100%", "时效指标", "完工时间", "成本指标", "得分", "偏差原因", "分析及改", "进措施",
            "20", "18.00", "受冻土期", "影响", "100%", "15", "15.00", "10 月底前", "10 月底前", "15", "15.00", "经济效益指标", "灌溉面积增加",
            "（万亩）", "≥3", "3.2", "30", "30.00", "服务对象满意度指标", "受益农户满意度 ≥90%", "92%", "10", "10.00", "100", "97.00", "分值",
        ];
        UnreadableDocumentException e = Assert.Throws<UnreadableDocumentException>(() => DocumentImporter.FromText("copied.txt", string.Join("\n\n", cells)));
        Assert.Contains("pdftotext -layout", e.Errors[0].Zh, StringComparison.Ordinal);
    }
}
