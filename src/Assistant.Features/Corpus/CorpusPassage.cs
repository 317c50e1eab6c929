using Assistant.Domain.Corpus;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pgvector;

namespace Assistant.Features.Corpus;

/// <summary>
/// One searchable passage of a stored report, with its embedding (pgvector, HNSW cosine index) and its
/// words (<see cref="Terms"/>, GIN index). Rows are built by <see cref="PassageRow"/>.
/// </summary>
public sealed class CorpusPassage
{
    public long Id { get; set; }

    public Guid DocumentId { get; set; }

    public int Ordinal { get; set; }

    public required string Kind { get; set; }

    public required string SectionPath { get; set; }

    public string? Indicator { get; set; }

    public string? Fund { get; set; }

    public string? Region { get; set; }

    public int? Year { get; set; }

    public required string Text { get; set; }

    public required string TextHash { get; set; }

    /// <summary>The passage's words in order, repeats kept (<see cref="LexicalTerms"/>); null until segmented (rows from before word segmentation are filled at start-up).</summary>
    public string[]? Terms { get; set; }

    /// <summary>The vector; its size follows Embeddings:Dimensions (the column is re-typed at start-up when it changes).</summary>
    public Vector? Embedding { get; set; }

    /// <summary>Provider, model and size the vector was made with (<see cref="EmbeddingGeneratorExtensions.Identity"/>).</summary>
    public string? Embedder { get; set; }

    /// <summary>The owning document's unit (null: published), so search filters inside the index scans.</summary>
    public string? OwnerUnit { get; set; }
}

internal sealed class CorpusPassageMapping : IEntityTypeConfiguration<CorpusPassage>
{
    public void Configure(EntityTypeBuilder<CorpusPassage> e)
    {
        e.ToTable("corpus_passages");
        e.HasKey(p => p.Id).HasName("corpus_passages_pkey");
        e.Property(p => p.Id).HasColumnName("id").UseSerialColumn();
        e.Property(p => p.DocumentId).HasColumnName("document_id");
        e.Property(p => p.Ordinal).HasColumnName("ordinal");
        e.Property(p => p.Kind).HasColumnName("kind");
        e.Property(p => p.SectionPath).HasColumnName("section_path");
        e.Property(p => p.Indicator).HasColumnName("indicator");
        e.Property(p => p.Fund).HasColumnName("fund");
        e.Property(p => p.Region).HasColumnName("region");
        e.Property(p => p.Year).HasColumnName("year");
        e.Property(p => p.Text).HasColumnName("text");
        e.Property(p => p.TextHash).HasColumnName("text_hash");
        e.Property(p => p.Terms).HasColumnName("terms").HasColumnType("text[]");
        e.Property(p => p.Embedding).HasColumnName("embedding").HasColumnType($"vector({HashingEmbedding.DefaultDimensions})");
        e.Property(p => p.Embedder).HasColumnName("embedder");
        e.Property(p => p.OwnerUnit).HasColumnName("owner_unit");
        e.HasAlternateKey(p => new { p.DocumentId, p.Ordinal }).HasName("corpus_passages_document_id_ordinal_key");
        e.HasOne<CorpusDocument>().WithMany().HasForeignKey(p => p.DocumentId)
            .HasConstraintName("corpus_passages_document_id_fkey").OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => p.Embedding).HasMethod("hnsw").HasOperators("vector_cosine_ops").HasDatabaseName("ix_corpus_passages_embedding");
        // The drafter's own filter (section=deviation-reason, a quarter of the passages) gets its own
        // graph: under that filter the whole graph's iterative scan walks far past passages of other
        // kinds (CorpusSearch.SectionIndexedKinds; docs/benchmarks.md, issue 21 — search, session 26).
        e.HasIndex(p => p.Embedding, CorpusSearch.DeviationReasonIndex).HasMethod("hnsw").HasOperators("vector_cosine_ops")
            .HasFilter("kind = 'deviation-reason'");
        // A document scope's exact scan reads every vector it ranks from this index alone (an index-only
        // scan: no heap row, no TOAST read of the out-of-line vector; DocumentScope.VectorIndex).
        e.HasIndex(p => p.DocumentId).HasDatabaseName(DocumentScope.VectorIndex)
            .IncludeProperties(p => new { p.Id, p.Kind, p.Embedding });
        e.HasIndex(p => p.Terms).HasMethod("gin").HasDatabaseName("ix_corpus_passages_terms");
        e.HasIndex(p => p.Kind).HasDatabaseName("ix_corpus_passages_kind");
        e.HasIndex(p => p.Embedder).HasDatabaseName("ix_corpus_passages_embedder");
        e.HasIndex(p => p.OwnerUnit).HasDatabaseName("ix_corpus_passages_owner_unit");
    }
}
