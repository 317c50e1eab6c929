using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// What the words right before a number say it is, where a number of the same row would otherwise pass for it
/// (session 31): a row's 得分 (该项得分20分 on a 15-point row is not its 分值; 该项得6分 is not its 扣分), a gap
/// after 比目标少 (6000人 is not the target), and a 完成率 that is only the end of the row's own name
/// (重点项目完成率75% is that row's 完成值, not 完成值 ÷ 指标值). Shared by the verifier and the reference the tests keep.
/// </summary>
internal static partial class StatedRoles
{
    /// <summary>Whether the 完成率 (完成比例…) right before the number ends the name of a row the clause names.</summary>
    public static bool RateInName(FactSheet sheet, IReadOnlyList<int> named, string before)
    {
        if (named.Count == 0)
        {
            return false;
        }

        string said = LinkWords().Replace(before, string.Empty).TrimEnd();
        foreach (int i in named)
        {
            string name = UnitBracket().Replace(sheet.Evaluation.Indicators[i].Name, string.Empty).Trim();
            // The name's head noun, at least 4 characters (项目完成率 of 重点项目完成率), ends what is said.
            string tail = name.Length > 5 ? name[^5..] : name;
            if (name.EndsWith('率') && tail.Length >= 4 && said.EndsWith(tail, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 该项得分20分 / 得8.33分 on one named row: the number must be that row's 得分 (printed decimals); when it is
    /// not, contradicted — also when it equals the row's 分值 or 扣分. Null when the words are no row score.
    /// </summary>
    public static CheckedMention? RowScore(FactSheet sheet, Mention m, PrintedNumber number, string before, IReadOnlyList<int> named,
        Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        if (m.Unit.Base != "分" || named.Count != 1 || !RowScoreWords().IsMatch(before) || NotRowScore().IsMatch(before))
        {
            return null;
        }

        int row = named[0];
        // A row measured in 分 (满意度调查得分92分) states its 完成值 so; a number over the 分值 is left to the over-cap check.
        if (sheet.Find($"indicators[{row}].score") is not { } score || sheet.Find($"indicators[{row}].actual") is { Unit: "分" }
            || sheet.Find($"indicators[{row}].weight") is { } cap && number.Value > cap.Value)
        {
            return null;
        }

        if (matches(m, number, score.Value))
        {
            return new CheckedMention(m, Verdict.Verified, score.Id, null);
        }

        string name = sheet.Evaluation.Indicators[row].Name.Trim();
        string what = sheet.Find($"indicators[{row}].weight") is { } w && matches(m, number, w.Value) ? $"（{PrintedNumber.Format(number.Value, number.Decimals)}分是分值）"
            : sheet.Find($"indicators[{row}].lost") is { } l && matches(m, number, l.Value) ? $"（{PrintedNumber.Format(number.Value, number.Decimals)}分是扣分）" : string.Empty;
        return new CheckedMention(m, Verdict.Contradicted, score.Id, $"“{name}”的得分为{score.Text}{what}");
    }

    /// <summary>
    /// 中央资金执行率90.00%，得分9.00分 (probe 33 #6): a score given to a part of the funds (a line with a parent). The parts carry
    /// no score of their own — only the total line's 资金得分 counts in the 总分 — so the score is contradicted with that note
    /// (citing the total line's score when the table has one), never matched to another row's figure that happens to equal it.
    /// A score equal to the total line's own is left to the ordinary checks (the sentence may state the fund score after a part's
    /// rate). <paramref name="line"/> is the fund line the sentence names nearest before the number (−1 when none).
    /// </summary>
    public static CheckedMention? PartScore(FactSheet sheet, Mention m, PrintedNumber number, string before, IReadOnlyList<int> named, int line,
        Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        var lines = sheet.Evaluation.Funds.Lines;
        if (m.Unit.Base != "分" || named.Count > 0 || line < 0 || line >= lines.Count || lines[line].Parent is null || !PartScoreWords().IsMatch(before)
            || NotPartScore().IsMatch(before))
        {
            return null;
        }

        int root = 0;
        while (root < lines.Count && lines[root].Parent is not null)
        {
            root++;
        }

        Fact? total = root < lines.Count ? sheet.Find($"funds.lines[{root}].score") : null;
        if (total is not null && matches(m, number, total.Value))
        {
            return null;
        }

        string note = $"资金来源各部分不单独计分，“{lines[line].Name.Trim()}”没有得分"
            + (total is null ? "" : $"；只有{lines[root].Name.Trim()}的资金得分计入总分，为{total.Text}");
        return new CheckedMention(m, Verdict.Contradicted, total?.Id, note);
    }

    /// <summary>
    /// 其中上年结转资金执行156万元 (chat probe 33 #7): a sentence that names one fund line and the column (预算/执行) of a sum is
    /// checked against that line's own figure first, so a difference or sum of other figures that happens to equal the number
    /// (696 − 540) does not make it right; derived only when it involves the named line. <paramref name="lineColumn"/> is the
    /// column the words name once the line's name is set aside.
    /// </summary>
    public static bool NamedLineMissed(FactSheet sheet, CheckedMention derived, string? lineColumn, IReadOnlyList<int> clauseLines)
    {
        if (derived.Verdict != Verdict.Derived || lineColumn is null || clauseLines.Count != 1 || derived.FactId is not { } id
            || sheet.Find($"funds.lines[{clauseLines[0]}].{lineColumn}") is null)
        {
            return false;
        }

        return !id.Contains($"funds.lines[{clauseLines[0]}].", StringComparison.Ordinal);
    }

    /// <summary>
    /// 超出控制目标0.3个百分点 on a row in ‰, 较目标提高0.3个千分点 on a row in % (chat probe 33 #15): a gap in the other kind of
    /// points than the row's own is contradicted with a note naming the right kind (and the row's gap). Null when no named row's
    /// gap is in the other kind.
    /// </summary>
    public static CheckedMention? PointsSlip(FactSheet sheet, Mention m, IReadOnlyList<int> named)
    {
        string other = m.Unit.Base switch { "个百分点" => "个千分点", "个千分点" => "个百分点", _ => string.Empty };
        if (other.Length == 0)
        {
            return null;
        }

        foreach (int i in named)
        {
            if (sheet.Find($"indicators[{i}].gap") is { } gap && (gap.Unit == other || (other == "个千分点" && gap.Unit == "‰")))
            {
                string name = sheet.Evaluation.Indicators[i].Name.Trim();
                string right = other == "个千分点" ? "千分点" : "百分点", wrong = other == "个千分点" ? "百分点" : "千分点";
                return new CheckedMention(m, Verdict.Contradicted, gap.Id,
                    $"“{name}”以{(other == "个千分点" ? "‰" : "%")}计，完成值与指标值相差{gap.Text}：差距应以{right}表示，不是{wrong}");
            }
        }

        return null;
    }

    /// <summary>
    /// 比目标少6000人: after 比目标（指标值、计划）少/多/低/高 the number is the difference, so a hit on the row's own
    /// 指标值 or 完成值 is no verification: contradicted, naming the row's gap. Null when the words or the hit are other.
    /// </summary>
    public static CheckedMention? GapNotInput(FactSheet sheet, CheckedMention hit, string before)
    {
        if (hit.FactId is not { } id || !(id.EndsWith(".target", StringComparison.Ordinal) || id.EndsWith(".actual", StringComparison.Ordinal))
            || !id.StartsWith("indicators[", StringComparison.Ordinal) || !ThanTarget().IsMatch(before))
        {
            return null;
        }

        string row = id[..id.LastIndexOf('.')];
        Fact? gap = sheet.Find(row + ".gap") ?? sheet.Find(row + ".shortfall") ?? sheet.Find(row + ".excess");
        return gap is null ? null : new CheckedMention(hit.Mention, Verdict.Contradicted, gap.Id, $"{gap.Label}为{gap.Text}（{hit.Mention.Text.Trim()}是{(id.EndsWith(".target", StringComparison.Ordinal) ? "指标值" : "完成值")}）");
    }

    // 得分9分 / 执行率得分8分 / 中央资金得分9分 / 该部分资金得分为9分: a score with nothing but the part (or its rate) before it.
    [GeneratedRegex(@"^[^，,；;。]*?(?:资金|拨款|资金执行率|执行率)?(?:指标)?(?:得分|得了?|计)(?:为|是)?\s*$")]
    private static partial Regex PartScoreWords();

    [GeneratedRegex(@"总|自评|综合|指标|分值|满分|扣|权重|合计|年度资金")]
    private static partial Regex NotPartScore();

    [GeneratedRegex(@"(?:为|是|达到?|仅为?|只有|约为?)\s*$")]
    private static partial Regex LinkWords();

    [GeneratedRegex(@"[（(][^（）()]*[）)]\s*$")]
    private static partial Regex UnitBracket();

    [GeneratedRegex(@"(?:得分|得了?|计)(?:为|是)?\s*$")]
    private static partial Regex RowScoreWords();

    /// <summary>A total's or a fund line's score, or 扣分/分值 words, is no row's 得分.</summary>
    [GeneratedRegex(@"(?:总|综合|自评|合计|资金|执行率|扣|分值|满分|应)(?:得分|得)[为是]?\s*$|获得\s*$|取得\s*$")]
    private static partial Regex NotRowScore();

    [GeneratedRegex(@"比(?:年度)?(?:目标|指标值|计划|预期)(?:值|任务|数)?(?:少|多|低|高|减少|增加)了?\s*$")]
    private static partial Regex ThanTarget();
}
