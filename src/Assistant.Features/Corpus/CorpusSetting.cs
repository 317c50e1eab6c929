using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Corpus;

/// <summary>A key/value setting of the corpus.</summary>
public sealed class CorpusSetting
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}

internal sealed class CorpusSettingMapping : IEntityTypeConfiguration<CorpusSetting>
{
    public void Configure(EntityTypeBuilder<CorpusSetting> e)
    {
        e.ToTable("corpus_settings");
        e.HasKey(s => s.Key).HasName("corpus_settings_pkey");
        e.Property(s => s.Key).HasColumnName("key");
        e.Property(s => s.Value).HasColumnName("value");
    }
}
