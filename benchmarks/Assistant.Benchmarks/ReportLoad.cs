using Assistant.Features.Conversations;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.Extensions.Hosting;
using System.Diagnostics;
using System.Globalization;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Scoring;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Reporting;
using Assistant.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Benchmarks;

/// <summary>
/// The whole report, offline, for a synthetic table of many indicators (default 100), with the corpus
/// (seeds and demo reports in a fresh database), then its .docx export with the scored table attached.
/// Prints p50/p95 of each. <c>dotnet run -c Release --project benchmarks/Assistant.Benchmarks -- report [--runs 10] [--indicators 100]</c>
/// </summary>
internal static class ReportLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        int runs = Arg(args, "--runs", 10);
        int indicators = Arg(args, "--indicators", 100);
        await using var database = new TestDatabase("benchreport");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Assistant"] = database.ConnectionString })
            .Build();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.AddStorage().AddEvaluations().AddCorpus().AddRecords();
        builder.Services.AddAssistantDrafting(builder.Configuration);
        builder.AddConversations();
        builder.Services.AddAssistantReporting();
        using IHost host = builder.Build();
        await host.StartAsync();
        IServiceProvider services = host.Services;
        var store = services.GetRequiredService<CorpusStore>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "seeds")).Concat(Directory.GetFiles(Path.Combine(RepoPaths.Repo, "samples", "corpus"))))
        {
            await store.IngestAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file));
        }

        await store.AnalyzeAsync();
        Evaluation e = SyntheticTables.Project(indicators);
        ScoreReport score = Calculator.Score(e);
        var service = services.GetRequiredService<ReportService>();
        var request = new ReportRequest(Provider: "offline");
        ReportDraft warm = await service.DraftAsync(e, request);
        ReportDocx.Write(Stream.Null, e, score, warm);

        var draftTimes = new List<double>(runs);
        var docxTimes = new List<double>(runs);
        long bytes = 0;
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            ReportDraft report = await service.DraftAsync(e, request);
            draftTimes.Add(sw.Elapsed.TotalMilliseconds);
            using var ms = new MemoryStream();
            sw.Restart();
            ReportDocx.Write(ms, e, score, report);
            docxTimes.Add(sw.Elapsed.TotalMilliseconds);
            bytes = ms.Length;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Whole report, offline, {indicators} indicators ({warm.Text.Length} characters, {warm.Parts.Sum(p => p.Notes.Count)} notes), {runs} runs: draft p50 {P(draftTimes, 0.5):0.0} ms, p95 {P(draftTimes, 0.95):0.0} ms; .docx export p50 {P(docxTimes, 0.5):0.0} ms, p95 {P(docxTimes, 0.95):0.0} ms ({bytes / 1024} KB)"));
        return 0;
    }

    private static double P(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static int Arg(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);
}
