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
        ReadOnlySpan<char> measure = f.Id.AsSpan(from);

        // Session 36: the fact sheet's own columns are shared strings, not a new one per candidate (the same text, so the
        // same comparisons; equal references also make them quick).
        foreach (string known in KnownMeasures)
        {
            if (measure.SequenceEqual(known))
            {
                return known;
            }
        }

        return measure.ToString();
    }

    /// <summary>The columns a fact sheet names its facts by (FactSheet), most common first.</summary>
    internal static readonly string[] KnownMeasures =
    [
        "actual", "target", "gap", "score", "weight", "completion", "rate", "lost", "excess", "shortfall", "adjustment",
        "budget", "executed", "balance", "initialBudget", "unexecutedRate", "share.budget", "share.executed",
    ];
}
