using System.CommandLine;
using System.Text.Json;
using Assistant.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Cli;

/// <summary>
/// The <c>assistant</c> command: JSON on stdout, a one-line error on stderr and a non-zero exit code
/// for bad input. Verbs: score, facts, verify, ingest, search, serve (the default).
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for bad input (unreadable file, invalid evaluation).</summary>
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            args = ["serve"];
        }

        var policy = new Option<string?>("--policy") { Description = "评分规则名称（默认 caiyu-2020-10）/ scoring policy name" };

        var scoreFile = new Argument<string>("file") { Description = "自评表JSON文件（assistant.evaluation/v1），- 表示标准输入" };
        var score = new Command("score", "计算执行率、得分与总分并核对打印数 / score and reconcile an evaluation") { scoreFile, policy };
        score.SetAction(pr => Emit(stdout, stderr, () => EvaluationService.Score(Load(pr.GetValue(scoreFile)!), pr.GetValue(policy))));

        var factsFile = new Argument<string>("file") { Description = "自评表JSON文件，- 表示标准输入" };
        var facts = new Command("facts", "列出文字中可引用的全部数字 / list every number a text may state") { factsFile, policy };
        facts.SetAction(pr => Emit(stdout, stderr, () => EvaluationService.Facts(Load(pr.GetValue(factsFile)!), pr.GetValue(policy))));

        var evaluationFile = new Option<string>("--evaluation") { Description = "自评表JSON文件", Required = true };
        var textFile = new Option<string>("--text") { Description = "待核对的文字文件（UTF-8），- 表示标准输入", Required = true };
        var verify = new Command("verify", "核对文字中的每个数字与判断 / verify every number and claim of a text") { evaluationFile, textFile, policy };
        verify.SetAction(pr => Emit(stdout, stderr, () => EvaluationService.Verify(
            Load(pr.GetValue(evaluationFile)!), ReadText(pr.GetValue(textFile)!, "text"), pr.GetValue(policy))));

        var urls = new Option<string?>("--urls") { Description = "监听地址，默认 http://127.0.0.1:5080（或 Urls / ASPNETCORE_URLS）" };
        var serve = new Command("serve", "启动Web API / start the web API") { urls };
        serve.SetAction(async (pr, ct) =>
        {
            string[] hostArgs = pr.GetValue(urls) is { } u ? ["--urls", u] : [];
            await using WebApplication app = ApiHost.Build(hostArgs);
            try
            {
                await app.StartAsync(ct);
            }
            catch (Exception e) when (e is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException)
            {
                await stderr.WriteLineAsync("错误 / error: " + e.Message);
                return BadInput;
            }

            // The addresses Kestrel really bound (a port of 0, or Urls from the environment, included).
            foreach (string address in app.Urls)
            {
                await stdout.WriteLineAsync($"绩效自评助手 API: {address}  (OpenAPI: {address}/openapi/v1.json, reference: {address}/scalar/, health: {address}/health/ready)");
                if (Environment.GetEnvironmentVariable("ASSISTANT_DEV_KEY") is { Length: > 0 } key)
                {
                    await stdout.WriteLineAsync($"工作页面 / staff page: {address}/#key={key}   (the key stays in the browser tab)");
                }
            }

            await app.WaitForShutdownAsync(ct);
            return 0;
        });

        var root = new RootCommand("绩效自评助手 / budget performance self-evaluation assistant")
        {
            score, facts, verify, CorpusCommands.Ingest(stdout, stderr), CorpusCommands.Search(stdout, stderr), DraftCommands.Draft(stdout, stderr), KeyCommands.Keys(stdout, stderr), serve,
        };
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await stderr.WriteLineAsync("错误 / error: " + string.Join("; ", parsed.Errors.Select(e => e.Message)));
            return BadInput;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>The same validator the web API runs, from the same registration.</summary>
    private static readonly Lazy<IValidator<Evaluation>> EvaluationValidator =
        new(() => CliHost.Build().Services.GetRequiredService<IValidator<Evaluation>>());

    /// <summary>Reads, parses and validates an evaluation file exactly as the API does a body.</summary>
    internal static Evaluation Load(string path) => EvaluationValidator.Value.Check(EvaluationJson.Parse(ReadText(path, "file")));

    private static string ReadText(string path, string field)
    {
        try
        {
            return path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException(field, $"无法读取文件“{path}”：{ex.Message}", $"cannot read file \"{path}\": {ex.Message}");
        }
    }

    private static int Emit<T>(TextWriter stdout, TextWriter stderr, Func<T> produce)
    {
        try
        {
            stdout.WriteLine(JsonSerializer.Serialize(produce(), ScoreContract.JsonOptions));
            return 0;
        }
        catch (InputException ex)
        {
            stderr.WriteLine("错误 / error: " + string.Join("; ", ex.Errors.Select(e => $"{e.Field}: {e.Zh} / {e.En}")));
            return BadInput;
        }
    }
}
