using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>What a number in a text is (contract: quantity | percent | money | year | date | document-number | ordinal).</summary>
public enum MentionKind
{
    Quantity,
    Percent,
    Money,
    Year,
    Date,
    DocumentNumber,
    Ordinal,
}

/// <summary>The verdict on one number or claim (verified | derived | identifier | unverified | contradicted | out-of-scope).</summary>
public enum Verdict
{
    Verified,
    Derived,
    Identifier,
    Unverified,
    Contradicted,

    /// <summary>About something the table does not cover (a population, another programme, a sub-region's project): neither checked nor contradicted.</summary>
    OutOfScope,
}

/// <summary>A number found in a text: where, what it says (value with printed decimals, unit, qualifier), and what it is.</summary>
public sealed record Mention(int Start, int Length, string Text, MentionKind Kind, PrintedNumber? Number, UnitSpec Unit, string? Qualifier)
{
    public bool IsIdentifier => Kind is MentionKind.Year or MentionKind.Date or MentionKind.DocumentNumber or MentionKind.Ordinal;

    /// <summary>约, 近, 左右…: an approximate statement, allowed a looser match.</summary>
    public bool IsApproximate => Qualifier is "约" or "近" or "左右" or "大约" or "将近" or "接近" or "约为";
}

/// <summary>A mention with its verdict and the fact (or computation) behind it.</summary>
public sealed record CheckedMention(Mention Mention, Verdict Verdict, string? FactId, string? Note)
{
    /// <summary>Why the verdict was given, for the passes after the check (session 42); not part of the contract's JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal MentionReason Reason { get; init; }
}

/// <summary>Why a number got its verdict, where a later pass needs to know (instead of reading the note's words).</summary>
internal enum MentionReason
{
    /// <summary>No reason recorded.</summary>
    None,

    /// <summary>Out of scope: its clause speaks of a subject of its own that the table does not name.</summary>
    OwnSubject,
}

/// <summary>What a directional phrase asserts about an indicator.</summary>
public enum ClaimKind
{
    /// <summary>超额完成.</summary>
    Exceeded,
    /// <summary>完成, 达到目标, 全部完成.</summary>
    Met,
    /// <summary>未完成, 未达到, 低于目标.</summary>
    Short,
    /// <summary>评价等级为“优”: the grade the 总分 earns.</summary>
    Grade,
}

public sealed record CheckedClaim(int Start, int Length, string Text, ClaimKind Kind, Verdict Verdict, string? FactId, string? Note);

public sealed record VerificationSummary(int Numbers, int Verified, int Derived, int Identifiers, int Unverified, int Contradicted, int Claims, int ClaimsContradicted)
{
    /// <summary>Numbers about something the table does not cover.</summary>
    public int OutOfScope { get; init; }

    /// <summary>Claims about something the table does not cover.</summary>
    public int ClaimsOutOfScope { get; init; }
}

/// <summary>Every number and claim of a text, checked against an evaluation's facts.</summary>
public sealed record VerificationReport(IReadOnlyList<CheckedMention> Mentions, IReadOnlyList<CheckedClaim> Claims, VerificationSummary Summary)
{
    /// <summary>True when nothing is unverified or contradicted.</summary>
    public bool IsClean => Summary.Unverified == 0 && Summary.Contradicted == 0 && Summary.ClaimsContradicted == 0;

    /// <summary>The facts the text was checked against (null when checked against several tables): names a fact id in words for staff.</summary>
    public Facts.FactSheet? Sheet { get; init; }

    /// <summary>What a fact id is in words (<see cref="Facts.FactSheet.Describe"/>), or “自评表” without a sheet.</summary>
    public string Describe(string? factId) => Sheet?.Describe(factId) ?? "自评表";
}
