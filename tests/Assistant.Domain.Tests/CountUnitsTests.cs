using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 45: a row counted in a unit the counting list held but the unit reader did not know (笔, 张, 辆, 株…) read its target
/// ≥3000笔 as a cell of several values, and the row went unjudged (its report counted 4 met + 1 short of 6 rows). Every unit
/// counted in whole things is read as a unit: the row is judged, met or short, as with 件.
/// </summary>
public sealed class CountUnitsTests
{
    public static TheoryData<string> Units() => new(UnitSpec.CountUnits.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Units))]
    public void ARowCountedInAnyCountUnit_IsJudged(string unit)
    {
        Evaluation table = EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "chat", "tables", "session45-ganzhou.json")));
        Evaluation With(string actual) => table with
        {
            Indicators = table.Indicators.Select((i, k) => k == 2 ? i with { Unit = unit, Target = "≥3000" + unit, Actual = actual + unit } : i).ToList(),
        };

        Assert.True(UnitSpec.IsKnownBase(unit), unit);
        Assert.Equal(IndicatorStatus.Exceeded, Calculator.Score(With("3215")).Indicators[2].Status);
        Assert.Equal(IndicatorStatus.Short, Calculator.Score(With("2800")).Indicators[2].Status);
    }
}
