using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.RateLimits;

/// <summary>
/// A token bucket shared by every process: the tokens left at <see cref="UpdatedAt"/> (refilled
/// continuously from then), and the permits processes hold in leases not yet spent or handed back,
/// which the refill may not fill the bucket over (tokens + held never exceed the capacity). A lease
/// granted in epoch <c>e</c> (fixed windows of time) lasts until the end of epoch <c>e + 1</c>: the holds
/// granted in <see cref="LeaseEpoch"/> are <see cref="Leased"/>, those of the epoch before it
/// <see cref="LeasedBefore"/>; older ones have ended.
/// </summary>
public sealed class RateBucket
{
    public required string Key { get; set; }

    public decimal Tokens { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public decimal Leased { get; set; }

    public decimal LeasedBefore { get; set; }

    public long LeaseEpoch { get; set; }
}

internal sealed class RateBucketMapping : IEntityTypeConfiguration<RateBucket>
{
    public void Configure(EntityTypeBuilder<RateBucket> e)
    {
        e.ToTable("rate_buckets");
        e.HasKey(x => x.Key).HasName("rate_buckets_pkey");
        e.Property(x => x.Key).HasColumnName("key");
        e.Property(x => x.Tokens).HasColumnName("tokens").HasColumnType("numeric");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Leased).HasColumnName("leased").HasColumnType("numeric").HasDefaultValue(0m);
        e.Property(x => x.LeasedBefore).HasColumnName("leased_before").HasColumnType("numeric").HasDefaultValue(0m);
        e.Property(x => x.LeaseEpoch).HasColumnName("lease_epoch").HasDefaultValue(0L);
    }
}
