using System.Globalization;
using Assistant.Features.Corpus;
using Microsoft.Extensions.AI;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>Session 33's candidate levers for recall at 1M, timed beside the product's paths in <c>search-scale</c>'s interleaved run.</summary>
internal static class SearchScaleCandidates
{
    /// <summary>Seed walks for sparse queries (5 and 10 beside the product's), and exact-scan bounds sized to the filters at 1M (100,000 and 200,000).</summary>
    public static List<(string Name, Func<string, Task> Run)> Paths(
        NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> embedderService, (string Name, Func<string, SearchRequest> Make)[] cases, Func<CorpusSearch, Func<string, SearchRequest>, Func<string, Task>> inProcess)
    {
        var paths = new List<(string Name, Func<string, Task> Run)>();
        string viewer = SearchScale.Viewer;

        // Session 33's candidates beside the product: seed walks for sparse queries, and an exact-scan bound sized to the filters at 1M.
        foreach (int walks in new[] { 5, 10 }.Where(w => w != CorpusSearch.SeedWalks))
        {
            var seeded = new CorpusSearch(dataSource, embedderService, seedWalks: walks);
            foreach (var (label, make) in cases.Where(c => c.Name is "hybrid" or "vector" or "hybrid, fund=见习" or "hybrid, year=2023" or "hybrid, section=deviation-reason"))
            {
                paths.Add(($"CorpusSearch {label}, {walks} seed walks (product {CorpusSearch.SeedWalks}) (unit scope {viewer})", inProcess(seeded, make)));
            }
        }

        foreach (int bound in new[] { 100_000, 200_000 }.Where(b => b != DocumentScope.MaxPassages))
        {
            var bounded = new CorpusSearch(dataSource, embedderService, exactScanPassages: bound);
            foreach (var (label, make) in cases.Where(c => c.Name is "hybrid, region=川汇 (no suffix)" or "hybrid, year=2023"))
            {
                paths.Add(($"CorpusSearch {label}, exact-scan bound {bound} (product {DocumentScope.MaxPassages}) (unit scope {viewer})", inProcess(bounded, make)));
            }
        }

        return paths;
    }
}
