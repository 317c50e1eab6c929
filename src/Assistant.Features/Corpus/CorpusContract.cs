using Assistant.Domain.Corpus;

namespace Assistant.Features.Corpus;

/// <summary>How a search ranks: both sides fused (default), or one side alone (for comparison and evaluation).</summary>
public enum SearchMode
{
    Hybrid,
    Vector,
    Lexical,
}

/// <summary>A corpus query with its filters.</summary>
public sealed record SearchRequest(
    string Query,
    int Top = 5,
    SectionKind? Kind = null,
    string? Fund = null,
    string? Region = null,
    int? Year = null,
    SearchMode Mode = SearchMode.Hybrid,
    Guid? ExcludeDocument = null);

/// <summary>One passage found, with where it comes from.</summary>
public sealed record SearchHit(
    long PassageId,
    Guid DocumentId,
    string Title,
    string? Region,
    int? Year,
    string? Fund,
    string Section,
    string SectionPath,
    string? Indicator,
    string Text,
    double Score,
    int? VectorRank,
    int? LexicalRank);

public sealed record SearchResponse(string Query, string Mode, int Count, IReadOnlyList<SearchHit> Hits);

/// <summary>What happened to one file given to ingest.</summary>
public sealed record IngestResult(
    string FileName,
    string Status,
    Guid? DocumentId,
    string? Title,
    string? Region,
    int? Year,
    string? Fund,
    int Sections,
    int Statements,
    int Passages,
    int Reasons,
    int Measures,
    string? Error)
{
    public const string Ingested = "ingested";
    public const string Duplicate = "duplicate";
    public const string Failed = "failed";
}

public sealed record IngestSummary(int Ingested, int Duplicates, int Failed, IReadOnlyList<IngestResult> Files);

public sealed record PassageView(long Id, int Ordinal, string Section, string SectionPath, string? Indicator, string? Fund, string Text);

public sealed record ReportView(
    Guid Id,
    string Title,
    string? Region,
    int? Year,
    string? Fund,
    string FileName,
    string Source,
    DateTimeOffset CreatedAt,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<StatementView> Statements,
    IReadOnlyList<PassageView> Passages);

public sealed record SectionView(int Level, string Number, string Heading, string Path, string Kind, string Text);

public sealed record StatementView(string Name, string? Target, string? Actual, string? Reason, string? Measure, bool Shortfall, string? Fund, string SectionPath);

public sealed record ReportListItem(Guid Id, string Title, string? Region, int? Year, string? Fund, string Source, int Passages, DateTimeOffset CreatedAt);
