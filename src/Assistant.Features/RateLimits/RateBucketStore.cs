using Npgsql;

namespace Assistant.Features.RateLimits;

/// <summary>The answer for one request: taken, or how long until enough tokens are back.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>A previous lease handed back: its unspent permits (none once it has ended), its hold, and the epoch it was granted in.</summary>
public readonly record struct RateHandback(int Unspent, int Held, long Epoch);

/// <summary>
/// The answer to a lease: refused (with how long to wait), or <see cref="Granted"/> permits taken from
/// the bucket — the request's own cost and what the process may hand out on its own for
/// <see cref="ValidFor"/> (counted from when the database took it). <see cref="Epoch"/> names the lease
/// when its unspent permits are handed back.
/// </summary>
public readonly record struct RateLease(bool Allowed, int Granted, long Epoch, TimeSpan ValidFor, TimeSpan RetryAfter);

/// <summary>
/// Token buckets in PostgreSQL, so a limit holds across every API process: one atomic, row-locked
/// statement refills the bucket by the time since its last update (capacity per minute, continuous)
/// and takes the cost only when enough tokens are there.
///
/// A take may also lease permits beyond its cost (<see cref="TryLeaseAsync"/>), which the process then
/// hands out without asking the database again (<see cref="RateLeases"/>). Leased permits leave the
/// bucket when leased and stay counted as held until handed back or ended; the refill never brings
/// tokens + held above the capacity. A lease granted in epoch <c>e</c> (fixed windows of
/// <c>epoch</c> length) ends with epoch <c>e + 1</c>, so the row keeps two counts (this epoch's holds
/// and the one before's) and a handback takes its hold out of the count it was added to, never another
/// lease's. So the permits anyone can use at any moment never exceed one bucket's worth, and no window
/// lets through more than a single bucket would: leases can make a process refuse early (another holds
/// permits), never over-grant.
/// </summary>
public sealed class RateBucketStore(NpgsqlDataSource dataSource)
{
    private const string Ensure = """
        INSERT INTO rate_buckets (key, tokens, updated_at, leased, leased_before, lease_epoch) VALUES (@key, @capacity, clock_timestamp(), 0, 0, 0)
        ON CONFLICT (key) DO NOTHING
        """;

    // s: the two hold counts moved on to the current epoch, the handed-back lease's hold taken out of its own.
    private const string Take = """
        WITH cur AS (
            SELECT key, tokens, updated_at, leased, leased_before, lease_epoch, clock_timestamp() AS t
            FROM rate_buckets WHERE key = @key FOR UPDATE),
        s AS (
            SELECT key, t, e,
                   tokens + EXTRACT(EPOCH FROM t - updated_at) * @perSecond + @returned AS raw,
                   GREATEST(0, CASE WHEN lease_epoch = e THEN leased ELSE 0 END
                               - CASE WHEN @returnedEpoch = e THEN @returnedHeld ELSE 0 END) AS held_now,
                   GREATEST(0, CASE WHEN lease_epoch = e THEN leased_before WHEN lease_epoch = e - 1 THEN leased ELSE 0 END
                               - CASE WHEN @returnedEpoch = e - 1 THEN @returnedHeld ELSE 0 END) AS held_before
            FROM (SELECT *, floor(EXTRACT(EPOCH FROM t) / @epoch)::bigint AS e FROM cur) c),
        a AS (SELECT *, LEAST(@capacity - held_now - held_before, raw) AS avail FROM s),
        g AS (SELECT *, LEAST(@cost + @extra, floor(avail)) AS granted FROM a WHERE avail >= @cost)
        UPDATE rate_buckets b SET
            tokens = round(g.avail - g.granted, 6),
            leased = g.held_now + g.granted - @cost,
            leased_before = g.held_before,
            lease_epoch = g.e,
            updated_at = g.t
        FROM g WHERE b.key = g.key
        RETURNING g.granted::int, g.e, (g.e + 2) * @epoch - EXTRACT(EPOCH FROM g.t)
        """;

    private const string Left = """
        SELECT round(LEAST(@capacity - CASE WHEN lease_epoch = e THEN leased + leased_before WHEN lease_epoch = e - 1 THEN leased ELSE 0 END,
                           tokens + EXTRACT(EPOCH FROM t - updated_at) * @perSecond), 6)
        FROM (SELECT *, floor(EXTRACT(EPOCH FROM t) / @epoch)::bigint AS e
              FROM (SELECT *, clock_timestamp() AS t FROM rate_buckets WHERE key = @key) r) x
        """;

    /// <summary>The length of a lease epoch when none is given: a lease lasts between one and two.</summary>
    public static readonly TimeSpan DefaultEpoch = TimeSpan.FromSeconds(1);

    /// <summary>Takes <paramref name="cost"/> tokens from the bucket <paramref name="key"/> of <paramref name="perMinute"/> tokens a minute.</summary>
    public async Task<RateDecision> TryTakeAsync(string key, int cost, int perMinute, CancellationToken ct = default)
    {
        RateLease lease = await TryLeaseAsync(key, cost, 0, perMinute, default, DefaultEpoch, ct);
        return new RateDecision(lease.Allowed, lease.RetryAfter);
    }

    /// <summary>
    /// Takes <paramref name="cost"/> tokens and, as far as the bucket has them, up to
    /// <paramref name="extra"/> more for the caller to hand out while the lease lasts (one to two
    /// <paramref name="epoch"/>s; every caller of a key must use the same epoch). <paramref name="back"/>
    /// hands back the caller's previous lease: its unspent permits (only while it still runs) and its hold.
    /// </summary>
    public async Task<RateLease> TryLeaseAsync(string key, int cost, int extra, int perMinute, RateHandback back, TimeSpan epoch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        decimal capacity = perMinute;
        // Rounded so the numeric arithmetic stays within decimal's 28 digits.
        decimal perSecond = decimal.Round(perMinute / 60m, 8);
        cost = Math.Clamp(cost, 0, perMinute);
        extra = Math.Clamp(extra, 0, perMinute - cost);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);

        // The take is atomic and row-locked; only its commit does not wait for the WAL to reach the disk
        // (synchronous_commit off for this transaction alone). A database crash can at worst forget the
        // last fraction of a second of takes — a few permits handed back — while a request no longer
        // waits for a disk flush before it is let through (session 24, docs/benchmarks.md). One round
        // trip: begin, setting, the row's creation if new, the take and commit go as one batch.
        int granted = -1;
        long leaseEpoch = 0;
        decimal validSeconds = 0;
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
            var ensure = new NpgsqlBatchCommand(Ensure);
            ensure.Parameters.AddWithValue("key", key);
            ensure.Parameters.AddWithValue("capacity", capacity);
            batch.BatchCommands.Add(ensure);
            var take = new NpgsqlBatchCommand(Take);
            take.Parameters.AddWithValue("key", key);
            take.Parameters.AddWithValue("capacity", capacity);
            take.Parameters.AddWithValue("cost", (decimal)cost);
            take.Parameters.AddWithValue("extra", (decimal)extra);
            take.Parameters.AddWithValue("perSecond", perSecond);
            take.Parameters.AddWithValue("returned", (decimal)Math.Max(0, back.Unspent));
            take.Parameters.AddWithValue("returnedHeld", (decimal)Math.Max(0, back.Held));
            take.Parameters.AddWithValue("returnedEpoch", back.Held > 0 ? back.Epoch : -1L);
            take.Parameters.AddWithValue("epoch", (decimal)epoch.TotalSeconds);
            batch.BatchCommands.Add(take);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(ct);
            do
            {
                if (await reader.ReadAsync(ct))
                {
                    granted = reader.GetInt32(0);
                    leaseEpoch = reader.GetInt64(1);
                    validSeconds = reader.GetDecimal(2);
                }
            }
            while (await reader.NextResultAsync(ct));
        }

        if (granted >= 0)
        {
            return new RateLease(true, granted, leaseEpoch, TimeSpan.FromTicks((long)(Math.Max(0m, validSeconds) * TimeSpan.TicksPerSecond)), TimeSpan.Zero);
        }

        await using var left = new NpgsqlCommand(Left, connection);
        left.Parameters.AddWithValue("key", key);
        left.Parameters.AddWithValue("capacity", capacity);
        left.Parameters.AddWithValue("perSecond", perSecond);
        left.Parameters.AddWithValue("epoch", (decimal)epoch.TotalSeconds);
        decimal tokens = await left.ExecuteScalarAsync(ct) is decimal t ? t : 0m;
        decimal wait = perSecond > 0 ? (cost - tokens) / perSecond : 60m;
        return new RateLease(false, 0, 0, TimeSpan.Zero, TimeSpan.FromSeconds((double)Math.Max(1m, Math.Ceiling(wait))));
    }
}
