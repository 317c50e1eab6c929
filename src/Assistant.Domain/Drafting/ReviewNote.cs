namespace Assistant.Domain.Drafting;

/// <summary>
/// Something the unit must confirm or supply, or a reviewer's criterion the draft raised: shown beside the
/// draft, never written into the text to be submitted.
/// </summary>
/// <param name="Kind">One of <see cref="ReviewNoteKinds"/>.</param>
/// <param name="Message">The note in Chinese, addressed to the unit or the reviewer.</param>
/// <param name="ItemId">The draft item it concerns, when there is one.</param>
/// <param name="IndicatorIndex">The indicator row (0-based) it concerns, when there is one.</param>
/// <param name="IndicatorName">The indicator's name, for display.</param>
/// <param name="Part">The report part it belongs to (一 … 五), when known.</param>
public sealed record ReviewNote(string Kind, string Message, string? ItemId = null, int? IndicatorIndex = null, string? IndicatorName = null, string? Part = null);

/// <summary>The kinds of <see cref="ReviewNote"/>.</summary>
public static class ReviewNoteKinds
{
    /// <summary>The unit stated no reason; the draft's reason is a first analysis to confirm.</summary>
    public const string MissingReason = "missing-reason";

    /// <summary>The unit's reason does not explain the size of the gap, or contradicts the numbers.</summary>
    public const string WeakReason = "weak-reason";

    /// <summary>The same reason was given for several items.</summary>
    public const string RepeatedReason = "repeated-reason";

    /// <summary>A precedent was used; the unit should check it applies.</summary>
    public const string CheckPrecedent = "check-precedent";

    /// <summary>A reviewer's criterion (e.g. a total high for the execution rate) the draft addresses.</summary>
    public const string ReviewerCriterion = "reviewer-criterion";

    /// <summary>A reconciliation finding of the table that the report must mention or the unit must fix.</summary>
    public const string Finding = "finding";

    /// <summary>Something the unit must supply (a figure, a date, a fact the table does not hold).</summary>
    public const string Supply = "supply";
}
