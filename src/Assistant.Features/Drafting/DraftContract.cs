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

    public static DraftSection Parse(string? name) => TryParse(name, out DraftSection section)
        ? section
        : throw new InputException("section", Problem(name).Zh, Problem(name).En);

    /// <summary>
    /// The section by its contract name (deviation …) or as staff and <c>/report</c> name it: 三 / 3 / 第三部分 / 三、偏离绩效目标的原因和下一步改进措施
    /// for the whole part, 原因 / 偏离原因 for its reasons, 措施 / 改进措施 for its measures (probe 38 #12).
    /// </summary>
    public static bool TryParse(string? name, out DraftSection section)
    {
        string n = (name ?? string.Empty).Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        DraftSection? found = n switch
        {
            "" or "deviation" or "三" or "3" or "第三部分" or "第3部分" or "第三" or "part三" => DraftSection.Deviation,
            "deviation-reasons" or "原因" or "偏离原因" or "偏差原因" or "偏离绩效目标的原因" or "三（一）" or "三(一)" => DraftSection.DeviationReasons,
            "improvement-measures" or "措施" or "改进措施" or "下一步改进措施" or "三（二）" or "三(二)" => DraftSection.ImprovementMeasures,
            _ when n.StartsWith("三、", StringComparison.Ordinal) || n.StartsWith("三.", StringComparison.Ordinal) => DraftSection.Deviation,
            _ => null,
        };
        section = found ?? DraftSection.Deviation;
        return found is not null;
    }

    /// <summary>Why a section name was refused, in Chinese and English, naming <c>section</c>; a part other than 三 points to <c>/report</c>.</summary>
    public static (string Zh, string En) Problem(string? name)
    {
        string n = (name ?? string.Empty).Trim();
        if (Domain.Reporting.ReportParts.Find(n) is { } part && part.Key != Domain.Reporting.ReportParts.Deviation)
        {
            return ($"section：草稿接口只起草第三部分（偏离绩效目标的原因和下一步改进措施），“{n}”是第{part.Numeral}部分，请用 POST /evaluations/{{id}}/report 并写 \"part\":\"{part.Numeral}\"。",
                $"section: drafts cover part 三 (deviation reasons and measures) only; '{n}' is part {part.Numeral} ({part.Key}): use POST /evaluations/{{id}}/report with \"part\":\"{part.Key}\".");
        }

        return ($"section：未知的段落“{n}”，可选：三（或 deviation，整个第三部分）、原因（deviation-reasons）、措施（improvement-measures）。",
            $"section: unknown section '{n}'; use 三 or deviation (the whole part 三), deviation-reasons or improvement-measures.");
    }

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
