using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 45: a claim whose subject is a quantified set of the table's rows — 一半以上的指标已完成, 大部分指标达到目标,
/// 多数产出指标未完成, 所有效益指标均已完成 — speaks of the table's indicators, so it is in scope. Before, its subject (no row's name)
/// was read as the clause's own and the claim set aside as 所说的对象不是表中的指标. A share written as a number right before 指标
/// (一半以上的指标, 七成以上的指标) is judged by the share rule of the stated bounds; the words (多数, 大部分, 绝大多数, 少数) and a share of
/// one 一级 heading's indicators are judged here against the rows the table judged; 全部/所有/各项 is a claim over the whole group.
/// </summary>
internal sealed partial class ClaimChecker
{
    /// <summary>What a quantified subject right before a claim asks: the whole group, or a share judged here, or a share the numbers' rule judges.</summary>
    internal enum Quantified
    {
        None,
        All,
        Share,
        ShareOfNumbers,
    }

    internal static Quantified QuantifiedSubject(string clauseBefore, out Match found)
    {
        // The pattern ends in 指标 and at most five characters (中, 均/都/全部/基本, 已/已经/均已/都已) before trailing spaces: most
        // clauses are answered by that test, not by the pattern tried at every position.
        ReadOnlySpan<char> before = clauseBefore.AsSpan().TrimEnd();
        int word = before.LastIndexOf("指标", StringComparison.Ordinal);
        if (word < 0 || before.Length - (word + 2) > 5)
        {
            found = Match.Empty;
            return Quantified.None;
        }

        found = QuantifiedRows().Match(clauseBefore);
        if (!found.Success)
        {
            return Quantified.None;
        }

        if (found.Groups["all"].Success)
        {
            return Quantified.All;
        }

        return found.Groups["number"].Success && !found.Groups["level"].Success ? Quantified.ShareOfNumbers : Quantified.Share;
    }

    /// <summary>
    /// A share of the judged rows (of the heading named, else of the table) that have the status claimed: 多数/大部分/过半/一半以上 more
    /// than half, 绝大多数/绝大部分 at least four in five (more than half and fewer is left unverified), 少数 fewer than half but some,
    /// N成以上 at least N tenths.
    /// </summary>
    internal static CheckedClaim ShareClaim(FactSheet sheet, Match claim, string text, ClaimKind kind, Match quantifier)
    {
        string level = quantifier.Groups["level"].Value;
        var judged = sheet.Report.Indicators
            .Where(r => r.Status is IndicatorStatus.Met or IndicatorStatus.Exceeded or IndicatorStatus.Short)
            .Where(r => level.Length == 0 || (sheet.Evaluation.Indicators[r.Index].Level1?.Trim() ?? string.Empty).StartsWith(level, StringComparison.Ordinal))
            .ToList();
        if (judged.Count == 0)
        {
            return new CheckedClaim(claim.Index, claim.Length, text, kind, Verdict.Unverified, null, "表中没有可判断的指标");
        }

        int holding = judged.Count(r => kind switch
        {
            ClaimKind.Short => r.Status == IndicatorStatus.Short,
            ClaimKind.Exceeded => r.Status == IndicatorStatus.Exceeded,
            _ => r.Status != IndicatorStatus.Short,
        });
        string what = kind switch { ClaimKind.Short => "未完成", ClaimKind.Exceeded => "超额完成", _ => "完成" };
        string said = quantifier.Value.Trim() + text.Trim();
        string note = $"{(level.Length > 0 ? level + "指标" : "表中判断完成情况的")}{judged.Count}项中{what}{holding}项";
        decimal share = holding / (decimal)judged.Count;
        string q = quantifier.Groups["q"].Value;
        bool? holds = q switch
        {
            "绝大多数" or "绝大部分" => share >= 0.8m ? true : share <= 0.5m ? false : null,
            "少数" or "少部分" or "个别" => holding > 0 && share < 0.5m,
            _ when TenthsOf(quantifier) is { } tenths => share >= tenths,
            _ => share > 0.5m,
        };
        return holds switch
        {
            true => new CheckedClaim(claim.Index, claim.Length, text, kind, Verdict.Verified, null, $"{note}，与“{said}”相符"),
            false => new CheckedClaim(claim.Index, claim.Length, text, kind, Verdict.Contradicted, null, $"{note}，不是{said}"),
            _ => new CheckedClaim(claim.Index, claim.Length, text, kind, Verdict.Unverified, null, $"{note}，是否算“{q}”无法由表判断"),
        };
    }

    private static decimal? TenthsOf(Match quantifier) =>
        quantifier.Groups["cn"].Success && MentionExtractor.ChineseNumeral(quantifier.Groups["cn"].Value) is { } n ? n / 10m : null;

    /// <summary>
    /// 设上限（越低越好）的指标有2项，都没有超出上限 (the chat's own sentence, held on six tables before session 45): a group of the
    /// ceiling rows — those the words name by their rule — not every row of the table.
    /// </summary>
    internal static (IReadOnlyList<int> Members, string? Name)? CeilingRows(FactSheet sheet, string sentenceBefore) =>
        sentenceBefore.Contains("指标", StringComparison.Ordinal) && CeilingSet().IsMatch(sentenceBefore)
            ? (sheet.Report.Indicators.Where(r => r.Rule == IndicatorRule.Reverse).Select(r => r.Index).ToList(), "设上限的指标")
            : null;

    [GeneratedRegex(@"(?:设(?:有|置)?上限|上限类|越低越好|反向)(?:[（(]越低越好[）)])?的?(?:绩效|三级)?指标")]
    private static partial Regex CeilingSet();

    // 一半以上的指标 / 大部分产出指标 / 所有效益指标均 / 七成以上的指标: a quantified set of the table's rows, right before the claim's words.
    [GeneratedRegex(@"(?:(?<all>全部|所有|全体)|(?<q>绝大多数|绝大部分|大多数|大部分|多数|少数|少部分|个别|(?<number>(?:超过|逾)?(?:(?<cn>[一二两三四五六七八九])成|一半|半数|过半)(?:以上|多)?)))的?(?<level>产出|效益|满意度|成本|数量|质量|时效|经济效益|社会效益|生态效益|可持续影响)?(?:类)?(?:绩效)?指标(?:中|里)?(?:均|都|全部|基本)?(?:已经|已|均已|都已)?\s*$")]
    private static partial Regex QuantifiedRows();
}
