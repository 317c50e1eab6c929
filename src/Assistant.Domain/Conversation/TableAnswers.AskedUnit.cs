using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>
/// 结余多少万元 on a table in 元 (probe 38 #10): an amount is answered in the unit the question asks for, rounded to the
/// table's decimals (at least 2 for 万元 and 亿元), with the table's own figure beside it.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>The money unit a question asks its answer in (多少万元, 几万, 合多少元, 按万元算); null when it names none.</summary>
    internal static string? AskedMoneyUnit(string? message)
    {
        string m = IntentRouter.Canonical(message ?? string.Empty);
        Match u = AskedUnitPattern().Match(m);
        if (!u.Success)
        {
            return null;
        }

        return u.Groups["u"].Value switch
        {
            "万" or "万元" or "万块" => "万元",
            "亿" or "亿元" => "亿元",
            "千元" => "千元",
            _ => "元",
        };
    }

    /// <summary>How many 元 one unit holds; null when the unit is not one of money (the importer's table, trimmed).</summary>
    internal static decimal? YuanPer(string? unit) => Importing.FundUnits.YuanPer(unit?.Trim());

    /// <summary>
    /// The amount fact <paramref name="id"/> in the unit asked: <c>240.82万元（表中为2408209元）</c> when the unit differs,
    /// else the fact itself.
    /// </summary>
    internal static string AmountAsked(AnswerWriter w, string id, string? asked, string label)
    {
        if (asked is null || w.Sheet.Find(id) is not { } fact || fact.Unit == asked
            || YuanPer(fact.Unit) is not { } from || YuanPer(asked) is not { } to)
        {
            return w.F(id);
        }

        decimal value = fact.Value * from / to;
        int decimals = to > from ? Math.Max(2, fact.Decimals) : Math.Max(0, fact.Decimals - Digits(from / to));
        decimal shown = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        string about = shown != value ? "约" : string.Empty;
        return $"{about}{w.N(shown, asked, decimals, $"{label}（表中{fact.Unit}换算为问题所问的{asked}）")}（表中为{w.F(id)}）";
    }

    private static int Digits(decimal ratio)
    {
        int d = 0;
        while (ratio >= 10m)
        {
            ratio /= 10m;
            d++;
        }

        return d;
    }

    /// <summary>多少万元, 几万, 合多少元, 按万元算, 换算成万元, 以万元计, 万元是多少.</summary>
    [GeneratedRegex(@"(?:多少|几|(?:按|以|用|换算成|换成|折合|折算成|合)\s*)\s*(?<u>万元|万块|万|亿元|亿|千元|元)(?![\d])|(?<u>万元|亿元)\s*(?:是|有)?\s*多少")]
    private static partial Regex AskedUnitPattern();
}
