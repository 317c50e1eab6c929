using System.Net;
using System.Net.Http.Headers;

namespace Assistant.Api.Tests;

/// <summary><c>/openapi/v1.json</c> is generated once and served from memory with an ETag.</summary>
public sealed class OpenApiCacheTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Document_SameBytesAndETag_AndIfNoneMatchGets304()
    {
        using HttpClient client = factory.AnonymousClient();
        using HttpResponseMessage first = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using HttpResponseMessage second = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        byte[] a = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(a, await second.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"openapi\"", System.Text.Encoding.UTF8.GetString(a), StringComparison.Ordinal);
        Assert.StartsWith("application/json", first.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        EntityTagHeaderValue etag = Assert.IsType<EntityTagHeaderValue>(first.Headers.ETag);
        Assert.False(etag.IsWeak);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal(a.Length, first.Content.Headers.ContentLength);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        conditional.Headers.IfNoneMatch.Add(etag);
        using HttpResponseMessage notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        using HttpResponseMessage full = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(a, await full.Content.ReadAsByteArrayAsync());
    }
}
