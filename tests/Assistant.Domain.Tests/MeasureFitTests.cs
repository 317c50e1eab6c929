using Assistant.Domain.Drafting;

namespace Assistant.Domain.Tests;

/// <summary>
/// A measure fits the row's kind (a rate or a satisfaction is never “继续实施”, a time limit is no matter of
/// 源头防控), the stated cause's kind (money late, not short; a waiting time; a land dispute; works near a
/// school) and the sector (教学质量 gets no 带量食谱, 培训教师 no 学籍系统).
/// </summary>
public class MeasureFitTests
{
    [Theory]
    [InlineData("县级配套资金到位较晚，部分设备采购延至次年")]
    [InlineData("市级配套资金到位滞后，检验仪器招标推迟")]
    [InlineData("本级配套资金到位时间较晚，材料采购推迟到次年一季度")]
    [InlineData("区级配套资金到位较晚，救护车采购未完成")]
    public void LateMatchingMoney_AndProcurement_AreAnswered_NotAsAShortageOfMeans(string cause)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, a => a.Contains("配套资金到位台账", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.Contains("尽早启动采购程序", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Contains("调减配套规模", StringComparison.Ordinal) || a.Contains("上级财政部门", StringComparison.Ordinal));
    }

    [Fact]
    public void MatchingMoneyThatNeverCame_IsStillAShortageOfMeans()
    {
        Assert.Contains(DraftPhrases.AnswersFor("县级财力紧张，配套资金未到位"), a => a.Contains("调减配套规模", StringComparison.Ordinal));
        Assert.Contains(DraftPhrases.AnswersFor("第四季度县级配套资金未及时到位"), a => a.Contains("配套资金足额列入", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("部分教师因教学任务重未能参训")]
    [InlineData("村医日常工作任务繁重，无法脱产参加培训")]
    [InlineData("工学矛盾突出，部分学员抽不出时间")]
    public void TrainingMissedForWorkload_IsAnsweredByWhenAndHowItIsHeld(string cause)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, a => a.Contains("提高培训到课率", StringComparison.Ordinal));
        Assert.DoesNotContain(DraftPhrases.LeftoverMeasure, answers);
    }

    [Theory]
    [InlineData("部分乡镇卫生院候诊时间较长", "预约就诊")]
    [InlineData("门诊排队等候时间长", "分时段就诊")]
    [InlineData("患者等待时间较长，挂号难", "缩短群众候诊时间")]
    [InlineData("部分村组土地流转纠纷未能及时化解", "调解")]
    [InlineData("沿线征地纠纷，部分路段群众阻工", "调解")]
    [InlineData("土地权属纠纷尚未解决，项目无法开工", "土地权属核查")]
    public void WaitingTimesAndLandDisputes_GetTheirOwnMeasure(string cause, string expected)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, a => a.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(DraftPhrases.LeftoverMeasure, answers);
    }

    [Theory]
    [InlineData("部分家长对施工期间安排不满意", "家长满意度；义务教育薄弱环节改善与能力提升项目", "假期和课余时段")]
    [InlineData("教学楼施工影响正常上课", "学生满意度；农村中小学校舍改造工程", "假期和课余时段")]
    [InlineData("住院楼施工期间噪音影响患者休息", "患者满意度；县人民医院改扩建项目", "避开群众上学、就医、出行")]
    [InlineData("施工期间交通管制影响群众出行", "沿线群众满意度；农村公路提质改造项目", "绕行指引")]
    public void WorksNearPeople_AreAnsweredInTheirSectorsWords(string cause, string context, string expected)
    {
        var answers = DraftPhrases.AnswersFor(cause, context: context);
        Assert.Contains(answers, a => a.Contains(expected, StringComparison.Ordinal));
        Assert.Single(answers, a => a.Contains("施工", StringComparison.Ordinal));
        if (!context.Contains("公路", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(answers, a => a.Contains("交通管制", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("医疗费用结算时限")]
    [InlineData("低保审批办结时间")]
    [InlineData("补贴资金兑付时限")]
    public void ATimeLimitExceeded_IsAnsweredByItsProcedure_NotBySourceControl(string name)
    {
        string m = DraftPhrases.CeilingMeasure(name, null, money: false, time: true);
        Assert.Contains("办理时限", m, StringComparison.Ordinal);
        Assert.DoesNotContain("源头防控", m, StringComparison.Ordinal);
        Assert.DoesNotContain(name, m, StringComparison.Ordinal);
        Assert.Contains("专案管理", DraftPhrases.CeilingMeasure("孕产妇死亡率", null, money: false), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("教学质量提升", Nature.Quality, "义务教育学校办学条件改善项目", "学业质量监测", "学籍系统")]
    [InlineData("学生营养健康状况", Nature.Quality, "农村义务教育学生营养改善计划", "带量食谱", "学籍系统")]
    [InlineData("培训教师人次", Nature.Count, "义务教育学校办学条件改善项目", null, "学籍系统")]
    [InlineData("受益学生人数", Nature.Count, "义务教育学校办学条件改善项目", "学籍系统", "带量食谱")]
    public void SchoolRows_GetTheMeasuresOfWhatTheyCount(string name, Nature nature, string title, string? first, string never)
    {
        var measures = DraftPhrases.Measures(name, nature, title).ToList();
        if (first is not null)
        {
            Assert.Contains(first, measures[0], StringComparison.Ordinal);
        }

        Assert.DoesNotContain(measures, m => m.Contains(never, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Nature.Rate, "患者满意度", false)]
    [InlineData(Nature.Rate, "居民电子健康档案建档率", false)]
    [InlineData(Nature.Time, "项目完工时间", false)]
    [InlineData(Nature.Quality, "教学质量提升", false)]
    [InlineData(Nature.Count, "新建高标准农田面积", true)]
    [InlineData(Nature.Unknown, "提质改造农村公路里程", true)]
    public void OnlyAQuantity_CarriesItsUndonePartOver(Nature nature, string name, bool carries)
    {
        Assert.Equal(carries, DraftPhrases.CarriesOver(nature, name));
    }
}
