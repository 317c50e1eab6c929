using System.Diagnostics;

namespace Assistant.Api.Tests;

/// <summary>Runs the real <c>assistant</c> executable against a given database, capturing its output.</summary>
internal static class CliProcess
{
    public static Task<(int Exit, string Stdout, string Stderr)> RunAsync(string connectionString, params string[] args) =>
        RunWithAsync(connectionString, new Dictionary<string, string>(), args);

    /// <summary>With extra environment variables (settings such as <c>Drafting__Provider</c>).</summary>
    public static async Task<(int Exit, string Stdout, string Stderr)> RunWithAsync(string connectionString, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "assistant.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ConnectionStrings__Assistant"] = connectionString;
        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }
}
