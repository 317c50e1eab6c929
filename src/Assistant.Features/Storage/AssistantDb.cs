using Assistant.Features.Conversations;
using Assistant.Features.Corpus;
using Assistant.Features.Records;
using Assistant.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Features.Storage;

/// <summary>
/// The product's database. The schema is this model; migrations are generated from it by
/// <c>dotnet ef migrations add</c> (see README). Each entity's mapping sits beside it in its feature
/// folder. Table, column, index and constraint names are the ones the first release created by hand,
/// so its databases carry on without a change.
/// </summary>
public sealed class AssistantDb(DbContextOptions<AssistantDb> options) : DbContext(options)
{
    public DbSet<CorpusDocument> CorpusDocuments => Set<CorpusDocument>();

    public DbSet<CorpusPassage> CorpusPassages => Set<CorpusPassage>();

    public DbSet<CorpusTerm> CorpusTerms => Set<CorpusTerm>();

    public DbSet<CorpusSetting> CorpusSettings => Set<CorpusSetting>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<EvaluationRecord> Evaluations => Set<EvaluationRecord>();

    public DbSet<DraftRecord> Drafts => Set<DraftRecord>();

    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();

    public DbSet<MessageRecord> Messages => Set<MessageRecord>();

    public DbSet<ReportVersionRecord> ReportVersions => Set<ReportVersionRecord>();

    public DbSet<Units.UnitRecord> Units => Set<Units.UnitRecord>();

    public DbSet<Review.SubmissionRecord> Submissions => Set<Review.SubmissionRecord>();

    public DbSet<Review.SubmissionVersionRecord> SubmissionVersions => Set<Review.SubmissionVersionRecord>();

    public DbSet<Review.ReviewDecisionRecord> ReviewDecisions => Set<Review.ReviewDecisionRecord>();
    public DbSet<Jobs.JobRecord> Jobs => Set<Jobs.JobRecord>();

    public DbSet<Jobs.JobFileRecord> JobFiles => Set<Jobs.JobFileRecord>();

    public DbSet<Batches.BatchItemRecord> BatchItems => Set<Batches.BatchItemRecord>();

    public DbSet<Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Webhooks.WebhookSubscription>();

    public DbSet<Webhooks.WebhookDelivery> WebhookDeliveries => Set<Webhooks.WebhookDelivery>();

    public DbSet<Webhooks.WebhookAttempt> WebhookAttempts => Set<Webhooks.WebhookAttempt>();

    public DbSet<RateLimits.RateBucket> RateBuckets => Set<RateLimits.RateBucket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AssistantDb).Assembly);
    }
}
