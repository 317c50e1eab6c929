using Assistant.Features.Corpus;
using Microsoft.Extensions.AI;

namespace Assistant.Api.Tests;

/// <summary>The OpenAI-compatible embeddings endpoint (<c>Embeddings:Provider=openai</c>) against <see cref="FakeOpenAIServer"/>.</summary>
public sealed class OpenAIEmbeddingTests : IAsyncLifetime
{
    private FakeOpenAIServer server = null!;

    public async Task InitializeAsync() => server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private IEmbeddingGenerator<string, Embedding<float>> Generator(string key = "test-key") =>
        new EmbeddingSettings { Provider = "openai", Endpoint = server.OpenAIEndpoint, Model = "fake-embed", ApiKey = key, Dimensions = 8 }.CreateGenerator();

    [Fact]
    public async Task Generate_SendsModelDimensionsAndKey_ReturnsVectorsInOrder()
    {
        using var generator = Generator();
        var result = await generator.GenerateAsync(["见习", "资金下达较晚"]);
        Assert.Equal(2, result.Count);
        Assert.All(result, e => Assert.Equal(8, e.Vector.Length));
        Assert.Equal((float)((2 + 0) % 7) / 7f, result[0].Vector.Span[0]);
        Assert.Equal((float)((6 + 1) % 7) / 7f, result[1].Vector.Span[1]);
        FakeRequest sent = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", sent.Path);
        Assert.Equal("Bearer test-key", sent.Authorization);
        Assert.Equal("fake-embed", (string)sent.Body["model"]!);
        Assert.Equal(8, (int)sent.Body["dimensions"]!);
        Assert.Equal("openai:fake-embed:8", generator.Identity());
    }

    [Fact]
    public async Task WrongSizeFromTheServer_IsAClearError()
    {
        server.Dimensions = 5;
        using var generator = Generator();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => generator.GenerateAsync(["见习"]));
        Assert.Contains("Embeddings:Dimensions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongKey_SurfacesTheServersRefusal()
    {
        using var generator = Generator("wrong-key");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => generator.GenerateAsync(["见习"]));
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
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
