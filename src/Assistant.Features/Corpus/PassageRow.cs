using Assistant.Domain.Corpus;
using Pgvector;

namespace Assistant.Features.Corpus;

/// <summary>
/// The one place a parsed passage becomes its stored row: metadata, text hash, lexical terms
/// (<see cref="LexicalTerms"/>) and the embedding input. The per-report path (<see cref="CorpusStore"/>)
/// and any bulk loader build rows here, so both search the same representation; after inserting rows,
/// either path brings the term statistics up to date with <see cref="CorpusTermCounts"/>.
/// </summary>
public static class PassageRow
{
    /// <summary>
    /// The row of passage <paramref name="p"/> of a document; <paramref name="vector"/> is the embedding of
    /// <see cref="EmbeddingText"/>; <paramref name="terms"/>, when given, are its <see cref="Terms"/> computed earlier.
    /// </summary>
    public static CorpusPassage Create(Guid documentId, Passage p, ReportMetadata metadata, float[] vector, string embedder, string? owner, string[]? terms = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(vector);
        return new CorpusPassage
        {
            DocumentId = documentId,
            Ordinal = p.Ordinal,
            Kind = SectionKinds.Name(p.Kind),
            SectionPath = p.SectionPath,
            Indicator = p.IndicatorName,
            Fund = p.Fund,
            Region = metadata.Region,
            Year = metadata.Year,
            Text = p.Text,
            TextHash = CorpusStore.TextHash(p.Text),
            Terms = terms ?? Terms(p.SectionPath, p.IndicatorName, p.Text),
            Embedding = new Vector(vector),
            Embedder = embedder,
            OwnerUnit = owner,
        };
    }

    /// <summary>The stored terms of a passage: its heading path, indicator and text.</summary>
    public static string[] Terms(string sectionPath, string? indicator, string text) =>
        LexicalTerms.Of(sectionPath + " " + indicator + " " + text);

    /// <summary>What is embedded for a passage: its last heading and indicator give context to short text.</summary>
    public static string EmbeddingText(Passage p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return EmbeddingText(p.SectionPath, p.IndicatorName, p.Text);
    }

    public static string EmbeddingText(string sectionPath, string? indicator, string text)
    {
        ArgumentNullException.ThrowIfNull(sectionPath);
        int at = sectionPath.LastIndexOf(" / ", StringComparison.Ordinal);
        string last = at < 0 ? sectionPath : sectionPath[(at + 3)..];
        return $"{last} {indicator} {text}";
    }
}
