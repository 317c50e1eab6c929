using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace Assistant.Features.Corpus;

/// <summary>The index's state (columns and per-passage codes) and the scan.</summary>
public sealed partial class ExactScanIndex
{
    /// <summary>Passages scored at once: the block's similarities (16 KB) stay in the core's cache while each column streams past.</summary>
    private const int Block = 4096;

    /// <summary>The fewest passages a scan thread is given; below it a second thread costs more than it saves.</summary>
    private const int MinPartition = 65_536;

    private long scans;

    /// <summary>How many scans have run (for tests and the benchmark: which path a search took).</summary>
    public long Scans => Interlocked.Read(ref scans);

    /// <summary>What a search's filters ask of a passage, as the SQL's <c>Filters</c> match them (fund and region as case-insensitive literal substrings).</summary>
    public sealed record ScanFilter(string? Kind, string? Fund, string? Region, int? Year, Guid? ExcludeDocument, string? Viewer);

    /// <summary>
    /// The scan's answer: the passages passing the filters with the highest similarity (computed in float, so within a
    /// few 1e-6 of the database's), best first, and whether more passing passages were left out (all scored at most the last's).
    /// </summary>
    public sealed record ScanResult((long Id, float Score)[] Hits, bool More);

    /// <summary>
    /// The <paramref name="take"/> passages most similar to <paramref name="query"/> among those passing
    /// <paramref name="filter"/>; null when the index does not serve (<see cref="Serves"/>). Sparse queries read only their
    /// non-zero dimensions' columns.
    /// </summary>
    public ScanResult? Scan(ReadOnlySpan<float> query, ScanFilter filter, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var s = state;
        if (s is null || s.Dimensions != query.Length || take <= 0)
        {
            return null;
        }

        Interlocked.Increment(ref scans);
        int n = s.Count;
        double norm = 0;
        foreach (float x in query)
        {
            norm += (double)x * x;
        }

        norm = Math.Sqrt(norm);
        var weights = new List<(int Dimension, float Weight)>();
        for (int i = 0; i < query.Length; i++)
        {
            if (query[i] != 0 && float.IsFinite(query[i]))
            {
                weights.Add((i, (float)(query[i] / norm)));
            }
        }

        var test = Test.Of(s, filter);
        if (test is null || weights.Count == 0 || n == 0)
        {
            return new ScanResult([], false);
        }

        int threads = Math.Clamp(Math.Min(settings.Threads > 0 ? settings.Threads : Environment.ProcessorCount, n / MinPartition), 1, 256);
        var parts = new Heap[threads];
        var w = weights.ToArray();
        if (threads == 1)
        {
            parts[0] = ScanRange(s, w, test, 0, n, take);
        }
        else
        {
            int size = ((n / threads) + Block - 1) / Block * Block;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                parts[t] = ScanRange(s, w, test, Math.Min(n, t * size), t == threads - 1 ? n : Math.Min(n, (t + 1) * size), take));
        }

        var all = new List<(long Id, float Score)>();
        bool more = false;
        foreach (var h in parts)
        {
            more |= h.Full;
            for (int i = 0; i < h.Count; i++)
            {
                all.Add((s.Ids[h.Rows[i]], h.Scores[i]));
            }
        }

        all.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
        more |= all.Count > take;
        return new ScanResult([.. all.Take(take)], more);
    }

    private static Heap ScanRange(State s, (int Dimension, float Weight)[] weights, Test test, int from, int to, int take)
    {
        var heap = new Heap(take);
        var acc = new float[Block];
        for (int start = from; start < to; start += Block)
        {
            int len = Math.Min(Block, to - start);
            var a = acc.AsSpan(0, len);
            TensorPrimitives.Multiply(s.Columns[weights[0].Dimension].AsSpan(start, len), weights[0].Weight, a);
            for (int k = 1; k < weights.Length; k++)
            {
                TensorPrimitives.MultiplyAdd(s.Columns[weights[k].Dimension].AsSpan(start, len), weights[k].Weight, a, a);
            }

            float threshold = heap.Threshold;
            for (int j = 0; j < len; j++)
            {
                if (a[j] > threshold && test.Passes(s, start + j))
                {
                    heap.Add(start + j, a[j]);
                    threshold = heap.Threshold;
                }
            }
        }

        return heap;
    }

    /// <summary>A bounded min-heap of (row, score): the lowest kept at the root, replaced by a higher one once full.</summary>
    private sealed class Heap(int capacity)
    {
        public readonly int[] Rows = new int[capacity];
        public readonly float[] Scores = new float[capacity];

        public int Count { get; private set; }

        /// <summary>Whether a passing row was ever left out (the heap filled).</summary>
        public bool Full { get; private set; }

        public float Threshold => Count < capacity ? float.NegativeInfinity : Scores[0];

        public void Add(int row, float score)
        {
            if (Count < capacity)
            {
                int i = Count++;
                while (i > 0)
                {
                    int parent = (i - 1) / 2;
                    if (Scores[parent] <= score)
                    {
                        break;
                    }

                    Rows[i] = Rows[parent];
                    Scores[i] = Scores[parent];
                    i = parent;
                }

                Rows[i] = row;
                Scores[i] = score;
                return;
            }

            Full = true;
            int at = 0;
            while (true)
            {
                int child = (2 * at) + 1;
                if (child >= Count)
                {
                    break;
                }

                if (child + 1 < Count && Scores[child + 1] < Scores[child])
                {
                    child++;
                }

                if (Scores[child] >= score)
                {
                    break;
                }

                Rows[at] = Rows[child];
                Scores[at] = Scores[child];
                at = child;
            }

            Rows[at] = row;
            Scores[at] = score;
        }
    }

    /// <summary>A request's filters turned into codes: which funds and regions pass (tested once per distinct value), the kind, year, viewer and excluded document.</summary>
    private sealed class Test
    {
        private bool[]? funds;
        private bool[]? regions;
        private int kind = int.MinValue;
        private short year;
        private int viewer = -2;
        private int excluded = -2;

        /// <summary>The test for <paramref name="filter"/>, or null when no passage can pass (a kind, fund or region no passage holds).</summary>
        public static Test? Of(State s, ScanFilter filter)
        {
            var t = new Test { year = (short)(filter.Year ?? 0) };
            if (filter.Kind is { } kind && (t.kind = s.Kinds.Find(kind)) < 0)
            {
                return null;
            }

            if (filter.Fund is { } fund && (t.funds = Substrings(s.Funds.Values, fund)) is null)
            {
                return null;
            }

            if (filter.Region is { } region && (t.regions = Substrings(s.Regions.Values, region)) is null)
            {
                return null;
            }

            if (filter.Viewer is { } viewer)
            {
                t.viewer = s.Owners.Find(viewer);
            }

            if (filter.ExcludeDocument is { } document && s.Documents.TryGetValue(document, out int code))
            {
                t.excluded = code;
            }

            return t;
        }

        /// <summary>Which values hold <paramref name="part"/> (lower-cased, ordinal: PostgreSQL's <c>strpos(lower(…), lower(…))</c>); null when none does.</summary>
        private static bool[]? Substrings(ReadOnlySpan<string> values, string part)
        {
            string lower = part.ToLowerInvariant();
            var pass = new bool[values.Length];
            bool any = false;
            for (int i = 0; i < values.Length; i++)
            {
                pass[i] = values[i].ToLowerInvariant().Contains(lower, StringComparison.Ordinal);
                any |= pass[i];
            }

            return any ? pass : null;
        }

        public bool Passes(State s, int row)
        {
            if (kind != int.MinValue && s.KindOf[row] != kind)
            {
                return false;
            }

            if (year != 0 && s.Years[row] != year)
            {
                return false;
            }

            int owner = s.OwnerOf[row];
            if (owner != -1 && owner != viewer)
            {
                return false;
            }

            if (s.DocumentOf[row] == excluded)
            {
                return false;
            }

            if (funds is not null && (s.FundOf[row] is var f && (f < 0 || f >= funds.Length || !funds[f])))
            {
                return false;
            }

            return regions is null || (s.RegionOf[row] is var g && g >= 0 && g < regions.Length && regions[g]);
        }
    }

    /// <summary>
    /// The columns and codes, with room for <see cref="Capacity"/> passages; rows below <see cref="Count"/> never change.
    /// The code tables are shared with the state it grew from.
    /// </summary>
    private sealed class State
    {
        private volatile int count;

        public State(int dimensions, int capacity)
            : this(dimensions, capacity, new Codes(), new Codes(), new Codes(), new Codes(), new ConcurrentDictionary<Guid, int>())
        {
        }

        private State(int dimensions, int capacity, Codes kinds, Codes funds, Codes regions, Codes owners, ConcurrentDictionary<Guid, int> documents)
        {
            Dimensions = dimensions;
            Capacity = capacity;
            Columns = new float[dimensions][];
            for (int d = 0; d < dimensions; d++)
            {
                Columns[d] = new float[capacity];
            }

            Ids = new long[capacity];
            Years = new short[capacity];
            KindOf = new int[capacity];
            FundOf = new int[capacity];
            RegionOf = new int[capacity];
            OwnerOf = new int[capacity];
            DocumentOf = new int[capacity];
            (Kinds, Funds, Regions, Owners, Documents) = (kinds, funds, regions, owners, documents);
        }

        public int Dimensions { get; }

        public int Capacity { get; }

        public int Count => count;

        public long LastId { get; private set; }

        public float[][] Columns { get; }

        public long[] Ids { get; }

        public short[] Years { get; }

        public int[] KindOf { get; }

        public int[] FundOf { get; }

        public int[] RegionOf { get; }

        public int[] OwnerOf { get; }

        public int[] DocumentOf { get; }

        public Codes Kinds { get; }

        public Codes Funds { get; }

        public Codes Regions { get; }

        public Codes Owners { get; }

        public ConcurrentDictionary<Guid, int> Documents { get; }

        /// <summary>A copy with room for <paramref name="capacity"/> passages (the old state stays whole for readers holding it).</summary>
        public State Grow(int capacity)
        {
            var g = new State(Dimensions, capacity, Kinds, Funds, Regions, Owners, Documents);
            int n = count;
            for (int d = 0; d < Dimensions; d++)
            {
                Array.Copy(Columns[d], g.Columns[d], n);
            }

            Array.Copy(Ids, g.Ids, n);
            Array.Copy(Years, g.Years, n);
            Array.Copy(KindOf, g.KindOf, n);
            Array.Copy(FundOf, g.FundOf, n);
            Array.Copy(RegionOf, g.RegionOf, n);
            Array.Copy(OwnerOf, g.OwnerOf, n);
            Array.Copy(DocumentOf, g.DocumentOf, n);
            g.LastId = LastId;
            g.count = n;
            return g;
        }

        /// <summary>Adds a passage (the caller checked the room), its vector normalised; a vector without a direction (all zero) is left out, as the database's distance for it is NaN.</summary>
        public void Append(Row row)
        {
            var v = row.Vector.Span;
            double norm = 0;
            foreach (float x in v)
            {
                norm += (double)x * x;
            }

            if (norm == 0 || !double.IsFinite(norm))
            {
                return;
            }

            norm = Math.Sqrt(norm);
            int i = count;
            for (int d = 0; d < Dimensions; d++)
            {
                Columns[d][i] = (float)(v[d] / norm);
            }

            Ids[i] = row.Id;
            Years[i] = row.Year is int y and > 0 and <= short.MaxValue ? (short)y : (short)0;
            KindOf[i] = Kinds.Code(row.Kind);
            FundOf[i] = Funds.Code(row.Fund);
            RegionOf[i] = Regions.Code(row.Region);
            OwnerOf[i] = Owners.Code(row.Owner);
            DocumentOf[i] = Documents.GetOrAdd(row.Document, Documents.Count);
            LastId = Math.Max(LastId, row.Id);
            count = i + 1;
        }

        /// <summary>The ids held above <paramref name="low"/> (a refresh skips them).</summary>
        public HashSet<long> IdsAbove(long low)
        {
            var held = new HashSet<long>();
            int n = count;
            for (int i = 0; i < n; i++)
            {
                if (Ids[i] > low)
                {
                    held.Add(Ids[i]);
                }
            }

            return held;
        }
    }
}
