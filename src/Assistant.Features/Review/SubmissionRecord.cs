using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Review;

/// <summary>
/// One thing a unit submits for review (a project's evaluation and report), across all its versions.
/// Inserted, never updated: its status is read from its latest version and that version's decision.
/// </summary>
public sealed class SubmissionRecord : Units.IUnitOwned
{
    public Guid Id { get; set; }

    public required string Unit { get; set; }

    public required string Title { get; set; }

    public int? Year { get; set; }

    public Guid? CreatedBy { get; set; }

    public required string CreatedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class SubmissionRecordMapping : IEntityTypeConfiguration<SubmissionRecord>
{
    public void Configure(EntityTypeBuilder<SubmissionRecord> e)
    {
        e.ToTable("submissions");
        e.HasKey(x => x.Id).HasName("submissions_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.Unit).HasColumnName("unit");
        e.Property(x => x.Title).HasColumnName("title");
        e.Property(x => x.Year).HasColumnName("year");
        e.Property(x => x.CreatedBy).HasColumnName("created_by");
        e.Property(x => x.CreatedByName).HasColumnName("created_by_name");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.HasIndex(x => new { x.Unit, x.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_submissions_unit");
    }
}
