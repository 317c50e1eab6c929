using Assistant.Features.Evaluations;
using Assistant.Features.Records;

namespace Assistant.Api.Infrastructure;

/// <summary>The <c>Idempotency-Key</c> header of POSTs that store something: a retry returns what the first request stored.</summary>
internal static class IdempotencyHeader
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The key, or null without one; a malformed key is a 400 naming the header.</summary>
    public static string? Key(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }

        string key = values.ToString().Trim();
        if (key.Length is 0 or > RecordStore.MaxIdempotencyKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            throw new InputException(Header, $"Idempotency-Key 应为1到{RecordStore.MaxIdempotencyKeyLength}个可见ASCII字符。",
                $"Idempotency-Key must be 1 to {RecordStore.MaxIdempotencyKeyLength} visible ASCII characters.");
        }

        return key;
    }

    public static void MarkReplayed(HttpContext http, Features.Records.Idempotency outcome)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (outcome == Features.Records.Idempotency.Replayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }
    }
}
