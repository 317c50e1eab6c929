using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Jobs;

/// <summary>
/// A unit of background work as callers see it (a batch check, …): its progress counters move in the
/// same transaction as the work they count, so a re-run job never counts twice.
/// </summary>
public sealed class JobRecord
{
    public Guid Id { get; set; }

    /// <summary><see cref="JobKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The unit of the key that started it; only callers who may see that unit see the job.</summary>
    public required string Unit { get; set; }

    public Guid? CreatedBy { get; set; }

    public required string Name { get; set; }

    /// <summary>The scoring policy the work uses (null: the default).</summary>
    public string? Policy { get; set; }

    public int Total { get; set; }

    public int Done { get; set; }

    public int Failed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public static class JobKinds
{
    public const string BatchCheck = "batch-check";
}

internal sealed class JobRecordMapping : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> e)
    {
        e.ToTable("jobs");
        e.HasKey(x => x.Id).HasName("jobs_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.Kind).HasColumnName("kind");
        e.Property(x => x.Unit).HasColumnName("unit");
        e.Property(x => x.CreatedBy).HasColumnName("created_by");
        e.Property(x => x.Name).HasColumnName("name");
        e.Property(x => x.Policy).HasColumnName("policy");
        e.Property(x => x.Total).HasColumnName("total");
        e.Property(x => x.Done).HasColumnName("done");
        e.Property(x => x.Failed).HasColumnName("failed");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.FinishedAt).HasColumnName("finished_at");
        e.HasIndex(x => new { x.Unit, x.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_jobs_unit");
    }
}
