using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Domain.Conversation;

/// <summary>
/// A bound on the 完成率 a list question sets (超额130%以上的有哪些, 完成率低于80%的, 超过目标值一倍的),
/// as a share of the target (1.30 = 130%). “超额30%” reads as 完成率 130% (30% over the target), “超额130%”
/// as 完成率 130% (staff say it of the rate); “超过目标值一倍” as 完成率 above 200%, “是目标值两倍以上” as 200% or more.
/// The answer says which 完成率 it compared with, so a reading is never hidden.
/// </summary>
/// <param name="Share">The bound, as a share of the target.</param>
/// <param name="Above">Rows at or over the bound (true), or under it (false).</param>
/// <param name="Inclusive">Whether a row exactly at the bound is listed (以上, 以下, 达到) or not (超过, 低于, 不到).</param>
/// <param name="Multiple">The question counted in 倍 of the target (the answer repeats it).</param>
public sealed partial record CompletionThreshold(decimal Share, bool Above, bool Inclusive, bool Multiple = false)
{
    /// <summary>Whether a 完成率 (a share) is on the asked side of the bound.</summary>
    public bool Holds(decimal completion) => Above
        ? (Inclusive ? completion >= Share : completion > Share)
        : (Inclusive ? completion <= Share : completion < Share);

    /// <summary>The bound a message sets on the 完成率 of rows, or null when it sets none (or is about money: 执行率 has its own answer).</summary>
    /// <param name="m">The message in its canonical spelling (<see cref="IntentRouter.Canonical"/>).</param>
    public static CompletionThreshold? Parse(string m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (Money().IsMatch(m))
        {
            return null;
        }

        if (OverTimes().Match(m) is { Success: true } ot && Times(ot.Groups[1].Value) is { } n)
        {
            return new CompletionThreshold(1m + n, Above: true, Inclusive: false, Multiple: true);
        }

        if (AtTimes().Match(m) is { Success: true } at && Times(at.Groups[1].Value) is { } k && k >= 1m)
        {
            return new CompletionThreshold(k, Above: true, Inclusive: true, Multiple: true);
        }

        if (Below().Match(m) is { Success: true } below && Percent(below.Groups[1].Value) is { } b)
        {
            return new CompletionThreshold(b, Above: false, Inclusive: false);
        }

        if (BelowSuffix().Match(m) is { Success: true } bs && Percent(bs.Groups[1].Value) is { } b2)
        {
            return new CompletionThreshold(b2, Above: false, Inclusive: true);
        }

        if (AboveBound().Match(m) is { Success: true } above && Percent(above.Groups[3].Value) is { } a)
        {
            string verb = above.Groups[1].Value;
            bool overTarget = verb is "超额" or "超出" or "超了" or "超" || (verb == "超过" && above.Groups[2].Value.Length > 0);
            decimal share = overTarget && a < 1m ? 1m + a : a; // 超额30% is 130% of the target; 超额130% is said of the rate
            bool inclusive = above.Groups[4].Success || verb is "达到" or "在" or "完成率";
            return new CompletionThreshold(share, Above: true, Inclusive: inclusive);
        }

        return AboveSuffix().Match(m) is { Success: true } sfx && Percent(sfx.Groups[1].Value) is { } s
            ? new CompletionThreshold(s, Above: true, Inclusive: true)
            : null;
    }

    /// <summary>The message without the bound's own words (30%以上, 一倍, 及以下), to see whether what is left names a row.</summary>
    public static string WithoutBound(string m) => BoundWords().Replace(m ?? string.Empty, " ");

    [GeneratedRegex(@"\d+(?:\.\d+)?\s*[%倍]?|[一二两三四五六七八九十]\s*倍|及以上|或以上|以上|及以下|或以下|以下|完成率|超额|超过|超出|低于|高于|不到|不足")]
    private static partial Regex BoundWords();

    private static decimal? Percent(string digits) =>
        decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) && v > 0m && v < 10000m ? v / 100m : null;

    private static decimal? Times(string g)
    {
        if (decimal.TryParse(g, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v))
        {
            return v is > 0m and < 100m ? v : null;
        }

        return g == "两" ? 2m : IndicatorMatcher.ChineseNumber(g) is int n && n > 0 ? n : null;
    }

    [GeneratedRegex("执行率|资金|经费|预算|拨款|支出|得分率|分值")]
    private static partial Regex Money();

    // 超过目标值一倍 / 超出指标值2倍 / 超了一倍多
    [GeneratedRegex(@"(?:超过|超出|超了|超)了?(?:年度)?(?:目标值|指标值|目标|计划数|计划)?的?\s*(\d+(?:\.\d+)?|[一二两三四五六七八九十])\s*倍")]
    private static partial Regex OverTimes();

    // 是目标值两倍以上 / 达到指标值的3倍 / 两倍以上的
    [GeneratedRegex(@"(?:(?:是|达到|达|为|有)(?:年度)?(?:目标值|指标值|目标|计划数|计划)?的?\s*)?(\d+(?:\.\d+)?|[一二两三四五六七八九十])\s*倍(?:及以上|或以上|以上|多)")]
    private static partial Regex AtTimes();

    // 完成率低于80% / 不到九成 is not read (digits only) / 没达到60%
    [GeneratedRegex(@"(?:低于|不到|不足|小于|未达到|没达到|没有达到|达不到|未达|没到|不够)(?:目标值|指标值)?的?\s*(\d+(?:\.\d+)?)\s*%")]
    private static partial Regex Below();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*%\s*(?:及以下|或以下|以下)")]
    private static partial Regex BelowSuffix();

    // 超额130%以上 / 超过目标30% / 完成率高于120% / 达到150%及以上
    [GeneratedRegex(@"(超额|超出|超过|超了|超|高于|大于|达到|在|完成率)(?:完成)?了?((?:年度)?(?:目标值|指标值|目标|计划数|计划))?的?\s*(\d+(?:\.\d+)?)\s*%(\s*(?:及以上|或以上|以上))?")]
    private static partial Regex AboveBound();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*%\s*(?:及以上|或以上|以上)")]
    private static partial Regex AboveSuffix();
}
