using System.Text.Json;
using Assistant.Domain.Corpus;
using Assistant.Features.Evaluations;
using Assistant.Features.Storage;

namespace Assistant.Features.Corpus;

/// <summary>
/// A report ready to store: cleaned text, its parse and its content hash. Made by
/// <see cref="CorpusRows.Prepare"/>; both ingestion paths (one upload, bulk load) store it with the
/// same row builders, so the rows they write are identical.
/// </summary>
public sealed record PreparedReport(string FileName, string Text, ParsedReport Report, string ContentHash, string Source, string? Owner)
{
    /// <summary>What is embedded for each passage, in passage order.</summary>
    public IReadOnlyList<string> EmbeddingTexts { get; } = Report.Passages.Select(CorpusRows.EmbeddingText).ToArray();

    /// <summary>
    /// Each passage's lexical terms (<see cref="PassageRow.Terms"/>), in passage order: segmented here,
    /// where a bulk load prepares documents on every core, rather than on its single writing path.
    /// </summary>
    public IReadOnlyList<string[]> PassageTerms { get; } = Report.Passages.Select(p => PassageRow.Terms(p.SectionPath, p.IndicatorName, p.Text)).ToArray();

    /// <summary>The answer for this file once stored (or found already stored) under <paramref name="id"/>.</summary>
    public IngestResult Result(string status, Guid? id) =>
        new(FileName, status, id, Report.Metadata.Title, Report.Metadata.Region, Report.Metadata.Year, Report.Metadata.Fund,
            Report.Sections.Count, Report.Statements.Count, Report.Passages.Count, Report.Reasons.Count(), Report.Measures.Count(), null);
}

/// <summary>The one place a report's text becomes stored rows (document and passages).</summary>
public static class CorpusRows
{
    /// <summary>Passages one document may have (a long report has a few hundred).</summary>
    public const int MaxPassages = 2000;

    private static readonly JsonSerializerOptions Json = ScoreContract.JsonOptions;

    /// <summary>
    /// Cleans, checks and parses one report's text. A report that cannot be stored is a failed
    /// <see cref="IngestResult"/> naming the file with a bilingual reason; nothing else is thrown.
    /// </summary>
    public static (PreparedReport? Report, IngestResult? Failure) Prepare(string fileName, string text, ReportHints? hints, string source, string? owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > DocumentText.MaxTextChars)
        {
            return (null, IngestResult.Failure(fileName, $"文件文字过多（超过{DocumentText.MaxTextChars}字）。 / The file has too much text (over {DocumentText.MaxTextChars} characters)."));
        }

        fileName = StorableText.Clean(fileName);
        text = StorableText.Clean(text);
        hints = hints is null ? null : new ReportHints(StorableText.CleanOrNull(hints.Title), StorableText.CleanOrNull(hints.Region), hints.Year, StorableText.CleanOrNull(hints.Fund));
        cancellationToken.ThrowIfCancellationRequested();
        var report = ReportParser.Parse(text, hints);
        if (report.Passages.Count == 0)
        {
            return (null, IngestResult.Failure(fileName, "没有可检索的段落。 / No passages found in the text."));
        }

        if (report.Passages.Count > MaxPassages)
        {
            return (null, IngestResult.Failure(fileName, $"报告切分出的段落过多（{report.Passages.Count}段，上限{MaxPassages}段），不像一份绩效自评报告。 / The report splits into too many passages ({report.Passages.Count}; at most {MaxPassages}) for a performance self-evaluation report."));
        }

        return (new PreparedReport(fileName, text, report, CorpusStore.ContentHash(text), source, owner), null);
    }

    /// <summary>The document row.</summary>
    public static CorpusDocument Document(PreparedReport prepared, Guid id, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var report = prepared.Report;
        var m = report.Metadata;
        return new CorpusDocument
        {
            Id = id,
            ContentHash = prepared.ContentHash,
            FileName = prepared.FileName,
            Title = m.Title,
            Region = m.Region,
            Year = m.Year,
            Fund = m.Fund,
            Source = prepared.Source,
            Sections = JsonSerializer.Serialize(report.Sections.Select(CorpusStore.SectionView), Json),
            Statements = JsonSerializer.Serialize(report.Statements.Select(CorpusStore.StatementView), Json),
            CharCount = prepared.Text.Length,
            PassageCount = report.Passages.Count,
            CreatedAt = createdAt,
            OwnerUnit = prepared.Owner,
        };
    }

    /// <summary>The passage rows (<see cref="PassageRow.Create"/>), with their vectors (one per passage, in order) made by <paramref name="embedder"/>.</summary>
    public static IEnumerable<CorpusPassage> Passages(PreparedReport prepared, Guid documentId, IReadOnlyList<float[]> vectors, string embedder)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(vectors);
        var m = prepared.Report.Metadata;
        return prepared.Report.Passages.Select((p, i) => PassageRow.Create(documentId, p, m, vectors[p.Ordinal], embedder, prepared.Owner, prepared.PassageTerms[i]));
    }

    /// <summary>What is embedded for a passage (<see cref="PassageRow.EmbeddingText(Passage)"/>).</summary>
    public static string EmbeddingText(Passage p) => PassageRow.EmbeddingText(p);
}
