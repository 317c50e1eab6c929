using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Features.Corpus;

/// <summary>
/// Loads the exact-scan index in the background once the corpus is ready (after <see cref="CorpusInitializer"/>'s
/// re-embedding), so the start never waits for it (HNSW serves until it is loaded); then reads other processes' new
/// passages every <see cref="ExactScanSettings.RefreshSeconds"/> and reloads it whole every
/// <see cref="ExactScanSettings.CompactMinutes"/> (deleted passages leave it). A failure is logged and retried at the next tick.
/// </summary>
internal sealed partial class ExactScanLoader(ExactScanIndex index, IEmbeddingGenerator<string, Embedding<float>> embedder, ILogger<ExactScanLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!ExactScanIndex.Builds(index.Settings, embedder))
        {
            LogOff(logger);
            return;
        }

        await Task.Yield();
        var sinceLoad = Stopwatch.StartNew();
        bool loaded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!loaded || sinceLoad.Elapsed.TotalMinutes >= index.Settings.CompactMinutes)
                {
                    long before = Environment.WorkingSet;
                    loaded = await index.LoadAsync(stoppingToken);
                    sinceLoad.Restart();
                    if (loaded)
                    {
                        LogLoaded(logger, index.Count, index.Bytes, (long)index.LoadTime.TotalMilliseconds, before, Environment.WorkingSet);
                    }
                    else
                    {
                        LogNotLoaded(logger, index.NotServing ?? string.Empty);
                    }
                }
                else if (index.IsReady)
                {
                    await index.RefreshAsync(stoppingToken);
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: whatever the read was doing (cancelled, or its data source disposed) no longer matters.
                return;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(index.Settings.RefreshSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Exact scan off (ExactScan:Enabled false, or a model embedder's dense queries with ExactScan:DenseQueries false): vector search walks HNSW")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Exact scan loaded {Passages} passages ({Bytes} bytes) in {Milliseconds} ms; working set {Before} → {After} bytes")]
    private static partial void LogLoaded(ILogger logger, int passages, long bytes, long milliseconds, long before, long after);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exact scan not loaded ({Why}): vector search walks HNSW")]
    private static partial void LogNotLoaded(ILogger logger, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exact scan index read failed; retried at the next refresh")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
