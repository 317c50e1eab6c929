using System.Buffers;
using System.Globalization;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using FsCheck;
using FsCheck.Fluent;
using Interval = Assistant.Domain.Numbers.Interval;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 45 (issue 21): a quantity row's completion and score intervals are kept as the actual's interval and the weight
/// (<see cref="RowIntervals"/>) and computed when read, and the reconciliation reads a row's score interval only when its printed
/// score is not the computed one. Held here against the eager computation (as before: <c>Calculator.Score(…, eagerIntervals: true)</c>)
/// on every real table (reference, eval, fixtures, imported fixtures and seeds) and generated ones under every policy — every
/// row's intervals to the last bit of each decimal (scale included), every row equal, the same findings and the same answer
/// bytes — and on FsCheck's tables of positive, reverse, share and zero rows with printed scores near, at and far from the
/// computed ones (the three agreements).
/// </summary>
public class ScoringPathSession45Tests
{
    [Fact]
    public void EveryRealAndGeneratedTable_IntervalsWhenRead_AreTheEagerOnes()
    {
        int kept = 0, rows = 0;
        foreach (Evaluation e in ScoringPathSession44Tests.Tables())
        {
            foreach (ScoringPolicy policy in ScoringPolicy.All)
            {
                ScoreReport lazy = Calculator.Score(e, policy);
                ScoreReport eager = Calculator.Score(e, policy, eagerIntervals: true);
                AssertSameReport(e, eager, lazy);
                rows += lazy.Indicators.Count;
                kept += lazy.Indicators.Count(r => r.Rule is IndicatorRule.Positive or IndicatorRule.Reverse);
            }
        }

        Assert.True(kept >= 1_000 && rows >= 2_000, $"only {kept} quantity rows of {rows} compared");
    }

    [Fact]
    public void GeneratedTables_WithPrintedScores_IntervalsAndFindingsAsEager() =>
        Assert.Null(Record.Exception(() => Prop.ForAll(Table().ToArbitrary(), e => ScoringPolicy.All.All(policy =>
        {
            AssertSameReport(e, Calculator.Score(e, policy, eagerIntervals: true), Calculator.Score(e, policy));
            return true;
        })).Check(Config.QuickThrowOnFailure.WithMaxTest(400))));

    /// <summary>Setting an interval on a copy gives that one as a value and keeps the other as it read.</summary>
    [Fact]
    public void CopyWithAnInterval_KeepsTheOther()
    {
        ScoreReport report = Calculator.Score(SyntheticTables.Project(100, 1));
        IndicatorResult row = report.Indicators.First(r => r.Rule == IndicatorRule.Positive && r.ScoreInterval is { IsPoint: false });
        var given = new Interval(0.5m, 0.75m);
        IndicatorResult withCompletion = row with { CompletionInterval = given };
        Assert.Equal(given, withCompletion.CompletionInterval);
        Assert.Equal(Bits(row.ScoreInterval), Bits(withCompletion.ScoreInterval));
        IndicatorResult withScore = row with { ScoreInterval = null };
        Assert.Null(withScore.ScoreInterval);
        Assert.Equal(Bits(row.CompletionInterval), Bits(withScore.CompletionInterval));
        Assert.NotEqual(row, withCompletion);
        Assert.Equal(row, row with { });
    }

    private static void AssertSameReport(Evaluation e, ScoreReport eager, ScoreReport lazy)
    {
        Assert.Equal(eager.Indicators.Count, lazy.Indicators.Count);
        for (int i = 0; i < eager.Indicators.Count; i++)
        {
            IndicatorResult a = eager.Indicators[i], b = lazy.Indicators[i];
            Assert.Equal(Bits(a.CompletionInterval), Bits(b.CompletionInterval));
            Assert.Equal(Bits(a.ScoreInterval), Bits(b.ScoreInterval));
            Assert.Equal(a, b);
        }

        Assert.Equal(eager.Findings.Select(Describe), lazy.Findings.Select(Describe));
        Assert.Equal(eager.Total, lazy.Total);
        var x = new ArrayBufferWriter<byte>();
        var y = new ArrayBufferWriter<byte>();
        ScoreAnswerWriter.Write(x, e, eager);
        ScoreAnswerWriter.Write(y, e, lazy);
        Assert.True(x.WrittenSpan.SequenceEqual(y.WrittenSpan), "the answers differ");
    }

    private static string Describe(Finding f) => $"{f.Code}|{f.Severity}|{f.Path}|{f.Expected}|{f.Actual}|{f.Message}";

    /// <summary>Both ends' four 32-bit parts (the scale too), or "null".</summary>
    private static string Bits(Interval? interval) => interval is { } v
        ? string.Join(',', decimal.GetBits(v.Low)) + "/" + string.Join(',', decimal.GetBits(v.High))
        : "null";

    private static Gen<decimal> Amount(int maxDecimals) =>
        Gen.Choose(1, 100_000_000).Zip(Gen.Choose(0, maxDecimals))
            .Select(t => decimal.Round(t.Item1 / 100m, t.Item2, MidpointRounding.AwayFromZero))
            .Where(v => v > 0);

    private static readonly string[] Comparators = ["≥", "≤", "", ">", "<", "＜"];
    private static readonly string[] Names = ["培训人数", "资金下达率", "群众满意度", "人均成本", "项目完成及时率"];
    private static readonly string[] Units = ["人", "%", "万元", "元", ""];

    private static Gen<Indicator> Row() =>
        from cmp in Gen.Elements(Comparators)
        from name in Gen.Elements(Names)
        from unit in Gen.Elements(Units)
        from target in Amount(2)
        from actual in Gen.OneOf(Amount(3), Gen.Constant(0m), Gen.Constant(target), Gen.Constant(target * 1.3m), Gen.Constant(target * 0.97m))
        from weight in Gen.Choose(0, 20)
        from printed in Gen.Choose(0, 6)
        from zero in Gen.Choose(0, 12)
        select new Indicator
        {
            Name = name,
            Level1 = "产出指标",
            Unit = unit,
            Target = zero == 0 ? "0" : cmp + PrintedNumber.FormatTrimmed(target),
            Actual = PrintedNumber.FormatTrimmed(decimal.Round(actual, 3)),
            Weight = weight == 0 ? null : PrintedNumber.Exact(weight),
            // A printed score: none, the weight, half of it, or the score the completion gives printed at 0–2 decimals (the
            // computed one, one rounded either way, one off).
            PrintedScore = weight == 0 || printed == 0 ? null
                : printed == 1 ? PrintedNumber.Exact(weight)
                : printed == 2 ? PrintedNumber.Parse((weight / 2m).ToString(CultureInfo.InvariantCulture))
                : new PrintedNumber(decimal.Round(Math.Min(1m, actual / target) * weight + (printed - 4) * 0.01m, printed - 3, MidpointRounding.AwayFromZero), printed - 3),
        };

    private static Gen<Evaluation> Table() =>
        from rows in Gen.ListOf(Row()).Where(l => l.Count > 0)
        from kind in Gen.Elements(EvaluationKind.Project, EvaluationKind.Transfer)
        select new Evaluation { Kind = kind, Title = "t", Funds = new FundSection(), Indicators = rows.ToList() };
}
