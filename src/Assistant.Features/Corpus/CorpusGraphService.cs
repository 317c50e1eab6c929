using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Features.Corpus;

/// <summary>
/// Runs <see cref="CorpusGraphBuilder"/> in a web host (every role) and in <c>assistant worker</c>: at start (a build
/// a dead process left owed is finished), when a bulk load in this process leaves graphs owed, and every
/// <see cref="PollSeconds"/> (loads by other processes, such as <c>assistant ingest</c>). A failure is logged and
/// retried at the next tick; stopping the host aborts a build in progress, which the next run finishes.
/// </summary>
internal sealed partial class CorpusGraphService(CorpusGraphBuilder builder, ILogger<CorpusGraphService> logger) : BackgroundService
{
    /// <summary>How often the journal is read for graphs other processes' loads left owed.</summary>
    public const int PollSeconds = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                GraphBuildReport report = await builder.BuildOwedAsync(stoppingToken);
                foreach (var (definition, seconds) in report.Built)
                {
                    LogBuilt(logger, CorpusGraphBuilder.NameOf(definition), seconds);
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                LogFailed(logger, e);
            }

            try
            {
                await builder.WaitAsync(TimeSpan.FromSeconds(PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Corpus graph {Index} built in {Seconds:0.0} s (owed by a bulk load)")]
    private static partial void LogBuilt(ILogger logger, string index, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus graph build failed; retried at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
