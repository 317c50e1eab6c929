using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Corpus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Api.Tests;

/// <summary>The OpenAI-compatible embeddings adapter against a fake server on 127.0.0.1, through the real SDK.</summary>
public sealed class OpenAIEmbeddingTests : IAsyncLifetime
{
    private WebApplication server = null!;
    private readonly List<JsonNode> requests = [];
    private int dimensionsServed = 8;

    private Uri Endpoint => new(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/v1/");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.MapPost("/v1/embeddings", async (HttpRequest request) =>
        {
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
            lock (requests)
            {
                requests.Add(body);
            }

            if (request.Headers.Authorization.ToString() != "Bearer test-key")
            {
                return Results.Json(new { error = new { message = "bad key", type = "invalid_request_error" } }, statusCode: 401);
            }

            var inputs = body["input"]!.AsArray().Select(i => (string)i!).ToList();
            var data = inputs.Select((text, index) => new
            {
                @object = "embedding",
                index,
                embedding = Enumerable.Range(0, dimensionsServed).Select(d => (float)((text.Length + d) % 7) / 7f).ToArray(),
            });
            return Results.Json(new { @object = "list", data, model = (string)body["model"]!, usage = new { prompt_tokens = 3, total_tokens = 3 } });
        });
        await server.StartAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Generate_SendsModelDimensionsAndKey_ReturnsVectorsInOrder()
    {
        using var generator = new OpenAIEmbeddingGenerator(Endpoint, "fake-embed", "test-key", 8);
        var result = await generator.GenerateAsync(["见习", "资金下达较晚"]);
        Assert.Equal(2, result.Count);
        Assert.All(result, e => Assert.Equal(8, e.Vector.Length));
        Assert.Equal((float)((2 + 0) % 7) / 7f, result[0].Vector.Span[0]);
        Assert.Equal((float)((6 + 1) % 7) / 7f, result[1].Vector.Span[1]);
        var sent = requests.Single();
        Assert.Equal("fake-embed", (string)sent["model"]!);
        Assert.Equal(8, (int)sent["dimensions"]!);
        Assert.Equal("openai:fake-embed:8", generator.Identity());
    }

    [Fact]
    public async Task WrongSizeFromTheServer_IsAClearError()
    {
        dimensionsServed = 5;
        using var generator = new OpenAIEmbeddingGenerator(Endpoint, "fake-embed", "test-key", 8);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => generator.GenerateAsync(["见习"]));
        Assert.Contains("Embeddings:Dimensions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongKey_SurfacesTheServersRefusal()
    {
        using var generator = new OpenAIEmbeddingGenerator(Endpoint, "fake-embed", "wrong-key", 8);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => generator.GenerateAsync(["见习"]));
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai", null, "m", "Embeddings:Endpoint")]
    [InlineData("openai", "http://127.0.0.1:1/v1/", null, "Embeddings:Model")]
    [InlineData("magic", null, null, "Embeddings:Provider")]
    public void Settings_MissingOrWrong_FailFastNamingTheSetting(string provider, string? endpoint, string? model, string setting)
    {
        var settings = new EmbeddingSettings { Provider = provider, Endpoint = endpoint is null ? null : new Uri(endpoint), Model = model };
        var error = Assert.Throws<InvalidOperationException>(() => settings.CreateGenerator());
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
