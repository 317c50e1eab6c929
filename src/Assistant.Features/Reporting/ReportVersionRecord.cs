using Assistant.Features.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Reporting;

/// <summary>
/// One version of a whole report: all five parts as they stood after one change. Inserted, never
/// updated: a database trigger refuses updates (see the ReportVersions migration).
/// </summary>
public sealed class ReportVersionRecord : Units.IUnitOwned
{
    public Guid Id { get; set; }

    public Guid EvaluationId { get; set; }

    public required string Unit { get; set; }

    public int Version { get; set; }

    /// <summary><c>drafted</c>, <c>edited</c>, or <c>imported</c> (the unit's own report, come with its table in a batch).</summary>
    public required string Change { get; set; }

    public string? Part { get; set; }

    public required string Status { get; set; }

    /// <summary>The whole <see cref="ReportDraft"/> as JSON.</summary>
    public required string Body { get; set; }

    public Guid? CreatedBy { get; set; }

    public required string CreatedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ReportVersionRecordMapping : IEntityTypeConfiguration<ReportVersionRecord>
{
    public void Configure(EntityTypeBuilder<ReportVersionRecord> e)
    {
        e.ToTable("report_versions", t => t.HasCheckConstraint("report_versions_change_check", "change IN ('drafted', 'edited', 'imported')"));
        e.HasKey(x => x.Id).HasName("report_versions_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.EvaluationId).HasColumnName("evaluation_id");
        e.Property(x => x.Unit).HasColumnName("unit");
        e.Property(x => x.Version).HasColumnName("version");
        e.Property(x => x.Change).HasColumnName("change");
        e.Property(x => x.Part).HasColumnName("part");
        e.Property(x => x.Status).HasColumnName("status");
        e.Property(x => x.Body).HasColumnName("body").HasColumnType("jsonb");
        e.Property(x => x.CreatedBy).HasColumnName("created_by");
        e.Property(x => x.CreatedByName).HasColumnName("created_by_name");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.HasAlternateKey(x => new { x.EvaluationId, x.Version }).HasName("report_versions_evaluation_id_version_key");
        e.HasOne<EvaluationRecord>().WithMany().HasForeignKey(x => x.EvaluationId)
            .HasConstraintName("report_versions_evaluation_id_fkey").OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(x => new { x.Unit, x.EvaluationId, x.Version }).IsDescending(false, false, true).HasDatabaseName("ix_report_versions_unit");
    }
}
