using System.CommandLine;
using System.Text.Json;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Cli;

/// <summary><c>assistant draft</c>: section 三 for an evaluation file, through the same pipeline as the API.</summary>
internal static class DraftCommands
{
    public static Command Draft(TextWriter stdout, TextWriter stderr)
    {
        var evaluation = new Option<string>("--evaluation") { Description = "自评表：JSON（assistant.evaluation/v1）、.xlsx、.docx 或文本文件，- 表示标准输入", Required = true };
        var table = new Option<int?>("--table") { Description = "文件中有多张表时，第几张（从1开始）" };
        var section = new Option<string>("--section") { Description = "deviation | deviation-reasons | improvement-measures", DefaultValueFactory = _ => "deviation" };
        var policy = new Option<string?>("--policy") { Description = "评分规则名称 / scoring policy" };
        var provider = new Option<string?>("--provider") { Description = "default | offline | model" };
        var format = new Option<string>("--format") { Description = "json（默认，完整结果）| text（只输出正文）", DefaultValueFactory = _ => "json" };
        var command = new Command("draft", "起草“三、偏离绩效目标的原因和下一步改进措施”/ draft section 三, verified and cited") { evaluation, section, policy, provider, format, table };
        command.SetAction(async (pr, ct) =>
        {
            DraftRequest request;
            Domain.Evaluations.Evaluation parsed;
            string fmt = pr.GetValue(format)!;
            try
            {
                parsed = CliApp.Load(pr.GetValue(evaluation)!, pr.GetValue(table));
                request = new DraftRequest(DraftSections.Parse(pr.GetValue(section)), pr.GetValue(policy), pr.GetValue(provider));
                EvaluationService.ResolvePolicy(request.Policy);
                if (fmt is not ("json" or "text"))
                {
                    throw new InputException("format", "--format 只能是 json 或 text。", "--format must be json or text.");
                }
            }
            catch (InputException e)
            {
                await stderr.WriteLineAsync("错误 / error: " + string.Join("; ", e.Errors.Select(x => $"{x.Field}: {x.Zh} / {x.En}")));
                return CliApp.BadInput;
            }

            // Without the database the draft is still written, offline and without precedents (as report does).
            IHost built;
            try
            {
                built = CliHost.Build();
            }
            catch (InvalidOperationException e)
            {
                await stderr.WriteLineAsync("错误 / error: " + e.Message);
                return CliApp.BadInput;
            }

            using IHost host = built;
            if (!await CliHost.TryStartAsync(host, ct))
            {
                await stderr.WriteLineAsync(CliHost.NoCorpusNote);
                request = request with { SourcesPerItem = 0 };
            }

            try
            {
                DraftResult result = await host.Services.GetRequiredService<DraftingService>().DraftAsync(parsed, request, null, ct);
                await stdout.WriteLineAsync(fmt == "text" ? result.Text : JsonSerializer.Serialize(result, ScoreContract.JsonOptions));
                return 0;
            }
            catch (InputException e)
            {
                await stderr.WriteLineAsync("错误 / error: " + string.Join("; ", e.Errors.Select(x => $"{x.Field}: {x.Zh} / {x.En}")));
                return CliApp.BadInput;
            }
        });
        return command;
    }
}
