// Frozen copy of src/Assistant.Domain/Verification/Verifier.cs before issue 21 (the reference the golden and property tests compare against);
// session 28's rules on the words that bind a number are restated in Verifier.Words.cs and hooked in here.
using Assistant.Domain.Verification;
using System.Text.RegularExpressions;
using Assistant.Domain.Cells;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests.ReferenceVerifier;

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
    private readonly List<Candidate> _candidates;
    private readonly IndicatorNames _names;
    private readonly IndicatorNames _fundNames;
    private readonly IReadOnlyList<string> _fundCores;
    private Assistant.Domain.Verification.Verifier? _product;

    public Verifier(FactSheet sheet)
    {
        _sheet = sheet ?? throw new ArgumentNullException(nameof(sheet));
        _candidates = sheet.Facts.Where(f => !Deductions.IsFundLost(f))
            .Concat(TextNumberFacts(sheet))
            .Select(f => new Candidate(f, UnitSpec.Parse(RowUnit(sheet, f))))
            .ToList();
        _names = new IndicatorNames(sheet.Evaluation.Indicators.Select(i => i.Name).ToList());
        _fundCores = FundNameCores.Shorten(sheet.Evaluation.Funds.Lines, sheet.Evaluation.Funds.Lines.Select(l => FundCore(l.Name)).ToList());
        _fundNames = new IndicatorNames(_fundCores);
    }

    public static VerificationReport Verify(FactSheet sheet, string text) => new Verifier(sheet).Verify(text);

    public VerificationReport Verify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string read = TextNormalizer.Normalize(text);
        var extracted = UnitsInText.Mend(PointsWithoutGe.Mend(MentionExtractor.Extract(text), read), text, read);
        // Session 38: the opening words naming the table itself are no subject of the clause's own.
        string normalized = OpeningWords.Blanked(read, OpeningWords.Names(_sheet.Evaluation));
        var clauses = Clause.Split(normalized);
        var scopes = new SubjectScopes(normalized, _sheet.Evaluation);
        var context = new VerificationContext(normalized, clauses, scopes, extracted);
        var checkedMentions = extracted.Select(m => InRange(Check(m, context), context)).ToList();
        // Session 41: counts whose clause names its row the way staff write, asked again against that row.
        ShortNames.Place PlaceOf(int k)
        {
            Clause clause = Clause.At(context.Clauses, extracted[k].Start);
            return new ShortNames.Place(clause.Before(extracted[k].Start), clause.After(extracted[k].Start + extracted[k].Length), clause.SentenceStart);
        }

        ShortNames.Plain(_sheet, checkedMentions, PlaceOf, (k, row, named) => InRange(Check(extracted[k], context, new Binding([row], named, true)), context));
        RightNotes.Mend(_sheet, checkedMentions, PlaceOf);
        Assistant.Domain.Verification.Verifier.StatedBounds(_sheet, checkedMentions, PlaceOf, normalized);
        var mentions = Assistant.Domain.Verification.Verifier.StatedTotals(SameNameElsewhere(checkedMentions, normalized), normalized, _sheet);
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
        return new VerificationReport(mentions, claims, summary);
    }

    private CheckedMention Check(Mention m, VerificationContext ctx, Binding? bound = null)
    {
        if (m.IsIdentifier || m.Number is not { } number || IsLabelNumber(m, ctx))
        {
            return new CheckedMention(m, Verdict.Identifier, null, null);
        }

        if (ctx.ForeignAt(m.Start) is { } foreign)
        {
            return new CheckedMention(m, Verdict.OutOfScope, null, $"说的是{foreign}，不在本表范围内");
        }

        Clause clause = Clause.At(ctx.Clauses, m.Start);
        Binding binding = bound ?? Bind(m, ctx);
        IReadOnlyList<int> named = binding.Named;
        string before = clause.Before(m.Start);
        string after = clause.After(m.Start + m.Length);

        if (ListCount(m, number, before) is { } listed)
        {
            return listed;
        }

        if (CountOf(m, number, clause, before, after, Assistant.Domain.Verification.Verifier.CarriedSubject(ctx.Normalized, clause.SentenceStart, clause.SentenceBefore(m.Start))) is { } counted)
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
        if (Assistant.Domain.Verification.Verifier.ExecutionThreshold(_sheet, m, number, before) is { } threshold)
        {
            return threshold;
        }

        bool fundWords = FundWords().IsMatch(clause.Text);
        IReadOnlyList<int> fundLines = fundWords ? _fundNames.Named(FundCore(clause.SentenceBefore(m.Start))) : [];
        IReadOnlyList<int> clauseLines = fundWords ? _fundNames.Named(FundCore(clause.Before(m.Start))) : [];
        // Session 36 (files probe 35 #9): a ratio in 倍 of two fund figures, or of a row's 完成值 and 指标值.
        if (m.Unit.Base == "倍" && Multiples.Check(_sheet, m, number, before, named, s => _fundNames.Named(FundCore(s)), Matches) is { } multiple)
        {
            return multiple;
        }

        // Session 35 (chat probe 34 #14): 扣1.60分 is the named row's, the fund line's or the total's deduction.
        if (m.Unit.Base == "分" && Deductions.Check(_sheet, m, number, before, clause.SentenceBefore(m.Start), named, Matches) is { } deduction)
        {
            return deduction;
        }

        // Session 34 (probe 33 #6): a score given to a fund part is contradicted (the parts carry no score).
        if (m.Unit.Base == "分" && named.Count == 0)
        {
            string sentenceBefore = clause.SentenceBefore(m.Start);
            IReadOnlyList<int> partLines = clauseLines.Count > 0 ? clauseLines : FundWords().IsMatch(sentenceBefore) ? _fundNames.Named(FundCore(sentenceBefore)) : [];
            int partLine = clauseLines.Count > 0 ? clauseLines[0] : partLines.Count > 0 ? NearestLine(partLines, sentenceBefore) : -1;
            if (StatedRoles.PartScore(_sheet, m, number, before, named, partLine, Matches) is { } partScore)
            {
                return partScore;
            }
        }

        if (ScoreOf(m, number, before, named, fundWords, fundLines) is { } score)
        {
            return score;
        }

        if (m.Unit.Base == "%" && before.Contains('占', StringComparison.Ordinal)
            && FundShares.Check(_sheet, m, number, clause.SentenceBefore(m.Start), before, TotalLine(), id => _sheet.Find(id) is not null, Matches) is { } share)
        {
            return share;
        }

        // Session 39: the gap between two lines' 执行率, a rate in a list after 执行率分别为.
        if ((RateGaps.Check(_sheet, m, number, before, Matches) ?? ListedParts.Rate(_sheet, m, number, clause.SentenceBefore(m.Start), Matches)) is { } listedRate)
        {
            return listedRate;
        }

        if (m.Unit.Base == "分" && StatedRoles.RowScore(_sheet, m, number, before, named, Matches) is { } rowScore)
        {
            return rowScore;
        }

        var scope = named.Count == 0
            ? _candidates
            : _candidates.Where(c => c.Fact.IndicatorIndex is { } i
                ? named.Contains(i)
                : c.Fact.FundLineIndex is null || fundWords).ToList();

        // A rate named by its keyword (完成率…, 执行率…) must be that rate, not any number that happens to match;
        // a 结余 must be what is left of a budget, not any difference of two numbers.
        Role role = RoleOf(before, after, m.Unit.Base is "%" or "‰");
        role = role == Role.Balance && Assistant.Domain.Verification.Verifier.IsRowRemainder(m.Unit) ? Role.Gap : role;
        role = role == Role.Completion && StatedRoles.RateInName(_sheet, named, before) ? Role.None : role;
        if (role != Role.None && role != Role.Gap)
        {
            scope = scope.Where(c => Plays(c.Fact, role)).ToList();
        }

        // 120万元/公里 is a price per unit, no sum of a fund line (session 37).
        bool money = (m.Unit.Base.StartsWith('元') && !UnitsInText.IsOwnUnit(m.Unit.Base)) || m.Unit.Base.Length == 0 && m.Unit.Magnitude.Length > 0;
        string? column = money && named.Count == 0 ? MoneyColumn(before) : null;
        // Session 34 (chat probe 34 #2/#3): an amount right after a fund line's name is judged against that line's column first.
        // Session 37's sum of named fund lines (中央财政资金、其他资金合计…), restated from the product (session 41: the random texts found it missing here).
        if (money && named.Count == 0 && (_product ??= new Assistant.Domain.Verification.Verifier(_sheet)).LinesSumFor(m, number, clause.Text, before, clause.SentenceBefore(m.Start)) is { } sum)
        {
            return sum;
        }

        if (money && named.Count == 0 && NamedLineAmount(m, number, clause, before, clauseLines, column) is { } lineAmount)
        {
            return lineAmount;
        }

        if (Direct(m, number, scope) is { } hit && !OtherLine(hit, role, clauseLines, fundLines, before))
        {
            string? lineColumn = column is null || clauseLines.Count == 0 ? column
                : MoneyColumn(clauseLines.Aggregate(before, (b, l) => b.Replace(_sheet.Evaluation.Funds.Lines[l].Name, string.Empty, StringComparison.Ordinal).Replace(FundCore(_sheet.Evaluation.Funds.Lines[l].Name), string.Empty, StringComparison.Ordinal)));
            return (role == Role.Gap ? StatedRoles.GapNotInput(_sheet, hit, before) : null) ?? SwappedColumn(hit, lineColumn) ?? TargetAsActual(hit, number, before, after, binding, clause) ?? CompletionAsActual(hit, number, before) ?? LimitKept(hit, before, after, clause)
                ?? (role == Role.Completion ? Assistant.Domain.Verification.Verifier.OverTheLimit(_sheet, hit) : null) ?? Directed(hit, before, after);
        }

        var derivedScope = named.Count == 0 && role is Role.None or Role.Gap ? _candidates : scope;
        if (role is not (Role.None or Role.Gap))
        {
            // The rate's own operands: actual ÷ target of the named indicator, executed ÷ budget of a fund line.
            derivedScope = (named.Count == 0 ? _candidates : _candidates.Where(c => c.Fact.IndicatorIndex is not { } i || named.Contains(i)))
                .Where(c => IsOperandOf(c.Fact, role)).ToList();
        }

        // Session 34 (chat probe 33 #7): a sentence naming one fund line's column is checked against that line first.
        string? namedColumn = column is null || clauseLines.Count == 0 ? column
            : MoneyColumn(clauseLines.Aggregate(before, (b, l) => b.Replace(_sheet.Evaluation.Funds.Lines[l].Name, string.Empty, StringComparison.Ordinal).Replace(FundCore(_sheet.Evaluation.Funds.Lines[l].Name), string.Empty, StringComparison.Ordinal)));
        if (Derived(m, number, derivedScope, role, Assistant.Domain.Verification.Verifier.DerivationAsked(before)) is { } derived && !OtherLine(derived, role, clauseLines, fundLines, before)
            && !StatedRoles.NamedLineMissed(_sheet, derived, namedColumn, clauseLines))
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
        if (named.Count > 0 && binding.NamedIn is { } namedIn)
        {
            var ranked = _names.Ranked(namedIn);
            var names = _sheet.Evaluation.Indicators;
            var alsoNamed = ranked.Where(r => r.Score * 10 >= ranked[0].Score * 6 && !named.Contains(r.Index)
                    && named.Any(n => names[n].Name.Contains(names[r.Index].Name, StringComparison.Ordinal) || names[r.Index].Name.Contains(names[n].Name, StringComparison.Ordinal)))
                .Select(r => r.Index).ToList();
            if (alsoNamed.Count > 0
                && Direct(m, number, _candidates.Where(c => c.Fact.IndicatorIndex is { } i && alsoNamed.Contains(i) && (role is Role.None or Role.Gap || Plays(c.Fact, role))).ToList()) is { } sibling)
            {
                return sibling;
            }
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
            return (role == Role.Completion ? ShortNames.Completion(_sheet, m, number, clause.SentenceBefore(m.Start), Matches) : role == Role.None ? ShortNames.Reordered(_sheet, m, number, clause.SentenceBefore(m.Start), after, named, Matches) : null) ?? Assistant.Domain.Verification.ShortNames.OwnSubject(m);
        }

        // A 结余 (or 结转: session 40; not 上年结转, not a 滚存/累计 balance of past years) in money is what the line left of its budget this year.
        // The line's own name (上年结转) is no word about the number.
        string lineName = fundLines.Count > 0 ? _sheet.Evaluation.Funds.Lines[fundLines[0]].Name : string.Empty;
        string rest = lineName.Length > 0 ? before.Replace(lineName, string.Empty, StringComparison.Ordinal) : before;
        bool balance = role == Role.Balance && money && !CarriedOver.IsOtherYears(rest)
            && (fundLines.Count == 0 || !Regex.IsMatch(lineName, "结余|结转") || Regex.IsMatch(rest, "结余|剩余|未支出|未执行|未使用"));
        if ((role == Role.Execution || balance) && named.Count == 0)
        {
            // Contradicted only against the fund line the sentence names (or the total when it names none).
            // The line its own clause names (县级资金执行率102% after 省级资金…), else the sentence's, else the total.
            int line = clauseLines.Count > 0 ? clauseLines[0] : fundLines.Count > 0 ? NearestLine(fundLines, clause.SentenceBefore(m.Start)) : TotalLine();
            Candidate? rate = _candidates.FirstOrDefault(c => Plays(c.Fact, role) && c.Fact.FundLineIndex == line);
            if (rate is not null)
            {
                return new CheckedMention(m, Verdict.Contradicted, rate.Fact.Id, $"{rate.Fact.Label}为{rate.Fact.Text}");
            }
        }

        string lineless = fundLines.Count == 0 ? before
            : before.Replace(_sheet.Evaluation.Funds.Lines[fundLines[0]].Name, string.Empty, StringComparison.Ordinal).Replace(FundCore(_sheet.Evaluation.Funds.Lines[fundLines[0]].Name), string.Empty, StringComparison.Ordinal);
        if (column is not null && !Assistant.Domain.Verification.Verifier.IsStatedTotal(before) && !VerificationContext.HasOwnSubject(Assistant.Domain.Verification.Verifier.SubjectWithoutColumn(lineless))
            && _candidates.FirstOrDefault(c => c.Fact.FundLineIndex == (fundLines.Count > 0 ? fundLines[0] : TotalLine()) && Measure(c.Fact) == column) is { } ownColumn)
        {
            // A sum the words call a fund line's 预算 or 执行 that is neither.
            return new CheckedMention(m, Verdict.Contradicted, ownColumn.Fact.Id, $"{ownColumn.Fact.Label}为{ownColumn.Fact.Text}");
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
            var own = scope
                .Where(c => c.Fact.IndicatorIndex is { } i && named.Contains(i) && SameKind(m.Unit, c.Unit)
                    && (role is Role.None or Role.Gap || Plays(c.Fact, role)) && (role == Role.Gap || !IsGapFact(c.Fact)))
                .ToList();
            Candidate? closest = own.Where(c => hint is null || Measure(c.Fact) == hint).OrderBy(c => Distance(m, number, c)).FirstOrDefault()
                ?? own.OrderBy(c => Distance(m, number, c)).FirstOrDefault();
            if (closest is not null)
            {
                int row = closest.Fact.IndicatorIndex!.Value;
                Fact? other = binding.Explicit && role == Role.None
                    && Direct(m, number, _candidates.Where(c => c.Fact.IndicatorIndex is { } i && !named.Contains(i) && c.Unit.Base == m.Unit.Base).ToList()) is { FactId: { } oid }
                    ? _sheet.Find(oid) : null;
                string also = other?.IndicatorIndex is { } oi ? $"（该数字与“{_sheet.Evaluation.Indicators[oi].Name}”的数据相同）" : string.Empty;
                return Assistant.Domain.Verification.Verifier.GapNote(_sheet, row, m, before) is { } gap ? new CheckedMention(m, Verdict.Contradicted, gap.Id, gap.Note + also)
                    : new CheckedMention(m, Verdict.Contradicted, closest.Fact.Id, Assistant.Domain.Verification.Verifier.RowFactNote(_sheet, closest.Fact, row) + also);
            }
        }

        if (named.Count > 0 && m.Unit.Base.Length > 0)
        {
            // A unit slip on a named row: its digits with another unit of the same family (1500万元 for 1500元/人).
            Candidate? slip = _candidates.FirstOrDefault(c => c.Fact.IndicatorIndex is { } i && named.Contains(i) && Measure(c.Fact) is "target" or "actual"
                && UnitSlip.Is(m.Unit, number, c.Unit, c.Fact.Value));
            if (slip is not null)
            {
                string rowName = _sheet.Evaluation.Indicators[slip.Fact.IndicatorIndex!.Value].Name;
                return new CheckedMention(m, Verdict.Contradicted, slip.Fact.Id, UnitSlip.Note(rowName, slip.Fact.Label.Replace(rowName, string.Empty, StringComparison.Ordinal), slip.Fact.Text, m.Unit));
            }
        }

        return Assistant.Domain.Verification.Verifier.QuotedFromReason(m, ctx.Normalized, _sheet.Evaluation)
            ?? ShortNames.Reordered(_sheet, m, number, clause.SentenceBefore(m.Start), after, named, Matches)
            ?? new CheckedMention(m, Verdict.Unverified, null, UnitsInText.IsOwnUnit(m.Unit.Base) ? UnitsInText.NoFactOfUnit(m.Unit) : "表中没有可支持该数字的数据，也无法由表中数据推算");
    }

    /// <summary>
    /// A report on a fund made of several programmes lists each programme's indicators under its own
    /// heading (### …补助资金); an indicator whose name recurs under another programme's heading with other
    /// figures, while the table's figures are confirmed under the first, is that programme's row, which the
    /// table does not hold: out of scope, not contradicted.
    /// </summary>
    private static List<CheckedMention> SameNameElsewhere(List<CheckedMention> checkedMentions, string normalized)
    {
        var headings = ProgrammeHeading().Matches(normalized).Select(h => (h.Index, h.Value.Trim())).ToList();
        string? HeadingAt(int index) => headings.LastOrDefault(h => h.Index < index).Item2;
        for (int i = 0; i < checkedMentions.Count; i++)
        {
            CheckedMention c = checkedMentions[i];
            if (c.Verdict != Verdict.Contradicted || c.FactId is null || HeadingAt(c.Mention.Start) is not { } heading)
            {
                continue;
            }

            string row = c.FactId[..(c.FactId.IndexOf(']', StringComparison.Ordinal) + 1)];
            bool confirmedElsewhere = row.StartsWith("indicators[", StringComparison.Ordinal) && checkedMentions.Any(o => o.Verdict == Verdict.Verified
                && o.FactId is { } id && id.StartsWith(row + ".", StringComparison.Ordinal) && HeadingAt(o.Mention.Start) is { } h && h != heading);
            if (confirmedElsewhere)
            {
                checkedMentions[i] = c with { Verdict = Verdict.OutOfScope, Note = $"同名指标在另一标题下已与表中数字一致；此处“{heading.TrimStart('#', ' ')}”下的同名指标表中没有" };
            }
        }

        return checkedMentions;
    }

    /// <summary>目标1, 附表2, 第3批: numbers that name a thing rather than state a quantity.</summary>
    private bool IsLabelNumber(Mention m, VerificationContext ctx)
    {
        if (m.Number is not { Decimals: 0 })
        {
            return false;
        }

        // A number that is part of a term or of an indicator's name: 2型, 0-6岁, 65岁及以上老年人, 12345热线, 5G.
        string text = ctx.Normalized;
        int end = m.Start + m.Length;
        string after = text[end..Math.Min(text.Length, end + 8)];
        string lead = text[Math.Max(0, m.Start - 4)..m.Start];
        if (Regex.IsMatch(after, @"^(?:型(?!号)|周?岁(?:及|或)?以[上下](?:的)?[\u4e00-\u9fa5]|\s*(?:服务|政务|便民|投诉)?热线|G(?![A-Za-z]))")
            || (Regex.IsMatch(after, "^周?岁") && Regex.IsMatch(lead, @"\d\s*[-－~～至到]\s*$"))
            || _sheet.Evaluation.Indicators.Select(i => i.Name.Split('（', '(')[0].Trim()).Where(n => n.Length >= 4 && n.Any(char.IsAsciiDigit))
                .Any(n => Enumerable.Range(Math.Max(0, end - n.Length), Math.Max(0, m.Start - Math.Max(0, end - n.Length) + 1))
                    .Any(at => at + n.Length <= text.Length && at + n.Length >= end && string.CompareOrdinal(text, at, n, 0, n.Length) == 0))
            || BracketedTableUnit(text, m.Start, end))
        {
            return true;
        }

        if (m.Unit.Base.Length > 0 || m.Unit.Magnitude.Length > 0)
        {
            return false;
        }

        string before = ctx.Normalized[Math.Max(0, m.Start - 4)..m.Start].TrimEnd();
        return LabelWords().IsMatch(before);
    }

    /// <summary>（1/10万） after a name: brackets holding exactly a unit with a digit that a row prints (its unit, or its name's last bracket).</summary>
    private bool BracketedTableUnit(string text, int start, int end)
    {
        if (start < 1 || text[start - 1] != '(')
        {
            return false;
        }

        int close = text.IndexOf(')', end);
        if (close < end || close - start > 12)
        {
            return false;
        }

        string inside = text[start..close].Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var row in _sheet.Evaluation.Indicators)
        {
            string name = row.Name.TrimEnd();
            int open = name.LastIndexOfAny(['（', '(']);
            string? bracketed = name.Length >= 3 && name[^1] is '）' or ')' && open >= 0 ? name[(open + 1)..^1] : null;
            foreach (string? u in new[] { row.Unit, bracketed })
            {
                if (u is not null && u.Any(char.IsAsciiDigit) && TextNormalizer.Normalize(u.Trim()).Replace(" ", string.Empty, StringComparison.Ordinal) == inside)
                {
                    return true;
                }
            }
        }

        return false;
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
        Fact? fact = _sheet.Find(firstId) ?? _candidates.FirstOrDefault(c => c.Fact.Id == firstId)?.Fact;
        if (fact?.IndicatorIndex is not { } i || !(IsGapFact(fact) || hit.Verdict == Verdict.Derived))
        {
            return hit;
        }

        IndicatorResult r = _sheet.Report.Indicators[i];
        if (r.Target is not QuantityCell t || r.Actual is not QuantityCell a)
        {
            return hit;
        }

        int sign = Math.Sign(a.Number.Value - t.Number.Value);
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

    private int TotalLine()
    {
        var lines = _sheet.Evaluation.Funds.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Parent is null)
            {
                return i;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"(?:完成率|完成比例|完成进度|完成(?:了)?(?:年度)?(?:预期)?(?:目标|任务|目标任务|指标值|计划)的?)\s*(?:为|是|达到?|仅为|只有)?\s*(?:约|近|超过)?\s*$")]
    private static partial Regex CompletionWords();

    [GeneratedRegex(@"(?:预算)?执行率\s*(?:为|是|达到?|仅为|只有)?\s*(?:约|近|超过)?\s*$")]
    private static partial Regex ExecutionWords();

    [GeneratedRegex(@"(?<!上年|以前年度|往年|历年|上一年)(?:结余|结转(?:结余)?(?:至|到)?(?:下一?年度?)?|未执行|剩余|未支出|未使用)(?:资金|金额|部分)?\s*(?:为|是|达|共|约|计)?\s*$")]
    private static partial Regex BalanceWords();

    [GeneratedRegex(@"(?:比(?:年度)?(?:目标任务|目标值|指标值|目标|计划|预期))?(?:(?<lo>低于|少于|少|差|不足|下降了?|减少了?|降低了?)|(?<hi>高于|多于|多|超出|超过|超额完成|超额|增加了?|提高了?|增长了?))(?:了)?(?:年度)?(?:预期)?(?:目标任务|目标值|指标值|目标|任务|计划)?(?:了)?\s*$|比(?:年度)?(?:控制)?(?:目标任务|目标值|指标值|目标|计划|预期|标准|上限|限值)值?(?:(?<lo>低)|(?<hi>高))(?:出|了)?\s*$")]
    private static partial Regex DirectionWords();

    /// <summary>"…1.6万人的要求": the number is the target the sentence compares with, not a gap.</summary>
    [GeneratedRegex(@"^\s*(?:的)?(?:要求|目标|任务|标准)")]
    private static partial Regex FollowsTarget();

    [GeneratedRegex(@"(?m)^[ \t]*(?:#{1,6}[ \t]*)?[^\n。，,；\d]{2,40}(?:资金|经费|项目)[ \t]*$")]
    private static partial Regex ProgrammeHeading();

    [GeneratedRegex(@"其中")]
    private static partial Regex PartWords();

    [GeneratedRegex(@"(?:指标值|目标值|目标任务|年度目标|计划|预期目标)\s*(?:为|是|设定为|设置为)?\s*$")]
    private static partial Regex TargetWords();

    [GeneratedRegex(@"(?:实际完成|完成值|实际|实现|达到|达)\s*(?:了|为|是)?\s*$")]
    private static partial Regex ActualWords();

    [GeneratedRegex(@"(?:目标|附表|附件|表|批次|第|序号|编号|标准|级)\s*$")]
    private static partial Regex LabelWords();

    [GeneratedRegex(@"资金|预算|执行|结余|拨款|支出")]
    private static partial Regex FundWords();

    private sealed record Candidate(Fact Fact, UnitSpec Unit)
    {
        /// <summary>The fact's value (and range) expressed in the mention's magnitude.</summary>
        public (decimal Value, Interval? Range) InMentionUnits(UnitSpec mention)
        {
            decimal factor = Unit.Multiplier / mention.Multiplier;
            return (Fact.Value * factor, Fact.Range?.Scale(factor));
        }
    }
}
