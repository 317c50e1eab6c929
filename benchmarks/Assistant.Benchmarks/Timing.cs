using System.Diagnostics;

namespace Assistant.Benchmarks;

/// <summary>
/// Timing several paths against each other on a shared, noisy machine (issue 21, session 27).
/// Session 26 timed each path alone, one after the other, after 20 warm-up calls: the same path moved
/// up to 2× between runs (the first path of a fresh process paid the runtime's tiering, and each path
/// met a different moment of the other sessions' load). <see cref="InterleavedAsync"/> warms every path
/// alike first, then times them round by round, so a floor and the paths compared with it see the
/// same load and the same warm state.
/// </summary>
internal static class Timing
{
    /// <summary>Warm-up rounds over all queries (with 20 queries, 60 calls per path: past the runtime's tier-up at 30 calls).</summary>
    public const int WarmRounds = 3;

    /// <summary>
    /// Each path's times (sorted), index for index with <paramref name="paths"/>: first every path runs every
    /// query <see cref="WarmRounds"/> times, untimed; then <paramref name="n"/> rounds, in each every path
    /// once; round <c>i</c> starts at path <c>i mod paths</c> (no path always follows the same one) and path
    /// <c>k</c> runs query <c>(i + k) mod queries</c> (no path finds the pages of its own query just read by
    /// the path before it). Every path still runs every query <c>n / queries</c> times.
    /// </summary>
    public static async Task<List<double>[]> InterleavedAsync(int n, IReadOnlyList<string> queries, IReadOnlyList<Func<string, Task>> paths)
    {
        for (int round = 0; round < WarmRounds; round++)
        {
            foreach (string q in queries)
            {
                foreach (var path in paths)
                {
                    await path(q);
                }
            }
        }

        var times = paths.Select(_ => new List<double>(n)).ToArray();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < paths.Count; j++)
            {
                int k = (i + j) % paths.Count;
                string q = queries[(i + k) % queries.Count];
                long start = Stopwatch.GetTimestamp();
                await paths[k](q);
                times[k].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        foreach (var t in times)
        {
            t.Sort();
        }

        return times;
    }

    /// <summary>Session 26's way, kept to compare (<c>BENCH_SEQUENTIAL=1</c>): each path alone, 20 warm-up calls, then <paramref name="n"/> timed calls, path after path.</summary>
    public static async Task<List<double>[]> SequentialAsync(int n, IReadOnlyList<string> queries, IReadOnlyList<Func<string, Task>> paths)
    {
        var times = new List<double>[paths.Count];
        for (int k = 0; k < paths.Count; k++)
        {
            for (int i = 0; i < 20; i++)
            {
                await paths[k](queries[i % queries.Count]);
            }

            times[k] = new List<double>(n);
            for (int i = 0; i < n; i++)
            {
                long start = Stopwatch.GetTimestamp();
                await paths[k](queries[i % queries.Count]);
                times[k].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            times[k].Sort();
        }

        return times;
    }
}
