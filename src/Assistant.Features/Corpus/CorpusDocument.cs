using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Corpus;

/// <summary>A stored report: its metadata, sections and indicator statements (JSON); passages are <see cref="CorpusPassage"/>.</summary>
public sealed class CorpusDocument
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the whitespace-free text: the same report is stored once.</summary>
    public required string ContentHash { get; set; }

    public required string FileName { get; set; }

    public required string Title { get; set; }

    public string? Region { get; set; }

    public int? Year { get; set; }

    public string? Fund { get; set; }

    public required string Source { get; set; }

    public required string Sections { get; set; }

    public required string Statements { get; set; }

    public int CharCount { get; set; }

    public int PassageCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The unit that owns it (seen by that unit only); null for a published report.</summary>
    public string? OwnerUnit { get; set; }
}

internal sealed class CorpusDocumentMapping : IEntityTypeConfiguration<CorpusDocument>
{
    public void Configure(EntityTypeBuilder<CorpusDocument> e)
    {
        e.ToTable("corpus_documents");
        e.HasKey(d => d.Id).HasName("corpus_documents_pkey");
        e.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(d => d.ContentHash).HasColumnName("content_hash");
        e.Property(d => d.FileName).HasColumnName("file_name");
        e.Property(d => d.Title).HasColumnName("title");
        e.Property(d => d.Region).HasColumnName("region");
        e.Property(d => d.Year).HasColumnName("year");
        e.Property(d => d.Fund).HasColumnName("fund");
        e.Property(d => d.Source).HasColumnName("source");
        e.Property(d => d.Sections).HasColumnName("sections").HasColumnType("jsonb");
        e.Property(d => d.Statements).HasColumnName("statements").HasColumnType("jsonb");
        e.Property(d => d.CharCount).HasColumnName("char_count");
        e.Property(d => d.PassageCount).HasColumnName("passage_count");
        e.Property(d => d.CreatedAt).HasColumnName("created_at");
        e.Property(d => d.OwnerUnit).HasColumnName("owner_unit");

        // A document is stored once per owner (published reports share the NULL owner).
        e.HasIndex(d => new { d.ContentHash, d.OwnerUnit }).IsUnique().AreNullsDistinct(false).HasDatabaseName("ix_corpus_documents_content_hash");
        e.HasIndex(d => d.OwnerUnit).HasDatabaseName("ix_corpus_documents_owner_unit");
    }
}
