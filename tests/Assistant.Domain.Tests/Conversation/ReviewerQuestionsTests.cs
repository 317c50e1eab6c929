using Assistant.Domain.Conversation;

namespace Assistant.Domain.Tests.Conversation;

/// <summary>
/// A finance-bureau reviewer's own questions across units (session 29 probe and new phrasings written for
/// this class): which units wrote no reason, which reasons are boilerplate or copied, which indicators are
/// short most often, and 执行率 narrowed by a threshold the reviewer gives (any number), a level (县, 部门)
/// or asked as a total.
/// </summary>
public sealed class ReviewerQuestionsTests
{
    public static TheoryData<string, string> Kinds => new()
    {
        // The probe's questions.
        { "哪些单位未完成指标却没写偏差原因？", "missing" },
        { "哪些单位没写偏差原因？", "missing" },
        { "哪些单位的偏差原因是套话或者和别的单位一字不差？", "boilerplate" },
        { "哪些指标未完成的单位最多？", "shortfalls" },
        { "高标准农田建设补助资金8个县合计执行率是多少？", "execution" },
        // New phrasings.
        { "各县有没有漏填偏差原因的", "missing" },
        { "下属单位里谁没有说明未完成的原因", "missing" },
        { "哪几个县的偏差原因为空", "missing" },
        { "各单位有没有照抄别人原因的", "boilerplate" },
        { "哪些县的原因写得一模一样", "boilerplate" },
        { "各单位填的偏差原因有没有千篇一律的", "boilerplate" },
        { "哪些单位的原因只写了措施", "boilerplate" },
        { "下级单位同一句原因重复用在好几项上的有吗", "boilerplate" },
        { "各县哪个指标没完成的最多", "shortfalls" },
        { "全市普遍的短板指标是哪些", "shortfalls" },
        { "哪些指标在各县都没达标", "shortfalls" },
        { "各部门执行率低于85%的有哪些", "execution" },
        { "哪几个县执行进度不到九成", "execution" },
        { "执行率90%以上的单位有哪些", "execution" },
        { "各县预算执行率汇总一下", "execution" },
        { "全市总体执行率多少", "execution" },
        { "执行率不到百分之八十的县", "execution" },
        { "8个县的资金执行率合计", "execution" },
        // Session 30: general and out-of-period reasons, and counts asked for.
        { "哪些单位的偏差原因写得很笼统", "boilerplate" },
        { "各单位的原因有没有不具体的", "boilerplate" },
        { "哪几个县还把原因归于疫情", "boilerplate" },
        { "下属单位有没有拿疫情当理由的", "boilerplate" },
        { "有几个单位没写原因", "missing" },
        { "执行率低于90%的有几个单位", "execution" },
        { "执行率最低的单位是哪个", "execution" },
    };

    [Theory]
    [InlineData("执行率最低的单位是哪个", -1)]
    [InlineData("哪个县的预算执行率最低", -1)]
    [InlineData("各县执行率谁垫底", -1)]
    [InlineData("执行率最高的部门", 1)]
    [InlineData("各单位执行率从低到高排一下", 0)]
    [InlineData("执行率低于80%的单位有哪些", 0)]
    public void TheEndOfTheRankingAsked_IsKept(string message, int extreme)
    {
        CrossUnitQuestion q = Assert.IsType<CrossUnitQuestion>(CrossUnitQuestions.Recognize(message, 2025, implied: true));
        Assert.Equal("execution", q.Kind);
        Assert.Equal(extreme, q.Extreme);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ReviewerPhrasings_AreRecognisedAcrossUnits(string message, string kind)
    {
        CrossUnitQuestion q = Assert.IsType<CrossUnitQuestion>(CrossUnitQuestions.Recognize(message, 2025));
        Assert.Equal(kind, q.Kind);
    }

    [Theory]
    [InlineData("哪些单位的预算执行率低于80%？", 80, false, null)]
    [InlineData("哪些县执行率不到80%", 80, false, "县")]
    [InlineData("各部门执行率低于85%的有哪些", 85, false, "部门")]
    [InlineData("执行率低于72.5%的单位", 72.5, false, null)]
    [InlineData("执行率90%以上的单位有哪些", 90, true, null)]
    [InlineData("哪几个县执行进度不到九成", 90, false, "县")]
    [InlineData("执行率不到百分之八十的县", 80, false, "县")]
    [InlineData("各单位执行率高于95%的是哪些", 95, true, null)]
    [InlineData("执行率60%以下的单位", 60, false, null)]
    public void TheReviewersThreshold_IsKept(string message, double threshold, bool above, string? level)
    {
        CrossUnitQuestion q = Assert.IsType<CrossUnitQuestion>(CrossUnitQuestions.Recognize(message, 2025));
        Assert.Equal("execution", q.Kind);
        Assert.Equal((decimal)threshold, q.Threshold);
        Assert.Equal(above, q.Above);
        Assert.Equal(level, q.Level);
    }

    [Fact]
    public void ATotalForTheCounties_IsATotalOverCounties()
    {
        CrossUnitQuestion q = Assert.IsType<CrossUnitQuestion>(CrossUnitQuestions.Recognize("8个县合计执行率", 2025));
        Assert.True(q.Total);
        Assert.Equal("县", q.Level);
        Assert.Null(q.Threshold);
    }

    [Theory]
    [InlineData("哪些是套话", "boilerplate")]
    [InlineData("没写原因的有哪些", "missing")]
    [InlineData("执行率低于80%的有哪些", "execution")]
    [InlineData("哪些指标未完成最多", "shortfalls")]
    public void WithoutATable_ShortQuestionsAreAboutTheUnits(string message, string kind)
    {
        Assert.Equal(kind, CrossUnitQuestions.Recognize(message, null, implied: true)?.Kind);
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("谢谢")]
    public void WithoutATable_SmallTalkIsNotAnIndicator(string message) =>
        Assert.Null(CrossUnitQuestions.Recognize(message, null, implied: true));

    [Theory]
    [InlineData("这项的原因是不是套话")]
    [InlineData("执行率低于90%要写原因吗")]
    [InlineData("哪个指标没完成")]
    public void QuestionsAboutOneTable_StayWithTheTable(string message) =>
        Assert.Null(CrossUnitQuestions.Recognize(message, 2025));
}
