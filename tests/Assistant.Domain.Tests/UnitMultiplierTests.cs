using Assistant.Domain.Cells;
using Assistant.Domain.Numbers;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 30: the scorer skips multiplying and dividing by a unit's multiplier when it is exactly 1
/// (<see cref="UnitSpec.Times"/>, <see cref="UnitSpec.Over"/>). That changes no number only if × 1 and ÷ 1
/// give every decimal back bit for bit — value, scale and sign — which is what this holds, with the
/// multipliers the parser gives.
/// </summary>
public class UnitMultiplierTests
{
    private static bool Same(decimal a, decimal b) => decimal.GetBits(a).SequenceEqual(decimal.GetBits(b));

    private static bool Unchanged(decimal v) => Same(v * 1m, v) && Same(v / 1m, v) && Same(UnitSpec.None.Times(v), v * 1m) && Same(UnitSpec.None.Over(v), v / 1m);

    [Fact]
    public void TimesAndOverOne_GiveEveryDecimalBack()
    {
        Gen<decimal> value =
            from lo in Gen.Choose(int.MinValue, int.MaxValue)
            from mid in Gen.Elements(0, 0, 1, 7, 123456, int.MaxValue, -1)
            from hi in Gen.Elements(0, 0, 0, 1, 232, int.MaxValue, -1)
            from negative in Gen.Elements(true, false)
            from scale in Gen.Choose(0, 28)
            select new decimal(lo, mid, hi, negative, (byte)scale);
        Prop.ForAll(value.ToArbitrary(), Unchanged).Check(Config.QuickThrowOnFailure.WithMaxTest(30_000));
        foreach (decimal v in new[] { 0m, 0.000m, new decimal(0, 0, 0, true, 0), new decimal(0, 0, 0, true, 5), decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, 2.50m, 100m })
        {
            Assert.True(Unchanged(v), v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void OnlyAnExactOne_IsSkipped()
    {
        Assert.True(UnitSpec.None.MultipliesByOne);
        Assert.True(UnitSpec.Bare("人").MultipliesByOne);
        Assert.True(UnitSpec.Parse("%").MultipliesByOne);
        Assert.False(UnitSpec.Parse("万人").MultipliesByOne);
        Assert.False(new UnitSpec(string.Empty, 1.0m, "人").MultipliesByOne); // 1.0 would change a scale: multiplied
        Assert.Equal(2.500m, new UnitSpec(string.Empty, 1.0m, "人").Times(2.50m));
        Assert.Equal(3, decimal.GetBits(new UnitSpec(string.Empty, 1.0m, "人").Times(2.50m))[3] >> 16);
        Assert.Equal(405500m, Assert.IsType<QuantityCell>(CellParser.Parse("40.55万", "人")).BaseValue);
        Assert.Equal(97.91m, Assert.IsType<QuantityCell>(CellParser.Parse("97.91%")).BaseValue);
    }
}
