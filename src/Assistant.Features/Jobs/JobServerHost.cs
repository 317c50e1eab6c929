using Assistant.Features.Batches;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Assistant.Features.Jobs;

/// <summary>
/// Runs this process's Hangfire server when its role processes jobs: a <c>worker</c> from start-up, an
/// <c>all</c> process as soon as it has queued a job or finds Hangfire's tables already there (so a
/// host that never queues anything never creates them). Start-up never waits for the database.
/// </summary>
public sealed class JobServerHost(
    Lazy<JobStorage> storage, IServiceScopeFactory scopes, IOptions<JobSettings> settings, string connectionString, ILogger<JobServerHost> log) : BackgroundService
{
    private readonly TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private BackgroundJobServer? server;

    public void Wake() => wake.TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        JobSettings s = settings.Value;
        if (!s.ProcessesJobs)
        {
            return;
        }

        if (s.Role == "all" && !await SchemaExistsAsync(stoppingToken))
        {
            await wake.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int workers = Start(s);
                log.LogInformation("Job server started ({Workers} workers, role {Role})", workers, s.Role);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                log.LogWarning(e, "Job server cannot reach the database; retrying in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private int Start(JobSettings s)
    {
        JobStorage jobs = storage.Value;
        var options = new BackgroundJobServerOptions
        {
            WorkerCount = s.Workers > 0 ? s.Workers : Math.Max(2, Environment.ProcessorCount * 2),
            Activator = new ScopedJobActivator(scopes),
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
            ServerCheckInterval = TimeSpan.FromSeconds(15),
            ServerTimeout = TimeSpan.FromMinutes(1),
            ShutdownTimeout = ShutdownTimeout,
            ServerName = $"{Environment.MachineName}:{Environment.ProcessId}",
        };
        var recurring = new RecurringJobManager(jobs);
        recurring.AddOrUpdate<BatchJobs>("batch-sweep", j => j.SweepAsync(CancellationToken.None), "*/2 * * * *");
        server = new BackgroundJobServer(options, jobs);
        return options.WorkerCount;
    }

    private async Task<bool> SchemaExistsAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT to_regclass('hangfire.job') IS NOT NULL", connection);
            return await cmd.ExecuteScalarAsync(ct) is true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>Hangfire's own shutdown timeout (running jobs are cancelled after it).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a stop waits for Hangfire's server beyond its own shutdown timeout.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Stops the job server, waiting at most its shutdown timeout plus <see cref="StopGrace"/> (and never
    /// past the host's own stop deadline): Hangfire's dispose can wait without end for a dispatcher that
    /// never reports, which held whole processes (and test hosts) at exit. A job still running then is
    /// not lost: its row stays fetched until the invisibility timeout and another worker takes it again.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (server is { } running)
        {
            server = null;
            running.SendStop();
            Task disposing = Task.Run(running.Dispose, CancellationToken.None);
            Task first = await Task.WhenAny(disposing, Task.Delay(ShutdownTimeout + StopGrace, cancellationToken)).ConfigureAwait(false);
            if (first != disposing)
            {
                log.LogWarning("Job server did not stop within {Seconds} s; its unfinished jobs return to the queue after the invisibility timeout", (ShutdownTimeout + StopGrace).TotalSeconds);
            }
        }
    }

    /// <summary>Hangfire's PostgreSQL storage, tuned for many short jobs.</summary>
    public static JobStorage CreateStorage(string connectionString, JobSettings s)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(Math.Max(50, s.QueuePollMilliseconds)),
            EnableLongPolling = true,
            InvisibilityTimeout = TimeSpan.FromSeconds(Math.Max(5, s.InvisibilitySeconds)),
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromSeconds(30),
        };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options, null), options);
    }
}
