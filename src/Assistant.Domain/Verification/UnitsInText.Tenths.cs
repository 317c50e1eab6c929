using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 43 (K8): a rate in tenths written in words — 超过七成, 仅为五成, 不足四成, 八成以上, 近九成, 六成 — is a percentage bound
/// (70 %, 50 %…) and is judged like one, not skipped as words. Its words become the mention's qualifier the matching already reads:
/// 超过/逾/高于/以上/多 → 超过 (at least), 不足/不到/低于/未达到/以下 → 不超过 (at most), 近/接近/将近 → 近, and 约/左右/仅为/仅/达到 or
/// none → 约 (六成 is 57 %–63 %, not exactly 60 %). 过半 / 超过一半 / 不到一半 are 50 % so bounded.
/// </summary>
public static partial class UnitsInText
{
    /// <summary>The mentions with each 成 fraction the number pattern left unread added, in order of position.</summary>
    internal static IReadOnlyList<Mention> Tenths(IReadOnlyList<Mention> mentions, string text, string normalized)
    {
        if (normalized.AsSpan().IndexOfAny('成', '半') < 0 && !normalized.Contains("分之", StringComparison.Ordinal))
        {
            return mentions;
        }

        List<Mention>? added = null;
        // Session 44: 七成以上的资金已支出, 近三成资金未支出, 一半以上的指标已完成, 三分之一的资金未拨付 — a fraction right before the
        // money or the indicators it is a share of (the rule Verifier.ShareOfWhole judges it).
        foreach (Match w in ShareBeforeWhole().Matches(normalized))
        {
            decimal? share = w.Groups["cn"].Success ? MentionExtractor.ChineseNumeral(w.Groups["cn"].Value) * 10m
                : w.Groups["den"].Success ? Fraction(w.Groups["num"].Value, w.Groups["den"].Value) : 50m;
            if (share is not { } v || v is <= 0m or > 100m || mentions.Any(x => x.Start < w.Index + w.Length && x.Start + x.Length > w.Index))
            {
                continue;
            }

            string qualifier = w.Groups["over"].Success ? "超过" : TenthsQualifier(w.Groups["qual"].Value, w.Groups["tail"].Value);
            int decimals = v == decimal.Truncate(v) ? 0 : 2;
            (added ??= [.. mentions]).Add(new Mention(w.Index, w.Length, text.Substring(w.Index, w.Length), MentionKind.Percent,
                new PrintedNumber(Math.Round(v, decimals, MidpointRounding.AwayFromZero), decimals), UnitSpec.Bare("%"), qualifier));
        }

        mentions = added ?? mentions;
        foreach (Match w in TenthsInWords().Matches(normalized))
        {
            decimal? read = w.Groups["cn"].Success ? MentionExtractor.ChineseNumeral(w.Groups["cn"].Value) : 5m;
            if (read is not { } tenths || tenths is <= 0 or > 10)
            {
                continue;
            }

            int start = w.Index, length = w.Length;
            if (mentions.Any(x => x.Start < start + length && x.Start + x.Length > start))
            {
                continue;
            }

            string qualifier = w.Groups["over"].Success ? "超过" : TenthsQualifier(w.Groups["qual"].Value, w.Groups["tail"].Value);
            (added ??= [.. mentions]).Add(new Mention(start, length, text.Substring(start, length), MentionKind.Percent, new PrintedNumber(tenths * 10m, 0), UnitSpec.Bare("%"), qualifier));
        }

        added?.Sort((a, b) => a.Start.CompareTo(b.Start));
        return added ?? mentions;
    }

    /// <summary>Whether a mention is a 成 fraction this pass read (超过七成, 六成).</summary>
    internal static bool IsTenths(Mention m) => m.Unit.Base == "%" && m.Text.AsSpan().IndexOfAny('成', '半') >= 0 && TenthsOnly().IsMatch(m.Text);

    [GeneratedRegex(@"^[\u4e00-\u9fa5]{0,3}(?:[一二两三四五六七八九十]成|一半|半数|过半)[\u4e00-\u9fa5]{0,2}$")]
    private static partial Regex TenthsOnly();

    private static decimal? Fraction(string num, string den) =>
        MentionExtractor.ChineseNumeral(num) is { } n && MentionExtractor.ChineseNumeral(den) is { } d && d > 0m && n < d ? n / d * 100m : null;

    /// <summary>Whether a mention is a share this pass read before the money or the indicators (七成以上, 近三成, 一半以上, 三分之一).</summary>
    internal static bool IsShareOfWhole(Mention m) => m.Unit.Base == "%" && ShareOnly().IsMatch(m.Text);

    [GeneratedRegex(@"^[\u4e00-\u9fa5]{0,3}(?:[一二两三四五六七八九]成|一半|半数|过半|[二三四五六七八九十]分之[一二三四五六七八九])[\u4e00-\u9fa5]{0,2}$")]
    private static partial Regex ShareOnly();

    // 七成以上的资金, 近三成资金, 一半以上的指标, 过半的项目资金, 三分之一的资金: a fraction with its bound words, right before 资金 or 指标
    // (a share of people or places — 七成以上的农户 — is not read).
    [GeneratedRegex(@"(?<qual>超过|逾|高于|多于|不足|不到|低于|少于|接近|将近|近|约|仅|只有)?(?<![零〇一二两三四五六七八九十百千万亿\d第统唯之单合])(?:(?<cn>[一二两三四五六七八九])成|(?<half>一半|半数)|(?<over>过半)|(?<den>[二三四五六七八九十])分之(?<num>[一二三四五六七八九]))(?<tail>以上|以下|多|左右)?(?=的?(?:项目|预算|财政|专项)?(?:资金|指标))")]
    private static partial Regex ShareBeforeWhole();

    private static string TenthsQualifier(string before, string tail) => (before, tail) switch
    {
        (_, "以下") => "不超过",
        (_, "以上" or "多") => "超过",
        ("不足" or "不到" or "低于" or "未达到" or "未达" or "少于", _) => "不超过",
        ("超过" or "逾" or "高于" or "多于" or "超", _) => "超过",
        ("近" or "接近" or "将近", _) => "近",
        _ => "约",
    };

    // 超过七成, 不足四成, 八成以上, 近九成, 仅为六成 — right after a rate's words (执行率, 完成率, 比例, 占比) or a rate (63.58%，不足七成); not
    // 一成不变, 八成新, 三成本 (a word going on), nor a share of people or places (七成以上的农户). 过半, 不到一半: 50 %.
    [GeneratedRegex(@"(?<=(?:率|比例|占比|比重|[%％]\s*[，,、]?)\s*(?:均|都|也|已|则|为|是)?\s*)(?:(?<qual>超过|逾|高于|多于|超|不足|不到|低于|未达到|未达|少于|接近|将近|近|约|仅为|仅|只有|达到|达|在)?(?<![零〇一二两三四五六七八九十百千万亿\d第统唯之单合])(?:(?<cn>[一二两三四五六七八九]|十)成(?!不变|本|员|立|效|果|功|绩|交|品|熟|长|型|都|人|年|为|就|分|活|色|新|像|形|材|器|才|片|套|批|家|事|语|全)|(?<half>一半|半数))(?<tail>以上|以下|多|左右)?|(?<over>过半))")]
    private static partial Regex TenthsInWords();
}
