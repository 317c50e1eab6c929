using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// Keeps unknown keys from costing a database query each: a key that failed is refused from memory
/// for <see cref="Ttl"/>, and a client address that presented more than <see cref="FailuresPerMinute"/>
/// failing keys in the last minute is refused without looking further. Bounded in size.
/// </summary>
internal sealed class FailedKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    public const int FailuresPerMinute = 20;
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> failedKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Window> byAddress = new(StringComparer.Ordinal);

    /// <summary>True when the key (or the address) should be refused without a lookup.</summary>
    public bool ShouldRefuse(string presented, IPAddress? address)
    {
        DateTimeOffset now = clock.GetUtcNow();
        if (failedKeys.TryGetValue(Fingerprint(presented), out DateTimeOffset until) && until > now)
        {
            return true;
        }

        return byAddress.TryGetValue(Address(address), out Window? w) && w.Count(now) >= FailuresPerMinute;
    }

    public void Failed(string presented, IPAddress? address)
    {
        DateTimeOffset now = clock.GetUtcNow();
        if (failedKeys.Count >= MaxEntries)
        {
            foreach (var (k, until) in failedKeys)
            {
                if (until <= now)
                {
                    failedKeys.TryRemove(k, out _);
                }
            }

            if (failedKeys.Count >= MaxEntries)
            {
                failedKeys.Clear();
            }
        }

        failedKeys[Fingerprint(presented)] = now + Ttl;
        if (byAddress.Count >= MaxEntries)
        {
            byAddress.Clear();
        }

        byAddress.GetOrAdd(Address(address), _ => new Window()).Add(now);
    }

    private static string Fingerprint(string presented) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    private static string Address(IPAddress? address) => address?.ToString() ?? "-";

    /// <summary>Failure times in the last minute.</summary>
    private sealed class Window
    {
        private readonly Queue<DateTimeOffset> times = new();

        public int Count(DateTimeOffset now)
        {
            lock (times)
            {
                Trim(now);
                return times.Count;
            }
        }

        public void Add(DateTimeOffset now)
        {
            lock (times)
            {
                Trim(now);
                if (times.Count < 1000)
                {
                    times.Enqueue(now);
                }
            }
        }

        private void Trim(DateTimeOffset now)
        {
            while (times.Count > 0 && now - times.Peek() > TimeSpan.FromMinutes(1))
            {
                times.Dequeue();
            }
        }
    }
}
