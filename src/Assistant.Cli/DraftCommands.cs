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
        var evaluation = new Option<string>("--evaluation") { Description = "自评表：JSON（assistant.evaluation/v1）、.xlsx、.docx 或文本文件，- 表示标准输入；或已保存的自评表编号（与 --unit 一起）", Required = true };
        var unit = new Option<string?>("--unit") { Description = "已保存的自评表所属单位的代码（--evaluation 为编号时）；按该单位在对话中给出的原因和措施起草" };
        var table = new Option<int?>("--table") { Description = "文件中有多张表时，第几张（从1开始）" };
        var section = new Option<string>("--section") { Description = "deviation | deviation-reasons | improvement-measures", DefaultValueFactory = _ => "deviation" };
        var policy = new Option<string?>("--policy") { Description = "评分规则名称 / scoring policy" };
        var provider = new Option<string?>("--provider") { Description = "default | offline | model" };
        var format = new Option<string>("--format") { Description = "json（默认，完整结果）| text（只输出正文）", DefaultValueFactory = _ => "json" };
        var command = new Command("draft", "起草“三、偏离绩效目标的原因和下一步改进措施”/ draft section 三, verified and cited") { evaluation, section, policy, provider, format, table, unit };
        command.SetAction(async (pr, ct) =>
        {
            DraftRequest request;
            Domain.Evaluations.Evaluation? parsed = null;
            string fmt = pr.GetValue(format)!;
            bool stored = StoredTables.IsId(pr.GetValue(evaluation)!, out Guid storedId);
            try
            {
                parsed = stored ? null : CliApp.Load(pr.GetValue(evaluation)!, pr.GetValue(table));
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
            bool database = await CliHost.TryStartAsync(host, ct);
            if (!database)
            {
                await stderr.WriteLineAsync(CliHost.NoCorpusNote);
                request = request with { SourcesPerItem = 0 };
            }

            try
            {
                parsed ??= (await StoredTables.LoadAsync(host.Services, pr.GetValue(unit), storedId, request.Policy, database, ct)).Drafted;
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
