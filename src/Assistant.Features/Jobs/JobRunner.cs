using Assistant.Features.Batches;
using Assistant.Features.Evaluations;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Assistant.Features.Jobs;

/// <summary>One kind of job's work, begun by <see cref="JobRunner"/> for each attempt.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>True when an attempt starts its counters afresh (its work re-counts what is already stored).</summary>
    bool RestartsProgress { get; }

    /// <summary>
    /// Does the job's work and finishes it (<see cref="JobService.FinishAsync(Guid, bool, object?, JobError?, int?, int?, CancellationToken)"/>).
    /// Throws <see cref="InputException"/> for input no retry can mend; anything else is retried.
    /// </summary>
    Task RunAsync(JobRecord job, CancellationToken ct);
}

/// <summary>
/// The Hangfire job of every <see cref="JobKinds.Runnable"/> kind: counts the attempt, runs the kind's
/// handler, and when the handler fails for good (bad input, or the last of <see cref="Retries"/> retries)
/// finishes the job as failed with the reason in Chinese and English and publishes <c>job.done</c>. An
/// attempt that fails part-way leaves only whole, committed steps behind, which the next attempt skips.
/// </summary>
public sealed partial class JobRunner(JobService jobs, IEnumerable<IJobHandler> handlers, ILogger<JobRunner> log)
{
    /// <summary>Retries after a failed attempt (so at most this many plus one attempts).</summary>
    public const int Retries = 3;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [2, 20, 120], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid jobId, PerformContext? context, CancellationToken cancellationToken)
    {
        JobRecord? job = await jobs.BeginAsync(jobId, cancellationToken);
        if (job is null)
        {
            return;
        }

        IJobHandler handler = handlers.FirstOrDefault(h => h.Kind == job.Kind)
            ?? throw new InvalidOperationException($"No handler for job kind {job.Kind}");
        if (handler.RestartsProgress)
        {
            await jobs.ResetProgressAsync(jobId, cancellationToken);
        }

        try
        {
            await handler.RunAsync(job, cancellationToken);
        }
        catch (InputException e)
        {
            await jobs.FinishAsync(jobId, countFiles: false, null, new JobError(e.Zh, e.En), ct: CancellationToken.None);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            int retried = RetryCount(context);
            LogAttemptFailed(log, jobId, job.Kind, retried, e);
            if (retried < Retries)
            {
                throw;
            }

            await jobs.FinishAsync(jobId, countFiles: false, null, new JobError(
                $"任务在 {Retries + 1} 次尝试后仍失败（{e.GetType().Name}），已保存的部分保持完整，可重新提交。",
                $"The job failed after {Retries + 1} attempts ({e.GetType().Name}: {Shorten(e.Message)}); what it stored is whole, and it may be submitted again."), ct: CancellationToken.None);
        }
    }

    private static int RetryCount(PerformContext? context)
    {
        if (context is null)
        {
            return Retries;
        }

        try
        {
            return context.GetJobParameter<int>("RetryCount");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return 0;
        }
    }

    private static string Shorten(string message) => message.Length > 300 ? message[..300] + "…" : message;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) attempt failed after {Retried} retries")]
    private static partial void LogAttemptFailed(ILogger logger, Guid jobId, string kind, int retried, Exception exception);
}
