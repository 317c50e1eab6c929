using System.Diagnostics;
using System.Globalization;
using Assistant.Features.Corpus;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>
/// The exact in-memory scan (<see cref="ExactScanIndex"/>, issue 21, session 37) in <c>search-scale</c>: loaded once when a
/// variant or timed path names it (<c>BENCH_VARIANTS</c> / <c>BENCH_PATHS</c> matching "in-memory"), with its load time, its
/// size and the process's working set before and after (after a full collection each side).
/// </summary>
internal static class SearchScaleExact
{
    public static async Task<ExactScanIndex?> LoadIfAskedAsync(NpgsqlDataSource dataSource, string? pattern, IServiceProvider? api = null)
    {
        if (pattern is null || !pattern.Contains("in-memory", StringComparison.Ordinal))
        {
            return null;
        }

        // BENCH_API_EXACT=1 (session 39): the API host's own index, loaded by its ExactScanLoader at start as in production,
        // is waited for and timed beside everything else (one copy in memory, and the HTTP search paths read it too).
        if (api is not null && Environment.GetEnvironmentVariable("BENCH_API_EXACT") == "1")
        {
            return await ApiIndexAsync(api.GetRequiredService<ExactScanIndex>());
        }

        int threads = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SCAN_THREADS"), CultureInfo.InvariantCulture, out int t) ? t : 0;
        var index = new ExactScanIndex(dataSource, new ExactScanSettings { MaxBytes = 8L << 30, Threads = threads });
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        long before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        bool loaded = await index.LoadAsync();
        double seconds = clock.Elapsed.TotalSeconds;
        GC.Collect(2, GCCollectionMode.Forced, true, true);
        long after = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exact in-memory scan: {(loaded ? "loaded" : "NOT loaded: " + index.NotServing)} {index.Count} passages in {seconds:0.0} s, arrays {index.Bytes / 1048576.0:0} MB, working set {before / 1048576.0:0} → {after / 1048576.0:0} MB, scan threads {(threads > 0 ? threads : Environment.ProcessorCount)}"));
        return loaded ? index : null;
    }

    /// <summary>
    /// Waits (at most 30 minutes) for the API host's <see cref="ExactScanIndex"/> to be loaded by its background loader (its load
    /// time set: the index serves a moment before, during the load's final refresh), then
    /// prints its load time, its arrays and the host process's working set after a full collection (the API, the benchmark's
    /// own clients and the loaded index together).
    /// </summary>
    private static async Task<ExactScanIndex?> ApiIndexAsync(ExactScanIndex index)
    {
        var clock = Stopwatch.StartNew();
        while ((!index.IsReady || index.LoadTime == TimeSpan.Zero) && index.NotServing is null && clock.Elapsed < TimeSpan.FromMinutes(30))
        {
            await Task.Delay(250);
        }

        GC.Collect(2, GCCollectionMode.Forced, true, true);
        long after = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"exact in-memory scan (the API host's own, BENCH_API_EXACT=1): {(index.IsReady ? "loaded" : "NOT loaded: " + (index.NotServing ?? "not ready after 30 min"))} {index.Count} passages, load {index.LoadTime.TotalSeconds:0.0} s (waited {clock.Elapsed.TotalSeconds:0.0} s), arrays {index.Bytes / 1048576.0:0} MB, host working set {after / 1048576.0:0} MB, scan threads {(index.Settings.Threads > 0 ? index.Settings.Threads : Environment.ProcessorCount)}"));
        return index.IsReady ? index : null;
    }

    /// <summary>
    /// The scan's kernel alone, float columns against Half columns (<c>scan-kernel [--passages 1000000] [--columns 32] [--rounds 40]</c>):
    /// the same number of columns (a short question's non-zero dimensions) of random unit-scale values, scored block by block
    /// as <see cref="ExactScanIndex"/> does (Half: each block converted to float first), one thread, interleaved rounds; the
    /// p50 / p95 of each and Half's ratio to float in the same run. Half halves the memory (1M × 384: 0.77 GB) but its
    /// scores need an exact re-rank (the re-read does that) and a wider margin.
    /// </summary>
    public static int Kernel(string[] args)
    {
        int n = Arg(args, "--passages", 1_000_000), columns = Arg(args, "--columns", 32), rounds = Arg(args, "--rounds", 40);
        var random = new Random(37);
        var floats = new float[columns][];
        var halves = new Half[columns][];
        var weights = new float[columns];
        for (int c = 0; c < columns; c++)
        {
            floats[c] = new float[n];
            halves[c] = new Half[n];
            weights[c] = (float)random.NextDouble();
            for (int i = 0; i < n; i++)
            {
                floats[c][i] = (float)(random.NextDouble() * 0.2);
                halves[c][i] = (Half)floats[c][i];
            }
        }

        const int Block = 4096;
        var acc = new float[Block];
        var tmp = new float[Block];
        float sink = 0;
        double Float()
        {
            var sw = Stopwatch.StartNew();
            for (int start = 0; start < n; start += Block)
            {
                int len = Math.Min(Block, n - start);
                var a = acc.AsSpan(0, len);
                System.Numerics.Tensors.TensorPrimitives.Multiply(floats[0].AsSpan(start, len), weights[0], a);
                for (int c = 1; c < columns; c++)
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(floats[c].AsSpan(start, len), weights[c], a, a);
                }

                sink += System.Numerics.Tensors.TensorPrimitives.Max(a);
            }

            return sw.Elapsed.TotalMilliseconds;
        }

        double Halves()
        {
            var sw = Stopwatch.StartNew();
            for (int start = 0; start < n; start += Block)
            {
                int len = Math.Min(Block, n - start);
                var a = acc.AsSpan(0, len);
                var t = tmp.AsSpan(0, len);
                System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(halves[0].AsSpan(start, len), t);
                System.Numerics.Tensors.TensorPrimitives.Multiply(t, weights[0], a);
                for (int c = 1; c < columns; c++)
                {
                    System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(halves[c].AsSpan(start, len), t);
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(t, weights[c], a, a);
                }

                sink += System.Numerics.Tensors.TensorPrimitives.Max(a);
            }

            return sw.Elapsed.TotalMilliseconds;
        }

        var f = new List<double>();
        var h = new List<double>();
        for (int r = 0; r < rounds + 3; r++)
        {
            double a = r % 2 == 0 ? Float() : Halves();
            double b = r % 2 == 0 ? Halves() : Float();
            if (r >= 3)
            {
                f.Add(r % 2 == 0 ? a : b);
                h.Add(r % 2 == 0 ? b : a);
            }
        }

        f.Sort();
        h.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scan kernel, {n} passages × {columns} columns, one thread, {rounds} interleaved rounds (checksum {sink:0})"));
        Console.WriteLine("| columns | p50 ms | p95 ms | ratio to float (p50) |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| float ({4L * n * columns / 1048576} MB read) | {SearchScale.P(f, 0.5):0.0} | {SearchScale.P(f, 0.95):0.0} | 1.00 |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Half ({2L * n * columns / 1048576} MB read) | {SearchScale.P(h, 0.5):0.0} | {SearchScale.P(h, 0.95):0.0} | {SearchScale.P(h, 0.5) / SearchScale.P(f, 0.5):0.00} |"));
        return 0;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
