using Assistant.Domain.Corpus;
using Assistant.Features.Evaluations;

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
    Guid? ExcludeDocument = null)
{
    /// <summary>
    /// A request from the words a caller typed (query string or command line): section and mode by
    /// name, then the usual checks; every problem is an <see cref="InputException"/> naming its field.
    /// </summary>
    public static SearchRequest FromText(string? query, int? top, string? section, string? fund, string? region, int? year, string? mode)
    {
        SectionKind? kind = null;
        if (!string.IsNullOrWhiteSpace(section))
        {
            kind = SectionKinds.TryParse(section, out var k)
                ? k
                : throw new InputException("section", $"未知的段落类型「{section}」，可选：{string.Join("、", SectionKinds.All)}。", $"Unknown section '{section}'; use one of {string.Join(", ", SectionKinds.All)}.");
        }

        var searchMode = SearchMode.Hybrid;
        if (!string.IsNullOrWhiteSpace(mode))
        {
            searchMode = Enum.GetValues<SearchMode>().FirstOrDefault(m => string.Equals(m.ToString(), mode.Trim(), StringComparison.OrdinalIgnoreCase), (SearchMode)(-1));
            if (!Enum.IsDefined(searchMode))
            {
                throw new InputException("mode", "mode 只能是 hybrid、vector 或 lexical。", "mode must be hybrid, vector or lexical.");
            }
        }

        var request = new SearchRequest(query ?? string.Empty, top ?? 5, kind, fund, region, year, searchMode);
        CorpusSearch.Validate(request);
        return request;
    }
}

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

    /// <summary>A file that could not be stored, and why.</summary>
    public static IngestResult Failure(string fileName, string error) =>
        new(fileName, Failed, null, null, null, null, null, 0, 0, 0, 0, 0, error);
}

public sealed record IngestSummary(int Ingested, int Duplicates, int Failed, IReadOnlyList<IngestResult> Files)
{
    /// <summary>
    /// The search indexes still being built in the background when the answer was given (names, such as
    /// <c>ix_corpus_passages_embedding</c>): a large load's graphs (HNSW), while the exact in-memory scan serves the
    /// vector half and the words' index the lexical half, so every stored passage is already searchable. Empty when
    /// nothing is being built.
    /// </summary>
    public IReadOnlyList<string> Building { get; init; } = [];
}

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
    IReadOnlyList<PassageView> Passages,
    string Scope = CorpusAudience.Shared);

public sealed record SectionView(int Level, string Number, string Heading, string Path, string Kind, string Text);

public sealed record StatementView(string Name, string? Target, string? Actual, string? Reason, string? Measure, bool Shortfall, string? Fund, string SectionPath);

/// <summary>A stored report; <c>Scope</c> is <c>shared</c> (published, every unit) or <c>unit</c> (the caller's unit's own).</summary>
public sealed record ReportListItem(Guid Id, string Title, string? Region, int? Year, string? Fund, string Source, int Passages, DateTimeOffset CreatedAt, string Scope = CorpusAudience.Shared);
