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
    private readonly List<Candidate> _candidates;
    private readonly IndicatorNames _names;

    public Verifier(FactSheet sheet)
    {
        _sheet = sheet ?? throw new ArgumentNullException(nameof(sheet));
        _candidates = sheet.Facts
            .Concat(TextNumberFacts(sheet))
            .Select(f => new Candidate(f, UnitSpec.Parse(f.Unit)))
            .ToList();
        _names = new IndicatorNames(sheet.Evaluation.Indicators.Select(i => i.Name).ToList());
    }

    public static VerificationReport Verify(FactSheet sheet, string text) => new Verifier(sheet).Verify(text);

    public VerificationReport Verify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalized = TextNormalizer.Normalize(text);
        var clauses = Clause.Split(normalized);
        var mentions = MentionExtractor.Extract(text).Select(m => Check(m, clauses)).ToList();
        var claims = CheckClaims(normalized, text, clauses);
        var summary = new VerificationSummary(
            mentions.Count,
            mentions.Count(m => m.Verdict is Verdict.Verified or Verdict.Derived),
            mentions.Count(m => m.Verdict == Verdict.Derived),
            mentions.Count(m => m.Verdict == Verdict.Identifier),
            mentions.Count(m => m.Verdict == Verdict.Unverified),
            mentions.Count(m => m.Verdict == Verdict.Contradicted),
            claims.Count,
            claims.Count(c => c.Verdict == Verdict.Contradicted));
        return new VerificationReport(mentions, claims, summary);
    }

    private CheckedMention Check(Mention m, List<Clause> clauses)
    {
        if (m.IsIdentifier || m.Number is not { } number)
        {
            return new CheckedMention(m, Verdict.Identifier, null, null);
        }

        Clause clause = Clause.At(clauses, m.Start);
        IReadOnlyList<int> named = _names.Named(clause.Text);
        if (named.Count == 0)
        {
            named = _names.Named(clause.Sentence);
        }

        bool fundWords = FundWords().IsMatch(clause.Text);
        var scope = named.Count == 0
            ? _candidates
            : _candidates.Where(c => c.Fact.IndicatorIndex is { } i
                ? named.Contains(i)
                : c.Fact.FundLineIndex is null || fundWords).ToList();

        // A rate named by its keyword (完成率…, 执行率…) must be that rate, not any number that happens to match.
        Role role = RoleOf(clause.Text, m.Start - clause.Start);
        if (role != Role.None)
        {
            scope = scope.Where(c => Plays(c.Fact, role)).ToList();
        }

        if (Direct(m, number, scope) is { } hit)
        {
            return hit;
        }

        var derivedScope = named.Count == 0 && role == Role.None ? _candidates : scope;
        if (role != Role.None)
        {
            // The rate's own operands: actual ÷ target of the named indicator, executed ÷ budget of a fund line.
            derivedScope = (named.Count == 0 ? _candidates : _candidates.Where(c => c.Fact.IndicatorIndex is not { } i || named.Contains(i)))
                .Where(c => IsOperandOf(c.Fact, role)).ToList();
        }

        if (Derived(m, number, derivedScope) is { } derived)
        {
            return derived;
        }

        if (role != Role.None && named.Count == 0)
        {
            Candidate? rate = _candidates.Where(c => Plays(c.Fact, role) && c.Fact.IndicatorIndex is null).OrderBy(c => Distance(m, number, c)).FirstOrDefault();
            if (rate is not null)
            {
                return new CheckedMention(m, Verdict.Contradicted, rate.Fact.Id, $"{rate.Fact.Label}为{rate.Fact.Text}");
            }
        }

        if (named.Count > 0)
        {
            // The clause is about an indicator: a number that is not its own is a contradiction.
            if (Direct(m, number, _candidates.Where(c => c.Fact.IndicatorIndex is { } i && !named.Contains(i)).ToList()) is { } other)
            {
                int owner = _candidates.First(c => c.Fact.Id == other.FactId).Fact.IndicatorIndex!.Value;
                return new CheckedMention(m, Verdict.Contradicted, other.FactId,
                    $"该数字属于“{_sheet.Evaluation.Indicators[owner].Name}”，不是“{_sheet.Evaluation.Indicators[named[0]].Name}”的数据");
            }

            Candidate? closest = scope
                .Where(c => c.Fact.IndicatorIndex is { } i && named.Contains(i) && Compatible(m.Unit, c.Unit) && (role == Role.None || Plays(c.Fact, role)))
                .OrderBy(c => Distance(m, number, c))
                .FirstOrDefault();
            if (closest is not null)
            {
                return new CheckedMention(m, Verdict.Contradicted, closest.Fact.Id,
                    $"“{_sheet.Evaluation.Indicators[named[0]].Name}”的{closest.Fact.Label.Replace(_sheet.Evaluation.Indicators[closest.Fact.IndicatorIndex!.Value].Name, string.Empty, StringComparison.Ordinal)}为{closest.Fact.Text}");
            }
        }

        return new CheckedMention(m, Verdict.Unverified, null, "表中没有可支持该数字的数据，也无法由表中数据推算");
    }

    private static CheckedMention? Direct(Mention m, PrintedNumber number, List<Candidate> scope)
    {
        CheckedMention? throughRounding = null;
        foreach (Candidate c in scope)
        {
            if (!Compatible(m.Unit, c.Unit))
            {
                continue;
            }

            (decimal value, Interval? range) = c.InMentionUnits(m.Unit);

            if (Matches(m, number, value))
            {
                return new CheckedMention(m, Verdict.Verified, c.Fact.Id, null);
            }

            if (throughRounding is null && range is { } r && RoundsTo(number.Interval, r) && !m.IsApproximate)
            {
                throughRounding = new CheckedMention(m, Verdict.Verified, c.Fact.Id,
                    $"按表中数字计算为{c.Fact.Text}；仅在表中数字的四舍五入范围内一致");
            }
        }

        return throughRounding;
    }

    /// <summary>
    /// Whether some value the printed inputs allow prints as the mention. Half-up rounding makes both
    /// half-open: 102 % stands for [101.5, 102.5), and an input printed as 100 % for [99.5, 100.5).
    /// </summary>
    private static bool RoundsTo(Interval mention, Interval range) =>
        range.IsPoint
            ? mention.Low <= range.Low && range.Low < mention.High
            : mention.Low < range.High && range.Low < mention.High;

    private static bool Matches(Mention m, PrintedNumber number, decimal value)
    {
        if (PrintedNumber.RoundHalfUp(value, number.Decimals) == number.Value)
        {
            return true;
        }

        if (number.Value == 0)
        {
            return false;
        }

        return m.Qualifier switch
        {
            "约" or "约为" or "大约" or "左右" => Math.Abs(value - number.Value) <= Math.Abs(number.Value) * 0.05m,
            "近" or "将近" or "接近" => value <= number.Value && value >= number.Value * 0.9m,
            "超过" or "逾" or "以上" or "不低于" or "不少于" => value >= number.Value && value <= number.Value * 1.5m,
            "不超过" or "不高于" or "以下" => value <= number.Value && value >= number.Value * 0.5m,
            _ => false,
        };
    }

    /// <summary>Sums, gaps and ratios of two facts in scope.</summary>
    private CheckedMention? Derived(Mention m, PrintedNumber number, List<Candidate> scope)
    {
        bool percent = m.Unit.Base is "%" or "个百分点";
        var operands = scope.Where(c => c.Fact.Value != 0).ToList();
        for (int i = 0; i < operands.Count; i++)
        {
            Candidate a = operands[i];
            for (int j = 0; j < operands.Count; j++)
            {
                if (i == j)
                {
                    continue;
                }

                Candidate b = operands[j];
                // Only meaningful pairs: two numbers of one indicator, or two fund-line numbers.
                bool sameIndicator = a.Fact.IndicatorIndex is { } ai && ai == b.Fact.IndicatorIndex;
                bool bothFunds = a.Fact.FundLineIndex is not null && b.Fact.FundLineIndex is not null;
                if (!sameIndicator && !bothFunds)
                {
                    continue;
                }

                if (!percent && a.Unit.Base == b.Unit.Base && Compatible(m.Unit, a.Unit))
                {
                    decimal av = a.InMentionUnits(m.Unit).Value, bv = b.InMentionUnits(m.Unit).Value;

                    // Sums only of parts (fund lines, same column); an indicator's target plus its actual means nothing.
                    if (j > i && bothFunds && Measure(a.Fact) == Measure(b.Fact) && Matches(m, number, av + bv))
                    {
                        return new CheckedMention(m, Verdict.Derived, $"{a.Fact.Id} + {b.Fact.Id}", $"{a.Fact.Text} + {b.Fact.Text}");
                    }

                    if (av > bv && Gap(a.Fact, b.Fact) && Matches(m, number, av - bv))
                    {
                        return new CheckedMention(m, Verdict.Derived, $"{a.Fact.Id} - {b.Fact.Id}", $"{a.Fact.Text} − {b.Fact.Text}");
                    }
                }

                if (m.Unit.Base == "%" && a.Unit.Base == b.Unit.Base && a.Unit.Base is not ("%" or "分" or "个百分点") && b.Fact.Value > 0 && Ratio(a.Fact, b.Fact))
                {
                    decimal ratio = a.Fact.Value * a.Unit.Multiplier / (b.Fact.Value * b.Unit.Multiplier) * 100m;
                    if (PrintedNumber.RoundHalfUp(ratio, number.Decimals) == number.Value)
                    {
                        return new CheckedMention(m, Verdict.Derived, $"{a.Fact.Id} / {b.Fact.Id}", $"{a.Fact.Text} ÷ {b.Fact.Text}");
                    }
                }
            }
        }

        return null;
    }

    private enum Role
    {
        None,
        Completion,
        Execution,
    }

    /// <summary>The rate a keyword right before the number names (完成率为, 执行率, 完成目标任务的…).</summary>
    private static Role RoleOf(string clause, int offset)
    {
        var before = clause[..Math.Clamp(offset, 0, clause.Length)];
        if (CompletionWords().IsMatch(before))
        {
            return Role.Completion;
        }

        return ExecutionWords().IsMatch(before) ? Role.Execution : Role.None;
    }

    private static string Measure(Fact f) => f.Id[(f.Id.LastIndexOf('.') + 1)..];

    private static bool Plays(Fact f, Role role) => role switch
    {
        Role.Completion => Measure(f) == "completion",
        Role.Execution => Measure(f) == "rate" && f.FundLineIndex is not null,
        _ => true,
    };

    private static bool IsOperandOf(Fact f, Role role) => role switch
    {
        Role.Completion => f.IndicatorIndex is not null && Measure(f) is "actual" or "target",
        Role.Execution => f.FundLineIndex is not null && Measure(f) is "executed" or "budget",
        _ => true,
    };

    /// <summary>Differences that mean something: an indicator's actual and target; a fund line's budget and spending; two fund lines' same column.</summary>
    private static bool Gap(Fact a, Fact b)
    {
        if (a.IndicatorIndex is not null)
        {
            return Measure(a) is "actual" or "target" && Measure(b) is "actual" or "target";
        }

        return a.FundLineIndex == b.FundLineIndex
            ? Measure(a) is "budget" or "initialBudget" && Measure(b) is "executed" or "budget"
            : Measure(a) == Measure(b);
    }

    /// <summary>Ratios that mean something: actual ÷ target; executed ÷ budget of one line; a part ÷ its whole in one column.</summary>
    private static bool Ratio(Fact a, Fact b)
    {
        if (a.IndicatorIndex is not null)
        {
            return Measure(a) == "actual" && Measure(b) == "target";
        }

        return a.FundLineIndex == b.FundLineIndex
            ? Measure(a) is "executed" && Measure(b) is "budget" or "initialBudget"
            : Measure(a) == Measure(b) && a.Value <= b.Value;
    }

    private static decimal Distance(Mention m, PrintedNumber number, Candidate c) =>
        Math.Abs(c.InMentionUnits(m.Unit).Value - number.Value);

    /// <summary>A mention's unit and a fact's unit can describe the same thing.</summary>
    private static bool Compatible(UnitSpec mention, UnitSpec fact)
    {
        if (mention.Base.Length == 0 || fact.Base.Length == 0)
        {
            // A bare number: compatible with counts and amounts, not with percentages or scores.
            return mention.Base.Length == 0 ? fact.Base is not ("%" or "个百分点" or "分") || mention.Magnitude.Length == 0 : mention.Base is not ("%" or "个百分点");
        }

        return mention.Base == fact.Base || (mention.Base is "%" or "个百分点" && fact.Base is "%" or "个百分点");
    }

    /// <summary>Numbers written inside text cells (<c>不超过其实际缴费额的2/3</c>) are facts of their indicator too.</summary>
    private static IEnumerable<Fact> TextNumberFacts(FactSheet sheet)
    {
        for (int i = 0; i < sheet.Report.Indicators.Count; i++)
        {
            IndicatorResult r = sheet.Report.Indicators[i];
            foreach ((Cell cell, string which) in new[] { (r.Target, "target"), (r.Actual, "actual") })
            {
                if (cell is CompoundCell c)
                {
                    for (int k = 0; k < c.Numbers.Count; k++)
                    {
                        yield return new Fact($"indicators[{i}].{which}Text[{k}]", $"{r.Name}{(which == "target" ? "指标值" : "完成值")}文字中的数字",
                            c.Numbers[k].Value, string.Empty, c.Numbers[k].Decimals, FactKind.Input) { IndicatorIndex = i };
                    }
                }
            }
        }
    }

    private List<CheckedClaim> CheckClaims(string normalized, string original, List<Clause> clauses)
    {
        var claims = new List<CheckedClaim>();
        foreach (Match m in ClaimPattern().Matches(normalized))
        {
            ClaimKind kind = m.Groups["exceeded"].Success || m.Groups["above"].Success ? ClaimKind.Exceeded
                : m.Groups["short"].Success || m.Groups["below"].Success ? ClaimKind.Short
                : ClaimKind.Met;
            bool numeric = m.Groups["above"].Success || m.Groups["below"].Success;
            Clause clause = Clause.At(clauses, m.Index);
            IReadOnlyList<int> named = _names.Named(clause.Text);
            if (named.Count == 0)
            {
                named = _names.Named(clause.Sentence);
            }

            string text = original.Substring(m.Index, m.Length);
            if (named.Count == 0)
            {
                if (m.Groups["all"].Success)
                {
                    int shortCount = _sheet.Report.Indicators.Count(r => r.Status == IndicatorStatus.Short);
                    claims.Add(new CheckedClaim(m.Index, m.Length, text, kind, shortCount == 0 ? Verdict.Verified : Verdict.Contradicted, "count.short",
                        shortCount == 0 ? null : $"有{shortCount}项指标未完成"));
                }
                else
                {
                    claims.Add(new CheckedClaim(m.Index, m.Length, text, kind, Verdict.Unverified, null, "未能确定所指的指标"));
                }

                continue;
            }

            // The nearest named indicator decides; all named ones must agree.
            Verdict verdict = Verdict.Verified;
            string? note = null;
            int index = named[0];
            foreach (int i in named)
            {
                IndicatorResult r = _sheet.Report.Indicators[i];
                Verdict v = Judge(kind, numeric, r);
                if (v != Verdict.Verified)
                {
                    verdict = v;
                    index = i;
                    note = $"“{r.Name}”{(r.Completion is { } c ? $"完成率{PrintedNumber.Format(c * 100m, 2)}%，" : string.Empty)}{r.Status.ToChinese()}";
                    break;
                }
            }

            claims.Add(new CheckedClaim(m.Index, m.Length, text, kind, verdict, $"indicators[{index}].status", note));
        }

        return claims;
    }

    private static Verdict Judge(ClaimKind kind, bool numeric, IndicatorResult r)
    {
        if (numeric && r.Completion is { } c)
        {
            bool above = c > 1m, below = c < 1m;
            return (kind == ClaimKind.Exceeded ? above : below) ? Verdict.Verified : Verdict.Contradicted;
        }

        return (kind, r.Status) switch
        {
            (_, IndicatorStatus.NotApplicable or IndicatorStatus.Unknown) => Verdict.Unverified,
            (ClaimKind.Exceeded, IndicatorStatus.Exceeded) => Verdict.Verified,
            (ClaimKind.Met, IndicatorStatus.Met or IndicatorStatus.Exceeded) => Verdict.Verified,
            (ClaimKind.Short, IndicatorStatus.Short) => Verdict.Verified,
            _ => Verdict.Contradicted,
        };
    }

    [GeneratedRegex(@"(?:完成率|完成比例|完成进度|完成(?:了)?(?:年度)?(?:预期)?(?:目标|任务|目标任务|指标值|计划)的?)\s*(?:为|是|达到?|仅为|只有)?\s*(?:约|近|超过)?\s*$")]
    private static partial Regex CompletionWords();

    [GeneratedRegex(@"(?:预算)?执行率\s*(?:为|是|达到?|仅为|只有)?\s*(?:约|近|超过)?\s*$")]
    private static partial Regex ExecutionWords();

    [GeneratedRegex(@"资金|预算|执行|结余|拨款|支出")]
    private static partial Regex FundWords();

    [GeneratedRegex(@"(?<exceeded>超额完成|超出(?:年度)?(?:预期)?目标)|(?<short>未完成|没有完成|未能完成|未达到|未达成|没有达到|未达标|未实现)|(?<below>低于(?:年度)?(?:预期)?(?:目标|指标)值?)|(?<above>高于(?:年度)?(?:预期)?(?:目标|指标)值?)|(?<all>全部完成|均已完成|均完成|全面完成)|(?<met>已完成|完成了?(?:年度)?(?:预期)?(?:绩效)?目标(?!的|\s*的)|达到了?(?:年度)?(?:预期)?(?:目标|指标)值?(?!的))")]
    private static partial Regex ClaimPattern();

    private sealed record Candidate(Fact Fact, UnitSpec Unit)
    {
        /// <summary>The fact's value (and range) expressed in the mention's magnitude.</summary>
        public (decimal Value, Interval? Range) InMentionUnits(UnitSpec mention)
        {
            decimal factor = Unit.Multiplier / mention.Multiplier;
            return (Fact.Value * factor, Fact.Range?.Scale(factor));
        }
    }

    /// <summary>A clause (between ，；。 etc.) and the sentence holding it.</summary>
    private sealed record Clause(int Start, int End, string Text, string Sentence)
    {
        public static List<Clause> Split(string text)
        {
            var clauses = new List<Clause>();
            int sentenceStart = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] is '。' or '！' or '？' or '\n' or '!' or '?')
                {
                    string sentence = text[sentenceStart..i];
                    int clauseStart = sentenceStart;
                    for (int k = sentenceStart; k <= i; k++)
                    {
                        if (k == i || text[k] is '，' or ',' or '；' or ';' or '：' or ':')
                        {
                            clauses.Add(new Clause(clauseStart, k, text[clauseStart..k], sentence));
                            clauseStart = k + 1;
                        }
                    }

                    sentenceStart = i + 1;
                }
            }

            return clauses;
        }

        public static Clause At(List<Clause> clauses, int index) =>
            clauses.FirstOrDefault(c => index >= c.Start && index <= c.End) ?? clauses[^1];
    }
}
