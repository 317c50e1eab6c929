using System.Text.RegularExpressions;

namespace Assistant.Domain.Drafting;

public static partial class DraftPhrases
{
    /// <summary>
    /// Whether a row counted in money is not money this budget spends: a loan volume (小额信贷贷款额, 创业担保贷款发放额),
    /// income or output (人均纯收入, 带动增收, 产值, 销售额), or money drawn from others (撬动社会资本, 融资). Such a row's
    /// reason (部分脱贫户发展意愿不足，贷款需求下降) is about that row, never the reason the budget was under-spent
    /// (probe 38 #5: it was given to 县级资金 as its cause).
    /// A row that names spending as well (创业担保贷款贴息, 贴息及奖补资金支出) is spending.
    /// </summary>
    public static bool IsNotSpending(string? name) => NotSpending().IsMatch(name ?? string.Empty) && !Spending().IsMatch(name ?? string.Empty);

    [GeneratedRegex("贴息|补贴|补助|奖补|支出|经费|费用|成本|拨付|兑付")]
    private static partial Regex Spending();

    [GeneratedRegex("贷款|信贷|担保|授信|放款|收入|增收|产值|销售|营业额|营收|利润|税收|纳税|撬动|社会资本|融资|投资额|带动投资|交易额|成交额|存款|保费|理赔|赔付")]
    private static partial Regex NotSpending();
}
