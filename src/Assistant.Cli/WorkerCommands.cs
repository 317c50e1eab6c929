using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace Assistant.Cli;

/// <summary>
/// <c>assistant worker</c>: a process that only runs background jobs (batch checks, imports, corpus
/// ingestion, report drafting, webhook deliveries) against the configured database, with no web API,
/// until Ctrl+C or SIGTERM; run it on as many machines as you like beside <c>Jobs__Role=api</c> hosts.
/// </summary>
internal static class WorkerCommands
{
    public static Command Worker(TextWriter stdout, TextWriter stderr)
    {
        var workers = new Option<int?>("--workers") { Description = "工作线程数（默认每核2个，或 Jobs__Workers）/ worker threads (default 2 per core, or Jobs__Workers)" };
        var command = new Command("worker", "只运行后台任务（不启动Web API），直到 Ctrl+C / run only the job server (no web API) until Ctrl+C") { workers };
        command.SetAction(async (pr, ct) =>
        {
            var settings = new Dictionary<string, string?> { ["Jobs:Role"] = "worker" };
            if (pr.GetValue(workers) is { } n)
            {
                if (n is < 1 or > 256)
                {
                    await stderr.WriteLineAsync("错误 / error: --workers 应在1到256之间 / --workers must be between 1 and 256");
                    return CliApp.BadInput;
                }

                settings["Jobs:Workers"] = n.ToString(CultureInfo.InvariantCulture);
            }

            using IHost? host = await CliHost.StartAsync(stderr, ct, settings);
            if (host is null)
            {
                return CliApp.BadInput;
            }

            await stdout.WriteLineAsync($"后台任务进程已启动（pid {Environment.ProcessId}），Ctrl+C 停止 / job worker started (pid {Environment.ProcessId}); Ctrl+C stops it");
            await stdout.FlushAsync(ct);
            try
            {
                await host.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
                await host.StopAsync(CancellationToken.None);
            }

            return 0;
        });
        return command;
    }
}
