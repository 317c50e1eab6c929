using Npgsql;

namespace Assistant.Features.RateLimits;

/// <summary>The answer for one request: taken, or how long until enough tokens are back.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// The answer to a lease: refused (with how long to wait), or <see cref="Granted"/> permits taken from
/// the bucket — the request's own cost and what the process may hand out on its own until the lease ends.
/// </summary>
public readonly record struct RateLease(bool Allowed, int Granted, TimeSpan RetryAfter);

/// <summary>
/// Token buckets in PostgreSQL, so a limit holds across every API process: one atomic, row-locked
/// statement refills the bucket by the time since its last update (capacity per minute, continuous)
/// and takes the cost only when enough tokens are there.
///
/// A take may also lease permits beyond its cost (<see cref="TryLeaseAsync"/>), which the process then
/// hands out without asking the database again (<see cref="RateLeases"/>). Leased permits are taken out
/// of the bucket when leased, and counted in the row's <c>leased</c> until they are returned or their
/// lease ends; the refill never brings tokens + leased above the capacity. So the permits anyone can
/// use at any moment never exceed one bucket's worth, and no window lets through more than a single
/// bucket would: a lease can make a process refuse early (its neighbour holds permits), never over-grant.
/// </summary>
public sealed class RateBucketStore(NpgsqlDataSource dataSource)
{
    private const string Ensure = """
        INSERT INTO rate_buckets (key, tokens, updated_at, leased) VALUES (@key, @capacity, clock_timestamp(), 0)
        ON CONFLICT (key) DO NOTHING
        """;

    // held: permits other leases still hold (a returned lease leaves it; all of it ends at lease_until).
    private const string Take = """
        WITH cur AS (
            SELECT key,
                   CASE WHEN lease_until IS NULL OR lease_until <= clock_timestamp() THEN 0
                        ELSE GREATEST(0, leased - @returnedHeld) END AS held,
                   tokens + EXTRACT(EPOCH FROM clock_timestamp() - updated_at) * @perSecond + @returned AS raw
            FROM rate_buckets WHERE key = @key FOR UPDATE),
        a AS (SELECT key, held, LEAST(@capacity - held, raw) AS avail FROM cur),
        g AS (SELECT key, held, avail, LEAST(@cost + @extra, floor(avail)) AS granted FROM a WHERE avail >= @cost)
        UPDATE rate_buckets b SET
            tokens = round(g.avail - g.granted, 6),
            leased = g.held + g.granted - @cost,
            lease_until = CASE WHEN g.granted > @cost THEN clock_timestamp() + @leaseFor ELSE b.lease_until END,
            updated_at = clock_timestamp()
        FROM g WHERE b.key = g.key
        RETURNING g.granted::int
        """;

    private const string Left = """
        SELECT round(LEAST(@capacity - CASE WHEN lease_until IS NULL OR lease_until <= clock_timestamp() THEN 0 ELSE leased END,
                           tokens + EXTRACT(EPOCH FROM clock_timestamp() - updated_at) * @perSecond), 6)
        FROM rate_buckets WHERE key = @key
        """;

    /// <summary>Takes <paramref name="cost"/> tokens from the bucket <paramref name="key"/> of <paramref name="perMinute"/> tokens a minute.</summary>
    public async Task<RateDecision> TryTakeAsync(string key, int cost, int perMinute, CancellationToken ct = default)
    {
        RateLease lease = await TryLeaseAsync(key, cost, 0, perMinute, 0, 0, TimeSpan.Zero, ct);
        return new RateDecision(lease.Allowed, lease.RetryAfter);
    }

    /// <summary>
    /// Takes <paramref name="cost"/> tokens and, as far as the bucket has them, up to
    /// <paramref name="extra"/> more for the caller to hand out until <paramref name="leaseFor"/> has
    /// passed. <paramref name="returned"/> unspent permits of the caller's previous lease (still running)
    /// go back first; <paramref name="returnedHeld"/> is what that lease counted in the row when granted.
    /// </summary>
    public async Task<RateLease> TryLeaseAsync(string key, int cost, int extra, int perMinute, int returned, int returnedHeld, TimeSpan leaseFor, CancellationToken ct = default)
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
            take.Parameters.AddWithValue("returned", (decimal)Math.Max(0, returned));
            take.Parameters.AddWithValue("returnedHeld", (decimal)Math.Max(0, returnedHeld));
            take.Parameters.AddWithValue("leaseFor", leaseFor);
            batch.BatchCommands.Add(take);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(ct);
            do
            {
                if (await reader.ReadAsync(ct))
                {
                    granted = reader.GetInt32(0);
                }
            }
            while (await reader.NextResultAsync(ct));
        }

        if (granted >= 0)
        {
            return new RateLease(true, granted, TimeSpan.Zero);
        }

        await using var left = new NpgsqlCommand(Left, connection);
        left.Parameters.AddWithValue("key", key);
        left.Parameters.AddWithValue("capacity", capacity);
        left.Parameters.AddWithValue("perSecond", perSecond);
        decimal tokens = await left.ExecuteScalarAsync(ct) is decimal t ? t : 0m;
        decimal wait = perSecond > 0 ? (cost - tokens) / perSecond : 60m;
        return new RateLease(false, 0, TimeSpan.FromSeconds((double)Math.Max(1m, Math.Ceiling(wait))));
    }
}
