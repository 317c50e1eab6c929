using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// 第三部分 after an answer that listed rows names part 三 of the report, not the third row of that list (session 39: a reason
/// given without a row, whose answer lists the short rows, turned 再把第三部分整体重写一下 into an explanation of a row).
/// </summary>
public class PartOrdinalFollowUpTests
{
    private static readonly FactSheet Wusheng = ChatTables.Table("probe37-wusheng");

    public static TheoryData<string, string> PartAsked => new()
    {
        { "原因为部分学员外出务工，没有参加鉴定", "再把第三部分整体重写一下，然后第三部分的全文给我看看" },
        { "原因在于考点排期推迟，部分学员年内没能参加考试", "再把第三部分整体重写一下，然后第三部分的全文给我看看" },
        { "原因是鉴定考点少，部分学员排不上考试", "再把第三部分重写一下" },
        { "哪些指标没完成", "那第三部分重新起草一下" },
        { "哪几项没完成", "再起草第三部分" },
        { "哪些指标没写原因", "然后把第 3 部分重写" },
    };

    [Theory]
    [MemberData(nameof(PartAsked))]
    public void APartOfTheReport_IsDrafted_NotTheRowAtThatPlace(string previous, string message)
    {
        IReadOnlyList<Intent> intents = IntentRouter.RouteAll(message, Wusheng, previous);
        Assert.Equal(IntentKind.Draft, intents[0].Kind);
        Assert.Equal("三", intents[0].Part);
        Assert.Empty(intents[0].Indicators);
    }

    public static TheoryData<string, string> RowAsked => new()
    {
        { "哪些指标没完成", "第二个呢" },
        { "哪几项没完成", "那第三项呢" },
        { "哪些指标没完成", "第1个为什么" },
    };

    [Theory]
    [MemberData(nameof(RowAsked))]
    public void ARowAtItsPlaceInTheList_IsStillTheRow(string previous, string message)
    {
        Intent intent = IntentRouter.RouteAll(message, Wusheng, previous)[0];
        Assert.NotEqual(IntentKind.Draft, intent.Kind);
        Assert.Single(intent.Indicators);
    }
}
