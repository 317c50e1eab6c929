using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Session 45: the unit a question quotes (差36张, 完成了多少张, 500万元达标了吗) tells apart rows its words fit equally — 床位建设数 in 张
/// and 床位建设补助 in 万元. The row whose unit is the one quoted is asked; 人 and 人次 stand for each other only when no row has the
/// unit quoted exactly; any money unit fits a row counted in money (元, 万元, 亿元); a count never fits money. More than one row left:
/// the question is still asked back.
/// </summary>
public static partial class IntentRouter
{
    private static int? ByQuotedUnit(string m, IReadOnlyList<int> rows, FactSheet sheet)
    {
        if (QuotedUnit(m) is not { } asked)
        {
            return null;
        }

        var exact = rows.Where(i => RowUnit(sheet, i) == asked).ToList();
        if (exact.Count > 0)
        {
            return exact.Count == 1 ? exact[0] : null;
        }

        var near = rows.Where(i => RowUnit(sheet, i) is { } unit && UnitsFit(asked, unit)).ToList();
        return near.Count == 1 ? near[0] : null;
    }

    /// <summary>The unit a question quotes after a number or 多少/几: 张, 人次, 万元; null when it quotes none.</summary>
    internal static string? QuotedUnit(string m)
    {
        foreach (Match u in QuotedUnitPattern().Matches(m))
        {
            // 哪几个, 这几项: which of the rows, not a unit of one.
            if (u.Value.StartsWith('几') && u.Groups["u"].Value is "个" or "项" or "条")
            {
                continue;
            }

            return u.Groups["u"].Value switch { "万" or "万块" => "万元", "块" or "块钱" => "元", "亿" => "亿元", var s => s };
        }

        return null;
    }

    /// <summary>A row's unit: its unit cell, else the unit in brackets at the end of its name (职业技能培训人次（人次）).</summary>
    internal static string? RowUnit(FactSheet sheet, int i)
    {
        var row = sheet.Evaluation.Indicators[i];
        if (row.Unit?.Trim() is { Length: > 0 } unit)
        {
            return unit;
        }

        return NameUnit().Match(row.Name.Trim()) is { Success: true } n ? n.Groups["u"].Value.Trim() : null;
    }

    /// <summary>Whether a quoted unit stands for a row's other unit: 人 ↔ 人次, or two units of money.</summary>
    internal static bool UnitsFit(string asked, string unit) =>
        (asked, unit) is ("人", "人次") or ("人次", "人")
        || (TableAnswers.YuanPer(asked) is not null && TableAnswers.YuanPer(unit) is not null);

    // 36张, 多少张, 几个, 500万元, 多少万: the unit right after a number or 多少/几 (not 个百分点, not 人均).
    [GeneratedRegex(@"(?:\d(?:\.\d+)?|多少|几)\s*(?<u>人次|万人次|万人|万元|亿元|千元|万块|块钱|万亩|公里|万|亿|元|块|人|张|个(?!百分点)|项|处|所|座|套|场|次|户|亩|家|名|台|辆|间|条|批|期|篇|份|册|吨)")]
    private static partial Regex QuotedUnitPattern();

    [GeneratedRegex(@"[（(](?<u>[^（）()]{1,6})[）)]$")]
    private static partial Regex NameUnit();
}
