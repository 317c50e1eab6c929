using Assistant.Features.Conversations;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.Extensions.Hosting;
using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Eval;

/// <summary>
/// Drafting quality on every reference table: section 三 drafted (offline, and through the configured
/// model when Drafting__Provider is set) over a corpus of the seeds and the demo reports. Checks: items
/// covered, item paragraphs that cite a source, numbers left unverified, reasons repeated between items
/// (where the drafter wrote the reason), masked spans, length.
/// </summary>
internal static partial class DraftingEval
{
    public sealed record Row(string Provider, string Table, string Status, int Items, int Covered, int ItemParagraphs, int Cited, int Unverified, int Masked, int RepeatedReasons, int Characters, int Repairs, string? Fallback);

    public static async Task<List<Row>> RunAsync(string repo, string shared)
    {
        await using var database = new TestDatabase("evaldraft");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Assistant"] = database.ConnectionString })
            .AddEnvironmentVariables()
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
        foreach (var file in Directory.GetFiles(Path.Combine(shared, "seeds")).Concat(Directory.GetFiles(Path.Combine(repo, "samples", "corpus"))).Order(StringComparer.Ordinal))
        {
            await store.IngestAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), source: "eval");
        }

        await store.AnalyzeAsync();
        var drafting = services.GetRequiredService<DraftingService>();
        var providers = new List<string> { "offline" };
        if (services.GetRequiredService<DraftingModel>().Client is not null)
        {
            providers.Add("model");
        }

        var rows = new List<Row>();
        foreach (string provider in providers)
        {
            foreach (string path in Directory.GetFiles(Path.Combine(shared, "reference"), "*.json").Order(StringComparer.Ordinal))
            {
                var evaluation = EvaluationJson.Parse(await File.ReadAllTextAsync(path));
                DraftResult d = await drafting.DraftAsync(evaluation, new DraftRequest(Provider: provider));
                var itemParagraphs = d.Paragraphs.Where(p => p.Items.Count > 0).ToList();
                var reasons = d.Items.Where(i => i.StatedReason is null && i.Paragraphs.Count > 0)
                    .Select(i => Digits().Replace(d.Paragraphs[i.Paragraphs[0]].Text.Replace(i.Name, string.Empty, StringComparison.Ordinal), "#"))
                    .ToList();
                rows.Add(new Row(
                    provider,
                    Path.GetFileNameWithoutExtension(path),
                    d.Status,
                    d.Items.Count,
                    d.Items.Count(i => i.Covered),
                    itemParagraphs.Count,
                    itemParagraphs.Count(p => p.Citations.Count > 0),
                    d.Verification.Summary.Unverified + d.Verification.Summary.Contradicted + d.Verification.Summary.ClaimsContradicted,
                    d.Masked.Count,
                    reasons.Count - reasons.Distinct(StringComparer.Ordinal).Count(),
                    d.Text.Length,
                    d.Repairs,
                    d.Model.Fallback?.Error));
            }
        }

        Console.WriteLine();
        Console.WriteLine("Drafting (section 三) on the reference tables");
        Console.WriteLine("| provider | table | status | items covered | item paragraphs citing a source | unverified | masked | repeated reasons | chars | repairs |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (Row r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Provider} | {r.Table} | {r.Status} | {r.Covered}/{r.Items} | {r.Cited}/{r.ItemParagraphs} | {r.Unverified} | {r.Masked} | {r.RepeatedReasons} | {r.Characters} | {r.Repairs}{(r.Fallback is null ? string.Empty : " (fell back: " + r.Fallback + ")")} |"));
        }

        return rows;
    }

    [GeneratedRegex(@"[\d.,%]+")]
    private static partial Regex Digits();
}
