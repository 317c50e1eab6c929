using Assistant.Features.Corpus;
using Assistant.Features.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Assistant.Api.Tests;

/// <summary>A started host with storage and the corpus only (no web API), on a test database.</summary>
internal static class CorpusHost
{
    public static async Task<IHost> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, bool loadExactScan = true)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Assistant"] = connectionString });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddStorage().AddCorpus(loadExactScan);
        IHost host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
