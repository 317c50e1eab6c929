using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 35 (left by i35-chatask): <c>见习人数要是达到100人，总分能到多少</c> found no row, because 见习 is in three names
/// (参加就业见习人员数量 in 人, 实习及见习人员生活补助及意外伤害险 in 万元, 实习、见习人员满意度 in %). A word several rows share,
/// with the question's own unit words (人数, 100人, 经费, 钱) fitting one of them alone, names that row; with no unit words,
/// or unit words several of them fit, it names none.
/// </summary>
public class IndicatorMatcherSharedWordTests
{
    private static FactSheet Sheet(string table) => FactSheet.Build(SharedData.LoadReference(table));

    private const string Internship = "zhongwei-2024-internship-subsidy";
    private const string Fund = "zhongwei-2024-entrepreneurship-fund";

    [Theory]
    [InlineData(Internship, "见习人数要是达到100人，总分能到多少", 1)]
    [InlineData(Internship, "见习人数不够，原因怎么写", 1)]
    [InlineData(Internship, "见习的有几个人", 1)]
    [InlineData(Internship, "见习的经费用了多少", 4)]
    [InlineData(Internship, "见习那块的钱花了多少", 4)]
    public void A_shared_word_with_unit_words_that_fit_one_row_names_it(string table, string message, int row)
    {
        IndicatorMatch m = IndicatorMatcher.Match(message, Sheet(table));
        Assert.Equal([row], m.Indicators);
        Assert.False(m.Ambiguous);
    }

    [Theory]
    [InlineData(Internship, "见习怎么样")]
    [InlineData(Fund, "创业的钱花了多少")] // 创业担保贷款发放额 (亿元), 就业创业服务补助 and 创业担保贷款贴息 (万元)
    public void A_shared_word_without_unit_words_that_single_out_a_row_names_none(string table, string message) =>
        Assert.Empty(IndicatorMatcher.Match(message, Sheet(table)).Indicators);

    [Fact]
    public void The_what_if_question_is_routed_to_the_count_row() =>
        Assert.Equal([1], IntentRouter.Route("见习人数要是达到100人，总分能到多少", Sheet(Internship)).Indicators);
}
