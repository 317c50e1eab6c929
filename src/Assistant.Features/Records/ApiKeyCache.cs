using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Assistant.Features.Records;

/// <summary>How long a valid key is trusted from memory (<c>ApiKeys:CacheSeconds</c>, 0–30; 0 turns the cache off).</summary>
public sealed class ApiKeyCacheSettings
{
    public const string Section = "ApiKeys";

    public int CacheSeconds { get; set; } = 5;
}

/// <summary>
/// Keeps the caller of a key that was just found valid, so a client sending requests back to back costs
/// one database lookup per <see cref="ApiKeyCacheSettings.CacheSeconds"/>, not one per request. Only
/// valid keys are kept (unknown keys are <c>FailedKeyCache</c>'s), by the SHA-256 of the key, never the
/// key itself; whatever <see cref="ApiCaller"/> the store returned is returned unchanged. A revocation in
/// this process (<see cref="ApiKeyStore.RevokeAsync"/>) empties the cache at once; a revocation by
/// another process (the CLI, another host) takes effect when the entry expires, so within the
/// configured seconds. Bounded in size.
/// </summary>
public sealed class ApiKeyCache(IOptions<ApiKeyCacheSettings> settings, TimeProvider clock)
{
    public const int MaxSeconds = 30;
    private const int MaxEntries = 10_000;

    private readonly TimeSpan ttl = TimeSpan.FromSeconds(settings.Value.CacheSeconds);
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long generation;

    /// <summary>The caller for <paramref name="presented"/>: from memory while fresh, else from <paramref name="lookup"/> (kept when valid).</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string presented, Func<string, CancellationToken, Task<ApiCaller?>> lookup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentNullException.ThrowIfNull(lookup);
        if (ttl <= TimeSpan.Zero)
        {
            return await lookup(presented, cancellationToken);
        }

        string id = Fingerprint(presented);
        DateTimeOffset now = clock.GetUtcNow();
        if (entries.TryGetValue(id, out Entry? hit))
        {
            if (hit.Until > now && hit.Generation == Volatile.Read(ref generation))
            {
                return hit.Caller;
            }

            entries.TryRemove(new KeyValuePair<string, Entry>(id, hit));
        }

        // A revocation while the lookup runs must not leave its answer cached.
        long before = Volatile.Read(ref generation);
        ApiCaller? caller = await lookup(presented, cancellationToken);
        if (caller is not null)
        {
            if (entries.Count >= MaxEntries)
            {
                Trim(now);
            }

            entries[id] = new Entry(caller, now + ttl, before);
        }

        return caller;
    }

    /// <summary>Forgets every key (a key was revoked here).</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    public int Count => entries.Count;

    private void Trim(DateTimeOffset now)
    {
        foreach (var (k, e) in entries)
        {
            if (e.Until <= now)
            {
                entries.TryRemove(k, out _);
            }
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }
    }

    private static string Fingerprint(string presented) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    private sealed record Entry(ApiCaller Caller, DateTimeOffset Until, long Generation);
}
