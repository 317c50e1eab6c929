using Assistant.Domain.Conversation;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>Development phrasings of cross-unit questions, and questions about one table that must stay with the router.</summary>
public sealed class CrossUnitQuestionsTests
{
    public static TheoryData<string, string, string?, int?> Across => new()
    {
        { "哪些单位城镇新增就业人数没完成，为什么", "indicator", "城镇新增就业人数", null },
        { "哪个县的城镇新增就业人数没有达到目标", "indicator", "城镇新增就业人数", null },
        { "各单位执行率", "execution", null, null },
        { "执行率最低的单位是哪个", "execution", null, null },
        { "今年最常见的偏差原因是什么", "reasons", null, 2024 },
        { "哪些单位没完成指标，为什么", "reasons", null, null },
        { "2025年各部门预算执行进度", "execution", null, 2025 },
    };

    [Theory]
    [MemberData(nameof(Across))]
    public void CrossUnitPhrasings_AreRecognised(string message, string kind, string? indicator, int? year)
    {
        CrossUnitQuestion q = Assert.IsType<CrossUnitQuestion>(CrossUnitQuestions.Recognize(message, 2024));
        Assert.Equal((kind, indicator, year), (q.Kind, q.Indicator, q.Year));
    }

    [Theory]
    [InlineData("哪个指标没完成")]
    [InlineData("为什么机关事业单位实习生数量没有完成")]
    [InlineData("其他县公益性岗位补贴没完成都怎么写的")]
    [InlineData("执行率是多少")]
    [InlineData("这一项的原因是什么")]
    [InlineData("机关事业单位实习生数量扣了多少分")]
    public void QuestionsAboutOneTable_AreNotCrossUnit(string message) =>
        Assert.Null(CrossUnitQuestions.Recognize(message, 2024));
}
