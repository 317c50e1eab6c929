using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Storage;

/// <summary>
/// The product's database. Its schema comes from the hand-written migrations in this folder
/// (EF's design-time tools do not restore here); vector and full-text work goes through SQL.
/// </summary>
public sealed class AssistantDb(DbContextOptions<AssistantDb> options) : DbContext(options)
{
    public DbSet<CorpusDocument> CorpusDocuments => Set<CorpusDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CorpusDocument>(e =>
        {
            e.ToTable("corpus_documents");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasColumnName("id");
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
        });
    }
}

/// <summary>A stored report; its passages live in <c>corpus_passages</c>.</summary>
public sealed class CorpusDocument
{
    public Guid Id { get; set; }
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
