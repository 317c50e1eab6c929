using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 42: a count of the rows that earned full marks or lost points — 9项指标中6项得满分, 得满分的指标有6项, 扣分的指标3项,
/// 3项指标未得满分. It was read as a count of all the indicators (6项 against 共有9项, a false alarm on a true sentence, and a wrong
/// count caught only by that accident). It counts the rows (of the level the words name, else of the table) whose score is their
/// 分值 — by the calculator's score or by the score the table prints, either count verifies — or, for 扣分/失分, the others.
/// Shared by the verifier and the reference.
/// </summary>
public sealed partial class Verifier
{
    /// <summary>The verdict of a count of rows at full marks or with points lost; null when the words count something else.</summary>
    internal static CheckedMention? FullMarksCount(FactSheet sheet, Mention m, PrintedNumber number, string before, string after)
    {
        string own = before[(before.LastIndexOfAny(FullMarkSegmentEnds) + 1)..];
        if (ShortOrLostBefore().IsMatch(own) && number.Value == decimal.Truncate(number.Value))
        {
            // 逐项说明未完成或扣分的3项指标 (session 45, the chat's own sentence held on eight tables): the rows short of their
            // target or with points lost, counted once each — not the rows with points lost alone.
            var rows = sheet.Report.Indicators;
            int union = rows.Count(r => r.Status == Scoring.IndicatorStatus.Short || (r.Weight is { } w && r.Score is { } s && s < w));
            return number.Value == union
                ? new CheckedMention(m, Verdict.Verified, "count.shortOrPointsLost", null)
                : new CheckedMention(m, Verdict.Contradicted, "count.shortOrPointsLost", $"未完成或有扣分的指标有{union}项");
        }

        string ownAfter = OwnSegmentAfter(after);
        Match said = FullAfter().Match(ownAfter);
        if (!said.Success)
        {
            said = FullBefore().Match(own);
        }

        if (!said.Success || number.Value != decimal.Truncate(number.Value))
        {
            return null;
        }

        bool full = said.Groups["full"].Success;
        var indicators = sheet.Evaluation.Indicators;
        string? level = null;
        int nearest = -1;
        foreach (string name in indicators.SelectMany(i => new[] { i.Level1, i.Level2 }).OfType<string>().Distinct().OrderBy(l => l, StringComparer.Ordinal))
        {
            string core = name.Replace("指标", string.Empty, StringComparison.Ordinal);
            int where = core.Length >= 2 ? before.LastIndexOf(core, StringComparison.Ordinal) : -1;
            if (where > nearest || where == nearest && where >= 0 && name.Length > level!.Length)
            {
                (nearest, level) = (where, name);
            }
        }

        var members = Enumerable.Range(0, indicators.Count).Where(i => level is null || indicators[i].Level1 == level || indicators[i].Level2 == level).ToList();
        var results = sheet.Report.Indicators;
        if (members.Count == 0 || members.Any(i => results[i].Weight is null || results[i].Score is null))
        {
            return null;
        }

        int computed = members.Count(i => (results[i].Score == results[i].Weight) == full);
        int? printed = members.All(i => indicators[i].PrintedScore is not null)
            ? members.Count(i => (indicators[i].PrintedScore!.Value.Value == results[i].Weight) == full)
            : null;
        string id = $"count{(level is null ? string.Empty : $"[{level}]")}.{(full ? "fullMarks" : "pointsLost")}";
        return number.Value == computed || number.Value == printed
            ? new CheckedMention(m, Verdict.Verified, id, null)
            : new CheckedMention(m, Verdict.Contradicted, id, printed is { } p && p != computed
                ? $"{(level is null ? string.Empty : level + "中")}{(full ? "得满分" : "有扣分")}的指标按计算得分有{computed}项、按表中打印的得分有{p}项"
                : $"{(level is null ? string.Empty : level + "中")}{(full ? "得满分" : "有扣分")}的指标有{computed}项");
    }

    private static readonly char[] FullMarkSegmentEnds = ['，', ',', '；', ';', '、', '中'];

    /// <summary>After the count: 得满分, 获得满分, 扣分, 有扣分, 未得满分.</summary>
    [GeneratedRegex(@"^\s*(?:(?:绩效|三级)?指标)?\s*(?:均|都|全部|全都)?\s*(?:(?<full>(?:得|获得|取得|拿到|为)了?满分|满分)|(?<lost>(?:被|有)?扣分|失分|未(?:能)?(?:得|获得|取得|拿到)满分|没有(?:得|拿到|获得)满分))")]
    private static partial Regex FullAfter();

    /// <summary>Before the count: 未完成或扣分的, 扣分或未完成的, 未达标或失分的 — either status, counted once.</summary>
    [GeneratedRegex(@"(?:(?:未|没有|没)(?:完成|达到|达标)(?:指标值)?(?:或者?|和|及|、)(?:被)?(?:扣分|失分|扣了分)|(?:扣分|失分|扣了分)(?:或者?|和|及|、)(?:未|没有|没)(?:完成|达到|达标))的?(?:绩效|三级)?(?:指标)?\s*(?:有|共|为|共有|计)?\s*$")]
    private static partial Regex ShortOrLostBefore();

    /// <summary>Before the count: 得满分的指标有, 扣分的指标, 满分指标.</summary>
    [GeneratedRegex(@"(?:(?<lost>扣分|失分|未得满分|未获得满分)|(?<full>(?:得|获得|取得)?满分))的?(?:绩效|三级)?(?:指标)?\s*(?:有|共|为|共有|计|数)?\s*$")]
    private static partial Regex FullBefore();
}
