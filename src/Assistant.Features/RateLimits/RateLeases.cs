using System.Collections.Concurrent;

namespace Assistant.Features.RateLimits;

/// <summary>
/// This process's side of the shared rate limit: permits leased from <see cref="RateBucketStore"/> a few
/// at a time and handed out here, so a busy key does not cost a database round trip per request.
///
/// A lease lasts one to two seconds (<see cref="RateBucketStore.DefaultEpoch"/>; counted here from
/// before the database was asked, so it ends here before it ends in the database) and holds at most a
/// sixteenth of a minute's allowance beyond the request that asked for it; it starts small and doubles while it keeps running out before its
/// end, halves when permits were left over. Unspent permits go back with the next take. A limit under
/// 16 a minute is not leased at all: every request asks the database, as before. What the database
/// guarantees (<see cref="RateBucketStore"/>) holds whatever processes do: leasing never lets more
/// through than one bucket would; at worst a process refuses a request while another holds permits.
/// </summary>
public sealed class RateLeases(RateBucketStore store, TimeProvider time)
{
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

            Holding.Surrendered back = holding.Surrender(started);
            RateLease lease;
            Interlocked.Increment(ref renewals);
            try
            {
                lease = await store.TryLeaseAsync(key, cost, Math.Min(most, holding.NextExtra(back)), perMinute, back.Handback, RateBucketStore.DefaultEpoch, ct);
            }
            catch
            {
                holding.Restore(back);
                throw;
            }

            if (!lease.Allowed)
            {
                // Nothing was handed back in the database: the lease is still this process's.
                holding.Restore(back);
                return new RateDecision(false, lease.RetryAfter);
            }

            // Counted from before the database was asked, so it ends here before it ends there.
            holding.Renew(lease.Granted - cost, lease.Epoch, started + (long)(lease.ValidFor.TotalSeconds * time.TimestampFrequency));
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
        private long epoch;
        private long until;
        private int extra = 1;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>A lease taken out for renewal: what goes back to the database, whether it still ran, and whether it ended with permits unspent.</summary>
        public readonly record struct Surrendered(RateHandback Handback, bool Running, bool EndedUnspent);

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

        /// <summary>
        /// Takes the lease out to hand back with the next take: its unspent permits while it runs (none
        /// once it has ended: they are no longer this process's), and its hold either way.
        /// </summary>
        public Surrendered Surrender(long now)
        {
            lock (sync)
            {
                bool running = now < until;
                var back = new Surrendered(new RateHandback(running ? left : 0, held, epoch), running, !running && left > 0);
                left = 0;
                held = 0;
                return back;
            }
        }

        /// <summary>The database did not take the handback: the lease is this process's again.</summary>
        public void Restore(Surrendered back)
        {
            lock (sync)
            {
                left += back.Handback.Unspent;
                held = back.Handback.Held;
            }
        }

        /// <summary>How many permits beyond the cost to ask for: more while leases run out, fewer when they end unspent.</summary>
        public int NextExtra(Surrendered back)
        {
            lock (sync)
            {
                extra = back.Running ? Math.Min(extra * 2, 1 << 20) : back.EndedUnspent ? Math.Max(1, extra / 2) : extra;
                return extra;
            }
        }

        public void Renew(int permits, long grantedIn, long end)
        {
            lock (sync)
            {
                left = permits;
                held = permits;
                epoch = grantedIn;
                until = end;
            }
        }
    }
}
