using Assistant.Domain.Corpus;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>The four seed reports parse into their sections, statements and every stated reason.</summary>
public class ReportParserTests
{
    private static ParsedReport Seed(string name) =>
        ReportParser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", name)));

    public static TheoryData<string, string, string?, int?> Metadata => new()
    {
        { "hongshan-2025-employment-subsidy-report.txt", "赤峰市红山区补助资金2025年度绩效自评报告", "赤峰市红山区", 2025 },
        { "zhalantun-2024-employment-subsidy-report.txt", "内蒙古自治区呼伦贝尔扎兰屯市就业补助资金2024年度绩效自评报告", "内蒙古自治区呼伦贝尔扎兰屯市", 2024 },
        { "guangxi-2024-employment-transfer-report.txt", "广西就业补助资金转移支付2024年度绩效自评报告", "广西", 2024 },
        { "zhongwei-2024-project-self-evaluation-tables.txt", "部门项目支出绩效自评表(2024年度)", "中卫市", 2024 },
    };

    [Theory]
    [MemberData(nameof(Metadata))]
    public void Seeds_Metadata(string file, string title, string? region, int? year)
    {
        var m = Seed(file).Metadata;
        Assert.Equal(title, m.Title);
        Assert.Equal(region, m.Region);
        Assert.Equal(year, m.Year);
    }

    [Theory]
    [InlineData("hongshan-2025-employment-subsidy-report.txt")]
    [InlineData("zhalantun-2024-employment-subsidy-report.txt")]
    [InlineData("guangxi-2024-employment-transfer-report.txt")]
    public void Seeds_HaveTheFiveParts_AndSectionThreeIsDeviation(string file)
    {
        var report = Seed(file);
        var parts = report.Sections.Where(s => s.Level == 1 && s.Number.Length > 0).Select(s => s.Number.TrimEnd('、')).ToArray();
        Assert.Equal(["一", "二", "三", "四"], parts.Take(4));
        var three = report.Sections.Single(s => s.Level == 1 && s.Number.StartsWith('三'));
        Assert.Contains("偏离绩效目标的原因", three.Heading, StringComparison.Ordinal);
        Assert.Equal(SectionKind.DeviationReason, three.Kind);
        Assert.Contains(report.Sections, s => s.Kind == SectionKind.Funds);
        Assert.Contains(report.Sections, s => s.Kind == SectionKind.Management);
        Assert.Contains(report.Sections, s => s.Kind == SectionKind.Indicator);
        Assert.Contains(report.Passages, p => p.Kind == SectionKind.ImprovementMeasure);
    }

    [Fact]
    public void Hongshan_InternshipShortfall_StatementWithReasonAndMeasure()
    {
        var report = Seed("hongshan-2025-employment-subsidy-report.txt");
        var s = report.Statements.Single(x => x.Name == "享受就业见习补贴人数");
        Assert.Equal("180", s.Target);
        Assert.Equal("132", s.Actual);
        Assert.True(s.ShortfallStated);
        Assert.Contains("企业用工减少", s.Reason, StringComparison.Ordinal);
        Assert.Contains("加大政策宣传", s.Measure, StringComparison.Ordinal);
        var passage = report.Reasons.First(p => p.IndicatorName == "享受就业见习补贴人数");
        Assert.Contains("指标值180", passage.Text, StringComparison.Ordinal);
        Assert.Contains("见习用人岗位不足", passage.Text, StringComparison.Ordinal);

        // Section 三's own reasons and measures.
        Assert.Contains(report.Reasons, p => p.Text.Contains("部分资金下达时间较晚", StringComparison.Ordinal));
        Assert.Contains(report.Measures, p => p.Text.Contains("加强与上级财政", StringComparison.Ordinal));
        Assert.Contains(report.Reasons, p => p.Text.Contains("未参加体检", StringComparison.Ordinal));
    }

    [Fact]
    public void Zhalantun_SectionThree_ReasonAndMeasures_AndIndicatorGroupsByFund()
    {
        var report = Seed("zhalantun-2024-employment-subsidy-report.txt");
        var reason = report.Sections.Single(s => s.Heading == "偏离绩效目标的原因");
        Assert.Equal(SectionKind.DeviationReason, reason.Kind);
        Assert.Contains("部分资金未能及时下达到位", reason.Text, StringComparison.Ordinal);
        Assert.Contains(report.Reasons, p => p.Text.Contains("资金在规定时间内下达率为达到目标值", StringComparison.Ordinal));
        Assert.Contains(report.Sections, s => s.Heading == "切实加强就业补助资金监管" && s.Kind == SectionKind.ImprovementMeasure);
        Assert.Contains(report.Measures, p => p.Text.Contains("提高资金审核、拨付效率", StringComparison.Ordinal));

        var examination = report.Statements.Single(x => x.Name == "招募人员体检");
        Assert.Equal("60 人", examination.Target);
        Assert.Equal("0 人", examination.Actual);
        Assert.Contains("未开展人才储备体检工作", examination.Reason, StringComparison.Ordinal);
        Assert.Equal("高校毕业生到中小企业及非公有制组织就业补助经费", examination.Fund);
        Assert.Equal("就业补助资金", report.Statements.Single(x => x.Name == "社会保险补贴人数").Fund);

        // The verifier's whole-report check needs the analysis to say 下达率 met its target.
        var onTime = report.Passages.Where(p => p.Text.Contains("资金在规定时间内下达率等于年度目标指标值100%", StringComparison.Ordinal));
        Assert.Single(onTime);
    }

    [Fact]
    public void Guangxi_GuilinAndHechiExplanations_InSectionThree()
    {
        var report = Seed("guangxi-2024-employment-transfer-report.txt");
        Assert.Contains(report.Reasons, p => p.Text.Contains("桂林市2024年高校毕业生达6.5万人", StringComparison.Ordinal));
        Assert.Contains(report.Measures, p => p.Text.Contains("拓宽吸纳就业补贴范围", StringComparison.Ordinal));
        var hechi = report.Statements.Where(s => s.SectionPath.StartsWith("偏离", StringComparison.Ordinal) && s.Name == "失业人员再就业人数").Single();
        Assert.Equal("0.55万人", hechi.Target);
        Assert.Equal("0.49万人", hechi.Actual);
        Assert.True(hechi.ShortfallStated);
        Assert.Contains("企业扩张意愿不足", hechi.Reason, StringComparison.Ordinal);
        Assert.Contains(report.Reasons, p => p.IndicatorName == "就业困难人员就业人数" && p.Text.Contains("低于目标任务", StringComparison.Ordinal));

        // An overshoot with a reason is not a shortfall.
        var insurance = report.Statements.Single(s => s.SectionPath.StartsWith("偏离", StringComparison.Ordinal) && s.Name == "享受社会保险补贴人数");
        Assert.False(insurance.ShortfallStated);
        Assert.Contains("送政策进园区", insurance.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("就业困难人员灵活就业社保补贴预计补贴人数", "≥1500", "1464", "优先使用中央及自治区资金", "全民创业发展资金")]
    [InlineData("创业担保贷款贴息", "395", "252.19", "创业者投资趋于保守", "全民创业发展资金")]
    [InlineData("企业吸纳就业困难人员数量", "≥500", "25", "优先使用中央资金", "公共就业服务能力提升示范项目")]
    [InlineData("参加就业见习人员数量", "≥100", "72", "优先使用中央及自治区资金", "就业见习补贴")]
    public void Zhongwei_DeviationColumn_BecomesReasons(string name, string target, string actual, string reason, string fund)
    {
        var report = Seed("zhongwei-2024-project-self-evaluation-tables.txt");
        var s = report.Statements.Single(x => x.Name == name);
        Assert.Equal(target, s.Target);
        Assert.Equal(actual, s.Actual);
        Assert.Equal(reason, s.Reason);
        Assert.Equal(fund, s.Fund);
        Assert.Contains(report.Reasons, p => p.IndicatorName == name && p.Fund == fund && p.Text.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hongshan-2025-employment-subsidy-report.txt")]
    [InlineData("zhalantun-2024-employment-subsidy-report.txt")]
    [InlineData("guangxi-2024-employment-transfer-report.txt")]
    [InlineData("zhongwei-2024-project-self-evaluation-tables.txt")]
    public void Chunks_NeverSplitANumber_AndCoverEveryNumberOfTheText(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", file));
        var report = ReportParser.Parse(text);
        Assert.All(report.Passages, p => Assert.InRange(p.Text.Length, 1, ReportParser.TargetPassageChars * 2 + 40));
        var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"\d+\.\d+%?").Select(m => m.Value).Distinct().ToList();
        var all = string.Join("\n", report.Passages.Select(p => p.Text));
        var missing = numbers.Where(n => !all.Contains(n, StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("一、基本情况\n（一）资金投入情况分析。\n预算1000万元，执行900万元，执行率90%。", SectionKind.Funds)]
    [InlineData("三、偏离绩效目标的原因和下一步改进措施\n受疫情影响，部分项目延期。", SectionKind.DeviationReason)]
    [InlineData("三、偏离绩效目标的原因和下一步改进措施\n（二）下一步改进措施\n加强资金监管。", SectionKind.ImprovementMeasure)]
    [InlineData("二、绩效情况分析\n（二）资金管理情况分析\n1.分配科学性：按因素法分配。", SectionKind.Management)]
    public void Classify_ByHeading(string text, SectionKind expected)
    {
        var report = ReportParser.Parse(text);
        Assert.Equal(expected, report.Passages[^1].Kind);
    }

    [Fact]
    public void DeviationParagraph_SplitsReasonFromNextSteps()
    {
        var report = ReportParser.Parse("三、偏离绩效目标的原因和下一步改进措施\n见习岗位不足，企业用工需求下降。下一步将加大政策宣传，拓展见习基地。");
        Assert.Equal(SectionKind.DeviationReason, report.Passages[0].Kind);
        Assert.Equal("见习岗位不足，企业用工需求下降。", report.Passages[0].Text);
        Assert.Equal(SectionKind.ImprovementMeasure, report.Passages[1].Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("\u0000\u0001binary")]
    public void OddInput_GivesAnEmptyOrSmallReport_NeverThrows(string text)
    {
        var report = ReportParser.Parse(text);
        Assert.NotNull(report.Metadata.Title);
        Assert.True(report.Passages.Count <= 1);
    }

    [Fact]
    public void Sentences_EndAtChinesePunctuation_KeepingClosingQuotes()
    {
        var s = ReportParser.Sentences("他说：“完成了。”然后；继续！最后").ToArray();
        Assert.Equal(["他说：“完成了。”", "然后；", "继续！", "最后"], s);
    }

    [Fact]
    public void SplitLong_CutsAtSeparators_NeverInsideANumber()
    {
        var text = string.Join(" ", Enumerable.Range(0, 200).Select(i => $"项目{i}金额12345.67万元"));
        var parts = ReportParser.SplitLong(text).ToList();
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.Matches(@"^项目\d+金额12345\.67万元", p));
        Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(parts).Replace(" ", string.Empty, StringComparison.Ordinal));
    }
}
