using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Features.Corpus;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Drafting;

/// <summary>Which part of section 三 to draft.</summary>
public enum DraftSection
{
    /// <summary>The whole section 三: reasons, then measures.</summary>
    Deviation,
    DeviationReasons,
    ImprovementMeasures,
}

public static class DraftSections
{
    public static readonly string[] Names = ["deviation", "deviation-reasons", "improvement-measures"];

    public static string ToName(this DraftSection section) => section switch
    {
        DraftSection.DeviationReasons => "deviation-reasons",
        DraftSection.ImprovementMeasures => "improvement-measures",
        _ => "deviation",
    };

    public static DraftSection Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "deviation" or null or "" => DraftSection.Deviation,
        "deviation-reasons" => DraftSection.DeviationReasons,
        "improvement-measures" => DraftSection.ImprovementMeasures,
        _ => throw new InputException("section", $"未知的段落“{name}”，可选：deviation、deviation-reasons、improvement-measures。",
            $"Unknown section '{name}'; use deviation, deviation-reasons or improvement-measures."),
    };

    public static string PromptName(this DraftSection section) => section switch
    {
        DraftSection.DeviationReasons => PromptLibrary.DeviationReasons,
        DraftSection.ImprovementMeasures => PromptLibrary.ImprovementMeasures,
        _ => PromptLibrary.DeviationSection,
    };
}

/// <summary>A retrieved past passage the draft may cite as [S<see cref="Number"/>].</summary>
public sealed record DraftSource(int Number, SearchHit Hit);

/// <summary>An item to explain with the sources retrieved for it.</summary>
public sealed record BriefItem(DeviationItem Item, IReadOnlyList<int> ReasonSources, IReadOnlyList<int> MeasureSources);

/// <summary>Everything a drafter needs: the facts, the items and the sources. Passed to the offline drafter as is.</summary>
public sealed record DraftBrief(DraftSection Section, FactSheet Sheet, IReadOnlyList<BriefItem> Items, IReadOnlyList<DraftSource> Sources)
{
    /// <summary>The key under which the brief travels in <c>ChatOptions.AdditionalProperties</c>.</summary>
    public const string OptionKey = "assistant.draftBrief";

    public Evaluation Evaluation => Sheet.Evaluation;
}

/// <summary>What a caller asks for.</summary>
public sealed record DraftRequest(DraftSection Section = DraftSection.Deviation, string? Policy = null, string? Provider = null, int SourcesPerItem = 3);

/// <summary>A citation behind a paragraph: the stored report, its section and the passage.</summary>
public sealed record CitationDto(int Source, Guid DocumentId, string Title, string? Region, int? Year, string Section, string SectionPath, long PassageId, string Excerpt, string? Indicator = null);

public sealed record ParagraphDto(int Index, string Text, IReadOnlyList<string> Items, IReadOnlyList<CitationDto> Citations, IReadOnlyList<string> Facts);

public sealed record DraftItemDto(string Id, string Kind, string Name, int? IndicatorIndex, int? FundLineIndex, string? StatedReason, bool Covered, IReadOnlyList<int> Paragraphs);

public sealed record MaskedDto(int Paragraph, string Original, string Reason);

public sealed record FallbackDto(string Provider, string Model, string Error);

public sealed record ModelDto(string Provider, string Model, FallbackDto? Fallback);

public sealed record PromptDto(string Name, string Version);

/// <summary>A note to the unit or the reviewer, shown beside the draft and never part of its text.</summary>
public sealed record ReviewNoteDto(string Kind, string Message, string? Item, int? IndicatorIndex, string? Indicator, string? Part)
{
    public static ReviewNoteDto From(Assistant.Domain.Drafting.ReviewNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return new(note.Kind, note.Message, note.ItemId, note.IndicatorIndex, note.IndicatorName, note.Part);
    }
}

/// <summary>
/// A draft of (part of) section 三, as stored and returned: <c>status</c> is <c>verified</c> when every
/// number checked out and every item is covered, else <c>needs-review</c> (with what was masked or missing).
/// </summary>
public sealed record DraftResult(
    string Section,
    string Status,
    string Text,
    IReadOnlyList<ParagraphDto> Paragraphs,
    IReadOnlyList<DraftItemDto> Items,
    IReadOnlyList<string> Uncovered,
    IReadOnlyList<MaskedDto> Masked,
    VerificationResponse Verification,
    ModelDto Model,
    PromptDto Prompt,
    int Repairs,
    IReadOnlyList<CitationDto> Sources,
    IReadOnlyList<ReviewNoteDto> Notes,
    IReadOnlyList<Orchestration.AuditEntry>? Audit = null)
{
    public const string Verified = "verified";
    public const string NeedsReview = "needs-review";
}
