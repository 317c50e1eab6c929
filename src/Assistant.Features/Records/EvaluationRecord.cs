using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Assistant.Features.Records;

/// <summary>An evaluation stored by a unit: the <c>assistant.evaluation/v1</c> JSON as posted, with its score at the time.</summary>
public sealed class EvaluationRecord : Units.IUnitOwned
{
    public Guid Id { get; set; }

    public required string Unit { get; set; }

    public required string Title { get; set; }

    public int? Year { get; set; }

    /// <summary><c>project</c> or <c>transfer</c>.</summary>
    public required string Kind { get; set; }

    public required string Policy { get; set; }

    public required string Body { get; set; }

    public decimal? Total { get; set; }

    public string? Grade { get; set; }

    /// <summary>The API key that stored it (null from the command line).</summary>
    public Guid? CreatedBy { get; set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>What the storing request asked for (<see cref="RecordStore.RequestHash"/>): a replay must match it.</summary>
    public required string RequestHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The row for a scored evaluation (its kind, total and grade as the calculator gave them).</summary>
    public static EvaluationRecord Of(Guid id, string unit, Domain.Evaluations.Evaluation evaluation, string policy, string body,
        Evaluations.ScoreResponse score, Guid? createdBy, string requestHash, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(score);
        return new EvaluationRecord
        {
            Id = id, Unit = unit, Title = evaluation.Title, Year = evaluation.Year,
            Kind = evaluation.Kind == Domain.Evaluations.EvaluationKind.Project ? "project" : "transfer",
            Policy = policy, Body = body,
            Total = score.Total is { } t ? decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null,
            Grade = score.Grade, CreatedBy = createdBy, RequestHash = requestHash, CreatedAt = createdAt,
        };
    }
}

internal sealed class EvaluationRecordMapping : IEntityTypeConfiguration<EvaluationRecord>
{
    public void Configure(EntityTypeBuilder<EvaluationRecord> e)
    {
        e.ToTable("evaluations");
        e.HasKey(x => x.Id).HasName("evaluations_pkey");
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.Unit).HasColumnName("unit");
        e.Property(x => x.Title).HasColumnName("title");
        e.Property(x => x.Year).HasColumnName("year");
        e.Property(x => x.Kind).HasColumnName("kind");
        e.Property(x => x.Policy).HasColumnName("policy");
        e.Property(x => x.Body).HasColumnName("body").HasColumnType("jsonb");
        e.Property(x => x.Total).HasColumnName("total").HasColumnType("numeric");
        e.Property(x => x.Grade).HasColumnName("grade");
        e.Property(x => x.CreatedBy).HasColumnName("created_by");
        e.Property(x => x.IdempotencyKey).HasColumnName("idempotency_key");
        e.Property(x => x.RequestHash).HasColumnName("request_hash");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.HasIndex(x => new { x.Unit, x.CreatedAt }).IsDescending(false, true).HasDatabaseName("ix_evaluations_unit");
        e.HasIndex(x => new { x.Unit, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL").HasDatabaseName("ix_evaluations_idempotency");
    }
}
