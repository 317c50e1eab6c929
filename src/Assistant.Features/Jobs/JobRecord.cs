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

    /// <summary>JSON: what the job was asked to do (its options; the files are in <c>job_files</c>). Null for batch checks.</summary>
    public string? Input { get; set; }

    /// <summary>JSON: what the job produced (an ingest summary, a report version), written when it finishes.</summary>
    public string? Result { get; set; }

    /// <summary>Why the whole job failed (after its last attempt, or at once for input no retry can mend).</summary>
    public string? ErrorZh { get; set; }

    public string? ErrorEn { get; set; }

    /// <summary>Attempts begun (a retry or a dead worker's job taken again adds one).</summary>
    public int Attempts { get; set; }

    /// <summary>Passages stored so far (corpus ingestion).</summary>
    public long Passages { get; set; }

    public DateTimeOffset? StartedAt { get; set; }
}

public static class JobKinds
{
    public const string BatchCheck = "batch-check";

    /// <summary>Many 自评表 files read and stored as evaluations, one result per file.</summary>
    public const string Import = "import";

    /// <summary>Many past reports into the corpus (the bulk loader).</summary>
    public const string CorpusIngest = "corpus-ingest";

    /// <summary>A whole report drafted (with the model) and stored as a new version.</summary>
    public const string ReportDraft = "report-draft";

    /// <summary>The kinds <see cref="JobRunner"/> runs (batch checks run as chunks of items).</summary>
    public static readonly string[] Runnable = [Import, CorpusIngest, ReportDraft];
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
        e.Property(x => x.Input).HasColumnName("input").HasColumnType("jsonb");
        e.Property(x => x.Result).HasColumnName("result").HasColumnType("jsonb");
        e.Property(x => x.ErrorZh).HasColumnName("error_zh");
        e.Property(x => x.ErrorEn).HasColumnName("error_en");
        e.Property(x => x.Attempts).HasColumnName("attempts").HasDefaultValue(0);
        e.Property(x => x.Passages).HasColumnName("passages").HasDefaultValue(0L);
        e.Property(x => x.StartedAt).HasColumnName("started_at");
        e.HasIndex(x => new { x.Unit, x.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_jobs_unit");
    }
}
