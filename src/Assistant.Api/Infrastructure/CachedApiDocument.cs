using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// <c>/openapi/v1.json</c> generated once and then served from memory, with a strong <c>ETag</c> (a
/// matching <c>If-None-Match</c> gets 304). The document names the server it was asked through, so one
/// copy is kept per scheme, host and base path (at most <see cref="MaxCopies"/>; past that, generated per request).
/// </summary>
internal sealed class CachedApiDocument(RequestDelegate next)
{
    public const string Path = "/openapi/v1.json";
    private const int MaxCopies = 16;

    private readonly ConcurrentDictionary<string, Copy> copies = new(StringComparer.Ordinal);

    private sealed record Copy(byte[] Body, string ContentType, string ETag);

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            || !http.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }

        string origin = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        if (!copies.TryGetValue(origin, out Copy? copy))
        {
            copy = await GenerateAsync(http);
            if (copy is null)
            {
                return;
            }

            if (copies.Count < MaxCopies)
            {
                copies.TryAdd(origin, copy);
            }
        }

        http.Response.Headers.ETag = copy.ETag;
        http.Response.Headers.CacheControl = "no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(copy.ETag, StringComparison.Ordinal) || v.Trim() == "*")))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = copy.ContentType;
        http.Response.ContentLength = copy.Body.Length;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(copy.Body, http.RequestAborted);
        }
    }

    /// <summary>Runs the generator into memory; null (the answer already written) when it did not produce a 200.</summary>
    private async Task<Copy?> GenerateAsync(HttpContext http)
    {
        Stream original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        byte[] body = buffer.ToArray();
        if (http.Response.StatusCode != StatusCodes.Status200OK)
        {
            await original.WriteAsync(body, http.RequestAborted);
            return null;
        }

        string etag = "\"" + Convert.ToBase64String(SHA256.HashData(body), 0, 18) + "\"";
        return new Copy(body, http.Response.ContentType ?? "application/json;charset=utf-8", etag);
    }
}
