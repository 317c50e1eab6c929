using System.Security.Cryptography;
using System.Text;

namespace Assistant.Features.Webhooks;

/// <summary>
/// The signature an OA system checks: <c>X-Assistant-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>.
/// The timestamp is signed so a captured request cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Assistant-Signature";
    public const string EventHeader = "X-Assistant-Event";
    public const string DeliveryHeader = "X-Assistant-Delivery";

    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>What a receiver does: recompute and compare in constant time, within a tolerance of the timestamp.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(header);
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out string? t) || !long.TryParse(t, out long ts) || !parts.ContainsKey("v1"))
        {
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - ts) > tolerance.TotalSeconds)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, ts, body)), Encoding.ASCII.GetBytes(header));
    }
}
