using System.Collections.Concurrent;

namespace Assistant.Features.RateLimits;

/// <summary>
/// This process's side of the shared rate limit: permits leased from <see cref="RateBucketStore"/> a few
/// at a time and handed out here, so a busy key does not cost a database round trip per request.
///
/// A lease lasts <see cref="LeaseFor"/> (counted here from before the database was asked, so it ends
/// here before it ends in the database) and holds at most a sixteenth of a minute's allowance beyond
/// the request that asked for it; it starts small and doubles while it keeps running out before its
/// end, halves when permits were left over. Unspent permits go back with the next take. A limit under
/// 16 a minute is not leased at all: every request asks the database, as before. What the database
/// guarantees (<see cref="RateBucketStore"/>) holds whatever processes do: leasing never lets more
/// through than one bucket would; at worst a process refuses a request while another holds permits.
/// </summary>
public sealed class RateLeases(RateBucketStore store, TimeProvider time)
{
    /// <summary>How long a lease may be used.</summary>
    public static readonly TimeSpan LeaseFor = TimeSpan.FromSeconds(2);

    /// <summary>Keys kept before ended leases are swept away.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Holding> holdings = new(StringComparer.Ordinal);
    private long renewals;

    public RateLeases(RateBucketStore store)
        : this(store, TimeProvider.System)
    {
    }

    /// <summary>How many times this process has asked the database for a lease.</summary>
    public long Renewals => Interlocked.Read(ref renewals);

    /// <summary>Takes <paramref name="cost"/> permits of <paramref name="key"/>'s bucket, from this process's lease when it has them.</summary>
    public async Task<RateDecision> TryTakeAsync(string key, int cost, int perMinute, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        int most = perMinute / 16;
        if (most < 1)
        {
            return await store.TryTakeAsync(key, cost, perMinute, ct);
        }

        Holding holding = Get(key);
        if (holding.TryUse(cost, time.GetTimestamp()))
        {
            return new RateDecision(true, TimeSpan.Zero);
        }

        await holding.Gate.WaitAsync(ct);
        try
        {
            // Another request may have renewed the lease while this one waited.
            long started = time.GetTimestamp();
            if (holding.TryUse(cost, started))
            {
                return new RateDecision(true, TimeSpan.Zero);
            }

            Holding.Handback back = holding.Surrender(started);
            RateLease lease;
            Interlocked.Increment(ref renewals);
            try
            {
                lease = await store.TryLeaseAsync(key, cost, Math.Min(most, holding.NextExtra(back)), perMinute, back.Unspent, back.Held, LeaseFor, ct);
            }
            catch
            {
                holding.Restore(back);
                throw;
            }

            if (!lease.Allowed)
            {
                // Nothing was returned in the database: the lease's permits are still this process's.
                holding.Restore(back);
                return new RateDecision(false, lease.RetryAfter);
            }

            holding.Renew(lease.Granted - cost, started + (long)(LeaseFor.TotalSeconds * time.TimestampFrequency));
            return new RateDecision(true, TimeSpan.Zero);
        }
        finally
        {
            holding.Gate.Release();
        }
    }

    private Holding Get(string key)
    {
        if (holdings.TryGetValue(key, out Holding? known))
        {
            return known;
        }

        if (holdings.Count >= SweepAbove)
        {
            // Only leases that have ended: their permits are no longer this process's to hand out anyway.
            long now = time.GetTimestamp();
            foreach (KeyValuePair<string, Holding> entry in holdings)
            {
                if (entry.Value.Ended(now))
                {
                    holdings.TryRemove(entry);
                }
            }
        }

        return holdings.GetOrAdd(key, static _ => new Holding());
    }

    /// <summary>One key's lease in this process.</summary>
    private sealed class Holding
    {
        private readonly Lock sync = new();
        private int left;
        private int held;
        private long until;
        private int extra = 1;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>What a renewal hands back: unspent permits of a running lease and what it counted when granted.</summary>
        public readonly record struct Handback(int Unspent, int Held, bool Running, bool LeftOver);

        public bool TryUse(int cost, long now)
        {
            lock (sync)
            {
                if (now < until && left >= cost)
                {
                    left -= cost;
                    return true;
                }

                return false;
            }
        }

        public bool Ended(long now)
        {
            lock (sync)
            {
                return now >= until;
            }
        }

        /// <summary>Takes the lease's unspent permits out, to go back with the next take (none if it has ended).</summary>
        public Handback Surrender(long now)
        {
            lock (sync)
            {
                bool running = now < until;
                var back = new Handback(running ? left : 0, running ? held : 0, running, LeftOver: !running && left > 0);
                left = 0;
                return back;
            }
        }

        /// <summary>The database did not take the handback: the permits are this process's again.</summary>
        public void Restore(Handback back)
        {
            lock (sync)
            {
                left += back.Unspent;
            }
        }

        /// <summary>How many permits beyond the cost to ask for: more while leases run out, fewer when they end unspent.</summary>
        public int NextExtra(Handback back)
        {
            lock (sync)
            {
                // Ran out while running: ask for more. Ended with permits unspent: ask for fewer.
                extra = back.Running ? Math.Min(extra * 2, 1 << 20) : back.LeftOver ? Math.Max(1, extra / 2) : extra;
                return extra;
            }
        }

        public void Renew(int permits, long end)
        {
            lock (sync)
            {
                left = permits;
                held = permits;
                until = permits > 0 ? end : until;
            }
        }
    }
}
