using Assistant.Features.Conversations;
using Assistant.Features.Records;
using Assistant.Features.Storage;
using Microsoft.Extensions.Hosting;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Eval;

/// <summary>
/// The drafting-quality rubric (<see cref="DraftQuality"/>) on every reference table and on the adversarial
/// cases in eval/cases/drafting/ (tables and small corpora built to tempt the drafter into one class of
/// mistake), drafted offline (twice, to check the output is deterministic) and through a scripted model
/// that returns a fixed, tempting text the pipeline must clean, repair or replace.
/// </summary>
internal static class DraftQualityEval
{
    public sealed record Row(string Provider, string Case, string Status, int Items, int Notes, bool Deterministic, bool FellBack, DraftDefects Defects);

    public static async Task<List<Row>> RunAsync(string repo, string shared)
    {
        await using var database = new TestDatabase("evalquality");
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

        var cases = new List<(string Name, Evaluation Evaluation)>();
        foreach (string table in Directory.GetFiles(Path.Combine(shared, "reference"), "*.json").Order(StringComparer.Ordinal))
        {
            cases.Add(("reference/" + Path.GetFileNameWithoutExtension(table), EvaluationJson.Parse(await File.ReadAllTextAsync(table))));
        }

        var corpus = Directory.GetFiles(Path.Combine(shared, "seeds")).Concat(Directory.GetFiles(Path.Combine(repo, "samples", "corpus")))
            .Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        foreach (string path in Directory.GetFiles(Path.Combine(repo, "eval", "cases", "drafting"), "*.json").Order(StringComparer.Ordinal))
        {
            JsonNode c = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
            cases.Add(((string)c["name"]!, EvaluationJson.Parse(c["evaluation"]!.ToJsonString())));
            corpus.AddRange(c["corpus"]!.AsArray().Select(d => ((string)d!["file"]!, Encoding.UTF8.GetBytes((string)d["text"]!))));
        }

        foreach (var (name, bytes) in corpus)
        {
            await store.IngestAsync(name, bytes, source: "eval");
        }

        await store.AnalyzeAsync();
        var offline = services.GetRequiredService<DraftingService>();
        var scripted = new DraftingService(services.GetRequiredService<CorpusSearch>(), new DraftingModel(new TemptingModel()),
            services.GetRequiredService<OfflineDrafter>(), services.GetRequiredService<Assistant.Features.Orchestration.AssistantKernel>(), NullLogger<DraftingService>.Instance);

        var decorated = new DraftingService(services.GetRequiredService<CorpusSearch>(), new DraftingModel(new DecoratedModel()),
            services.GetRequiredService<OfflineDrafter>(), services.GetRequiredService<Assistant.Features.Orchestration.AssistantKernel>(), NullLogger<DraftingService>.Instance);
        var samples = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<Row>();
        foreach (var (name, evaluation) in cases)
        {
            DraftResult a = await offline.DraftAsync(evaluation, new DraftRequest(Provider: "offline"));
            DraftResult b = await offline.DraftAsync(evaluation, new DraftRequest(Provider: "offline"));
            rows.Add(Score("offline", name, evaluation, a, Same(a, b)));
            DraftResult m = await scripted.DraftAsync(evaluation, new DraftRequest(Provider: "model"));
            DraftResult m2 = await scripted.DraftAsync(evaluation, new DraftRequest(Provider: "model"));
            rows.Add(Score("scripted", name, evaluation, m, Same(m, m2)));
            DraftResult x = await decorated.DraftAsync(evaluation, new DraftRequest(Provider: "model"));
            DraftResult x2 = await decorated.DraftAsync(evaluation, new DraftRequest(Provider: "model"));
            rows.Add(Score("decorated", name, evaluation, x, Same(x, x2)));
            if (name.StartsWith("reference/", StringComparison.Ordinal))
            {
                samples[name] = x.Text;
            }
        }

        Console.WriteLine();
        Console.WriteLine("Drafting quality rubric (defects per draft; 0 is the goal)");
        Console.WriteLine("| provider | case | status | items | notes | kind | foreign | lead-in | note in text | repeated | self-cite | largest gap | weak unflagged | guessed | mismatched measures | deterministic | fell back |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (Row r in rows)
        {
            DraftDefects d = r.Defects;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Provider} | {r.Case} | {r.Status} | {r.Items} | {r.Notes} | {d.KindMismatch} | {d.ForeignSubjects} | {d.DanglingLeadIns} | {d.NotesInText} | {d.RepeatedSentences} | {d.SelfCitations} | {d.LargestGapUncovered} | {d.WeakReasonsUnflagged} | {d.GuessedCauses} | {d.MismatchedMeasures} | {(r.Deterministic ? "yes" : "NO")} | {(r.FellBack ? "yes" : "no")} |"));
            foreach (string detail in d.Details)
            {
                Console.WriteLine($"|   {detail.Replace('|', '/')} | | | | | | | | | | | | | | | | |");
            }
        }

        foreach (var (name, text) in samples.Take(1))
        {
            Console.WriteLine($"\nA decorated model's draft of {name} after cleaning:\n{text}");
        }

        return rows;
    }

    private static bool Same(DraftResult a, DraftResult b) =>
        a.Text == b.Text && JsonSerializer.Serialize(a.Notes) == JsonSerializer.Serialize(b.Notes) && JsonSerializer.Serialize(a.Sources) == JsonSerializer.Serialize(b.Sources);

    private static Row Score(string provider, string name, Evaluation evaluation, DraftResult d, bool deterministic)
    {
        FactSheet sheet = FactSheet.Build(evaluation);
        // The items as the drafter numbers them (low fund parts included), so a paragraph's item ids name the right rows.
        var items = DeviationItems.Find(sheet, Assistant.Domain.Scoring.ScoringPolicy.Default, lowParts: true);
        var paragraphs = d.Paragraphs.Select(p => new ReviewedParagraph(p.Text, p.Items, p.Citations.Select(c => c.Source).ToList())).ToList();
        var sources = d.Sources.Select(s => new ReviewedSource(s.Source, s.Title, s.Region, s.Year, s.Indicator)).ToList();
        var notes = d.Notes.Select(n => new ReviewNote(n.Kind, n.Message, n.Item, n.IndicatorIndex, n.Indicator, n.Part)).ToList();
        return new Row(provider, name, d.Status, d.Items.Count, d.Notes.Count, deterministic, d.Model.Fallback is not null, DraftQuality.Score(sheet, items, paragraphs, sources, notes));
    }

    /// <summary>
    /// A scripted model whose draft is sound but decorated with the mistakes in every item: a note to
    /// the unit, a lead-in with nothing after it, another fund's people, one template repeated for each item.
    /// The pipeline must strike them and keep the rest (no fallback).
    /// </summary>
    private sealed class DecoratedModel : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var brief = (DraftBrief)options!.AdditionalProperties![DraftBrief.OptionKey]!;
            var lines = OfflineDrafter.Compose(brief).Split('\n').Select(line =>
            {
                DeviationItem? item = brief.Items.Select(b => b.Item).FirstOrDefault(i => line.Contains(i.Name, StringComparison.Ordinal));
                return item is null || !char.IsAsciiDigit(line.FirstOrDefault())
                    ? line
                    : line + $"请单位结合实际核实补充。建立“{item.Name}”完成情况月度调度机制，对进度滞后的指标及时分析原因、调整措施。督促培训机构按进度申报，实行按季度结算。为提高资金使用效益，我们将采取以下措施。";
            });
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Join('\n', lines))) { ModelId = "decorated" });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "decorated") : null;

        public void Dispose()
        {
        }
    }

    /// <summary>
    /// A scripted model that writes every mistake of the issue into its draft: notes to the unit, a lead-in
    /// with nothing after it, another fund's people, one template for every item, the first source cited.
    /// </summary>
    private sealed class TemptingModel : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var brief = options?.AdditionalProperties?[DraftBrief.OptionKey] as DraftBrief;
            var sb = new StringBuilder("三、偏离绩效目标的原因和下一步改进措施\n（一）偏离绩效目标的原因\n");
            int n = 1;
            foreach (BriefItem bi in brief?.Items ?? [])
            {
                DeviationItem i = bi.Item;
                string fact = i.FactIds.FirstOrDefault() is { } f ? DraftText.Ref(f) : string.Empty;
                string cite = bi.ReasonSources.Count > 0 ? DraftText.Cite(bi.ReasonSources[0]) : string.Empty;
                sb.Append(CultureInfo.InvariantCulture, $"{n++}. “{i.Name}”{i.Situation}，涉及{fact}。主要原因是岗位空缺导致补贴支出少于预算{cite}。请单位结合实际核实补充。")
                  .Append(CultureInfo.InvariantCulture, $"建立“{i.Name}”完成情况月度调度机制，对进度滞后的指标及时分析原因。优先安置零就业家庭成员和大龄失业人员。为提高资金使用效益，我们将采取以下措施。\n");
            }

            sb.Append("（二）下一步改进措施\n1. 督促培训机构按进度申报，实行按季度结算。根据上年实际见习人数科学设置目标值。同一原因用于多个指标，建议单位分别说明本指标的具体情况。\n");
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, sb.ToString())) { ModelId = "tempting" });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "tempting") : null;

        public void Dispose()
        {
        }
    }
}
