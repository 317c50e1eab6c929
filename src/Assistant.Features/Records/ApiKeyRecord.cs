using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Records;

/// <summary>An issued API key: only the SHA-256 of the key is stored, found by its public prefix.</summary>
public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }

    public required string Prefix { get; set; }

    public required byte[] Hash { get; set; }

    public required string Role { get; set; }

    public required string Unit { get; set; }

    public string? Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class ApiKeyRecordMapping : IEntityTypeConfiguration<ApiKeyRecord>
{
    public void Configure(EntityTypeBuilder<ApiKeyRecord> e)
    {
        e.ToTable("api_keys", t => t.HasCheckConstraint("api_keys_role_check", "role IN ('drafter', 'reviewer', 'admin')"));
        e.HasKey(k => k.Id).HasName("api_keys_pkey");
        e.Property(k => k.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(k => k.Prefix).HasColumnName("prefix");
        e.Property(k => k.Hash).HasColumnName("hash");
        e.Property(k => k.Role).HasColumnName("role");
        e.Property(k => k.Unit).HasColumnName("unit");
        e.Property(k => k.Name).HasColumnName("name");
        e.Property(k => k.CreatedAt).HasColumnName("created_at");
        e.Property(k => k.RevokedAt).HasColumnName("revoked_at");
        e.HasIndex(k => k.Prefix).IsUnique().HasDatabaseName("ix_api_keys_prefix");
    }
}
