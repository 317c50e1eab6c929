using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.RateLimits;

/// <summary>
/// A token bucket shared by every process: the tokens left at <see cref="UpdatedAt"/> (refilled
/// continuously from then), and the permits processes hold in leases not yet spent or returned
/// (<see cref="Leased"/>, until <see cref="LeaseUntil"/> at the latest), which the refill may not fill
/// the bucket over: tokens + leased never exceed the capacity.
/// </summary>
public sealed class RateBucket
{
    public required string Key { get; set; }

    public decimal Tokens { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public decimal Leased { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
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
        e.Property(x => x.LeaseUntil).HasColumnName("lease_until");
    }
}
