using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>
/// A measure to be rewritten with an aim (session 41): 把职业技能培训那条的改进措施重写一下，要针对煤矿转岗职工的培训需求 /
/// 帮我重写第三部分，森林抚育的措施要针对高温干旱天气. The aim's words are read as the cause and the drafter's own cause → measure
/// choice (<see cref="DraftPhrases.AnswersFor"/>) gives the measure, headed by the aim, which then replaces the row's measure as a
/// measure given in the chat does. When no measure answers the aim, nothing is recorded and the answer says so and asks for the
/// measure itself (never the same text presented as rewritten).
/// </summary>
public static partial class UserStatements
{
    /// <summary>The aim of a rewrite request for a measure (煤矿转岗职工的培训需求), or null when the message asks none.</summary>
    public static string? MeasureAim(string message)
    {
        string text = TextNormalizer.Normalize(message ?? string.Empty);
        if (!text.Contains("措施", StringComparison.Ordinal) || !RewriteVerb().IsMatch(text) || Aim().Match(text) is not { Success: true } a)
        {
            return null;
        }

        string aim = AimTail().Replace(a.Groups["aim"].Value.Trim(), string.Empty).Trim(' ', '的', '“', '”', '"');
        return aim.Length >= 2 ? aim : null;
    }

    /// <summary>The measure for the row named before the aim (else <paramref name="lastRow"/>), drafted from the aim as its cause.</summary>
    private static MeasureEdit? AimedMeasure(string message, string text, FactSheet sheet, int? lastRow)
    {
        if (MeasureAim(message) is not { } aim)
        {
            return null;
        }

        string before = text[..Math.Max(0, text.IndexOf(aim, StringComparison.Ordinal))];
        IndicatorMatch named = IndicatorMatcher.Match(IntentRouter.Canonical(before), sheet);
        IReadOnlyList<int> rows = !named.Ambiguous && named.Indicators.Count >= 1 ? named.Indicators.Order().ToList()
            : lastRow is { } last ? [last] : [];
        if (rows.Count == 0)
        {
            return new MeasureEdit([], [], aim, false, named.Ambiguous ? $"您说的指标对应表中不止一项，没有按“{aim}”重写" : $"没有看出要按“{aim}”重写的是哪一项的措施");
        }

        string context = string.Join(" ", rows.Select(i => sheet.Evaluation.Indicators[i].Name.Trim())) + " " + sheet.Evaluation.Title;
        if (DraftPhrases.AnswersFor(aim, 1, sheet.Evaluation.Region, context) is not [var measure, ..])
        {
            return new MeasureEdit(rows, [], aim, false, $"离线起草没有能对应“{aim}”的措施写法，不能按这个要求重写");
        }

        return new MeasureEdit(rows, [], $"围绕{aim}，{measure.TrimEnd('。')}", false);
    }

    [GeneratedRegex("重写|改写|重新写|重新起草|重新拟|重拟|改一下|改改|修改一下|调整一下|再写一下|重新调整|优化一下")]
    private static partial Regex RewriteVerb();

    [GeneratedRegex(@"(?:针对|围绕|结合|聚焦|突出|紧扣)(?<aim>[^，,。？?；;！!\n]{2,40})")]
    private static partial Regex Aim();

    [GeneratedRegex("(?:来写|来改|去写|写一下|重写|改写|这个问题|这一问题|的问题|的情况|方面)$")]
    private static partial Regex AimTail();
}
