using System.Text.Json.Nodes;
using Assistant.Domain.Drafting;
using Assistant.Domain.Review;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 41 (outside tester, probe 40 §4, §5, §9, §12, and the chat helper's reading of session 40's drafts): the draft of 三
/// said a mismatch of money and tasks was unexplained where the unit had explained it; laid an effect's shortfall at the door of an
/// output that fell short only because fewer people needed it; answered a fall in prices with 复产 and a training fee not yet settled
/// with an engineering audit; said 该项 of two rows; and review counted a bank-account reason as 其他原因.
/// </summary>
public class Session41DraftTests
{
    private static JsonObject Ruyuan() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", "p40-t3-guangdong-ruyuan-laojiuxiaoqu.json")))!.AsObject();

    private static string Reasons(JsonObject table)
    {
        string draft = SelfCheckTables.DraftOfThree(EvaluationJson.Parse(table.ToJsonString()));
        return draft[..draft.IndexOf("（二）", StringComparison.Ordinal)];
    }

    private static string Measures(JsonObject table)
    {
        string draft = SelfCheckTables.DraftOfThree(EvaluationJson.Parse(table.ToJsonString()));
        return draft[draft.IndexOf("（二）", StringComparison.Ordinal)..];
    }

    private static JsonObject Row(JsonObject table, string name) =>
        table["indicators"]!.AsArray().Select(r => r!.AsObject()).Single(r => ((string)r["name"]!).StartsWith(name, StringComparison.Ordinal));

    private static JsonObject Total(JsonObject table) => table["funds"]!["lines"]!.AsArray()[0]!.AsObject();

    [Fact]
    public void TheMoneysReasonGivenOnTheShortRows_IsNotCalledUnexplained()
    {
        string reasons = Reasons(Ruyuan());
        Assert.DoesNotContain("不匹配的原因自评表未作说明", reasons, StringComparison.Ordinal);
        Assert.Contains("资金结余与“改造老旧小区数量（个）”“年度完工率”未完成出于同一原因", reasons, StringComparison.Ordinal);
    }

    [Theory]
    // The same cause in other words on the rows (a long run shared), and one row only.
    [InlineData("因居民意见未统一暂缓施工", "年度完工率")]
    [InlineData("2个小区因居民意见未统一暂缓施工，年内未完工", "改造老旧小区数量")]
    public void ARowsReasonSharingTheMoneysWords_TiesThem(string rowReason, string row)
    {
        JsonObject t = Ruyuan();
        foreach (var r in t["indicators"]!.AsArray().Select(r => r!.AsObject()))
        {
            r.Remove("deviationNote");
        }

        Row(t, row)["deviationNote"] = rowReason;
        string reasons = Reasons(t);
        Assert.Contains($"资金结余与“{Row(t, row)["name"]}”未完成出于同一原因", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("未作说明", reasons[reasons.IndexOf("预算执行率偏低", StringComparison.Ordinal)..reasons.IndexOf("3.", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void NoReasonForTheMoney_TheMismatchIsSaidUnexplained()
    {
        JsonObject t = Ruyuan();
        Total(t).Remove("deviationNote");
        Assert.Contains("二者不匹配的原因自评表未作说明", Reasons(t), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("部分工程尚未完成结算审计，尾款未支付")]
    [InlineData("按合同约定质保金次年支付")]
    public void MoneyThatFollowsTheWork_TheFactIsStatedWithoutCallingItUnexplained(string moneyReason)
    {
        JsonObject t = Ruyuan();
        Total(t)["deviationNote"] = moneyReason;
        string reasons = Reasons(t);
        Assert.Contains("资金支出进度慢于任务完成进度。", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("未作说明", reasons[reasons.IndexOf("预算执行率偏低", StringComparison.Ordinal)..reasons.IndexOf("3.", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void AReasonOfWorkHeldUpWhileNoRowSharesIt_TheMismatchStaysAQuestion()
    {
        JsonObject t = Ruyuan();
        foreach (var r in t["indicators"]!.AsArray().Select(r => r!.AsObject()))
        {
            r.Remove("deviationNote");
        }

        Total(t)["deviationNote"] = "部分设备采购合同签订较晚，未能在年内安装";
        Assert.Contains("自评表未说明任务完成而资金结余的原因", Reasons(t), StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondItemWithTheResidentsCause_GetsItsOwnWordingOfTheAnswer()
    {
        string measures = Measures(Ruyuan());
        string rows = measures.Split('\n').Single(l => l.Contains("“改造老旧小区数量（个）”“年度完工率”", StringComparison.Ordinal));
        Assert.Contains("居民议事会", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("逐项核实未完成部分的原因", rows, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("部分特困人员外出务工在外地参保，不再重复资助")]
    [InlineData("符合条件的对象减少，申请人数少于预期")]
    [InlineData("部分对象家庭经济状况好转，退出救助范围")]
    public void AnOutputShortBecauseFewerNeededIt_DoesNotExplainAShortEffect(string outputReason)
    {
        var t = JsonNode.Parse("""
            {"kind":"project","title":"城乡医疗救助补助资金","year":2024,"region":"湖北省黄冈市蕲春县","department":"蕲春县医疗保障局",
             "funds":{"unit":"万元","weight":"10","lines":[{"name":"年度资金总额","budget":"1800","executed":"1710.65"}]},
             "indicators":[
              {"level1":"产出指标","level2":"数量指标","name":"资助困难群众参加基本医疗保险人数","unit":"人","target":"≥42000","actual":"41236","weight":"30","deviationNote":"REASON"},
              {"level1":"效益指标","level2":"社会效益指标","name":"困难群众受益人次","unit":"人次","target":"≥5000","actual":"4500","weight":"30"},
              {"level1":"满意度指标","level2":"服务对象满意度指标","name":"救助对象满意度","unit":"%","target":"≥90%","actual":"95%","weight":"30"}]}
            """.Replace("REASON", outputReason, StringComparison.Ordinal))!.AsObject();
        string draft = SelfCheckTables.DraftOfThree(EvaluationJson.Parse(t.ToJsonString()));
        Assert.DoesNotContain("相应的服务效果未能全部显现", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("剩余任务的落实同步跟踪", draft, StringComparison.Ordinal);
        Assert.Contains("困难群众受益人次", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutputShortForWantOfWork_StillExplainsTheShortEffect()
    {
        var t = JsonNode.Parse("""
            {"kind":"project","title":"城乡医疗救助补助资金","year":2024,"region":"湖北省黄冈市蕲春县","department":"蕲春县医疗保障局",
             "funds":{"unit":"万元","weight":"10","lines":[{"name":"年度资金总额","budget":"1800","executed":"1710.65"}]},
             "indicators":[
              {"level1":"产出指标","level2":"数量指标","name":"资助困难群众参加基本医疗保险人数","unit":"人","target":"≥42000","actual":"41236","weight":"30"},
              {"level1":"效益指标","level2":"社会效益指标","name":"困难群众受益人次","unit":"人次","target":"≥5000","actual":"4500","weight":"30"},
              {"level1":"满意度指标","level2":"服务对象满意度指标","name":"救助对象满意度","unit":"%","target":"≥90%","actual":"95%","weight":"30"}]}
            """)!.AsObject();
        Assert.Contains("相应的服务效果未能全部显现", SelfCheckTables.DraftOfThree(EvaluationJson.Parse(t.ToJsonString())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("受春茶收购价格下跌影响，茶农增收不及预期", "销售渠道")]
    [InlineData("市场行情低迷，农产品价格走低", "销售渠道")]
    [InlineData("受生猪价格下跌影响，6个养殖场退出养殖", "复产")]
    [InlineData("部分培训机构培训费用尚未结算", "结算")]
    [InlineData("2个标段工程结算审计未完成", "工程结算审计")]
    public void TheMeasure_AnswersThePriceOrTheSettlementItNames(string cause, string words)
    {
        var answers = DraftPhrases.AnswersFor(cause);
        Assert.Contains(answers, m => m.Contains(words, StringComparison.Ordinal));
        if (!cause.Contains("工程", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(answers, m => m.Contains("工程结算审计", StringComparison.Ordinal));
        }

        if (!cause.Contains("退出养殖", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(answers, m => m.Contains("复产", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("3名补贴对象银行账户异常，资金退回后重新发放")]
    [InlineData("部分农户卡号错误，补贴发放失败")]
    [InlineData("个别对象账户冻结，资金退回")]
    public void ABankAccountReason_IsAMatterOfPayingOut(string reason) =>
        Assert.Equal("资金发放或管理问题", ReasonKinds.Classify(reason));

    [Fact]
    public void TwoWeakerRowsWithoutAReason_AreSpokenOfAsTheRowsAbove()
    {
        JsonObject t = Ruyuan();
        Row(t, "小区居住环境")["target"] = "明显提升";
        Row(t, "小区居住环境")["actual"] = "有所提升";
        string reasons = Reasons(t);
        string item = reasons.Split('\n').Single(l => l.Contains("实际效果弱于年度指标值", StringComparison.Ordinal));
        Assert.Contains("“小区居住环境”", item, StringComparison.Ordinal);
        Assert.Contains("“长效管理机制建立”", item, StringComparison.Ordinal);
        Assert.DoesNotContain("该项", item, StringComparison.Ordinal);
        Assert.Contains("上述指标", item, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIllnessPovertyRowWithoutAReason_GetsAMeasureOfItsOwnKind()
    {
        var t = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "verifier", "tables", "p40-t3-guangdong-ruyuan-laojiuxiaoqu.json")))!.AsObject();
        t["title"] = "城乡医疗救助补助资金";
        Row(t, "长效管理机制建立")["name"] = "因病致贫返贫户数";
        Row(t, "因病致贫返贫户数")["unit"] = "户";
        Row(t, "因病致贫返贫户数")["target"] = "≤5";
        Row(t, "因病致贫返贫户数")["actual"] = "8";
        string measures = Measures(t);
        string item = measures.Split('\n').Single(l => l.Contains("“因病致贫返贫户数”", StringComparison.Ordinal));
        Assert.Contains("因病致贫返贫监测预警", item, StringComparison.Ordinal);
    }
}
