using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using FsCheck;
using FsCheck.Fluent;
using Interval = Assistant.Domain.Numbers.Interval;

namespace Assistant.Domain.Tests;

/// <summary>Properties over generated tables: bounds, sums and the promise that rounding never makes a correct table look wrong.</summary>
public class PropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    /// <summary>Runs 500 cases; a counterexample fails the test with FsCheck's shrunk report.</summary>
    private static void Holds(Property property) =>
        Assert.Null(Record.Exception(() => property.Check(Config)));

    /// <summary>A positive decimal with 0–3 decimals, up to 10⁶.</summary>
    private static Gen<decimal> Amount(int maxDecimals = 3) =>
        Gen.Choose(1, 100_000_000).Zip(Gen.Choose(0, maxDecimals))
            .Select(t => decimal.Round(t.Item1 / 100m, t.Item2, MidpointRounding.AwayFromZero))
            .Where(v => v > 0);

    private static readonly string[] Comparators = ["≥", "≤", "", ">", "<"];

    private static Gen<Indicator> Row() =>
        from cmp in Gen.Elements(Comparators)
        from target in Amount(2)
        from actual in Gen.OneOf(Amount(2), Gen.Constant(0m), Gen.Constant(target))
        from weight in Gen.Choose(1, 20)
        from zero in Gen.Choose(0, 9)
        select new Indicator
        {
            Name = "指标",
            Level1 = "产出指标",
            Target = zero == 0 ? "0" : cmp + PrintedNumber.FormatTrimmed(target),
            Actual = PrintedNumber.FormatTrimmed(actual),
            Weight = PrintedNumber.Exact(weight),
        };

    private static Gen<Evaluation> Table() =>
        from rows in Gen.ListOf(Row()).Where(l => l.Count > 0)
        from budget in Amount(2)
        from spentShare in Gen.Choose(0, 120)
        from fundWeight in Gen.Choose(0, 10)
        select new Evaluation
        {
            Kind = EvaluationKind.Project,
            Title = "t",
            Funds = new FundSection
            {
                Weight = PrintedNumber.Exact(fundWeight),
                Lines = [new FundLine { Name = "年度资金总额", Budget = new PrintedNumber(budget, 2), Executed = new PrintedNumber(decimal.Round(budget * spentShare / 100m, 2), 2) }],
            },
            Indicators = rows.ToList(),
        };

    [Fact]
    public void Score_IsNeverAboveWeightNorBelowZero_UnderEveryPolicy() =>
        Holds(Prop.ForAll(Row().ToArbitrary(), row => ScoringPolicy.All.All(policy =>
        {
            IndicatorResult r = Calculator.ScoreIndicator(row, 0, policy, scored: true);
            return r.Score is null || (r.Score >= 0 && r.Score <= row.Weight!.Value.Value);
        })));

    [Fact]
    public void ScoreInterval_ContainsTheScore() =>
        Holds(Prop.ForAll(Row().ToArbitrary(), row =>
        {
            IndicatorResult r = Calculator.ScoreIndicator(row, 0, ScoringPolicy.Default, scored: true);
            return r.Score is not { } s || r.ScoreInterval!.Value.Contains(s);
        }));

    [Fact]
    public void Total_IsTheSumOfFundsAndLevelScores() =>
        Holds(Prop.ForAll(Table().ToArbitrary(), e =>
        {
            ScoreReport r = Calculator.Score(e);
            decimal funds = r.Funds.Single(f => f.IsRoot).Score!.Value;
            return r.Total == funds + r.Indicators.Sum(i => i.ScoreForTotal ?? 0m)
                && r.Total == funds + r.Levels.Sum(l => l.ScoreSum!.Value)
                && r.Total <= r.WeightTotal;
        }));

    [Fact]
    public void PrintingTheComputedValues_NeverYieldsAnError() =>
        Holds(Prop.ForAll(Table().ToArbitrary(), e =>
        {
            // Print every score and the total exactly as the calculator computes them, rounded to 2.
            ScoreReport first = Calculator.Score(e);
            var printed = e with
            {
                Indicators = e.Indicators.Select((row, i) => row with
                {
                    PrintedScore = first.Indicators[i].Score is { } s ? new PrintedNumber(PrintedNumber.RoundHalfUp(s, 2), 2) : null,
                }).ToList(),
                Funds = e.Funds with
                {
                    Lines = e.Funds.Lines.Select((l, i) => l with
                    {
                        PrintedRate = first.Funds[i].Rate is { } rate ? new PrintedNumber(PrintedNumber.RoundHalfUp(rate * 100m, 2), 2) : null,
                        PrintedScore = first.Funds[i].Score is { } fs ? new PrintedNumber(PrintedNumber.RoundHalfUp(fs, 2), 2) : null,
                    }).ToList(),
                },
                PrintedTotal = new PrintedNumber(first.TotalRounded!.Value, 2),
                PrintedWeightTotal = PrintedNumber.Exact(first.WeightTotal!.Value),
            };
            ScoreReport second = Calculator.Score(printed);
            return !second.Findings.Any(f => f.Code is FindingCodes.IndicatorScorePrinted or FindingCodes.FundsScorePrinted
                or FindingCodes.FundsRatePrinted or FindingCodes.TotalPrinted or FindingCodes.WeightsTotal);
        }));

    private static Gen<(decimal Budget, decimal Executed, int BudgetDecimals, int ExecutedDecimals, int RateDecimals)> TrueAmounts() =>
        from budget in Amount(6)
        from share in Gen.Choose(1, 1500)
        from bd in Gen.Choose(0, 2)
        from ed in Gen.Choose(0, 2)
        from rd in Gen.Choose(0, 3)
        let executed = budget * share / 1000m
        where PrintedNumber.RoundHalfUp(budget, bd) > 0
        select (budget, executed, bd, ed, rd);

    [Fact]
    public void IntervalCheck_NeverCallsACorrectlyRoundedValueInconsistent() =>
        Holds(Prop.ForAll(TrueAmounts().ToArbitrary(), t =>
        {
            // True values are printed rounded; the rate is computed from the true values and rounded too.
            var budget = new PrintedNumber(PrintedNumber.RoundHalfUp(t.Budget, t.BudgetDecimals), t.BudgetDecimals);
            var executed = new PrintedNumber(PrintedNumber.RoundHalfUp(t.Executed, t.ExecutedDecimals), t.ExecutedDecimals);
            var rate = new PrintedNumber(PrintedNumber.RoundHalfUp(t.Executed / t.Budget * 100m, t.RateDecimals), t.RateDecimals);
            Interval interval = executed.Interval.DivideBy(budget.Interval).Scale(100m);
            return Reconciliation.Compare(rate, executed.Value / budget.Value * 100m, interval) != Agreement.Inconsistent;
        }));

    [Fact]
    public void IntervalCheck_CallsTheValueComputedFromPrintedInputsExact() =>
        Holds(Prop.ForAll(TrueAmounts().ToArbitrary(), t =>
        {
            var budget = new PrintedNumber(PrintedNumber.RoundHalfUp(t.Budget, t.BudgetDecimals), t.BudgetDecimals);
            var executed = new PrintedNumber(PrintedNumber.RoundHalfUp(t.Executed, t.ExecutedDecimals), t.ExecutedDecimals);
            decimal computed = executed.Value / budget.Value * 100m;
            var rate = new PrintedNumber(PrintedNumber.RoundHalfUp(computed, t.RateDecimals), t.RateDecimals);
            return Reconciliation.Compare(rate, computed, executed.Interval.DivideBy(budget.Interval).Scale(100m)) == Agreement.Exact;
        }));

    [Fact]
    public void QuantityCell_RoundTripsThroughItsPrintedForm() =>
        Holds(Prop.ForAll(Amount(3).Zip(Gen.Elements(["", "人", "万人", "%", "元/人", "亿元", "人次", "个"])).Zip(Gen.Elements(Comparators)).ToArbitrary(), t =>
        {
            ((decimal value, string unit), string cmp) = t;
            string text = cmp + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + unit;
            return CellParser.Parse(text) is QuantityCell q
                && q.Number.Value == value
                && q.Number.Decimals == value.Scale
                && q.EffectiveUnit.Text == unit
                && q.Comparator.Symbol() == cmp;
        }));
}
