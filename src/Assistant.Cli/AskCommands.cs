using System.CommandLine;
using System.Text.Json;
using Assistant.Features.Conversations;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Cli;

/// <summary><c>assistant ask</c>: one chat turn about an evaluation file, offline unless a model is configured.</summary>
internal static class AskCommands
{
    public static Command Ask(TextWriter stdout, TextWriter stderr)
    {
        var evaluation = new Option<string>("--evaluation") { Description = "自评表JSON文件（assistant.evaluation/v1），- 表示标准输入", Required = true };
        var question = new Argument<string>("question") { Description = "问题，如“总分怎么算？每项扣多少？”" };
        var policy = new Option<string?>("--policy") { Description = "评分规则名称 / scoring policy" };
        var format = new Option<string>("--format") { Description = "json（默认：text、调用的工具、被拦下的数字）| text（只输出回答）", DefaultValueFactory = _ => "json" };
        var command = new Command("ask", "就一张自评表提一个问题（离线助手，配置了模型时用模型）/ ask one question about an evaluation") { evaluation, question, policy, format };
        command.SetAction(async (pr, ct) =>
        {
            string fmt = pr.GetValue(format)!;
            Domain.Evaluations.Evaluation parsed;
            try
            {
                if (fmt is not ("json" or "text"))
                {
                    throw new InputException("format", "--format 只能是 json 或 text。", "--format must be json or text.");
                }

                parsed = CliApp.Load(pr.GetValue(evaluation)!);
                EvaluationService.ResolvePolicy(pr.GetValue(policy));
            }
            catch (InputException e)
            {
                await stderr.WriteLineAsync("错误 / error: " + string.Join("; ", e.Errors.Select(x => $"{x.Field}: {x.Zh} / {x.En}")));
                return CliApp.BadInput;
            }

            // The corpus when the database answers; without it the tools that need it say so.
            IHost? host = null;
            try
            {
                host = await CliHost.StartAsync(TextWriter.Null, ct);
                if (host is null)
                {
                    await stderr.WriteLineAsync("提示 / note: 数据库不可用，不使用语料库 / database unavailable, answering without the corpus");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await stderr.WriteLineAsync("提示 / note: 数据库不可用，不使用语料库 / database unavailable, answering without the corpus: " + e.GetType().Name);
            }

            using IHost? _ = host;
            IServiceProvider? services = host?.Services;
            var model = services?.GetService<DraftingModel>()?.Client;
            try
            {
                SingleTurnResult result = await SingleTurn.AskAsync(parsed, pr.GetValue(policy), pr.GetValue(question)!, model, services?.GetService<Assistant.Features.Orchestration.AssistantKernel>(),
                    services?.GetService<ExplanationService>(), services?.GetService<CorpusSearch>(), services?.GetService<DraftingService>(), services?.GetService<Assistant.Features.Reporting.ReportService>(), ct);
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
