using Assistant.Features.Batches;
using Assistant.Features.Review;
using Assistant.Features.Storage;
using Assistant.Features.Webhooks;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Features.Jobs;

/// <summary>Background work on Hangfire with its PostgreSQL storage: the queue, the job classes, this process's server (by role), webhooks, batch checking, and the jobs of imports, corpus ingestion and report drafting (their handlers need records, the corpus and reporting registered).</summary>
public static class JobsSetup
{
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IConfiguration configuration = builder.Configuration;
        builder.Services.AddOptions<JobSettings>()
            .BindConfiguration(JobSettings.Section)
            .Validate(s => s.Role is "all" or "api" or "worker", "Invalid configuration: Jobs:Role must be all, api or worker. See README.")
            .Validate(s => s.BatchChunk is >= 1 and <= 100, "Invalid configuration: Jobs:BatchChunk must be between 1 and 100. See README.")
            .Validate(s => s.Workers is >= 0 and <= 256, "Invalid configuration: Jobs:Workers must be between 0 and 256. See README.")
            .Validate(s => s.WebhookRetryDelaysSeconds.All(d => d is >= 0 and <= 86_400), "Invalid configuration: Jobs:WebhookRetryDelays must be comma-separated seconds (0 to 86400). See README.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new Lazy<JobStorage>(() =>
            JobServerHost.CreateStorage(StorageSetup.ConnectionString(configuration), sp.GetRequiredService<IOptions<JobSettings>>().Value)));
        builder.Services.AddSingleton(sp => new Lazy<IBackgroundJobClient>(() => new BackgroundJobClient(sp.GetRequiredService<Lazy<JobStorage>>().Value)));
        builder.Services.AddSingleton(sp => new JobServerHost(
            sp.GetRequiredService<Lazy<JobStorage>>(), sp.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(),
            sp.GetRequiredService<IOptions<JobSettings>>(), StorageSetup.ConnectionString(configuration), sp.GetRequiredService<ILogger<JobServerHost>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobServerHost>());
        builder.Services.AddSingleton<IJobQueue, HangfireJobQueue>();
        builder.Services.AddSingleton<WebhookOutbox>();
        builder.Services.AddSingleton<IWebhookPublisher>(sp => sp.GetRequiredService<WebhookOutbox>());
        builder.Services.AddSingleton<WebhookStore>();
        // Review steps become webhooks wherever jobs are configured (replacing AddReview's NoReviewEvents, in either order).
        builder.Services.Replace(ServiceDescriptor.Singleton<IReviewEvents, ReviewWebhooks>());
        builder.Services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddTransient<WebhookSender>();
        builder.Services.AddSingleton<BatchService>();
        builder.Services.AddTransient<BatchJobs>();
        builder.Services.AddSingleton<JobService>();
        builder.Services.AddTransient<JobRunner>();
        builder.Services.AddSingleton<IJobHandler, Importing.ImportJobHandler>();
        builder.Services.AddSingleton<IJobHandler, Corpus.CorpusIngestJobHandler>();
        builder.Services.AddSingleton<IJobHandler, Reporting.ReportDraftJobHandler>();
        return builder;
    }
}
