using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Session 45, each a class of miss, tested on tables other than the example's: the unit a question quotes picks the row when its
/// words fit two (差500人 of 培训人次 and 培训补贴支出); a quoted gap in another unit is answered in the row's own unit, saying so (人 for
/// 人次), converting only what converts (0.18万亩 ↔ 1800亩, 万元 ↔ 元); the counts and group claims the chat writes in its own review
/// sentences (未完成或扣分的N项指标, 设上限的指标有N项，都没有超出上限) pass its own gate; on a transfer table the sentence that says
/// there is no score comes before the list it introduces. <see cref="ChatTables.AnswerAll"/> asserts nothing is held.
/// </summary>
public class Session45ChatTests
{
    /// <summary>
    /// session45-yanglao-beds is probe30-B-yanglao with two rows whose words are the same (家庭养老床位建设数量 in 张, 家庭养老床位建设补助资金
    /// in 万元): 床位建设 alone fits both and is asked back; the unit quoted picks one.
    /// </summary>
    [Theory]
    [InlineData("session45-yanglao-beds", "床位建设差36张对吗", 1)]
    [InlineData("session45-yanglao-beds", "床位建设完成了多少张", 1)]
    public void TheQuotedUnit_PicksTheRowTheWordsLeaveOpen(string table, string message, int row)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.True(IndicatorMatcher.Match(IntentRouter.Canonical(message), sheet).Ambiguous, "the words alone fit more than one row");
        Intent intent = IntentRouter.Route(message, sheet);
        Assert.NotEqual(IntentKind.Clarify, intent.Kind);
        Assert.Equal([row], intent.Indicators);
        ChatTables.AnswerAll(sheet, message);
    }

    [Theory]
    [InlineData("session45-yanglao-beds", "床位建设达标了吗")]
    [InlineData("session45-yanglao-beds", "床位建设差36个对吗")]
    public void AUnitNoRowHas_StillAsksBack(string table, string message) =>
        Assert.Equal(IntentKind.Clarify, IntentRouter.Route(message, ChatTables.Table(table)).Kind);

    /// <summary>Rows the words tell apart already stay as they were, whatever unit is quoted.</summary>
    [Theory]
    [InlineData("session40-xichuan", "职业技能培训差500人对吗", 0)]
    [InlineData("probe38-yangxian", "带动脱贫人口差100人对吗", 9)]
    [InlineData("probe38-yangxian", "带动脱贫人口差500万元对吗", 6)]
    public void RowsToldApartByWords_StayAsTheyWere(string table, string message, int row) =>
        Assert.Equal([row], IntentRouter.Route(message, ChatTables.Table(table)).Indicators);

    [Theory]
    [InlineData("人", "人次", true)]
    [InlineData("人次", "人", true)]
    [InlineData("万元", "元", true)]
    [InlineData("元", "亿元", true)]
    [InlineData("人", "万元", false)]
    [InlineData("个", "项", false)]
    [InlineData("张", "个", false)]
    public void AQuotedUnit_FitsARowsUnit(string asked, string unit, bool fits) => Assert.Equal(fits, IntentRouter.UnitsFit(asked, unit));

    [Theory]
    [InlineData("差36张对吗", "张")]
    [InlineData("完成了多少张", "张")]
    [InlineData("500万元达标了吗", "万元")]
    [InlineData("还差2.5万对吗", "万元")]
    [InlineData("差540人次对吗", "人次")]
    [InlineData("哪几个没完成", null)]
    [InlineData("达标了吗", null)]
    public void TheUnitAQuestionQuotes_IsRead(string message, string? unit) => Assert.Equal(unit, IntentRouter.QuotedUnit(message));

    /// <summary>A gap quoted in another count (人 of a row in 人次): the row's unit said plainly, the gap in it, and whether the number is right.</summary>
    [Theory]
    [InlineData("probe40-fengfeng", "职业技能培训人次差36人对吗", "不对，", "按人次统计", "相差540人次")]
    [InlineData("probe40-fengfeng", "职业技能培训人次差540人对吗", "数字对，单位不同", "按人次统计", "相差540人次")]
    [InlineData("session40-meitan", "培训茶农人次差200人对吗", "数字对，单位不同", "按人次统计", "相差200人次")]
    [InlineData("probe30-B-yanglao", "享受养老服务补贴的经济困难老年人数差了740人次，对不对", "数字对，单位不同", "按人统计", "相差740人")]
    [InlineData("probe40-wulong", "森林抚育面积差0.18万亩对吗", "对。", "以亩计", "相差1800亩")]
    [InlineData("probe40-wulong", "森林抚育面积差0.2万亩对吗", "对。", "合0.18万亩", "相差1800亩")]
    public void AGapInAnotherUnit_IsAnsweredInTheRowsUnit(string table, string message, string opens, string says, string gap)
    {
        FactSheet sheet = ChatTables.Table(table);
        Assert.Equal(Topics.GapCheck, IntentRouter.Route(message, sheet).Topic);
        string text = ChatTables.AnswerAll(sheet, message);
        string first = text.Split('\n')[0];
        Assert.StartsWith(opens, first, StringComparison.Ordinal);
        Assert.Contains(says, first, StringComparison.Ordinal);
        Assert.Contains(gap, first, StringComparison.Ordinal);
    }

    /// <summary>The chat's own review and list sentences, on tables where the gate had held their count or their claim.</summary>
    [Theory]
    [InlineData("probe40-qichun", "帮我看看三写得怎么样", "逐项说明未完成或扣分的")]
    [InlineData("session40-meitan", "帮我看看三写得怎么样", "逐项说明未完成或扣分的")]
    [InlineData("session40-tongwei", "帮我看看三写得怎么样", "逐项说明未完成或扣分的")]
    [InlineData("session40-xichuan", "帮我看看三写得怎么样", "逐项说明未完成或扣分的")]
    [InlineData("session33-caoyuan", "帮我看看三写得怎么样", "逐项说明未完成或扣分的")]
    [InlineData("probe38-luliang", "帮我看看三写得怎么样", "逐项说明未完成或扣分的")]
    [InlineData("probe37-wusheng", "帮我看看三写得怎么样", "逐项说明未完成或扣分的")]
    [InlineData("probe33-health", "帮我看看三写得怎么样", "逐项说明未完成或扣分的")]
    [InlineData("probe29-A-yingyang", "哪些超上限了", "都没有超出上限")]
    [InlineData("probe30-C-wenhua", "哪些超上限了", "都没有超出上限")]
    [InlineData("probe38-yinan", "哪些超上限了", "都没有超出上限")]
    [InlineData("probe40-ruyuan", "哪些超上限了", "都没有超出上限")]
    [InlineData("probe40-wulong", "哪些超上限了", "都没有超出上限")]
    [InlineData("probe34-B-zizhu", "总分多少", "扣分的绩效指标有")]
    [InlineData("probe34-B-zizhu", "为什么扣分", "扣分的绩效指标有")]
    public void TheChatsOwnCountsAndGroups_PassItsGate(string table, string message, string words)
    {
        string text = ChatTables.AnswerAll(ChatTables.Table(table), message); // asserts nothing held
        Assert.Contains(words, text, StringComparison.Ordinal);
        Assert.DoesNotContain("【待核实】", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("转移支付表怎么没有得分？总分多少")]
    [InlineData("总分多少？转移支付表怎么没有得分")]
    [InlineData("这张表为什么没有分数？扣了多少分")]
    public void ATransferTablesNoScore_IntroducesItsListFirst(string message)
    {
        FactSheet sheet = ChatTables.Table("guangxi-2024-employment-transfer");
        string text = ChatTables.AnswerAll(sheet, message);
        int intro = text.IndexOf("不设分值", StringComparison.Ordinal);
        int list = text.IndexOf("资金方面", StringComparison.Ordinal);
        Assert.True(intro >= 0 && list > intro, text);
        Assert.Equal(1, CountOf(text, "不设分值"));
        Assert.Contains("计算值", text[..list], StringComparison.Ordinal);
    }

    private static int CountOf(string text, string word)
    {
        int n = 0;
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
