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
        if (AbbreviatedRow(before) is { } abbreviated)
        {
            return new Binding([abbreviated], true, true, clause.Text);
        }

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
    private CheckedMention? CountOf(Mention m, PrintedNumber number, Clause clause, string before, string after, string lead)
    {
        if (m.Unit.Base != "项" && !(m.Unit.Base == "个" && IsIndicatorTally(before, after, lead)))
        {
            return null;
        }

        if (FullMarksCount(_sheet, m, number, before, after) is { } fullMarks)
        {
            // 9项指标中6项得满分, 扣分的指标有3项 (session 42): a count of rows by their score, not of all the indicators.
            return fullMarks;
        }

        if (ConditionedCount(m, number, before, after) is { } conditioned)
        {
            return conditioned;
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
            if (q.Success && q.Groups["met"].Success && AllOfThem().IsMatch(ownAfter[..q.Index])
                && !Assistant.Domain.Verification.ClaimChecker.IsSubsetCount(clause.SentenceBefore(m.Start)))
            {
                q = Match.Empty;
                allOf = true;
            }
        }

        // 除两项指标外，其余指标均已完成: the count is of the indicators the rest of the sentence leaves out.
        string? excepted = ExceptedStatus(clause.SentenceBefore(m.Start), after, clause.Sentence[Math.Clamp(m.Start + m.Length - clause.SentenceStart, 0, clause.Sentence.Length)..]);
        string window = before + "@" + after;
        bool aboutIndicators = window.Contains("指标", StringComparison.Ordinal) || q.Success || excepted is not null;
        bool total = allOf || Totality().IsMatch(own) || Totality().IsMatch(ownAfter) || CountsWholeGroup(own);
        if (!aboutIndicators || (!q.Success && !total && excepted is null))
        {
            // A count of a group the words name in a way this check does not know (扣分的, 超得较多的,
            // 数量指标) is left to the ordinary matching: contradicted needs evidence of the group.
            return null;
        }

        return CountOfGroup(m, number, clause, q, excepted, lead);
    }

    /// <summary>
    /// A count in 个 that counts indicators: 12个指标, 三级指标18个, or 完成16个 / 未完成2个 in a sentence that has
    /// already counted its indicators in 个 (the segment before the number holds only a status word).
    /// </summary>
    public static bool IsIndicatorTally(string before, string after, string sentenceBefore)
    {
        if (IndicatorsAfter().IsMatch(after) || CountsWholeGroup(before))
        {
            return true;
        }

        // 完成16个, 其中未完成的有2个, 其中8个已完成: a status word before the number, or after it with nothing before but 其中.
        string own = before[(before.LastIndexOfAny(SegmentEnds) + 1)..];
        return (StatusOnly().IsMatch(own) || (FillerOnly().IsMatch(own) && StatusFirst().IsMatch(after))) && TallyInCount().IsMatch(sentenceBefore);
    }

    /// <summary>
    /// 除两项指标外，其余指标均已完成 / 除3项外均达到目标: the status of the indicators a 除…外 count leaves out — short
    /// when the rest is said to be met, met when the rest is said to fall short (null when the words are no such exception).
    /// </summary>
    public static string? ExceptedStatus(string sentenceBefore, string after, string sentenceAfter)
    {
        if (!ExceptOpen().IsMatch(sentenceBefore) || !ExceptClose().IsMatch(after))
        {
            return null;
        }

        Match rest = CountQualifier().Match(sentenceAfter);
        return !rest.Success ? null : rest.Groups["met"].Success ? "short" : rest.Groups["short"].Success ? "met" : null;
    }

    /// <summary>
    /// 产出指标5项, 三级指标共18个: the words before a count name a group of indicators and nothing else, so it counts them all —
    /// not a part the words single out (扣分的绩效指标有3项, 满分的指标有…), which is left to the ordinary matching.
    /// </summary>
    public static bool CountsWholeGroup(string own) => AllOfGroup().IsMatch(own) && !SingledOut().IsMatch(own);

    [GeneratedRegex(@"的|扣分|失分|满分|偏离|偏差")]
    private static partial Regex SingledOut();

    [GeneratedRegex(@"除(?:了)?[^，,。；;]*$")]
    private static partial Regex ExceptOpen();

    [GeneratedRegex(@"^\s*(?:绩效|三级|考核)?(?:指标)?\s*(?:以外|之外|外)")]
    private static partial Regex ExceptClose();

    // 产出指标5项, 三级指标共18个, 绩效指标总数为12项: a count right after a group of indicators counts the whole group.
    [GeneratedRegex(@"指标\s*(?:共|总数|个数|数量|数)?\s*(?:为|有|是|计)?\s*$")]
    private static partial Regex AllOfGroup();

    // 完成, 已完成, 其中未完成, 部分完成: a list segment holding only a status word before its count.
    [GeneratedRegex(@"^\s*(?:其中|另有|有|共|均|全部|已经|已|基本|部分|尚|仍|还)*\s*(?:未完成|未达到|未达标|没有完成|未能完成|完成|达到|达标|实现|超额完成)(?:了|的)?(?:有|为|共|计)?\s*$")]
    private static partial Regex StatusOnly();

    [GeneratedRegex(@"^\s*(?:绩效|三级|二级|一级|考核)?指标")]
    private static partial Regex IndicatorsAfter();

    // 7个指标中有3个未完成 (session 36): the group the sentence counted, then 中, is filler before the count too.
    [GeneratedRegex(@"^\s*(?:[^，,。；;]*指标\s*中)?\s*(?:其中|另有|有|共|均|尚|仍|还)*\s*$")]
    private static partial Regex FillerOnly();

    [GeneratedRegex(@"^\s*(?:指标)?\s*(?:均|已经|已|全部|基本|部分|尚|仍|还)*\s*(?:未完成|未达到|未达标|没有完成|未能完成|完成|达到|达标|实现|超额完成)")]
    private static partial Regex StatusFirst();

    // 三级指标18个, 共12个绩效指标: the sentence has counted its indicators in 个.
    [GeneratedRegex(@"指标\s*(?:共|总数|个数|数量|数)?\s*(?:为|有|是|计)?\s*[\d一二两三四五六七八九十]+\s*个|[\d一二两三四五六七八九十]+\s*个\s*(?:三级|绩效|考核)?指标")]
    private static partial Regex TallyInCount();

    // Apart from CountOf, so the closures below are made only for a count of indicators, not for every number.
    private CheckedMention CountOfGroup(Mention m, PrintedNumber number, Clause clause, Match q, string? excepted, string lead)
    {
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
        return CountAgrees(number.Value, expected, weaker, clause.Sentence)
            ? new CheckedMention(m, Verdict.Verified, id, null)
            : new CheckedMention(m, Verdict.Contradicted, id, status == "all" ? $"{group ?? "绩效指标"}共有{expected}项" : $"{what}指标有{expected}项");
    }

    /// <summary>
    /// Counted rows are exact integers (probe 33 #2, chat #8): 未完成 counts every row graded short — a qualitative row whose
    /// result is weaker than its target too, even at full marks — and 完成 every row met or exceeded. Only a sentence that counts
    /// the weaker qualitative rows apart (实际效果弱于指标值的1项, as the drafted report does) may leave them out of its
    /// 完成/未完成 counts (<paramref name="weakerApart"/> of the counted status).
    /// </summary>
    public static bool CountAgrees(decimal value, int expected, int weakerApart, string sentence) =>
        value == expected || (weakerApart > 0 && value == expected - weakerApart && WeakerCountedApart().IsMatch(sentence));

    [GeneratedRegex(@"弱于(?:年度)?(?:指标值|目标|预期|指标)")]
    private static partial Regex WeakerCountedApart();

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

    // 10项指标中5项 / 10项指标中有5项 / 10项指标中仅2项: the 中 opens the next count.
    [GeneratedRegex(@"中(?=\s*(?:有|共有|仅有|只有|仅|只|其中)?\s*[\d一二两三四五六七八九十])")]
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

    [GeneratedRegex(@"(?:(?<short>未完成|未达到|未达成|未达标|没有完成|没有达到|未能完成|未实现|偏差|部分完成|基本完成|未全部完成|未完全完成|未完全达到)|(?<exceeded>超额完成|超过目标|超出目标)|(?<met>已完成|完成(?![值率情量数])|达到|达标|实现))")]
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

        // A unit no indicator's facts fit (人次 on a table of 人 and 个): no name can be picked, none need be read.
        if (!AnyFits(m, fits))
        {
            return named;
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

        // One name named (the usual case): the few names nesting with it, each looked up in the scored list
        // (ascending by name), not every scored name read (on a table whose names share a head, all of them).
        if (named.Count == 1)
        {
            return AlsoNesting(scored, best, named[0], _index.NestListOf(named[0]));
        }

        foreach ((int index, int score) in scored)
        {
            if (score * 10 < best * 6 || IndexOf(named, index) >= 0)
            {
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

    /// <summary>
    /// The names of <paramref name="nesting"/> (those nesting with <paramref name="named"/>, ascending) other than it that
    /// the scored list (ascending by name) holds within 60 % of the best run, ascending; null when none.
    /// </summary>
    internal static List<int>? AlsoNesting(ReadOnlySpan<(int Index, int Score)> scored, int best, int named, int[] nesting)
    {
        List<int>? also = null;
        foreach (int index in nesting)
        {
            if (index != named && ScoreOf(scored, index) is int score && score * 10 >= best * 6)
            {
                (also ??= []).Add(index);
            }
        }

        return also;
    }

    /// <summary>The run of <paramref name="index"/> in a scored list ascending by name, or null when it is not there.</summary>
    internal static int? ScoreOf(ReadOnlySpan<(int Index, int Score)> scored, int index)
    {
        int lo = 0, hi = scored.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            (lo, hi) = scored[mid].Index < index ? (mid + 1, hi) : (lo, mid);
        }

        return lo < scored.Length && scored[lo].Index == index ? scored[lo].Score : null;
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

    /// <summary>Whether any indicator has a fact of the number's kind of unit (remembered per unit).</summary>
    private bool AnyFits(Mention m, sbyte[] row)
    {
        if (!_anyFits.TryGetValue(m.Unit.Base, out bool any))
        {
            for (int i = 0; i < row.Length && !any; i++)
            {
                any = FitsUnit(m, row, i);
            }

            _anyFits[m.Unit.Base] = any;
        }

        return any;
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
        mention.Base.Length > 0 && (mention.Base == fact.Base || (mention.Base is "%" or "个百分点" && fact.Base is "%" or "个百分点")
            || (mention.Base is "‰" or "个千分点" && fact.Base is "‰" or "个千分点")
            || Assistant.Domain.Cells.CellUnits.SameUnit(mention.Base, fact.Base) // 1/10万 and 例/10万人 are one rate (session 36)
            || SamePersons(mention.Base, fact.Base));
}
