using Assistant.Domain.Conversation;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Review;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 44, each a class of miss found by a held-out question, tested on other (development) tables: a yes/no on a fund line's
/// 执行率 against a bound (有没有到90%, 达到80%了吗, 超过95%没有) opens with the plain answer; a reason that blames a cause of another period
/// (疫情 in 2024–2025, 脱贫攻坚 after 2021, a census after it ended) is flagged when a reason is judged or part 三 reviewed; 原因怎么写
/// after a question on one row or one line is that row's or line's reason only; a quoted gap (差36人对吗) is checked against the row's;
/// a transfer table's 总分 says why there is none and what is computed.
/// </summary>
public class Session44ChatTests
{
    [Theory]
    [InlineData("probe40-fengfeng", "省级资金执行率有没有到90%", "没有。", "83.78%")]
    [InlineData("probe40-fengfeng", "中央资金达到90%了吗", "达到了。", "93.54%")]
    [InlineData("probe38-yangxian", "总执行率超过95%没有", "超过了。", "96.50%")]
    [InlineData("probe40-wulong", "市级资金执行率达到80%了吗", "没有。", "73.64%")]
    [InlineData("probe40-qichun", "省级资金有没有到90%", "达到了。", "92.17%")]
    [InlineData("session40-meitan", "县级资金执行率到没到60%", "达到了。", "64.00%")]
    [InlineData("probe40-ruyuan", "年度资金执行率有没有达到90%", "没有。", "79.22%")]
    [InlineData("probe38-yinan", "县级资金执行率超没超50％", "没有超过。", "43.33%")]
    [InlineData("session40-tongwei", "省级资金执行率是否达到９０％", "达到了。", "93.75%")]
    public void AYesNoOnARateBound_OpensWithThePlainAnswer(string table, string message, string opens, string rate)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.Equal(IntentKind.Compute, IntentRouter.Route(message, sheet).Kind);
        string text = ChatTables.AnswerAll(sheet, message);
        Assert.StartsWith(opens, text, StringComparison.Ordinal);
        Assert.Contains(rate, text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("受疫情影响，部分孕产妇未能按时产检", 2024, "疫情")]
    [InlineData("受新冠疫情防控影响，施工队伍无法进场", 2025, "疫情")]
    [InlineData("因封控期间人员无法流动，培训延期", 2024, "疫情")]
    [InlineData("受疫情影响，部分孕产妇未能按时产检", 2022, null)]
    [InlineData("疫情后消费恢复较慢，带动增收不及预期", 2024, null)]
    [InlineData("因抽调人员参与第七次全国人口普查，入户核查延后", 2023, "第七次全国人口普查")]
    [InlineData("因抽调人员参与第七次全国人口普查，入户核查延后", 2021, null)]
    [InlineData("受脱贫攻坚验收影响，部分项目延期开工", 2023, "脱贫攻坚")]
    [InlineData("为巩固拓展脱贫攻坚成果，调整了部分项目", 2024, null)]
    [InlineData("受第三次全国国土调查工作影响，用地审批推迟", 2024, "第三次全国国土调查")]
    [InlineData("受汛期持续降雨影响，部分工程停工", 2025, null)]
    public void ACauseOfAnotherPeriod_IsFoundByTheTablesYear(string reason, int year, string? cause) =>
        Assert.Equal(cause, ReasonQuality.OutOfPeriodCause(reason, year)?.Name);

    /// <summary>A 2025 table with a reason copied from the epidemic years: flagged when the reason is judged and when part 三 is reviewed.</summary>
    [Theory]
    [InlineData("probe30-A-yinshui", 5, "受新冠疫情防控影响，部分工程未能按期通水", "受益农村人口的原因写得行不行", "疫情")]
    [InlineData("probe30-B-yanglao", 6, "受疫情影响，上门服务人员不足", "居家养老上门服务覆盖率这个原因能站得住吗", "疫情")]
    [InlineData("probe40-wulong", 1, "受脱贫攻坚验收影响，抚育作业暂停", "森林抚育面积的原因有说服力吗", "脱贫攻坚")]
    [InlineData("probe29-C-gongwei", 2, "因抽调村医参与第七次全国人口普查，随访延后", "2型糖尿病患者规范管理率这个原因合理吗", "第七次全国人口普查")]
    public void AReasonOfAnotherPeriod_IsFlagged(string table, int row, string reason, string message, string cause)
    {
        FactSheet sheet = WithReason(table, row, reason);
        string assessed = ChatTables.AnswerAll(sheet, message);
        Assert.Contains($"把偏差归于{cause}", assessed, StringComparison.Ordinal);
        Assert.Contains("与年度不符", assessed, StringComparison.Ordinal);
        Assert.DoesNotContain("基本可以", assessed, StringComparison.Ordinal);
        string reviewed = ChatTables.AnswerAll(sheet, "帮我看看三写得怎么样");
        Assert.Contains($"这条原因把偏差归于{cause}", reviewed, StringComparison.Ordinal);
    }

    [Fact]
    public void AReasonOfItsOwnPeriod_IsNotFlagged()
    {
        FactSheet sheet = ChatTables.Table("probe30-A-yinshui");
        Assert.DoesNotContain("与年度不符", ChatTables.AnswerAll(sheet, "帮我看看三写得怎么样"), StringComparison.Ordinal);
    }

    private static FactSheet WithReason(string table, int row, string reason)
    {
        Evaluation e = ChatTables.Table(table).Evaluation;
        var rows = e.Indicators.ToList();
        rows[row] = rows[row] with { DeviationNote = reason };
        return FactSheet.Build(e with { Indicators = rows });
    }

    [Theory]
    [InlineData("probe40-fengfeng", "职业技能培训人次为什么没完成", "原因怎么写", 1)]
    [InlineData("probe30-B-yanglao", "居家养老上门服务覆盖率为什么没完成", "这个原因该怎么写", 6)]
    [InlineData("session40-meitan", "培训茶农人次差了多少", "帮我写下原因", 1)]
    [InlineData("probe40-wulong", "森林抚育面积为啥没完成", "原因咋写", 1)]
    public void AReasonAskedAfterOneRow_DraftsThatRowsReasonOnly(string table, string previous, string message, int row)
    {
        FactSheet sheet = ChatTables.Table(table);
        Intent intent = IntentRouter.Route(message, sheet, previous);
        Assert.Equal(IntentKind.Draft, intent.Kind);
        Assert.Equal([row], intent.Indicators);
        Assert.Equal("deviation-reasons", intent.Section);
    }

    [Theory]
    [InlineData("probe40-fengfeng", "区级资金执行率多少", "这个原因该怎么写", "区级资金")]
    [InlineData("probe40-wulong", "市级资金执行率为什么低", "原因怎么写", "市级资金")]
    [InlineData("session40-tongwei", "县级资金执行率多少", "帮我写下原因", "县级资金")]
    public void AReasonAskedAfterOneFundLine_IsThatLinesReason(string table, string previous, string message, string line)
    {
        FactSheet sheet = ChatTables.Table(table);
        Intent intent = IntentRouter.Route(message, sheet, previous);
        Assert.Equal(Topics.Rate, intent.Topic);
        string text = ChatTables.Answer(sheet, intent);
        Assert.Contains("写法：", text, StringComparison.Ordinal);
        Assert.Contains($"“{line}全年预算", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe40-fengfeng", "职业技能培训人次差540人次对吗", "对。", "540人次")]
    [InlineData("probe40-fengfeng", "职业技能培训人次差36人对吗", "不对，", "540人次")]
    [InlineData("probe30-B-yanglao", "享受养老服务补贴的经济困难老年人数差了740人，对不对", "对。", "740人")]
    [InlineData("session40-meitan", "培训茶农人次差300人次对吗", "不对，", "200人次")]
    [InlineData("probe40-wulong", "森林抚育面积差1800亩是吧", "对。", "1800亩")]
    [InlineData("probe40-qichun", "资助困难群众参加基本医疗保险人数差864人对吗", "不对，", "764人")]
    public void AQuotedGap_IsCheckedAgainstTheRow(string table, string message, string opens, string gap)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.Equal(Topics.GapCheck, IntentRouter.Route(message, sheet).Topic);
        string text = ChatTables.AnswerAll(sheet, message);
        Assert.StartsWith(opens, text, StringComparison.Ordinal);
        Assert.Contains("相差" + gap, text, StringComparison.Ordinal);
        if (opens == "不对，")
        {
            Assert.Contains("不是", text.Split('\n')[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ATransferTablesTotal_SaysWhyThereIsNoneAndWhatIsComputed()
    {
        FactSheet sheet = ChatTables.Table("guangxi-2024-employment-transfer");
        string text = ChatTables.AnswerAll(sheet, "转移支付表怎么没有得分？总分多少");
        Assert.Contains("不设分值", text, StringComparison.Ordinal);
        Assert.Contains("计算值", text, StringComparison.Ordinal);
        Assert.False(text.TrimEnd().EndsWith('：'), text);
    }
}
