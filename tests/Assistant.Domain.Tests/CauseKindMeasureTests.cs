using Assistant.Domain.Drafting;

namespace Assistant.Domain.Tests;

/// <summary>
/// Probe 33 (files #12, chat #14): a measure follows the kind of the cause and the row's sector. A price rise of goods
/// is no late procurement, staff who left and are not yet replaced is no slow payment, a dropout rate gets no
/// disease control; a unit's 「原因；措施」 cell is split so its own measure is used and never quoted as the cause.
/// </summary>
public class CauseKindMeasureTests
{
    private const string Procurement = "尽早启动采购程序";
    private const string Payment = "缩短资金兑付周期";

    [Theory]
    [InlineData("2024年起药品耗材集中采购目录调整，部分耗材单价上涨约7%", "中选价格")]
    [InlineData("疫苗采购价格上涨，接种服务成本增加", "中选价格")]
    [InlineData("化肥、种子等农资价格上涨，统一采购后亩均成本提高", "中选价格")]
    [InlineData("学生食材采购价格上涨，营养餐单位成本上升", "中选价格")]
    [InlineData("钢材、水泥等建材价格上涨，工程造价提高", "造价")]
    public void APriceRise_IsAnsweredByCosting_NotByProcurementSpeed(string cause, string expected)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, a => a.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Contains(Procurement, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("护林员年龄超龄退出，补聘程序尚未完成")]
    [InlineData("部分公益性岗位人员辞职后未及时补充，岗位空缺")]
    [InlineData("村医到龄退出，补聘手续办理较慢")]
    [InlineData("2名专职管水员离职，招聘尚未完成")]
    [InlineData("部分乡镇协管员缺员，补录工作推迟到次年")]
    [InlineData("两名馆员离职后补充不及时，活动减少")]
    public void StaffLeftAndNotReplaced_IsAnsweredByReplacement_NotByPaymentProcedure(string cause)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, a => a.Contains("补聘", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Contains(Payment, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("部分学生随父母外出务工辍学")]
    [InlineData("个别学生厌学，劝返后再次辍学")]
    [InlineData("留守儿童失学情况未能及时发现")]
    public void ADropOut_IsAnsweredByKeepingPupilsInSchool(string cause)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, a => a.Contains("控辍保学", StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a.Contains("源头防控", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("学生辍学率", "义务教育薄弱环节改善与能力提升", "控辍保学")]
    [InlineData("孕产妇死亡率", "基本公共卫生服务项目", "专案管理")]
    [InlineData("婴儿死亡率", "妇幼健康服务", "专案管理")]
    [InlineData("森林火灾受害率", "森林防火项目", "火源管控")]
    [InlineData("甲乙类传染病发病率", "重大传染病防控", "监测报告")]
    [InlineData("城镇登记失业率", "就业补助资金", "职业指导")]
    [InlineData("农药残留超标率", "农产品质量安全监管", "投入品")]
    [InlineData("管网漏损率", "农村饮水安全巩固提升工程", "漏损监测")]
    [InlineData("群众投诉率", "森林防火项目", "投诉")]
    [InlineData("较大事故发生率", "农村公路安全生命防护工程", "隐患排查")]
    public void ARateAboveItsCeiling_IsAnsweredInItsOwnSector_WithoutRepeatingItsName(string name, string title, string expected)
    {
        string m = DraftPhrases.CeilingMeasure(name, null, money: false, context: name + "；" + title);
        Assert.Contains(expected, m, StringComparison.Ordinal);
        Assert.DoesNotContain(name, m, StringComparison.Ordinal);
        Assert.DoesNotContain("源头防控", m, StringComparison.Ordinal);
        // The drafter drops a measure naming people the row does not (失业人员 for 失业率): none of these may.
        Assert.Empty(FundLexicon.Foreign(m, name));
    }

    [Fact]
    public void ACeilingOfNoKnownSector_GetsAMeasureThatClaimsNoMechanism()
    {
        string m = DraftPhrases.CeilingMeasure("档案差错率", null, money: false, context: "档案数字化项目");
        Assert.Contains("差错", m, StringComparison.Ordinal);
        string plain = DraftPhrases.CeilingMeasure("平均响应级别", null, money: false, context: "某专项");
        Assert.Equal(DraftPhrases.CeilingRateMeasure, plain);
        Assert.DoesNotContain("“", DraftPhrases.CeilingMeasure("人均服务成本", null, money: true), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("辖区高龄孕产妇比例上升；加强高危孕产妇专案管理", "辖区高龄孕产妇比例上升", "加强高危孕产妇专案管理")]
    [InlineData("部分学生随外来务工父母流动，外来务工子女流动性大；加强控辍保学", "部分学生随外来务工父母流动，外来务工子女流动性大", "加强控辍保学")]
    [InlineData("护林员超龄退出，补聘未完成。加快补聘进度", "护林员超龄退出，补聘未完成", "加快补聘进度")]
    [InlineData("受持续降雨影响，渠道衬砌停工40天；优化施工组织，抢抓晴好天气", "受持续降雨影响，渠道衬砌停工40天", "优化施工组织，抢抓晴好天气")]
    [InlineData("部分就业困难人员就业意愿不强；强化岗位推荐和跟踪服务", "部分就业困难人员就业意愿不强", "强化岗位推荐和跟踪服务")]
    [InlineData("种植户参与积极性不高；下步措施：推行先建后补", "种植户参与积极性不高", "推行先建后补")]
    public void AReasonAndMeasureCell_SplitsAtTheMeasure(string note, string cause, string measure)
    {
        StatedText s = StatedText.Split(note);
        Assert.Equal(cause, s.Cause);
        Assert.Equal(measure, s.Measure);
    }

    [Theory]
    [InlineData("资金拨付较晚；落实不到位")]
    [InlineData("项目审批环节多；加强监管后推进缓慢")]
    [InlineData("上级资金下达较晚；加快实施但未能在年内完成")]
    [InlineData("加强宣传后报名人数仍少于预期")]
    public void ACauseClause_OpeningWithAVerb_IsNotTakenForAMeasure(string note)
    {
        StatedText s = StatedText.Split(note);
        Assert.Null(s.Measure);
        Assert.Equal(note, s.Cause);
    }
}
