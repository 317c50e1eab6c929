using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Review;

/// <summary>
/// A reviewer's decision on one submission version (通过 approved / 退回 returned), with comments anchored
/// to findings or report paragraphs and optional 抽评 scores per indicator. One per version (unique), inserted, never updated.
/// </summary>
public sealed class ReviewDecisionRecord : Units.IUnitOwned
{
    public Guid Id { get; set; }

    public Guid SubmissionId { get; set; }

    public Guid VersionId { get; set; }

    public int Version { get; set; }

    /// <summary>The submitting unit (the decision is read by it and by reviewers above it).</summary>
    public required string Unit { get; set; }

    /// <summary><c>approved</c> or <c>returned</c>.</summary>
    public required string Decision { get; set; }

    public string? Comment { get; set; }

    /// <summary>Anchored comments, a JSON array of <see cref="ReviewComment"/>.</summary>
    public required string Comments { get; set; }

    /// <summary>抽评 scores, a JSON array of <see cref="ReviewScore"/>.</summary>
    public required string Scores { get; set; }

    public Guid? DecidedBy { get; set; }

    public required string DecidedByName { get; set; }

    /// <summary>The reviewer's own unit.</summary>
    public required string DecidedByUnit { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ReviewDecisionRecordMapping : IEntityTypeConfiguration<ReviewDecisionRecord>
{
    public void Configure(EntityTypeBuilder<ReviewDecisionRecord> e)
    {
        e.ToTable("review_decisions", t => t.HasCheckConstraint("review_decisions_decision_check", "decision IN ('approved', 'returned')"));
        e.HasKey(x => x.Id).HasName("review_decisions_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.SubmissionId).HasColumnName("submission_id");
        e.Property(x => x.VersionId).HasColumnName("version_id");
        e.Property(x => x.Version).HasColumnName("version");
        e.Property(x => x.Unit).HasColumnName("unit");
        e.Property(x => x.Decision).HasColumnName("decision");
        e.Property(x => x.Comment).HasColumnName("comment");
        e.Property(x => x.Comments).HasColumnName("comments").HasColumnType("jsonb");
        e.Property(x => x.Scores).HasColumnName("scores").HasColumnType("jsonb");
        e.Property(x => x.DecidedBy).HasColumnName("decided_by");
        e.Property(x => x.DecidedByName).HasColumnName("decided_by_name");
        e.Property(x => x.DecidedByUnit).HasColumnName("decided_by_unit");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.HasIndex(x => x.VersionId).IsUnique().HasDatabaseName("ix_review_decisions_version");
        e.HasIndex(x => new { x.SubmissionId, x.Version }).HasDatabaseName("ix_review_decisions_submission");
        e.HasOne<SubmissionRecord>().WithMany().HasForeignKey(x => x.SubmissionId)
            .HasConstraintName("review_decisions_submission_id_fkey").OnDelete(DeleteBehavior.NoAction);
        e.HasOne<SubmissionVersionRecord>().WithMany().HasForeignKey(x => x.VersionId)
            .HasConstraintName("review_decisions_version_id_fkey").OnDelete(DeleteBehavior.NoAction);
    }
}
