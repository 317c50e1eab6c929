using Npgsql;

namespace Assistant.Features.RateLimits;

/// <summary>The answer for one request: taken, or how long until enough tokens are back.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// Token buckets in PostgreSQL, so a limit holds across every API process: one atomic upsert refills
/// the bucket by the time since its last update (capacity per minute, continuous), and takes the cost
/// only when enough tokens are there. Row locks serialise concurrent requests of the same key.
/// </summary>
public sealed class RateBucketStore(NpgsqlDataSource dataSource)
{
    private const string Take = """
        INSERT INTO rate_buckets AS b (key, tokens, updated_at)
        VALUES (@key, @capacity - @cost, clock_timestamp())
        ON CONFLICT (key) DO UPDATE SET
            tokens = round(LEAST(@capacity, b.tokens + EXTRACT(EPOCH FROM clock_timestamp() - b.updated_at) * @perSecond) - @cost, 6),
            updated_at = clock_timestamp()
        WHERE LEAST(@capacity, b.tokens + EXTRACT(EPOCH FROM clock_timestamp() - b.updated_at) * @perSecond) >= @cost
        RETURNING tokens
        """;

    private const string Left = """
        SELECT round(LEAST(@capacity, tokens + EXTRACT(EPOCH FROM clock_timestamp() - updated_at) * @perSecond), 6) FROM rate_buckets WHERE key = @key
        """;

    /// <summary>Takes <paramref name="cost"/> tokens from the bucket <paramref name="key"/> of <paramref name="perMinute"/> tokens a minute.</summary>
    public async Task<RateDecision> TryTakeAsync(string key, int cost, int perMinute, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        decimal capacity = perMinute;
        // Rounded so the numeric arithmetic stays within decimal's 28 digits.
        decimal perSecond = decimal.Round(perMinute / 60m, 8);
        cost = Math.Clamp(cost, 0, perMinute);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);

        // The take is atomic and row-locked as ever; only its commit does not wait for the WAL to reach
        // the disk (synchronous_commit off for this transaction alone). A database crash can at worst
        // forget the last fraction of a second of takes — a few permits handed back — while a request
        // no longer waits for a disk flush before it is let through: on a busy disk that wait was most
        // of an authenticated request's time (session 24, docs/benchmarks.md). One round trip: the
        // transaction's begin, setting, take and commit go as one batch.
        bool taken;
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
            var take = new NpgsqlBatchCommand(Take);
            take.Parameters.AddWithValue("key", key);
            take.Parameters.AddWithValue("capacity", capacity);
            take.Parameters.AddWithValue("cost", (decimal)cost);
            take.Parameters.AddWithValue("perSecond", perSecond);
            batch.BatchCommands.Add(take);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(ct);
            taken = await reader.ReadAsync(ct);
        }

        if (taken)
        {
            return new RateDecision(true, TimeSpan.Zero);
        }

        await using var left = new NpgsqlCommand(Left, connection);
        left.Parameters.AddWithValue("key", key);
        left.Parameters.AddWithValue("capacity", capacity);
        left.Parameters.AddWithValue("perSecond", perSecond);
        decimal tokens = await left.ExecuteScalarAsync(ct) is decimal t ? t : 0m;
        decimal wait = perSecond > 0 ? (cost - tokens) / perSecond : 60m;
        return new RateDecision(false, TimeSpan.FromSeconds((double)Math.Max(1m, Math.Ceiling(wait))));
    }
}
