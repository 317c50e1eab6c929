using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.Extensions.Hosting;
using System.Globalization;
using System.Text.Json.Nodes;
using Assistant.Features.Corpus;
using Assistant.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Eval;

/// <summary>
/// Retrieval quality: the four seeds and the sample corpus are ingested into a fresh database, and
/// every labelled query in eval/cases/retrieval is run lexical-only, vector-only and hybrid.
/// recall@3: share of queries with a relevant passage in the top 3; MRR: mean of 1/rank of the
/// first relevant passage within the top 10. A relevant passage may also name the fund (project) it must
/// be filed under ("fund") and a heading its section path must hold ("under").
/// </summary>
internal static class RetrievalEval
{
    public sealed record ModeResult(string Mode, decimal RecallAt3, decimal Mrr, List<string> Misses);

    public static async Task<List<ModeResult>> RunAsync(string repo, string shared)
    {
        await using var database = new TestDatabase("eval");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Assistant"] = database.ConnectionString })
            .Build();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.AddStorage().AddEvaluations().AddCorpus().AddRecords();
        using IHost host = builder.Build();
        await host.StartAsync();
        IServiceProvider services = host.Services;
        var store = services.GetRequiredService<CorpusStore>();
        var documents = new Dictionary<Guid, string>();
        var files = Directory.GetFiles(Path.Combine(shared, "seeds")).Concat(Directory.GetFiles(Path.Combine(repo, "samples", "corpus"))).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var result = await store.IngestAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), source: "eval");
            if (result.DocumentId is not { } id)
            {
                throw new InvalidOperationException($"eval corpus: {file} failed: {result.Error}");
            }

            documents[id] = Path.GetFileName(file);
        }

        await store.AnalyzeAsync();
        var cases = new List<(string Set, string Id, string Query, List<(string Document, string Contains, string? Fund, string? Under)> Relevant)>();
        foreach (var path in Directory.GetFiles(Path.Combine(repo, "eval", "cases", "retrieval"), "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var q in JsonNode.Parse(File.ReadAllText(path))!["queries"]!.AsArray())
            {
                string set = Path.GetFileNameWithoutExtension(path) == "queries" ? string.Empty : Path.GetFileNameWithoutExtension(path) + ".";
                cases.Add((set, (string)q!["id"]!, (string)q["query"]!,
                    q["relevant"]!.AsArray().Select(r => ((string)r!["document"]!, (string)r["contains"]!, (string?)r["fund"], (string?)r["under"])).ToList()));
            }
        }

        var search = services.GetRequiredService<CorpusSearch>();
        var results = new List<ModeResult>();
        foreach (var (mode, set) in new[] { SearchMode.Lexical, SearchMode.Vector, SearchMode.Hybrid }.SelectMany(m => cases.Select(c => c.Set).Distinct().Select(s => (m, s))))
        {
            var inSet = cases.Where(c => c.Set == set).ToList();
            int hitsAt3 = 0;
            decimal reciprocal = 0;
            var misses = new List<string>();
            foreach (var (_, id, query, relevant) in inSet)
            {
                var response = await search.SearchAsync(new SearchRequest(query, 10, Mode: mode));
                int rank = response.Hits
                    .Select((h, i) => (h, i))
                    .Where(x => relevant.Any(r => documents[x.h.DocumentId] == r.Document && x.h.Text.Contains(r.Contains, StringComparison.Ordinal)
                        && (r.Fund is null || (x.h.Fund?.Contains(r.Fund, StringComparison.Ordinal) ?? false))
                        && (r.Under is null || x.h.SectionPath.Contains(r.Under, StringComparison.Ordinal))))
                    .Select(x => x.i + 1)
                    .FirstOrDefault();
                if (Environment.GetEnvironmentVariable("EVAL_RANKS") == "1")
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rank {set}{mode} {id}: {rank}"));
                }

                if (rank is >= 1 and <= 3)
                {
                    hitsAt3++;
                }
                else
                {
                    misses.Add(string.Create(CultureInfo.InvariantCulture, $"{id} ({(rank == 0 ? ">10" : rank.ToString(CultureInfo.InvariantCulture))}) {query}"));
                }

                reciprocal += rank == 0 ? 0 : 1m / rank;
            }

            results.Add(new ModeResult(
                set + mode.ToString().ToLowerInvariant(),
                decimal.Round((decimal)hitsAt3 / inSet.Count, 4),
                decimal.Round(reciprocal / inSet.Count, 4),
                misses));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Retrieval: {cases.Count} labelled queries over {documents.Count} reports"));
        Console.WriteLine("| mode | recall@3 | MRR@10 | missed at 3 |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Mode} | {r.RecallAt3:0.000} | {r.Mrr:0.000} | {r.Misses.Count} |"));
        }

        foreach (var miss in results.Where(r => r.Mode.EndsWith("hybrid", StringComparison.Ordinal)).SelectMany(r => r.Misses))
        {
            Console.WriteLine($"|   hybrid missed: {miss} | | | |");
        }

        return results;
    }
}
