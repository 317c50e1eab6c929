using System.Buffers;
using System.Net;
using System.Text;
using Assistant.Api.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests;

/// <summary>The server's 16 KB connection buffers (issue 21): the pool itself, and real Kestrel reading and answering through it.</summary>
public class LargeBlockMemoryPoolTests
{
    [Fact]
    public void Rent_GivesAWholeBlock_AndReusesAReturnedOne()
    {
        using var pool = new LargeBlockMemoryPool();
        IMemoryOwner<byte> first = pool.Rent(100);
        Assert.Equal(LargeBlockMemoryPool.BlockSize, first.Memory.Length);
        first.Memory.Span.Fill(0x5A);
        Memory<byte> firstMemory = first.Memory;
        first.Dispose();
        Assert.Equal(1, pool.Kept);

        using IMemoryOwner<byte> second = pool.Rent();
        Assert.Equal(0, pool.Kept);
        Assert.True(second.Memory.Span.Overlaps(firstMemory.Span));
        Assert.Equal(LargeBlockMemoryPool.BlockSize, second.Memory.Length);
    }

    [Fact]
    public void Rent_LargerThanABlock_Throws()
    {
        using var pool = new LargeBlockMemoryPool();
        Assert.Equal(LargeBlockMemoryPool.BlockSize, pool.MaxBufferSize);
        using IMemoryOwner<byte> exact = pool.Rent(LargeBlockMemoryPool.BlockSize);
        Assert.Equal(LargeBlockMemoryPool.BlockSize, exact.Memory.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockSize + 1));
    }

    [Fact]
    public void DisposedTwice_ReturnsOnce_AndTheLeaseIsNoLongerReadable()
    {
        using var pool = new LargeBlockMemoryPool();
        IMemoryOwner<byte> lease = pool.Rent();
        Memory<byte> memory = lease.Memory;
        lease.Dispose();
        lease.Dispose();
        Assert.Equal(1, pool.Kept);
        Assert.Throws<ObjectDisposedException>(() => lease.Memory);

        // Two rents after a double dispose are two different blocks.
        using IMemoryOwner<byte> a = pool.Rent();
        using IMemoryOwner<byte> b = pool.Rent();
        Assert.True(a.Memory.Span.Overlaps(memory.Span));
        Assert.False(b.Memory.Span.Overlaps(a.Memory.Span));
    }

    [Fact]
    public void ReturnsPastTheCap_AreNotKept()
    {
        using var pool = new LargeBlockMemoryPool();
        var leases = new List<IMemoryOwner<byte>>();
        for (int i = 0; i < LargeBlockMemoryPool.MaxKept + 25; i++)
        {
            leases.Add(pool.Rent());
        }

        leases.ForEach(l => l.Dispose());
        Assert.Equal(LargeBlockMemoryPool.MaxKept, pool.Kept);
    }

    [Fact]
    public void DisposedPool_RefusesRents_AndKeepsNothingReturned()
    {
        var pool = new LargeBlockMemoryPool();
        IMemoryOwner<byte> outstanding = pool.Rent();
        pool.Rent().Dispose();
        Assert.Equal(1, pool.Kept);
        pool.Dispose();
        Assert.Equal(0, pool.Kept);
        outstanding.Dispose();
        Assert.Equal(0, pool.Kept);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    /// <summary>
    /// Real Kestrel reads through the pool: bodies smaller than a block, spanning several blocks, chunked,
    /// malformed across a block's edge and over the limit all get the answers they got with 4 KB blocks.
    /// </summary>
    [Fact]
    public async Task Kestrel_ReadsAndAnswersThroughThePool()
    {
        await using var database = new Assistant.Testing.TestDatabase("kestrelpool");
        await using WebApplication app = ApiHost.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Assistant=" + database.ConnectionString]);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var key = await app.Services.GetRequiredService<Assistant.Features.Records.ApiKeyStore>().CreateAsync("reviewer", "单位甲", null);
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);

        // Every reference table (each under one block), then one of 300 indicators (several blocks), sent with a length and chunked.
        var bodies = Shared.Tables.Select(t => File.ReadAllText(Shared.Reference(t))).ToList();
        var table = System.Text.Json.Nodes.JsonNode.Parse(bodies[0])!;
        var indicators = table["indicators"]!.AsArray();
        var copies = new System.Text.Json.Nodes.JsonArray();
        for (int i = 0; copies.Count < 300; i++)
        {
            var copy = indicators[i % indicators.Count]!.DeepClone();
            copy["name"] = $"{copy["name"]!.GetValue<string>()}（第{i + 1}项）";
            copies.Add(copy);
        }

        table["indicators"] = copies;
        bodies.Add(table.ToJsonString());
        Assert.True(Encoding.UTF8.GetByteCount(bodies[^1]) > 4 * LargeBlockMemoryPool.BlockSize);
        foreach (string json in bodies)
        {
            string expected = System.Text.Json.JsonSerializer.Serialize(
                Assistant.Features.Evaluations.EvaluationService.Score(Assistant.Features.Evaluations.EvaluationJson.Parse(json)), Assistant.Features.Evaluations.ScoreContract.JsonOptions);
            foreach (bool chunked in new[] { false, true })
            {
                using HttpResponseMessage response = await PostAsync(client, Encoding.UTF8.GetBytes(json), chunked);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(expected, await response.Content.ReadAsStringAsync());
            }
        }

        // Malformed where a block ends: a 400 naming the field, not a 500.
        string broken = bodies[^1][..(LargeBlockMemoryPool.BlockSize + 7)];
        using (HttpResponseMessage response = await PostAsync(client, Encoding.UTF8.GetBytes(broken), chunked: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("\"errors\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Over the 4 MiB limit, declared and chunked: still the bilingual 400 on "body".
        byte[] big = Encoding.UTF8.GetBytes("{\"title\":\"" + new string('a', 5 * 1024 * 1024) + "\"}");
        foreach (bool chunked in new[] { false, true })
        {
            using HttpResponseMessage response = await PostAsync(client, big, chunked);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            string message = (string)problem["errors"]!["body"]![0]!;
            Assert.Contains("过大", message, StringComparison.Ordinal);
            Assert.Contains("too large", message, StringComparison.Ordinal);
        }

        // The server's connections used this pool: blocks came back to it.
        var factory = Assert.IsType<LargeBlockMemoryPoolFactory>(app.Services.GetRequiredService<IMemoryPoolFactory<byte>>());
        Assert.NotEmpty(factory.Created);
        Assert.True(factory.Created.Sum(p => p.Kept) > 0);
        await app.StopAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] body, bool chunked)
    {
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/evaluations/score") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        return await client.SendAsync(request);
    }
}
