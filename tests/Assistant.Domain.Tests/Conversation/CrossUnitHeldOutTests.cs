using Assistant.Domain.Conversation;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// Held-out phrasings of cross-unit questions, written before the recogniser and never tuned on:
/// (message, kind, indicator name the answer must look up or null, year or null).
/// </summary>
public sealed class CrossUnitHeldOutTests
{
    public static TheoryData<string, string, string?, int?> HeldOut => new()
    {
        { "下面哪几家单位的城镇新增就业人数没达到目标？原因是什么", "indicator", "城镇新增就业人数", null },
        { "2024年各县就业见习人数完成得怎么样，谁没完成", "indicator", "就业见习人数", 2024 },
        { "请按单位列一下预算执行率", "execution", null, null },
        { "哪个县的资金执行率最低？", "execution", null, null },
        { "今年各单位填报的偏差原因里，哪类最多", "reasons", null, null },
        { "下属单位未完成指标的原因主要集中在哪些方面", "reasons", null, null },
        { "“培训合格率”哪些单位未达标，说了什么理由", "indicator", "培训合格率", null },
        { "2023年全市各单位执行率排名", "execution", null, 2023 },
    };

    [Theory]
    [MemberData(nameof(HeldOut))]
    public void HeldOutPhrasings_AreRecognised(string message, string kind, string? indicator, int? year)
    {
        CrossUnitQuestion q = Assert.IsType<CrossUnitQuestion>(CrossUnitQuestions.Recognize(message, null));
        Assert.Equal(kind, q.Kind);
        Assert.Equal(indicator, q.Indicator);
        Assert.Equal(year, q.Year);
    }
}
