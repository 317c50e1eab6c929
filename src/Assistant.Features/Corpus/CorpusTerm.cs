using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Corpus;

/// <summary>
/// Corpus statistics for BM25: how many passages hold a term (its document frequency) and how often
/// it occurs. The row with the empty term (<see cref="CorpusTermCounts.Totals"/>) holds the totals:
/// passages with terms and the sum of their lengths. Kept current by <see cref="CorpusTermCounts"/>.
/// </summary>
public sealed class CorpusTerm
{
    public required string Term { get; set; }

    public long Passages { get; set; }

    public long Occurrences { get; set; }
}

internal sealed class CorpusTermMapping : IEntityTypeConfiguration<CorpusTerm>
{
    public void Configure(EntityTypeBuilder<CorpusTerm> e)
    {
        e.ToTable("corpus_terms");
        e.HasKey(t => t.Term).HasName("corpus_terms_pkey");
        e.Property(t => t.Term).HasColumnName("term");
        e.Property(t => t.Passages).HasColumnName("passages");
        e.Property(t => t.Occurrences).HasColumnName("occurrences");
    }
}
