using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Conversations;

/// <summary>One message of a conversation; appended, never rewritten (a trigger refuses updates, see the Conversations migration).</summary>
public sealed class MessageRecord
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public int Seq { get; set; }

    /// <summary><c>user</c> or <c>assistant</c>.</summary>
    public required string Role { get; set; }

    public required string Content { get; set; }

    public required string Payload { get; set; }

    public Guid? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class MessageRecordMapping : IEntityTypeConfiguration<MessageRecord>
{
    public void Configure(EntityTypeBuilder<MessageRecord> e)
    {
        e.ToTable("conversation_messages", t => t.HasCheckConstraint("conversation_messages_role_check", "role IN ('user', 'assistant')"));
        e.HasKey(x => x.Id).HasName("conversation_messages_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.ConversationId).HasColumnName("conversation_id");
        e.Property(x => x.Seq).HasColumnName("seq");
        e.Property(x => x.Role).HasColumnName("role");
        e.Property(x => x.Content).HasColumnName("content");
        e.Property(x => x.Payload).HasColumnName("payload").HasColumnType("jsonb");
        e.Property(x => x.CreatedBy).HasColumnName("created_by");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.HasAlternateKey(x => new { x.ConversationId, x.Seq }).HasName("conversation_messages_conversation_id_seq_key");
        e.HasOne<ConversationRecord>().WithMany().HasForeignKey(x => x.ConversationId)
            .HasConstraintName("conversation_messages_conversation_id_fkey").OnDelete(DeleteBehavior.NoAction);
    }
}
