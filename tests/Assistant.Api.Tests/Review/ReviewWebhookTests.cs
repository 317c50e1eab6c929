using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Records;
using Assistant.Features.Webhooks;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Review steps as webhooks to real listeners on 127.0.0.1: the city bureau's subscription hears, signed,
/// of a submission and of a decision on a unit two levels beneath it; the other city's hears nothing.
/// </summary>
public sealed class ReviewWebhookTests(ReviewFactory factory) : IClassFixture<ReviewFactory>, IDisposable
{
    private const string Secret = "city-secret-0123456789abcdef";
    private readonly HttpListener cityListener = new();
    private readonly HttpListener otherListener = new();
    private readonly ConcurrentQueue<(string Event, string Signature, string Body)> city = new();
    private readonly ConcurrentQueue<string> other = new();

    [Fact]
    public async Task DecisionOnAUnitBeneath_IsDeliveredSignedToTheCityBureau()
    {
        ReviewWorld w = await factory.WorldAsync();
        int cityPort = FreePort();
        int otherPort = FreePort();
        cityListener.Prefixes.Add($"http://127.0.0.1:{cityPort}/oa/");
        otherListener.Prefixes.Add($"http://127.0.0.1:{otherPort}/oa/");
        cityListener.Start();
        otherListener.Start();
        _ = Task.Run(() => ServeAsync(cityListener, (e, s, b) => city.Enqueue((e, s, b))));
        _ = Task.Run(() => ServeAsync(otherListener, (_, _, b) => other.Enqueue(b)));

        HttpClient cityAdmin = factory.ClientFor(ApiRoles.Admin, "gx.c1");
        await ReviewWorld.SendAsync(cityAdmin, HttpMethod.Post, "/api/v1/webhooks",
            $$"""{"url":"http://127.0.0.1:{{cityPort}}/oa/","secret":"{{Secret}}","events":["review.decided","review.submitted"]}""", HttpStatusCode.Created);
        await ReviewWorld.SendAsync(factory.ClientFor(ApiRoles.Admin, "gx.c2"), HttpMethod.Post, "/api/v1/webhooks",
            $$"""{"url":"http://127.0.0.1:{{otherPort}}/oa/","secret":"other-secret-0123456789abcdef"}""", HttpStatusCode.Created);

        const string unit = "gx.c1.k2.u1";
        string submission = (string)(await ReviewWorld.SendAsync(w.Drafters[unit], HttpMethod.Post, "/api/v1/submissions",
            $$"""{"evaluationId":"{{w.Evaluations[unit]}}"}""", HttpStatusCode.Created))["id"]!;
        string decision = (string)(await ReviewWorld.SendAsync(w.Reviewers["gx.c1.k2"], HttpMethod.Post, $"/api/v1/submissions/{submission}/decisions",
            """{"decision":"退回","comment":"请补充偏差原因"}""", HttpStatusCode.Created))["id"]!;

        var until = DateTime.UtcNow.AddSeconds(60);
        while (city.Count < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }

        var heard = city.ToList();
        Assert.Equal([WebhookEvents.ReviewSubmitted, WebhookEvents.ReviewDecided], heard.Select(h => h.Event).Order(StringComparer.Ordinal).Reverse().ToArray());
        var (_, signature, body) = heard.Single(h => h.Event == WebhookEvents.ReviewDecided);
        Assert.True(WebhookSignature.Verify(Secret, signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("other-secret-0123456789abcdef", signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        JsonElement payload = JsonDocument.Parse(body).RootElement;
        Assert.Equal(WebhookEvents.ReviewDecided, payload.GetProperty("event").GetString());
        Assert.Equal("gx.c1", payload.GetProperty("unit").GetString());
        JsonElement data = payload.GetProperty("data");
        Assert.Equal(submission, data.GetProperty("submissionId").GetString());
        Assert.Equal(decision, data.GetProperty("decisionId").GetString());
        Assert.Equal(unit, data.GetProperty("unit").GetString());
        Assert.Equal("returned", data.GetProperty("decision").GetString());
        Assert.Equal(1, data.GetProperty("version").GetInt32());

        // The delivery log of the city's subscription records both; the other city heard nothing.
        JsonArray hooks = (await ReviewWorld.SendAsync(cityAdmin, HttpMethod.Get, "/api/v1/webhooks", null, HttpStatusCode.OK)).AsArray();
        JsonArray log = (await ReviewWorld.SendAsync(cityAdmin, HttpMethod.Get, $"/api/v1/webhooks/{hooks[0]!["id"]}/deliveries", null, HttpStatusCode.OK)).AsArray();
        Assert.Equal(2, log.Count(d => (string?)d!["status"] == "delivered"));
        await Task.Delay(1000);
        Assert.Empty(other);
    }

    private static async Task ServeAsync(HttpListener listener, Action<string, string, string> got)
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
            got(ctx.Request.Headers[WebhookSignature.EventHeader] ?? string.Empty, ctx.Request.Headers[WebhookSignature.Header] ?? string.Empty, body);
            ctx.Response.StatusCode = 200;
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
        foreach (HttpListener l in new[] { cityListener, otherListener })
        {
            if (l.IsListening)
            {
                l.Stop();
            }

            l.Close();
        }
    }
}
