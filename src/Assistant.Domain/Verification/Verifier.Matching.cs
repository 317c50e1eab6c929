using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// Whether a number is one fact (Direct) or a value derived from two (Derived). Both ask the sheet's
/// indexes for the facts and derived values near the number, then check those exactly, in the sheet's
/// order, so the first match is the one a search of every fact (every pair) would have found.
/// </summary>
public sealed partial class Verifier
{
    private readonly List<int> _near = [];
    private readonly List<int> _nearPairs = [];
    private readonly List<(long Key, int Id)> _nearKeys = [];

    private CheckedMention? Direct(Mention m, PrintedNumber number, in Scope inScope)
    {
        _index.Near(m, number, _near);
        Candidate[] all = _index.Candidates;
        CheckedMention? throughRounding = null;
        foreach (int p in _near)
        {
            Candidate c = all[p];
            if (!inScope.Allows(c) || !Compatible(m.Unit, c.Unit))
            {
                continue;
            }

            (decimal value, Interval? range) = c.InMentionUnits(m.Unit);

            if (Matches(m, number, value) || (m.Unit.IsEmpty && c.Unit.Base.Length > 0 && Matches(m, number, c.Fact.Value)))
            {
                return new CheckedMention(m, Verdict.Verified, c.Fact.Id, null);
            }

            // Not for what is derived from counted figures (9 ÷ 12 is 75 % exactly): only its own rounding applies.
            if (throughRounding is null && range is { } r && RoundsTo(number.Interval, r) && !m.IsApproximate
                && !(c.Fact.IndicatorIndex is { } row && c.Fact.Kind == Facts.FactKind.Derived && _index.ExactOperands(row))
                && !HalfUpRates.RefusesTolerance(_sheet, c.Fact, number))
            {
                throughRounding = new CheckedMention(m, Verdict.Verified, c.Fact.Id,
                    $"按表中数字计算为{c.Fact.Text}；仅在表中数字的四舍五入范围内一致");
            }
        }

        if (throughRounding is null && m.Unit.Base.Length > 0)
        {
            // 20.72万人 for 20.72万人次, 1200元 for 1200元/人: the same printed figure with its unit shortened.
            foreach (int p in _near)
            {
                Candidate c = all[p];
                if (inScope.Allows(c) && c.Unit.Base.Length > m.Unit.Base.Length && c.Unit.Base.StartsWith(m.Unit.Base, StringComparison.Ordinal)
                    && c.Unit.Base is not "个百分点" && Matches(m, number, c.InMentionUnits(new UnitSpec(m.Unit.Magnitude, m.Unit.Multiplier, c.Unit.Base)).Value))
                {
                    return new CheckedMention(m, Verdict.Verified, c.Fact.Id, $"表中单位为{c.Unit.Text}，文中写作{m.Unit.Text}");
                }
            }
        }

        return throughRounding;
    }

    /// <summary>
    /// Sums, gaps and ratios of two facts in scope (consistent when the printed inputs' intervals allow the
    /// mention): the first meaningful pair, in the sheet's order, whose derived value the mention states.
    /// </summary>
    private CheckedMention? Derived(Mention m, PrintedNumber number, in Scope inScope, Role role, Derivation asked = Derivation.Any)
    {
        Candidate[] all = _index.Candidates;
        DerivedIndex pairs = _index.Derived;

        // A 个百分点 gap of the right pair that is no rounding of it: kept only when no other pair gives the number.
        CheckedMention? wrongGap = null;
        if (!pairs.IsIndexed)
        {
            for (int i = 0; i < all.Length; i++)
            {
                if (!inScope.Allows(all[i]))
                {
                    continue;
                }

                foreach (int j in pairs.PartnersOf(i))
                {
                    for (var kind = PairKind.Sum; kind <= PairKind.Ratio && inScope.Allows(all[j]); kind++)
                    {
                        if (Pair(m, number, all[i], all[j], kind, role, asked) is { } found && (found.Verdict != Verdict.Contradicted || (wrongGap ??= found) is null))
                        {
                            return found;
                        }
                    }
                }
            }

            return wrongGap;
        }

        pairs.Near(m, number, _nearPairs);
        _nearKeys.Clear();
        foreach (int id in _nearPairs)
        {
            (int i, int j, PairKind kind) = pairs.Entry(id);
            _nearKeys.Add((((((long)i * all.Length) + j) * 4) + (int)kind, id));
        }

        _nearKeys.Sort();
        foreach ((long _, int id) in _nearKeys)
        {
            (int i, int j, PairKind kind) = pairs.Entry(id);
            if (inScope.Allows(all[i]) && inScope.Allows(all[j]) && Pair(m, number, all[i], all[j], kind, role, asked) is { } found
                && (found.Verdict != Verdict.Contradicted || (wrongGap ??= found) is null))
            {
                return found;
            }
        }

        return wrongGap;
    }

    /// <summary>One derived value of a meaningful pair (a before b in the sheet's order for a sum), checked against the mention.</summary>
    private CheckedMention? Pair(Mention m, PrintedNumber number, Candidate a, Candidate b, PairKind kind, Role role, Derivation asked)
    {
        bool percent = m.Unit.Base is "%" or "个百分点";
        bool bothFunds = a.Fact.FundLineIndex is not null && b.Fact.FundLineIndex is not null;
        switch (kind)
        {
            case PairKind.Sum or PairKind.Gap when !percent && a.Unit.Base == b.Unit.Base && Compatible(m.Unit, a.Unit):
                decimal av = a.InMentionUnits(m.Unit).Value, bv = b.InMentionUnits(m.Unit).Value;

                // Sums only of parts (fund lines, same column); an indicator's target plus its actual means nothing.
                if (kind == PairKind.Sum)
                {
                    return b.Position > a.Position && bothFunds && role != Role.Balance && asked is not (Derivation.Saving or Derivation.Shortfall) && a.Measure == b.Measure && a.Measure != "balance"
                        && Consistent(m, number, av + bv, _index.Printed(a, m.Unit) + _index.Printed(b, m.Unit))
                        ? new CheckedMention(m, Verdict.Derived, $"{a.Fact.Id} + {b.Fact.Id}", $"{a.Fact.Text} + {b.Fact.Text}")
                        : null;
                }

                return av > bv && (role == Role.Balance ? Balance(a, b) : Gap(a, b) && GapMeans(a.Fact, b.Fact, asked))
                    && Consistent(m, number, av - bv, _index.Printed(a, m.Unit) - _index.Printed(b, m.Unit))
                    ? new CheckedMention(m, Verdict.Derived, $"{a.Fact.Id} - {b.Fact.Id}", $"{a.Fact.Text} − {b.Fact.Text}")
                    : null;

            // A difference of two printed rates is written in 个百分点: the difference of the rates as printed (or as
            // computed), at most rounded; 4.5 for 95% − 90% is no rounding of 5, though the inputs' rounding would allow it.
            case PairKind.RateGap when m.Unit.Base == "个百分点" && a.Unit.Base == "%" && b.Unit.Base == "%" && a.Fact.Value > b.Fact.Value && RateGap(a, b)
                && Consistent(m, number, a.Fact.Value - b.Fact.Value, _index.Printed(a, UnitSpec.None) - _index.Printed(b, UnitSpec.None)):
                return RateGapVerdict(m, number, a.Fact, b.Fact);

            case PairKind.Ratio when m.Unit.Base == "%" && role != Role.Balance && a.Unit.Base == b.Unit.Base && a.Unit.Base is not ("%" or "分" or "个百分点") && b.Fact.Value > 0 && Ratio(a, b):
                decimal ratio = a.Fact.Value * a.Unit.Multiplier / (b.Fact.Value * b.Unit.Multiplier) * 100m;
                Interval ia = _index.Printed(a, UnitSpec.None), ib = _index.Printed(b, UnitSpec.None);
                return ib.Low > 0 && (HalfUpRates.RefusesTolerance(_sheet, a.Fact, b.Fact, number) ? Matches(m, number, ratio) : Consistent(m, number, ratio, ia.DivideBy(ib).Scale(100m)))
                    ? new CheckedMention(m, Verdict.Derived, $"{a.Fact.Id} / {b.Fact.Id}", $"{a.Fact.Text} ÷ {b.Fact.Text}")
                    : null;

            default:
                return null;
        }
    }

    /// <summary>
    /// A 个百分点 gap two rates' printed intervals allow: derived when it is the difference of the rates as printed (or as
    /// computed), at most rounded; else contradicted with that difference named (4.5 for 95% − 90% is no rounding of 5).
    /// </summary>
    internal static CheckedMention RateGapVerdict(Mention m, PrintedNumber number, Facts.Fact a, Facts.Fact b)
    {
        decimal printedGap = PrintedNumber.RoundHalfUp(a.Value, a.Decimals) - PrintedNumber.RoundHalfUp(b.Value, b.Decimals);
        return Matches(m, number, a.Value - b.Value) || Matches(m, number, printedGap) || m.IsApproximate || m.Qualifier is not null
            ? new CheckedMention(m, Verdict.Derived, $"{a.Id} - {b.Id}", $"{a.Text} − {b.Text}")
            : new CheckedMention(m, Verdict.Contradicted, $"{a.Id} - {b.Id}",
                $"按表中数字，{a.Text} − {b.Text} = {PrintedNumber.FormatTrimmed(printedGap)}个百分点，不是{m.Text.Trim()}");
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
            "约" or "约为" or "大约" or "左右" => Approximately(number, value),
            "近" or "将近" or "接近" => value <= number.Value && value >= number.Value * 0.9m,
            "超过" or "逾" or "以上" or "不低于" or "不少于" => value >= number.Value && value <= number.Value * 1.5m,
            "不超过" or "不高于" or "以下" => value <= number.Value && value >= number.Value * 0.5m,
            _ => false,
        };
    }

    /// <summary>
    /// 约X: the value rounds to X at X's last significant digit (约5.1万 is 5.05万–5.15万, not 5.03万 nor 5.2万; 约80% is
    /// 75 %–85 %), and within 5 % of it.
    /// </summary>
    private static bool Approximately(PrintedNumber number, decimal value)
    {
        decimal place = PrintedNumber.Unit(number.Decimals);
        if (number.Decimals == 0)
        {
            for (decimal v = Math.Abs(number.Value); v >= 10m && v % 10m == 0m; v /= 10m)
            {
                place *= 10m;
            }
        }

        decimal distance = Math.Abs(value - number.Value);
        return distance < place / 2m + place / 1000m && distance <= Math.Abs(number.Value) * 0.05m;
    }

    /// <summary>Exactly the computed value, or a value the printed inputs' rounding allows (DOMAIN.md §3).</summary>
    private static bool Consistent(Mention m, PrintedNumber number, decimal exact, Interval range) =>
        Matches(m, number, exact) || (!m.IsApproximate && m.Qualifier is null && RoundsTo(number.Interval, range));

    private static decimal Distance(Mention m, PrintedNumber number, Candidate c) =>
        Math.Abs(c.InMentionUnits(m.Unit).Value - number.Value);

    /// <summary>A mention's unit and a fact's unit can describe the same thing.</summary>
    private static bool Compatible(UnitSpec mention, UnitSpec fact)
    {
        if (mention.Base.Length == 0 || fact.Base.Length == 0)
        {
            // A bare number: compatible with counts and amounts, not with percentages or scores.
            return mention.Base.Length == 0 ? fact.Base is not ("%" or "个百分点" or "分") || mention.Magnitude.Length == 0 : mention.Base is not ("%" or "个百分点" or "个千分点");
        }

        return mention.Base == fact.Base || (mention.Base is "%" or "个百分点" && fact.Base is "%" or "个百分点")
            || (mention.Base is "‰" or "个千分点" && fact.Base is "‰" or "个千分点")
            || Assistant.Domain.Cells.CellUnits.SameUnit(mention.Base, fact.Base) // 171.5/10万 of a row in 例/10万人 (session 36)
            || SamePersons(mention.Base, fact.Base);
    }
}
