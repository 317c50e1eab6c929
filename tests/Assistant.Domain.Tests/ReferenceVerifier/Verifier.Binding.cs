// Frozen copy of src/Assistant.Domain/Verification/Verifier.Binding.cs before issue 21 (the reference the golden and property tests compare against).
using Assistant.Domain.Verification;
using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests.ReferenceVerifier;

/// <summary>How a number is tied to the indicators its sentence names, and how a count of indicators is read.</summary>
public sealed partial class Verifier
{
    /// <summary>
    /// The indicators a number speaks of: those its own clause names; in a list ("A、B、C分别完成…的x%、y%、z%")
    /// the one at its place in the list; otherwise, when its clause has no subject of its own
    /// (实际完成…, 低于目标任务…), those of the nearest clause before it in the sentence that names one,
    /// and for a cell alone on its line, those the row's label names.
    /// </summary>
    private Binding Bind(Mention m, VerificationContext ctx)
    {
        int index = Clause.IndexAt(ctx.Clauses, m.Start);
        Clause clause = ctx.Clauses[index];

        if (Respectively(m, clause, ctx) is { } listed)
        {
            return listed;
        }

        // 新建高标准农田3.2万亩、配套高效节水灌溉0.8万亩: a list item's number goes with the name its own item holds
        // (the words since the previous number in the clause, or from the clause's start for the first item).
        var inClause = ctx.Mentions.Where(x => x.Start >= clause.Start && x.Start < clause.End && !x.IsIdentifier && (x.Start == m.Start || !IsLabelNumber(x, ctx))).ToList();
        Mention? prev = inClause.LastOrDefault(x => x.Start + x.Length <= m.Start);
        bool hasNext = inClause.Any(x => x.Start > m.Start);
        string joint = @"^\s*(?:、|和|及|与|以及)";
        int? segmentStart = prev is not null
            ? (Regex.IsMatch(ctx.Normalized.Substring(prev.Start + prev.Length, Math.Min(3, m.Start - prev.Start - prev.Length)), joint) ? prev.Start + prev.Length : null)
            : hasNext && Regex.IsMatch(ctx.Normalized.Substring(m.Start + m.Length, Math.Min(3, clause.End - m.Start - m.Length)), joint) ? clause.Start : null;
        if (segmentStart is { } from && NamedFor(m, ctx.Normalized[from..m.Start]) is { Count: > 0 } item)
        {
            return new Binding(item, true, true, ctx.Normalized[from..m.Start]);
        }

        IReadOnlyList<int> own = NamedFor(m, clause.Text);
        if (own.Count > 0)
        {
            return new Binding(own, true, true, clause.Text);
        }

        string before = clause.Before(m.Start);
        if (VerificationContext.HasOwnSubject(before))
        {
            return new Binding([], false, true);
        }

        for (int k = index - 1; k >= 0 && ctx.Clauses[k].SentenceStart == clause.SentenceStart; k--)
        {
            Clause previous = ctx.Clauses[k];
            IReadOnlyList<int> named = NamedFor(m, previous.Text);
            if (named.Count > 0)
            {
                return new Binding(named, false, false, previous.Text);
            }

            if (VerificationContext.HasOwnSubject(previous.Text))
            {
                // The sentence's subject is one the table does not name.
                return new Binding([], false, true);
            }
        }

        // A table cell alone on its line: the row's label is on one of the lines just above.
        if (clause.Sentence.Trim() == m.Text.Trim())
        {
            int k = index - 1;
            for (int lines = 0; k >= 0 && lines < 4; k--, lines++)
            {
                string t = ctx.Clauses[k].Sentence.Trim();
                if (t.Length == 0 || ctx.Mentions.Any(x => x.Text.Trim() == t))
                {
                    continue;
                }

                IReadOnlyList<int> row = _names.Named(t);
                return row.Count > 0 ? new Binding(row, false, false) : new Binding([], false, false);
            }
        }

        return new Binding([], false, false);
    }

    /// <summary>"A、B、C分别完成目标任务的x%、y%、z%": the k-th number goes with the k-th indicator named before 分别.</summary>
    private Binding? Respectively(Mention m, Clause clause, VerificationContext ctx)
    {
        int at = clause.Sentence.IndexOf("分别", StringComparison.Ordinal);
        if (at < 0 || clause.SentenceStart + at > m.Start)
        {
            return null;
        }

        int from = clause.SentenceStart + at;
        int to = clause.SentenceStart + clause.Sentence.Length;
        var listed = ctx.Mentions.Where(x => x.Start > from && x.Start < to && !x.IsIdentifier && x.Unit.Base == m.Unit.Base).ToList();
        int k = listed.FindIndex(x => x.Start == m.Start);

        // The names are before 分别; the numbers between them separate the items (城镇新增就业40.55万人，失业人员再就业11.91万人…).
        char[] head = clause.Sentence[..at].ToCharArray();
        foreach (Mention x in ctx.Mentions.Where(x => x.Start >= clause.SentenceStart && x.Start + x.Length <= from))
        {
            for (int p = x.Start; p < x.Start + x.Length; p++)
            {
                head[p - clause.SentenceStart] = '、';
            }
        }

        IReadOnlyList<int> names = _names.NamedInOrder(new string(head), out int items);
        if (k < 0 || names.Count < 2)
        {
            return null;
        }

        return names.Count == listed.Count && items == names.Count
            ? new Binding([names[k]], true, true)
            : new Binding([], false, false);
    }

    /// <summary>
    /// A count of indicators (两项未达到, 3项超额完成, 产出指标共8项) is checked against the group and status
    /// its words name, not against any status group of that size.
    /// </summary>
    private CheckedMention? CountOf(Mention m, PrintedNumber number, Clause clause, string before, string after, string lead)
    {
        if (m.Unit.Base != "项" && !(m.Unit.Base == "个" && Assistant.Domain.Verification.Verifier.IsIndicatorTally(before, after, lead)))
        {
            return null;
        }

        if (Assistant.Domain.Verification.Verifier.FullMarksCount(_sheet, m, number, before, after) is { } fullMarks)
        {
            // 9项指标中6项得满分, 扣分的指标有3项 (session 42): a count of rows by their score, not of all the indicators.
            return fullMarks;
        }

        // The qualifier that says which group is the one in the number's own list segment: in
        // “其中未完成3项、超额完成1项” the 3 is 未完成's and the 1 is 超额完成's.
        string own = before[(before.LastIndexOfAny(SegmentEnds) + 1)..];
        string ownAfter = Assistant.Domain.Verification.Verifier.OwnSegmentAfter(after);
        Match q = LastMatch(CountQualifier(), own);
        bool allOf = false;
        if (!q.Success)
        {
            q = CountQualifier().Match(ownAfter);
            // 设置的绩效指标8项全部完成: the 8 counts the indicators; whether all were completed is the claim's to check
            // (one false claim is one error, not also a wrong count).
            if (q.Success && q.Groups["met"].Success && Regex.IsMatch(ownAfter[..q.Index], @"^\s*(?:(?:绩效)?指标)?\s*(?:全部|全都|均|都|全|皆)\s*(?:已经?)?\s*$")
                && !Assistant.Domain.Verification.ClaimChecker.IsSubsetCount(clause.SentenceBefore(m.Start)))
            {
                q = Match.Empty;
                allOf = true;
            }
        }

        // Session 32: 除两项指标外，其余指标均已完成 counts what the rest leaves out; 产出指标5项 counts the whole group.
        string? excepted = Assistant.Domain.Verification.Verifier.ExceptedStatus(clause.SentenceBefore(m.Start), after, clause.Sentence[Math.Clamp(m.Start + m.Length - clause.SentenceStart, 0, clause.Sentence.Length)..]);
        string window = before + "@" + after;
        bool aboutIndicators = window.Contains("指标", StringComparison.Ordinal) || q.Success || excepted is not null;
        bool total = allOf || Totality().IsMatch(own) || Totality().IsMatch(ownAfter) || Assistant.Domain.Verification.Verifier.CountsWholeGroup(own);
        if (!aboutIndicators || (!q.Success && !total && excepted is null))
        {
            // A count of a group the words name in a way this check does not know (扣分的, 超得较多的,
            // 数量指标) is left to the ordinary matching: contradicted needs evidence of the group.
            return null;
        }

        var indicators = _sheet.Evaluation.Indicators;
        string? group = null;
        int nearest = -1;
        int longest = 0;
        foreach (string level in indicators.SelectMany(i => new[] { i.Level1, i.Level2 }).OfType<string>().Distinct().OrderBy(l => l, StringComparer.Ordinal))
        {
            // The level named last, by where its name ends; of names ending together (经济效益指标 holds 效益指标), the longer.
            string core = level.Replace("指标", string.Empty, StringComparison.Ordinal);
            int where = core.Length >= 2 ? lead.LastIndexOf(core + "指标", StringComparison.Ordinal) : -1;
            int end = where < 0 ? -1 : where + core.Length;
            if (end > nearest || (end == nearest && end >= 0 && core.Length > longest))
            {
                (nearest, longest) = (end, core.Length);
                group = level;
            }
        }

        var members = Enumerable.Range(0, indicators.Count)
            .Where(i => group is null || indicators[i].Level1 == group || indicators[i].Level2 == group).ToList();
        string status = excepted ?? (q.Success ? (q.Groups["short"].Success ? "short" : q.Groups["exceeded"].Success ? "exceeded" : "met") : "all");
        int expected = members.Count(i => status switch
        {
            "short" => _sheet.Report.Indicators[i].Status == IndicatorStatus.Short,
            "exceeded" => _sheet.Report.Indicators[i].Status == IndicatorStatus.Exceeded,
            "met" => _sheet.Report.Indicators[i].Status is IndicatorStatus.Met or IndicatorStatus.Exceeded,
            _ => true,
        });
        string what = (group ?? "全部指标") + status switch
        {
            "short" => "中未完成的",
            "exceeded" => "中超额完成的",
            "met" => "中已完成（含超额）的",
            _ => "共",
        };
        string id = group is null ? $"count.{(status == "all" ? "indicators" : status)}" : $"count[{group}].{status}";
        int weaker = status is "met" or "short"
            ? members.Count(i => FactSheet.IsWeakerMet(_sheet.Report.Indicators[i]) && (_sheet.Report.Indicators[i].Status == IndicatorStatus.Short) == (status == "short"))
            : 0;
        // Session 34 (probe 33 #2): counts are exact; weaker rows may be left out only where the sentence counts them apart.
        return Assistant.Domain.Verification.Verifier.CountAgrees(number.Value, expected, weaker, clause.Sentence)
            ? new CheckedMention(m, Verdict.Verified, id, null)
            : new CheckedMention(m, Verdict.Contradicted, id, status == "all" ? $"{group ?? "绩效指标"}共有{expected}项" : $"{what}指标有{expected}项");
    }

    private static readonly char[] SegmentEnds = ['、', '，', ',', '；', ';', '：', ':', '。', '（', '('];

    private static Match LastMatch(Regex regex, string text)
    {
        MatchCollection all = regex.Matches(text);
        return all.Count > 0 ? all[^1] : Match.Empty;
    }

    [GeneratedRegex(@"共|全部|总共|合计|总计|一共|累计|设置|设定|设立|指标中\s*$")]
    private static partial Regex Totality();

    [GeneratedRegex(@"(?:(?<short>未完成|未达到|未达成|未达标|没有完成|没有达到|未能完成|未实现|偏差|部分完成|基本完成|未全部完成|未完全完成|未完全达到)|(?<exceeded>超额完成|超过目标|超出目标)|(?<met>已完成|完成(?![值率情量数])|达到|达标|实现))")]
    private static partial Regex CountQualifier();

    /// <summary>
    /// The indicators a text names for this number: 享受职业技能培训补贴20.72万人 names both 享受职业技能补贴人次数
    /// and 职业技能培训补贴人均标准, and the unit decides.
    /// </summary>
    private IReadOnlyList<int> NamedFor(Mention m, string text)
    {
        IReadOnlyList<int> named = _names.Named(text);
        if (named.Count > 0 && !named.Any(i => FitsUnit(m, i)))
        {
            var ranked = _names.Ranked(text);
            int best = ranked[0].Score;
            foreach ((int index, int score) in ranked)
            {
                if (score * 10 >= best * 6 && FitsUnit(m, index))
                {
                    return [index];
                }
            }
        }

        return named;
    }

    private bool FitsUnit(Mention m, int indicator) =>
        m.Unit.Base.Length == 0 || (m.Unit.Base == "%" && _sheet.Report.Indicators[indicator].Status is IndicatorStatus.Met or IndicatorStatus.Exceeded or IndicatorStatus.Short) || _candidates.Any(c => c.Fact.IndicatorIndex == indicator
            && (SameKind(m.Unit, c.Unit) || c.Unit.Base.StartsWith(m.Unit.Base, StringComparison.Ordinal)));

    /// <summary>Two units that say the same kind of number (万人 and 人; not 人 and 人次, nor % and 个).</summary>
    private static bool SameKind(UnitSpec mention, UnitSpec fact) =>
        mention.Base.Length > 0 && (mention.Base == fact.Base || (mention.Base is "%" or "个百分点" && fact.Base is "%" or "个百分点")
            || (mention.Base is "‰" or "个千分点" && fact.Base is "‰" or "个千分点")
            || Assistant.Domain.Cells.CellUnits.SameUnit(mention.Base, fact.Base) // 1/10万 and 例/10万人 are one rate (session 36)
            || Assistant.Domain.Verification.Verifier.SamePersons(mention.Base, fact.Base)); // session 38
}
