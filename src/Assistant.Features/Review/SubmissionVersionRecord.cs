using Assistant.Features.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Review;

/// <summary>
/// Version n of a submission: the stored evaluation and report version the unit submitted, with who,
/// when, how (api, batch…) and its risk. Inserted, never updated.
/// </summary>
public sealed class SubmissionVersionRecord : Units.IUnitOwned
{
    public Guid Id { get; set; }

    public Guid SubmissionId { get; set; }

    public required string Unit { get; set; }

    public int Version { get; set; }

    public Guid EvaluationId { get; set; }

    /// <summary>The report version submitted with the table (null: the table alone).</summary>
    public int? ReportVersion { get; set; }

    /// <summary>How it came: <c>api</c>, <c>page</c>, <c>cli</c>, <c>batch</c>.</summary>
    public required string Source { get; set; }

    /// <summary><c>high</c>, <c>medium</c> or <c>low</c>.</summary>
    public required string RiskLevel { get; set; }

    public int RiskScore { get; set; }

    /// <summary>The reasons for the risk, as a JSON array of strings.</summary>
    public required string RiskReasons { get; set; }

    public Guid? SubmittedBy { get; set; }

    public required string SubmittedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class SubmissionVersionRecordMapping : IEntityTypeConfiguration<SubmissionVersionRecord>
{
    public void Configure(EntityTypeBuilder<SubmissionVersionRecord> e)
    {
        e.ToTable("submission_versions", t => t.HasCheckConstraint("submission_versions_risk_check", "risk_level IN ('high', 'medium', 'low', 'none')"));
        e.HasKey(x => x.Id).HasName("submission_versions_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.SubmissionId).HasColumnName("submission_id");
        e.Property(x => x.Unit).HasColumnName("unit");
        e.Property(x => x.Version).HasColumnName("version");
        e.Property(x => x.EvaluationId).HasColumnName("evaluation_id");
        e.Property(x => x.ReportVersion).HasColumnName("report_version");
        e.Property(x => x.Source).HasColumnName("source");
        e.Property(x => x.RiskLevel).HasColumnName("risk_level");
        e.Property(x => x.RiskScore).HasColumnName("risk_score");
        e.Property(x => x.RiskReasons).HasColumnName("risk_reasons").HasColumnType("jsonb");
        e.Property(x => x.SubmittedBy).HasColumnName("submitted_by");
        e.Property(x => x.SubmittedByName).HasColumnName("submitted_by_name");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.HasAlternateKey(x => new { x.SubmissionId, x.Version }).HasName("submission_versions_submission_id_version_key");
        e.HasOne<SubmissionRecord>().WithMany().HasForeignKey(x => x.SubmissionId)
            .HasConstraintName("submission_versions_submission_id_fkey").OnDelete(DeleteBehavior.NoAction);
        e.HasOne<EvaluationRecord>().WithMany().HasForeignKey(x => x.EvaluationId)
            .HasConstraintName("submission_versions_evaluation_id_fkey").OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(x => new { x.Unit, x.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_submission_versions_unit");
        e.HasIndex(x => x.EvaluationId).HasDatabaseName("ix_submission_versions_evaluation");
    }
}
