using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>
/// Checks every number and directional claim of a text against an evaluation's facts: unit changes
/// (万人 ↔ 人, 亿元 ↔ 万元), rounding (a mention with fewer decimals matches the fact it rounds),
/// values consistent only through the rounding of printed inputs, and sums, gaps and ratios of two
/// facts. A number in a clause that names an indicator must belong to that indicator (or to the
/// funds and totals), so another indicator's number is not "verified" by coincidence.
/// </summary>
public sealed partial class Verifier
{
    private readonly FactSheet _sheet;
    private readonly SheetIndex _index;
    private readonly Candidate[] _candidates;
    private readonly IndicatorNames _names;
    private readonly IndicatorNames _fundNames;

    // The characters below 64 some row's 偏差原因 holds (session 44: ReasonsMayQuote), read on the first number that asks.
    private ulong? _reasonMask;
    private readonly Dictionary<string, sbyte[]> _fits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _anyFits = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<(string Text, int Kind)> _opening;

    /// <summary>What the table names (<see cref="SubjectScopes.OwnOf"/>).</summary>
    private readonly string _own;

    // Per text (cleared by Verify): what a clause names for a number of a unit, and what else it names.
    private readonly Dictionary<(string Text, string Unit), IReadOnlyList<int>> _namedFor = [];
    private readonly Dictionary<(string Text, string Unit), (IReadOnlyList<int> Named, List<int>? Also)> _alsoNamed = [];

    /// <summary>A verifier for one fact sheet; what it needs of the sheet is prepared once per sheet and shared.</summary>
    public Verifier(FactSheet sheet)
    {
        _sheet = sheet ?? throw new ArgumentNullException(nameof(sheet));
        _index = SheetIndex.For(sheet);
        _candidates = _index.Candidates;
        _names = new IndicatorNames(_index.Names);
        _fundNames = new IndicatorNames(_index.FundNames);
        _title = ProgrammeTitle.Name(sheet.Evaluation.Title);
        _lineNames = [.. sheet.Evaluation.Funds.Lines.Select(l => l.Name)];
        _opening = OpeningWords.Names(sheet.Evaluation);
        _own = SubjectScopes.OwnOf(sheet.Evaluation);
    }

    /// <summary>The units whose fit with the rows a verifier remembers across texts before it forgets them all (the answers are the same).</summary>
    internal const int MaxRememberedUnits = 256;

    /// <summary>How many units' fit with the rows this verifier remembers now.</summary>
    internal int RememberedUnits => _fits.Count;

    public static VerificationReport Verify(FactSheet sheet, string text) => new Verifier(sheet).Verify(text);

    public VerificationReport Verify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _names.Forget();
        _fundNames.Forget();
        _namedFor.Clear();
        _alsoNamed.Clear();
        if (_fits.Count > MaxRememberedUnits)
        {
            // A verifier kept for many texts (POST /verify's prepared verifiers): what it remembers per unit stays bounded.
            _fits.Clear();
            _anyFits.Clear();
        }

        try
        {
            // ９８％、２０２４年: digits as typed are read as the ASCII ones everywhere (the rules compare texts and cells), and the
            // report quotes the text as typed.
            string folded = MatchedNumber.Ascii(text);
            VerificationReport report = Check(folded);
            return ReferenceEquals(folded, text) ? report : AsTyped(report, text);
        }
        finally
        {
            _names.Release();
            _fundNames.Release();
        }
    }

    private VerificationReport Check(string text)
    {
        string read = TextNormalizer.Normalize(text);
        var extracted = UnitsInText.Mend(PointsWithoutGe.Mend(MentionExtractor.Extract(text, read), read), text, read);
        // 2024年度洋县乡村振兴局…全年预算数: the words naming the table itself are no subject of the clause's own (session 38).
        string normalized = OpeningWords.Blanked(read, _opening);
        var clauses = Clause.Split(normalized);
        var scopes = new SubjectScopes(normalized, _own);
        var context = new VerificationContext(normalized, clauses, scopes, extracted);
        var checkedMentions = new List<CheckedMention>(extracted.Count);
        for (int k = 0; k < extracted.Count; k++)
        {
            checkedMentions.Add(InRange(Check(extracted[k], k, context), context));
        }

        // Session 41: a count whose clause names its row the way staff write (辅助器具适配, 较目标少…) is asked again against it.
        PlainRows(checkedMentions, extracted, context);

        var mentions = PrintedQuotes(StatedTotals(SameNameElsewhere(checkedMentions, normalized), normalized, _sheet), normalized, _sheet);
        var claims = new ClaimChecker(_sheet, _names, context).Check(text);
        var summary = new VerificationSummary(
            mentions.Count,
            mentions.Count(m => m.Verdict is Verdict.Verified or Verdict.Derived),
            mentions.Count(m => m.Verdict == Verdict.Derived),
            mentions.Count(m => m.Verdict == Verdict.Identifier),
            mentions.Count(m => m.Verdict == Verdict.Unverified),
            mentions.Count(m => m.Verdict == Verdict.Contradicted),
            claims.Count,
            claims.Count(c => c.Verdict == Verdict.Contradicted))
        {
            OutOfScope = mentions.Count(m => m.Verdict == Verdict.OutOfScope),
            ClaimsOutOfScope = claims.Count(c => c.Verdict == Verdict.OutOfScope),
        };
        return new VerificationReport(mentions, claims, summary) { Sheet = _sheet };
    }

    private CheckedMention Check(Mention m, int k, VerificationContext ctx, Binding? bound = null)
    {
        if (m.IsIdentifier || m.Number is not { } number || IsLabelNumber(k, ctx))
        {
            return new CheckedMention(m, Verdict.Identifier, null, null);
        }

        // The clause holding the number, found once for the checks below.
        int at = Clause.IndexAt(ctx.Clauses, m.Start);
        if (ctx.ForeignAt(m.Start, at) is { } foreign)
        {
            return new CheckedMention(m, Verdict.OutOfScope, null, $"说的是{foreign}，不在本表范围内");
        }

        Clause clause = ctx.Clauses[at];
        Binding binding = bound ?? Bind(m, at, ctx);
        IReadOnlyList<int> named = binding.Named;
        string before = clause.Before(m.Start);
        string after = clause.After(m.Start + m.Length);

        if (m.Unit.Base is "项" or "个" && ListCount(m, number, before) is { } listed)
        {
            return listed;
        }

        if (CountOf(m, number, clause, before, after, CarriedSubject(ctx.Normalized, clause.SentenceStart, clause.SentenceBefore(m.Start))) is { } counted)
        {
            return counted;
        }

        if (IsPriorYearChange(before))
        {
            return new CheckedMention(m, Verdict.OutOfScope, null, "是与上年（同期）的比较，表中没有上年的数字");
        }

        // 需达到149.40万元才能使执行率达到90% / 如果执行率达到95%: a threshold in a condition, not a rate claimed for the table.
        if (m.Unit.Base == "%" && IsConditionThreshold(before))
        {
            return new CheckedMention(m, Verdict.OutOfScope, null, "是条件中要达到的目标值，不是表中已有的数字");
        }

        // 执行率低于90%: the policy's threshold for explaining a low execution (session 35).
        if (ExecutionThreshold(_sheet, m, number, before) is { } threshold)
        {
            return threshold;
        }

        bool fundWords = FundWords().IsMatch(clause.Text);
        IReadOnlyList<int> fundLines = fundWords ? LinesNamed(clause.SentenceBefore(m.Start)) : [];
        IReadOnlyList<int> clauseLines = fundWords ? LinesNamed(clause.Before(m.Start)) : [];
        // 中央衔接资金是州市级预算的9.04倍: a ratio in 倍 of two fund figures, or of a row's 完成值 and 指标值 (session 36).
        if (m.Unit.Base == "倍" && Multiples.Check(_sheet, m, number, before, named, LinesNamed, Matches) is { } multiple)
        {
            return multiple;
        }

        // 扣1.60分: a deduction of the named row, the fund line or the 总分 (session 35).
        if (m.Unit.Base == "分" && Deductions.Check(_sheet, m, number, before, clause.SentenceBefore(m.Start), named, Matches) is { } deduction)
        {
            return deduction;
        }

        if (m.Unit.Base == "分" && named.Count == 0 && StatedRoles.PartScore(_sheet, m, number, before, named, PartLine(clause, m, clauseLines), Matches) is { } partScore)
        {
            return partScore;
        }

        if (ScoreOf(m, number, before, named, fundWords, fundLines) is { } totalScore)
        {
            return totalScore;
        }

        if (ShareOf(m, number, clause, before) is { } share)
        {
            return share;
        }

        if (m.Unit.Base == "分" && StatedRoles.RowScore(_sheet, m, number, before, named, Matches) is { } rowScore)
        {
            return rowScore;
        }

        // A rate named by its keyword (完成率…, 执行率…) must be that rate, not any number that happens to match;
        // a 结余 must be what is left of a budget, not any difference of two numbers.
        Role role = RoleOf(before, after, m.Unit.Base is "%" or "‰");
        role = role == Role.Balance && IsRowRemainder(m.Unit) ? Role.Gap : role;
        // 重点项目完成率75%: the 完成率 ends the row's own name; 75% is its 完成值.
        role = role == Role.Completion && StatedRoles.RateInName(_sheet, named, before) ? Role.None : role;
        bool anyRole = role is Role.None or Role.Gap;
        var inScope = new Scope(ScopeKind.Named, named, fundWords, role, m);

        // 120万元/公里 is a price per unit, no sum of a fund line (session 37).
        bool money = (m.Unit.Base.StartsWith('元') && !UnitsInText.IsOwnUnit(m.Unit.Base)) || m.Unit.Base.Length == 0 && m.Unit.Magnitude.Length > 0;
        string? column = money && named.Count == 0 ? MoneyColumn(before) : null;
        // 中央财政资金预算300万元: an amount right after a fund line's name is that line's (its column's), not an equal figure of another line.
        if (money && named.Count == 0 && LinesSum(m, number, before, clauseLines.Count > 1 ? clauseLines : fundLines) is { } sum)
        {
            return sum;
        }

        if (money && named.Count == 0 && NamedLineAmount(m, number, clause, before, clauseLines, column) is { } lineAmount)
        {
            return lineAmount;
        }

        if (Direct(m, number, inScope) is { } hit && !OtherLine(hit, role, clauseLines, fundLines, before))
        {
            return (role == Role.Gap ? StatedRoles.GapNotInput(_sheet, hit, before) : null) ?? SwappedColumn(hit, LineColumn(column, before, clauseLines)) ?? TargetAsActual(hit, number, before, after, binding, clause) ?? CompletionAsActual(hit, number, before) ?? LimitKept(hit, before, after, clause) ?? (role == Role.Completion ? OverTheLimit(_sheet, hit) : null) ?? Directed(hit, before, after);
        }

        // For a rate, its own operands: actual ÷ target of the named indicator, executed ÷ budget of a fund line.
        Scope derivedScope = !anyRole
            ? new Scope(ScopeKind.Operands, named, fundWords, role, m)
            : named.Count == 0 ? new Scope(ScopeKind.All, named, fundWords, role, m) : inScope;

        if (Derived(m, number, derivedScope, role, DerivationAsked(before)) is { } derived && !OtherLine(derived, role, clauseLines, fundLines, before)
            && !StatedRoles.NamedLineMissed(_sheet, derived, LineColumn(column, before, clauseLines), clauseLines))
        {
            return Directed(derived, before, after);
        }

        // A reverse row's 完成率 by the customary ratio 指标值 ÷ 完成值 (50‰ ÷ 55‰ = 90.91%, below 100% as the row fell short).
        if (role == Role.Completion && named.Count > 0 && ReverseCompletion(named, m, number) is { } reverse)
        {
            return reverse;
        }

        // A 完成率 of 100 % for a met indicator: the completion capped at its target.
        if (role == Role.Completion && number.Value == 100m && named.Count > 0
            && named.All(i => _sheet.Report.Indicators[i].Status is IndicatorStatus.Met or IndicatorStatus.Exceeded))
        {
            return new CheckedMention(m, Verdict.Verified, $"indicators[{named[0]}].status", "指标已完成，完成率按100%封顶");
        }

        // Another indicator the clause also names (names sharing a prefix: 招募人员体检 / 每年招募人员体检人数).
        if (named.Count > 0 && binding.NamedIn is { } namedIn && AlsoNamed(named, namedIn, m.Unit.Base) is { Count: > 0 } alsoNamed
            && Direct(m, number, new Scope(ScopeKind.Also, alsoNamed, fundWords, role, m)) is { } sibling)
        {
            return sibling;
        }

        // A figure of several years (2023—2025年累计…, 截至2024年底累计…) that no fact supports: the annual table does not hold it (session 41).
        if (MultiYear.Check(m, clause.SentenceBefore(m.Start)) is { } years)
        {
            return years;
        }

        bool part = !money && !FundWords().IsMatch(clause.Sentence) && PartWords().IsMatch(clause.SentenceBefore(m.Start));
        if (part)
        {
            // 其中…: a part of what the sentence reports; the table has no number for the part.
            return new CheckedMention(m, Verdict.OutOfScope, null, "是“其中”的一部分，表中没有该部分的数字");
        }

        if (named.Count == 0 && binding.OwnSubject && !(fundWords || (money && FundWords().IsMatch(clause.Sentence))) && role is Role.None or Role.Gap or Role.Completion)
        {
            // The clause speaks of its own subject, which is no indicator of the table (a population, another programme).
            return (role == Role.Completion ? ShortNames.Completion(_sheet, m, number, clause.SentenceBefore(m.Start), Matches) : role == Role.None ? ShortNames.Reordered(_sheet, m, number, clause.SentenceBefore(m.Start), after, named, Matches) : null) ?? ShortNames.OwnSubject(m);
        }

        if (named.Count == 0 && (role == Role.Execution || role == Role.Balance && money && IsBalanceOf(before, fundLines)))
        {
            // Contradicted only against the fund line the sentence names (or the total when it names none).
            // The line its own clause names (县级资金执行率102% after 省级资金…), else the sentence's, else the total.
            int line = clauseLines.Count > 0 ? clauseLines[0] : fundLines.Count > 0 ? NearestLine(fundLines, clause.SentenceBefore(m.Start)) : TotalLine();
            Candidate? rate = null;
            foreach (Candidate c in _index.FundCandidates)
            {
                if (Plays(c, role) && c.Fact.FundLineIndex == line)
                {
                    rate = c;
                    break;
                }
            }

            if (rate is not null)
            {
                return new CheckedMention(m, Verdict.Contradicted, rate.Fact.Id, $"{rate.Fact.Label}为{rate.Fact.Text}");
            }
        }

        if (column is not null && !IsStatedTotal(before) && !VerificationContext.HasOwnSubject(SubjectWithoutColumn(WithoutLineName(ProgrammeTitle.Without(before, _title, _lineNames), fundLines))) && FundFact(fundLines.Count > 0 ? fundLines[0] : TotalLine(), column) is { } own)
        {
            // 全年预算5.86亿元, 全年执行5625600元: a sum the words call a fund line's 预算 or 执行 that is neither.
            return new CheckedMention(m, Verdict.Contradicted, own.Fact.Id, $"{own.Fact.Label}为{own.Fact.Text}");
        }

        if (named.Count > 0 && StatedRoles.PointsSlip(_sheet, m, named) is { } points)
        {
            return points;
        }

        if (named.Count > 0 && m.Unit.Base.Length > 0)
        {
            // The clause is about an indicator: a number of the same kind that is not its own is a contradiction,
            // cited against the row the sentence names (its 指标值 or 完成值 when the words say which).
            // A gap in 个百分点/个千分点 is cited as the row's own gap (actual − target, probe 33 #8), the figure this verifier verifies,
            // not the completion's distance from 100 % that may lie nearer.
            string? hint = TargetWords().IsMatch(before) ? "target" : ActualWords().IsMatch(before) ? "actual" : m.Unit.Base is "个百分点" or "个千分点" ? "gap" : null;
            Candidate? closest = Closest(m, number, named, new Scope(ScopeKind.SameKind, named, fundWords, role, m), hint);
            if (closest is not null)
            {
                int row = closest.Fact.IndicatorIndex!.Value;
                Fact? other = binding.Explicit && role == Role.None
                    && Direct(m, number, new Scope(ScopeKind.Other, named, fundWords, role, m)) is { FactId: { } oid }
                    ? _index.Find(oid) : null;
                string also = other?.IndicatorIndex is { } oi ? $"（该数字与“{_sheet.Evaluation.Indicators[oi].Name}”的数据相同）" : string.Empty;
                return GapNote(_sheet, row, m, before) is { } gap ? new CheckedMention(m, Verdict.Contradicted, gap.Id, gap.Note + also) : new CheckedMention(m, Verdict.Contradicted, closest.Fact.Id, RowFactNote(_sheet, closest.Fact, row) + also);
            }
        }

        if (named.Count > 0 && m.Unit.Base.Length > 0)
        {
            // 生均维修成本1500万元 on a row in 元/人 at 1500: the row's digits with another unit of its family.
            if (UnitSlipOf(_index, m.Unit, number, named) is { } c)
            {
                int row = c.Fact.IndicatorIndex!.Value;
                string rowName = _sheet.Evaluation.Indicators[row].Name;
                return new CheckedMention(m, Verdict.Contradicted, c.Fact.Id, UnitSlip.Note(rowName, c.Fact.Label.Replace(rowName, string.Empty, StringComparison.Ordinal), c.Fact.Text, m.Unit));
            }
        }

        return (ReasonsMayQuote(_reasonMask ??= ReasonMask(_index.Reasons), m, ctx.Normalized) ? QuotedFromReason(m, ctx.Normalized, _sheet.Evaluation, _index.Reasons) : null)
            ?? ShortNames.Reordered(_sheet, m, number, clause.SentenceBefore(m.Start), after, named, Matches)
            ?? new CheckedMention(m, Verdict.Unverified, null, UnitsInText.IsOwnUnit(m.Unit.Base) ? UnitsInText.NoFactOfUnit(m.Unit) : "表中没有可支持该数字的数据，也无法由表中数据推算");
    }

    /// <summary>
    /// The named indicators' fact nearest the number among those <paramref name="eligible"/> allows: of the
    /// column <paramref name="hint"/> names if it has one, else of any; the earliest in the sheet's order on a tie.
    /// </summary>
    private Candidate? Closest(Mention m, PrintedNumber number, IReadOnlyList<int> named, in Scope eligible, string? hint)
    {
        var own = new List<Candidate>();
        for (int k = 0; k < named.Count; k++)
        {
            if (IndexOf(named, named[k]) < k)
            {
                continue;
            }

            foreach (Candidate c in _index.OfIndicator(named[k]))
            {
                if (eligible.Allows(c))
                {
                    own.Add(c);
                }
            }
        }

        if (own.Count == 0)
        {
            return null;
        }

        own.Sort((a, b) => a.Position.CompareTo(b.Position));
        Candidate? closest = null;
        decimal nearest = 0m;
        foreach (bool hinted in (bool[])[hint is not null, false])
        {
            foreach (Candidate c in own)
            {
                if (hinted && c.Measure != hint)
                {
                    continue;
                }

                decimal distance = Distance(m, number, c);
                if (closest is null || distance < nearest)
                {
                    (closest, nearest) = (c, distance);
                }
            }

            if (closest is not null)
            {
                return closest;
            }
        }

        return null;
    }

    /// <summary>
    /// The first fact in the sheet's order (<see cref="Candidate.Position"/>) of a named row's 指标值 or 完成值
    /// whose digits the number states in another unit of its family (<see cref="UnitSlip.Is"/>), or null. Only the
    /// named rows' facts are read, each row's in the sheet's order, so a row's first slip is its earliest; not every
    /// fact of the sheet (session 33: that walk, an interface call per fact, was a fifth of a call on 100 indicators).
    /// </summary>
    internal static Candidate? UnitSlipOf(SheetIndex index, UnitSpec unit, PrintedNumber number, IReadOnlyList<int> named)
    {
        Candidate? first = null;
        for (int k = 0; k < named.Count; k++)
        {
            foreach (Candidate c in index.OfIndicator(named[k]))
            {
                if (first is not null && c.Position >= first.Position)
                {
                    break;
                }

                if (c.Measure is "target" or "actual" && UnitSlip.Is(unit, number, c.Unit, c.Fact.Value))
                {
                    first = c;
                    break;
                }
            }
        }

        return first;
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (int k = 0; k < list.Count; k++)
        {
            if (list[k] == value)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>A direction word before a gap (低于…, 多…, 超出…) must agree with the sign of actual − target.</summary>
    private CheckedMention Directed(CheckedMention hit, string before, string after)
    {
        Match d = DirectionWords().Match(before);
        if (!d.Success || FollowsTarget().IsMatch(after) || hit.FactId is null)
        {
            return hit;
        }

        string firstId = hit.FactId.Split(' ')[0];
        Fact? fact = _index.Find(firstId) ?? CandidateFact(firstId);
        if (fact?.IndicatorIndex is not { } i || !(IsGapFact(Candidate.MeasureOf(fact)) || hit.Verdict == Verdict.Derived))
        {
            return hit;
        }

        IndicatorResult r = _sheet.Report.Indicators[i];
        if (r.Target is not QuantityCell t || r.Actual is not QuantityCell a)
        {
            return hit;
        }

        // By the completion where there is one: 19800万元 against 2亿元 is below, whatever the printed numbers (session 37).
        int sign = r.Completion is { } completion ? Math.Sign(completion - 1m) : Math.Sign(a.Number.Value - t.Number.Value);
        bool saysHigher = d.Groups["hi"].Success;
        if (sign == 0 || (sign > 0) == saysHigher)
        {
            return hit;
        }

        return hit with
        {
            Verdict = Verdict.Contradicted,
            Note = $"“{r.Name}”完成值{UnitSpec.Write(a.Number.ToString(), a.EffectiveUnit.Text)}{(sign > 0 ? "高于" : "低于")}指标值{UnitSpec.Write(t.Number.ToString(), t.EffectiveUnit.Text)}，不是{(saysHigher ? "高于" : "低于")}",
        };
    }

    private Fact? CandidateFact(string id)
    {
        foreach (Candidate c in _candidates)
        {
            if (c.Fact.Id == id)
            {
                return c.Fact;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?m)^[ \t]*(?:#{1,6}[ \t]*)?[^\n。，,；\d]{2,40}(?:资金|经费|项目)[ \t]*$")]
    private static partial Regex ProgrammeHeading();

    // 2型, 65岁及以上老年人, 3周岁以下婴幼儿, 12345热线, 5G: the number is part of a term.
    [GeneratedRegex(@"^(?:型(?!号)|周?岁(?:及|或)?以[上下](?:的)?[\u4e00-\u9fa5]|\s*(?:服务|政务|便民|投诉)?热线|G(?![A-Za-z]))")]
    private static partial Regex TermAfter();

    [GeneratedRegex(@"^周?岁")]
    private static partial Regex AgeAfter();

    // 0-6岁: the upper end of an age range.
    [GeneratedRegex(@"\d\s*[-－~～至到]\s*$")]
    private static partial Regex RangeBefore();

    [GeneratedRegex(@"其中")]
    private static partial Regex PartWords();

    [GeneratedRegex(@"(?:指标值|目标值|目标任务|年度目标|计划|预期目标)\s*(?:为|是|设定为|设置为)?\s*$")]
    private static partial Regex TargetWords();

    [GeneratedRegex(@"(?:实际完成|完成值|实际|实现|达到|达)\s*(?:了|为|是)?\s*$")]
    private static partial Regex ActualWords();

    [GeneratedRegex(@"(?:目标|附表|附件|表|批次|第|序号|编号|标准|级)\s*$")]
    private static partial Regex LabelWords();

    [GeneratedRegex(@"结余|结转")]
    private static partial Regex BalanceLineName();

    [GeneratedRegex(@"结余|剩余|未支出|未执行|未使用")]
    private static partial Regex LeftWords();

    [GeneratedRegex(@"资金|预算|执行|结余|拨款|支出")]
    private static partial Regex FundWords();
}
