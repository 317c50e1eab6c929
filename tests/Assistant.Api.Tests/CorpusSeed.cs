using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Features.Corpus;
using Assistant.Features.Evaluations;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests;

/// <summary>The demo corpus and the four seed reports, ingested the way <c>scripts/run</c> ingests them.</summary>
public static class CorpusSeed
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<CorpusStore>();
        var files = Directory.EnumerateFiles(Path.Combine(Assistant.Testing.RepoPaths.Repo, "samples", "corpus"))
            .Concat(Directory.EnumerateFiles(Path.Combine(Assistant.Testing.RepoPaths.Shared, "seeds")))
            .Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            await store.IngestAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file));
        }

        await store.AnalyzeAsync();
    }
}
