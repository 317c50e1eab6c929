using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>
/// An amount asked in another unit (session 41): 营造林面积1.35万亩合多少亩 → 13500亩; 户均改造成本2.38万元，报告里写成23800元可以吗 →
/// yes, the two are equal. Magnitudes (亿、千万、百万、万、千) on any base, and the few bases of one kind the tables use (公顷 = 15亩,
/// 公里 = 1000米, 吨 = 1000公斤 = 1000000克). The result is exact (decimal); a division that does not end is given to four places, marked 约.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>A unit split into its kind (元, 亩, 米, 克, 人…) and how many of the kind's smallest unit it is.</summary>
    private readonly record struct AskedUnit(string Text, string Kind, decimal Factor, string Per);

    /// <summary>What a conversion question asks: the amount given, and either the unit wanted or the amount it is said to equal.</summary>
    internal sealed record Conversion(decimal Value, int Decimals, string UnitText, decimal? Other, int OtherDecimals, string TargetText);

    /// <summary>The conversion a message asks (合多少亩, 写成23800元可以吗), or null when it asks none (same unit, other kinds, no ask).</summary>
    internal static Conversion? ConversionAsked(string message)
    {
        string m = IntentRouter.Canonical(message ?? string.Empty);
        if (ConvertEqual().Match(m) is { Success: true } eq
            && Unit(eq.Groups["u"].Value + eq.Groups["per"].Value) is { } ua && Unit(eq.Groups["v"].Value + eq.Groups["per2"].Value) is { } ub
            && ua.Kind == ub.Kind && ua.Text != ub.Text
            && Number(eq.Groups["n"].Value) is { } a && Number(eq.Groups["o"].Value) is { } b)
        {
            return new Conversion(a.Value, a.Decimals, ua.Text, b.Value, b.Decimals, ub.Text);
        }

        if (ConvertHowMany().Match(m) is { Success: true } hm
            && Unit(hm.Groups["u"].Value + hm.Groups["per"].Value) is { } from && Unit(hm.Groups["v"].Value) is { } to
            && from.Kind == to.Kind && from.Text != to.Text && Number(hm.Groups["n"].Value) is { } n)
        {
            return new Conversion(n.Value, n.Decimals, from.Text, null, 0, to.Text);
        }

        return null;
    }

    private static PrintedNumber? Number(string text) => PrintedNumber.TryParse(text, out PrintedNumber n) ? n : null;

    /// <summary>The bases of one kind and their size in the kind's smallest unit (exact: 1公顷 = 15亩).</summary>
    private static readonly (string Base, string Kind, decimal Factor)[] Bases =
    [
        ("平方米", "平方米", 1m), ("公顷", "亩", 15m), ("亩", "亩", 1m), ("公里", "米", 1000m), ("千米", "米", 1000m), ("米", "米", 1m),
        ("吨", "克", 1_000_000m), ("公斤", "克", 1000m), ("千克", "克", 1000m), ("克", "克", 1m),
        ("元", "元", 1m), ("人次", "人次", 1m), ("人", "人", 1m), ("户", "户", 1m), ("个", "个", 1m), ("家", "家", 1m), ("名", "人", 1m),
    ];

    /// <summary>万亩 → (亩, 10000); 公顷 → (亩, 15); 万元/户 → (元, 10000, per /户); null for a unit not known here.</summary>
    private static AskedUnit? Unit(string text)
    {
        string per = string.Empty;
        string u = text;
        int slash = u.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            per = u[slash..];
            u = u[..slash];
        }

        foreach ((string b, string kind, decimal factor) in Bases)
        {
            if (u == b)
            {
                return new AskedUnit(text, kind, factor, per);
            }
        }

        foreach ((string mag, decimal times) in UnitSpec.Magnitudes)
        {
            if (u.StartsWith(mag, StringComparison.Ordinal) && u.Length > mag.Length
                && Bases.FirstOrDefault(x => x.Base == u[mag.Length..]) is { Base: not null } found)
            {
                return new AskedUnit(text, found.Kind, found.Factor * times, per);
            }
        }

        return null;
    }

    private static void Convert(AnswerWriter w, string message, IReadOnlyList<int> rows)
    {
        if (ConversionAsked(message) is not { } c || Unit(c.UnitText) is not { } from || Unit(c.TargetText) is not { } to)
        {
            w.Line("没有读出要换算的数和单位，请写成“1.35万亩合多少亩”或“2.38万元写成23800元可以吗”。");
            return;
        }

        decimal scaled = c.Value * from.Factor;
        decimal exact = scaled / to.Factor;
        bool ends = Math.Round(exact, 12, MidpointRounding.AwayFromZero) == exact; // 3100亩 ÷ 15 does not end: given to four places
        decimal shown = ends ? exact : Math.Round(exact, 4, MidpointRounding.AwayFromZero);
        int decimals = Places(shown);
        string given = w.N(c.Value, c.UnitText, c.Decimals, "问题中的数（用户所问）");
        string result = w.N(shown, c.TargetText, decimals, "按单位换算的结果（计算）");
        string rule = Rule(w, from, to);
        if (c.Other is not { } other)
        {
            w.Line($"{given}{(ends ? "合" : "约合")}{result}{rule}。");
        }
        else if (ends && other == exact)
        {
            w.Line($"可以。{given}与{w.N(other, c.TargetText, c.OtherDecimals, "问题中的另一种写法（用户所问）")}相等{rule}，两种写法数值一致。");
        }
        else
        {
            w.Line($"不可以，两者不相等。{given}{(ends ? "合" : "约合")}{result}{rule}，不是问题中的{w.N(other, c.TargetText, c.OtherDecimals, "问题中的另一种写法（用户所问）")}。");
        }

        // 户均改造成本（万元/户）: the row's own unit is per household, so the converted figure keeps “/户”.
        if (rows.Count == 1 && (w.Sheet.Find(P(rows[0]) + ".actual")?.Value == c.Value || w.Sheet.Find(P(rows[0]) + ".target")?.Value == c.Value)
            && w.Sheet.Evaluation.Indicators[rows[0]].Unit is { } rowUnit && rowUnit.Trim() is { Length: > 0 } ru
            && ru.Contains('/', StringComparison.Ordinal) && !c.TargetText.Contains('/', StringComparison.Ordinal) && Unit(ru) is { } own && own.Kind == to.Kind)
        {
            string perUnit = c.TargetText + own.Per;
            w.Line($"表中“{Name(w.Sheet, rows[0])}”的单位是{ru}，报告里换成{c.TargetText}时单位应写作“{perUnit}”。");
        }
    }

    /// <summary>（1万亩 = 10000亩）: the step of the conversion, its numbers as facts of the turn.</summary>
    private static string Rule(AnswerWriter w, AskedUnit from, AskedUnit to)
    {
        (AskedUnit big, AskedUnit small) = from.Factor >= to.Factor ? (from, to) : (to, from);
        decimal ratio = big.Factor / small.Factor;
        if (ratio * small.Factor != big.Factor || ratio == 1m)
        {
            return string.Empty;
        }

        return $"（{w.N(1m, big.Text, 0, "换算关系（单位）")} = {w.N(ratio, small.Text, Places(ratio), "换算关系（单位）")}）";
    }

    private static int Places(decimal value)
    {
        decimal normal = value / 1.0000000000000000000000000000m;
        return Math.Max(0, (int)((decimal.GetBits(normal)[3] >> 16) & 0xFF));
    }

    private const string ConvUnit = @"(?:万亿|亿|千万|百万|万|千)?(?:平方米|公顷|亩|公里|千米|米|吨|公斤|千克|克|元|人次|人|户|个|家|名)";

    /// <summary>2.38万元…写成23800元可以吗 / 1.35万亩就是13500亩吗 / 5公里等于5000米对吗.</summary>
    [GeneratedRegex(@"(?<![\d.])(?<n>\d+(?:\.\d+)?)\s*(?<u>" + ConvUnit + @")(?<per>/[户人个家亩])?[^。？?]{0,20}?(?:写成|写作|写为|改成|换成|改写成|记为|记作|填成|填为|等于|就是|合|即|折合)\s*(?<o>\d+(?:\.\d+)?)\s*(?<v>" + ConvUnit + @")(?<per2>/[户人个家亩])?[^，。？?]{0,6}?(?:可以吗|可不可以|行不行|行吗|对吗|对不对|对吧|没问题吧|没问题吗|没错吧|吗|么)")]
    private static partial Regex ConvertEqual();

    /// <summary>1.35万亩合多少亩 / 2.38万元是多少元 / 3公顷折合几亩 / 12公里换算成米是多少.</summary>
    [GeneratedRegex(@"(?<![\d.])(?<n>\d+(?:\.\d+)?)\s*(?<u>" + ConvUnit + @")(?<per>/[户人个家亩])?[^。？?]{0,12}?(?:合|折合|换算成|换算为|换成|等于|是|相当于|折算成|折算为)(?:多少|几)\s*(?<v>" + ConvUnit + ")")]
    private static partial Regex ConvertHowMany();
}
