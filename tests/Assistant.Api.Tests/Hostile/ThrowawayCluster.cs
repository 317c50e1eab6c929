using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Assistant.Api.Tests.Hostile;

/// <summary>
/// A PostgreSQL cluster of its own (initdb into a temporary folder, a free port, loopback only), to be
/// stopped and started by a test without touching the shared one. Runs as the postgres user when the
/// tests run as root (initdb refuses root). <see cref="Available"/> is false when the binaries are absent.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private readonly string dir;

    private ThrowawayCluster(string dir, int port)
    {
        this.dir = dir;
        Port = port;
    }

    public static bool Available => File.Exists(Path.Combine(BinDir, "initdb")) && File.Exists(Path.Combine(BinDir, "pg_ctl"));

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=3;Command Timeout=10";

    public static async Task<ThrowawayCluster> StartAsync()
    {
        string dir = Path.Combine(Path.GetTempPath(), "i20-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres", dir);
        }

        var cluster = new ThrowawayCluster(dir, FreePort());
        await cluster.Pg("initdb", "-D", Path.Combine(dir, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.StartServerAsync();
        return cluster;
    }

    public Task StartServerAsync() =>
        Pg("pg_ctl", "-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=100", "start");

    public Task StopServerAsync() => Pg("pg_ctl", "-D", Path.Combine(dir, "data"), "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopServerAsync();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        Directory.Delete(dir, recursive: true);
    }

    private Task Pg(string tool, params string[] args)
    {
        string exe = Path.Combine(BinDir, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", exe, .. args])
            : RunAsync(exe, args);
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)}: exit {process.ExitCode}: {await stderr} {await stdout}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
