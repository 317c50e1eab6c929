namespace Assistant.Domain.Verification;

/// <summary>
/// Session 41: counts whose clause names its row the way staff write, asked again against that row (<see cref="ShortNames.Plain"/>),
/// and contradicted numbers' notes naming the fact the writer meant (<see cref="RightNotes"/>).
/// </summary>
public sealed partial class Verifier
{
    private void PlainRows(List<CheckedMention> checkedMentions, IReadOnlyList<Mention> extracted, VerificationContext context)
    {
        ShortNames.Place PlaceOf(int k)
        {
            Mention m = extracted[k];
            Clause clause = context.Clauses[Clause.IndexAt(context.Clauses, m.Start)];
            return new ShortNames.Place(clause.Before(m.Start), clause.After(m.Start + m.Length), clause.SentenceStart);
        }

        ShortNames.Plain(_sheet, checkedMentions, PlaceOf, (k, row, named) => InRange(Check(extracted[k], k, context, new Binding([row], named, true)), context));
        RightNotes.Mend(_sheet, checkedMentions, PlaceOf);
        // Session 43: bounds held to the fact they speak of (thresholds over several lines, qualified bounds, 成, level scores, savings).
        StatedBounds(_sheet, checkedMentions, PlaceOf, context.Normalized);
    }
}
