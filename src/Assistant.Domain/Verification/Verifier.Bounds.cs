using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 43: bounds a text states, judged against the fact they speak of, after every number has its first verdict. Shared by the
/// verifier and the reference the tests keep.
/// <list type="bullet">
/// <item>K2 — a qualified bound (超过2500人次, 逾1.4万亩, 近4.7万人, 不少于…) matched to a row's 指标值 (or to a 完成值 it only rounds to)
/// is held to the row's 完成值 when the words do not say it is the goal: 超过2500人次 with 2,460 done is contradicted, not verified by the
/// target 3,000; 逾1.4万亩 with 1.35万亩 is contradicted, though 1.35 rounds to 1.4.</item>
/// <item>K1 — a threshold over several fund lines (中央资金和省级资金执行率均超过90%, 均低于50%, 三项资金执行率都在九成以上) judges every line
/// listed, not only the first one matched.</item>
/// <item>K8 — a 成 fraction right after a rate (执行率63.58%，不足七成) is judged against that rate.</item>
/// <item>K9, K12 — a level's score and a saving against a ceiling or deadline (<c>Verifier.Bounds.Levels.cs</c>); a gap in points
/// verified as a completion's excess, and a line added to its own part (<c>Verifier.Bounds.Gaps.cs</c>).</item>
/// </list>
/// </summary>
public sealed partial class Verifier
{
    /// <summary>Re-judges, in place, the bounds described in the class remarks.</summary>
    internal static void StatedBounds(FactSheet sheet, List<CheckedMention> mentions, Func<int, ShortNames.Place> place, string normalized)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(place);
        for (int k = 0; k < mentions.Count; k++)
        {
            CheckedMention c = mentions[k];
            if (c.Mention.IsIdentifier || c.Mention.Number is not { } number)
            {
                continue;
            }

            CheckedMention? better;
            if (MayBeBound(c, k))
            {
                ShortNames.Place at = place(k);
                better = ShareOfWhole(sheet, c, number, at.Before, at.After, normalized, at.SentenceStart)
                    ?? SeveralLines(sheet, c, number, at.Before, at.After)
                    ?? TenthsAfterRate(mentions, k, number, normalized, at.SentenceStart)
                    ?? BoundHeldToActual(sheet, c, number, at.Before, at.After)
                    ?? LineRateBound(sheet, c, number, at.Before, normalized, at.SentenceStart)
                    ?? TwoRatesGap(sheet, mentions, k, number, at.Before, at.SentenceStart)
                    ?? LevelSubtotal(sheet, c, number, at.Before)
                    ?? GapKept(sheet, mentions, k, number, at.Before, at.SentenceStart)
                    ?? ExcessAsGap(sheet, c, number, at.Before)
                    ?? PartAddedToWhole(sheet, c);
            }
            else
            {
                better = PartAddedToWhole(sheet, c);
            }
            if (better is not null)
            {
                mentions[k] = better;
            }
        }
    }

    /// <summary>
    /// Whether any rule above but <see cref="PartAddedToWhole"/> may judge the mention: the union of their first checks, none of which
    /// needs the words around it. The others (most numbers of a text: verified counts and amounts with no qualifier) are left before
    /// their clause's words are cut out.
    /// </summary>
    private static bool MayBeBound(CheckedMention c, int k)
    {
        string unit = c.Mention.Unit.Base;
        return unit is "%" or "个百分点" or "分"
            || c.Verdict == Verdict.Verified && c.FactId is not null && (BoundSide(c.Mention, out _) is not null || c.Mention.IsApproximate)
            || k > 0 && c.Verdict is Verdict.OutOfScope or Verdict.Unverified or Verdict.Contradicted;
    }

    /// <summary>Which way a qualifier bounds the value: +1 at least (strictly when <paramref name="strict"/>), −1 at most, 0 near below, null none.</summary>
    private static int? BoundSide(Mention m, out bool strict)
    {
        strict = false;
        if (m.Text.EndsWith("以上", StringComparison.Ordinal))
        {
            return 1;
        }

        if (m.Text.EndsWith("以下", StringComparison.Ordinal))
        {
            return -1;
        }

        switch (m.Qualifier)
        {
            case "超过" or "逾" or "多于":
                strict = true;
                return 1;
            case "以上" or "不低于" or "不少于":
                return 1;
            case "不超过" or "不高于" or "以下":
                return -1;
            case "近" or "将近" or "接近":
                return 0;
            default:
                return null;
        }
    }

    /// <summary>Whether a value (in the mention's units) is within the bound the mention states.</summary>
    private static bool BoundHolds(Mention m, PrintedNumber number, decimal value)
    {
        decimal n = number.Value;
        return BoundSide(m, out bool strict) switch
        {
            1 => strict ? value > n : value >= n,
            -1 => value <= n,
            0 => value <= n && value >= n * 0.9m,
            _ => Matches(m, number, value),
        };
    }

    /// <summary>
    /// K2: a bound verified by a row's 指标值, or by a 完成值 it does not hold for, judged against the 完成值 — unless its words
    /// say it is the goal (计划…, 目标…, …的目标).
    /// </summary>
    private static CheckedMention? BoundHeldToActual(FactSheet sheet, CheckedMention c, PrintedNumber number, string before, string after)
    {
        Mention m = c.Mention;
        if (c.Verdict != Verdict.Verified || c.FactId is not { } id || BoundSide(m, out _) is null && !m.IsApproximate
            || !(id.EndsWith(".target", StringComparison.Ordinal) || id.EndsWith(".actual", StringComparison.Ordinal))
            || sheet.Find(id) is not { IndicatorIndex: { } row } || GoalBefore().IsMatch(before) || GoalAfter().IsMatch(after) || TargetAfterUnit(after))
        {
            return null;
        }

        Candidate? actual = null;
        foreach (Candidate x in SheetIndex.For(sheet).OfIndicator(row))
        {
            if (x.Measure == "actual" && Compatible(m.Unit, x.Unit))
            {
                actual = x;
                break;
            }
        }

        if (actual is null)
        {
            return null;
        }

        decimal done = actual.InMentionUnits(m.Unit).Value;
        if (BoundHolds(m, number, done))
        {
            return id == actual.Fact.Id ? null : c with { FactId = actual.Fact.Id, Note = null };
        }

        string name = sheet.Evaluation.Indicators[row].Name;
        string said = m.Text.Trim();
        return new CheckedMention(m, Verdict.Contradicted, actual.Fact.Id,
            $"“{name}”的完成值为{actual.Fact.Text}，不是{said}" + (id == actual.Fact.Id ? string.Empty : $"（{said}说的不是指标值）"));
    }

    /// <summary>K8: 执行率63.58%，不足七成 — a 成 fraction right after a rate is judged against that rate (its fact when it was verified).</summary>
    private static CheckedMention? TenthsAfterRate(List<CheckedMention> mentions, int k, PrintedNumber number, string normalized, int sentenceStart)
    {
        Mention m = mentions[k].Mention;
        if (k == 0 || !UnitsInText.IsTenths(m))
        {
            return null;
        }

        CheckedMention prior = mentions[k - 1];
        Mention p = prior.Mention;
        int end = p.Start + p.Length;
        if (p.Unit.Base != "%" || p.Number is not { } rate || p.Start < sentenceStart || end > m.Start || !TenthsJoin().IsMatch(normalized.AsSpan(end, m.Start - end)))
        {
            return null;
        }

        decimal value = rate.Value;
        string? factId = null;
        if (prior.Verdict is Verdict.Verified or Verdict.Derived && prior.FactId is { } id && !id.Contains(' ', StringComparison.Ordinal) && prior.Note is null or "")
        {
            factId = id;
        }

        return BoundHolds(m, number, value)
            ? new CheckedMention(m, Verdict.Verified, factId ?? prior.FactId, $"前文所说的{p.Text.Trim()}与“{m.Text.Trim()}”相符")
            : new CheckedMention(m, Verdict.Contradicted, prior.FactId, $"前文所说的是{p.Text.Trim()}，不是{m.Text.Trim()}");
    }

    // 63.58%，不足七成 / 79.22%，近八成 / 60.00%，仅为六成: only a comma (and a word of emphasis) between the rate and the fraction.
    [GeneratedRegex(@"^\s*[，,、]?\s*(?:即|也就是|也即|约为|已)?\s*$")]
    private static partial Regex TenthsJoin();

    // The words make the number a goal (计划培训不少于3000人次, 目标为超过…), not what was done.
    // …or a condition (要是超过3.5‰就开始扣分, 如果…): a threshold of a rule, not what was done.
    // …or a limit or a possibility (执行率不能超过100%, 不得低于, 必须达到, 预计超过; integration 43): a rule, not a result.
    [GeneratedRegex(@"目标|计划|任务|预期|预计|指标值|指标为|要求|标准|设定|设置|考核|力争|争取|确保|拟|应|如果|若|要是|假如|一旦|扣分|得分|计分|不能|不得|不可|不宜|不允许|必须|须|可能")]
    private static partial Regex GoalBefore();

    [GeneratedRegex(@"^\s*(?:的)?(?:年度|预期)?(?:目标|任务|要求|标准|计划)|^\s*(?:的话|时|就|则|才|便|即)")]
    private static partial Regex GoalAfter();
}
