using Assistant.Features.Conversations;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.Extensions.Hosting;
using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Reporting;
using Assistant.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Eval;

/// <summary>
/// The whole report on every reference table, part by part (offline, and through the configured model when
/// Drafting__Provider is set), over a corpus of the seeds and the demo reports. Per part: the items it must
/// name (一: the fund lines with money and each 一级; 二: every indicator; 三: every deviation item; 四: the
/// 总分; 五: each cancelled indicator and a weight total that is not 100), numbers verified, what was masked
/// or taken out, sources cited, text that must never be submitted; per report: sentences repeated across parts.
/// </summary>
internal static partial class WholeReportEval
{
    public sealed record Row(string Provider, string Table, string Part, string Status, int Items, int Covered, int Numbers, int Verified, int Unverified, int Masked, int Cited, int Notes, bool Submittable, int RepeatedSentences, int Characters);

    public static async Task<List<Row>> RunAsync(string repo, string shared)
    {
        await using var database = new TestDatabase("evalreport");
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
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
        foreach (var file in Directory.GetFiles(Path.Combine(shared, "seeds")).Concat(Directory.GetFiles(Path.Combine(repo, "samples", "corpus"))).Order(StringComparer.Ordinal))
        {
            await store.IngestAsync(Path.GetFileName(file), await File.ReadAllBytesAsync(file), source: "eval");
        }

        await store.AnalyzeAsync();
        var service = services.GetRequiredService<ReportService>();
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
                FactSheet sheet = FactSheet.Build(evaluation);
                ReportDraft report = await service.DraftAsync(evaluation, new ReportRequest(Provider: provider));
                var repeated = Repeated(report);
                foreach (ReportPartDto part in report.Parts)
                {
                    var items = ItemsOf(part.Key, sheet);
                    string flat = Flat(part.Text);
                    rows.Add(new Row(provider, Path.GetFileNameWithoutExtension(path), part.Key, part.Status, items.Count, items.Count(i => i.Split('|').Any(form => flat.Contains(Flat(form), StringComparison.Ordinal))),
                        part.Verification.Numbers, part.Verification.Verified, part.Verification.Unverified + part.Verification.Contradicted + part.Verification.ClaimsContradicted,
                        part.Masked.Count + part.Notes.Count(n => n.Message.StartsWith("以下句子", StringComparison.Ordinal)),
                        part.Sources.Count, part.Notes.Count, ReportText.IsSubmittable(part.Text), repeated.GetValueOrDefault(part.Key), part.Text.Length));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("The whole report, part by part, on the reference tables");
        Console.WriteLine("| provider | table | part | status | items named | numbers verified | unverified | masked | cited | notes | submittable | repeated sentences | chars |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (Row r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Provider} | {r.Table} | {r.Part} | {r.Status} | {r.Covered}/{r.Items} | {r.Verified}/{r.Numbers} | {r.Unverified} | {r.Masked} | {r.Cited} | {r.Notes} | {(r.Submittable ? "yes" : "NO")} | {r.RepeatedSentences} | {r.Characters} |"));
        }

        return rows;
    }

    /// <summary>What a part must name.</summary>
    public static IReadOnlyList<string> ItemsOf(string part, FactSheet sheet)
    {
        var e = sheet.Evaluation;
        ScoreReport score = sheet.Report;
        return part switch
        {
            ReportParts.Targets => e.Funds.Lines.Where(l => !string.IsNullOrWhiteSpace(l.Parent) && (l.Budget?.Value ?? 0m) != 0m).Select(l => l.Name.Trim())
                .Concat(e.Indicators.Select(i => ReportFacts.Level1Of(i.Level1)).Distinct(StringComparer.Ordinal)).ToList(),
            ReportParts.Performance => e.Indicators.Select(i => i.Name.Trim()).ToList(),
            // A fund line may be named by its name or, as reports write 预算执行率偏低, by its 执行率 as printed.
            ReportParts.Deviation => DeviationItems.Find(sheet).Select(i => i.FundLineIndex is int f && score.Funds.FirstOrDefault(l => l.Index == f)?.Rate is decimal rate
                ? i.Name.Trim() + "|执行率" + (rate * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%"
                : i.Name.Trim()).ToList(),
            ReportParts.Application => score.TotalRounded is { } t ? [t.ToString("0.00", CultureInfo.InvariantCulture)] : [],
            ReportParts.Other => score.Indicators.Where(r => r.Rule == IndicatorRule.Cancelled).Select(r => r.Name.Trim())
                .Concat(score.Findings.Any(f => f.Code == FindingCodes.WeightsTotal) && score.WeightTotal is { } w ? [$"分值合计{w.ToString("0", CultureInfo.InvariantCulture)}分"] : []).ToList(),
            _ => [],
        };
    }

    /// <summary>Per part, its sentences (numbers blanked, 12+ characters) that also appear elsewhere in the report.</summary>
    public static Dictionary<string, int> Repeated(ReportDraft report)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var byPart = report.Parts.ToDictionary(p => p.Key, p => Sentences(p.Text).ToList());
        foreach (string s in byPart.Values.SelectMany(x => x))
        {
            seen[s] = seen.GetValueOrDefault(s) + 1;
        }

        return byPart.ToDictionary(kv => kv.Key, kv => kv.Value.Count(s => seen[s] > 1));
    }

    private static IEnumerable<string> Sentences(string text) =>
        text.Split('\n').SelectMany(ReportText.Sentences).Select(s => Digits().Replace(s.Trim(), "#")).Where(s => s.Length >= 12);

    private static string Flat(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"[\d.,%]+")]
    private static partial Regex Digits();
}
