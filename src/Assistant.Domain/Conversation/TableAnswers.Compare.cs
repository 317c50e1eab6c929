using System.Text.RegularExpressions;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Two fund lines compared (区级资金和省级资金哪个执行率低 / 中央资金和区级资金执行率差多少, session 42: both rates were listed and the
/// question left unanswered): which is lower, and by how many percentage points, from the rates as printed.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>Whether the message compares two things (哪个低, 谁高, 差多少, 相差, 比…低).</summary>
    internal static bool CompareAsked(string message) => CompareAsk().IsMatch(IntentRouter.Canonical(message ?? string.Empty));

    /// <summary>The two lines' rates compared: the lower named, and the gap in percentage points (the two rates to two decimals).</summary>
    internal static void CompareLines(AnswerWriter w, IReadOnlyList<int> funds)
    {
        if (funds.Count != 2)
        {
            return;
        }

        string a = $"funds.lines[{funds[0]}].rate", b = $"funds.lines[{funds[1]}].rate";
        if (!w.Has(a) || !w.Has(b))
        {
            return;
        }

        decimal ra = Math.Round(w.Sheet.Find(a)!.Value, 2, MidpointRounding.AwayFromZero), rb = Math.Round(w.Sheet.Find(b)!.Value, 2, MidpointRounding.AwayFromZero);
        string na = w.Sheet.Evaluation.Funds.Lines[funds[0]].Name.Trim(), nb = w.Sheet.Evaluation.Funds.Lines[funds[1]].Name.Trim();
        if (ra == rb)
        {
            w.Line($"两者执行率相同，都是{w.F(a)}。");
            return;
        }

        (string low, string lowId, string high, string highId) = ra < rb ? (na, a, nb, b) : (nb, b, na, a);
        string gap = w.N(Math.Abs(ra - rb), "个百分点", 2, "两条资金执行率（保留两位小数）之差");
        w.Line($"比较：{low}执行率{w.F(lowId)}，低于{high}的{w.F(highId)}，相差{gap}。");
    }

    [GeneratedRegex("哪个(?:的)?(?:执行率)?(?:更)?(?:低|高|差|好)|哪一个(?:更)?(?:低|高)|谁(?:的)?(?:执行率)?(?:更)?(?:低|高)|差多少|差了多少|差几个|差了几个|相差|差距|高多少|低多少|高出多少|低了多少|比[^，。？?]{1,12}(?:低|高)")]
    private static partial Regex CompareAsk();
}
