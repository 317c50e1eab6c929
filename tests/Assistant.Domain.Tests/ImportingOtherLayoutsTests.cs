using Assistant.Domain.Importing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Tables of other provinces as text copies: 二级 labels without 指标 (数量, 履职效益), fund blocks labelled
/// other than 项目资金, Word copies one cell a line, two-row headers, separate 偏差原因 | 改进措施 columns,
/// single-spaced copies, metadata in other wordings. Each is read cell for cell, and a row the reader
/// cannot place is flagged, never read silently.
/// </summary>
public class ImportingOtherLayoutsTests
{
    private const string Funds = "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\t年度资金总额\t800.00\t800.00\t720.00\t10\t90.00%\t9.00\n";

    private static ImportedTable ReadOne(string text) => Assert.Single(TableLayout.Read(TextTables.Read(text, "case.txt")));

    private static string Row(ImportedIndicator i) => $"{i.Level1}|{i.Level2}|{i.Name}|{i.Unit}|{i.Target}|{i.Actual}|{i.Weight}|{i.PrintedScore}|{i.DeviationNote}";

    [Theory]
    [InlineData("数量", "质量", "社会效益", "满意度")]
    [InlineData("重点工作任务完成", "履职目标完成质量", "履职效益", "服务对象满意度")]
    [InlineData("部门管理", "成本", "生态效益", "可持续影响")]
    [InlineData("经济效益", "时效", "履职效能", "群众满意度")]
    public void TabCopy_Level2LabelsOfAnyWording_StayInTheirColumn(string a, string b, string c, string d)
    {
        string text = "项目支出绩效自评表\n项目名称\t职业技能提升行动资金\n" + Funds
            + "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            + $"\t产出指标（50分）\t{a}\t培训人次（人次）\t≥1500\t1620\t25\t25\n"
            + $"\t\t{b}\t培训合格率（%）\t≥90\t88\t25\t24.44\t部分学员未参加考核，下一步加强组织\n"
            + $"\t效益指标（30分）\t{c}\t培训后就业率（%）\t≥70\t72\t30\t30\n"
            + $"\t满意度指标（10分）\t{d}\t参训人员满意度（%）\t≥95\t97\t10\t10\t\n"
            + "总分\t\t\t\t\t\t100\t98.44";
        ImportedTable t = ReadOne(text);
        Assert.Equal(
            [
                $"产出指标|{a}|培训人次|人次|≥1500|1620|25|25|",
                $"产出指标|{b}|培训合格率|%|≥90|88|25|24.44|部分学员未参加考核，下一步加强组织",
                $"效益指标|{c}|培训后就业率|%|≥70|72|30|30|",
                $"满意度指标|{d}|参训人员满意度|%|≥95|97|10|10|",
            ],
            t.Indicators.Select(Row));
        Assert.DoesNotContain(t.Warnings, w => w.Path.StartsWith("indicators[", StringComparison.Ordinal));
    }

    [Fact]
    public void TabCopy_WeightBeforeTarget_ShortLabels_PlacedByHeader()
    {
        string text = "项目名称\t社会保险补贴\n" + Funds
            + "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t实际完成值\t得分\t偏差原因分析及改进措施\n"
            + "产出指标\t数量\t社保补贴人数（人）\t20\t≥2000\t3000\t20\t\n"
            + "满意度指标\t服务对象满意度\t补贴对象满意度（%）\t10\t≥90\t90\t10\t\n";
        ImportedTable t = ReadOne(text);
        Assert.Equal(["产出指标|数量|社保补贴人数|人|≥2000|3000|20|20|", "满意度指标|服务对象满意度|补贴对象满意度|%|≥90|90|10|10|"], t.Indicators.Select(Row));
        Assert.DoesNotContain(t.Warnings, w => w.Path.StartsWith("indicators[", StringComparison.Ordinal));
    }

    [Fact]
    public void TabCopy_RowThatLostACell_IsPlacedByContent()
    {
        // The row lost its empty 一级 cell: the header's columns do not fit it (a 二级 label under 一级), so it is placed by content.
        string text = "项目名称\t社会保险补贴\n" + Funds
            + "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            + "\t产出指标\t数量指标\t社保补贴人数（人）\t≥2000\t3000\t20\t20\n"
            + "\t质量指标\t补贴发放准确率（%）\t100\t99\t10\t9.9\n";
        ImportedTable t = ReadOne(text);
        Assert.Equal("产出指标|质量指标|补贴发放准确率|%|100|99|10|9.9|", Row(t.Indicators[1]));
    }

    [Theory]
    [InlineData("年度预算资金（万元）")]
    [InlineData("预算执行情况（万元）")]
    [InlineData("部门预算资金（万元）")]
    [InlineData("预算安排及执行情况（万元）")]
    [InlineData("资金投入（万元）")]
    public void FundBlock_LabelledOtherThan项目资金_ReadsEachFigureInItsField(string label)
    {
        string text = "项目名称\t就业补助资金\n"
            + $"{label}\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
            + "\t年度资金总额\t4800\t5200\t4940\t10\t95.00%\t9.50\n"
            + "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            + "\t产出指标\t数量指标\t新增就业人数（人）\t≥100\t120\t90\t90\n";
        ImportedTable t = ReadOne(text);
        ImportedFundLine line = Assert.Single(t.FundLines);
        Assert.Equal(("年度资金总额", "4800", "5200", "4940", "95.00%", "9.50"), (line.Name, line.InitialBudget, line.Budget, line.Executed, line.PrintedRate, line.PrintedScore));
        Assert.Equal("10", t.FundWeight);
        Assert.DoesNotContain(t.Warnings, w => w.Path.StartsWith("funds", StringComparison.Ordinal));
    }

    [Fact]
    public void WordCopy_OneCellALineWithoutTabs_RowsRebuiltFromTheHeaders()
    {
        string text = string.Join('\n',
            "附件2", "2024年度项目支出绩效自评表", "项目名称", "就业见习补贴", "主管部门", "某市人力资源和社会保障局", "实施单位", "某市就业服务中心",
            "项目资金", "（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
            "", "年度资金总额", "300.00", "280.00", "210.00", "10", "75.00%", "7.50",
            "年度", "总体", "目标", "年初设定目标", "全年实际完成情况", "", "组织400名高校毕业生参加见习，", "见习留用率不低于30%。", "全年352人参加见习。",
            "绩", "效", "指", "标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因", "改进措施",
            "", "产出指标", "（50分）", "数量指标", "见习人数", "（人）", "≥400", "352", "45", "39.6", "见习岗位不足", "加大岗位募集力度",
            "", "", "质量指标", "岗位人员是否签订协议", "是", "是", "5", "5", "", "",
            "", "效益指标", "社会效益指标", "见习人员就业率（%）", "≥90", "85.5", "30", "28.5", "原因：部分人员继续升学。", "措施：加强跟踪服务。",
            "", "满意度指标", "服务对象满意度指标", "见习人员满意度（%）", "≥90", "95", "10", "10", "", "",
            "总分", "100", "90.60", "", "");
        ImportedTable t = ReadOne(text);
        Assert.Equal(("就业见习补贴", "2024", "某市人力资源和社会保障局"), (t.Title, t.Year, t.Department));
        Assert.Equal(("年度资金总额", "300.00", "280.00", "210.00"), (t.FundLines[0].Name, t.FundLines[0].InitialBudget, t.FundLines[0].Budget, t.FundLines[0].Executed));
        Assert.Equal(
            [
                "产出指标|数量指标|见习人数|人|≥400|352|45|39.6|见习岗位不足；加大岗位募集力度",
                "产出指标|质量指标|岗位人员是否签订协议||是|是|5|5|",
                "效益指标|社会效益指标|见习人员就业率|%|≥90|85.5|30|28.5|原因：部分人员继续升学。措施：加强跟踪服务。",
                "满意度指标|服务对象满意度指标|见习人员满意度|%|≥90|95|10|10|",
            ],
            t.Indicators.Select(Row));
        Assert.Equal("产出指标=50", string.Join(",", t.LevelWeights.Select(kv => $"{kv.Key}={kv.Value}")));
        Assert.Equal("90.60", t.PrintedTotal);
    }

    [Fact]
    public void TwoRowHeader_SubHeaderNamesTheSpannedColumns_NotAnIndicator()
    {
        string text = "项目名称\t返乡创业扶持资金\n" + Funds
            + "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\t备注\n"
            + "\t\t\t\t\t\t\t偏差原因\t改进措施\n"
            + "产出指标\t数量指标\t创业培训人数（人）\t≥1200\t1150\t15\t14.38\t报名人数不足\t扩大政策宣传覆盖面\t\n"
            + "效益指标\t社会效益指标\t带动就业人数（人）\t≥1500\t1800\t15\t15\t\t\t\n";
        ImportedTable t = ReadOne(text);
        Assert.Equal(["产出指标|数量指标|创业培训人数|人|≥1200|1150|15|14.38|报名人数不足；扩大政策宣传覆盖面", "效益指标|社会效益指标|带动就业人数|人|≥1500|1800|15|15|"], t.Indicators.Select(Row));
    }

    [Fact]
    public void SingleSpacedCopy_WordsUnderTheirOwnColumns_KeptApart()
    {
        string text = "2024 年度部门整体支出绩效自评表\n部门名称 某区人力资源和社会保障局\n"
            + "预算执行情况（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 8200.00 8650.00 7958.00 10 92.00% 9.20\n"
            + "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析 改进措施\n"
            + "产出指标 重点工作任务完成 帮扶困难人员就业人数（人） ≥800 760 45 42.75 部分困难人员就业意愿不强 开展一对一帮扶\n"
            + "效益指标 履职效益 劳动者投诉率（%） ＜1 0.8 45 45\n"
            + "总分 100 96.95\n";
        ImportedTable t = ReadOne(text);
        Assert.Equal("某区人力资源和社会保障局", t.Department);
        Assert.Equal(("8200.00", "8650.00", "7958.00"), (t.FundLines[0].InitialBudget, t.FundLines[0].Budget, t.FundLines[0].Executed));
        Assert.Equal(["产出指标|重点工作任务完成|帮扶困难人员就业人数|人|≥800|760|45|42.75|部分困难人员就业意愿不强；开展一对一帮扶", "效益指标|履职效益|劳动者投诉率|%|＜1|0.8|45|45|"], t.Indicators.Select(Row));
    }

    [Fact]
    public void Metadata_YearInTheTitleBracket_DepartmentLabelVariants_UnitOfGroupedNumbers()
    {
        string text = "项目支出绩效自评表（2024年度）\n部门（单位）名称\t某市人力资源和社会保障局\n" + Funds
            + "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t完成率\t分值\t得分\n"
            + "\t产出指标\t数量指标\t培训人数\t≥5,000人\t5,240人\t104.8%\t90\t90\n";
        ImportedTable t = ReadOne(text);
        Assert.Equal(("2024", "某市人力资源和社会保障局"), (t.Year, t.Department));
        Assert.Equal("产出指标|数量指标|培训人数|人|≥5,000人|5,240人|90|90|", Row(Assert.Single(t.Indicators)));
        Assert.DoesNotContain(t.Warnings, w => w.Path.StartsWith("indicators", StringComparison.Ordinal));
    }

    [Fact]
    public void SpaceAlignedCopy_WrappedCellsJoinedInTheirColumns()
    {
        // pdftotext -layout: the 三级 name and the 一级/二级 labels wrap onto lines of their own, in their columns.
        string text = "项目名称    公益性岗位补贴资金\n" + Funds
            + "绩效指标  一级指标   二级指标     三级指标                    年度指标值     实际完成值   分值   得分    偏差原因分析及改进措施\n"
            + "          产出指标   数量指标     城镇就业困难人员公益性岗     ≥2500          2630         20     20\n"
            + "          (50分)                  位安置人数（人）\n"
            + "          满意度     服务对象     岗位人员满意度               ≥90%           91%          10     10\n"
            + "          指标       满意度指标\n"
            + "          (10分)\n"
            + "总分                                                                                    100    83.94\n";
        ImportedTable t = ReadOne(text);
        Assert.Equal(["产出指标|数量指标|城镇就业困难人员公益性岗位安置人数|人|≥2500|2630|20|20|", "满意度指标|服务对象满意度指标|岗位人员满意度|%|≥90%|91%|10|10|"], t.Indicators.Select(Row));
        Assert.Equal("产出指标=50,满意度指标=10", string.Join(",", t.LevelWeights.Select(kv => $"{kv.Key}={kv.Value}")));
    }

    [Theory]
    [InlineData("福州市人力资源和社会保障局", "福州市")]
    [InlineData("某州人力资源和社会保障局", "某州")]
    [InlineData("广州市番禺区人力资源和社会保障局", "广州市番禺区")]
    [InlineData("四川省南江县教育局", "南江县")]
    [InlineData("河南省周口市医疗保障局", "周口市")]
    [InlineData("四川省巴中市南江县教育局", "巴中市南江县")]
    [InlineData("宁夏回族自治区中卫市人力资源和社会保障局", "中卫市")]
    [InlineData("广西壮族自治区人力资源和社会保障厅", "广西壮族自治区")]
    [InlineData("四川省教育厅", "四川省")]
    [InlineData("湖南省城市管理和综合执法局", "湖南省")]
    [InlineData("内蒙古自治区呼伦贝尔市扎兰屯市财政局", "呼伦贝尔市扎兰屯市")]
    [InlineData("重庆市武隆区林业局", "重庆市武隆区")]
    [InlineData("定西市安定区残疾人联合会", "定西市安定区")]
    [InlineData("吴忠市利通区文化旅游体育广电局", "吴忠市利通区")]
    [InlineData("甘肃省定西市安定区财政局", "定西市安定区")]
    [InlineData("内蒙古自治区鄂尔多斯市伊金霍洛旗农牧局", "鄂尔多斯市伊金霍洛旗")]
    [InlineData("湖北省恩施土家族苗族自治州来凤县民政局", "恩施土家族苗族自治州来凤县")]
    [InlineData("峰峰矿区人力资源和社会保障局", "峰峰矿区")]
    [InlineData("邯郸市峰峰矿区人力资源和社会保障局", "邯郸市峰峰矿区")]
    [InlineData("广州市城市管理和综合执法局", "广州市")]
    [InlineData("合肥市高新区管委会", "合肥市")]
    [InlineData("郑州市经济技术开发区财政局", "郑州市")]
    [InlineData("成都市社区发展治理委员会", "成都市")]
    [InlineData("西安市市场监督管理局", "西安市")]
    [InlineData("中卫市人力资源和社会保障局", "中卫市")]
    [InlineData("云南省西双版纳傣族自治州财政局", "西双版纳傣族自治州")]
    public void Region_CityWhoseNameEndsIn州(string department, string region) => Assert.Equal(region, TableLayout.RegionOf(department));
}
