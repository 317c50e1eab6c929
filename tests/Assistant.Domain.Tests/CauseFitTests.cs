using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// Measures that answer the kind of cause the unit stated (session 30): an overpayment to deceased recipients is
/// stopped by data matching, not by setting next year's target; turbid water is a water-quality matter, not a
/// building site; a late county co-payment is budgeted, not “process management”; catch-all reasons are named
/// as such; past reports of another sector are no precedent.
/// </summary>
public class CauseFitTests
{
    [Theory]
    [InlineData("部分对象已死亡未及时停发，已追回2.1万元", "信息比对")]
    [InlineData("个别保障对象服刑期间未及时停保，多发低保金", "信息比对")]
    [InlineData("部分水源受汛期影响浑浊度超标", "水源地保护")]
    [InlineData("雨季原水浊度升高，部分水厂处理能力不足", "净化消毒")]
    [InlineData("第四季度县级配套资金未及时到位，12月补贴延至次年1月发放", "配套资金足额列入")]
    [InlineData("市级配套资金到位不及时，两个月低保金推迟发放", "配套资金足额列入")]
    [InlineData("部分老人对补贴标准偏低有意见", "动态调整机制")]
    [InlineData("读者反映活动形式单一、缺乏吸引力", "需求调查")]
    [InlineData("受文化站管理员岗位调整影响，部分站点活动减少", "工作交接")]
    [InlineData("两名馆员离职后补充不及时，活动减少", "工作交接")]
    [InlineData("PE管材及人工费用上涨", "造价")]
    [InlineData("设备政府采购程序耗时较长，10月才完成采购", "采购需求")]
    public void EachNewKindOfCause_GetsAMeasureThatAnswersIt(string cause, string expected)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, a => a.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Contains("测算下一年度指标值", StringComparison.Ordinal) || a.Contains("上级财政部门", StringComparison.Ordinal)
            || a.Contains("加强过程管理", StringComparison.Ordinal) || a.Contains("为施工留足工期", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("抢抓非汛期和晴好天气集中施工，汛前完成控制性工程", "部分水源受汛期影响浑浊度超标", false)]
    [InlineData("抢抓非汛期和晴好天气集中施工，汛前完成控制性工程", "受7月强降雨影响，18处山区工程无法进场施工", true)]
    [InlineData("结合汛期和季节特点合理安排工作计划", "部分水源受汛期影响浑浊度超标", true)]
    public void AConstructionMeasure_FitsOnlyACauseAboutWorks(string measure, string cause, bool fits) =>
        Assert.Equal(fits, DraftPhrases.Fits(measure, cause));

    [Theory]
    [InlineData("受多种因素影响", true)]
    [InlineData("受资金下达较晚等客观因素影响，项目推进不及时", true)]
    [InlineData("受多方面原因影响", true)]
    [InlineData("受7月强降雨影响，18处山区工程无法进场施工", false)]
    [InlineData("受多种因素影响，减少320人", false)]
    public void ACatchAllReason_IsBoilerplate(string reason, bool boilerplate) =>
        Assert.Equal(boilerplate, ReasonStrength.IsBoilerplate(reason));

    [Theory]
    [InlineData("第四季度县级配套资金未及时到位", "县级资金", true)]
    [InlineData("第四季度县级配套资金未及时到位", "省级资金", false)]
    [InlineData("省级资金2025年11月才下达", "省级资金", true)]
    [InlineData("部分对象已死亡未及时停发", "县级资金", false)]
    public void AReasonOnAnotherRow_NamesAFundLine_ByItsSource(string reason, string line, bool names) =>
        Assert.Equal(names, DraftPhrases.NamesFundLine(reason, line));

    [Theory]
    [InlineData("甘肃省天水市麦积区就业补助资金2023年度绩效自评报告", "2025年新邵县农村饮水安全工程维修养护资金", "新邵县水利局", true)]
    [InlineData("汉台区公共就业服务2023年度绩效自评报告", "2025年绥宁县森林草原防火项目资金", "绥宁县林业局", true)]
    [InlineData("甘肃省天水市麦积区就业补助资金2023年度绩效自评报告", "就业见习补贴", "中卫市人力资源和社会保障局", false)]
    [InlineData("某县小型水库除险加固项目绩效自评报告", "2025年新邵县农村饮水安全工程维修养护资金", "新邵县水利局", false)]
    [InlineData("2023年度部门整体支出绩效自评报告", "2025年隆回县困难老年人养老服务补贴资金", "隆回县民政局", false)]
    public void APastReportOfAnotherSector_IsNoPrecedent(string title, string table, string department, bool other)
    {
        var e = new Evaluation { Kind = EvaluationKind.Project, Title = table, Department = department, Funds = new FundSection(), Indicators = [] };
        Assert.Equal(other, PrecedentFit.OtherSector(title, e));
    }
}
