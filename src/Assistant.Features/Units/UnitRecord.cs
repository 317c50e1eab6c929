using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Units;

/// <summary>
/// A unit of the review hierarchy (province → city → county → department → unit). <see cref="Path"/> is
/// the materialised path of codes from the root (<c>/45/4501/450102/</c>): a subtree is every path that
/// starts with its root's path, answered by a text_pattern_ops index.
/// </summary>
public sealed class UnitRecord
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? ParentCode { get; set; }

    /// <summary>One of <see cref="UnitLevels.All"/>.</summary>
    public required string Level { get; set; }

    public required string Path { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class UnitRecordMapping : IEntityTypeConfiguration<UnitRecord>
{
    public void Configure(EntityTypeBuilder<UnitRecord> e)
    {
        e.ToTable("units", t => t.HasCheckConstraint("units_level_check", "level IN ('province', 'city', 'county', 'department', 'unit')"));
        e.HasKey(x => x.Code).HasName("units_pkey");
        e.Property(x => x.Code).HasColumnName("code");
        e.Property(x => x.Name).HasColumnName("name");
        e.Property(x => x.ParentCode).HasColumnName("parent_code");
        e.Property(x => x.Level).HasColumnName("level");
        e.Property(x => x.Path).HasColumnName("path");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.HasOne<UnitRecord>().WithMany().HasForeignKey(x => x.ParentCode)
            .HasConstraintName("units_parent_code_fkey").OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(x => x.Path).IsUnique().HasOperators("text_pattern_ops").HasDatabaseName("ix_units_path");
        e.HasIndex(x => x.ParentCode).HasDatabaseName("ix_units_parent");
    }
}
