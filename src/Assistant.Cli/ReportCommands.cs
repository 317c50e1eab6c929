using System.CommandLine;
using System.Text.Json;
using Assistant.Domain.Scoring;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Reporting;
using Assistant.Features.Corpus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Cli;

/// <summary>
/// <c>assistant report</c>: the whole 绩效自评报告 of an evaluation file as .docx (with the scored table
/// attached), the table as .xlsx, the text, or the JSON with every part's notes. Offline by default; the
/// corpus is used when the configured database answers.
/// </summary>
internal static class ReportCommands
{
    public static Command Report(TextWriter stdout, TextWriter stderr)
    {
        var evaluation = new Option<string>("--evaluation") { Description = "自评表JSON文件（assistant.evaluation/v1），- 表示标准输入；或已保存的自评表编号（与 --unit 一起）", Required = true };
        var unit = new Option<string?>("--unit") { Description = "已保存的自评表所属单位的代码（--evaluation 为编号时）；按该单位在对话中给出的原因和措施起草" };
        var format = new Option<string>("--format") { Description = "docx（默认）| xlsx | text | json", DefaultValueFactory = _ => "docx" };
        var output = new Option<string?>("--output") { Description = "输出文件；text/json 可省略（输出到标准输出）" };
        var policy = new Option<string?>("--policy") { Description = "评分规则名称 / scoring policy" };
        var provider = new Option<string?>("--provider") { Description = "offline（默认）| model", DefaultValueFactory = _ => "offline" };
        var command = new Command("report", "起草整篇绩效自评报告并导出Word/Excel / draft the whole report and export it") { evaluation, format, output, policy, provider, unit };
        command.SetAction(async (pr, ct) =>
        {
            string fmt = pr.GetValue(format)!.Trim().ToLowerInvariant();
            string? path = pr.GetValue(output);
            Domain.Evaluations.Evaluation? parsed = null;
            bool stored = StoredTables.IsId(pr.GetValue(evaluation)!, out Guid storedId);
            try
            {
                parsed = stored ? null : CliApp.Load(pr.GetValue(evaluation)!);
                EvaluationService.ResolvePolicy(pr.GetValue(policy));
                if (fmt is not ("docx" or "xlsx" or "text" or "json"))
                {
                    throw new InputException("format", "--format 只能是 docx、xlsx、text 或 json。", "--format must be docx, xlsx, text or json.");
                }

                if (fmt is "docx" or "xlsx" && string.IsNullOrWhiteSpace(path))
                {
                    throw new InputException("output", $"--format {fmt} 需要 --output 文件路径。", $"--format {fmt} needs --output PATH.");
                }
            }
            catch (InputException e)
            {
                await stderr.WriteLineAsync("错误 / error: " + string.Join("; ", e.Errors.Select(x => $"{x.Field}: {x.Zh} / {x.En}")));
                return CliApp.BadInput;
            }

            if (parsed is not null && fmt == "xlsx")
            {
                await using FileStream xs = File.Create(path!);
                TableXlsx.Write(xs, parsed, Calculator.Score(parsed, EvaluationService.ResolvePolicy(pr.GetValue(policy))));
                return 0;
            }

            IHost host;
            try
            {
                host = CliHost.Build();
            }
            catch (InvalidOperationException e)
            {
                await stderr.WriteLineAsync("错误 / error: " + e.Message);
                return CliApp.BadInput;
            }

            using IHost started = host;
            IServiceProvider services = host.Services;
            bool corpus = await CliHost.TryStartAsync(host, ct);
            if (!corpus)
            {
                await stderr.WriteLineAsync(CliHost.NoCorpusNote);
            }

            try
            {
                // A stored table (--evaluation ID --unit CODE) is drafted as the web API drafts it (with the unit's chat edits), scored and annexed as stored.
                Domain.Evaluations.Evaluation drafted;
                if (parsed is null)
                {
                    (parsed, drafted) = await StoredTables.LoadAsync(services, pr.GetValue(unit), storedId, pr.GetValue(policy), corpus, ct);
                }
                else
                {
                    drafted = parsed;
                }

                ScoreReport score = Calculator.Score(parsed, EvaluationService.ResolvePolicy(pr.GetValue(policy)));
                if (fmt == "xlsx")
                {
                    await using FileStream xs = File.Create(path!);
                    TableXlsx.Write(xs, parsed, score);
                    return 0;
                }

                var request = new ReportRequest(null, pr.GetValue(policy), pr.GetValue(provider), corpus ? 3 : 0);
                ReportDraft report = await services.GetRequiredService<ReportService>().DraftAsync(drafted, request, null, ct);
                switch (fmt)
                {
                    case "docx":
                        await using (FileStream ds = File.Create(path!))
                        {
                            ReportDocx.Write(ds, parsed, score, report);
                        }

                        break;
                    case "text":
                        await Write(report.Text);
                        break;
                    default:
                        await Write(JsonSerializer.Serialize(report, ScoreContract.JsonOptions));
                        break;
                }

                return 0;
            }
            catch (InputException e)
            {
                await stderr.WriteLineAsync("错误 / error: " + string.Join("; ", e.Errors.Select(x => $"{x.Field}: {x.Zh} / {x.En}")));
                return CliApp.BadInput;
            }

            async Task Write(string text)
            {
                if (string.IsNullOrWhiteSpace(path))
                {
                    await stdout.WriteLineAsync(text);
                }
                else
                {
                    await File.WriteAllTextAsync(path, text + "\n", ct);
                }
            }
        });
        return command;
    }
}
