using Assistant.Features.Conversations;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Jobs;
using Assistant.Features.Records;
using Assistant.Features.Reporting;
using Assistant.Features.Review;
using Assistant.Features.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Cli;

/// <summary>
/// The command line's host: the same features, settings (appsettings.json beside the program, then
/// the environment) and start-up checks as the web host, without the web. Logs are off so stdout
/// carries only the command's JSON.
/// </summary>
internal static class CliHost
{
    public static IHost Build() => Build(worker: null);

    /// <summary>
    /// With <paramref name="worker"/> (its settings), a job worker (<c>assistant worker</c>): review, webhooks
    /// and the job server of role <c>worker</c> as well, and logs on the console.
    /// </summary>
    public static IHost Build(IReadOnlyDictionary<string, string?>? worker) => CreateBuilder(worker).Build();

    /// <summary>The host's builder before it is built (what <see cref="Build(IReadOnlyDictionary{string, string?}?)"/> builds).</summary>
    internal static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? worker)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (worker is null)
        {
            builder.Logging.ClearProviders();
        }
        else
        {
            builder.Configuration.AddInMemoryCollection(worker);
        }

        builder.AddStorage();
        builder.AddEvaluations();
        // One-shot commands do not load the exact in-memory scan (their own searches go to the database); the worker does.
        builder.AddCorpus(loadExactScan: worker is not null);
        builder.AddRecords();
        builder.Services.AddAssistantDrafting(builder.Configuration);
        builder.AddConversations();
        builder.Services.AddAssistantReporting();
        if (worker is not null)
        {
            builder.AddReview();
            builder.AddJobs();
            builder.AddCorpusGraphBuilds();
        }

        return builder;
    }

    /// <summary>
    /// Builds and starts the host (settings validated, migrations applied, vectors brought to the
    /// configured generator); null, with the reason on stderr, when a setting or the database is wrong.
    /// </summary>
    public static async Task<IHost?> StartAsync(TextWriter stderr, CancellationToken ct, IReadOnlyDictionary<string, string?>? worker = null)
    {
        IHost host;
        try
        {
            host = Build(worker);
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync("错误 / error: " + e.Message);
            return null;
        }

        try
        {
            await host.StartAsync(ct);
            host.Services.GetRequiredService<DraftingModel>();
            return host;
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException)
        {
            await stderr.WriteLineAsync("错误 / error: " + e.Message);
            host.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Starts a built host (settings checked, migrations applied); false when the database cannot be
    /// reached, so a verb that can work without the corpus (report, draft) goes on offline.
    /// </summary>
    public static async Task<bool> TryStartAsync(IHost host, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await host.StartAsync(ct);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>What report and draft print on stderr when they go on without the corpus.</summary>
    public const string NoCorpusNote = "提示 / note: 数据库不可用，未检索往年报告，草稿不引用往年表述（offline, no corpus: no precedents are cited）。";
}
