using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Jobs;

/// <summary>
/// One uploaded file of a job (an import, a corpus ingestion), stored with the job before it is queued so
/// that a worker on any machine can run it; then its outcome. A file's outcome, what it stored and the
/// job's counters commit in one transaction, so a re-run never handles a file twice.
/// </summary>
public sealed class JobFileRecord
{
    public Guid Id { get; set; }

    public Guid JobId { get; set; }

    /// <summary>Its place in the upload (0-based): results keep the upload's order.</summary>
    public int Ordinal { get; set; }

    public required string Name { get; set; }

    public required byte[] Content { get; set; }

    /// <summary><see cref="JobFileStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>JSON: what handling the file produced (the evaluations stored, an ingest result).</summary>
    public string? Result { get; set; }

    public string? ErrorZh { get; set; }

    public string? ErrorEn { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public static class JobFileStatus
{
    public const string Queued = "queued";
    public const string Done = "done";
    public const string Failed = "failed";
}

internal sealed class JobFileRecordMapping : IEntityTypeConfiguration<JobFileRecord>
{
    public void Configure(EntityTypeBuilder<JobFileRecord> e)
    {
        e.ToTable("job_files", t => t.HasCheckConstraint("job_files_status_check", "status IN ('queued', 'done', 'failed')"));
        e.HasKey(x => x.Id).HasName("job_files_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.JobId).HasColumnName("job_id");
        e.Property(x => x.Ordinal).HasColumnName("ordinal");
        e.Property(x => x.Name).HasColumnName("name");
        e.Property(x => x.Content).HasColumnName("content");
        e.Property(x => x.Status).HasColumnName("status");
        e.Property(x => x.Result).HasColumnName("result").HasColumnType("jsonb");
        e.Property(x => x.ErrorZh).HasColumnName("error_zh");
        e.Property(x => x.ErrorEn).HasColumnName("error_en");
        e.Property(x => x.FinishedAt).HasColumnName("finished_at");
        e.HasIndex(x => new { x.JobId, x.Ordinal }).IsUnique().HasDatabaseName("ux_job_files_ordinal");
        e.HasOne<JobRecord>().WithMany().HasForeignKey(x => x.JobId).HasConstraintName("job_files_job_id_fkey").OnDelete(DeleteBehavior.Cascade);
    }
}
