using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Assistant.Features.Webhooks;

namespace Assistant.Api.Tests;

public sealed class WebhookApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Jobs:WebhookRetryDelays"] = "1,1,1" };
}

/// <summary>Webhooks to a real HTTP listener on 127.0.0.1 that fails the first attempts: signed, retried with backoff, every attempt recorded.</summary>
public sealed class WebhookTests(WebhookApiFactory factory) : IClassFixture<WebhookApiFactory>, IDisposable
{
    private const string Secret = "test-secret-0123456789abcdef";
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(string Event, string Signature, string Body, int Answer)> received = new();
    private int calls;

    [Fact]
    public async Task BatchDone_IsDeliveredSigned_AfterTwoFailures()
    {
        int port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        listener.Start();
        _ = Task.Run(ServeAsync);

        using HttpClient client = factory.CreateClient();
        using (HttpResponseMessage bad = await client.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = "ftp://x", secret = "short", events = new[] { "nope" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            string problem = await bad.Content.ReadAsStringAsync();
            Assert.Contains("url", problem, StringComparison.Ordinal);
            Assert.Contains("secret", problem, StringComparison.Ordinal);
            Assert.Contains("events", problem, StringComparison.Ordinal);
        }

        using HttpResponseMessage created = await client.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = $"http://127.0.0.1:{port}/hook/", secret = Secret, events = new[] { WebhookEvents.BatchDone } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Guid hook = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (HttpClient reader = factory.ClientFor(Assistant.Features.Records.ApiRoles.Reviewer, ApiFactory.Unit))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(new Uri("/api/v1/webhooks", UriKind.Relative))).StatusCode);
        }

        Guid job = (await BatchSupport.UploadAsync(client, BatchSupport.Zip(3))).GetProperty("id").GetGuid();
        await BatchSupport.WaitAsync(client, job, TimeSpan.FromSeconds(60));

        var until = DateTime.UtcNow.AddSeconds(60);
        while (!received.Any(r => r.Answer == 200) && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }

        var all = received.ToList();
        Assert.Equal([500, 500, 200], all.Select(r => r.Answer).ToArray());
        Assert.All(all, r => Assert.Equal(WebhookEvents.BatchDone, r.Event));
        (string _, string signature, string body, int _) = all[^1];
        Assert.True(WebhookSignature.Verify(Secret, signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("another-secret-0123456789", signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, signature, body + " ", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        JsonElement payload = JsonDocument.Parse(body).RootElement;
        Assert.Equal(job, payload.GetProperty("data").GetProperty("jobId").GetGuid());
        Assert.Equal(3, payload.GetProperty("data").GetProperty("done").GetInt32());
        Assert.Single(all.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetGuid()).Distinct());

        // Every attempt recorded, with its status.
        JsonElement deliveries = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/webhooks/{hook}/deliveries", UriKind.Relative));
        JsonElement d = deliveries[0];
        Assert.Equal("delivered", d.GetProperty("status").GetString());
        Assert.Equal([500, 500, 200], d.GetProperty("history").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()).ToArray());
        using HttpClient other = factory.ClientFor(Assistant.Features.Records.ApiRoles.Admin, "别的单位");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/v1/webhooks/{hook}/deliveries", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void Signature_IsOverTimestampAndBody()
    {
        string header = WebhookSignature.Sign("k", 1700000000, "{}");
        Assert.StartsWith("t=1700000000,v1=", header, StringComparison.Ordinal);
        // HMAC-SHA256("k", "1700000000.{}") computed independently.
        using var mac = new System.Security.Cryptography.HMACSHA256("k"u8.ToArray());
        string expected = Convert.ToHexStringLower(mac.ComputeHash("1700000000.{}"u8.ToArray()));
        Assert.Equal("t=1700000000,v1=" + expected, header);
        Assert.False(WebhookSignature.Verify("k", header, "{}", DateTimeOffset.FromUnixTimeSeconds(1700000000 + 600), TimeSpan.FromMinutes(5)));
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(ctx.Request.InputStream);
            string body = await reader.ReadToEndAsync();
            int answer = Interlocked.Increment(ref calls) <= 2 ? 500 : 200;
            received.Enqueue((ctx.Request.Headers[WebhookSignature.EventHeader] ?? string.Empty, ctx.Request.Headers[WebhookSignature.Header] ?? string.Empty, body, answer));
            ctx.Response.StatusCode = answer;
            ctx.Response.Close();
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        if (listener.IsListening)
        {
            listener.Stop();
        }

        listener.Close();
    }
}
