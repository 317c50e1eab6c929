using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 43: a level's score (K9 — 产出指标得分48.57分, 效益指标得分29分, 数量指标得分) is the sum of its rows' 得分, by the calculator
/// or as the table prints them (either verifies, at the decimals the text writes); and a row's distance from its ceiling or deadline
/// said as a saving (K12 — 时限12天，较规定时限提前5天; 户均改造成本2.38万元，较上限节约0.21万元) is its 指标值 − 完成值.
/// </summary>
public sealed partial class Verifier
{
    private static CheckedMention? LevelSubtotal(FactSheet sheet, CheckedMention c, PrintedNumber number, string before)
    {
        Mention m = c.Mention;
        if (m.Unit.Base != "分" || LevelScoreWords().Match(before) is not { Success: true } said)
        {
            return null;
        }

        // The longest level name the words end with (其中产出指标得分 is 产出指标's).
        var indicators = sheet.Evaluation.Indicators;
        var results = sheet.Report.Indicators;
        string words = said.Groups["level"].Value;
        string? level = indicators.SelectMany(i => new[] { i.Level1, i.Level2 }).OfType<string>()
            .Where(l => l.Length >= 3 && words.EndsWith(l, StringComparison.Ordinal)).OrderByDescending(l => l.Length).FirstOrDefault();
        if (level is null)
        {
            return null;
        }

        var members = Enumerable.Range(0, indicators.Count).Where(i => indicators[i].Level1 == level || indicators[i].Level2 == level).ToList();
        if (members.Count == 0 || members.Any(i => results[i].Score is null))
        {
            return null;
        }

        string id = $"levels[{level}].score";
        if (c.Verdict == Verdict.Verified && c.FactId == id)
        {
            return null;
        }

        decimal computed = members.Sum(i => results[i].Score!.Value);
        decimal? printed = members.All(i => indicators[i].PrintedScore is not null) ? members.Sum(i => indicators[i].PrintedScore!.Value.Value) : null;
        if (Matches(m, number, computed) || printed is { } p && Matches(m, number, p))
        {
            return new CheckedMention(m, Verdict.Verified, id, $"{level}各项得分之和");
        }

        string sum = PrintedNumber.Format(computed, 2);
        string also = printed is { } q && PrintedNumber.RoundHalfUp(q, 2) != PrintedNumber.RoundHalfUp(computed, 2) ? $"（表中所印各项得分之和为{PrintedNumber.Format(q, 2)}分）" : string.Empty;
        return new CheckedMention(m, Verdict.Contradicted, id, $"{level}各项得分之和为{sum}分{also}，不是{m.Text.Trim()}");
    }

    /// <summary>K12: a saving against the row's ceiling or deadline, judged as 指标值 − 完成值 of the row the sentence's figure before it was verified as.</summary>
    private static CheckedMention? GapKept(FactSheet sheet, List<CheckedMention> mentions, int k, PrintedNumber number, string before, int sentenceStart)
    {
        CheckedMention c = mentions[k];
        Mention m = c.Mention;
        // Contradicted too: the first verdict may cite an unrelated figure (约25万元 read against the row's 285万元).
        if (c.Verdict is not (Verdict.OutOfScope or Verdict.Unverified or Verdict.Contradicted) || k == 0)
        {
            return null;
        }

        // 节约0.21万元 is read as 约0.21万元: the 节 is left before the number.
        Match said = SavingWords().Match(m.Qualifier == "约" && m.Text.StartsWith('约') ? before + "约" : before);
        if (!said.Success)
        {
            return null;
        }

        CheckedMention prior = mentions[k - 1];
        if (prior.Mention.Start < sentenceStart || prior.Verdict != Verdict.Verified || prior.FactId is not { } id || !id.EndsWith(".actual", StringComparison.Ordinal)
            || sheet.Find(id) is not { IndicatorIndex: { } row })
        {
            return null;
        }

        Candidate? target = null, actual = null;
        foreach (Candidate x in SheetIndex.For(sheet).OfIndicator(row))
        {
            if (x.Measure == "target" && Compatible(m.Unit, x.Unit))
            {
                target ??= x;
            }
            else if (x.Measure == "actual" && Compatible(m.Unit, x.Unit))
            {
                actual ??= x;
            }
        }

        decimal t, a;
        Fact tf, af;
        if (target is not null && actual is not null)
        {
            (t, a, tf, af) = (target.InMentionUnits(m.Unit).Value, actual.InMentionUnits(m.Unit).Value, target.Fact, actual.Fact);
        }
        else if (sheet.Find($"indicators[{row}].target") is { } ft && sheet.Find($"indicators[{row}].actual") is { } fa && m.Unit.Text.Length > 0
            && ft.Unit.StartsWith(m.Unit.Text + "/", StringComparison.Ordinal) && fa.Unit == ft.Unit)
        {
            // 户均改造成本2.38万元，较上限节约0.21万元 on a row in 万元/户: the saving is said in the amount per 户.
            (t, a, tf, af) = (ft.Value, fa.Value, ft, fa);
        }
        else
        {
            return null;
        }

        string name = sheet.Evaluation.Indicators[row].Name;
        if (a <= t && PrintedNumber.RoundHalfUp(t - a, number.Decimals) == number.Value)
        {
            return new CheckedMention(m, Verdict.Verified, $"{tf.Id} - {af.Id}", $"{tf.Text} − {af.Text}");
        }

        string gap = a <= t ? $"相差{PrintedNumber.FormatTrimmed(t - a)}" : "完成值超出指标值";
        return new CheckedMention(m, Verdict.Contradicted, $"{tf.Id} - {af.Id}",
            $"“{name}”指标值{tf.Text}，完成值{af.Text}，{gap}，不是{said.Groups["verb"].Value}{m.Text.Trim().TrimStart('约')}");
    }

    // 产出指标得分, 效益指标的得分为, 数量指标共得: a level's own score.
    [GeneratedRegex(@"(?<level>[\u4e00-\u9fa5]{1,8}指标)(?:的)?(?:共|合计|累计|总|实际)?(?:得分|得)(?:合计|小计|共计)?(?:为|是|达到?)?\s*$")]
    private static partial Regex LevelScoreWords();

    // 较规定时限提前, 较上限节约, 比标准节省, 较计划缩短: a saving against the row's own limit.
    [GeneratedRegex(@"(?:较|比)(?:规定|计划|控制|设定)?(?:时限|期限|上限|标准|限额|目标|指标值|计划)?(?<verb>提前|节约|节省|缩短)了?\s*$")]
    private static partial Regex SavingWords();
}
