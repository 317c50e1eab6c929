using System.Globalization;
using Assistant.Features.Corpus;
using Microsoft.Extensions.AI;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>Candidate levers for recall at 1M, timed beside the product's paths in <c>search-scale</c>'s interleaved run.</summary>
internal static class SearchScaleCandidates
{
    /// <summary>The sparse query lists timed beside the product's (session 34).</summary>
    public static readonly int[] SparseEfSearches = [200, 400, 1000];

    /// <summary>Shorter sparse-query lists beside the product's, and exact-scan bounds sized to the filters at 1M (100,000 and 200,000).</summary>
    public static List<(string Name, Func<string, Task> Run)> Paths(
        NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> embedderService, (string Name, Func<string, SearchRequest> Make)[] cases, Func<CorpusSearch, Func<string, SearchRequest>, Func<string, Task>> inProcess)
    {
        var paths = new List<(string Name, Func<string, Task> Run)>();
        string viewer = SearchScale.Viewer;

        // Session 34: a sparse query's list on the graph being measured, beside the product's (its raw floor at the same list is timed by SearchScale).
        foreach (int ef in SparseEfSearches.Where(e => e != CorpusSearch.SparseQueryEfSearch))
        {
            var shorter = new CorpusSearch(dataSource, embedderService, sparseEfSearch: ef);
            foreach (var (label, make) in cases.Where(c => c.Name is "hybrid" or "hybrid, fund=见习" or "hybrid, year=2023"))
            {
                paths.Add((string.Create(CultureInfo.InvariantCulture, $"CorpusSearch {label}, sparse ef_search {ef} (product {CorpusSearch.SparseQueryEfSearch}) (unit scope {viewer})"), inProcess(shorter, make)));
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
