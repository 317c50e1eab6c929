using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 41 (probe 40 §3): staff name a row the way they speak of it — 辅助器具适配435人 and 为残疾人适配辅助器具453人 for
/// 残疾人辅助器具适配人数, 培训残疾人321人 for 残疾人职业技能培训人数, 全年免费开放博物馆、纪念馆4个 for 博物馆、纪念馆免费开放数量 — and
/// carry it into the next clause without a subject (惠及居民2214户，较目标少368户; 已完成10个，剩余3个). A count the verifier left
/// out of scope (its clause's own subject) or unverified is asked again against the one row its clause plainly names:
/// <list type="bullet">
/// <item>its clause's words before it (the number the clause's first; four characters or more, without the opening time and
/// verb words, a leading 为/向/对/给) are all characters of one row's name, of the rows with a 指标值 or 完成值 in its unit;</item>
/// <item>or its clause is a bare comparison or remainder (较目标少, 比计划多, 低于目标, 剩余, 尚有) and the nearest number before it in
/// the sentence was bound to a row (verified or contradicted against that row's fact) with figures in its unit.</item>
/// </list>
/// The number is then checked as if its clause named that row; only a verdict on the row (verified, derived, contradicted) is
/// kept. Money, rates, points and multiples are left to their own rules. Shared by the verifier and the reference.
/// </summary>
internal static partial class ShortNames
{
    /// <summary>The note of a number whose clause speaks of a subject the table does not name.</summary>
    public const string OwnSubjectNote = "句中所说的对象不是表中的指标或资金";

    /// <summary>A number out of scope because its clause speaks of a subject of its own, marked so for <see cref="Plain"/> (session 42: by its reason, not its note's words).</summary>
    public static CheckedMention OwnSubject(Mention m) => new(m, Verdict.OutOfScope, null, OwnSubjectNote) { Reason = MentionReason.OwnSubject };

    /// <summary>Where the i-th mention stands: its clause's words before and after it, and its sentence's start.</summary>
    public readonly record struct Place(string Before, string After, int SentenceStart);

    /// <summary>
    /// Asks again each count left out of scope or unverified whose clause plainly names one row (see the class), through
    /// <paramref name="recheck"/> (the mention's index, the row, whether the clause names it itself): the answer replaces the verdict when it is one on the row.
    /// </summary>
    public static void Plain(FactSheet sheet, List<CheckedMention> mentions, Func<int, Place> place, Func<int, int, bool, CheckedMention> recheck)
    {
        for (int k = 0; k < mentions.Count; k++)
        {
            CheckedMention c = mentions[k];
            if (!(c.Verdict == Verdict.Unverified || c.Verdict == Verdict.OutOfScope && c.Reason == MentionReason.OwnSubject) || !IsCount(c.Mention))
            {
                continue;
            }

            Place at = place(k);
            int? named = PlainRow(sheet, c.Mention, at.Before, at.After);
            if ((named ?? CarriedRow(sheet, mentions, k, at)) is not { } row)
            {
                continue;
            }

            CheckedMention again = recheck(k, row, named is not null);
            if (again.Verdict is Verdict.Verified or Verdict.Derived or Verdict.Contradicted && again.FactId is { } id && id.StartsWith($"indicators[{row}].", StringComparison.Ordinal))
            {
                mentions[k] = again;
            }
        }
    }

    /// <summary>A count: a number with a unit that is no money, rate, points, multiple or time.</summary>
    private static bool IsCount(Mention m) =>
        m.Number is not null && m.Unit.Base.Length > 0 && m.Unit.Magnitude.Length == 0
        && !m.Unit.Base.StartsWith('元') && m.Unit.Base is not ("%" or "‰" or "个百分点" or "个千分点" or "分" or "倍" or "年" or "月" or "日" or "天" or "分钟" or "小时" or "项");

    /// <summary>The one row whose name holds every character of the clause's words before the number, of the rows with figures in its unit.</summary>
    private static int? PlainRow(FactSheet sheet, Mention m, string before, string after)
    {
        if (before.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            return null;
        }

        string words = Opening().Replace(before.Trim(), string.Empty);
        words = Closing().Replace(words, string.Empty);
        if (words.Length < 4 || words.Length > 16 || !Words().IsMatch(words))
        {
            return null;
        }

        string letters = words.Replace("、", string.Empty, StringComparison.Ordinal);
        SheetIndex index = SheetIndex.For(sheet);
        var names = sheet.Evaluation.Indicators;
        int? found = null;
        for (int i = 0; i < names.Count; i++)
        {
            if (HoldsAll(names[i].Name, letters) && OfUnit(index, i, m, after) is not null)
            {
                if (found is not null)
                {
                    return null;
                }

                found = i;
            }
        }

        return found;
    }

    /// <summary>The row of the nearest number before this one in its sentence, when its clause is a bare comparison or remainder.</summary>
    private static int? CarriedRow(FactSheet sheet, List<CheckedMention> mentions, int k, Place at)
    {
        if (!Carried().IsMatch(at.Before.Trim()))
        {
            return null;
        }

        for (int j = k - 1; j >= 0 && mentions[j].Mention.Start >= at.SentenceStart; j--)
        {
            CheckedMention p = mentions[j];
            if (p.Verdict is Verdict.Identifier)
            {
                continue;
            }

            if (p.Verdict is not (Verdict.Verified or Verdict.Derived or Verdict.Contradicted) || RowOfFact(p.FactId) is not { } row)
            {
                return null;
            }

            return OfUnit(SheetIndex.For(sheet), row, mentions[k].Mention, at.After) is not null ? row : null;
        }

        return null;
    }

    /// <summary>The row of a fact id (indicators[3].actual → 3), or null.</summary>
    private static int? RowOfFact(string? id)
    {
        const string head = "indicators[";
        if (id is null || !id.StartsWith(head, StringComparison.Ordinal))
        {
            return null;
        }

        int end = id.IndexOf(']', StringComparison.Ordinal);
        return end > head.Length && int.TryParse(id.AsSpan(head.Length, end - head.Length), out int row) ? row : null;
    }

    /// <summary>The opening words that name no row: time, a verb of reporting, a preposition of whom.</summary>
    [GeneratedRegex(@"^(?:(?:本|该)?项目(?:实施)?(?:期间|以来|后)?[，,]?)?(?:全年|年度|本年度?|当年|累计|共计|共|已|实际)*(?:完成|实现|达到)?(?:了)?(?:为|向|对|给|帮助|帮扶)?")]
    private static partial Regex Opening();

    /// <summary>The words that close a subject before its number: 共计, 合计, 达到, 为.</summary>
    [GeneratedRegex(@"(?:共计|合计|共|达到?|为|有)$")]
    private static partial Regex Closing();

    /// <summary>Chinese words only (a list's 、 kept).</summary>
    [GeneratedRegex(@"^[\u4e00-\u9fa5、]+$")]
    private static partial Regex Words();

    /// <summary>A clause with no subject of its own that compares with the target or tells what remains.</summary>
    [GeneratedRegex(@"^(?:(?:较|比|与)(?:年度|全年)?(?:目标|计划|指标值|预期)(?:任务|值|数)?(?:相比)?(?:少|多|差|低|高|减少|增加|超出|超过|落后)了?|(?:低于|超出|超过|高于|未达到?)(?:年度|全年)?(?:目标|计划|指标值)(?:任务|值|数)?了?|(?:剩余|剩下|尚余|还剩|尚有|还有|余下|未完成)的?)$")]
    private static partial Regex Carried();
}
