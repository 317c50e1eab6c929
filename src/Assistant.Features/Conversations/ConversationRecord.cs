using Assistant.Features.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Conversations;

/// <summary>A conversation about one of a unit's evaluations, or (no evaluation) about the units its key reads.</summary>
public sealed class ConversationRecord : Units.IUnitOwned
{
    public Guid Id { get; set; }

    public required string Unit { get; set; }

    /// <summary>The table discussed; null for a conversation about the units in the key's scope (cross-unit questions only).</summary>
    public Guid? EvaluationId { get; set; }

    public required string Title { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ConversationRecordMapping : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> e)
    {
        e.ToTable("conversations");
        e.HasKey(x => x.Id).HasName("conversations_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.Unit).HasColumnName("unit");
        e.Property(x => x.EvaluationId).HasColumnName("evaluation_id");
        e.Property(x => x.Title).HasColumnName("title");
        e.Property(x => x.CreatedBy).HasColumnName("created_by");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.HasOne<EvaluationRecord>().WithMany().HasForeignKey(x => x.EvaluationId)
            .HasConstraintName("conversations_evaluation_id_fkey").OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(x => new { x.Unit, x.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_conversations_unit");
        e.HasIndex(x => x.EvaluationId).HasDatabaseName("ix_conversations_evaluation");
    }
}
