using Assistant.Features.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Assistant.Features.Corpus;

public static class CorpusSetup
{
    /// <summary>The database, the embedding generator, the corpus store and search (one registration for both hosts).</summary>
    public static IServiceCollection AddAssistantStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageSetup.DataSource(StorageSetup.ConnectionString(configuration)));
        services.AddDbContext<AssistantDb>((sp, o) => StorageSetup.Configure(o, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(_ => EmbeddingSettings.From(configuration).CreateGenerator());
        services.AddSingleton<CorpusStore>();
        services.AddSingleton<CorpusSearch>();
        services.AddSingleton<Records.RecordStore>();
        services.AddSingleton<Records.ApiKeyStore>();
        return services;
    }

    /// <summary>Applies migrations, then brings stored vectors to the configured generator.</summary>
    public static async Task InitializeStorageAsync(this IServiceProvider services, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AssistantDb>();
            await StorageSetup.MigrateAsync(db, cancellationToken);
        }

        var store = services.GetRequiredService<CorpusStore>();
        int reembedded = await store.ReembedAsync(cancellationToken);
        if (reembedded > 0)
        {
            logger?.LogInformation("Re-embedded {Count} passages with {Embedder}", reembedded, store.Embedder.Identity());
        }
    }
}

/// <summary>Runs <see cref="CorpusSetup.InitializeStorageAsync"/> before the web host takes requests.</summary>
public sealed class StorageInitializer(IServiceProvider services, ILogger<StorageInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.InitializeStorageAsync(logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
