using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 41 (probe 40 §10): a contradicted number's note names the fact the writer meant, not the nearest figure of the table.
/// The verdict is not changed, only the fact it cites and its note:
/// <list type="bullet">
/// <item>a unit slip first (and a sum of money left unverified that is the named line's figure in another magnitude is contradicted so) — 全年完成营造林面积1.35亩 on a row in 万亩 whose 完成值 is 1.35 cites that 完成值 (not the 指标值 1.2万亩 nearer
/// in value); 县级资金执行124.39元 on a 元 table where 县级资金 executed 124.39万元 cites that line's figure, not another line's;</item>
/// <item>after a verb of what was done (完成改造老旧小区11个), a row's 完成值 before its 指标值 (10, not the target 12 nearer in value);</item>
/// <item>the 执行率 of the line the nearest figure before it in the sentence was checked against (全年执行2015.84万元，执行率84.07% cites
/// the total's 84.70 %, not the rate of a part named earlier in a 其中 list).</item>
/// </list>
/// Shared by the verifier and the reference the tests keep.
/// </summary>
internal static partial class RightNotes
{
    public static void Mend(FactSheet sheet, List<CheckedMention> mentions, Func<int, ShortNames.Place> place)
    {
        for (int k = 0; k < mentions.Count; k++)
        {
            CheckedMention c = mentions[k];
            if (c.Verdict == Verdict.Unverified && c.Mention.Number is { } slipped)
            {
                // 中央资金226.40元，执行率91.88% where the line executed 226.40万元: the unit slip is what the words got wrong.
                if (LineSlip(sheet, c, slipped, place(k).Before) is { } slip)
                {
                    mentions[k] = slip with { Verdict = Verdict.Contradicted };
                }

                continue;
            }

            if (c.Verdict != Verdict.Contradicted || c.Mention.Number is not { } number || c.FactId is not { } id)
            {
                continue;
            }

            ShortNames.Place at = place(k);
            CheckedMention? better = RowOf(id) is { } row
                ? RowSlip(sheet, c, number, row) ?? DoneNotTarget(sheet, c, row, at.Before)
                : LineSlip(sheet, c, number, at.Before) ?? CarriedLineRate(sheet, mentions, k, at);
            if (better is not null)
            {
                mentions[k] = better;
            }
        }
    }

    /// <summary>The row's 完成值 (or 指标值) with the number's digits in another unit of its family, cited as a unit slip.</summary>
    private static CheckedMention? RowSlip(FactSheet sheet, CheckedMention c, PrintedNumber number, int row)
    {
        // Only a plain citation of the row's figure is re-cited (a claim's explanation — 低于3.5万元 against a broken ceiling — is kept).
        if (c.Note is not { } note || note.Contains("文中单位写作", StringComparison.Ordinal) || sheet.Find(c.FactId!) is not { } cited
            || !note.StartsWith(Verifier.RowFactNote(sheet, cited, row), StringComparison.Ordinal))
        {
            return null;
        }

        Candidate? slip = null;
        foreach (Candidate x in SheetIndex.For(sheet).OfIndicator(row))
        {
            // The same base in another magnitude (亩 for 万亩, 人次 for 万人次), not a compound unit's bare part (万元 for 万元/套).
            if (x.Measure is "actual" or "target" && x.Unit.Base == c.Mention.Unit.Base && UnitSlip.Is(c.Mention.Unit, number, x.Unit, x.Fact.Value)
                && (slip is null || x.Measure == "actual" && slip.Measure != "actual"))
            {
                slip = x;
            }
        }

        if (slip is null || slip.Fact.Id == c.FactId)
        {
            // None, or the note already cites it.
            return null;
        }

        string rowName = sheet.Evaluation.Indicators[row].Name;
        return c with { FactId = slip.Fact.Id, Note = UnitSlip.Note(rowName, slip.Fact.Label.Replace(rowName, string.Empty, StringComparison.Ordinal), slip.Fact.Text, c.Mention.Unit) };
    }

    /// <summary>完成改造老旧小区11个 cited against the 指标值 12: after a verb of what was done, the 完成值 is what the words state.</summary>
    private static CheckedMention? DoneNotTarget(FactSheet sheet, CheckedMention c, int row, string before)
    {
        if (c.FactId != $"indicators[{row}].target" || !Done().IsMatch(before.Trim()) || TargetWords().IsMatch(before)
            || sheet.Find($"indicators[{row}].target") is not { } target || sheet.Find($"indicators[{row}].actual") is not { } actual
            || actual.Unit != target.Unit || c.Note is not { } note || !note.StartsWith(Verifier.RowFactNote(sheet, target, row), StringComparison.Ordinal))
        {
            return null;
        }

        return c with { FactId = actual.Id, Note = Verifier.RowFactNote(sheet, actual, row) + note[Verifier.RowFactNote(sheet, target, row).Length..] };
    }

    /// <summary>县级资金执行124.39元 on a 元 table: the named line's figure in another magnitude of 元 (124.39万元), cited as a unit slip.</summary>
    private static CheckedMention? LineSlip(FactSheet sheet, CheckedMention c, PrintedNumber number, string before)
    {
        UnitSpec unit = c.Mention.Unit;
        if (unit.Base != "元" || LineNamed(sheet, before) is not { } line)
        {
            return null;
        }

        string column = Column(before);
        decimal mentionYuan = number.Value * unit.Multiplier;
        foreach (Candidate x in SheetIndex.For(sheet).FundCandidates)
        {
            if (x.Fact.FundLineIndex != line || x.Measure is not ("executed" or "budget") || column.Length > 0 && x.Measure != column || x.Unit.Base != "元")
            {
                continue;
            }

            decimal factYuan = x.Fact.Value * x.Unit.Multiplier;
            foreach ((string magnitude, decimal times) in Magnitudes)
            {
                if (times != unit.Multiplier && PrintedNumber.RoundHalfUp(factYuan / times, number.Decimals) == number.Value && mentionYuan != factYuan)
                {
                    string written = UnitSpec.Write(PrintedNumber.Format(number.Value, number.Decimals), magnitude + "元");
                    string same = written == x.Fact.Text ? string.Empty : $"（即{written}）";
                    return c with { FactId = x.Fact.Id, Note = $"{x.Fact.Label}为{x.Fact.Text}{same}，文中单位写作{unit.Text}" };
                }
            }
        }

        return null;
    }

    private static readonly (string Magnitude, decimal Times)[] Magnitudes = [("", 1m), ("万", 10_000m), ("亿", 100_000_000m)];

    /// <summary>全年执行2015.84万元，执行率84.07%: the 执行率 of the line the nearest figure before it was checked against.</summary>
    private static CheckedMention? CarriedLineRate(FactSheet sheet, List<CheckedMention> mentions, int k, ShortNames.Place at)
    {
        CheckedMention c = mentions[k];
        if (c.Mention.Unit.Base != "%" || !c.FactId!.EndsWith("].rate", StringComparison.Ordinal) || LineOf(c.FactId) is not { } cited
            || !RateAlone().IsMatch(at.Before.Trim()))
        {
            return null;
        }

        for (int j = k - 1; j >= 0 && mentions[j].Mention.Start >= at.SentenceStart; j--)
        {
            CheckedMention p = mentions[j];
            if (p.Verdict == Verdict.Identifier)
            {
                continue;
            }

            if (p.Verdict is not (Verdict.Verified or Verdict.Derived) || LineOf(p.FactId) is not { } line || line == cited
                || p.FactId!.Contains(' ', StringComparison.Ordinal) || sheet.Find($"funds.lines[{line}].rate") is not { } rate)
            {
                return null;
            }

            return c with { FactId = rate.Id, Note = $"{rate.Label}为{rate.Text}" };
        }

        return null;
    }

    /// <summary>The fund line the words name, their column words aside (县级资金执行 → 县级资金).</summary>
    private static int? LineNamed(FactSheet sheet, string before)
    {
        string words = ColumnWords().Replace(before.Trim(), string.Empty);
        return words.Length >= 2 ? ListedParts.PartLine(sheet, words, parts: false) : null;
    }

    private static string Column(string before) =>
        ColumnWords().Match(before.Trim()) is { Success: true } m
            ? m.Groups["c"].Value is "预算" or "安排" or "下达" ? "budget" : "executed"
            : string.Empty;

    private static int? RowOf(string id) => IndexOf(id, "indicators[");

    private static int? LineOf(string? id) => id is null ? null : IndexOf(id, "funds.lines[");

    private static int? IndexOf(string id, string head)
    {
        if (!id.StartsWith(head, StringComparison.Ordinal))
        {
            return null;
        }

        int end = id.IndexOf(']', StringComparison.Ordinal);
        return end > head.Length && int.TryParse(id.AsSpan(head.Length, end - head.Length), out int i) ? i : null;
    }

    /// <summary>The column words that close a fund line's clause before its amount (全年执行, 预算数为, 支出).</summary>
    [GeneratedRegex(@"(?:全年|年度)?(?<c>预算|安排|下达|执行|支出|使用|拨付)(?:数|资金|金额)?(?:为|了|共|达)?$")]
    private static partial Regex ColumnWords();

    /// <summary>A clause opening with a verb of what was done: (全年)完成, 建成, 实现, 实际完成 (not a verb inside a row's name).</summary>
    [GeneratedRegex(@"^(?:全年|年度|本年度?|当年|累计|共计|共|已|实际)*(?:完成|建成|实现)")]
    private static partial Regex Done();

    /// <summary>A clause that is only the rate's words (执行率, 资金执行率为, 预算执行率达): it speaks of the line the sentence was speaking of.</summary>
    [GeneratedRegex(@"^(?:资金|预算|总体|整体|全年|年度)?(?:预算|资金)?执行率(?:为|是|达到?|仅为?|只有)?$")]
    private static partial Regex RateAlone();

    /// <summary>Words that say the number is the target.</summary>
    [GeneratedRegex(@"计划|目标|指标值|任务数|预期|要求")]
    private static partial Regex TargetWords();
}
