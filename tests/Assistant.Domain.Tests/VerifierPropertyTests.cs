using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Over every numeric fact of the reference tables: the fact written in any equivalent unit and at
/// any coarser rounding verifies; the same fact perturbed beyond its rounding never verifies as that fact.
/// </summary>
public class VerifierPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(400);

    private static void Holds(Property property) =>
        Assert.Null(Record.Exception(() => property.Check(Config)));

    private static readonly string[] Tables =
    [
        "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-employment-service-demo", "zhongwei-2024-internship-subsidy",
        "zhongwei-2024-employment-operating-funds", "guangxi-2024-employment-transfer",
    ];

    private static readonly List<(FactSheet Sheet, Fact Fact, string Name)> Actuals = Tables
        .Select(t => FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(RepoPaths.Reference(t)))))
        .SelectMany(sheet => sheet.Facts
            .Where(f => f.Id.EndsWith(".actual", StringComparison.Ordinal) && f.IndicatorIndex is { } i && f.Value > 0
                && f.Unit is "人" or "万人" or "人次" or "万人次" or "万元" or "亿元" or "个" or "家" or "%")
            .Select(f => (sheet, f, sheet.Evaluation.Indicators[f.IndicatorIndex!.Value].Name)))
        .ToList();

    /// <summary>The ways one quantity can be written: its own unit, or scaled between 万 and the base / 亿 and 万.</summary>
    private static IEnumerable<(decimal Factor, string Unit)> Equivalents(string unit) => unit switch
    {
        "人" => [(1m, "人"), (0.0001m, "万人")],
        "万人" => [(1m, "万人"), (10000m, "人")],
        "人次" => [(1m, "人次"), (0.0001m, "万人次")],
        "万人次" => [(1m, "万人次"), (10000m, "人次")],
        "万元" => [(1m, "万元"), (0.0001m, "亿元"), (10000m, "元")],
        "亿元" => [(1m, "亿元"), (10000m, "万元")],
        _ => [(1m, unit)],
    };

    private static Gen<(FactSheet Sheet, Fact Fact, string Name, decimal Factor, string Unit, int Decimals)> Written() =>
        from pick in Gen.Elements(Actuals.ToArray())
        from unit in Gen.Elements(Equivalents(pick.Fact.Unit).ToArray())
        let exact = pick.Fact.Value * unit.Factor
        let needed = Math.Max(0, pick.Fact.Decimals - (int)Math.Round(Math.Log10((double)unit.Factor)))
        from decimals in Gen.Choose(0, Math.Min(4, needed))
        where PrintedNumber.RoundHalfUp(exact, decimals) != 0
        select (pick.Sheet, pick.Fact, pick.Name, unit.Factor, unit.Unit, decimals);

    [Fact]
    public void AnyEquivalentUnitOrRounding_Verifies()
    {
        Holds(Prop.ForAll(Written().ToArbitrary(), w =>
        {
            var written = PrintedNumber.Format(PrintedNumber.RoundHalfUp(w.Fact.Value * w.Factor, w.Decimals), w.Decimals) + w.Unit;
            var report = Verifier.Verify(w.Sheet, $"{w.Name}实际完成{written}。");
            var mention = report.Mentions.Single(m => m.Mention.Number is not null && !m.Mention.IsIdentifier);
            return mention.Verdict is Verdict.Verified or Verdict.Derived;
        }));
    }

    [Fact]
    public void APerturbedValue_NeverVerifies()
    {
        var gen =
            from w in Written()
            from sign in Gen.Elements(-1m, 1m)
            from steps in Gen.Choose(2, 40)
            select (w, sign, steps);
        Holds(Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var (w, sign, steps) = x;
            decimal unitStep = PrintedNumber.Unit(w.Decimals);
            decimal rounded = PrintedNumber.RoundHalfUp(w.Fact.Value * w.Factor, w.Decimals);

            // Moved by at least two printed units, and at least 3 % away: beyond any rounding of the inputs.
            decimal perturbed = rounded + (sign * Math.Max(steps * unitStep, PrintedNumber.RoundHalfUp(Math.Abs(rounded) * 0.03m * steps / 2m, w.Decimals) + unitStep));
            if (perturbed <= 0)
            {
                return true;
            }

            var written = PrintedNumber.Format(perturbed, w.Decimals) + w.Unit;
            var report = Verifier.Verify(w.Sheet, $"{w.Name}实际完成{written}。");
            var mention = report.Mentions.Single(m => m.Mention.Number is not null && !m.Mention.IsIdentifier);

            // It may coincide with another number of the same indicator at coarse precision (72 人 − 2 万人
            // at 0.001 万 is the 28 人 gap); it must never pass as the fact it distorts.
            return mention.Verdict is Verdict.Unverified or Verdict.Contradicted || mention.FactId != w.Fact.Id;
        }));
    }

    [Fact]
    public void Zhalantun_SectionThreeClaim_ContradictsTheTable()
    {
        var sheet = FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "reports", "zhalantun-2024.evaluation.json"))));
        var text = File.ReadAllText(Path.Combine(RepoPaths.Shared, "seeds", "zhalantun-2024-employment-subsidy-report.txt"));
        var report = Verifier.Verify(sheet, text);
        int three = text.IndexOf("三、偏离绩效目标的原因", StringComparison.Ordinal);
        var claim = Assert.Single(report.Claims, c => c.Start > three && c.Verdict == Verdict.Contradicted);
        Assert.Equal("低于目标值", claim.Text);
        Assert.Contains("资金在规定时间内下达率", claim.Note, StringComparison.Ordinal);

        // The analysis in section 二 says the same indicator met its target, and that verifies.
        int analysis = text.IndexOf("资金在规定时间内下达率等于年度目标指标值100%", StringComparison.Ordinal);
        Assert.Contains(report.Mentions, m => m.Mention.Start > analysis && m.Mention.Start < analysis + 30 && m.Verdict == Verdict.Verified);
    }
}
