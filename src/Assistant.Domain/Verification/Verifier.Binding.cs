using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>How a number is tied to the indicators its sentence names, and how a count of indicators is read.</summary>
public sealed partial class Verifier
{
    /// <summary>
    /// The indicators a number speaks of: those its own clause names; in a list ("A、B、C分别完成…的x%、y%、z%")
    /// the one at its place in the list; otherwise, when its clause has no subject of its own
    /// (实际完成…, 低于目标任务…), those of the nearest clause before it in the sentence that names one,
    /// and for a cell alone on its line, those the row's label names.
    /// </summary>
    private Binding Bind(Mention m, int index, VerificationContext ctx)
    {
        Clause clause = ctx.Clauses[index];

        if (Respectively(m, clause, ctx) is { } listed)
        {
            return listed;
        }

        if (ListItem(m, clause, ctx) is { } item)
        {
            return item;
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

            if (ctx.ClauseHasOwnSubject(k))
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

    /// <summary>
    /// 新建高标准农田3.2万亩、配套高效节水灌溉0.8万亩: in a list of items joined by 、/和/及, each number goes with
    /// the indicator its own item names (the words since the previous number), not the clause's best name.
    /// </summary>
    private Binding? ListItem(Mention m, Clause clause, VerificationContext ctx)
    {
        int previous = -1, next = -1;
        IReadOnlyList<Mention> mentions = ctx.Mentions;
        int lo = 0, hi = mentions.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            (lo, hi) = mentions[mid].Start < clause.Start ? (mid + 1, hi) : (lo, mid);
        }

        for (int k = lo; k < mentions.Count; k++)
        {
            Mention x = mentions[k];
            if (x.Start >= clause.End)
            {
                break;
            }

            if (x.Start < clause.Start || x.IsIdentifier || (x.Start != m.Start && IsLabelNumber(k, ctx)))
            {
                continue;
            }

            if (x.Start + x.Length <= m.Start)
            {
                previous = x.Start + x.Length;
            }
            else if (x.Start > m.Start && next < 0)
            {
                next = x.Start;
            }
        }

        string normalized = ctx.Normalized;
        bool first = previous < 0 && next >= 0 && ListJoint().IsMatch(normalized.AsSpan(m.Start + m.Length, Math.Min(3, clause.End - m.Start - m.Length)));
        if (!first && (previous < 0 || !ListJoint().IsMatch(normalized.AsSpan(previous, Math.Min(3, m.Start - previous)))))
        {
            return null;
        }

        string segment = normalized[(first ? clause.Start : previous)..m.Start];
        IReadOnlyList<int> named = NamedFor(m, segment);
        return named.Count > 0 ? new Binding(named, true, true, segment) : null;
    }

    /// <summary>"A、B、C分别完成目标任务的x%、y%、z%": the k-th number goes with the k-th indicator named before 分别.</summary>
    private Binding? Respectively(Mention m, Clause clause, VerificationContext ctx)
    {
        int at = clause.Sentence.IndexOf("分别", StringComparison.Ordinal);
        if (at < 0 || clause.SentenceStart + at > m.Start)
        {
            return null;
        }

        return RespectivelyAt(m, clause, ctx, at);
    }

    // Apart from Respectively, so the closures below are made only for a sentence holding 分别, not for every number.
    private Binding? RespectivelyAt(Mention m, Clause clause, VerificationContext ctx, int at)
    {
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
    private CheckedMention? CountOf(Mention m, PrintedNumber number, Clause clause, string before, string after)
    {
        if (m.Unit.Base != "项" && !(m.Unit.Base == "个" && after.TrimStart().StartsWith("指标", StringComparison.Ordinal)))
        {
            return null;
        }

        // The qualifier that says which group is the one in the number's own list segment: in
        // “其中未完成3项、超额完成1项” the 3 is 未完成's and the 1 is 超额完成's.
        string own = before[(before.LastIndexOfAny(SegmentEnds) + 1)..];
        string ownAfter = OwnSegmentAfter(after);
        Match q = LastMatch(CountQualifier(), own);
        bool allOf = false;
        if (!q.Success)
        {
            q = CountQualifier().Match(ownAfter);
            // 设置的绩效指标8项全部完成: the 8 counts the indicators; whether all were completed is the claim's to check
            // (one false claim is one error, not also a wrong count).
            if (q.Success && q.Groups["met"].Success && AllOfThem().IsMatch(ownAfter[..q.Index]))
            {
                q = Match.Empty;
                allOf = true;
            }
        }

        string window = before + "@" + after;
        bool aboutIndicators = window.Contains("指标", StringComparison.Ordinal) || q.Success;
        bool total = allOf || Totality().IsMatch(own) || Totality().IsMatch(ownAfter);
        if (!aboutIndicators || (!q.Success && !total))
        {
            // A count of a group the words name in a way this check does not know (扣分的, 超得较多的,
            // 数量指标) is left to the ordinary matching: contradicted needs evidence of the group.
            return null;
        }

        return CountOfGroup(m, number, clause, q);
    }

    // Apart from CountOf, so the closures below are made only for a count of indicators, not for every number.
    private CheckedMention CountOfGroup(Mention m, PrintedNumber number, Clause clause, Match q)
    {
        var indicators = _sheet.Evaluation.Indicators;
        string lead = clause.SentenceBefore(m.Start);
        string? group = null;
        int nearest = -1;
        foreach (string level in indicators.SelectMany(i => new[] { i.Level1, i.Level2 }).OfType<string>().Distinct().OrderBy(l => l, StringComparer.Ordinal))
        {
            string core = level.Replace("指标", string.Empty, StringComparison.Ordinal);
            int where = core.Length >= 2 ? lead.LastIndexOf(core + "指标", StringComparison.Ordinal) : -1;
            if (where > nearest)
            {
                nearest = where;
                group = level;
            }
        }

        var members = Enumerable.Range(0, indicators.Count)
            .Where(i => group is null || indicators[i].Level1 == group || indicators[i].Level2 == group).ToList();
        string status = q.Success ? (q.Groups["short"].Success ? "short" : q.Groups["exceeded"].Success ? "exceeded" : "met") : "all";
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
        // A count that leaves out qualitative rows weaker than their target yet at full marks is right too: 完成值达到
        // 指标值的7项 where 8 are graded met (one graded 达成 outright), 未达到指标值的1项 where 2 are short (one only weaker).
        int weaker = status is "met" or "short"
            ? members.Count(i => FactSheet.IsWeakerMet(_sheet.Report.Indicators[i]) && (_sheet.Report.Indicators[i].Status == IndicatorStatus.Short) == (status == "short"))
            : 0;
        return number.Value == expected || (weaker > 0 && number.Value == expected - weaker)
            ? new CheckedMention(m, Verdict.Verified, id, null)
            : new CheckedMention(m, Verdict.Contradicted, id, status == "all" ? $"{group ?? "绩效指标"}共有{expected}项" : $"{what}指标有{expected}项");
    }

    /// <summary>
    /// The words after a count up to its list segment's end — and, in 8项绩效指标中7项完成, up to the 中 that opens the next
    /// count (完成 is the 7's; the 8 counts all the indicators).
    /// </summary>
    internal static string OwnSegmentAfter(string after)
    {
        int next = after.IndexOfAny(SegmentEnds);
        string own = next < 0 ? after : after[..next];
        Match inner = InnerCount().Match(own);
        return inner.Success ? own[..(inner.Index + 1)] : own;
    }

    [GeneratedRegex(@"中(?=\s*[\d一二两三四五六七八九十])")]
    private static partial Regex InnerCount();

    private static readonly char[] SegmentEnds = ['、', '，', ',', '；', ';', '：', ':', '。', '（', '('];

    private static Match LastMatch(Regex regex, string text)
    {
        MatchCollection all = regex.Matches(text);
        return all.Count > 0 ? all[^1] : Match.Empty;
    }

    [GeneratedRegex(@"^\s*(?:、|和|及|与|以及)")]
    private static partial Regex ListJoint();

    [GeneratedRegex(@"^\s*(?:(?:绩效)?指标)?\s*(?:全部|全都|均|都|全|皆)\s*(?:已经?)?\s*$")]
    private static partial Regex AllOfThem();

    [GeneratedRegex(@"共|全部|总共|合计|总计|一共|累计|设置|设定|设立|指标中\s*$")]
    private static partial Regex Totality();

    [GeneratedRegex(@"(?:(?<short>未完成|未达到|未达成|未达标|没有完成|没有达到|未能完成|未实现|偏差)|(?<exceeded>超额完成|超过目标|超出目标)|(?<met>已完成|完成(?![值率情量数])|达到|达标|实现))")]
    private static partial Regex CountQualifier();

    /// <summary>
    /// The indicators a text names for this number: 享受职业技能培训补贴20.72万人 names both 享受职业技能补贴人次数
    /// and 职业技能培训补贴人均标准, and the unit decides.
    /// </summary>
    private IReadOnlyList<int> NamedFor(Mention m, string text)
    {
        IReadOnlyList<int> named = _names.Named(text);
        if (named.Count == 0 || m.Unit.Base.Length == 0)
        {
            return named;
        }

        // Depends only on the text and the unit: remembered for the text's other numbers.
        if (!_namedFor.TryGetValue((text, m.Unit.Base), out IReadOnlyList<int>? forUnit))
        {
            _namedFor[(text, m.Unit.Base)] = forUnit = NamedForUnit(m, text, named);
        }

        return forUnit;
    }

    private IReadOnlyList<int> NamedForUnit(Mention m, string text, IReadOnlyList<int> named)
    {
        sbyte[] fits = FitsRow(m.Unit.Base);
        for (int k = 0; k < named.Count; k++)
        {
            if (FitsUnit(m, fits, named[k]))
            {
                return named;
            }
        }

        // The best-ranked name within 60 % of the best run whose facts fit the number's unit.
        ReadOnlySpan<(int Index, int Score)> scored = _names.Scored(text, out int best);
        (int Index, int Score) pick = (-1, 0);
        foreach ((int Index, int Score) s in scored)
        {
            if (s.Score * 10 >= best * 6 && FitsUnit(m, fits, s.Index) && (pick.Index < 0 || _names.RanksBefore(s, pick)))
            {
                pick = s;
            }
        }

        return pick.Index >= 0 ? [pick.Index] : named;
    }

    /// <summary>
    /// The other indicators a clause also names whose names nest with one of the named ones (招募人员体检 /
    /// 每年招募人员体检人数), among those named within 60 % of the best run.
    /// </summary>
    private List<int>? AlsoNamed(IReadOnlyList<int> named, string namedIn, string unit)
    {
        // The named list is what NamedFor gave for this text and unit (the same instance): remembered with it.
        if (_alsoNamed.TryGetValue((namedIn, unit), out var known) && ReferenceEquals(known.Named, named))
        {
            return known.Also;
        }

        List<int>? also = AlsoNamedIn(named, namedIn);
        _alsoNamed[(namedIn, unit)] = (named, also);
        return also;
    }

    private List<int>? AlsoNamedIn(IReadOnlyList<int> named, string namedIn)
    {
        ReadOnlySpan<(int Index, int Score)> scored = _names.Scored(namedIn, out int best);
        List<int>? also = null;

        // One name named (the usual case): its row of nesting names read directly.
        bool[]? only = named.Count == 1 ? _index.NestRowOf(named[0]) : null;
        foreach ((int index, int score) in scored)
        {
            if (score * 10 < best * 6 || IndexOf(named, index) >= 0)
            {
                continue;
            }

            if (only is not null)
            {
                if (only[index])
                {
                    (also ??= []).Add(index);
                }

                continue;
            }

            for (int n = 0; n < named.Count; n++)
            {
                if (_index.NamesNest(named[n], index))
                {
                    (also ??= []).Add(index);
                    break;
                }
            }
        }

        return also;
    }

    /// <summary>Whether an indicator has a fact of the number's kind of unit (remembered per unit and indicator).</summary>
    private sbyte[] FitsRow(string unit)
    {
        if (!_fits.TryGetValue(unit, out sbyte[]? row))
        {
            _fits[unit] = row = new sbyte[_sheet.Report.Indicators.Count];
        }

        return row;
    }

    private bool FitsUnit(Mention m, sbyte[] row, int indicator)
    {
        if (row[indicator] == 0)
        {
            row[indicator] = ComputeFitsUnit(m, indicator) ? (sbyte)1 : (sbyte)-1;
        }

        return row[indicator] > 0;
    }

    private bool ComputeFitsUnit(Mention m, int indicator)
    {
        if (m.Unit.Base.Length == 0 || (m.Unit.Base == "%" && _sheet.Report.Indicators[indicator].Status is IndicatorStatus.Met or IndicatorStatus.Exceeded or IndicatorStatus.Short))
        {
            return true;
        }

        foreach (Candidate c in _index.OfIndicator(indicator))
        {
            if (SameKind(m.Unit, c.Unit) || c.Unit.Base.StartsWith(m.Unit.Base, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two units that say the same kind of number (万人 and 人; not 人 and 人次, nor % and 个).</summary>
    private static bool SameKind(UnitSpec mention, UnitSpec fact) =>
        mention.Base.Length > 0 && (mention.Base == fact.Base || (mention.Base is "%" or "个百分点" && fact.Base is "%" or "个百分点"));
}
