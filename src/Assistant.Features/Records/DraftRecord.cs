using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Records;

/// <summary>
/// One version of a drafted section. Inserted, never updated: a database trigger refuses updates
/// (see the Drafting migration), so every draft stays as it was returned.
/// </summary>
public sealed class DraftRecord : Units.IUnitOwned
{
    public Guid Id { get; set; }

    public Guid EvaluationId { get; set; }

    public required string Unit { get; set; }

    public required string Section { get; set; }

    public int Version { get; set; }

    public required string Status { get; set; }

    /// <summary>The whole <see cref="Drafting.DraftResult"/> as JSON.</summary>
    public required string Body { get; set; }

    public required string Provider { get; set; }

    public required string Model { get; set; }

    /// <summary><c>name@version</c> of the prompt.</summary>
    public required string Prompt { get; set; }

    public Guid? CreatedBy { get; set; }

    public string? IdempotencyKey { get; set; }

    public required string RequestHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DraftRecordMapping : IEntityTypeConfiguration<DraftRecord>
{
    public void Configure(EntityTypeBuilder<DraftRecord> e)
    {
        e.ToTable("drafts");
        e.HasKey(x => x.Id).HasName("drafts_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.EvaluationId).HasColumnName("evaluation_id");
        e.Property(x => x.Unit).HasColumnName("unit");
        e.Property(x => x.Section).HasColumnName("section");
        e.Property(x => x.Version).HasColumnName("version");
        e.Property(x => x.Status).HasColumnName("status");
        e.Property(x => x.Body).HasColumnName("body").HasColumnType("jsonb");
        e.Property(x => x.Provider).HasColumnName("provider");
        e.Property(x => x.Model).HasColumnName("model");
        e.Property(x => x.Prompt).HasColumnName("prompt");
        e.Property(x => x.CreatedBy).HasColumnName("created_by");
        e.Property(x => x.IdempotencyKey).HasColumnName("idempotency_key");
        e.Property(x => x.RequestHash).HasColumnName("request_hash");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.HasAlternateKey(x => new { x.EvaluationId, x.Section, x.Version }).HasName("drafts_evaluation_id_section_version_key");
        e.HasOne<EvaluationRecord>().WithMany().HasForeignKey(x => x.EvaluationId)
            .HasConstraintName("drafts_evaluation_id_fkey").OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(x => new { x.EvaluationId, x.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_drafts_evaluation");
        e.HasIndex(x => new { x.Unit, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL").HasDatabaseName("ix_drafts_idempotency");
    }
}
