using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>
/// A table whose fund lines are places (a city's transfer fund shared out to 章贡区、瑞金市、于都县…, session 45). On such a table,
/// 哪个县执行率最低 / 各县区执行率分别多少 / 执行率不到85%的县有哪些 ask about its own lines, which it holds, not about other units'
/// submitted tables: the question is answered as the same question about the lines (哪项资金执行率最低…).
/// </summary>
internal static partial class PlaceLines
{
    /// <summary>Whether at least two of the table's lines under another line are named as places (each line's whole name a place as
    /// <see cref="CrossUnitQuestions.PlaceOf"/> reads one in a question: 章贡区、瑞金市、于都县), not levels (市本级、县级资金).</summary>
    public static bool Of(FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return sheet.Evaluation.Funds.Lines.Count(l => l.Parent is not null && CrossUnitQuestions.PlaceOf(l.Name.Trim()) == l.Name.Trim()) >= 2;
    }

    /// <summary>
    /// The question about the table's own lines that an execution question across places means on a table of place lines, or
    /// null when it asks about units (单位、部门), another year, or is not about execution.
    /// </summary>
    public static string? AsLineQuestion(string message, CrossUnitQuestion across, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(across);
        if (across.Kind != CrossUnitQuestions.Execution || across.Level is "部门" or "省" || UnitWords().IsMatch(message)
            || across.Year is { } y && y != sheet.Evaluation.Year || !Of(sheet))
        {
            return null;
        }

        if (across.Threshold is { } t)
        {
            return $"执行率{(across.Above ? "高于" : "低于")}{t.ToString(CultureInfo.InvariantCulture)}%的资金有哪些";
        }

        return across.Extreme switch
        {
            < 0 => "哪项资金执行率最低",
            > 0 => "哪项资金执行率最高",
            _ when across.Balance => "各项资金还剩多少没有支出",
            _ when across.Total => "资金总执行率是多少",
            _ => "各项资金执行率分别是多少",
        };
    }

    [GeneratedRegex("单位|部门|项目单位|别的|其他|其它")]
    private static partial Regex UnitWords();
}
