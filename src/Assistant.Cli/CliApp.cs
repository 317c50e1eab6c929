using System.CommandLine;
using System.Text.Json;
using Assistant.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Cli;

/// <summary>
/// The <c>assistant</c> command: JSON on stdout, a one-line error on stderr and a non-zero exit code
/// for bad input. Verbs: score, facts, verify, ingest, search, draft, ask, report, keys, units, worker, serve (the default).
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

        var table = new Option<int?>("--table") { Description = "文件中有多张表时，第几张（从1开始）/ which table of a document with several (1-based)" };

        var scoreFile = new Argument<string>("file") { Description = "自评表：JSON（assistant.evaluation/v1）、.xlsx、.docx 或 .txt/.md 文件，- 表示标准输入" };
        var score = new Command("score", "计算执行率、得分与总分并核对打印数 / score and reconcile an evaluation") { scoreFile, policy, table };
        score.SetAction(pr => Emit(stdout, stderr, () => EvaluationService.Score(Load(pr.GetValue(scoreFile)!, pr.GetValue(table)), pr.GetValue(policy))));

        var factsFile = new Argument<string>("file") { Description = "自评表：JSON、.xlsx、.docx 或文本文件，- 表示标准输入" };
        var facts = new Command("facts", "列出文字中可引用的全部数字 / list every number a text may state") { factsFile, policy, table };
        facts.SetAction(pr => Emit(stdout, stderr, () => EvaluationService.Facts(Load(pr.GetValue(factsFile)!, pr.GetValue(table)), pr.GetValue(policy))));

        var evaluationFile = new Option<string>("--evaluation") { Description = "自评表（JSON 或文档；一份带附表的报告也可以）", Required = true };
        var textFile = new Option<string?>("--text") { Description = "待核对的文字（UTF-8/GB18030 文本或 .docx）；省略时核对 --evaluation 文档自身的文字" };
        var verify = new Command("verify", "核对文字中的每个数字与判断（文档中有多张表时逐表核对）/ verify every number and claim of a text against every table") { evaluationFile, textFile, policy, table };
        verify.SetAction(pr => Emit(stdout, stderr, () => VerifyDocument(pr.GetValue(evaluationFile)!, pr.GetValue(textFile), pr.GetValue(table), pr.GetValue(policy))));

        var importFile = new Argument<string>("file") { Description = ".xlsx、.docx、.txt/.md 文件（- 表示标准输入）" };
        var import = new Command("import", "把 Excel、Word 或从 PDF 复制的文字读成自评表 JSON（多张表时输出数组，提示写到标准错误）/ read a document into evaluation JSON") { importFile, table };
        import.SetAction(pr => ImportDocument(stdout, stderr, pr.GetValue(importFile)!, pr.GetValue(table)));

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
            score, facts, verify, import, CorpusCommands.Ingest(stdout, stderr), CorpusCommands.Search(stdout, stderr), DraftCommands.Draft(stdout, stderr), AskCommands.Ask(stdout, stderr), ReportCommands.Report(stdout, stderr), KeyCommands.Keys(stdout, stderr), UnitCommands.Units(stdout, stderr), WorkerCommands.Worker(stdout, stderr), serve,
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

    /// <summary>Reads, parses (JSON or a document) and validates an evaluation file exactly as the API does a body.</summary>
    internal static Evaluation Load(string path, int? table = null) =>
        EvaluationValidator.Value.Check(TableInput.LoadOne(path == "-" ? "stdin" : path, ReadBytes(path, "file"), table));

    private static VerificationResponse VerifyDocument(string evaluationPath, string? textPath, int? table, string? policy)
    {
        TableSource source = TableInput.Load(evaluationPath == "-" ? "stdin" : evaluationPath, ReadBytes(evaluationPath, "evaluation"), table);
        string text = textPath is not null
            ? DocumentImporter.TextOf(textPath == "-" ? "stdin.txt" : textPath, ReadBytes(textPath, "text"))
            : source.Text ?? throw new InputException("text", "缺少 --text（JSON 自评表没有报告文字）", "--text is required (a JSON evaluation carries no report text)");
        return ReportVerification.Verify(source.Evaluations, text, policy);
    }

    private static int ImportDocument(TextWriter stdout, TextWriter stderr, string path, int? table)
    {
        try
        {
            ImportResult result = DocumentImporter.Import(path == "-" ? "stdin.txt" : path, ReadBytes(path, "file"));
            IReadOnlyList<ImportedTable> tables = table is null ? result.Tables : [ImportContract.Pick(result, table)];
            foreach (ImportedTable t in tables)
            {
                foreach (ImportWarning w in t.Warnings)
                {
                    stderr.WriteLine($"提示 / warning: {t.Title} {w.Path}（{w.Source}）：{w.Zh} / {w.En}");
                }
            }

            stdout.WriteLine(ImportContract.Serialize(tables));
            return 0;
        }
        catch (InputException ex)
        {
            stderr.WriteLine("错误 / error: " + string.Join("; ", ex.Errors.Select(e => $"{e.Field}: {e.Zh} / {e.En}")));
            return BadInput;
        }
    }

    private static byte[] ReadBytes(string path, string field)
    {
        try
        {
            if (path == "-")
            {
                using var ms = new MemoryStream();
                Console.OpenStandardInput().CopyTo(ms);
                return ms.ToArray();
            }

            var info = new FileInfo(path);
            if (info.Exists && info.Length > DocumentImporter.MaxBytes)
            {
                throw new InputException(field, $"文件超过 {DocumentImporter.MaxBytes / 1024 / 1024} MB。", $"the file is larger than {DocumentImporter.MaxBytes / 1024 / 1024} MB.");
            }

            return File.ReadAllBytes(path);
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
