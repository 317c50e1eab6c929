using System.Collections.Concurrent;

namespace Assistant.Domain.Numbers;

/// <summary>
/// A thread-safe memory of answers of a pure function, keyed by everything the answer depends on,
/// bounded: when more than <c>bound</c> keys have been kept it is emptied and fills again from the
/// texts in use (a table names the same units and targets over and over, across rows and requests).
/// Only for immutable values: every caller of the same key gets the same instance.
/// </summary>
internal sealed class BoundedMemory<TKey, TValue>(int bound, int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    // Emptied by replacing it with a new one of the first capacity (ConcurrentDictionary.Clear starts again from
    // 31 buckets, and filling it again would grow it step by step, copying every node each time).
    private volatile ConcurrentDictionary<TKey, TValue> kept = New(capacity, comparer);
    private readonly Lock emptying = new();

    // Counted apart: ConcurrentDictionary.Count takes every lock. A key added while the memory is being
    // emptied may go uncounted until the next emptying, so at most bound + (threads) keys are held.
    private int count;

    /// <summary>The number of times the memory was emptied (tests see the bound at work).</summary>
    public int Emptied { get; private set; }

    public int Bound => bound;

    public bool TryGet(TKey key, out TValue value) => kept.TryGetValue(key, out value!);

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/>; past the bound the memory is emptied first.</summary>
    public void Keep(TKey key, TValue value)
    {
        if (Volatile.Read(ref count) >= bound)
        {
            lock (emptying)
            {
                if (Volatile.Read(ref count) >= bound)
                {
                    kept = New(capacity, comparer);
                    Volatile.Write(ref count, 0);
                    Emptied++;
                }
            }
        }

        if (kept.TryAdd(key, value))
        {
            Interlocked.Increment(ref count);
        }
    }

    /// <summary>Forgets everything (a benchmark measuring a table never seen, a test).</summary>
    public void Clear()
    {
        lock (emptying)
        {
            kept = New(capacity, comparer);
            Volatile.Write(ref count, 0);
        }
    }

    private static ConcurrentDictionary<TKey, TValue> New(int capacity, IEqualityComparer<TKey>? comparer) =>
        new(Environment.ProcessorCount, capacity, comparer);

    /// <summary>Keys held now (a test of the bound; takes every lock).</summary>
    internal int Held => kept.Count;
}
