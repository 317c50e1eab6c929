using System.CommandLine;
using System.Text.Json;
using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;
using Assistant.Features.Evaluations;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli;

/// <summary><c>assistant ingest</c> and <c>assistant search</c>: the corpus from the command line, same code as the API.</summary>
internal static class CorpusCommands
{
    /// <summary>Some files failed (reported in the summary); the rest were ingested.</summary>
    public const int PartialFailure = 1;

    private static readonly string[] Extensions = [".txt", ".md", ".markdown", ".docx"];

    public static Command Ingest(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Description = "报告文件或目录（.txt/.md/.docx）/ report files or folders", Arity = ArgumentArity.OneOrMore };
        var region = new Option<string?>("--region") { Description = "地区（覆盖从报告中识别的值）" };
        var year = new Option<int?>("--year") { Description = "年度" };
        var fund = new Option<string?>("--fund") { Description = "资金名称" };
        var source = new Option<string>("--source") { Description = "来源标记，如 sample、seed、upload", DefaultValueFactory = _ => "upload" };
        var bulk = new Option<bool>("--bulk") { Description = "大批量：先删除检索索引，入库后重建（文档数不少于已存文档数且至少 1000 份时自动如此）/ drop the search indexes and rebuild them after the load (automatic when the files are at least 1,000 and as many as are stored)" };
        var graphs = new Option<string>("--graphs") { Description = "background（默认：内存精确扫描可用时，向量图索引在后台建，入库后即可检索）或 now（返回前建好全部索引）/ background (the default: while the exact in-memory scan serves, the vector graphs are built in the background and the reports are searchable at once) or now (every index built before returning)", DefaultValueFactory = _ => "background" };
        var batch = new Option<int>("--batch") { Description = "每个事务写入的文档数（1–5000）/ documents per transaction", DefaultValueFactory = _ => new BulkOptions().BatchDocuments };
        var command = new Command("ingest", "解析并入库往年报告（同一文档只存一次；并行解析、批量写入，可中断后重跑）/ parse and store past reports (idempotent; parallel, batched, resumable)") { files, region, year, fund, source, bulk, batch, graphs };
        command.SetAction(async (pr, ct) =>
        {
            var paths = Expand(pr.GetValue(files)!);
            if (paths.Count == 0)
            {
                await stderr.WriteLineAsync("错误 / error: files: 没有找到报告文件 / no report files found");
                return CliApp.BadInput;
            }

            if (pr.GetValue(batch) is < 1 or > 5000)
            {
                await stderr.WriteLineAsync("错误 / error: batch: 应在 1 到 5000 之间 / must be between 1 and 5000");
                return CliApp.BadInput;
            }

            BulkGraphs? when = pr.GetValue(graphs)?.ToLowerInvariant() switch
            {
                "background" => BulkGraphs.Background,
                "now" => BulkGraphs.Now,
                _ => null,
            };
            if (when is null)
            {
                await stderr.WriteLineAsync("错误 / error: graphs: 应为 background 或 now / must be background or now");
                return CliApp.BadInput;
            }

            using var host = await CliHost.StartAsync(stderr, ct);
            if (host is null)
            {
                return CliApp.BadInput;
            }

            var loader = host.Services.GetRequiredService<CorpusBulkLoader>();
            var inputs = paths.Select(path => new BulkInput(Path.GetFileName(path), c => DocumentText.Read(Path.GetFileName(path), File.ReadAllBytes(path), c))).ToList();
            var options = new BulkOptions
            {
                Hints = new ReportHints(null, pr.GetValue(region), pr.GetValue(year), pr.GetValue(fund)),
                Source = pr.GetValue(source)!,
                Indexes = pr.GetValue(bulk) ? BulkIndexes.Rebuild : BulkIndexes.Auto,
                BatchDocuments = pr.GetValue(batch),
                Graphs = when.Value,
            };

            BulkLoadReport report;
            if (paths.Count > 1 && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                report = await console.Progress().StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("入库 / ingesting", maxValue: paths.Count);
                    return await loader.LoadAsync(inputs, options with { OnResult = (_, _) => task.Increment(1) }, ct);
                });
            }
            else
            {
                report = await loader.LoadAsync(inputs, options with
                {
                    OnResult = (i, r) => stderr.WriteLine($"[{i + 1}/{paths.Count}] {paths[i]}: {r.Status}{(r.Error is null ? string.Empty : " — " + r.Error)}"),
                }, ct);
            }

            var summary = report.Summary;
            foreach (var failed in summary.Files.Where(r => r.Status == IngestResult.Failed))
            {
                await stderr.WriteLineAsync($"跳过 / skipped {failed.FileName}: {failed.Error}");
            }

            double seconds = report.LoadSeconds + report.IndexSeconds;
            string building = summary.Building.Count == 0
                ? string.Empty
                : $"; 仍在后台建 / still building in the background: {string.Join(", ", summary.Building)} — 已可检索（词索引与内存精确扫描）/ searchable now (the words' index and the exact in-memory scan); built by a running API host or `assistant worker`, or run `assistant ingest --graphs now`";
            await stderr.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"入库 / stored: {summary.Ingested} reports, {report.PassagesStored} passages in {seconds:0.0} s ({(seconds > 0 ? report.PassagesStored / seconds : 0):0} passages/s; load {report.LoadSeconds:0.0} s, indexes {report.IndexSeconds:0.0} s{(report.IndexesRebuilt.Count > 0 ? ", rebuilt " + report.IndexesRebuilt.Count : string.Empty)}{(report.ResumedLoads > 0 ? $", finished {report.ResumedLoads} interrupted load(s)" : string.Empty)}){building}"));
            await stdout.WriteLineAsync(JsonSerializer.Serialize(summary, ScoreContract.JsonOptions));
            return summary.Failed == 0 ? 0 : summary.Failed == summary.Files.Count ? CliApp.BadInput : PartialFailure;
        });
        return command;
    }

    public static Command Search(TextWriter stdout, TextWriter stderr)
    {
        var query = new Argument<string>("query") { Description = "查询内容 / the query" };
        var top = new Option<int>("--top") { Description = "返回条数（1–50）", DefaultValueFactory = _ => 5 };
        var section = new Option<string?>("--section") { Description = "段落类型：" + string.Join("|", SectionKinds.All) };
        var fund = new Option<string?>("--fund") { Description = "资金名称（包含匹配）" };
        var region = new Option<string?>("--region") { Description = "地区（包含匹配）" };
        var year = new Option<int?>("--year") { Description = "年度" };
        var mode = new Option<string>("--mode") { Description = "hybrid|vector|lexical", DefaultValueFactory = _ => "hybrid" };
        var command = new Command("search", "检索往年报告段落 / search past reports") { query, top, section, fund, region, year, mode };
        command.SetAction(async (pr, ct) =>
        {
            SearchRequest request;
            try
            {
                request = SearchRequest.FromText(pr.GetValue(query), pr.GetValue(top), pr.GetValue(section), pr.GetValue(fund), pr.GetValue(region), pr.GetValue(year), pr.GetValue(mode));
            }
            catch (InputException e)
            {
                await stderr.WriteLineAsync("错误 / error: " + string.Join("; ", e.Errors.Select(x => $"{x.Field}: {x.Zh} / {x.En}")));
                return CliApp.BadInput;
            }

            using var host = await CliHost.StartAsync(stderr, ct);
            if (host is null)
            {
                return CliApp.BadInput;
            }

            var response = await host.Services.GetRequiredService<CorpusSearch>().SearchAsync(request, ct);
            await stdout.WriteLineAsync(JsonSerializer.Serialize(response, ScoreContract.JsonOptions));
            return 0;
        });
        return command;
    }

    private static List<string> Expand(string[] inputs)
    {
        var list = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                list.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                list.Add(input);
            }
        }

        return list;
    }
}
