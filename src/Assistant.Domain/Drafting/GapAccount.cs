using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Drafting;

/// <summary>
/// How much of a gap a unit's stated reason quantifies: the quantities it gives for the gap's parts in the
/// gap's unit (“2座因汛期未完工” of 5座 short, “剩余96万元结转下年” of 335.70万元 unspent), added up with
/// decimals. <see cref="Whole"/> when they add up to the gap, else the reason explains only part of it.
/// </summary>
/// <param name="Stated">What the reason accounts for, in the gap's unit.</param>
/// <param name="Gap">The gap (indicator: |target − actual|; fund line: its 结余), in its unit.</param>
/// <param name="Unit">The gap's unit (座, 人, 万元…).</param>
/// <param name="Decimals">Decimals the gap is printed with.</param>
public sealed record GapAccount(decimal Stated, decimal Gap, string Unit, int Decimals)
{
    public bool Whole => Stated == Gap;

    /// <summary>What the reason leaves unexplained.</summary>
    public decimal Rest => Gap - Stated;
}

public static partial class GapAccounting
{
    /// <summary>
    /// The reason's account of the gap of the row or line at <paramref name="path"/> (indicators[i] or
    /// funds.lines[i]); null when the reason gives no quantity of the gap's kind, the gap is not a quantity
    /// (a rate, a date, a judgement), or its quantities exceed the gap (they are about something else).
    /// </summary>
    public static GapAccount? Of(FactSheet sheet, string path, string reason)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        bool fund = path.StartsWith("funds.", StringComparison.Ordinal);
        Fact? gap = sheet.Find(path + (fund ? ".balance" : ".gap"));
        string unit = fund ? sheet.Evaluation.Funds.Unit : sheet.Find(path + ".target")?.Unit ?? string.Empty;
        if (gap is null || gap.Value == 0m || unit.Length == 0 || unit.Contains('%', StringComparison.Ordinal) || unit.Contains('‰', StringComparison.Ordinal) || (fund && gap.Value < 0m))
        {
            return null;
        }

        decimal size = Math.Abs(gap.Value);
        bool money = Scale(unit) is not null;
        var table = new HashSet<decimal>();
        foreach (string end in new[] { ".target", ".actual", ".budget", ".executed" })
        {
            if (sheet.Find(path + end) is { } f)
            {
                table.Add(f.Value);
            }
        }

        decimal sum = 0m;
        int parts = 0;
        foreach (string clause in Clause().Split(TextNormalizer.Normalize(reason)))
        {
            if (money && !GapWords().IsMatch(clause))
            {
                continue; // 仅到位24万元 says what arrived, not what is left
            }

            foreach (Match q in Quantity().Matches(clause))
            {
                string before = clause[..q.Index];
                if (Total().IsMatch(before) || Number(q.Groups["n"].Value) is not { } value)
                {
                    continue;
                }

                string said = q.Groups["u"].Value;
                decimal? inUnit = money ? Convert(value, said, unit) : said == unit ? value : null;
                if (inUnit is { } v && !table.Contains(v))
                {
                    sum += v;
                    parts++;
                }
            }
        }

        return parts == 0 || sum > size ? null : new GapAccount(sum, size, unit, gap.Decimals);
    }

    /// <summary>How many 元 one of <paramref name="unit"/> is (the importer's own table); null for units that are not money.</summary>
    private static decimal? Scale(string unit) => Importing.FundUnits.YuanPer(unit);

    private static decimal? Convert(decimal value, string from, string to) =>
        Scale(from) is { } f && Scale(to) is { } t ? value * f / t : null;

    private static decimal? Number(string s)
    {
        if (decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d))
        {
            return d;
        }

        return s == "两" ? 2m : Conversation.IndicatorMatcher.ChineseNumber(s);
    }

    [GeneratedRegex("[，,；;。、]")]
    private static partial Regex Clause();

    /// <summary>A number and the unit written after it (座, 个, 人, 万元…); 约 and 近 before it are fine.</summary>
    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})\s*(?<u>亿元|万元|千元|元|万人次|人次|万人|万亩|万平方米|平方米|公里|千米|[个座所人户名家项处条台套辆次场期批件头只间张册本吨亩株])")]
    private static partial Regex Quantity();

    /// <summary>Words just before a number that make it a total or what was done, not a part of the gap.</summary>
    [GeneratedRegex(@"(?<![未没尚不])(?:实际|完成了?|共计?|累计|全年|计划|目标|指标值|已经?|仅|只|总共|总计|达到?|合计|到位|支出了?|执行了?|拨付了?|预算|安排|下达)\s*(?:约|近|共)?$")]
    private static partial Regex Total();

    /// <summary>Words of money not spent: a money amount counts only in a clause that says it is left over.</summary>
    [GeneratedRegex("结余|剩余|剩下|结转|未支出|未使用|未拨付|未到位|尚未|未执行|未能支付|未支付|收回|节约|节余|少支出|缺口|滞留|未用|未兑付|暂缓|减少|超出|增加|上涨")]
    private static partial Regex GapWords();
}
