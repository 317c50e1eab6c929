using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Tests;

/// <summary>
/// <see cref="QuantityTrace"/> (session 31: a quantity row's trace kept as its arguments, written into a span
/// or made into a string by the same method) gives the characters the session-30 closures gave — their
/// methods are copied below as the reference — for every status, both formulas, with and without a weight
/// or a score, over generated decimals of every scale and sign, in units with and without a magnitude.
/// </summary>
public class QuantityTraceTests
{
    private static readonly IndicatorStatus[] Statuses = Enum.GetValues<IndicatorStatus>();
    private static readonly UnitSpec[] Units = new[] { "人", "万元", "%", "亿元", "元/人", "" }.Select(UnitSpec.Parse).ToArray();

    [Fact]
    public void GeneratedArguments_SameTextAsTheSession30Traces()
    {
        var random = new Random(3101);
        for (int round = 0; round < 20_000; round++)
        {
            ScoringPolicy policy = ScoringPolicy.All[random.Next(ScoringPolicy.All.Count)];
            IndicatorStatus status = Statuses[random.Next(Statuses.Length)];
            decimal? weight = random.Next(5) == 0 ? null : Value(random);
            decimal? score = random.Next(5) == 0 ? null : Value(random);
            decimal target = Value(random), actual = Value(random);
            decimal completion = random.Next(4) == 0 ? policy.OvershootThreshold : Value(random) / 100m;
            UnitSpec display = Units[random.Next(Units.Length)];
            bool reverse = random.Next(2) == 0;

            string expected = reverse
                ? ReverseTrace(status, weight, score, display.Over(target), display.Over(actual), policy)
                : PositiveTrace(status, weight, score, display.Over(target), display.Over(actual), completion, policy);
            var trace = new QuantityTrace(reverse, target, actual, display, policy);
            Assert.True(trace.IsKept);
            Assert.Equal(expected, trace.ToString(status, weight, score, completion));

            char[] exact = new char[expected.Length];
            Assert.True(trace.TryFormat(exact, out int written, status, weight, score, completion));
            Assert.Equal(expected, new string(exact, 0, written));
            Assert.False(trace.TryFormat(new char[expected.Length - 1], out _, status, weight, score, completion));
        }
    }

    [Fact]
    public void TheDefault_KeepsNoTrace() => Assert.False(default(QuantityTrace).IsKept);

    [Fact]
    public void TheLargestNumbers_FitTheRoomTheWriterGives()
    {
        decimal big = decimal.MaxValue, small = new(1, 0, 0, true, 28);
        foreach (ScoringPolicy policy in ScoringPolicy.All)
        {
            foreach (IndicatorStatus status in Statuses)
            {
                foreach (bool reverse in new[] { false, true })
                {
                    var trace = new QuantityTrace(reverse, big, small, UnitSpec.Parse("亿元"), policy);
                    Assert.True(trace.TryFormat(new char[QuantityTrace.MaxLength], out int written, status, big, small, policy.OvershootThreshold));
                    Assert.Equal(trace.ToString(status, big, small, policy.OvershootThreshold).Length, written);
                }
            }
        }
    }

    /// <summary>Decimals of every scale and sign, from zero to 29 digits.</summary>
    private static decimal Value(Random random) => random.Next(6) switch
    {
        0 => 0m,
        1 => random.Next(0, 100_000) / 100m,
        2 => new decimal(random.Next(), random.Next(), random.Next(), random.Next(4) == 0, (byte)random.Next(0, 29)),
        3 => -random.Next(1, 10_000) / 10m,
        4 => random.Next(1, 1000),
        _ => new decimal(random.Next(), 0, 0, false, (byte)random.Next(0, 10)),
    };

    // The session-30 traces (Calculator.PositiveTrace and ReverseTrace, closures over these arguments), as they were.
    private static string PositiveTrace(IndicatorStatus status, decimal? weight, decimal? score, decimal target, decimal actual, decimal completion, ScoringPolicy policy)
    {
        string w = weight is { } ww ? PrintedNumber.FormatTrimmed(ww) : "分值";
        PrintedText pct = PrintedText.Fixed(completion * 100m, 2);
        if (status == IndicatorStatus.Short)
        {
            return score is { } s
                ? $"正向指标：{w} × {PrintedText.Trimmed(actual)} ÷ {PrintedText.Trimmed(target)} = {PrintedText.Fixed(s, 2)}（完成率{pct}%）"
                : $"正向指标：{w} × {PrintedText.Trimmed(actual)} ÷ {PrintedText.Trimmed(target)} = —（完成率{pct}%）";
        }

        return policy.ReduceForLowTargets && completion >= policy.OvershootThreshold
            ? $"正向指标超额{pct}%，目标设定偏低，按偏离度扣分：{w} × (2 − {pct}%) = {Fmt(score)}"
            : $"正向指标：完成值{PrintedText.Trimmed(actual)}不低于指标值{PrintedText.Trimmed(target)}（完成率{pct}%），得满分{w}";
    }

    private static string ReverseTrace(IndicatorStatus status, decimal? weight, decimal? score, decimal target, decimal actual, ScoringPolicy policy)
    {
        string w = weight is { } ww ? PrintedNumber.FormatTrimmed(ww) : "分值";
        PrintedText tx = PrintedText.Trimmed(target), ax = PrintedText.Trimmed(actual);
        return status != IndicatorStatus.Short
            ? $"反向指标：完成值{ax}不高于指标值{tx}，得满分{w}"
            : policy.ReverseFormula == ReverseFormula.Ratio
                ? $"反向指标超出：{w} × {tx} ÷ {ax} = {Fmt(score)}"
                : $"反向指标超出：{w} × (1 − ({ax} − {tx}) ÷ {tx}) = {Fmt(score)}";
    }

    private static string Fmt(decimal? value) => value is { } v ? PrintedNumber.Format(v, 2) : "—";
}
