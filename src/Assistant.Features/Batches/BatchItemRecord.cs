using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Batches;

/// <summary>
/// One submission of a batch check: its files as uploaded, then what checking found (risk, findings,
/// the evaluations stored, the report text). Unique per (job, document key): a re-run updates, never adds.
/// </summary>
public sealed class BatchItemRecord
{
    public Guid Id { get; set; }

    public Guid JobId { get; set; }

    /// <summary>The document's key in the batch (its folder, or its table's path).</summary>
    public required string DocKey { get; set; }

    /// <summary>The unit the submission belongs to (mapping file, its table's 单位/主管部门, its folder, or the batch's unit).</summary>
    public required string Unit { get; set; }

    /// <summary>Where <see cref="Unit"/> came from: <c>mapping</c>, <c>table</c>, <c>folder</c> or <c>batch</c>.</summary>
    public required string UnitSource { get; set; }

    public required string TableName { get; set; }

    public required byte[] TableContent { get; set; }

    public string? ReportName { get; set; }

    public byte[]? ReportContent { get; set; }

    /// <summary><see cref="BatchItemStatus"/>.</summary>
    public required string Status { get; set; }

    public string? Title { get; set; }

    public decimal? Total { get; set; }

    public decimal? ExecutionRate { get; set; }

    public int RiskScore { get; set; }

    public string? RiskLevel { get; set; }

    /// <summary>The order of the first reason's category (ties in the queue go to the more serious).</summary>
    public int RiskOrder { get; set; } = int.MaxValue;

    public string? RiskSummary { get; set; }

    /// <summary>JSON: the risk reasons.</summary>
    public string? Reasons { get; set; }

    /// <summary>JSON: every finding (table, reviewer criteria, report).</summary>
    public string? Findings { get; set; }

    /// <summary>The evaluations stored from the document's tables (in the unit <see cref="Unit"/>).</summary>
    public Guid[] EvaluationIds { get; set; } = [];

    /// <summary>The report text that was checked (the report file's, or the document's own).</summary>
    public string? ReportText { get; set; }

    public string? ErrorZh { get; set; }

    public string? ErrorEn { get; set; }

    /// <summary>How many times checking finished for this item: exactly 1 once done.</summary>
    public int Completions { get; set; }

    public int ImportMs { get; set; }

    public int ScoreMs { get; set; }

    public int VerifyMs { get; set; }

    public int StoreMs { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

public static class BatchItemStatus
{
    public const string Queued = "queued";
    public const string Done = "done";
    public const string Failed = "failed";
}

internal sealed class BatchItemRecordMapping : IEntityTypeConfiguration<BatchItemRecord>
{
    public void Configure(EntityTypeBuilder<BatchItemRecord> e)
    {
        e.ToTable("batch_items");
        e.HasKey(x => x.Id).HasName("batch_items_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.JobId).HasColumnName("job_id");
        e.Property(x => x.DocKey).HasColumnName("doc_key");
        e.Property(x => x.Unit).HasColumnName("unit");
        e.Property(x => x.UnitSource).HasColumnName("unit_source");
        e.Property(x => x.TableName).HasColumnName("table_name");
        e.Property(x => x.TableContent).HasColumnName("table_content");
        e.Property(x => x.ReportName).HasColumnName("report_name");
        e.Property(x => x.ReportContent).HasColumnName("report_content");
        e.Property(x => x.Status).HasColumnName("status");
        e.Property(x => x.Title).HasColumnName("title");
        e.Property(x => x.Total).HasColumnName("total").HasColumnType("numeric");
        e.Property(x => x.ExecutionRate).HasColumnName("execution_rate").HasColumnType("numeric");
        e.Property(x => x.RiskScore).HasColumnName("risk_score");
        e.Property(x => x.RiskLevel).HasColumnName("risk_level");
        e.Property(x => x.RiskOrder).HasColumnName("risk_order");
        e.Property(x => x.RiskSummary).HasColumnName("risk_summary");
        e.Property(x => x.Reasons).HasColumnName("reasons").HasColumnType("jsonb");
        e.Property(x => x.Findings).HasColumnName("findings").HasColumnType("jsonb");
        e.Property(x => x.EvaluationIds).HasColumnName("evaluation_ids");
        e.Property(x => x.ReportText).HasColumnName("report_text");
        e.Property(x => x.ErrorZh).HasColumnName("error_zh");
        e.Property(x => x.ErrorEn).HasColumnName("error_en");
        e.Property(x => x.Completions).HasColumnName("completions");
        e.Property(x => x.ImportMs).HasColumnName("import_ms");
        e.Property(x => x.ScoreMs).HasColumnName("score_ms");
        e.Property(x => x.VerifyMs).HasColumnName("verify_ms");
        e.Property(x => x.StoreMs).HasColumnName("store_ms");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.FinishedAt).HasColumnName("finished_at");
        e.HasIndex(x => new { x.JobId, x.DocKey }).IsUnique().HasDatabaseName("ux_batch_items_doc");
        e.HasIndex(x => new { x.JobId, x.RiskScore }).HasDatabaseName("ix_batch_items_queue");
        e.HasOne<Jobs.JobRecord>().WithMany().HasForeignKey(x => x.JobId).HasConstraintName("batch_items_job_id_fkey").OnDelete(DeleteBehavior.Cascade);
    }
}
