// Frozen copy of src/Assistant.Domain/Verification/Verifier.cs before issue 21 (the reference the golden and property tests compare against).
using Assistant.Domain.Verification;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Tests.ReferenceVerifier;

public sealed partial class Verifier
{
    /// <summary>Sums, gaps and ratios of two facts in scope (consistent when the printed inputs' intervals allow the mention).</summary>
    private CheckedMention? Derived(Mention m, PrintedNumber number, List<Candidate> scope, Role role, Assistant.Domain.Verification.Verifier.Derivation asked = default)
    {
        bool percent = m.Unit.Base is "%" or "个百分点";
        var operands = scope.Where(c => c.Fact.Value != 0).ToList();
        CheckedMention? wrongGap = null;
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
                    if (j > i && bothFunds && role != Role.Balance && asked is not (Assistant.Domain.Verification.Verifier.Derivation.Saving or Assistant.Domain.Verification.Verifier.Derivation.Shortfall) && Measure(a.Fact) == Measure(b.Fact) && Measure(a.Fact) != "balance"
                        && Consistent(m, number, av + bv, Printed(a, m.Unit) + Printed(b, m.Unit)))
                    {
                        return new CheckedMention(m, Verdict.Derived, $"{a.Fact.Id} + {b.Fact.Id}", $"{a.Fact.Text} + {b.Fact.Text}");
                    }

                    // Session 45: a difference of the kind the words ask for, of a pair that means something (the product's rule).
                    if (av > bv && (role == Role.Balance ? Balance(a.Fact, b.Fact) : Gap(a.Fact, b.Fact) && Assistant.Domain.Verification.Verifier.GapMeans(a.Fact, b.Fact, asked))
                        && Consistent(m, number, av - bv, Printed(a, m.Unit) - Printed(b, m.Unit)))
                    {
                        return new CheckedMention(m, Verdict.Derived, $"{a.Fact.Id} - {b.Fact.Id}", $"{a.Fact.Text} − {b.Fact.Text}");
                    }
                }

                // A difference of two printed rates is written in 个百分点.
                if (m.Unit.Base == "个百分点" && a.Unit.Base == "%" && b.Unit.Base == "%" && a.Fact.Value > b.Fact.Value
                    && RateGap(a.Fact, b.Fact) && Consistent(m, number, a.Fact.Value - b.Fact.Value, Printed(a, UnitSpec.None) - Printed(b, UnitSpec.None)))
                {
                    // Session 30: a gap that is no rounding of the printed difference is contradicted, unless another pair gives it.
                    CheckedMention gap = Assistant.Domain.Verification.Verifier.RateGapVerdict(m, number, a.Fact, b.Fact);
                    if (gap.Verdict != Verdict.Contradicted)
                    {
                        return gap;
                    }

                    wrongGap ??= gap;
                }

                if (m.Unit.Base == "%" && role != Role.Balance && a.Unit.Base == b.Unit.Base && a.Unit.Base is not ("%" or "分" or "个百分点") && b.Fact.Value > 0 && Ratio(a.Fact, b.Fact))
                {
                    decimal ratio = a.Fact.Value * a.Unit.Multiplier / (b.Fact.Value * b.Unit.Multiplier) * 100m;
                    Interval ia = Printed(a, UnitSpec.None), ib = Printed(b, UnitSpec.None);
                    bool consistent = ib.Low > 0 && (HalfUpRates.RefusesTolerance(_sheet, a.Fact, b.Fact, number) ? Matches(m, number, ratio) : Consistent(m, number, ratio, ia.DivideBy(ib).Scale(100m)));
                    if (consistent)
                    {
                        return new CheckedMention(m, Verdict.Derived, $"{a.Fact.Id} / {b.Fact.Id}", $"{a.Fact.Text} ÷ {b.Fact.Text}");
                    }
                }
            }
        }

        return wrongGap;
    }

    /// <summary>Exactly the computed value, or a value the printed inputs' rounding allows (DOMAIN.md §3).</summary>
    private static bool Consistent(Mention m, PrintedNumber number, decimal exact, Interval range) =>
        Matches(m, number, exact) || (!m.IsApproximate && m.Qualifier is null && RoundsTo(number.Interval, range));
}
