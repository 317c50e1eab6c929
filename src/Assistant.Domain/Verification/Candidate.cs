using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>A fact a number may be checked against: its parsed unit, its column (measure) and its place in the sheet's order.</summary>
internal sealed class Candidate(Fact fact, UnitSpec unit, int position)
{
    public Fact Fact { get; } = fact;

    public UnitSpec Unit { get; } = unit;

    /// <summary>Index in <see cref="SheetIndex.Candidates"/>; the order the verifier prefers facts in.</summary>
    public int Position { get; } = position;

    /// <summary>The fact's column: actual, target, budget, executed, rate, completion, gap…</summary>
    public string Measure { get; } = MeasureOf(fact);

    /// <summary>The fact's value (and range) expressed in the mention's magnitude.</summary>
    public (decimal Value, Interval? Range) InMentionUnits(UnitSpec mention)
    {
        decimal factor = Unit.Multiplier / mention.Multiplier;
        return (Fact.Value * factor, Fact.Range?.Scale(factor));
    }

    public static string MeasureOf(Fact f)
    {
        int bracket = f.Id.LastIndexOf(']');
        int from = bracket >= 0 && bracket + 1 < f.Id.Length && f.Id[bracket + 1] == '.' ? bracket + 2 : f.Id.LastIndexOf('.') + 1;
        return f.Id[from..];
    }
}
