using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Cells;

public static partial class CellParser
{
    /// <summary>
    /// A quantity set for several years together: <c>2023—2025年累计≥6</c>, <c>2023-2025年共完成12万亩</c>,
    /// <c>到2025年累计达到6万亩</c>, <c>截至2025年底累计≥3000户</c>. The years are the period, not numbers of the
    /// quantity (before session 38 <c>2023—2025年累计≥6</c> read as three numbers and was unscorable). Null when the
    /// rest after the period is not one quantity, or the years are not a forward range of at most ten years.
    /// </summary>
    private static QuantityCell? TryPeriod(string compact, string original, string? indicatorUnit)
    {
        Match m = PeriodPattern().Match(compact);
        if (!m.Success)
        {
            return null;
        }

        int to = int.Parse(m.Groups["to"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        int? from = m.Groups["from"].Success
            ? int.Parse(m.Groups["from"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture)
            : null;
        if (from is { } f && (f >= to || to - f > 10))
        {
            return null;
        }

        // The words that say the figure adds up the years (累计, 合计, 共, 总计) may stand before or after a comparator word.
        string rest = m.Groups["rest"].Value;
        bool summed = m.Groups["sum"].Success || SumWord().IsMatch(rest);
        if (from is null && !summed)
        {
            // 到2025年≥6 alone could be a yearly target with a date; only 累计/合计/共 make it a period's total.
            return null;
        }

        string quantity = SumWord().Replace(rest, string.Empty, 1);
        if (quantity.Length == 0 || TryQuantity(quantity, original, indicatorUnit) is not { } cell)
        {
            return null;
        }

        return cell with { PeriodFrom = from, PeriodTo = to };
    }

    /// <summary>Read <paramref name="text"/> as a period's quantity (tests).</summary>
    internal static QuantityCell? PeriodOf(string text, string? indicatorUnit = null) =>
        TryPeriod(Compact(TextNormalizer.TrimWhiteSpace(TextNormalizer.Normalize(text))), text, indicatorUnit);

    [GeneratedRegex(@"^(?:(?<from>(?:19|20)\d{2})年?(?:[-—–~～－至到]|－－|——)|(?:到|至|截至|截止)(?:到)?)(?<to>(?:19|20)\d{2})年(?:度)?(?:底|末)?(?:前)?(?:期间|间)?(?<sum>累计|合计|共计|总计|共)?(?<rest>.+)$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^(?:累计|合计|共计|总计|共)(?:完成|建成|实现|新增|达到)?")]
    private static partial Regex SumWord();
}
