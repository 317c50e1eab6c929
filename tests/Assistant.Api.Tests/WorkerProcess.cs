using System.Diagnostics;
using System.Text;

namespace Assistant.Api.Tests;

/// <summary>A real <c>assistant worker</c> process (the job server alone, no web API) against a given database.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<WorkerProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "assistant.dll"));
        psi.ArgumentList.Add("worker");
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ConnectionStrings__Assistant"] = connectionString;
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (k, v) in settings)
        {
            psi.Environment[k.Replace(":", "__", StringComparison.Ordinal)] = v;
        }

        var worker = new WorkerProcess(Process.Start(psi)!);
        worker.process.OutputDataReceived += (_, e) => worker.Append(e.Data);
        worker.process.ErrorDataReceived += (_, e) => worker.Append(e.Data);
        worker.process.EnableRaisingEvents = true;
        worker.process.Exited += (_, _) => worker.started.TrySetException(new InvalidOperationException("worker exited: " + worker.Output));
        worker.process.BeginOutputReadLine();
        worker.process.BeginErrorReadLine();
        await worker.started.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (line.Contains("job worker started", StringComparison.Ordinal))
        {
            started.TrySetResult();
        }
    }
}
