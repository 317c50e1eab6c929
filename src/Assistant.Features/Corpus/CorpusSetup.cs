using Assistant.Features.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Features.Corpus;

public static class CorpusSetup
{
    /// <summary>The embedding generator (settings under <c>Embeddings</c>, checked at start), the corpus store and search.</summary>
    /// <param name="builder">The host.</param>
    /// <param name="loadExactScan">
    /// Whether this process loads the exact in-memory scan (<see cref="ExactScanLoader"/>): a host that serves searches does;
    /// a one-shot command (<c>assistant ingest</c>) does not (session 39: at 1M the load is 1.57 GB and a core for tens of
    /// seconds, competing with the command's own work, for searches it never serves). The <see cref="ExactScanIndex"/> and its
    /// settings are registered either way, so the bulk loader's decision whether the scan serves (it reads the settings, not
    /// this process's index) is the same.
    /// </param>
    public static IHostApplicationBuilder AddCorpus(this IHostApplicationBuilder builder, bool loadExactScan = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EmbeddingSettings>().BindConfiguration(EmbeddingSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmbeddingSettings>, EmbeddingSettingsValidation>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<EmbeddingSettings>>().Value.CreateGenerator());
        builder.Services.AddOptions<ExactScanSettings>().BindConfiguration(ExactScanSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ExactScanSettings>, ExactScanSettingsValidation>();
        builder.Services.AddSingleton(sp => new ExactScanIndex(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), sp.GetRequiredService<IOptions<ExactScanSettings>>().Value));
        builder.Services.AddSingleton<CorpusStore>();
        builder.Services.AddSingleton<CorpusGraphBuilder>();
        builder.Services.AddSingleton<CorpusBulkLoader>();
        builder.Services.AddSingleton<CorpusSearch>();
        builder.Services.AddHostedService<CorpusInitializer>();

        // After the initializer (whose re-embedding must finish first); in the background, so the start never waits for it.
        if (loadExactScan)
        {
            builder.Services.AddHostedService<ExactScanLoader>();
        }

        return builder;
    }

    /// <summary>
    /// The background builder of the graphs bulk loads leave owed (<see cref="CorpusGraphBuilder"/>): for the web host
    /// (every role) and <c>assistant worker</c>, not for one-shot commands (a build they started would die with them).
    /// </summary>
    public static IHostApplicationBuilder AddCorpusGraphBuilds(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<CorpusGraphService>();
        return builder;
    }
}

/// <summary>At start (after the migrations): loads the word segmenter, segments passages stored before it, brings stored vectors to the configured generator.</summary>
internal sealed partial class CorpusInitializer(CorpusStore store, ILogger<CorpusInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Words.WordSegmenter.Warm();
        int segmented = await store.SegmentAsync(cancellationToken);
        if (segmented > 0)
        {
            LogSegmented(logger, segmented);
        }

        int reembedded = await store.ReembedAsync(cancellationToken);
        if (reembedded > 0)
        {
            LogReembedded(logger, reembedded, store.Embedder.Identity());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Segmented {Count} passages into words")]
    private static partial void LogSegmented(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-embedded {Count} passages with {Embedder}")]
    private static partial void LogReembedded(ILogger logger, int count, string embedder);
}

/// <summary>Every problem of the <c>Embeddings</c> settings, each naming its setting, stops the start.</summary>
internal sealed class EmbeddingSettingsValidation : IValidateOptions<EmbeddingSettings>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
