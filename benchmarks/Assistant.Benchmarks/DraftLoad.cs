using Assistant.Features.Conversations;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.Extensions.Hosting;
using System.Diagnostics;
using System.Globalization;
using Assistant.Domain.Evaluations;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Benchmarks;

/// <summary>
/// A bounded run of the whole offline drafting pipeline (facts, items, two searches per item on the
/// local PostgreSQL, composition, rendering, verification) over the five reference tables, in a fresh
/// database holding the seeds and the demo corpus. Prints p50/p95/p99 per draft and drafts per second.
/// <c>dotnet run -c Release --project benchmarks/Assistant.Benchmarks -- draft [--drafts 200]</c>
/// </summary>
internal static class DraftLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        int n = args.SkipWhile(a => a != "--drafts").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(200);
        await using var database = new TestDatabase("benchdraft");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Assistant"] = database.ConnectionString })
            .Build();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.AddStorage().AddEvaluations().AddCorpus().AddRecords();
        builder.Services.AddAssistantDrafting(builder.Configuration);
        builder.AddConversations();
        using IHost host = builder.Build();
        await host.StartAsync();
        IServiceProvider services = host.Services;
        var store = services.GetRequiredService<CorpusStore>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "seeds")).Concat(Directory.GetFiles(Path.Combine(RepoPaths.Repo, "samples", "corpus"))))
        {
            await store.IngestAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file));
        }

        await store.AnalyzeAsync();
        var tables = Directory.GetFiles(Path.Combine(RepoPaths.Shared, "reference"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Evaluation: EvaluationJson.Parse(File.ReadAllText(f)))).ToList();
        var drafting = services.GetRequiredService<DraftingService>();
        var request = new DraftRequest(Provider: "offline");
        foreach (var (_, e) in tables)
        {
            await drafting.DraftAsync(e, request);
        }

        var times = new List<double>(n);
        var all = Stopwatch.StartNew();
        for (int i = 0; i < n; i++)
        {
            Evaluation e = tables[i % tables.Count].Evaluation;
            var sw = Stopwatch.StartNew();
            DraftResult d = await drafting.DraftAsync(e, request);
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (d.Status != DraftResult.Verified)
            {
                throw new InvalidOperationException($"draft {i} is {d.Status}");
            }
        }

        all.Stop();
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Offline drafting, section 三, {n} drafts over {tables.Count} reference tables (2–10 items each): p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, {n / all.Elapsed.TotalSeconds:0.0} drafts/s (one at a time)"));
        return 0;
    }
}
