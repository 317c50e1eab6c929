using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>
/// Qualitative results that miss their target in words other than the official grade names: a no
/// against a yes, a negated grade word, an overrun, the middle grade named outright, a weaker degree of
/// the same word. DOMAIN.md §2: only a result equal to the target is a silent full mark.
/// </summary>
public class QualitativeWordsTests
{
    private static IndicatorResult Score(string target, string actual, string? printed = null) =>
        Calculator.ScoreIndicator(RuleTests.Row(target, actual, "10", printed: printed), 0, ScoringPolicy.Default, scored: true);

    [Theory]
    // yes / no against the target's wording
    [InlineData("是", "否", null, "3", "short")]
    [InlineData("是", "否", "0", "0", "short")]
    [InlineData("有", "没有", "0", "0", "short")]
    [InlineData("按规定公示", "否", "0", "0", "short")]
    [InlineData("否", "是", "0", "0", "short")]
    [InlineData("无安全事故", "否", null, "10", "met")]
    [InlineData("未发生重大安全事故", "否", null, "10", "met")]
    [InlineData("杜绝虚报冒领", "否", null, "10", "met")]
    [InlineData("是", "是", null, "10", "met")]
    [InlineData("否", "否", null, "10", "met")]
    // a negated grade word is not achieved
    [InlineData("及时", "不及时", "0", "0", "short")]
    [InlineData("按时完成", "未按时完成", null, "3", "short")]
    [InlineData("有效提升", "未明显提升", "0", "0", "short")]
    [InlineData("明显改善", "没有明显改善", "2", "2", "short")]
    [InlineData("按期发放", "延期发放", "4", "4", "short")]
    [InlineData("按期完成", "逾期完成", null, "3", "short")]
    [InlineData("验收合格", "不合格", "0", "0", "short")]
    [InlineData("满意", "不满意", "1", "1", "short")]
    // budget control
    [InlineData("控制在预算内", "超出预算", "3", "3", "short")]
    [InlineData("控制在预算内", "超支", null, "3", "short")]
    [InlineData("控制在预算内", "未超出预算", null, "10", "met")]
    [InlineData("不超预算", "控制在预算范围内", null, "10", "met")]
    // the middle grade named outright scores in its band, whatever the target's wording
    [InlineData("持续优化", "部分达成", "7.5", "7.5", "short")]
    [InlineData("持续优化", "部分达成", null, "7", "short")]
    [InlineData("全面完成", "部分完成", "7", "7", "short")]
    // a weaker degree: the unit's lower score stands; at full marks it stays full (a finding, below)
    [InlineData("满意", "基本满意", "8", "8", "short")]
    [InlineData("满意", "较满意", "9", "9", "short")]
    [InlineData("好", "较好", "8", "8", "short")]
    [InlineData("明显改善", "有所改善", "8", "8", "short")]
    [InlineData("提高服务水平", "一般", "7", "7", "short")]
    // session 40: a weaker degree than the target's (DegreeWords, the verifier's ranking too) is short of it — at full marks
    // with no printed score (the 达成 band's default), at the printed score within the bands
    [InlineData("逐步提高", "有所提高", null, "10", "short")]
    [InlineData("逐步提高", "有所提高", "8", "8", "short")]
    [InlineData("显著提升", "稳步提升", null, "10", "short")]
    [InlineData("明显改善", "持续改善", "9", "9", "short")]
    // as strong as the target, or stronger: full marks
    [InlineData("稳步提升", "稳步提升", null, "10", "met")]
    [InlineData("逐步提高", "明显提高", null, "10", "met")]
    [InlineData("满意", "非常满意", null, "10", "met")]
    [InlineData("较好", "好", null, "10", "met")]
    [InlineData("有效提升", "显著提升", null, "10", "met")]
    [InlineData("长期有效", "长期有效", null, "10", "met")]
    public void Result_IsGradedByItsWords(string target, string actual, string? printed, string score, string status)
    {
        IndicatorResult r = Score(target, actual, printed);
        Assert.Equal(status, r.Status.ToContract());
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), r.Score);
    }

    [Theory]
    [InlineData("满意", "基本满意")]
    [InlineData("好", "较好")]
    [InlineData("明显改善", "有所改善")]
    [InlineData("提高服务水平", "基本完成")]
    public void WeakerWord_AtFullMarks_IsAFinding(string target, string actual)
    {
        var e = new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "t",
            Funds = new FundSection(),
            Indicators = [RuleTests.Row(target, actual, "10", printed: "10")],
        };
        ScoreReport report = Calculator.Score(e);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.IndicatorQualitativeWeaker);
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.IndicatorScorePrinted);
    }

    [Theory]
    [InlineData("否", 0)]
    [InlineData("是", 3)]
    [InlineData("不及时", 0)]
    [InlineData("未明显提升", 0)]
    [InlineData("无明显变化", 0)]
    [InlineData("超出预算", 0)]
    [InlineData("未超出预算", 3)]
    [InlineData("控制在预算内", 3)]
    [InlineData("部分达成", 1)]
    [InlineData("基本满意", 1)]
    [InlineData("较满意", 2)]
    [InlineData("有所改善", 2)]
    [InlineData("满意", 3)]
    [InlineData("好", 3)]
    [InlineData("及时", 3)]
    [InlineData("不好", 0)]
    [InlineData("效果欠佳", 0)]
    [InlineData("不太满意", 0)]
    [InlineData("不够及时", 0)]
    [InlineData("无逾期", 3)]
    [InlineData("不超期", 3)]
    [InlineData("未延期", 3)]
    [InlineData("逾期", 0)]
    [InlineData("原则上不高于当地最低工资标准", null)]
    [InlineData("不断提升", 2)]
    [InlineData("持续优化", 2)]
    [InlineData("提高服务水平", null)]
    public void GradeLevel_OfWords(string text, int? level) => Assert.Equal(level, CellParser.GradeLevel(text));
}
