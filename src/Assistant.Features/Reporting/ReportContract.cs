using Assistant.Domain.Reporting;
using Assistant.Domain.Verification;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Reporting;

/// <summary>How a part's numbers checked out, and what did not, in words.</summary>
public sealed record PartVerificationDto(int Numbers, int Verified, int Unverified, int Contradicted, int ClaimsContradicted, IReadOnlyList<string> Problems)
{
    public static PartVerificationDto From(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        VerificationSummary s = report.Summary;
        return new(s.Numbers - s.Identifiers, s.Verified + s.Derived, s.Unverified, s.Contradicted, s.ClaimsContradicted,
            Assistant.Domain.Drafting.DraftText.Problems(report).Select(p => p.Reason).ToList());
    }
}

/// <summary>
/// One part of the report as stored: its text (what is submitted), the notes beside it (never in the text),
/// what was taken out, how its numbers verified, its sources, and who wrote it (drafted, or edited by a key).
/// </summary>
public sealed record ReportPartDto(
    string Key,
    string Heading,
    string Status,
    string Text,
    IReadOnlyList<ReviewNoteDto> Notes,
    IReadOnlyList<MaskedDto> Masked,
    PartVerificationDto Verification,
    IReadOnlyList<CitationDto> Sources,
    ModelDto Model,
    PromptDto Prompt,
    int Repairs,
    string Origin,
    string? EditedBy = null,
    DateTimeOffset? EditedAt = null)
{
    public const string Drafted = "drafted";
    public const string Edited = "edited";
}

/// <summary>The whole report: the five parts in order, with the 总分 and grade from the calculator.</summary>
public sealed record ReportDraft(string Title, int? Year, string? Region, string Kind, string Policy, string? Total, string? Grade, string Status, IReadOnlyList<ReportPartDto> Parts)
{
    public ReportPartDto? Part(string key) => Parts.FirstOrDefault(p => p.Key == key);

    /// <summary>The submitted text: every part's text in order.</summary>
    public string Text => string.Join("\n", ReportParts.Keys.Select(k => Part(k)?.Text).Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>This report with one part replaced; status recomputed.</summary>
    public ReportDraft With(ReportPartDto part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var parts = ReportParts.Keys
            .Select(k => k == part.Key ? part : Part(k))
            .Where(p => p is not null)
            .Select(p => p!)
            .ToList();
        return this with { Parts = parts, Status = StatusOf(parts) };
    }

    public static string StatusOf(IReadOnlyList<ReportPartDto> parts) =>
        parts.Count == ReportParts.All.Count && parts.All(p => p.Status == DraftResult.Verified) ? DraftResult.Verified : DraftResult.NeedsReview;
}

/// <summary>What a caller asks for: every part (<see cref="Part"/> null) or one.</summary>
public sealed record ReportRequest(string? Part = null, string? Policy = null, string? Provider = null, int SourcesPerItem = 3);

public static class ReportRequests
{
    /// <summary>The part's key, or a bilingual 400 naming the field.</summary>
    public static string ParsePart(string? name, string field = "part") =>
        ReportParts.Find(name)?.Key ?? throw new InputException(field,
            $"未知的报告部分“{name}”，可选：{string.Join("、", ReportParts.Keys)}（或一至五）。",
            $"Unknown report part '{name}'; use {string.Join(", ", ReportParts.Keys)} (or 1-5).");
}
