using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>Session 43: a row told apart by the figure the question quotes, and the cues of the session's new questions.</summary>
public static partial class IntentRouter
{
    /// <summary>Whether the message asks whether a reason must be written (要写原因吗, 需要说明吗).</summary>
    internal static bool AsksReasonNeeded(string message) => ReasonNeeded().IsMatch(Canonical(message ?? string.Empty));

    /// <summary>
    /// Of the rows the words fit equally (家庭养老床位建设数, 家庭养老床位建设补助标准), the one whose printed score, result or target is a
    /// number the question quotes (为什么只得8.52); null when no row or more than one has it.
    /// </summary>
    private static int? ByQuotedFigure(string m, IReadOnlyList<int> rows, FactSheet sheet)
    {
        var numbers = QuotedNumber().Matches(m)
            .Select(x => decimal.TryParse(x.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) ? v : (decimal?)null)
            .OfType<decimal>().ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        bool Quotes(int row) => new[] { "score", "actual", "target" }.Any(k =>
            sheet.Find($"indicators[{row}].{k}") is { } f && numbers.Contains(Math.Round(f.Value, Math.Max(f.Decimals, 0), MidpointRounding.AwayFromZero)));
        var hits = rows.Where(Quotes).ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    [GeneratedRegex(@"(?<![\d.])\d{1,9}(?:\.\d+)?")]
    private static partial Regex QuotedNumber();

    /// <summary>A question whether a row was met (达标了吗, 完成了没, 算不算完成), not a statement that it was not (没完成的先例, 为何没达到).</summary>
    [GeneratedRegex("(?:完成|达标|达到)(?:了)?(?:吗|么|没有?)|算不算(?:完成|达标)|是否(?:完成|达标)|算(?:完成|达标)(?:了)?吗")]
    private static partial Regex StatusQuestion();

    /// <summary>Which lines, or whether their reasons were written (哪些, 哪几块, 几项, 原因写了吗).</summary>
    [GeneratedRegex("哪|几块|几项|几笔|几个|几条|原因写|写了|填了|写没写|有没有写")]
    private static partial Regex FundsWhich();
}
